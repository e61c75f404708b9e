import { createFunctionApp, type HttpDeps } from '../http/app.ts';
import { communitiesRoutes } from './communities.ts';
import { contestsRoutes } from './contests.ts';
import { communitiesPages } from './pages/communities.tsx';
import { submissionsOfficePages } from './pages/office.tsx';
import { residentPages } from './pages/resident.tsx';
import { submissionsPages } from './pages/routes.tsx';
import { proposalsRoutes } from './proposals.ts';
import { teamsRoutes } from './teams.ts';

/** Contests, teams and proposal submissions: the resident-facing half of a contest. */
export function createSubmissionsApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);
  app.route('/', contestsRoutes(deps));
  app.route('/', communitiesRoutes(deps));
  app.route('/', teamsRoutes(deps));
  app.route('/', proposalsRoutes(deps));
  app.route('/', submissionsPages(deps));
  app.route('/', submissionsOfficePages(deps));
  app.route('/', communitiesPages(deps));
  app.route('/', residentPages(deps));
  return app;
}
