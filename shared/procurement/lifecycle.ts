import { ConflictError } from '../errors.ts';
import { keys } from '../keys.ts';
import {
  type ProcessCondition,
  phaseCheckOn,
  revisionBumpOn,
  sameRevision,
  transitionUpdateOn,
} from '../phase-conditions.ts';
import type { CheckOp, UpdateOp } from '../transact.ts';
import type { IfMatch } from '../versioned.ts';
import { z } from '../zod.ts';

/**
 * The procurement's lifecycle, the one place that knows it (competitive consultation,
 * 财库〔2014〕214号; docs/procurement.md, "Lifecycle"): which transitions exist (from, to, who),
 * which phases allow which writes, and the guard. Actions never compare phase strings
 * themselves; they name a transition or a phase set here.
 *
 *   draft ─announce→ announced ─openBidding→ bidding ─closeBidding→ consultation
 *     ─callFinalQuotations→ final-quotation ─startEvaluation→ evaluation ─recommend→ recommended
 *     ─award→ awarded;   terminate (with a reason): any phase but the final ones → terminated
 */
export const PROCUREMENT_PHASES = [
  'draft',
  'announced',
  'bidding',
  'consultation',
  'final-quotation',
  'evaluation',
  'recommended',
  'awarded',
  'terminated',
] as const;
export const ProcurementPhase = z.enum(PROCUREMENT_PHASES);
export type ProcurementPhase = z.infer<typeof ProcurementPhase>;

/** What people read: the phase names in both locales (error messages carry both). */
export const PHASE_NAMES: Record<ProcurementPhase, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  announced: { 'zh-CN': '已发布公告', en: 'announced' },
  bidding: { 'zh-CN': '递交响应文件', en: 'bidding' },
  consultation: { 'zh-CN': '磋商', en: 'consultation' },
  'final-quotation': { 'zh-CN': '最后报价', en: 'final quotation' },
  evaluation: { 'zh-CN': '综合评分', en: 'evaluation' },
  recommended: { 'zh-CN': '已推荐成交候选人', en: 'recommended' },
  awarded: { 'zh-CN': '已确定成交供应商', en: 'awarded' },
  terminated: { 'zh-CN': '已终止', en: 'terminated' },
};

/**
 * Named sets of phases: where a kind of write is allowed, or what may be read. The same shape as
 * the contest's lifecycle (shared/contest/lifecycle.ts).
 */
export const PHASES = {
  /** The set-up can be edited only in draft; it freezes when the procurement is announced. */
  setup: ['draft'],
  /** Bids stay sealed: nobody, officers included, reads one (see `assertBidsUnsealed`). */
  sealed: ['draft', 'announced', 'bidding'],
  /** Suppliers send their one bid (and before the bidding deadline). */
  bids: ['bidding'],
  /** Responsive suppliers send their one final quotation (Art. 21). */
  finalQuotations: ['final-quotation'],
  /** Panel members declare conflicts from the opening of the bids until scoring ends. */
  conflicts: ['consultation', 'final-quotation', 'evaluation'],
  /** Panel members save and submit score sheets (Art. 23, 24). */
  sheets: ['evaluation'],
  /** The officer confirms or declines candidates (Art. 28). */
  award: ['recommended'],
  /** The deal notice and the result notices go out once a candidate is confirmed (Art. 29). */
  notices: ['awarded'],
  /** A termination, with its reason, is possible until the award (Art. 34). */
  terminable: [
    'draft',
    'announced',
    'bidding',
    'consultation',
    'final-quotation',
    'evaluation',
    'recommended',
  ],
  /** Nothing leaves these. */
  final: ['awarded', 'terminated'],
  /**
   * Public from the announcement on. A terminated procurement is public only if it had been
   * announced (its termination notice, Art. 34), which the phase alone does not say.
   */
  public: ['announced', 'bidding', 'consultation', 'final-quotation', 'evaluation', 'recommended', 'awarded'],
} as const satisfies Record<string, readonly ProcurementPhase[]>;
export type PhaseSet = keyof typeof PHASES;

export interface Transition {
  from: readonly ProcurementPhase[];
  to: ProcurementPhase;
  /** Who may make it: an officer of the procurement's office. */
  by: 'officer';
}

/** Every transition there is. Nothing else changes a procurement's phase. */
export const TRANSITIONS = {
  /** Publishes the announcement and the consultation documents; the set-up freezes (Art. 10). */
  announce: { from: ['draft'], to: 'announced', by: 'officer' },
  /** Suppliers may send their one sealed bid until the bidding deadline. */
  openBidding: { from: ['announced'], to: 'bidding', by: 'officer' },
  /** After the bidding deadline: bids are opened and checked for responsiveness (Art. 17). */
  closeBidding: { from: ['bidding'], to: 'consultation', by: 'officer' },
  /** The panel asks every responsive supplier for one final quotation (Art. 21). */
  callFinalQuotations: { from: ['consultation'], to: 'final-quotation', by: 'officer' },
  /** The panel scores the responsive bids (Art. 23, 24). */
  startEvaluation: { from: ['final-quotation'], to: 'evaluation', by: 'officer' },
  /** The panel's ranked list of candidates (Art. 25). */
  recommend: { from: ['evaluation'], to: 'recommended', by: 'officer' },
  /** The officer confirms a candidate (Art. 28). */
  award: { from: PHASES.award, to: 'awarded', by: 'officer' },
  /** With a recorded reason, from any phase that is not final (Art. 34). */
  terminate: { from: PHASES.terminable, to: 'terminated', by: 'officer' },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

/** The audit action each transition is recorded as. */
export const TRANSITION_ACTIONS: Record<TransitionName, string> = {
  announce: 'procurement.announced',
  openBidding: 'procurement.bidding',
  closeBidding: 'procurement.consultation',
  callFinalQuotations: 'procurement.final-quotation',
  startEvaluation: 'procurement.evaluation',
  recommend: 'procurement.recommended',
  award: 'procurement.awarded',
  terminate: 'procurement.terminated',
};

type HasStatus = { status: ProcurementPhase };

export function inPhase(procurement: HasStatus, set: PhaseSet): boolean {
  return (PHASES[set] as readonly ProcurementPhase[]).includes(procurement.status);
}

/** The refusal every wrong-phase write gets: 409 naming the current phase in both locales. */
export function wrongPhase(status: ProcurementPhase): ConflictError {
  return new ConflictError('procurement.wrongPhase', {
    phase: PHASE_NAMES[status]['zh-CN'],
    phaseEn: PHASE_NAMES[status].en,
  });
}

/** The guard: refuses (409, naming the current phase) a write outside its phase set. */
export function assertPhase(procurement: HasStatus, set: PhaseSet): void {
  if (!inPhase(procurement, set)) throw wrongPhase(procurement.status);
}

/** Whether a transition may start from the procurement's phase. */
export function canTransition(procurement: HasStatus, name: TransitionName): boolean {
  return (TRANSITIONS[name].from as readonly ProcurementPhase[]).includes(procurement.status);
}

/** The phase a transition leads to, or a 409 naming the current phase when it cannot start. */
export function nextPhase(procurement: HasStatus, name: TransitionName): ProcurementPhase {
  if (!canTransition(procurement, name)) throw wrongPhase(procurement.status);
  return TRANSITIONS[name].to;
}

/**
 * Bids are sealed until the bidding deadline (财库〔2014〕214号 Art. 17 opens them only for the
 * panel's review): a bid may be read only once the procurement has left the sealed phases and the
 * deadline has passed. Both conditions, so neither an early phase move nor a clock alone unseals
 * them. Throws a 409 ConflictError `procurement.bidsSealed` with the deadline (shown in Beijing time).
 */
export function assertBidsUnsealed(procurement: HasStatus & { biddingDeadline: string }, now: Date): void {
  if (inPhase(procurement, 'sealed') || now.getTime() < Date.parse(procurement.biddingDeadline)) {
    throw new ConflictError('procurement.bidsSealed', { deadline: procurement.biddingDeadline });
  }
}

/**
 * The deadline a procurement's people look to next: the bidding deadline while bids are sealed,
 * the final-quotation deadline from the opening until scoring starts; none after.
 */
export function nextDeadline(
  procurement: HasStatus & { biddingDeadline: string; finalQuotationDeadline: string },
): { kind: 'bidding' | 'finalQuotation'; at: string } | undefined {
  if (inPhase(procurement, 'sealed')) return { kind: 'bidding', at: procurement.biddingDeadline };
  if (procurement.status === 'consultation' || procurement.status === 'final-quotation')
    return { kind: 'finalQuotation', at: procurement.finalQuotationDeadline };
  return undefined;
}

/** Explains a failed phase condition from the procurement item as it was (ALL_OLD). */
export function explainPhase(old: Record<string, unknown> | undefined): ConflictError {
  const parsed = ProcurementPhase.safeParse(old?.status);
  return wrongPhase(parsed.success ? parsed.data : 'draft');
}

/**
 * The ConditionCheck a child write (a bid, a final quotation, a conflict, a sheet) carries: the
 * procurement is in one of the set's phases, and under `extra` (a deadline, say). A failure is
 * the 409 naming the phase the procurement was in, or what `extra` explains.
 */
export function phaseCheck(procurementId: string, set: PhaseSet, extra?: ProcessCondition): CheckOp {
  return phaseCheckOn(keys.procurement(procurementId), PHASES[set], explainPhase, extra);
}

/**
 * A child write's phase condition as an update that also records `fields` on the procurement
 * (and moves its version on), so the fact stands or falls with the write it belongs to.
 */
export function phaseRecord(procurementId: string, set: PhaseSet, fields: Record<string, unknown>): UpdateOp {
  const { kind: _check, ...check } = phaseCheck(procurementId, set);
  return { ...check, kind: 'update', set: fields, add: { version: 1 } };
}

/**
 * For writes that change what the evaluation reads (a sheet, a conflict): the phase condition as
 * an update that moves the procurement's `evaluationRevision` on, so a recommendation that read
 * the evaluation before this write cannot commit after it (it commits on the revision it read).
 */
export function evaluationChange(procurementId: string, set: PhaseSet): UpdateOp {
  return revisionBumpOn(keys.procurement(procurementId), PHASES[set], 'evaluationRevision', explainPhase);
}

/** The condition a recommendation commits on: no sheet or conflict came since it read the evaluation. */
export function sameEvaluation(procurement: { evaluationRevision?: number | undefined }): ProcessCondition {
  return sameRevision(
    'evaluationRevision',
    procurement.evaluationRevision,
    () => new ConflictError('procurement.evaluationChanged'),
  );
}

/**
 * The procurement item's conditional update for a transition, the commit point of its
 * transaction: from the transition's phases (at the version read when If-Match was sent) to
 * the next, with the fields it records. 409 naming the phase, 412 on a stale version.
 */
export function transitionUpdate(
  procurement: HasStatus & { id: string; version: number },
  name: TransitionName,
  now: string,
  options: {
    fields?: Record<string, unknown>;
    expectedVersion?: IfMatch | undefined;
    extra?: ProcessCondition;
  } = {},
): UpdateOp {
  const to = nextPhase(procurement, name);
  return transitionUpdateOn(
    keys.procurement(procurement.id),
    procurement,
    TRANSITIONS[name].from,
    to,
    now,
    explainPhase,
    options,
  );
}
