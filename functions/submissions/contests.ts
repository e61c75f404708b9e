import {
  cancelContest,
  closeContest,
  createContest,
  listOfficeContests,
  listPublicContests,
  openContest,
  readContest,
  updateContest,
} from '../../shared/contest/actions.ts';
import {
  CancelInput,
  ContestCreateInput,
  ContestPatchInput,
  publicContest,
} from '../../shared/contest/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  IdempotencyHeaders,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  optionalIfMatch,
  PageOf,
  PageQuery,
  pageRequest,
  pageView,
  requireIfMatch,
} from '../http/params.ts';
import { ContestOut, ContestParams, OfficeParams, withEtag } from './schemas.ts';

/** Contests: the public call and the office's drafts and phase changes. */
export function contestsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('listPublicContests', {
      request: { query: PageQuery },
      responses: { 200: jsonResponse(PageOf(ContestOut), 'Published calls'), ...problems(400) },
    }),
    async (c) => {
      const page = await listPublicContests(deps, pageRequest(c.req.valid('query')));
      return c.json(pageView(page, publicContest), 200);
    },
  );

  app.openapi(
    defineRoute('getContest', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(ContestOut, 'The contest'), ...problems(404) },
    }),
    async (c) => {
      const contest = await readContest(deps, c.get('principal'), c.req.valid('param').contestId);
      return c.json(publicContest(contest), 200, withEtag(contest.version));
    },
  );

  app.openapi(
    defineRoute('listOfficeContests', {
      request: { params: OfficeParams, query: PageQuery },
      responses: {
        200: jsonResponse(PageOf(ContestOut), "The office's contests"),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const { officeId } = c.req.valid('param');
      const page = await listOfficeContests(
        deps,
        principalOf(c),
        officeId,
        pageRequest(c.req.valid('query')),
      );
      return c.json(pageView(page, publicContest), 200);
    },
  );

  app.openapi(
    defineRoute('createContest', {
      request: { params: OfficeParams, headers: IdempotencyHeaders, body: jsonBody(ContestCreateInput) },
      responses: {
        201: jsonResponse(ContestOut, 'Created'),
        200: jsonResponse(ContestOut, 'Already created with this Idempotency-Key'),
        ...problems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { contest, created } = await createContest(
        deps,
        principalOf(c),
        c.req.valid('param').officeId,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(publicContest(contest), created ? 201 : 200, {
        ...withEtag(contest.version),
        Location: `/api/contests/${contest.id}`,
      });
    },
  );

  app.openapi(
    defineRoute('updateContest', {
      request: { params: ContestParams, headers: IfMatchHeaders, body: jsonBody(ContestPatchInput) },
      responses: {
        200: jsonResponse(ContestOut, 'Updated'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const ifMatch = requireIfMatch(c.req.valid('header')['if-match']);
      const contest = await updateContest(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(publicContest(contest), 200, withEtag(contest.version));
    },
  );

  for (const [name, action] of [
    ['openContest', openContest],
    ['closeContest', closeContest],
  ] as const) {
    app.openapi(
      defineRoute(name, {
        request: { params: ContestParams, headers: IfMatchHeaders },
        responses: {
          200: jsonResponse(ContestOut, 'The contest after the change'),
          ...problems(401, 403, 404, 409, 412, 422),
        },
      }),
      async (c) => {
        const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
        const contest = await action(deps, principalOf(c), c.req.valid('param').contestId, ifMatch);
        return c.json(publicContest(contest), 200, withEtag(contest.version));
      },
    );
  }

  app.openapi(
    defineRoute('cancelContest', {
      request: { params: ContestParams, headers: IfMatchHeaders, body: jsonBody(CancelInput) },
      responses: {
        200: jsonResponse(ContestOut, 'Cancelled'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const contest = await cancelContest(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json').reason,
        ifMatch,
      );
      return c.json(publicContest(contest), 200, withEtag(contest.version));
    },
  );

  return app;
}
