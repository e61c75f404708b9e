import { z } from '@hono/zod-openapi';
import {
  answerObjection,
  compareBundles,
  fileObjection,
  getDecisions,
  listObjections,
  lockBundle,
  proposeBundle,
  publishBundle,
  readLockedBundle,
  readPublicity,
  saveDecisions,
} from '../../shared/bundle/actions.ts';
import {
  AnswerInput,
  BundleSummary,
  Decisions,
  DecisionsInput,
  LockedBundle,
  Objection,
  ObjectionInput,
  Publicity,
} from '../../shared/bundle/model.ts';
import { SHORTLIST_POLICIES } from '../../shared/contest/model.ts';
import { etag } from '../../shared/versioned.ts';
import { createFunctionApp, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { Id, IfMatchHeaders, jsonBody, jsonResponse, optionalIfMatch } from '../http/params.ts';

const ContestParams = z.object({ contestId: Id });
const BundleOut = BundleSummary.openapi('Bundle');
const DecisionsOut = Decisions.openapi('ShortlistDecisions');
const ObjectionOut = Objection.omit({ filedBy: true, answeredBy: true }).openapi('Objection');
const PublicityOut = z
  .object({
    contestId: z.string(),
    contestTitle: z.string(),
    officeName: z.string(),
    status: z.string(),
    publishedAt: z.string(),
    endsAt: z.string(),
    objections: z.number().int(),
    bundle: BundleOut,
  })
  .openapi('Publicity');

/** What the public may see of an objection: the question and the answer, not who asked. */
const objectionView = ({ filedBy: _f, answeredBy: _a, ...objection }: Objection) => objection;

/** Fixed-budget shortlisting: the bundle, its publicity, objections and the lock. */
export function createShortlistingApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);

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
      request: { params: ContestParams, headers: IfMatchHeaders },
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
      );
      return c.json(publicity, 200);
    },
  );

  app.openapi(
    defineRoute('getPublicity', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(PublicityOut, 'The published bundle'), ...problems(404) },
    }),
    async (c) => {
      const { contest, publicity, objections } = await readPublicity(deps, c.req.valid('param').contestId);
      return c.json(
        {
          contestId: contest.id,
          contestTitle: contest.title,
          officeName: contest.officeName,
          status: contest.status,
          publishedAt: publicity.publishedAt,
          endsAt: publicity.endsAt,
          objections,
          bundle: publicity.bundle,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute('fileObjection', {
      request: { params: ContestParams, body: jsonBody(ObjectionInput) },
      responses: { 201: jsonResponse(ObjectionOut, 'Filed'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const objection = await fileObjection(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json'),
      );
      return c.json(objectionView(objection), 201);
    },
  );

  app.openapi(
    defineRoute('listObjections', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(Objection.openapi('ObjectionRecord')) }), 'Objections'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await listObjections(deps, principalOf(c), c.req.valid('param').contestId) }, 200),
  );

  app.openapi(
    defineRoute('answerObjection', {
      request: { params: z.object({ contestId: Id, objectionId: Id }), body: jsonBody(AnswerInput) },
      responses: { 200: jsonResponse(ObjectionOut, 'Answered'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { contestId, objectionId } = c.req.valid('param');
      const objection = await answerObjection(
        deps,
        principalOf(c),
        contestId,
        objectionId,
        c.req.valid('json').answer,
      );
      return c.json(objectionView(objection), 200);
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

  return app;
}
