import { createFunctionApp, type HttpDeps } from '../http/app.ts';
import { bundleRoutes } from './bundle.ts';
import { shortlistingOfficePages } from './pages/office.tsx';
import { shortlistingPages } from './pages/routes.tsx';
import { publicityRoutes } from './publicity.ts';

/** Fixed-budget shortlisting: the bundle, its publicity, objections and the lock. */
export function createShortlistingApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);
  app.route('/', bundleRoutes(deps));
  app.route('/', publicityRoutes(deps));
  app.route('/', shortlistingPages(deps));
  app.route('/', shortlistingOfficePages(deps));
  return app;
}
