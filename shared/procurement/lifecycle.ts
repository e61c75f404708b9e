import { formatShanghai } from '../clock.ts';
import { ConflictError } from '../errors.ts';
import { z } from '../zod.ts';

/**
 * The one place that owns a procurement's phases and the moves between them (competitive
 * consultation, 财库〔2014〕214号; docs/procurement.md, "Lifecycle"). Actions ask `assertMove` before
 * they write and condition the write on the phase they leave, so no other module decides whether
 * a move is allowed.
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

/** Each move an officer (or the evaluation) makes, and the phases it goes from and to. */
export const MOVES = {
  /** Publishes the announcement and the consultation documents; the set-up freezes. */
  announce: { from: ['draft'], to: 'announced' },
  /** Suppliers may send their one sealed bid until the bidding deadline. */
  openBidding: { from: ['announced'], to: 'bidding' },
  /** After the bidding deadline: bids are opened and checked for responsiveness (Art. 17). */
  closeBidding: { from: ['bidding'], to: 'consultation' },
  /** The panel asks every responsive supplier for one final quotation (Art. 21). */
  callFinalQuotations: { from: ['consultation'], to: 'final-quotation' },
  /** The panel scores the responsive bids (Art. 23, 24). */
  startEvaluation: { from: ['final-quotation'], to: 'evaluation' },
  /** The panel's ranked list of candidates (Art. 25). */
  recommend: { from: ['evaluation'], to: 'recommended' },
  /** The officer confirms a candidate (Art. 28). */
  award: { from: ['recommended'], to: 'awarded' },
  /** With a recorded reason, from any phase that is not final (Art. 34). */
  terminate: {
    from: ['draft', 'announced', 'bidding', 'consultation', 'final-quotation', 'evaluation', 'recommended'],
    to: 'terminated',
  },
} as const satisfies Record<string, { from: readonly ProcurementPhase[]; to: ProcurementPhase }>;
export type Move = keyof typeof MOVES;

/** Phases in which the set-up may still change. */
export const EDITABLE: readonly ProcurementPhase[] = ['draft'];
/** Phases in which bids stay sealed: nobody, officers included, reads one. */
export const BIDS_SEALED: readonly ProcurementPhase[] = ['draft', 'announced', 'bidding'];
export const ACCEPTS_BIDS: readonly ProcurementPhase[] = ['bidding'];
export const ACCEPTS_FINAL_QUOTATIONS: readonly ProcurementPhase[] = ['final-quotation'];
export const SCORING: readonly ProcurementPhase[] = ['evaluation'];
export const FINAL: readonly ProcurementPhase[] = ['awarded', 'terminated'];

/** The phase `move` leads to from `from`, or undefined when the table has no such move. */
export function nextPhase(from: ProcurementPhase, move: Move): ProcurementPhase | undefined {
  const { from: sources, to } = MOVES[move];
  return (sources as readonly ProcurementPhase[]).includes(from) ? to : undefined;
}

function phaseParams(phase: ProcurementPhase) {
  return { phase: PHASE_NAMES[phase]['zh-CN'], phaseEn: PHASE_NAMES[phase].en };
}

/**
 * The one guard: the phase `move` leads to from `phase`, or a 409 ConflictError
 * `procurement.wrongPhase` naming the current phase in both locales.
 */
export function assertMove(phase: ProcurementPhase, move: Move): ProcurementPhase {
  const to = nextPhase(phase, move);
  if (!to) throw new ConflictError('procurement.wrongPhase', phaseParams(phase));
  return to;
}

/** The same guard for work done inside a phase (a bid, a score sheet): 409 when `phase` is not one of `allowed`. */
export function assertPhase(phase: ProcurementPhase, allowed: readonly ProcurementPhase[]): void {
  if (!allowed.includes(phase)) throw new ConflictError('procurement.wrongPhase', phaseParams(phase));
}

/**
 * Bids are sealed until the bidding deadline (财库〔2014〕214号 Art. 17 opens them only for the
 * panel's review): a bid may be read only once the procurement has left the sealed phases and the
 * deadline has passed. Both conditions, so neither an early phase move nor a clock alone unseals
 * them. Throws a 409 ConflictError `procurement.bidsSealed` with the deadline in Beijing time.
 */
export function assertBidsUnsealed(phase: ProcurementPhase, biddingDeadline: string, now: Date): void {
  if (BIDS_SEALED.includes(phase) || now.getTime() < Date.parse(biddingDeadline)) {
    throw new ConflictError('procurement.bidsSealed', { deadline: formatShanghai(biddingDeadline) });
  }
}
