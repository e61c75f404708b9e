import { createRouter, type HttpDeps } from '../../http/app.ts';
import { panelPages } from './panel-routes.tsx';
import { publicPages } from './public-routes.tsx';

/** The procurement function's pages, each group in its own module. */
export function procurementPages(deps: HttpDeps) {
  const app = createRouter();
  // The public announcement and result, notice verification and printing, the panel's sheets.
  app.route('/', publicPages(deps));
  app.route('/', panelPages(deps));
  return app;
}
