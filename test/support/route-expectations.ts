import { SESSION_COOKIE } from '../../functions/http/app.ts';
import type { RouteName, RouteSpec } from '../../functions/route-table.ts';
import { csrfTokenFor } from '../../functions/ui/session.ts';
import { contestInput, teamInput } from './fixtures.ts';
import { call } from './http.ts';
import { MATRIX_ACTORS, type MatrixActor, type MatrixPhase, type MatrixWorld } from './matrix-world.ts';
import { procurementInput, workedExample } from './procurement-world.ts';
import { scores } from './review-world.ts';

/**
 * What every route of the route table answers each person in `MATRIX_ACTORS`, with the request a
 * permitted person makes: the route matrix (test/integration/route-matrix.test.ts) checks it,
 * and the OpenAPI fuzzer (test/integration/openapi-fuzz.test.ts) starts from each permitted
 * request and breaks it. A new route needs an entry here; a new kind of person needs naming
 * only where they are let in (anyone not named is refused).
 */
export interface MatrixRequest {
  path: string;
  /** A JSON body (API routes). */
  body?: unknown;
  /** Form fields (page posts); the form token is added for whoever is signed in. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface MatrixCase {
  /** What this case checks beyond the route itself (an object-level case, say). */
  label?: string;
  phase: MatrixPhase;
  request: (w: MatrixWorld) => MatrixRequest;
  /**
   * The status each person gets. Anyone not named is refused: anonymous with 401 (API) or
   * the sign-in redirect 303 (pages), everyone else 403.
   */
  expect: Partial<Record<MatrixActor, number>>;
}

/** Every person, but the officer who is also a resident: what they get follows the officer's (expectedStatus). */
const everyone = (status: number) =>
  Object.fromEntries(
    MATRIX_ACTORS.filter((actor) => actor !== 'officerResident').map((actor) => [actor, status]),
  ) as Record<MatrixActor, number>;
const officer = (status: number) => ({ officer: status });
const team = (status: number) => ({ teamResident: status });
const residents = (status: number) => ({ teamResident: status, otherResident: status });
const judges = (status: number) => ({
  assignedJudge: status,
  unassignedJudge: status,
  conflictedJudge: status,
  outsiderJudge: status,
});
const c = (w: MatrixWorld) => `/api/contests/${w.contestId}`;
const p = (w: MatrixWorld, id = w.proposal) => `${c(w)}/proposals/${id}`;
const v1 = { 'if-match': '"1"' };
const pr = (w: MatrixWorld) => `/api/procurements/${w.procurementId}`;
/** The procurement's panel: the assigned, unassigned and conflicted judges (not the outsider). */
const panel = (status: number) => ({
  assignedJudge: status,
  unassignedJudge: status,
  conflictedJudge: status,
});

export const EXPECTATIONS: { [name in RouteName]?: MatrixCase[] } = {
  // Contests.
  listPublicContests: [{ phase: 'open', request: () => ({ path: '/api/contests' }), expect: everyone(200) }],
  getContest: [
    { phase: 'open', request: (w) => ({ path: c(w) }), expect: everyone(200) },
    {
      label: 'a draft, seen only by its office',
      phase: 'draft',
      request: (w) => ({ path: c(w) }),
      expect: { ...everyone(404), officer: 200 },
    },
  ],
  listOfficeContests: [
    { phase: 'draft', request: (w) => ({ path: `/api/offices/${w.office}/contests` }), expect: officer(200) },
    {
      label: "another office's list",
      phase: 'draft',
      request: (w) => ({ path: `/api/offices/${w.otherOffice}/contests` }),
      expect: { otherOfficer: 200 },
    },
  ],
  createContest: [
    {
      phase: 'draft',
      request: (w) => ({ path: `/api/offices/${w.office}/contests`, body: contestInput(w.clock.now()) }),
      expect: officer(201),
    },
  ],
  updateContest: [
    {
      phase: 'draft',
      request: (w) => ({ path: c(w), body: { title: '改名' }, headers: v1 }),
      expect: officer(200),
    },
  ],
  openContest: [{ phase: 'draft', request: (w) => ({ path: `${c(w)}/open` }), expect: officer(200) }],
  closeContest: [
    { phase: 'after-deadline', request: (w) => ({ path: `${c(w)}/close` }), expect: officer(200) },
  ],
  cancelContest: [
    {
      phase: 'open',
      request: (w) => ({ path: `${c(w)}/cancel`, body: { reason: '疫情' } }),
      expect: officer(200),
    },
  ],
  contestPage: [
    { phase: 'open', request: (w) => ({ path: `/contests/${w.contestId}` }), expect: everyone(200) },
    {
      label: 'a draft, seen only by its office',
      phase: 'draft',
      request: (w) => ({ path: `/contests/${w.contestId}` }),
      expect: { ...everyone(404), officer: 200 },
    },
  ],

  // Resident pages.
  myTeamsPage: [{ phase: 'draft', request: () => ({ path: '/me/teams' }), expect: residents(200) }],
  newTeamPage: [{ phase: 'draft', request: () => ({ path: '/me/teams/new' }), expect: residents(200) }],
  createTeamPage: [
    {
      phase: 'draft',
      request: () => ({ path: '/me/teams/new', form: teamForm }),
      expect: residents(303),
    },
  ],
  teamPage: [{ phase: 'draft', request: (w) => ({ path: `/me/teams/${w.teamId}` }), expect: team(200) }],
  saveTeamPage: [
    {
      phase: 'draft',
      request: (w) => ({ path: `/me/teams/${w.teamId}`, form: { ...teamForm, version: '1' } }),
      expect: team(303),
    },
  ],
  myProposalsPage: [{ phase: 'open', request: () => ({ path: '/me/proposals' }), expect: residents(200) }],
  newProposalPage: [
    {
      phase: 'open',
      request: (w) => ({ path: `/contests/${w.contestId}/proposals/new` }),
      expect: residents(200),
    },
  ],
  createProposalPage: [
    {
      phase: 'open',
      request: (w) => ({
        path: `/contests/${w.contestId}/proposals/new`,
        form: { teamId: w.teamId, title: '新项目', do: 'save' },
      }),
      expect: team(303),
    },
  ],
  proposalPage: [
    {
      phase: 'open',
      request: (w) => ({ path: `/me/proposals/${w.contestId}/${w.proposal}` }),
      // A resident who is an officer of the office reads the office's proposals there too.
      expect: { ...team(200), officerResident: 200 },
    },
  ],
  saveProposalPage: [
    {
      phase: 'open',
      request: (w) => ({
        path: `/me/proposals/${w.contestId}/${w.draft}`,
        form: { title: '改', version: '1', do: 'save' },
      }),
      expect: team(303),
    },
  ],

  // Office pages of the submissions function.
  officeHome: [
    { phase: 'draft', request: () => ({ path: '/office' }), expect: { officer: 200, otherOfficer: 200 } },
  ],
  officeCommunitiesPage: [
    {
      phase: 'draft',
      request: () => ({ path: '/office/communities' }),
      expect: { ...officer(200), otherOfficer: 200 },
    },
  ],
  officeAddCommunityPost: [
    {
      phase: 'draft',
      request: () => ({ path: '/office/communities', form: { name: '南城社区' } }),
      expect: { ...officer(303), otherOfficer: 303 },
    },
  ],
  officeNewContestPage: [
    {
      phase: 'draft',
      request: () => ({ path: '/office/new-contest' }),
      expect: { officer: 200, otherOfficer: 200 },
    },
  ],
  officeNewContestPost: [
    {
      phase: 'draft',
      request: () => ({ path: '/office/new-contest', form: { do: 'save' } }),
      expect: { officer: 422, otherOfficer: 422 },
    },
  ],
  officeContestPage: [
    { phase: 'open', request: (w) => ({ path: `/office/contests/${w.contestId}` }), expect: officer(200) },
  ],
  officeContestPost: [
    {
      phase: 'after-deadline',
      request: (w) => ({
        path: `/office/contests/${w.contestId}`,
        form: { do: 'close', confirmed: 'yes', version: '2' },
      }),
      expect: officer(303),
    },
  ],
  officeScreeningPage: [
    {
      phase: 'screening',
      request: (w) => ({ path: `/office/contests/${w.contestId}/screening` }),
      expect: officer(200),
    },
  ],
  officeScreeningPost: [
    {
      phase: 'screening',
      request: (w) => ({
        path: `/office/contests/${w.contestId}/screening`,
        form: { pick: w.proposal, decision: 'eligible' },
      }),
      expect: officer(303),
    },
  ],

  // An office's communities.
  listCommunities: [
    {
      phase: 'draft',
      request: (w) => ({ path: `/api/offices/${w.office}/communities` }),
      expect: everyone(200),
    },
  ],
  addCommunity: [
    {
      phase: 'draft',
      request: (w) => ({ path: `/api/offices/${w.office}/communities`, body: { name: '南城社区' } }),
      expect: officer(201),
    },
    {
      label: "another office's list",
      phase: 'draft',
      request: (w) => ({ path: `/api/offices/${w.otherOffice}/communities`, body: { name: '南城社区' } }),
      expect: { otherOfficer: 201 },
    },
  ],

  // Teams.
  createTeam: [
    { phase: 'draft', request: () => ({ path: '/api/teams', body: teamInput }), expect: residents(201) },
  ],
  listMyTeams: [{ phase: 'draft', request: () => ({ path: '/api/me/teams' }), expect: residents(200) }],
  getTeam: [{ phase: 'draft', request: (w) => ({ path: `/api/teams/${w.teamId}` }), expect: team(200) }],
  replaceTeam: [
    {
      phase: 'draft',
      request: (w) => ({ path: `/api/teams/${w.teamId}`, body: teamInput, headers: v1 }),
      expect: team(200),
    },
  ],

  // Proposals.
  createProposal: [
    {
      phase: 'open',
      request: (w) => ({ path: `${c(w)}/proposals`, body: { teamId: w.teamId, title: '新项目' } }),
      expect: team(201),
    },
    {
      label: 'an officer of the office entering with their own team (auth.officerMayNotEnter)',
      phase: 'open',
      request: (w) => ({
        path: `${c(w)}/proposals`,
        body: { teamId: w.officerResidentTeamId, title: '新项目' },
      }),
      expect: {},
    },
  ],
  listMyProposals: [
    { phase: 'open', request: () => ({ path: '/api/me/proposals' }), expect: residents(200) },
  ],
  getProposal: [
    {
      label: 'a submitted proposal',
      phase: 'open',
      request: (w) => ({ path: p(w) }),
      expect: { ...team(200), ...officer(200) },
    },
    {
      label: 'a draft proposal',
      phase: 'open',
      request: (w) => ({ path: p(w, w.draft) }),
      expect: team(200),
    },
    {
      label: "another team's proposal",
      phase: 'open',
      request: (w) => ({ path: p(w, w.otherProposal) }),
      expect: { otherResident: 200, ...officer(200) },
    },
  ],
  updateProposal: [
    {
      phase: 'open',
      request: (w) => ({ path: p(w, w.draft), body: { title: '改' }, headers: v1 }),
      expect: team(200),
    },
  ],
  submitProposal: [
    { phase: 'open', request: (w) => ({ path: `${p(w, w.draft)}/submit` }), expect: team(200) },
  ],
  withdrawProposal: [
    { phase: 'open', request: (w) => ({ path: `${p(w)}/withdraw` }), expect: team(200) },
    {
      label: "another team's proposal",
      phase: 'open',
      request: (w) => ({ path: `${p(w, w.otherProposal)}/withdraw` }),
      expect: { otherResident: 200, officerResident: 403 },
    },
  ],
  listSubmissions: [
    { phase: 'screening', request: (w) => ({ path: `${c(w)}/submissions` }), expect: officer(200) },
  ],
  screenProposal: [
    {
      phase: 'screening',
      request: (w) => ({ path: `${p(w)}/eligibility`, body: { eligible: true } }),
      expect: officer(200),
    },
  ],
  screenProposals: [
    {
      phase: 'screening',
      request: (w) => ({
        path: `${c(w)}/screenings`,
        body: { items: [{ proposalId: w.proposal, eligible: true }] },
      }),
      expect: officer(200),
    },
  ],

  // Judging.
  addJudge: [
    {
      phase: 'review',
      request: (w) => ({ path: `${c(w)}/judges/${w.users.outsiderJudge.sub}`, body: { name: '新专家' } }),
      expect: officer(201),
    },
  ],
  removeJudge: [
    {
      phase: 'review',
      request: (w) => ({ path: `${c(w)}/judges/${w.users.unassignedJudge.sub}` }),
      expect: officer(200),
    },
    {
      label: 'a judge with a submitted sheet stays',
      phase: 'review',
      request: (w) => ({ path: `${c(w)}/judges/${w.users.assignedJudge.sub}` }),
      expect: officer(409),
    },
  ],
  listPanel: [{ phase: 'review', request: (w) => ({ path: `${c(w)}/judges` }), expect: officer(200) }],
  assignJudge: [
    {
      phase: 'review',
      request: (w) => ({
        path: `${c(w)}/assignments`,
        body: { proposalId: w.otherProposal, judgeId: w.users.unassignedJudge.sub },
      }),
      expect: officer(201),
    },
  ],
  unassignJudge: [
    {
      phase: 'review',
      request: (w) => ({ path: `${c(w)}/assignments/${w.proposal}/${w.users.secondJudge.sub}` }),
      expect: officer(204),
    },
  ],
  autoAssign: [
    { phase: 'review', request: (w) => ({ path: `${c(w)}/assignments/auto` }), expect: officer(200) },
  ],
  startReview: [
    { phase: 'screened', request: (w) => ({ path: `${c(w)}/start-review` }), expect: officer(200) },
  ],
  reviewProgress: [{ phase: 'review', request: (w) => ({ path: `${c(w)}/progress` }), expect: officer(200) }],
  ranking: [{ phase: 'review', request: (w) => ({ path: `${c(w)}/ranking` }), expect: officer(200) }],
  rankingCsv: [{ phase: 'review', request: (w) => ({ path: `${c(w)}/ranking.csv` }), expect: officer(200) }],
  proposalSheets: [
    { phase: 'review', request: (w) => ({ path: `${p(w, w.otherProposal)}/sheets` }), expect: officer(200) },
  ],
  reopenSheet: [
    {
      phase: 'review',
      request: (w) => ({
        path: `${p(w, w.otherProposal)}/sheets/${w.users.assignedJudge.sub}/reopen`,
        body: { reason: '更正' },
      }),
      expect: officer(200),
    },
  ],
  myAssignments: [{ phase: 'review', request: () => ({ path: '/api/me/assignments' }), expect: judges(200) }],
  blindProposal: [
    { phase: 'review', request: (w) => ({ path: `${p(w)}/blind` }), expect: { assignedJudge: 200 } },
  ],
  getSheet: [
    { phase: 'review', request: (w) => ({ path: `${p(w)}/sheet` }), expect: { assignedJudge: 200 } },
  ],
  saveSheet: [
    {
      phase: 'review',
      request: (w) => ({ path: `${p(w)}/sheet`, body: { scores: { 'need-fit': 2000 } } }),
      expect: { assignedJudge: 200 },
    },
  ],
  submitSheet: [
    { phase: 'review', request: (w) => ({ path: `${p(w)}/sheet/submit` }), expect: { assignedJudge: 200 } },
    {
      label: 'with its scores in the request',
      phase: 'review',
      request: (w) => ({
        path: `${p(w)}/sheet/submit`,
        body: { scores: scores([2000, 2000, 1000, 1000, 1500]) },
      }),
      expect: { assignedJudge: 200 },
    },
  ],
  declareConflict: [
    {
      phase: 'review',
      request: (w) => ({ path: `${p(w)}/conflict`, body: { reason: '曾指导该团队' } }),
      expect: { assignedJudge: 200, conflictedJudge: 200 },
    },
  ],

  // Judge and office pages of the scoring function.
  judgePage: [{ phase: 'review', request: () => ({ path: '/judge' }), expect: judges(200) }],
  sheetPage: [
    {
      phase: 'review',
      request: (w) => ({ path: `/judge/${w.contestId}/${w.proposal}` }),
      expect: { assignedJudge: 200 },
    },
  ],
  saveSheetPage: [
    {
      phase: 'review',
      request: (w) => ({
        path: `/judge/${w.contestId}/${w.proposal}`,
        form: { do: 'save', ...sheetForm },
      }),
      expect: { assignedJudge: 303 },
    },
  ],
  officeReviewPage: [
    {
      phase: 'review',
      request: (w) => ({ path: `/office/contests/${w.contestId}/review` }),
      expect: officer(200),
    },
  ],
  officeReviewPost: [
    {
      phase: 'review',
      request: (w) => ({ path: `/office/contests/${w.contestId}/review`, form: { do: 'autoAssign' } }),
      expect: officer(303),
    },
    {
      label: 'taking a judge off the panel',
      phase: 'review',
      request: (w) => ({
        path: `/office/contests/${w.contestId}/review`,
        form: { do: 'removeJudge', leaving: w.users.unassignedJudge.sub },
      }),
      expect: officer(303),
    },
  ],
  officeRankingPage: [
    {
      phase: 'review',
      request: (w) => ({ path: `/office/contests/${w.contestId}/ranking` }),
      expect: officer(200),
    },
  ],

  // Shortlisting.
  proposeBundle: [
    { phase: 'scored', request: (w) => ({ path: `${c(w)}/bundle/proposal` }), expect: officer(200) },
  ],
  compareBundles: [
    { phase: 'scored', request: (w) => ({ path: `${c(w)}/bundle/compare` }), expect: officer(200) },
  ],
  getDecisions: [
    { phase: 'scored', request: (w) => ({ path: `${c(w)}/bundle/decisions` }), expect: officer(200) },
  ],
  saveDecisions: [
    {
      phase: 'scored',
      request: (w) => ({
        path: `${c(w)}/bundle/decisions`,
        body: { drop: [{ proposalId: w.otherProposal, reason: '重复申报' }] },
      }),
      expect: officer(200),
    },
  ],
  publishBundle: [{ phase: 'scored', request: (w) => ({ path: `${c(w)}/publish` }), expect: officer(200) }],
  getPublicity: [
    { phase: 'publicity', request: (w) => ({ path: `${c(w)}/publicity` }), expect: everyone(200) },
  ],
  objectionPage: [
    {
      phase: 'publicity',
      request: (w) => ({ path: `/contests/${w.contestId}/objections/new` }),
      expect: residents(200),
    },
  ],
  fileObjectionPage: [
    {
      phase: 'publicity',
      request: (w) => ({ path: `/contests/${w.contestId}/objections/new`, form: { text: '请说明评分依据' } }),
      expect: residents(303),
    },
  ],
  fileObjection: [
    {
      phase: 'publicity',
      request: (w) => ({ path: `${c(w)}/objections`, body: { text: '异议' } }),
      expect: residents(201),
    },
  ],
  listObjections: [
    { phase: 'publicity', request: (w) => ({ path: `${c(w)}/objections` }), expect: officer(200) },
  ],
  answerObjection: [
    {
      phase: 'publicity',
      request: (w) => ({ path: `${c(w)}/objections/${w.objection}/answer`, body: { answer: '答复' } }),
      expect: officer(200),
    },
  ],
  lockedBundleText: [
    {
      phase: 'locked',
      request: (w) => ({ path: `${c(w)}/bundle/locked-bundle.json` }),
      expect: everyone(200),
    },
  ],
  lockBundle: [{ phase: 'ended', request: (w) => ({ path: `${c(w)}/lock` }), expect: officer(200) }],
  getLockedBundle: [{ phase: 'locked', request: (w) => ({ path: `${c(w)}/bundle` }), expect: everyone(200) }],
  officeBundlePage: [
    {
      phase: 'scored',
      request: (w) => ({ path: `/office/contests/${w.contestId}/bundle` }),
      expect: officer(200),
    },
  ],
  officeBundlePost: [
    {
      phase: 'scored',
      request: (w) => ({
        path: `/office/contests/${w.contestId}/bundle`,
        form: { do: 'publish', confirmed: 'yes' },
      }),
      expect: officer(303),
    },
  ],
  officePublicityPage: [
    {
      phase: 'publicity',
      request: (w) => ({ path: `/office/contests/${w.contestId}/publicity` }),
      expect: officer(200),
    },
  ],
  officePublicityPost: [
    {
      phase: 'ended',
      request: (w) => ({
        path: `/office/contests/${w.contestId}/publicity`,
        form: { do: 'lock', confirmed: 'yes' },
      }),
      expect: officer(303),
    },
  ],

  // Awards.
  issueNotices: [
    { phase: 'locked', request: (w) => ({ path: `${c(w)}/notices/issue` }), expect: officer(200) },
  ],
  listNotices: [{ phase: 'awarded', request: (w) => ({ path: `${c(w)}/notices` }), expect: officer(200) }],
  myNoticesPage: [{ phase: 'awarded', request: () => ({ path: '/me/notices' }), expect: residents(200) }],
  myNotices: [{ phase: 'awarded', request: () => ({ path: '/api/me/notices' }), expect: residents(200) }],
  getNotice: [
    {
      phase: 'awarded',
      request: (w) => ({ path: `${c(w)}/notices/${w.proposal}` }),
      expect: { ...team(200), ...officer(200) },
    },
  ],
  printNotice: [
    {
      phase: 'awarded',
      request: (w) => ({ path: `/notices/${w.contestId}/${w.proposal}` }),
      expect: { ...team(200), ...officer(200) },
    },
  ],
  verifyNoticePage: [
    {
      phase: 'awarded',
      request: (w) => ({ path: `/notices/verify?${verifyQuery(w)}` }),
      expect: everyone(200),
    },
  ],
  verifyNotice: [
    {
      phase: 'awarded',
      request: (w) => ({ path: `/api/notices/verify?${verifyQuery(w)}` }),
      expect: everyone(200),
    },
  ],
  awardsCsv: [{ phase: 'awarded', request: (w) => ({ path: `${c(w)}/awards.csv` }), expect: officer(200) }],
  ocdsRelease: [{ phase: 'awarded', request: (w) => ({ path: `${c(w)}/ocds.json` }), expect: everyone(200) }],
  auditLog: [{ phase: 'awarded', request: (w) => ({ path: `${c(w)}/audit` }), expect: officer(200) }],
  verifyAuditLog: [
    { phase: 'awarded', request: (w) => ({ path: `${c(w)}/audit/verify` }), expect: everyone(200) },
    {
      label: 'a draft, seen only by its office',
      phase: 'draft',
      request: (w) => ({ path: `${c(w)}/audit/verify` }),
      expect: { ...everyone(404), officer: 200 },
    },
  ],
  officeRecordsPage: [
    {
      phase: 'locked',
      request: (w) => ({ path: `/office/contests/${w.contestId}/records` }),
      expect: officer(200),
    },
  ],
  officeRecordsPost: [
    {
      phase: 'locked',
      request: (w) => ({
        path: `/office/contests/${w.contestId}/records`,
        form: { do: 'issue', confirmed: 'yes' },
      }),
      expect: officer(303),
    },
  ],

  // Procurement pages of the office (pages-office).
  officeProcurementsPage: [
    {
      phase: 'p-draft',
      request: () => ({ path: '/office/procurements' }),
      expect: { officer: 200, otherOfficer: 200 },
    },
  ],
  officeNewProcurementPage: [
    {
      phase: 'p-draft',
      request: () => ({ path: '/office/new-procurement' }),
      expect: { officer: 200, otherOfficer: 200 },
    },
  ],
  officeNewProcurementPost: [
    {
      phase: 'p-draft',
      request: () => ({ path: '/office/new-procurement', form: { do: 'save' } }),
      expect: { officer: 422, otherOfficer: 422 },
    },
  ],
  officeProcurementPage: [
    {
      label: 'sealed bids: the dashboard shows none',
      phase: 'p-bidding',
      request: (w) => ({ path: `/office/procurements/${w.procurementId}` }),
      expect: officer(200),
    },
    {
      phase: 'p-scored',
      request: (w) => ({ path: `/office/procurements/${w.procurementId}` }),
      expect: officer(200),
    },
  ],
  officeProcurementPost: [
    {
      phase: 'p-draft',
      request: (w) => ({
        path: `/office/procurements/${w.procurementId}`,
        form: { do: 'announce', confirmed: 'yes', version: '1' },
      }),
      expect: officer(303),
    },
  ],

  // Procurement pages of the suppliers (pages-office).
  supplierProcurementsPage: [
    { phase: 'p-bidding', request: () => ({ path: '/me/procurements' }), expect: residents(200) },
  ],
  supplierProcurementPage: [
    {
      phase: 'p-open',
      request: (w) => ({ path: `/me/procurements/${w.procurementId}` }),
      expect: residents(200),
    },
  ],
  supplierProcurementPost: [
    {
      label: 'the supplier’s own organisation',
      phase: 'p-open',
      request: (w) => ({
        path: `/me/procurements/${w.procurementId}`,
        form: {
          do: 'bid',
          teamId: w.supplierTeamId,
          priceFen: '149,000',
          'parts.service-plan': '方案',
          'parts.staffing': '名单',
        },
      }),
      expect: team(303),
    },
  ],

  // Procurement by competitive consultation.
  listOfficeProcurements: [
    {
      phase: 'p-draft',
      request: (w) => ({ path: `/api/offices/${w.office}/procurements` }),
      expect: officer(200),
    },
  ],
  createProcurement: [
    {
      phase: 'p-draft',
      request: (w) => ({
        path: `/api/offices/${w.office}/procurements`,
        body: procurementInput(
          w.clock.now(),
          [w.users.assignedJudge, w.users.unassignedJudge, w.users.conflictedJudge].map((j) => ({
            judgeId: j.sub,
            name: j.name,
          })),
        ),
      }),
      expect: officer(201),
    },
  ],
  getProcurement: [
    { phase: 'p-bidding', request: (w) => ({ path: pr(w) }), expect: everyone(200) },
    {
      label: 'a draft, seen only by its office',
      phase: 'p-draft',
      request: (w) => ({ path: pr(w) }),
      expect: { ...everyone(404), officer: 200 },
    },
  ],
  updateProcurement: [
    {
      phase: 'p-draft',
      request: (w) => ({ path: pr(w), body: { title: '改名' }, headers: v1 }),
      expect: officer(200),
    },
  ],
  announceProcurement: [
    { phase: 'p-draft', request: (w) => ({ path: `${pr(w)}/announce` }), expect: officer(200) },
  ],
  openBidding: [
    { phase: 'p-announced', request: (w) => ({ path: `${pr(w)}/open-bidding` }), expect: officer(200) },
  ],
  closeBidding: [
    { phase: 'p-due', request: (w) => ({ path: `${pr(w)}/close-bidding` }), expect: officer(200) },
  ],
  callFinalQuotations: [
    {
      phase: 'p-consultation',
      request: (w) => ({ path: `${pr(w)}/call-final-quotations` }),
      expect: officer(200),
    },
  ],
  startEvaluation: [
    { phase: 'p-quoted-due', request: (w) => ({ path: `${pr(w)}/start-evaluation` }), expect: officer(200) },
  ],
  recommendCandidates: [
    { phase: 'p-scored', request: (w) => ({ path: `${pr(w)}/recommend` }), expect: officer(200) },
  ],
  confirmCandidate: [
    { phase: 'p-recommended', request: (w) => ({ path: `${pr(w)}/award` }), expect: officer(200) },
  ],
  declineCandidate: [
    {
      phase: 'p-recommended',
      request: (w) => ({ path: `${pr(w)}/decline`, body: { reason: '放弃成交' } }),
      expect: officer(200),
    },
  ],
  terminateProcurement: [
    {
      phase: 'p-bidding',
      request: (w) => ({ path: `${pr(w)}/terminate`, body: { reason: '预算调整' } }),
      expect: officer(200),
    },
  ],
  submitBid: [
    {
      label: 'the supplier’s own organisation',
      phase: 'p-open',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}`,
        body: { priceFen: 14_900_000, parts: { 'service-plan': '方案', staffing: '名单' } },
      }),
      expect: team(201),
    },
  ],
  amendBid: [
    {
      label: 'the supplier’s own bid, before the deadline',
      phase: 'p-bidding',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}`,
        body: { priceFen: 14_800_000, parts: { 'service-plan': '方案（修改）', staffing: '名单' } },
        headers: v1,
      }),
      expect: team(200),
    },
  ],
  withdrawBid: [
    {
      label: 'the supplier’s own bid, before the deadline',
      phase: 'p-bidding',
      request: (w) => ({ path: `${pr(w)}/bids/${w.supplierTeamId}`, headers: v1 }),
      expect: team(200),
    },
  ],
  listBids: [
    {
      label: 'sealed before the deadline: nobody reads a bid, officers included',
      phase: 'p-bidding',
      request: (w) => ({ path: `${pr(w)}/bids` }),
      expect: { ...judges(409), officer: 409, otherOfficer: 409 },
    },
    {
      label: 'sealed past the deadline until the bids are opened',
      phase: 'p-due',
      request: (w) => ({ path: `${pr(w)}/bids` }),
      expect: { ...judges(409), officer: 409, otherOfficer: 409 },
    },
    {
      phase: 'p-consultation',
      request: (w) => ({ path: `${pr(w)}/bids` }),
      expect: { ...panel(200), officer: 200 },
    },
  ],
  submitFinalQuotation: [
    {
      label: 'the supplier’s own organisation',
      phase: 'p-quoting',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}/final-quotation`,
        body: { quotationFen: 14_680_000 },
      }),
      expect: team(201),
    },
  ],
  declareBidConflict: [
    {
      phase: 'p-consultation',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.otherSupplierTeamId}/conflict`,
        body: { reason: '曾在该机构任职' },
      }),
      expect: panel(200),
    },
  ],
  saveBidSheet: [
    {
      label: 'a draft: the conflicted member never scores the supplier',
      phase: 'p-evaluation',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}/sheet`,
        body: { scores: workedExample().sheets[0]!.scores },
      }),
      expect: { assignedJudge: 201, unassignedJudge: 201 },
    },
  ],
  submitBidSheet: [
    {
      label: 'the conflicted member never scores the supplier',
      phase: 'p-evaluation',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}/sheet/submit`,
        body: { scores: workedExample().sheets[0]!.scores },
      }),
      expect: { assignedJudge: 200, unassignedJudge: 200 },
    },
  ],
  reopenBidSheet: [
    {
      label: 'the office reopens a submitted sheet with a reason',
      phase: 'p-scored',
      request: (w) => ({
        path: `${pr(w)}/bids/${w.supplierTeamId}/sheets/${w.users.assignedJudge.sub}/reopen`,
        body: { reason: '技术评分与方案不符，请核对' },
      }),
      expect: officer(200),
    },
  ],
  procurementSheets: [
    { phase: 'p-scored', request: (w) => ({ path: `${pr(w)}/sheets` }), expect: officer(200) },
  ],
  myBidSheets: [
    { phase: 'p-evaluation', request: (w) => ({ path: `${pr(w)}/sheets/mine` }), expect: panel(200) },
  ],
  procurementEvaluation: [
    {
      label: 'before the recommendation: the office only',
      phase: 'p-consultation',
      request: (w) => ({ path: `${pr(w)}/evaluation` }),
      expect: { ...everyone(409), officer: 200 },
    },
    {
      label: 'recommended: the office and the panel',
      phase: 'p-recommended',
      request: (w) => ({ path: `${pr(w)}/evaluation` }),
      expect: { ...everyone(409), officer: 200, ...panel(200) },
    },
    { phase: 'p-awarded', request: (w) => ({ path: `${pr(w)}/evaluation` }), expect: everyone(200) },
  ],
  issueProcurementNotices: [
    { phase: 'p-awarded', request: (w) => ({ path: `${pr(w)}/notices/issue` }), expect: officer(200) },
  ],
  listProcurementNotices: [
    { phase: 'p-notified', request: (w) => ({ path: `${pr(w)}/notices` }), expect: officer(200) },
  ],
  getProcurementNotice: [
    {
      label: 'the supplier’s own notice',
      phase: 'p-notified',
      request: (w) => ({ path: `${pr(w)}/notices/${w.supplierTeamId}` }),
      expect: { ...team(200), officer: 200 },
    },
  ],
  verifyProcurementNotice: [
    {
      phase: 'p-notified',
      request: (w) => ({
        path: `/api/procurement-notices/verify?${new URLSearchParams({
          number: w.procurementNotice.number,
          code: w.procurementNotice.verificationCode,
        })}`,
      }),
      expect: everyone(200),
    },
  ],
  procurementOcds: [
    {
      label: 'before the award',
      phase: 'p-recommended',
      request: (w) => ({ path: `${pr(w)}/ocds.json` }),
      expect: everyone(409),
    },
    { phase: 'p-awarded', request: (w) => ({ path: `${pr(w)}/ocds.json` }), expect: everyone(200) },
  ],

  // Procurement pages: public, printed and the panel's.
  procurementAnnouncementPage: [
    {
      phase: 'p-bidding',
      request: (w) => ({ path: `/procurements/${w.procurementId}` }),
      expect: everyone(200),
    },
    {
      label: 'a draft, seen only by its office',
      phase: 'p-draft',
      request: (w) => ({ path: `/procurements/${w.procurementId}` }),
      expect: { ...everyone(404), officer: 200 },
    },
  ],
  procurementResultPage: [
    {
      label: 'before the award: nobody, the office included',
      phase: 'p-recommended',
      request: (w) => ({ path: `/procurements/${w.procurementId}/result` }),
      expect: everyone(409),
    },
    {
      phase: 'p-awarded',
      request: (w) => ({ path: `/procurements/${w.procurementId}/result` }),
      expect: everyone(200),
    },
  ],
  procurementNoticeVerifyPage: [
    {
      phase: 'p-notified',
      request: (w) => ({
        path: `/procurement-notices/verify?${new URLSearchParams({
          number: w.procurementNotice.number,
          code: w.procurementNotice.verificationCode,
        })}`,
      }),
      expect: everyone(200),
    },
  ],
  procurementNoticePrint: [
    {
      label: 'the supplier’s own notice',
      phase: 'p-notified',
      request: (w) => ({ path: `/procurements/${w.procurementId}/notices/${w.supplierTeamId}` }),
      expect: { ...team(200), officer: 200 },
    },
  ],
  panelHomePage: [{ phase: 'p-announced', request: () => ({ path: '/panel' }), expect: judges(200) }],
  panelProcurementPage: [
    {
      label: 'sealed: the panel sees only the deadline',
      phase: 'p-bidding',
      request: (w) => ({ path: `/panel/${w.procurementId}` }),
      expect: panel(200),
    },
    { phase: 'p-evaluation', request: (w) => ({ path: `/panel/${w.procurementId}` }), expect: panel(200) },
  ],
  panelSheetPage: [
    {
      label: 'sealed before the deadline, for the panel too',
      phase: 'p-bidding',
      request: (w) => ({ path: `/panel/${w.procurementId}/${w.supplierTeamId}` }),
      expect: panel(409),
    },
    {
      phase: 'p-evaluation',
      request: (w) => ({ path: `/panel/${w.procurementId}/${w.supplierTeamId}` }),
      expect: panel(200),
    },
  ],
  panelSheetPost: [
    {
      label: 'the conflicted member never scores the supplier',
      phase: 'p-evaluation',
      request: (w) => ({
        path: `/panel/${w.procurementId}/${w.supplierTeamId}`,
        form: { do: 'confirm-submit', confirmed: 'yes', ...bidSheetForm },
      }),
      expect: { assignedJudge: 303, unassignedJudge: 303 },
    },
  ],

  // Portal.
  home: [{ phase: 'open', request: () => ({ path: '/' }), expect: everyone(200) }],
  signIn: [{ phase: 'draft', request: () => ({ path: '/sign-in' }), expect: everyone(303) }],
  signOut: [{ phase: 'draft', request: () => ({ path: '/sign-out', form: {} }), expect: everyone(303) }],
  // Locally there is no hosted sign-in: both answer 404 for everyone (see sign-in.test.ts).
  hostedSignIn: [{ phase: 'draft', request: () => ({ path: '/auth/login' }), expect: everyone(404) }],
  signInCallback: [
    { phase: 'draft', request: () => ({ path: '/auth/callback?code=x&state=y' }), expect: everyone(404) },
  ],
  openapi: [{ phase: 'draft', request: () => ({ path: '/api/openapi.json' }), expect: everyone(200) }],
  apiDocs: [{ phase: 'draft', request: () => ({ path: '/api/docs' }), expect: everyone(200) }],
  apiDocsAsset: [
    { phase: 'draft', request: () => ({ path: '/api/docs/assets/swagger-ui.css' }), expect: everyone(200) },
  ],
  portalAsset: [{ phase: 'draft', request: () => ({ path: '/assets/ui.css' }), expect: everyone(200) }],
};

const teamForm: Record<string, string> = {
  name: teamInput.name,
  community: `${teamInput.officeId}/${teamInput.community}`,
  kind: teamInput.kind,
  'members.0.name': '赵老师',
  'members.0.role': 'leader',
  'members.0.phone': '13800000001',
};
const sheetForm = Object.fromEntries(
  Object.entries(scores([2000, 2000, 1000, 1000, 1500])).map(([code, hundredths]) => [
    `scores.${code}`,
    String(hundredths / 100),
  ]),
);
/** The worked example's first sheet as a panel member types it, in points. */
const bidSheetForm = Object.fromEntries(
  Object.entries(workedExample().sheets[0]!.scores).map(([code, hundredths]) => [
    `scores.${code}`,
    String(hundredths / 100),
  ]),
);
const verifyQuery = (w: MatrixWorld) =>
  new URLSearchParams({ number: w.notice.number, code: w.notice.verificationCode }).toString();

/** The status `actor` gets from the route in case `x`. */
export function expectedStatus(spec: RouteSpec, x: MatrixCase, actor: MatrixActor): number {
  const given = x.expect[actor];
  if (given !== undefined) return given;
  if (actor === 'anonymous') return spec.kind === 'page' ? 303 : 401;
  // The officer who is also a resident: an officer of the office where an officer is let in,
  // else a resident without a stake (another resident), unless the case names them.
  if (actor === 'officerResident') return x.expect.officer ?? x.expect.otherResident ?? 403;
  return 403;
}

/**
 * Whether the matrix sends the case as this person. The officer who is also a resident is not
 * sent a change the officer makes too (the officer's own row shows it is theirs to make, and a
 * second one would find the world changed), unless the case names them.
 */
export function sentTo(spec: RouteSpec, x: MatrixCase, actor: MatrixActor): boolean {
  if (actor !== 'officerResident' || x.expect.officerResident !== undefined) return true;
  return spec.method === 'get' || x.expect.officer === undefined || x.expect.officer >= 400;
}

/** A person's request as an API client (bearer) or a browser (session cookie, form token). */
export async function sendAs(
  w: MatrixWorld,
  secret: string,
  spec: RouteSpec,
  actor: MatrixActor,
  request: MatrixRequest,
) {
  const token = w.tokens[actor];
  const method = spec.method.toUpperCase();
  if (spec.kind === 'api')
    return call(w.app, method, request.path, { token, body: request.body, headers: request.headers ?? {} });
  const headers: Record<string, string> = { accept: 'text/html', 'accept-language': 'zh-CN' };
  if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
  let body: string | undefined;
  if (method === 'POST') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers.origin = 'http://localhost';
    const form = new URLSearchParams(request.form);
    if (token) form.set('_csrf', csrfTokenFor(secret, token));
    body = form.toString();
  }
  const response = await w.app.request(request.path, { method, headers, body });
  return { status: response.status, body: (await response.text()).slice(0, 300), headers: response.headers };
}

/** Who the case lets in: a signed-in person if any is (a page's visitor is only redirected). */
export function permittedActor(spec: RouteSpec, x: MatrixCase): MatrixActor | undefined {
  const allowed = MATRIX_ACTORS.filter((actor) => expectedStatus(spec, x, actor) < 400);
  return allowed.find((actor) => actor !== 'anonymous') ?? allowed[0];
}
