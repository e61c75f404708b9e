import { createFunctionApp, type HttpDeps } from '../http/app.ts';
import { bidsRoutes } from './bids.ts';
import { evaluationRoutes } from './evaluation.ts';
import { noticesRoutes } from './notices.ts';
import { procurementPages } from './pages/routes.tsx';
import { setupRoutes } from './setup.ts';

/** Procurement by competitive consultation: set-up, the lifecycle, sealed bids, scoring, the award. */
export function createProcurementApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);
  app.route('/', setupRoutes(deps));
  app.route('/', bidsRoutes(deps));
  app.route('/', evaluationRoutes(deps));
  app.route('/', noticesRoutes(deps));
  app.route('/', procurementPages(deps));
  return app;
}
