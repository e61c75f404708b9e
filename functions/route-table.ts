import type { Role } from '../shared/auth.ts';

/**
 * The one route table. The local server and the CDK stack are both built from it, and each
 * function app registers exactly its own entries (test/infra proves all three agree).
 * `public` routes need no token; any other role list is checked on every request.
 *
 * Two kinds of route: `api` (JSON under /api, in the OpenAPI document, bearer token or session
 * cookie) and `page` (HTML for browsers, session cookie only). A page with roles sends a visitor
 * who is not signed in to the sign-in page and answers a signed-in person without the role with
 * a 403 page; the gateway lets pages through without a token (see `gatewayChecksToken`).
 */
export const FUNCTIONS = [
  'submissions',
  'scoring',
  'shortlisting',
  'awards',
  'procurement',
  'portal',
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type RouteRole = Role | 'public';
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type RouteKind = 'api' | 'page';

export interface RouteSpec {
  fn: FunctionName;
  method: Method;
  /** OpenAPI-style path, as API Gateway writes it: `/api/contests/{contestId}`. */
  path: string;
  roles: readonly RouteRole[];
  summary: string;
  kind: RouteKind;
}

const r = (
  fn: FunctionName,
  method: Method,
  path: string,
  roles: readonly RouteRole[],
  summary: string,
): RouteSpec => ({
  fn,
  method,
  path,
  roles,
  summary,
  kind: 'api',
});

/** A page route: HTML for a browser, served by the function that owns its data. */
const page = (
  fn: FunctionName,
  method: 'get' | 'post',
  path: string,
  roles: readonly RouteRole[],
  summary: string,
): RouteSpec => ({ fn, method, path, roles, summary, kind: 'page' });

export const routeTable = {
  // Contests: the public call and the office's drafts.
  listPublicContests: r(
    'submissions',
    'get',
    '/api/contests',
    ['public'],
    'List published calls (open and past)',
  ),
  getContest: r('submissions', 'get', '/api/contests/{contestId}', ['public'], 'Read a contest call'),
  listOfficeContests: r(
    'submissions',
    'get',
    '/api/offices/{officeId}/contests',
    ['officer'],
    "List an office's contests",
  ),
  createContest: r(
    'submissions',
    'post',
    '/api/offices/{officeId}/contests',
    ['officer'],
    'Create a contest draft',
  ),
  updateContest: r('submissions', 'patch', '/api/contests/{contestId}', ['officer'], 'Edit a contest draft'),
  openContest: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/open',
    ['officer'],
    'Open the call (rules freeze)',
  ),
  closeContest: r('submissions', 'post', '/api/contests/{contestId}/close', ['officer'], 'Close submissions'),
  cancelContest: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/cancel',
    ['officer'],
    'Cancel a contest',
  ),

  contestPage: page(
    'submissions',
    'get',
    '/contests/{contestId}',
    ['public'],
    'A contest: the call, rules, timeline, publicity, the locked bundle and results',
  ),

  // Resident pages: teams and proposals.
  myTeamsPage: page('submissions', 'get', '/me/teams', ['resident'], 'My teams'),
  newTeamPage: page('submissions', 'get', '/me/teams/new', ['resident'], 'The form for a new team'),
  createTeamPage: page('submissions', 'post', '/me/teams/new', ['resident'], 'Register a team'),
  teamPage: page('submissions', 'get', '/me/teams/{teamId}', ['resident'], 'My team, to edit'),
  saveTeamPage: page('submissions', 'post', '/me/teams/{teamId}', ['resident'], 'Save my team'),
  myProposalsPage: page(
    'submissions',
    'get',
    '/me/proposals',
    ['resident'],
    'My proposals and what to do next',
  ),
  newProposalPage: page(
    'submissions',
    'get',
    '/contests/{contestId}/proposals/new',
    ['resident'],
    'The form for a new proposal',
  ),
  createProposalPage: page(
    'submissions',
    'post',
    '/contests/{contestId}/proposals/new',
    ['resident'],
    'Start a proposal (save the draft, or submit)',
  ),
  proposalPage: page(
    'submissions',
    'get',
    '/me/proposals/{contestId}/{proposalId}',
    ['resident'],
    'My proposal: the form, its status and deadline',
  ),
  saveProposalPage: page(
    'submissions',
    'post',
    '/me/proposals/{contestId}/{proposalId}',
    ['resident'],
    'Save, submit or withdraw my proposal',
  ),
  officeHome: page(
    'submissions',
    'get',
    '/office',
    ['officer'],
    "Officer: the office's contests and next steps",
  ),
  officeCommunitiesPage: page(
    'submissions',
    'get',
    '/office/communities',
    ['officer'],
    "Officer: the office's communities",
  ),
  officeAddCommunityPost: page(
    'submissions',
    'post',
    '/office/communities',
    ['officer'],
    "Officer: add a community to the office's list",
  ),
  officeNewContestPage: page(
    'submissions',
    'get',
    '/office/new-contest',
    ['officer'],
    'Officer: set up a new contest',
  ),
  officeNewContestPost: page(
    'submissions',
    'post',
    '/office/new-contest',
    ['officer'],
    'Officer: create the contest draft',
  ),
  officeContestPage: page(
    'submissions',
    'get',
    '/office/contests/{contestId}',
    ['officer'],
    'Officer: a contest, its settings and its phase',
  ),
  officeContestPost: page(
    'submissions',
    'post',
    '/office/contests/{contestId}',
    ['officer'],
    'Officer: save settings, open, close or cancel (confirmed)',
  ),
  officeScreeningPage: page(
    'submissions',
    'get',
    '/office/contests/{contestId}/screening',
    ['officer'],
    'Officer: the screening list',
  ),
  officeScreeningPost: page(
    'submissions',
    'post',
    '/office/contests/{contestId}/screening',
    ['officer'],
    'Officer: mark several submissions eligible or ineligible',
  ),

  screenProposals: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/screenings',
    ['officer'],
    'Screen several submissions at once, each on its own',
  ),

  // An office's communities: the one list teams and contests take theirs from.
  listCommunities: r(
    'submissions',
    'get',
    '/api/offices/{officeId}/communities',
    ['public'],
    "List an office's communities",
  ),
  addCommunity: r(
    'submissions',
    'post',
    '/api/offices/{officeId}/communities',
    ['officer'],
    "Add a community to the office's list",
  ),

  // Teams.
  createTeam: r('submissions', 'post', '/api/teams', ['resident'], 'Register a team'),
  listMyTeams: r('submissions', 'get', '/api/me/teams', ['resident'], 'List my teams'),
  getTeam: r('submissions', 'get', '/api/teams/{teamId}', ['resident'], 'Read my team'),
  replaceTeam: r('submissions', 'put', '/api/teams/{teamId}', ['resident'], 'Update my team'),

  // Proposals.
  createProposal: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/proposals',
    ['resident'],
    'Start a proposal draft',
  ),
  listMyProposals: r('submissions', 'get', '/api/me/proposals', ['resident'], 'List my proposals'),
  getProposal: r(
    'submissions',
    'get',
    '/api/contests/{contestId}/proposals/{proposalId}',
    ['resident', 'officer'],
    'Read a proposal',
  ),
  updateProposal: r(
    'submissions',
    'patch',
    '/api/contests/{contestId}/proposals/{proposalId}',
    ['resident'],
    'Edit a proposal draft',
  ),
  submitProposal: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/proposals/{proposalId}/submit',
    ['resident'],
    'Submit a proposal',
  ),
  withdrawProposal: r(
    'submissions',
    'post',
    '/api/contests/{contestId}/proposals/{proposalId}/withdraw',
    ['resident'],
    'Withdraw a submitted proposal',
  ),
  listSubmissions: r(
    'submissions',
    'get',
    '/api/contests/{contestId}/submissions',
    ['officer'],
    "List a contest's submissions",
  ),
  screenProposal: r(
    'submissions',
    'put',
    '/api/contests/{contestId}/proposals/{proposalId}/eligibility',
    ['officer'],
    'Mark a submission eligible or ineligible',
  ),

  // Judging: the panel, assignments, conflicts, score sheets, progress and the ranking.
  addJudge: r(
    'scoring',
    'put',
    '/api/contests/{contestId}/judges/{judgeId}',
    ['officer'],
    'Add a judge to the panel',
  ),
  removeJudge: r(
    'scoring',
    'delete',
    '/api/contests/{contestId}/judges/{judgeId}',
    ['officer'],
    'Take a judge without submitted sheets off the panel (their proposals get other judges)',
  ),
  listPanel: r('scoring', 'get', '/api/contests/{contestId}/judges', ['officer'], "List the contest's panel"),
  assignJudge: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/assignments',
    ['officer'],
    'Assign a judge by hand',
  ),
  unassignJudge: r(
    'scoring',
    'delete',
    '/api/contests/{contestId}/assignments/{proposalId}/{judgeId}',
    ['officer'],
    'Withdraw an assignment',
  ),
  autoAssign: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/assignments/auto',
    ['officer'],
    'Assign judges automatically',
  ),
  startReview: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/start-review',
    ['officer'],
    'Start online review',
  ),
  reviewProgress: r(
    'scoring',
    'get',
    '/api/contests/{contestId}/progress',
    ['officer'],
    'Judges × proposals progress',
  ),
  ranking: r('scoring', 'get', '/api/contests/{contestId}/ranking', ['officer'], 'The ranking'),
  rankingCsv: r('scoring', 'get', '/api/contests/{contestId}/ranking.csv', ['officer'], 'The ranking as CSV'),
  proposalSheets: r(
    'scoring',
    'get',
    '/api/contests/{contestId}/proposals/{proposalId}/sheets',
    ['officer'],
    "Every judge's sheet for a proposal",
  ),
  reopenSheet: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/proposals/{proposalId}/sheets/{judgeId}/reopen',
    ['officer'],
    'Reopen a submitted sheet, with a reason',
  ),
  myAssignments: r('scoring', 'get', '/api/me/assignments', ['judge'], 'My assignments and their progress'),
  blindProposal: r(
    'scoring',
    'get',
    '/api/contests/{contestId}/proposals/{proposalId}/blind',
    ['judge'],
    'Read an assigned proposal, blind',
  ),
  getSheet: r(
    'scoring',
    'get',
    '/api/contests/{contestId}/proposals/{proposalId}/sheet',
    ['judge'],
    'Read my sheet',
  ),
  saveSheet: r(
    'scoring',
    'put',
    '/api/contests/{contestId}/proposals/{proposalId}/sheet',
    ['judge'],
    'Save my draft sheet',
  ),
  submitSheet: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/proposals/{proposalId}/sheet/submit',
    ['judge'],
    'Submit my sheet (final)',
  ),
  declareConflict: r(
    'scoring',
    'post',
    '/api/contests/{contestId}/proposals/{proposalId}/conflict',
    ['judge'],
    'Declare a conflict of interest',
  ),

  // Judge pages.
  judgePage: page('scoring', 'get', '/judge', ['judge'], 'My assignments, with progress'),
  sheetPage: page(
    'scoring',
    'get',
    '/judge/{contestId}/{proposalId}',
    ['judge'],
    'The blind proposal beside my score sheet',
  ),
  saveSheetPage: page(
    'scoring',
    'post',
    '/judge/{contestId}/{proposalId}',
    ['judge'],
    'Save, submit (after confirming the total) or declare a conflict',
  ),
  officeReviewPage: page(
    'scoring',
    'get',
    '/office/contests/{contestId}/review',
    ['officer'],
    'Officer: the panel, assignment and the progress matrix',
  ),
  officeReviewPost: page(
    'scoring',
    'post',
    '/office/contests/{contestId}/review',
    ['officer'],
    'Officer: add a judge, assign automatically, start review',
  ),
  officeRankingPage: page(
    'scoring',
    'get',
    '/office/contests/{contestId}/ranking',
    ['officer'],
    "Officer: the ranking with each judge's totals and the flags",
  ),

  // Shortlisting: the bundle, publicity and objections, and the lock.
  proposeBundle: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/bundle/proposal',
    ['officer'],
    'The bundle the rules give now',
  ),
  compareBundles: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/bundle/compare',
    ['officer'],
    'Every policy side by side',
  ),
  getDecisions: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/bundle/decisions',
    ['officer'],
    "The officer's decisions",
  ),
  saveDecisions: r(
    'shortlisting',
    'put',
    '/api/contests/{contestId}/bundle/decisions',
    ['officer'],
    'Trim amounts, add or drop by hand, mark incompatible proposals',
  ),
  publishBundle: r(
    'shortlisting',
    'post',
    '/api/contests/{contestId}/publish',
    ['officer'],
    'Publish the bundle (公示)',
  ),
  getPublicity: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/publicity',
    ['public'],
    'The published bundle',
  ),
  objectionPage: page(
    'shortlisting',
    'get',
    '/contests/{contestId}/objections/new',
    ['resident'],
    'The objection form (during publicity)',
  ),
  fileObjectionPage: page(
    'shortlisting',
    'post',
    '/contests/{contestId}/objections/new',
    ['resident'],
    'File an objection from the form',
  ),
  fileObjection: r(
    'shortlisting',
    'post',
    '/api/contests/{contestId}/objections',
    ['resident'],
    'Object during publicity',
  ),
  listObjections: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/objections',
    ['officer'],
    'The objections',
  ),
  answerObjection: r(
    'shortlisting',
    'put',
    '/api/contests/{contestId}/objections/{objectionId}/answer',
    ['officer'],
    'Answer an objection on the record',
  ),
  lockedBundleText: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/bundle/locked-bundle.json',
    ['public'],
    'The exact canonical text whose SHA-256 is the locked bundle digest',
  ),
  lockBundle: r(
    'shortlisting',
    'post',
    '/api/contests/{contestId}/lock',
    ['officer'],
    'Lock the bundle (锁定)',
  ),
  getLockedBundle: r(
    'shortlisting',
    'get',
    '/api/contests/{contestId}/bundle',
    ['public'],
    'The locked bundle and its SHA-256',
  ),

  officeBundlePage: page(
    'shortlisting',
    'get',
    '/office/contests/{contestId}/bundle',
    ['officer'],
    'Officer: the shortlist builder, policies compared, publish',
  ),
  officeBundlePost: page(
    'shortlisting',
    'post',
    '/office/contests/{contestId}/bundle',
    ['officer'],
    'Officer: save decisions, publish (confirmed)',
  ),
  officePublicityPage: page(
    'shortlisting',
    'get',
    '/office/contests/{contestId}/publicity',
    ['officer'],
    'Officer: objections and answers, the lock',
  ),
  officePublicityPost: page(
    'shortlisting',
    'post',
    '/office/contests/{contestId}/publicity',
    ['officer'],
    'Officer: answer an objection, lock (confirmed)',
  ),

  // Awards: notices, their verification, exports and the audit trail.
  issueNotices: r(
    'awards',
    'post',
    '/api/contests/{contestId}/notices/issue',
    ['officer'],
    'Issue every notice',
  ),
  listNotices: r('awards', 'get', '/api/contests/{contestId}/notices', ['officer'], "The contest's notices"),
  myNoticesPage: page('awards', 'get', '/me/notices', ['resident'], 'My notices, each printable'),
  myNotices: r('awards', 'get', '/api/me/notices', ['resident'], 'My notices'),
  getNotice: r(
    'awards',
    'get',
    '/api/contests/{contestId}/notices/{proposalId}',
    ['resident', 'officer'],
    'Read a notice',
  ),
  // The team's residents and the officers open it; the domain lets in only the team and the office.
  printNotice: page(
    'awards',
    'get',
    '/notices/{contestId}/{proposalId}',
    ['resident', 'officer'],
    'A notice, printable (A4)',
  ),
  verifyNoticePage: page(
    'awards',
    'get',
    '/notices/verify',
    ['public'],
    'Verify a notice: its number and code in, its facts out',
  ),
  verifyNotice: r('awards', 'get', '/api/notices/verify', ['public'], 'Verify a notice by number and code'),
  awardsCsv: r('awards', 'get', '/api/contests/{contestId}/awards.csv', ['officer'], 'The awards as CSV'),
  ocdsRelease: r(
    'awards',
    'get',
    '/api/contests/{contestId}/ocds.json',
    ['public'],
    'The awards as an OCDS release',
  ),
  auditLog: r('awards', 'get', '/api/contests/{contestId}/audit', ['officer'], "The contest's audit trail"),
  verifyAuditLog: r(
    'awards',
    'get',
    '/api/contests/{contestId}/audit/verify',
    ['public'],
    'Verify the audit hash chain',
  ),

  officeRecordsPage: page(
    'awards',
    'get',
    '/office/contests/{contestId}/records',
    ['officer'],
    'Officer: notices, downloads and the audit log',
  ),
  officeRecordsPost: page(
    'awards',
    'post',
    '/office/contests/{contestId}/records',
    ['officer'],
    'Officer: issue the notices',
  ),

  // Procurement pages of the office and the suppliers (set-up, dashboard, bid, final quotation).
  officeProcurementsPage: page(
    'procurement',
    'get',
    '/office/procurements',
    ['officer'],
    "Officer: the office's procurements and next steps",
  ),
  officeNewProcurementPage: page(
    'procurement',
    'get',
    '/office/new-procurement',
    ['officer'],
    'Officer: set up a procurement',
  ),
  officeNewProcurementPost: page(
    'procurement',
    'post',
    '/office/new-procurement',
    ['officer'],
    'Officer: create the procurement draft',
  ),
  officeProcurementPage: page(
    'procurement',
    'get',
    '/office/procurements/{procurementId}',
    ['officer'],
    'Officer: a procurement, its phase, bids, panel progress, ranking and notices',
  ),
  officeProcurementPost: page(
    'procurement',
    'post',
    '/office/procurements/{procurementId}',
    ['officer'],
    'Officer: edit the draft, move the lifecycle (confirmed), award, decline, terminate, issue notices',
  ),
  supplierProcurementsPage: page(
    'procurement',
    'get',
    '/me/procurements',
    ['resident'],
    'Supplier: procurements open for bids',
  ),
  supplierProcurementPage: page(
    'procurement',
    'get',
    '/me/procurements/{procurementId}',
    ['resident'],
    "Supplier: a procurement, my organisation's bid and final quotation",
  ),
  supplierProcurementPost: page(
    'procurement',
    'post',
    '/me/procurements/{procurementId}',
    ['resident'],
    "Supplier: send my organisation's sealed bid or its final quotation",
  ),

  // Procurement by competitive consultation (竞争性磋商): set-up, bids, scoring, the award.
  listOfficeProcurements: r(
    'procurement',
    'get',
    '/api/offices/{officeId}/procurements',
    ['officer'],
    "List an office's procurements",
  ),
  createProcurement: r(
    'procurement',
    'post',
    '/api/offices/{officeId}/procurements',
    ['officer'],
    'Set up a procurement (draft)',
  ),
  getProcurement: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}',
    ['public'],
    'Read a procurement',
  ),
  updateProcurement: r(
    'procurement',
    'patch',
    '/api/procurements/{procurementId}',
    ['officer'],
    'Edit a procurement draft',
  ),
  announceProcurement: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/announce',
    ['officer'],
    'Announce (the set-up freezes)',
  ),
  openBidding: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/open-bidding',
    ['officer'],
    'Open bidding',
  ),
  closeBidding: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/close-bidding',
    ['officer'],
    'Close bidding after its deadline and open the bids (consultation)',
  ),
  callFinalQuotations: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/call-final-quotations',
    ['officer'],
    'Ask the responsive suppliers for their final quotations',
  ),
  startEvaluation: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/start-evaluation',
    ['officer'],
    'Start scoring after the final-quotation deadline',
  ),
  recommendCandidates: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/recommend',
    ['officer'],
    "Record the panel's ranked candidates",
  ),
  confirmCandidate: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/award',
    ['officer'],
    'Confirm the first candidate not declined (award)',
  ),
  declineCandidate: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/decline',
    ['officer'],
    'Decline the current candidate, with the reason',
  ),
  terminateProcurement: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/terminate',
    ['officer'],
    'Terminate, with the reason',
  ),
  submitBid: r(
    'procurement',
    'put',
    '/api/procurements/{procurementId}/bids/{teamId}',
    ['resident'],
    "Send my organisation's one bid (sealed until the deadline)",
  ),
  amendBid: r(
    'procurement',
    'patch',
    '/api/procurements/{procurementId}/bids/{teamId}',
    ['resident'],
    "Supplement or modify my organisation's bid before the bidding deadline (If-Match)",
  ),
  withdrawBid: r(
    'procurement',
    'delete',
    '/api/procurements/{procurementId}/bids/{teamId}',
    ['resident'],
    "Withdraw my organisation's bid before the bidding deadline (it may bid again)",
  ),
  listBids: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/bids',
    ['officer', 'judge'],
    'The bids, once unsealed (after the bidding deadline)',
  ),
  submitFinalQuotation: r(
    'procurement',
    'put',
    '/api/procurements/{procurementId}/bids/{teamId}/final-quotation',
    ['resident'],
    "Send my organisation's one final quotation",
  ),
  declareBidConflict: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/bids/{teamId}/conflict',
    ['judge'],
    'Declare a conflict of interest with a supplier',
  ),
  saveBidSheet: r(
    'procurement',
    'put',
    '/api/procurements/{procurementId}/bids/{teamId}/sheet',
    ['judge'],
    'Save my draft score sheet for a bid (mine alone, not counted)',
  ),
  submitBidSheet: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/bids/{teamId}/sheet/submit',
    ['judge'],
    'Submit my score sheet for a bid (final unless an officer reopens it)',
  ),
  reopenBidSheet: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/bids/{teamId}/sheets/{judgeId}/reopen',
    ['officer'],
    "Reopen a member's submitted sheet, with a reason (before the recommendation)",
  ),
  procurementSheets: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/sheets',
    ['officer'],
    'Every sheet once the bids are unsealed: submitted ones with their scores, drafts by state only',
  ),
  myBidSheets: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/sheets/mine',
    ['judge'],
    'My score sheets',
  ),
  procurementEvaluation: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/evaluation',
    ['public'],
    'The evaluation: officers once unsealed, the panel once recommended, everyone once awarded',
  ),
  issueProcurementNotices: r(
    'procurement',
    'post',
    '/api/procurements/{procurementId}/notices/issue',
    ['officer'],
    'Issue the deal notice and the result notices',
  ),
  listProcurementNotices: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/notices',
    ['officer'],
    "The procurement's notices",
  ),
  getProcurementNotice: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/notices/{teamId}',
    ['resident', 'officer'],
    "Read a supplier's notice",
  ),
  verifyProcurementNotice: r(
    'procurement',
    'get',
    '/api/procurement-notices/verify',
    ['public'],
    'Verify a deal or result notice by number and code',
  ),
  procurementOcds: r(
    'procurement',
    'get',
    '/api/procurements/{procurementId}/ocds.json',
    ['public'],
    'The award as an OCDS release (once awarded)',
  ),

  // Procurement pages: the public announcement and result, notice verification and printing,
  // the panel members' score sheets (functions/procurement/pages/public*, print*, panel*).
  procurementAnnouncementPage: page(
    'procurement',
    'get',
    '/procurements/{procurementId}',
    ['public'],
    'The procurement announcement (采购公告), once announced',
  ),
  procurementResultPage: page(
    'procurement',
    'get',
    '/procurements/{procurementId}/result',
    ['public'],
    'The result announcement (成交结果公告), once awarded',
  ),
  procurementNoticeVerifyPage: page(
    'procurement',
    'get',
    '/procurement-notices/verify',
    ['public'],
    'Verify a deal or result notice: its number and code in, its facts out',
  ),
  procurementNoticePrint: page(
    'procurement',
    'get',
    '/procurements/{procurementId}/notices/{teamId}',
    ['resident', 'officer'],
    'A deal or result notice, printable (A4)',
  ),
  panelHomePage: page('procurement', 'get', '/panel', ['judge'], 'Panel member: the procurements I sit on'),
  panelProcurementPage: page(
    'procurement',
    'get',
    '/panel/{procurementId}',
    ['judge'],
    'Panel member: the suppliers to score, each sheet’s state',
  ),
  panelSheetPage: page(
    'procurement',
    'get',
    '/panel/{procurementId}/{teamId}',
    ['judge'],
    'Panel member: a supplier’s bid beside my score sheet',
  ),
  panelSheetPost: page(
    'procurement',
    'post',
    '/panel/{procurementId}/{teamId}',
    ['judge'],
    'Panel member: submit my score sheet, or declare a conflict',
  ),

  // Portal: pages and API documentation.
  home: page('portal', 'get', '/', ['public'], 'Home: the published contests'),
  signIn: page(
    'portal',
    'get',
    '/sign-in',
    ['public'],
    'Sign in (the demo page locally, hosted sign-in on AWS)',
  ),
  signOut: page('portal', 'post', '/sign-out', ['public'], 'Sign out: clears the session cookie'),
  // The hosted sign-in on AWS (authorization code with PKCE): /sign-in sends browsers here.
  hostedSignIn: r(
    'portal',
    'get',
    '/auth/login',
    ['public'],
    "Start signing in on the identity provider's page",
  ),
  signInCallback: r('portal', 'get', '/auth/callback', ['public'], 'Finish signing in and start the session'),
  openapi: r('portal', 'get', '/api/openapi.json', ['public'], 'OpenAPI 3.1 document'),
  apiDocs: r('portal', 'get', '/api/docs', ['public'], 'Interactive API documentation'),
  apiDocsAsset: r('portal', 'get', '/api/docs/assets/{file}', ['public'], 'API documentation assets'),
  portalAsset: r('portal', 'get', '/assets/{file}', ['public'], 'Portal stylesheet and script'),
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routeTable;

export function routesOf(fn: FunctionName, kind?: RouteKind): [RouteName, RouteSpec][] {
  return (Object.entries(routeTable) as [RouteName, RouteSpec][]).filter(
    ([, spec]) => spec.fn === fn && (kind === undefined || spec.kind === kind),
  );
}

/**
 * Whether the gateway itself demands a bearer token. Browsers send the session cookie, never a
 * bearer token, so pages are checked by the function (roles and objects alike), as public
 * routes are.
 */
export function gatewayChecksToken(spec: RouteSpec): boolean {
  return spec.kind === 'api' && !spec.roles.includes('public');
}
