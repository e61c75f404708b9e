import { assertNotOfficerOf, assertOfficer, type Principal } from '../auth.ts';
import { contestForOfficer, transitionContest } from '../contest/actions.ts';
import { assertPhase, inPhase, phaseCheck, rankingChange } from '../contest/lifecycle.ts';
import { type Contest, codeNames, judgesPerProposal } from '../contest/model.ts';
import { getContest } from '../contest/store.ts';
import { createOp } from '../create-once.ts';
import { keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import {
  AppError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { keys, type ReviewProcess, withoutKeys } from '../keys.ts';
import type { PageRequest } from '../paging.ts';
import { isEligible, type Proposal } from '../proposal/model.ts';
import { getProposal } from '../proposal/store.ts';
import { rankProposals, sheetTotal } from '../scoring.ts';
import { AlreadyExists, type CheckOp, commit, MAX_OPS, type Op } from '../transact.ts';
import { getUserEntry, holdsRole } from '../user/directory.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import { type AssignmentPair, planAssignments } from './assign.ts';
import {
  type Assignment,
  BlindProposal,
  type Conflict,
  isCountedSheet,
  PanelJudge,
  type Sheet,
  type SheetInput,
} from './model.ts';
import {
  assertOwnSheetWritable,
  assertReopenable,
  checkScores,
  conflictedPairs,
  isConflictedMember,
  isOpenCell,
  noConflictRecorded,
  noFinalSheet,
  progressCells,
  reopenedSheet,
  type SeatRefusal,
  seatRefusal,
  submittedOnly,
  writeOwnSheet,
} from './panel.ts';
import {
  assignmentItem,
  conflictItem,
  getAssignment,
  getConflict,
  getPanelJudge,
  getSheet,
  listAssignmentsOfJudge,
  listSheetsOfJudge,
  panelJudgeItem,
  readJudgeStanding,
  readSheetContext,
  readWholeContest,
  sheetItem,
  type WholeContest,
} from './store.ts';

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

/** The contest as the review panel's process (shared/review/panel.ts): its subjects are proposals. */
const contestProcess = (contestId: string): ReviewProcess => ({ kind: 'contest', id: contestId });

/** Every conflicted (proposal, judge) pair of a contest, by the panel's one predicate. */
function conflictsOf(whole: WholeContest): AssignmentPair[] {
  return conflictedPairs(
    whole.proposals,
    whole.judges.map((j) => j.judgeId),
    whole.conflicts.map((c) => ({ subjectId: c.proposalId, judgeId: c.judgeId })),
  ).map(({ subjectId, judgeId }) => ({ proposalId: subjectId, judgeId }));
}

/** A ConditionCheck that an item exists, with the error its absence means. */
function exists(key: { pk: string; sk: string }, error: () => Error): CheckOp {
  return { kind: 'check', key, expression: 'attribute_exists(pk)', explain: error };
}

/** A 422 on the request's `judgeId`: the account cannot sit on a panel. */
function notAPanelUser(code: SeatRefusal, judgeId: string) {
  return new ValidationError(code, { judgeId }, [{ path: 'judgeId', message: code, params: { judgeId } }]);
}

/**
 * Adds a judge to the contest's panel, while the panel may change (PHASES.panel). Only a user
 * the directory knows with the judge role joins (shared/user/directory.ts), checked again in
 * the transaction. Returns `created: false` (and the judge as stored) when already there.
 * Errors: 403 another office; 404 no contest; 409 wrong phase; 422 `judge.unknownUser` (never
 * signed in), `judge.notAJudge` (a resident or officer) or `judge.officerOfOffice` (a judge who
 * is also an officer of the contest's office: separation of duties), on the field `judgeId`.
 */
export async function addJudge(
  deps: Deps,
  principal: Principal,
  contestId: string,
  judgeId: string,
  name: string,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'panel');
  if (judgeId === principal.sub) throw new ForbiddenError('auth.officerMayNotJudge');
  const refusal = seatRefusal(await getUserEntry(deps.db, judgeId), contest.officeId);
  if (refusal) throw notAPanelUser(refusal, judgeId);
  const judge: PanelJudge = {
    contestId,
    judgeId,
    name,
    addedAt: deps.clock.now().toISOString(),
    addedBy: principal.sub,
    submittedSheets: 0,
  };
  try {
    await commit(
      deps,
      [
        phaseCheck(contestId, 'panel'),
        holdsRole(judgeId, 'judge', () => notAPanelUser('judge.notAJudge', judgeId)),
        createOp(panelJudgeItem(judge)),
      ],
      {
        trail: contestId,
        actor: principal.sub,
        action: 'panel.add',
        subject: judgeId,
        summary: { name },
      },
    );
    return { judge, created: true };
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
  }
  return { judge: (await getPanelJudge(deps.db, contestId, judgeId))!, created: false };
}

/**
 * Takes a judge off the panel while the panel may change and review has not used their work:
 * a judge with a submitted sheet stays (an officer reopens those sheets first). One transaction
 * removes the panel entry (conditioned on no submitted sheet, which every submit counts on
 * it), withdraws the judge's assignments, gives their proposals other judges by the planner
 * (shared/review/assign.ts) and writes the audit entry with what moved. The judge's draft
 * sheets stay, uncounted, and come back if they rejoin.
 * Returns the plan (`added`, `removed`, `shortfalls`: proposals now short of judges).
 * Errors: 403 another office; 404 no contest or not on the panel; 409 wrong phase,
 * `judge.hasSubmittedSheets`, or `judge.tooManyToReplan` when the change exceeds one transaction.
 */
export async function removeJudge(deps: Deps, principal: Principal, contestId: string, judgeId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertPhase(whole.contest, 'panel');
  if (!whole.judges.some((j) => j.judgeId === judgeId)) throw new NotFoundError('judge.notOnPanelOf');
  const hasSubmitted = () => new ConflictError('judge.hasSubmittedSheets');
  if (whole.sheets.some((s) => s.judgeId === judgeId && s.status === 'submitted')) throw hasSubmitted();
  const remaining = { ...whole, judges: whole.judges.filter((j) => j.judgeId !== judgeId) };
  const replan = inPhase(whole.contest, 'assignments');
  const planned = replan
    ? planWrites(deps, principal, remaining)
    : { writes: [], added: [], removed: [], shortfalls: [] };
  // Recording an owner's conflict changes what ranking counts; assignments alone do not.
  const phase = planned.writes.some((w) => w.change === 'conflict') ? rankingChange : phaseCheck;
  const ops: Op[] = [
    phase(contestId, 'panel'),
    {
      kind: 'delete',
      key: keys.panelJudge(contestId, judgeId),
      expression: 'attribute_exists(pk) AND (attribute_not_exists(#n) OR #n <= :zero)',
      names: { '#n': 'submittedSheets' },
      values: { ':zero': 0 },
      explain: (old) => (old ? hasSubmitted() : new NotFoundError('judge.notOnPanelOf')),
    },
    ...planned.writes.map((w) => w.op),
  ];
  if (ops.length > MAX_OPS)
    throw new ConflictError('judge.tooManyToReplan', { count: planned.removed.length });
  const pairs = (list: AssignmentPair[]) => list.map((p) => `${p.proposalId}/${p.judgeId}`);
  try {
    await commit(deps, ops, {
      trail: contestId,
      actor: principal.sub,
      action: 'panel.remove',
      subject: judgeId,
      summary: { added: pairs(planned.added), removed: pairs(planned.removed) },
    });
  } catch (error) {
    // The contest changed under the plan (a concurrent assignment): the officer tries again.
    if (error instanceof AlreadyExists || error instanceof AlreadyGone)
      throw new ConflictError('precondition.failed');
    throw error;
  }
  return { added: planned.added, removed: planned.removed, shortfalls: planned.shortfalls };
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
  assertPhase(contest, 'assignments');
  const [proposal, judge, conflict] = await Promise.all([
    getProposal(deps.db, contestId, pair.proposalId),
    getPanelJudge(deps.db, contestId, pair.judgeId),
    getConflict(deps.db, contestId, pair.proposalId, pair.judgeId),
  ]);
  if (!proposal) throw new NotFoundError('proposal.notFound');
  if (!isEligible(proposal)) throw new ConflictError('proposal.notEligible');
  if (!judge)
    throw new ValidationError('judge.notOnPanel', {}, [{ path: 'judgeId', message: 'judge.notOnPanel' }]);
  if (isConflictedMember(proposal, pair.judgeId, conflict !== undefined))
    throw new ConflictError('assignment.conflicted');
  const assignment = newAssignment(deps, principal, contestId, pair, 'manual');
  try {
    await commit(
      deps,
      [
        phaseCheck(contestId, 'assignments'),
        createOp(assignmentItem(assignment)),
        noConflictRecorded(
          contestProcess(contestId),
          pair.proposalId,
          pair.judgeId,
          () => new ConflictError('assignment.conflicted'),
        ),
      ],
      {
        trail: contestId,
        actor: principal.sub,
        action: 'assignment.add',
        subject: pair.proposalId,
        summary: { judgeId: pair.judgeId },
      },
    );
    return { assignment, created: true };
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
  }
  return {
    assignment: (await getAssignment(deps.db, contestId, pair.proposalId, pair.judgeId))!,
    created: false,
  };
}

export async function unassign(deps: Deps, principal: Principal, contestId: string, pair: AssignmentPair) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'assignments');
  await commit(
    deps,
    [
      phaseCheck(contestId, 'assignments'),
      {
        kind: 'delete',
        key: keys.assignment(contestId, pair.proposalId, pair.judgeId),
        expression: 'attribute_exists(pk)',
        explain: () => new NotFoundError('judge.notAssigned'),
      },
      notSubmittedSheet(contestId, pair, () => new ConflictError('assignment.hasSheet')),
    ],
    {
      trail: contestId,
      actor: principal.sub,
      action: 'assignment.remove',
      subject: pair.proposalId,
      summary: { judgeId: pair.judgeId },
    },
  );
}

/** The sheet is absent or still a draft: a judge's submitted work is never silently undone. */
function notSubmittedSheet(contestId: string, pair: AssignmentPair, error: () => Error): CheckOp {
  return noFinalSheet(contestProcess(contestId), pair.proposalId, pair.judgeId, error);
}

/** A concurrent run removed it first; the plan is made again from what is stored. */
class AlreadyGone extends Error {}

type PlannedWrite = { op: Op; change: 'added' | 'removed' | 'conflict'; pair: AssignmentPair };

/** What automatic assignment would write now, from the contest as read. */
function planWrites(
  deps: Deps,
  principal: Principal,
  whole: WholeContest,
  only?: (p: AssignmentPair) => boolean,
) {
  const conflicts = conflictsOf(whole);
  const plan = planAssignments({
    proposalIds: whole.proposals.filter(isEligible).map((proposal) => proposal.id),
    judgeIds: whole.judges.map((judge) => judge.judgeId),
    perProposal: judgesPerProposal(whole.contest),
    conflicts,
    existing: whole.assignments.map(({ proposalId, judgeId }) => ({ proposalId, judgeId })),
  });
  const submitted = new Set(
    whole.sheets.filter((sheet) => isCountedSheet(sheet, false)).map((s) => pairKey(s.proposalId, s.judgeId)),
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
  const recorded = new Set(whole.conflicts.map((c) => pairKey(c.proposalId, c.judgeId)));
  const now = deps.clock.now().toISOString();
  const contestId = whole.contest.id;
  const writes: PlannedWrite[] = [
    ...conflicts
      .filter((c) => !recorded.has(pairKey(c.proposalId, c.judgeId)))
      .map((pair) => ({
        change: 'conflict' as const,
        pair,
        op: createOp(
          conflictItem({
            contestId,
            ...pair,
            source: 'team-member',
            reason: '评审专家是申报团队的负责人',
            declaredAt: now,
          }),
        ),
      })),
    ...added.map((pair) => ({
      change: 'added' as const,
      pair,
      op: createOp(assignmentItem(newAssignment(deps, principal, contestId, pair, 'auto'))),
    })),
    ...removed.map((pair) => ({
      change: 'removed' as const,
      pair,
      op: {
        kind: 'delete' as const,
        key: keys.assignment(contestId, pair.proposalId, pair.judgeId),
        expression: 'attribute_exists(pk)',
        explain: () => new AlreadyGone(),
      },
    })),
  ];
  return { writes, added, removed, shortfalls: plan.shortfalls };
}

const MAX_REPLANS = 3;

/**
 * Fills every eligible proposal up to the contest's number of judges, balanced and never
 * with a conflicted judge. The writes commit in transactions of at most MAX_OPS items, each
 * conditioned on the assignment phase and carrying its audit entry (`action`, with the pairs
 * it added and removed and the owner conflicts it recorded). A crashed run is finished by
 * running it again, a second run changes nothing, and a run that meets a concurrent one plans
 * again from what is stored.
 */
async function applyPlan(
  deps: Deps,
  principal: Principal,
  first: WholeContest,
  action: string,
  only?: (pair: AssignmentPair) => boolean,
) {
  let whole = first;
  for (let round = 0; ; round++) {
    assertPhase(whole.contest, 'assignments');
    const planned = planWrites(deps, principal, whole, only);
    try {
      for (let i = 0; i < planned.writes.length; i += MAX_OPS - 1) {
        const chunk = planned.writes.slice(i, i + MAX_OPS - 1);
        const pairsOf = (change: PlannedWrite['change']) =>
          chunk.filter((w) => w.change === change).map((w) => `${w.pair.proposalId}/${w.pair.judgeId}`);
        // Recording a conflict changes what ranking counts; assignments alone do not.
        const phase = chunk.some((w) => w.change === 'conflict') ? rankingChange : phaseCheck;
        await commit(deps, [phase(whole.contest.id, 'assignments'), ...chunk.map((w) => w.op)], {
          trail: whole.contest.id,
          actor: principal.sub,
          action,
          subject: whole.contest.id,
          summary: { added: pairsOf('added'), removed: pairsOf('removed'), conflicts: pairsOf('conflict') },
        });
      }
      return { added: planned.added, removed: planned.removed, shortfalls: planned.shortfalls };
    } catch (error) {
      if (!(error instanceof AlreadyExists || error instanceof AlreadyGone) || round >= MAX_REPLANS)
        throw error;
    }
    whole = (await readWholeContest(deps.db, whole.contest.id))!;
  }
}

export async function autoAssign(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertPhase(whole.contest, 'assignments');
  return applyPlan(deps, principal, whole, 'assignment.auto');
}

/** Review starts only after submissions close and every submission has been screened. */
export async function startReview(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertVersion(whole.contest, ifMatch);
  assertPhase(whole.contest, 'screening');
  const unscreened = whole.proposals.filter((p) => p.status === 'submitted' && !p.eligibility).length;
  if (unscreened > 0) throw new ConflictError('review.screeningIncomplete', { count: unscreened });
  return transitionContest(deps, principal.sub, whole.contest, 'startReview', { expectedVersion: ifMatch });
}

/** What a judge may act on: on the panel, assigned, and not conflicted. */
async function judgeAccess(deps: Deps, principal: Principal, contestId: string, proposalId: string) {
  const { contest, judge, assignment, conflict, proposal, sheet } = await readJudgeStanding(
    deps.db,
    contestId,
    proposalId,
    principal.sub,
  );
  if (!contest || !judge) throw new ForbiddenError('judge.notOnPanel');
  assertNotOfficerOf(principal, contest.officeId, 'auth.officerMayNotJudge');
  if (!proposal) throw new NotFoundError('proposal.notFound');
  if (isConflictedMember(proposal, principal.sub, conflict !== undefined))
    throw new ForbiddenError('judge.conflicted');
  if (!assignment) throw new ForbiddenError('judge.notAssigned');
  return { contest, proposal, sheet };
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
  const { sheet } = await judgeAccess(deps, principal, contestId, proposalId);
  if (!sheet) throw new NotFoundError('sheet.notFound');
  return sheet;
}

function checkSheet(contest: Contest, proposal: Proposal, input: SheetInput, complete: boolean) {
  const scores = checkScores(contest.rubric, input.scores, complete);
  const codes = new Set(contest.rubric.map((criterion) => criterion.code));
  const errors: FieldError[] = Object.keys(input.comments ?? {})
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
      params: { value: proposal.requestedFen ?? 0 },
    });
  }
  if (errors.length > 0) throw new ValidationError('validation.failed', {}, errors);
  return scores;
}

/**
 * What every judge write commits on besides its own item: review is on, the judge is still
 * assigned and has no recorded conflict on the proposal.
 */
function judgeGuards(contestId: string, proposalId: string, judgeId: string, ranking = false): Op[] {
  return [
    ranking ? rankingChange(contestId, 'sheets') : phaseCheck(contestId, 'sheets'),
    exists(keys.assignment(contestId, proposalId, judgeId), () => new ForbiddenError('judge.notAssigned')),
    noConflictRecorded(
      contestProcess(contestId),
      proposalId,
      judgeId,
      () => new ForbiddenError('judge.conflicted'),
    ),
  ];
}

/** Keeps the panel entry's count of submitted sheets (see PanelJudge.submittedSheets). */
function countSubmitted(contestId: string, judgeId: string, by: 1 | -1): Op {
  return {
    kind: 'update',
    key: keys.panelJudge(contestId, judgeId),
    add: { submittedSheets: by },
    expression: 'attribute_exists(pk)',
    explain: () => new ForbiddenError('judge.notOnPanel'),
  };
}

const sheetFinal = () => new ConflictError('sheet.final');
const sheetNotSubmitted = () => new ConflictError('sheet.notSubmitted');

function sheetNote(principal: Principal, sheet: Sheet, action: string) {
  return {
    trail: sheet.contestId,
    actor: principal.sub,
    action,
    subject: sheet.proposalId,
    summary: { judgeId: sheet.judgeId, total: sheet.total },
  };
}

/**
 * Checks a typed sheet as its submission would (every criterion scored within the rubric, the
 * recommended amount not above the request) without writing: the confirmation step before a
 * judge submits. Returns the scores in hundredths. Errors as writeSheet's reads and checks:
 * 403 not on the panel, not assigned or conflicted; 422 scores or amount outside the rules.
 */
export async function checkSheetSubmission(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  typed: SheetContent,
): Promise<Sheet['scores']> {
  const { contest, proposal } = await judgeAccess(deps, principal, contestId, proposalId);
  return checkSheet(contest, proposal, typeof typed === 'function' ? typed(contest) : typed, true);
}

/**
 * A sheet's content, or how to make it from the contest the write reads (a page's form: points
 * typed against the rubric), so that the page needs no read of its own. The function may throw
 * (a form's own errors); the write then refuses as it refuses anything else.
 */
export type SheetContent = SheetInput | ((contest: Contest) => SheetInput);

/**
 * The one write of a judge's own sheet, in review, while assigned and not conflicted: a draft
 * save, or a submission (final unless an officer reopens it). The content is `input` (a save, or
 * a submission with its scores in the same request) or, for a submission without one, the
 * stored draft. Creates the sheet when there is none. A submission checks every criterion is
 * scored, moves the contest's reviewRevision and counts on the panel entry.
 * Errors: 403 not on the panel, not assigned or conflicted; 404 no sheet to submit; 409 wrong
 * phase or the sheet is final; 412 stale If-Match; 422 scores outside the rubric.
 */
async function writeSheet(
  deps: Deps,
  principal: Principal,
  at: { contestId: string; proposalId: string },
  typed: SheetContent | undefined,
  submit: boolean,
  ifMatch?: IfMatch,
): Promise<{ sheet: Sheet; created: boolean }> {
  const { contestId, proposalId } = at;
  const judgeId = principal.sub;
  // One read: what the write needs (rubric, phase, requested amount, owner, the stored sheet).
  const {
    contest,
    proposal,
    sheet: existing,
  } = await readSheetContext(deps.db, contestId, proposalId, judgeId);
  // A refusal says what today's checks say first: read the judge's standing only then.
  const refuse = async (error: Error): Promise<never> => {
    await judgeAccess(deps, principal, contestId, proposalId);
    throw error;
  };
  if (!contest) throw new ForbiddenError('judge.notOnPanel');
  try {
    assertNotOfficerOf(principal, contest.officeId, 'auth.officerMayNotJudge');
    if (!proposal) throw new NotFoundError('proposal.notFound');
    if (isConflictedMember(proposal, judgeId, false)) throw new ForbiddenError('judge.conflicted');
    assertPhase(contest, 'sheets');
  } catch (error) {
    return refuse(error as Error);
  }
  let input: SheetInput | undefined;
  try {
    input = typeof typed === 'function' ? typed(contest) : typed;
  } catch (error) {
    return refuse(error as Error);
  }
  const source = input ?? existing;
  if (!source) return refuse(new NotFoundError('sheet.notFound'));
  let scores: Sheet['scores'];
  try {
    scores = checkSheet(contest, proposal, source, submit);
    assertOwnSheetWritable(existing, ifMatch, sheetFinal);
  } catch (error) {
    return refuse(error as Error);
  }
  const content = input && {
    scores,
    comments: input.comments ?? {},
    overallComment: input.overallComment,
    recommendedFen: input.recommendedFen,
    total: sheetTotal(scores),
  };
  // The transaction carries the judge's standing: review is on, assigned, not conflicted, on the
  // panel (a submit counts on the panel entry, which needs it there).
  const guards = submit
    ? [...judgeGuards(contestId, proposalId, judgeId, true), countSubmitted(contestId, judgeId, 1)]
    : [
        ...judgeGuards(contestId, proposalId, judgeId),
        exists(keys.panelJudge(contestId, judgeId), () => new ForbiddenError('judge.notOnPanel')),
      ];
  try {
    return await writeOwnSheet<Sheet>(deps, {
      stored: existing,
      // Without a stored sheet there is an input (source above): its content is the sheet's.
      fresh: () => ({ contestId, proposalId, judgeId, ...content! }),
      content: content ?? {},
      submit,
      ifMatch,
      toItem: sheetItem,
      final: sheetFinal,
      note: (sheet, action) => sheetNote(principal, sheet, action),
      guards,
    });
  } catch (error) {
    // A condition failed: explain it as the reads before a write would have.
    if (error instanceof AlreadyExists) return refuse(new ConflictError('precondition.failed'));
    if (error instanceof AppError && error.status !== 503) return refuse(error);
    throw error;
  }
}

/** Saves the judge's draft (writeSheet); a submitted sheet is final (an officer can reopen it). */
export function saveSheet(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  input: SheetContent,
  ifMatch?: IfMatch,
): Promise<{ sheet: Sheet; created: boolean }> {
  return writeSheet(deps, principal, { contestId, proposalId }, input, false, ifMatch);
}

/**
 * Submitting makes the sheet final (writeSheet): the stored draft, or `input` saved and
 * submitted in one write (no draft needed first).
 */
export async function submitSheet(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  ifMatch?: IfMatch,
  input?: SheetContent,
): Promise<Sheet> {
  return (await writeSheet(deps, principal, { contestId, proposalId }, input, true, ifMatch)).sheet;
}

/** An officer reopens a submitted sheet, with a reason that stays on the sheet and in the trail. */
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
  assertPhase(contest, 'sheets');
  const sheet = await getSheet(deps.db, contestId, proposalId, judgeId);
  if (!sheet) throw new NotFoundError('sheet.notFound');
  assertReopenable(sheet, ifMatch, sheetNotSubmitted);
  const reopening = { by: principal.sub, at: deps.clock.now().toISOString(), reason };
  return saveNextVersion(
    deps,
    reopenedSheet(sheet, reopening),
    sheetItem,
    { expectedVersion: ifMatch, ...submittedOnly(sheetNotSubmitted) },
    {
      trail: contestId,
      actor: principal.sub,
      action: 'sheet.reopen',
      subject: proposalId,
      summary: { judgeId, reason, total: sheet.total },
    },
    [rankingChange(contestId, 'sheets'), countSubmitted(contestId, judgeId, -1)],
  );
}

/**
 * A judge declares a conflict on a proposal assigned to them, before submitting its sheet (an
 * officer reopens a submitted sheet first, with a reason). One transaction records the
 * conflict, withdraws the assignment and writes the entry; the proposal then gets another judge.
 * Errors: 403 not on the panel or not assigned; 409 wrong phase or sheet already submitted.
 */
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
  assertPhase(contest, 'conflicts');
  const conflict: Conflict = {
    contestId,
    proposalId,
    judgeId: principal.sub,
    source: 'declared',
    reason,
    declaredAt: deps.clock.now().toISOString(),
  };
  const pair = { proposalId, judgeId: principal.sub };
  try {
    await commit(
      deps,
      [
        rankingChange(contestId, 'conflicts'),
        createOp(conflictItem(conflict)),
        {
          kind: 'delete',
          key: keys.assignment(contestId, proposalId, principal.sub),
          expression: 'attribute_exists(pk)',
          explain: () => new ForbiddenError('judge.notAssigned'),
        },
        notSubmittedSheet(contestId, pair, () => new ConflictError('conflict.sheetSubmitted')),
      ],
      {
        trail: contestId,
        actor: principal.sub,
        action: 'conflict.declare',
        subject: proposalId,
        summary: { reason },
      },
    );
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
  }
  const whole = (await readWholeContest(deps.db, contestId))!;
  const { added } = await applyPlan(
    deps,
    principal,
    whole,
    'assignment.replan',
    (candidate) => candidate.proposalId === proposalId,
  );
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

/**
 * Judges × proposals: what each assigned judge has done, and where conflicts are; `submitted`
 * of `expected` (the assigned sheets), and the proposals still short of judges.
 */
export async function progress(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  const cells = contestCells(whole).map(({ subjectId, judgeId, state }) => ({
    proposalId: subjectId,
    judgeId,
    state,
  }));
  const eligible = whole.proposals.filter(isEligible);
  return {
    judges: whole.judges.map(({ judgeId, name }) => ({ judgeId, name })),
    proposals: eligible.map(({ id, title }) => ({ id, title: title ?? '' })),
    cells,
    submitted: cells.filter((c) => c.state === 'submitted').length,
    /** The sheets assigned (conflicts aside): what "n of m submitted" counts towards. */
    expected: cells.filter((c) => c.state !== 'conflict').length,
    judgesPerProposal: judgesPerProposal(whole.contest),
    /** Eligible proposals with fewer assigned judges than the contest's judges per proposal. */
    shortOfJudges: eligible
      .map(({ id }) => ({
        proposalId: id,
        missing:
          judgesPerProposal(whole.contest) -
          cells.filter((c) => c.proposalId === id && c.state !== 'conflict').length,
      }))
      .filter((s) => s.missing > 0),
  };
}

/** The contest's panel progress (progressCells): its assignments are the sheets it expects. */
function contestCells(whole: WholeContest) {
  return progressCells(
    whole.assignments.map((a) => ({ subjectId: a.proposalId, judgeId: a.judgeId })),
    conflictsOf(whole).map((c) => ({ subjectId: c.proposalId, judgeId: c.judgeId })),
    whole.sheets.map((s) => ({ subjectId: s.proposalId, judgeId: s.judgeId, status: s.status })),
  );
}

/**
 * The assigned sheets not submitted yet (conflicted pairs aside), with the proposal's title and
 * the judge's name, in proposal-then-judge order: what publishing now would leave out.
 */
export function openSheetsOf(whole: WholeContest) {
  const titles = new Map(whole.proposals.map((p) => [p.id, p.title ?? '']));
  const names = new Map(whole.judges.map((j) => [j.judgeId, j.name]));
  return contestCells(whole)
    .filter(isOpenCell)
    .map(({ subjectId, judgeId }) => ({
      proposalId: subjectId,
      judgeId,
      title: titles.get(subjectId) ?? subjectId,
      judgeName: names.get(judgeId) ?? judgeId,
    }));
}

/** An officer's view of the open sheets (openSheetsOf), e.g. before confirming publication. */
export async function openSheets(deps: Deps, principal: Principal, contestId: string) {
  return openSheetsOf(await wholeContestForOfficer(deps, principal, contestId));
}

/** The ranking the office defends: aggregation, quorum and outliers from the one scoring module. */
export async function ranking(deps: Deps, principal: Principal, contestId: string) {
  return rankWholeContest(await wholeContestForOfficer(deps, principal, contestId));
}

/** The ranking of a contest already read whole; shortlisting builds on the same numbers. */
export function rankWholeContest(whole: WholeContest) {
  const conflicted = new Set(conflictsOf(whole).map((c) => pairKey(c.proposalId, c.judgeId)));
  const eligible = whole.proposals.filter(isEligible);
  const sheets = whole.sheets.filter((s) =>
    isCountedSheet(s, conflicted.has(pairKey(s.proposalId, s.judgeId))),
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
      const named = codeNames(whole.contest, p);
      return {
        ...r,
        title: p.title ?? '',
        category: p.category ?? '',
        community: p.community ?? '',
        categoryName: named.categoryName ?? '',
        communityName: named.communityName ?? '',
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
