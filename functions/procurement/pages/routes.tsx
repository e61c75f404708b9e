import { createRouter, type HttpDeps } from '../../http/app.ts';
import { procurementOfficePages } from './office.tsx';
import { panelPages } from './panel-routes.tsx';
import { publicPages } from './public-routes.tsx';
import { procurementSupplierPages } from './supplier.tsx';

/**
 * Every page of the procurement function, mounted from here only, each group in its own module:
 * the office's (list, set-up, dashboard), the suppliers' (bid, final quotation), the public
 * announcement and result with notice verification and printing, and the panel's sheets.
 */
export function procurementPages(deps: HttpDeps) {
  const app = createRouter();
  app.route('/', procurementOfficePages(deps));
  app.route('/', procurementSupplierPages(deps));
  app.route('/', publicPages(deps));
  app.route('/', panelPages(deps));
  return app;
}
