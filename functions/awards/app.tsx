import { createFunctionApp, type HttpDeps } from '../http/app.ts';
import { noticesRoutes } from './notices.tsx';
import { awardsOfficePages } from './pages/records.tsx';
import { awardsPages } from './pages/routes.tsx';
import { recordsRoutes } from './records.ts';

/** Award notices, their public verification, exports and the audit trail. */
export function createAwardsApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);
  app.route('/', noticesRoutes(deps));
  app.route('/', recordsRoutes(deps));
  app.route('/', awardsPages(deps));
  app.route('/', awardsOfficePages(deps));
  return app;
}
