import { createFunctionApp, type HttpDeps } from '../http/app.ts';
import { scoringPages } from './pages/routes.tsx';
import { panelRoutes } from './panel.ts';
import { resultsRoutes } from './results.ts';
import { sheetsRoutes } from './sheets.ts';

/** Online judging: the panel, assignments, blind review, score sheets and the ranking. */
export function createScoringApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);
  app.route('/', panelRoutes(deps));
  app.route('/', resultsRoutes(deps));
  app.route('/', sheetsRoutes(deps));
  app.route('/', scoringPages(deps));
  return app;
}
