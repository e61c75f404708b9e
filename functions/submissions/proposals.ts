import {
  createProposal,
  listMyProposals,
  listSubmissions,
  readProposal,
  screenProposal,
  screenProposals,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from '../../shared/proposal/actions.ts';
import {
  BulkScreeningInput,
  ProposalContentPatch,
  ProposalCreateInput,
  proposalView,
  ScreeningInput,
} from '../../shared/proposal/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { BulkOut, bulkResults } from '../http/bulk.ts';
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
import { ContestParams, ProposalOut, ProposalParams, withEtag } from './schemas.ts';

/** Proposals: drafts, submission, withdrawal and screening. */
export function proposalsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('createProposal', {
      request: { params: ContestParams, headers: IdempotencyHeaders, body: jsonBody(ProposalCreateInput) },
      responses: {
        201: jsonResponse(ProposalOut, 'Draft created'),
        200: jsonResponse(ProposalOut, 'Already created with this Idempotency-Key'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      const { proposal, created } = await createProposal(
        deps,
        principalOf(c),
        contestId,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(proposalView(proposal), created ? 201 : 200, {
        ...withEtag(proposal.version),
        Location: `/api/contests/${contestId}/proposals/${proposal.id}`,
      });
    },
  );

  app.openapi(
    defineRoute('listMyProposals', {
      request: { query: PageQuery },
      responses: { 200: jsonResponse(PageOf(ProposalOut), 'My proposals'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const page = await listMyProposals(deps, principalOf(c), pageRequest(c.req.valid('query')));
      return c.json(pageView(page, proposalView), 200);
    },
  );

  app.openapi(
    defineRoute('getProposal', {
      request: { params: ProposalParams },
      responses: { 200: jsonResponse(ProposalOut, 'The proposal'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const proposal = await readProposal(deps, principalOf(c), contestId, proposalId);
      return c.json(proposalView(proposal), 200, withEtag(proposal.version));
    },
  );

  app.openapi(
    defineRoute('updateProposal', {
      request: { params: ProposalParams, headers: IfMatchHeaders, body: jsonBody(ProposalContentPatch) },
      responses: {
        200: jsonResponse(ProposalOut, 'Updated'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const ifMatch = requireIfMatch(c.req.valid('header')['if-match']);
      const proposal = await updateProposal(
        deps,
        principalOf(c),
        contestId,
        proposalId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(proposalView(proposal), 200, withEtag(proposal.version));
    },
  );

  for (const [name, action] of [
    ['submitProposal', submitProposal],
    ['withdrawProposal', withdrawProposal],
  ] as const) {
    app.openapi(
      defineRoute(name, {
        request: { params: ProposalParams, headers: IfMatchHeaders },
        responses: {
          200: jsonResponse(ProposalOut, 'The proposal after the change'),
          ...problems(400, 401, 403, 404, 409, 412, 422),
        },
      }),
      async (c) => {
        const { contestId, proposalId } = c.req.valid('param');
        const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
        const proposal = await action(deps, principalOf(c), contestId, proposalId, ifMatch);
        return c.json(proposalView(proposal), 200, withEtag(proposal.version));
      },
    );
  }

  app.openapi(
    defineRoute('listSubmissions', {
      request: { params: ContestParams, query: PageQuery },
      responses: {
        200: jsonResponse(PageOf(ProposalOut), 'Submitted proposals'),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      const page = await listSubmissions(deps, principalOf(c), contestId, pageRequest(c.req.valid('query')));
      return c.json(pageView(page, proposalView), 200);
    },
  );

  app.openapi(
    defineRoute('screenProposal', {
      request: { params: ProposalParams, headers: IfMatchHeaders, body: jsonBody(ScreeningInput) },
      responses: {
        200: jsonResponse(ProposalOut, 'Screened'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const proposal = await screenProposal(
        deps,
        principalOf(c),
        contestId,
        proposalId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(proposalView(proposal), 200, withEtag(proposal.version));
    },
  );

  app.openapi(
    defineRoute('screenProposals', {
      request: { params: ContestParams, body: jsonBody(BulkScreeningInput) },
      responses: {
        200: jsonResponse(
          BulkOut(ProposalOut, 'BulkScreening'),
          'Each submission screened or refused on its own',
        ),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { items } = c.req.valid('json');
      const outcomes = await screenProposals(deps, principalOf(c), c.req.valid('param').contestId, items);
      const ids = items.map((item) => item.proposalId);
      return c.json(bulkResults(ids, outcomes, proposalView, c.get('locale')), 200);
    },
  );

  return app;
}
