import { ConflictError } from '../errors.ts';
import { keys } from '../keys.ts';
import {
  type ProcessCondition,
  phaseCheckOn,
  revisionBumpOn,
  sameRevision,
  statusIn,
  transitionUpdateOn,
} from '../phase-conditions.ts';
import type { CheckOp, UpdateOp } from '../transact.ts';
import type { IfMatch } from '../versioned.ts';
import type { ContestStatus } from './model.ts';

/**
 * The contest's lifecycle, the one place that knows it: which transitions exist (from, to,
 * who), which phases allow which child writes, and the guard and the transaction conditions
 * every action uses. Actions never compare status strings themselves; they name a transition
 * or a phase set here. Source: the domain brief (a contest's phases) and docs/data-model.md.
 *
 *   draft ─open→ open ─close→ screening ─start-review→ review ─publish→ publicity
 *     ─lock→ locked ─award→ awarded;   cancel: any phase up to publicity → cancelled
 */

/** Named sets of phases: where a kind of write is allowed, or what the public may see. */
export const PHASES = {
  /** The rules can be edited only while the contest is a draft (they freeze when it opens). */
  rules: ['draft'],
  /** Residents create, edit, submit and withdraw proposals (and before the deadline). */
  submissions: ['open'],
  /** The office screens submitted proposals for eligibility. */
  screening: ['screening'],
  /** Judges join the panel until review ends. */
  panel: ['draft', 'open', 'screening', 'review'],
  /** Assignments (manual, automatic, after a conflict) once eligibility is known. */
  assignments: ['screening', 'review'],
  /** A judge declares a conflict while assignments can still change. */
  conflicts: ['screening', 'review'],
  /** Score sheets are saved, submitted and reopened only in review. */
  sheets: ['review'],
  /** The officer's shortlisting decisions change only in review. */
  decisions: ['review'],
  /** A bundle can be proposed and compared once review has started. */
  shortlist: ['review', 'publicity', 'locked', 'awarded'],
  /** Residents object (and officers answer) during the publicity days. */
  objections: ['publicity'],
  /** The publicity record is public from publication on. */
  published: ['publicity', 'locked', 'awarded'],
  /** Notices are issued from the locked bundle. */
  notices: ['locked', 'awarded'],
  /** Cancellation is possible until the bundle is locked, never after. */
  cancellable: ['draft', 'open', 'screening', 'review', 'publicity'],
  /** Everything but a draft is visible to the public (a cancelled draft is not: isPublicContest). */
  public: ['open', 'screening', 'review', 'publicity', 'locked', 'awarded', 'cancelled'],
} as const satisfies Record<string, readonly ContestStatus[]>;
export type PhaseSet = keyof typeof PHASES;

export type Role = 'officer';

export interface Transition {
  from: readonly ContestStatus[];
  to: ContestStatus;
  /** Who may make it: an officer of the contest's office. */
  by: Role;
}

/** Every transition there is. Nothing else changes a contest's status. */
export const TRANSITIONS = {
  open: { from: ['draft'], to: 'open', by: 'officer' },
  close: { from: ['open'], to: 'screening', by: 'officer' },
  startReview: { from: ['screening'], to: 'review', by: 'officer' },
  publish: { from: ['review'], to: 'publicity', by: 'officer' },
  lock: { from: ['publicity'], to: 'locked', by: 'officer' },
  award: { from: ['locked'], to: 'awarded', by: 'officer' },
  cancel: { from: PHASES.cancellable, to: 'cancelled', by: 'officer' },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

/** The audit action each transition is recorded as. */
export const TRANSITION_ACTIONS: Record<TransitionName, string> = {
  open: 'contest.open',
  close: 'contest.screening',
  startReview: 'contest.review',
  publish: 'contest.publicity',
  lock: 'contest.locked',
  award: 'contest.awarded',
  cancel: 'contest.cancelled',
};

type HasStatus = { status: ContestStatus };

export function inPhase(contest: HasStatus, set: PhaseSet): boolean {
  return (PHASES[set] as readonly ContestStatus[]).includes(contest.status);
}

/**
 * What the public may see: a contest whose call was ever opened (PHASES.public). A contest
 * cancelled while still a draft was never a call, so it stays its office's own.
 */
export function isPublicContest(contest: HasStatus & { openedAt?: string | undefined }): boolean {
  return inPhase(contest, 'public') && (contest.status !== 'cancelled' || contest.openedAt !== undefined);
}

/** The refusal every wrong-phase write gets: 409 naming the phase the contest is in. */
export function wrongPhase(status: ContestStatus): ConflictError {
  return new ConflictError('contest.wrongStatus', { status });
}

/** The guard: refuses (409, naming the current phase) a write outside its phase set. */
export function assertPhase(contest: HasStatus, set: PhaseSet): void {
  if (!inPhase(contest, set)) throw wrongPhase(contest.status);
}

/** Whether a transition may start from the contest's phase. */
export function canTransition(contest: HasStatus, name: TransitionName): boolean {
  return (TRANSITIONS[name].from as readonly ContestStatus[]).includes(contest.status);
}

/** The phase a transition leads to, or a 409 naming the current phase when it cannot start. */
export function nextPhase(contest: HasStatus, name: TransitionName): ContestStatus {
  if (!canTransition(contest, name)) throw wrongPhase(contest.status);
  return TRANSITIONS[name].to;
}

/** A condition on a contest item's own status (as ConditionExpression parts). */
export function phaseCondition(set: PhaseSet) {
  const phase = statusIn(PHASES[set]);
  return { condition: phase.expression, names: phase.names, values: phase.values };
}

/** Explains a failed phase condition from the contest item as it was (ALL_OLD). */
export function explainPhase(old: Record<string, unknown> | undefined) {
  return wrongPhase((old?.status as ContestStatus | undefined) ?? 'draft');
}

/** A further condition on the contest item, and what its failure means. */
export type ContestCondition = ProcessCondition;

/**
 * The ConditionCheck a child write carries: the contest is in one of the set's phases (and,
 * optionally, a further condition on the contest item, e.g. the deadline). A failure is a 409
 * naming the phase the contest was in, or what `explain` says from the contest as it was.
 */
export function phaseCheck(contestId: string, set: PhaseSet, extra?: ContestCondition): CheckOp {
  return phaseCheckOn(keys.contest(contestId), PHASES[set], explainPhase, extra);
}

/**
 * The contest item's conditional update for a transition: status moves from one of the
 * transition's phases (at the version read, when the caller sent If-Match, and under `extra`) to the
 * next, with any fields the transition records. It is the commit point of the transition's
 * transaction. Failures: 412 on a stale version, what `extra` explains, else 409 naming the phase.
 */
export function transitionUpdate(
  contest: HasStatus & { id: string; version: number },
  name: TransitionName,
  now: string,
  options: {
    fields?: Record<string, unknown>;
    expectedVersion?: IfMatch | undefined;
    extra?: ContestCondition;
  } = {},
): UpdateOp {
  const to = nextPhase(contest, name);
  return transitionUpdateOn(
    keys.contest(contest.id),
    contest,
    TRANSITIONS[name].from,
    to,
    now,
    explainPhase,
    options,
  );
}

/**
 * A child write's phase condition as an update of a counter on the contest item, so a
 * transition that depends on what the counter counts commits on it in the same transaction
 * (DynamoDB serialises transactions on one item): the write lands before the transition and
 * the transition is refused, or after it and the write is refused (409 naming the phase).
 */
function countedChange(contestId: string, set: PhaseSet, counter: string, by: number): UpdateOp {
  return revisionBumpOn(keys.contest(contestId), PHASES[set], counter, explainPhase, by);
}

/**
 * For writes that change what ranking reads during review (a sheet submitted or reopened, a
 * conflict recorded): the contest's `reviewRevision` moves on, so a publish that read the
 * ranking before this write cannot commit after it (publish commits on the revision it read).
 * Sheet drafts do not move it.
 */
export function rankingChange(contestId: string, set: PhaseSet): UpdateOp {
  return countedChange(contestId, set, 'reviewRevision', 1);
}

/**
 * For objections: filing one adds 1 to the contest's `openObjections`, answering one takes 1
 * off, in the objection's own transaction; the lock commits on `openObjections` being 0
 * (`noOpenObjections`). So an objection filed at the very end of the publicity days, by a
 * server whose clock is a little behind, either lands before the lock and refuses it, or is
 * refused by the lock's phase change: it can never slip in after the lock read the objections.
 */
export function objectionChange(contestId: string, by: 1 | -1): UpdateOp {
  return countedChange(contestId, 'objections', 'openObjections', by);
}

/** The condition a lock commits on: no objection waits for an answer. */
export function noOpenObjections(): ContestCondition {
  return {
    expression: 'attribute_not_exists(openObjections) OR openObjections = :noneOpen',
    values: { ':noneOpen': 0 },
    explain: (old) => new ConflictError('bundle.objectionsOpen', { count: Number(old.openObjections) }),
  };
}

/** The condition a publish commits on: the ranking's inputs are as it read them. */
export function sameReviewRevision(contest: { reviewRevision?: number | undefined }): ContestCondition {
  return sameRevision(
    'reviewRevision',
    contest.reviewRevision,
    () => new ConflictError('bundle.reviewChanged'),
  );
}
