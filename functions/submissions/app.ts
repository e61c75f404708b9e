import { z } from '@hono/zod-openapi';
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
  Contest,
  ContestCreateInput,
  ContestPatchInput,
  publicContest,
} from '../../shared/contest/model.ts';
import {
  createProposal,
  listMyProposals,
  listSubmissions,
  readProposal,
  screenProposal,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from '../../shared/proposal/actions.ts';
import {
  Proposal,
  ProposalContentPatch,
  ProposalCreateInput,
  proposalView,
  ScreeningInput,
} from '../../shared/proposal/model.ts';
import {
  createTeam,
  listTeamsOfOwner,
  replaceTeam,
  Team,
  TeamInput,
  teamOfOwner,
} from '../../shared/team/team.ts';
import { etag } from '../../shared/versioned.ts';
import { createFunctionApp, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  Id,
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

const ContestOut = Contest.omit({ requestHash: true, createdBy: true }).openapi('Contest');
const TeamOut = Team.omit({ requestHash: true, ownerSub: true }).openapi('Team');
const ProposalOut = Proposal.omit({ requestHash: true, ownerSub: true }).openapi('Proposal');

const teamView = ({ requestHash: _h, ownerSub: _o, ...team }: Team) => team;

const ContestParams = z.object({ contestId: Id });
const OfficeParams = z.object({ officeId: Id });
const TeamParams = z.object({ teamId: Id });
const ProposalParams = z.object({ contestId: Id, proposalId: Id });

const withEtag = (version: number) => ({ ETag: etag(version) });

/** Contests, teams and proposal submissions: the resident-facing half of a contest. */
export function createSubmissionsApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);

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

  return app;
}
