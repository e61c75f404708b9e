import { createTeam, listTeamsOfOwner, replaceTeam, TeamInput, teamOfOwner } from '../../shared/team/team.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  IdempotencyHeaders,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  PageOf,
  PageQuery,
  pageRequest,
  pageView,
  requireIfMatch,
} from '../http/params.ts';
import { TeamOut, TeamParams, teamView, withEtag } from './schemas.ts';

/** Teams: a resident registers and edits their own. */
export function teamsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('createTeam', {
      request: { headers: IdempotencyHeaders, body: jsonBody(TeamInput) },
      responses: {
        201: jsonResponse(TeamOut, 'Created'),
        200: jsonResponse(TeamOut, 'Already created with this Idempotency-Key'),
        ...problems(400, 401, 403, 422),
      },
    }),
    async (c) => {
      const { team, created } = await createTeam(
        deps,
        principalOf(c),
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(teamView(team), created ? 201 : 200, {
        ...withEtag(team.version),
        Location: `/api/teams/${team.id}`,
      });
    },
  );

  app.openapi(
    defineRoute('listMyTeams', {
      request: { query: PageQuery },
      responses: { 200: jsonResponse(PageOf(TeamOut), 'My teams'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const page = await listTeamsOfOwner(deps, principalOf(c), pageRequest(c.req.valid('query')));
      return c.json(pageView(page, teamView), 200);
    },
  );

  app.openapi(
    defineRoute('getTeam', {
      request: { params: TeamParams },
      responses: { 200: jsonResponse(TeamOut, 'The team'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const team = await teamOfOwner(deps, principalOf(c), c.req.valid('param').teamId);
      return c.json(teamView(team), 200, withEtag(team.version));
    },
  );

  app.openapi(
    defineRoute('replaceTeam', {
      request: { params: TeamParams, headers: IfMatchHeaders, body: jsonBody(TeamInput) },
      responses: { 200: jsonResponse(TeamOut, 'Updated'), ...problems(400, 401, 403, 404, 412, 422, 428) },
    }),
    async (c) => {
      const ifMatch = requireIfMatch(c.req.valid('header')['if-match']);
      const team = await replaceTeam(
        deps,
        principalOf(c),
        c.req.valid('param').teamId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(teamView(team), 200, withEtag(team.version));
    },
  );

  return app;
}
