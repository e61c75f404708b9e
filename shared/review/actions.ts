import { recordAudit } from '../audit-log.ts';
import { assertOfficer, type Principal } from '../auth.ts';
import { assertStatus, contestForOfficer, saveContest } from '../contest/actions.ts';
import type { Contest, ContestStatus } from '../contest/model.ts';
import { getContest } from '../contest/store.ts';
import { keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { keys, withoutKeys } from '../keys.ts';
import type { PageRequest } from '../paging.ts';
import { isEligible, type Proposal } from '../proposal/model.ts';
import { getProposal } from '../proposal/store.ts';
import { rankProposals, sheetScoresSchema, sheetTotal } from '../scoring.ts';
import { parseOrThrow } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import { type AssignmentPair, planAssignments } from './assign.ts';
import {
  type Assignment,
  BlindProposal,
  type CellState,
  type Conflict,
  PanelJudge,
  type Sheet,
  type SheetInput,
} from './model.ts';
import {
  assignmentItem,
  conflictItem,
  deleteAssignment,
  getAssignment,
  getConflict,
  getPanelJudge,
  getSheet,
  insertNew,
  listAssignmentsOfJudge,
  listSheetsOfJudge,
  panelJudgeItem,
  readWholeContest,
  sheetItem,
  type WholeContest,
} from './store.ts';

/** The panel can be formed from the draft on; assignments once eligibility is known. */
const PANEL_PHASES: readonly ContestStatus[] = ['draft', 'open', 'screening', 'review'];
const ASSIGNMENT_PHASES: readonly ContestStatus[] = ['screening', 'review'];

const pairKey = (proposalId: string, judgeId: string) => `${proposalId}\u0000${judgeId}`;

export async function wholeContestForOfficer(
  deps: Deps,
  principal: Principal,
  contestId: string,
): Promise<WholeContest> {
  const whole = await readWholeContest(deps.db, contestId);
  if (!whole) throw new NotFoundError('contest.notFound');
  assertOfficer(principal, whole.contest.officeId);
  return whole;
}

/** Declared conflicts, plus the ones the system knows: a judge who owns the proposing team. */
function conflictsOf(whole: WholeContest): AssignmentPair[] {
  const judgeIds = new Set(whole.judges.map((judge) => judge.judgeId));
  const ownership = whole.proposals
    .filter((proposal) => judgeIds.has(proposal.ownerSub))
    .map((proposal) => ({ proposalId: proposal.id, judgeId: proposal.ownerSub }));
  return [...whole.conflicts.map(({ proposalId, judgeId }) => ({ proposalId, judgeId })), ...ownership];
}

export async function addJudge(
  deps: Deps,
  principal: Principal,
  contestId: string,
  judgeId: string,
  name: string,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, PANEL_PHASES);
  const judge: PanelJudge = {
    contestId,
    judgeId,
    name,
    addedAt: deps.clock.now().toISOString(),
    addedBy: principal.sub,
  };
  if (await insertNew(deps.db, panelJudgeItem(judge))) return { judge, created: true };
  return { judge: (await getPanelJudge(deps.db, contestId, judgeId))!, created: false };
}

export async function listPanel(deps: Deps, principal: Principal, contestId: string): Promise<PanelJudge[]> {
  await contestForOfficer(deps, principal, contestId);
  const items = await queryAll(deps.db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'JUDGE#'),
  });
  return items.map((item) => PanelJudge.parse(withoutKeys(item)));
}

function newAssignment(
  deps: Deps,
  principal: Principal,
  contestId: string,
  pair: AssignmentPair,
  source: Assignment['source'],
): Assignment {
  return { contestId, ...pair, source, createdAt: deps.clock.now().toISOString(), createdBy: principal.sub };
}

export async function assignManually(
  deps: Deps,
  principal: Principal,
  contestId: string,
  pair: AssignmentPair,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, ASSIGNMENT_PHASES);
  const [proposal, judge, conflict] = await Promise.all([
    getProposal(deps.db, contestId, pair.proposalId),
    getPanelJudge(deps.db, contestId, pair.judgeId),
    getConflict(deps.db, contestId, pair.proposalId, pair.judgeId),
  ]);
  if (!proposal) throw new NotFoundError('proposal.notFound');
  if (!isEligible(proposal)) throw new ConflictError('proposal.notEligible');
  if (!judge)
    throw new ValidationError('judge.notOnPanel', {}, [{ path: 'judgeId', message: 'judge.notOnPanel' }]);
  if (conflict || proposal.ownerSub === pair.judgeId) throw new ConflictError('assignment.conflicted');
  const assignment = newAssignment(deps, principal, contestId, pair, 'manual');
  if (await insertNew(deps.db, assignmentItem(assignment))) {
    await recordAudit(deps, contestId, {
      actor: principal.sub,
      action: 'assignment.add',
      subject: pair.proposalId,
      summary: { judgeId: pair.judgeId },
    });
    return { assignment, created: true };
  }
  return {
    assignment: (await getAssignment(deps.db, contestId, pair.proposalId, pair.judgeId))!,
    created: false,
  };
}

export async function unassign(deps: Deps, principal: Principal, contestId: string, pair: AssignmentPair) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, ASSIGNMENT_PHASES);
  const sheet = await getSheet(deps.db, contestId, pair.proposalId, pair.judgeId);
  if (sheet?.status === 'submitted') throw new ConflictError('assignment.hasSheet');
  if (!(await deleteAssignment(deps.db, contestId, pair.proposalId, pair.judgeId))) {
    throw new NotFoundError('judge.notAssigned');
  }
  await recordAudit(deps, contestId, {
    actor: principal.sub,
    action: 'assignment.remove',
    subject: pair.proposalId,
    summary: { judgeId: pair.judgeId },
  });
}

/**
 * Fills every eligible proposal up to the contest's number of judges, balanced and never
 * with a conflicted judge. Each write is its own idempotent item, so a crashed run is
 * finished by running it again and a second run changes nothing.
 */
async function applyPlan(
  deps: Deps,
  principal: Principal,
  whole: WholeContest,
  only?: (pair: AssignmentPair) => boolean,
) {
  const conflicts = conflictsOf(whole);
  const plan = planAssignments({
    proposalIds: whole.proposals.filter(isEligible).map((proposal) => proposal.id),
    judgeIds: whole.judges.map((judge) => judge.judgeId),
    perProposal: whole.contest.minJudges,
    conflicts,
    existing: whole.assignments.map(({ proposalId, judgeId }) => ({ proposalId, judgeId })),
  });
  const submitted = new Set(
    whole.sheets.filter((sheet) => sheet.status === 'submitted').map((s) => pairKey(s.proposalId, s.judgeId)),
  );
  const added = plan.added.filter((pair) => !only || only(pair));
  // A judge's submitted work is never thrown away by a re-plan; only conflicts remove it.
  const conflictKeys = new Set(conflicts.map((c) => pairKey(c.proposalId, c.judgeId)));
  const removed = plan.removed
    .filter((pair) => !only || only(pair))
    .filter(
      (pair) =>
        conflictKeys.has(pairKey(pair.proposalId, pair.judgeId)) ||
        !submitted.has(pairKey(pair.proposalId, pair.judgeId)),
    );
  const recorded = whole.conflicts.map((c) => pairKey(c.proposalId, c.judgeId));
  const now = deps.clock.now().toISOString();
  for (const pair of conflicts.filter((c) => !recorded.includes(pairKey(c.proposalId, c.judgeId)))) {
    const conflict: Conflict = {
      contestId: whole.contest.id,
      ...pair,
      source: 'team-member',
      reason: '评审专家是申报团队的负责人',
      declaredAt: now,
    };
    await insertNew(deps.db, conflictItem(conflict));
  }
  for (const pair of added) {
    await insertNew(deps.db, assignmentItem(newAssignment(deps, principal, whole.contest.id, pair, 'auto')));
  }
  for (const pair of removed)
    await deleteAssignment(deps.db, whole.contest.id, pair.proposalId, pair.judgeId);
  return { added, removed, shortfalls: plan.shortfalls };
}

export async function autoAssign(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertStatus(whole.contest, ASSIGNMENT_PHASES);
  return applyPlan(deps, principal, whole);
}

/** Review starts only after submissions close and every submission has been screened. */
export async function startReview(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertVersion(whole.contest, ifMatch);
  assertStatus(whole.contest, ['screening']);
  const unscreened = whole.proposals.filter((p) => p.status === 'submitted' && !p.eligibility).length;
  if (unscreened > 0) throw new ConflictError('review.screeningIncomplete', { count: unscreened });
  return saveContest(deps, principal.sub, { ...whole.contest, status: 'review' }, ifMatch, 'screening');
}

/** What a judge may act on: on the panel, assigned, and not conflicted. */
async function judgeAccess(deps: Deps, principal: Principal, contestId: string, proposalId: string) {
  const [contest, judge, assignment, conflict, proposal] = await Promise.all([
    getContest(deps.db, contestId),
    getPanelJudge(deps.db, contestId, principal.sub),
    getAssignment(deps.db, contestId, proposalId, principal.sub),
    getConflict(deps.db, contestId, proposalId, principal.sub),
    getProposal(deps.db, contestId, proposalId),
  ]);
  if (!contest || !judge) throw new ForbiddenError('judge.notOnPanel');
  if (!proposal) throw new NotFoundError('proposal.notFound');
  if (conflict || proposal.ownerSub === principal.sub) throw new ForbiddenError('judge.conflicted');
  if (!assignment) throw new ForbiddenError('judge.notAssigned');
  return { contest, proposal };
}

export async function readBlindProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
) {
  const { contest, proposal } = await judgeAccess(deps, principal, contestId, proposalId);
  return { proposal: BlindProposal.parse(proposal), rubric: contest.rubric };
}

export async function readOwnSheet(deps: Deps, principal: Principal, contestId: string, proposalId: string) {
  await judgeAccess(deps, principal, contestId, proposalId);
  const sheet = await getSheet(deps.db, contestId, proposalId, principal.sub);
  if (!sheet) throw new NotFoundError('sheet.notFound');
  return sheet;
}

function checkSheet(contest: Contest, proposal: Proposal, input: SheetInput, complete: boolean) {
  const scores = parseOrThrow(sheetScoresSchema(contest.rubric, { complete }), input.scores);
  const codes = new Set(contest.rubric.map((criterion) => criterion.code));
  const errors = Object.keys(input.comments ?? {})
    .filter((code) => !codes.has(code))
    .map((code) => ({
      path: `comments.${code}`,
      message: 'contest.unknownCriterion' as 'contest.unknownCriterion' | 'sheet.recommendedAboveRequested',
      params: { value: code },
    }));
  if (input.recommendedFen !== undefined && input.recommendedFen > (proposal.requestedFen ?? 0)) {
    errors.push({
      path: 'recommendedFen',
      message: 'sheet.recommendedAboveRequested' as const,
      params: { value: String(proposal.requestedFen ?? 0) },
    });
  }
  if (errors.length > 0) throw new ValidationError('validation.failed', {}, errors);
  return scores;
}

/** Saves the judge's draft; a submitted sheet is final (an officer can reopen it). */
export async function saveSheet(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  input: SheetInput,
  ifMatch?: IfMatch,
): Promise<{ sheet: Sheet; created: boolean }> {
  const { contest, proposal } = await judgeAccess(deps, principal, contestId, proposalId);
  assertStatus(contest, ['review']);
  const scores = checkSheet(contest, proposal, input, false);
  const existing = await getSheet(deps.db, contestId, proposalId, principal.sub);
  const now = deps.clock.now().toISOString();
  const content = {
    scores,
    comments: input.comments ?? {},
    overallComment: input.overallComment,
    recommendedFen: input.recommendedFen,
    total: sheetTotal(scores),
  };
  if (!existing) {
    const sheet: Sheet = {
      contestId,
      proposalId,
      judgeId: principal.sub,
      status: 'draft',
      ...content,
      version: 1,
      createdAt: now,
      updatedAt: now,
      reopenings: [],
    };
    if (await insertNew(deps.db, sheetItem(sheet))) return { sheet, created: true };
    throw new ConflictError('precondition.failed');
  }
  assertVersion(existing, ifMatch);
  if (existing.status !== 'draft') throw new ConflictError('sheet.final');
  const sheet = await saveNextVersion(deps.db, deps.clock, { ...existing, ...content }, sheetItem, {
    expectedVersion: ifMatch,
    condition: '#status = :draft',
    names: { '#status': 'status' },
    values: { ':draft': 'draft' },
  });
  return { sheet, created: false };
}

/** Submitting makes the sheet final: the commit point is the sheet item leaving `draft`. */
export async function submitSheet(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  ifMatch?: IfMatch,
) {
  const { contest, proposal } = await judgeAccess(deps, principal, contestId, proposalId);
  assertStatus(contest, ['review']);
  const existing = await getSheet(deps.db, contestId, proposalId, principal.sub);
  if (!existing) throw new NotFoundError('sheet.notFound');
  assertVersion(existing, ifMatch);
  if (existing.status !== 'draft') throw new ConflictError('sheet.final');
  checkSheet(contest, proposal, existing, true);
  return saveNextVersion(
    deps.db,
    deps.clock,
    { ...existing, status: 'submitted', submittedAt: deps.clock.now().toISOString() },
    sheetItem,
    {
      expectedVersion: ifMatch,
      condition: '#status = :draft',
      names: { '#status': 'status' },
      values: { ':draft': 'draft' },
    },
  );
}

export async function reopenSheet(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  judgeId: string,
  reason: string,
  ifMatch?: IfMatch,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, ['review']);
  const sheet = await getSheet(deps.db, contestId, proposalId, judgeId);
  if (!sheet) throw new NotFoundError('sheet.notFound');
  assertVersion(sheet, ifMatch);
  if (sheet.status !== 'submitted') throw new ConflictError('sheet.notSubmitted');
  const { submittedAt: _s, ...rest } = sheet;
  const reopening = { by: principal.sub, at: deps.clock.now().toISOString(), reason };
  const saved = await saveNextVersion(
    deps.db,
    deps.clock,
    { ...rest, status: 'draft', reopenings: [...sheet.reopenings, reopening] },
    sheetItem,
    {
      expectedVersion: ifMatch,
      condition: '#status = :submitted',
      names: { '#status': 'status' },
      values: { ':submitted': 'submitted' },
    },
  );
  await recordAudit(deps, contestId, {
    actor: principal.sub,
    action: 'sheet.reopen',
    subject: proposalId,
    summary: { judgeId, reason, total: sheet.total },
  });
  return saved;
}

/** A judge declares a conflict: the assignment is withdrawn and the proposal gets another judge. */
export async function declareConflict(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  reason: string,
) {
  const [contest, judge, proposal] = await Promise.all([
    getContest(deps.db, contestId),
    getPanelJudge(deps.db, contestId, principal.sub),
    getProposal(deps.db, contestId, proposalId),
  ]);
  if (!contest || !judge) throw new ForbiddenError('judge.notOnPanel');
  if (proposal?.status !== 'submitted') throw new NotFoundError('proposal.notFound');
  assertStatus(contest, ASSIGNMENT_PHASES);
  const conflict: Conflict = {
    contestId,
    proposalId,
    judgeId: principal.sub,
    source: 'declared',
    reason,
    declaredAt: deps.clock.now().toISOString(),
  };
  if (await insertNew(deps.db, conflictItem(conflict))) {
    await recordAudit(deps, contestId, {
      actor: principal.sub,
      action: 'conflict.declare',
      subject: proposalId,
      summary: { reason },
    });
  }
  const whole = (await readWholeContest(deps.db, contestId))!;
  const { added } = await applyPlan(deps, principal, whole, (pair) => pair.proposalId === proposalId);
  return {
    conflict: (await getConflict(deps.db, contestId, proposalId, principal.sub))!,
    reassignedTo: added.map((p) => p.judgeId),
  };
}

/** A judge's assignments across contests, each with the state of the judge's sheet. */
export async function myAssignments(deps: Deps, principal: Principal, page: PageRequest) {
  const assignments = await listAssignmentsOfJudge(deps.db, deps.cursors, principal.sub, page);
  const contestIds = [...new Set(assignments.items.map((a) => a.contestId))];
  const sheets = new Map<string, Sheet>();
  for (const contestId of contestIds) {
    for (const sheet of await listSheetsOfJudge(deps.db, contestId, principal.sub)) {
      sheets.set(pairKey(sheet.contestId + sheet.proposalId, sheet.judgeId), sheet);
    }
  }
  return {
    items: assignments.items.map((a) => ({
      ...a,
      sheet: sheets.get(pairKey(a.contestId + a.proposalId, a.judgeId))?.status ?? ('missing' as const),
    })),
    next: assignments.next,
  };
}

/** Judges × proposals: what each assigned judge has done, and where conflicts are. */
export async function progress(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  const sheets = new Map(whole.sheets.map((s) => [pairKey(s.proposalId, s.judgeId), s.status]));
  const cells: { proposalId: string; judgeId: string; state: CellState }[] = [];
  for (const c of conflictsOf(whole)) cells.push({ ...c, state: 'conflict' });
  const conflicted = new Set(cells.map((c) => pairKey(c.proposalId, c.judgeId)));
  for (const a of whole.assignments) {
    const key = pairKey(a.proposalId, a.judgeId);
    if (!conflicted.has(key))
      cells.push({ proposalId: a.proposalId, judgeId: a.judgeId, state: sheets.get(key) ?? 'missing' });
  }
  const eligible = whole.proposals.filter(isEligible);
  return {
    judges: whole.judges.map(({ judgeId, name }) => ({ judgeId, name })),
    proposals: eligible.map(({ id, title }) => ({ id, title: title ?? '' })),
    cells: cells.sort((a, b) => (a.proposalId + a.judgeId < b.proposalId + b.judgeId ? -1 : 1)),
    submitted: cells.filter((c) => c.state === 'submitted').length,
    expected: eligible.length * whole.contest.minJudges,
  };
}

/** The ranking the office defends: aggregation, quorum and outliers from the one scoring module. */
export async function ranking(deps: Deps, principal: Principal, contestId: string) {
  return rankWholeContest(await wholeContestForOfficer(deps, principal, contestId));
}

/** The ranking of a contest already read whole; shortlisting builds on the same numbers. */
export function rankWholeContest(whole: WholeContest) {
  const conflicted = new Set(conflictsOf(whole).map((c) => pairKey(c.proposalId, c.judgeId)));
  const eligible = whole.proposals.filter(isEligible);
  const sheets = whole.sheets.filter(
    (s) => s.status === 'submitted' && !conflicted.has(pairKey(s.proposalId, s.judgeId)),
  );
  const ranked = rankProposals(
    whole.contest,
    eligible.map((p) => ({
      id: p.id,
      requestedFen: p.requestedFen ?? 0,
      submittedAt: p.submittedAt ?? p.createdAt,
    })),
    sheets.map((s) => ({ proposalId: s.proposalId, judgeId: s.judgeId, scores: s.scores, total: s.total })),
  );
  const byId = new Map(eligible.map((p) => [p.id, p]));
  const names = new Map(whole.judges.map((j) => [j.judgeId, j.name]));
  return {
    contest: whole.contest,
    aggregation: whole.contest.aggregation,
    minJudges: whole.contest.minJudges,
    outlierMargin: whole.contest.outlierMargin,
    items: ranked.map((r) => {
      const p = byId.get(r.proposalId)!;
      return {
        ...r,
        title: p.title ?? '',
        category: p.category ?? '',
        community: p.community ?? '',
        requestedFen: p.requestedFen ?? 0,
        minViableFen: p.minViableFen,
        judges: r.judges.map((j) => ({ ...j, name: names.get(j.judgeId) ?? j.judgeId })),
      };
    }),
  };
}

/** An officer reads every sheet of a proposal, comments included. */
export async function proposalSheets(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  const proposal = await getProposal(deps.db, contestId, proposalId);
  if (!proposal || proposal.officeId !== contest.officeId) throw new NotFoundError('proposal.notFound');
  const whole = (await readWholeContest(deps.db, contestId))!;
  return whole.sheets.filter((s) => s.proposalId === proposalId);
}
