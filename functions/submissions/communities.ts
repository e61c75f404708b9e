import { z } from '@hono/zod-openapi';
import { CodeName } from '../../shared/codes.ts';
import { addCommunity, CommunityInput, listCommunities } from '../../shared/office/communities.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { jsonBody, jsonResponse } from '../http/params.ts';
import { OfficeParams } from './schemas.ts';

const CommunityOut = CodeName.openapi('Community');

/**
 * An office's communities: the one list its teams' communities and its contests' come from.
 * Anyone reads it (a resident registering a team picks from it); the office's officers add to it.
 */
export function communitiesRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('listCommunities', {
      request: { params: OfficeParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(CommunityOut) }), "The office's communities, by name"),
        ...problems(404),
      },
    }),
    async (c) => c.json({ items: await listCommunities(deps.db, c.req.valid('param').officeId) }, 200),
  );

  app.openapi(
    defineRoute('addCommunity', {
      request: { params: OfficeParams, body: jsonBody(CommunityInput) },
      responses: {
        201: jsonResponse(CommunityOut, 'Added'),
        200: jsonResponse(CommunityOut, 'Already on the list'),
        ...problems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { officeId } = c.req.valid('param');
      const { community, created } = await addCommunity(deps, principalOf(c), officeId, c.req.valid('json'));
      return c.json(community, created ? 201 : 200);
    },
  );

  return app;
}
