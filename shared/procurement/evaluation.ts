import { isOpenCell, progressCells } from '../review/panel.ts';
import {
  type Criterion,
  compareBids,
  compareIds,
  panelMean,
  priceScore,
  type ScoredBid,
  ScoringInputError,
  type SheetScores,
  sheetScoresSchema,
  sheetTotal,
} from '../scoring.ts';

/**
 * The evaluation of a competitive consultation (财库〔2014〕214号 Art. 17, 21–25, 34), pure: no I/O,
 * no clock. docs/procurement.md states each rule with its article and works one example by hand.
 * Money is whole fen, scores hundredths of a point.
 */

/** What the evaluation reads of the set-up. */
export interface EvaluationRules {
  ceilingFen: number;
  priceWeightBp: number;
  criteria: readonly Criterion[];
  requiredParts: readonly { code: string }[];
  minResponsive: number;
  /** The panel members' judge ids. */
  panel: readonly string[];
}

/** A supplier's bid as the evaluation reads it. One bid per supplier. */
export interface BidForEvaluation {
  bidId: string;
  supplierId: string;
  /** A registered organisation: see `isRegisteredSupplier`. */
  registered: boolean;
  priceFen: number;
  /** The codes of the parts the bid contains. */
  partCodes: readonly string[];
  /** Absent when the supplier gave no final quotation (withdrew, Art. 22). */
  finalQuotationFen?: number;
  submittedAt: string;
}

/** A panel member's submitted sheet for one bid. */
export interface BidSheet {
  bidId: string;
  judgeId: string;
  scores: SheetScores;
}

/** A member who may not score a supplier: declared, or a member of its team. */
export interface PanelConflict {
  judgeId: string;
  supplierId: string;
}

export type NonResponsiveReason =
  | { code: 'unregistered' }
  | { code: 'above-ceiling'; priceFen: number; ceilingFen: number }
  | { code: 'missing-parts'; parts: string[] }
  | { code: 'no-final-quotation' }
  | { code: 'final-above-ceiling'; quotationFen: number; ceilingFen: number };

/**
 * Only registered organisations may bid (Art. 6 with the brief: a 民办非企业 with its certificate):
 * a team of kind `registered-org` that gives its certificate number. Resident teams are not.
 */
export function isRegisteredSupplier(team: {
  kind: string;
  certificateNumber?: string | undefined;
}): boolean {
  return team.kind === 'registered-org' && Boolean(team.certificateNumber);
}

/**
 * Why a bid is non-responsive as it was sent (Art. 17: 未实质性响应磋商文件的响应文件按无效处理):
 * from an unregistered supplier, priced above the ceiling, or missing a required part. Empty when
 * responsive.
 */
export function bidReasons(
  rules: Pick<EvaluationRules, 'ceilingFen' | 'requiredParts'>,
  bid: BidForEvaluation,
) {
  const reasons: NonResponsiveReason[] = [];
  if (!bid.registered) reasons.push({ code: 'unregistered' });
  if (bid.priceFen > rules.ceilingFen) {
    reasons.push({ code: 'above-ceiling', priceFen: bid.priceFen, ceilingFen: rules.ceilingFen });
  }
  const present = new Set(bid.partCodes);
  const missing = rules.requiredParts.map((part) => part.code).filter((code) => !present.has(code));
  if (missing.length > 0) reasons.push({ code: 'missing-parts', parts: missing });
  return reasons;
}

/**
 * Why a bid that was responsive is out after the final quotations (Art. 21, 22): no final
 * quotation, or one above the ceiling. Empty when it goes on to scoring.
 */
export function finalQuotationReasons(rules: Pick<EvaluationRules, 'ceilingFen'>, bid: BidForEvaluation) {
  const reasons: NonResponsiveReason[] = [];
  if (bid.finalQuotationFen === undefined) reasons.push({ code: 'no-final-quotation' });
  else if (bid.finalQuotationFen > rules.ceilingFen) {
    reasons.push({
      code: 'final-above-ceiling',
      quotationFen: bid.finalQuotationFen,
      ceilingFen: rules.ceilingFen,
    });
  }
  return reasons;
}

/** Art. 21, 34 (and 财库〔2015〕124号 for 2): the procurement ends when fewer suppliers respond than required. */
export function tooFewResponsive(responsive: number, minResponsive: number): boolean {
  return responsive < minResponsive;
}

export interface BidResult {
  bidId: string;
  supplierId: string;
  responsive: boolean;
  reasons: NonResponsiveReason[];
  finalQuotationFen: number | null;
  /** Hundredths; null when not scored. */
  priceScore: number | null;
  technicalScore: number | null;
  total: number | null;
  /** 1-based among the scored bids; null when not ranked. */
  rank: number | null;
  /** Each counted sheet's total, by judge id. */
  sheets: { judgeId: string; total: number }[];
}

export interface Evaluation {
  /**
   * `terminated`: too few responsive suppliers (the reason is in `responsive` and `required`);
   * `incomplete`: a panel member's sheet is still missing (`missingSheets`), or every member is
   * conflicted with a supplier (`unscorable`); `recommended`: `candidates` is the ranked list.
   */
  outcome: 'terminated' | 'incomplete' | 'recommended';
  responsive: number;
  required: number;
  /** The lowest responsive final quotation; null unless scored. */
  benchmarkFen: number | null;
  missingSheets: { bidId: string; judgeId: string }[];
  unscorable: string[];
  /** Ranked bids in rank order, then the others by bid id. */
  bids: BidResult[];
  /** Bid ids in recommended order (Art. 25); empty unless recommended. */
  candidates: string[];
}

function fail(message: string): never {
  throw new ScoringInputError(message);
}

function checkInput(rules: EvaluationRules, bids: readonly BidForEvaluation[]) {
  if (!Number.isSafeInteger(rules.ceilingFen) || rules.ceilingFen < 1) fail('the ceiling is not whole fen');
  if (new Set(rules.panel).size !== rules.panel.length) fail('a panel member is listed twice');
  const ids = new Set<string>();
  const suppliers = new Set<string>();
  for (const bid of bids) {
    if (ids.has(bid.bidId)) fail(`bid ${bid.bidId} is listed twice`);
    if (suppliers.has(bid.supplierId)) fail(`supplier ${bid.supplierId} has two bids`);
    ids.add(bid.bidId);
    suppliers.add(bid.supplierId);
    for (const fen of [bid.priceFen, bid.finalQuotationFen ?? 1]) {
      if (!Number.isSafeInteger(fen) || fen < 1)
        fail(`bid ${bid.bidId} has ${fen}, not a positive whole number of fen`);
    }
    if (Number.isNaN(Date.parse(bid.submittedAt))) fail(`bid ${bid.bidId} has no valid submittedAt`);
  }
}

/** The sheets of the scored bids, checked, grouped by bid id; sheets of other bids are not read. */
function sheetsByBid(
  rules: EvaluationRules,
  scored: ReadonlyMap<string, BidForEvaluation>,
  sheets: readonly BidSheet[],
  conflicted: ReadonlySet<string>,
) {
  const complete = sheetScoresSchema([...rules.criteria], { complete: true });
  const panel = new Set(rules.panel);
  const byBid = new Map<string, Map<string, number>>();
  for (const sheet of sheets) {
    const bid = scored.get(sheet.bidId);
    if (!bid) continue;
    const where = `sheet of ${sheet.judgeId} for bid ${sheet.bidId}`;
    if (!panel.has(sheet.judgeId)) fail(`${where}: not a panel member`);
    if (conflicted.has(pairKey(sheet.judgeId, bid.supplierId))) fail(`${where}: the member is conflicted`);
    if (!complete.safeParse(sheet.scores).success) fail(`${where}: not a complete, valid sheet`);
    const totals = byBid.get(sheet.bidId) ?? new Map<string, number>();
    if (totals.has(sheet.judgeId)) fail(`${where}: two sheets`);
    totals.set(sheet.judgeId, sheetTotal(sheet.scores));
    byBid.set(sheet.bidId, totals);
  }
  return byBid;
}

function pairKey(judgeId: string, supplierId: string): string {
  return JSON.stringify([judgeId, supplierId]);
}

/**
 * Evaluates a procurement once the final quotations are in: responsiveness first, then, unless
 * too few suppliers respond, the price score by lowest-price-first, the technical score as the
 * panel mean, the total, and the ranking of Art. 25. Each bid's technical score reads only its own
 * sheets; the price scores read only the final quotations. The result depends only on the sets of
 * bids, sheets and conflicts, never on their order. Throws ScoringInputError for input no
 * validated path produces (two bids by one supplier, a sheet by a conflicted member, …).
 */
export function evaluate(
  rules: EvaluationRules,
  bids: readonly BidForEvaluation[],
  sheets: readonly BidSheet[],
  conflicts: readonly PanelConflict[],
): Evaluation {
  checkInput(rules, bids);
  const results = new Map<string, BidResult>();
  const scored = new Map<string, BidForEvaluation>();
  for (const bid of bids) {
    const first = bidReasons(rules, bid);
    const reasons = first.length > 0 ? first : finalQuotationReasons(rules, bid);
    results.set(bid.bidId, {
      bidId: bid.bidId,
      supplierId: bid.supplierId,
      responsive: reasons.length === 0,
      reasons,
      finalQuotationFen: bid.finalQuotationFen ?? null,
      priceScore: null,
      technicalScore: null,
      total: null,
      rank: null,
      sheets: [],
    });
    if (reasons.length === 0) scored.set(bid.bidId, bid);
  }
  const byId = (a: BidResult, b: BidResult) => compareIds(a.bidId, b.bidId);
  const base = {
    responsive: scored.size,
    required: rules.minResponsive,
    benchmarkFen: null,
    missingSheets: [],
    unscorable: [],
    candidates: [],
  };
  if (tooFewResponsive(scored.size, rules.minResponsive)) {
    return { ...base, outcome: 'terminated', bids: [...results.values()].sort(byId) };
  }

  const conflicted = new Set(conflicts.map((c) => pairKey(c.judgeId, c.supplierId)));
  const totalsByBid = sheetsByBid(rules, scored, sheets, conflicted);
  // Every member owes a sheet for every responsive bid, unless conflicted with its supplier.
  const pairs = [...scored.values()].flatMap((bid) =>
    rules.panel.map((judgeId) => ({ subjectId: bid.bidId, judgeId, supplierId: bid.supplierId })),
  );
  const cells = progressCells(
    pairs,
    pairs.filter((pair) => conflicted.has(pairKey(pair.judgeId, pair.supplierId))),
    [...totalsByBid].flatMap(([bidId, totals]) =>
      [...totals.keys()].map((judgeId) => ({ subjectId: bidId, judgeId, status: 'submitted' as const })),
    ),
  );
  const missingSheets = cells
    .filter(isOpenCell)
    .map(({ subjectId, judgeId }) => ({ bidId: subjectId, judgeId }));
  const unscorable = [...scored.keys()]
    .filter((bidId) => cells.every((cell) => cell.subjectId !== bidId || cell.state === 'conflict'))
    .sort(compareIds);
  for (const [bidId, totals] of totalsByBid)
    results.get(bidId)!.sheets = [...totals]
      .map(([judgeId, total]) => ({ judgeId, total }))
      .sort((a, b) => compareIds(a.judgeId, b.judgeId));
  if (missingSheets.length > 0 || unscorable.length > 0) {
    return {
      ...base,
      outcome: 'incomplete',
      missingSheets,
      unscorable,
      bids: [...results.values()].sort(byId),
    };
  }

  const benchmarkFen = Math.min(...[...scored.values()].map((bid) => bid.finalQuotationFen!));
  const ranked: ScoredBid[] = [...scored.values()].map((bid) => {
    const price = priceScore(benchmarkFen, bid.finalQuotationFen!, rules.priceWeightBp);
    const technical = panelMean(results.get(bid.bidId)!.sheets.map((sheet) => sheet.total));
    return {
      bidId: bid.bidId,
      finalQuotationFen: bid.finalQuotationFen!,
      priceScore: price,
      technicalScore: technical,
      total: price + technical,
      submittedAt: bid.submittedAt,
    };
  });
  ranked.sort(compareBids);
  ranked.forEach((bid, index) => {
    Object.assign(results.get(bid.bidId)!, {
      priceScore: bid.priceScore,
      technicalScore: bid.technicalScore,
      total: bid.total,
      rank: index + 1,
    });
  });
  const others = [...results.values()].filter((result) => !result.responsive).sort(byId);
  return {
    ...base,
    outcome: 'recommended',
    benchmarkFen,
    bids: [...ranked.map((bid) => results.get(bid.bidId)!), ...others],
    candidates: ranked.map((bid) => bid.bidId),
  };
}

/**
 * Art. 28: the purchaser confirms the candidates in the recommended order. The first candidate not
 * yet declined (each decline recorded with its reason), or undefined when every one was declined.
 */
export function nextCandidate(
  candidates: readonly string[],
  declined: readonly string[],
): string | undefined {
  return candidates.find((bidId) => !declined.includes(bidId));
}
