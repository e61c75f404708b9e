import { z } from '@hono/zod-openapi';
import {
  compareBundles,
  getDecisions,
  lockBundle,
  proposeBundle,
  publishBundle,
  readLockedBundle,
  saveDecisions,
} from '../../shared/bundle/actions.ts';
import { DecisionsInput, LockedBundle, Publicity, PublishInput } from '../../shared/bundle/model.ts';
import { SHORTLIST_POLICIES } from '../../shared/contest/model.ts';
import { lockedBundleText } from '../../shared/notice.ts';
import { etag } from '../../shared/versioned.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { IfMatchHeaders, jsonBody, jsonResponse, optionalIfMatch, optionalJsonBody } from '../http/params.ts';
import { BundleOut, ContestParams, DecisionsOut } from './schemas.ts';

/** The bundle: proposed, compared, decided, published and locked. */
export function bundleRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('proposeBundle', {
      request: {
        params: ContestParams,
        query: z.strictObject({ policy: z.enum(SHORTLIST_POLICIES).optional() }),
      },
      responses: {
        200: jsonResponse(BundleOut, 'The bundle, every proposal explained'),
        ...problems(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const bundle = await proposeBundle(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('query').policy,
      );
      return c.json(bundle, 200);
    },
  );

  app.openapi(
    defineRoute('compareBundles', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(
          z.object({ contestPolicy: z.enum(SHORTLIST_POLICIES), bundles: z.array(BundleOut) }),
          'Side by side',
        ),
        ...problems(401, 403, 404, 409, 422),
      },
    }),
    async (c) => c.json(await compareBundles(deps, principalOf(c), c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('getDecisions', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(DecisionsOut, 'The decisions'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const decisions = await getDecisions(deps, principalOf(c), c.req.valid('param').contestId);
      return c.json(decisions, 200, { ETag: etag(decisions.version) });
    },
  );

  app.openapi(
    defineRoute('saveDecisions', {
      request: { params: ContestParams, headers: IfMatchHeaders, body: jsonBody(DecisionsInput) },
      responses: { 200: jsonResponse(DecisionsOut, 'Saved'), ...problems(400, 401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const decisions = await saveDecisions(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(decisions, 200, { ETag: etag(decisions.version) });
    },
  );

  app.openapi(
    defineRoute('publishBundle', {
      request: { params: ContestParams, headers: IfMatchHeaders, body: optionalJsonBody(PublishInput) },
      responses: {
        200: jsonResponse(Publicity.openapi('PublicityRecord'), 'Published'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const { publicity } = await publishBundle(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        ifMatch,
        c.req.valid('json'),
      );
      return c.json(publicity, 200);
    },
  );

  app.openapi(
    defineRoute('lockBundle', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(LockedBundle.openapi('LockedBundle'), 'Locked'),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await lockBundle(deps, principalOf(c), c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('getLockedBundle', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(LockedBundle.omit({ lockedBy: true }), 'The locked bundle'),
        ...problems(404),
      },
    }),
    async (c) => {
      const { lockedBy: _by, ...locked } = await readLockedBundle(deps, c.req.valid('param').contestId);
      return c.json(locked, 200);
    },
  );

  app.openapi(
    defineRoute('lockedBundleText', {
      request: { params: ContestParams },
      responses: {
        200: {
          description: 'UTF-8 canonical JSON (keys sorted, no whitespace): `sha256sum` of it is the digest',
          content: { 'text/plain': { schema: z.string() } },
        },
        ...problems(404),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      const locked = await readLockedBundle(deps, contestId);
      // The bytes are the digest's input, so they go out as text, untouched (not re-serialised).
      return c.text(lockedBundleText(locked.content), 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="locked-bundle-${contestId}.json"`,
      });
    },
  );

  return app;
}
