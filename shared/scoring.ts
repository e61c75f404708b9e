import { halfWidthDigits, MAX_FEN } from './money.ts';
import { NameText } from './text.ts';
import { z } from './zod.ts';

/**
 * The scoring rules, one module for every function. Scores are integer hundredths of a
 * point (25 points = 2500); a rubric's maximums add up to 100 points.
 */
export const FULL_MARKS = 10_000;
export const HALF_POINT = 50;

export const AGGREGATIONS = ['mean', 'trimmed-mean', 'median', 'z-score'] as const;
export const Aggregation = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof Aggregation>;

const Code = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const Criterion = z.strictObject({
  code: Code,
  name: NameText(60),
  /** Maximum points in hundredths, in half-point steps. */
  maxPoints: z
    .number()
    .int()
    .min(HALF_POINT)
    .max(FULL_MARKS)
    .refine((v) => v % HALF_POINT === 0, { params: { code: 'rubric.halfPoint' } }),
});
export type Criterion = z.infer<typeof Criterion>;

export const Rubric = z
  .array(Criterion)
  .min(1)
  .max(20)
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    for (const [index, criterion] of criteria.entries()) {
      if (seen.has(criterion.code)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'code'],
          params: { code: 'contest.duplicateCode', value: criterion.code },
          input: criterion.code,
        });
      }
      seen.add(criterion.code);
    }
    const total = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
    if (total !== FULL_MARKS) {
      ctx.addIssue({ code: 'custom', params: { code: 'rubric.sum', total: total / 100 }, input: criteria });
    }
  });
export type Rubric = z.infer<typeof Rubric>;

/** The brief's default rubric for community micro-venture contests. */
export const DEFAULT_RUBRIC: Rubric = [
  { code: 'need-fit', name: '需求契合度', maxPoints: 2500 },
  { code: 'feasibility', name: '方案可行性', maxPoints: 2500 },
  { code: 'team-capacity', name: '团队能力', maxPoints: 1500 },
  { code: 'budget', name: '预算合理性', maxPoints: 1500 },
  { code: 'participation', name: '居民参与与可持续性', maxPoints: 2000 },
];

/** A sheet's scores: criterion code → hundredths. */
export type SheetScores = Record<string, number>;

/** A caller handed the ranking something no validated path can produce: a bug, not user input. */
export class ScoringInputError extends Error {
  override name = 'ScoringInputError';
}

/** 2500 → "25.00": how every page and export shows hundredths. */
/**
 * Points as a judge types them ("22.5", "22", "22.50") → integer hundredths (2250), or
 * undefined when it is not a number of points with at most two decimals. Read digit by digit:
 * no float carries the score. Whether it is a half-point step within the maximum is the sheet's
 * rule, checked where sheets are checked.
 */
export function parsePoints(text: string): number | undefined {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(halfWidthDigits(text).trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : undefined;
}

export function formatPoints(hundredths: number): string {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError('formatPoints takes integer hundredths');
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// Params travel in points, not hundredths: messages are read by judges, who score in points.
function criterionScore(criterion: Criterion): z.ZodType<number> {
  const about = { criterion: criterion.name, max: criterion.maxPoints / 100 };
  return z.number().superRefine((value, ctx) => {
    if (value < 0 || value > criterion.maxPoints) {
      ctx.addIssue({ code: 'custom', params: { code: 'score.range', ...about }, input: value });
    } else if (!Number.isInteger(value) || value % HALF_POINT !== 0) {
      ctx.addIssue({ code: 'custom', params: { code: 'score.halfPoint', ...about }, input: value });
    }
  });
}

/**
 * A sheet's scores under a rubric: each known criterion, 0..max, in HALF_POINT steps; unknown
 * criteria refused; `complete: true` requires every criterion (for submitting), false allows
 * missing ones (a draft).
 */
export function sheetScoresSchema(rubric: Rubric, options: { complete: boolean }): z.ZodType<SheetScores> {
  const byCode = new Map(rubric.map((criterion) => [criterion.code, criterion]));
  const shape = Object.fromEntries(
    rubric.map((criterion) => [criterion.code, criterionScore(criterion).optional()]),
  );
  // Unknown keys pass the catchall so that the refinement below can name each one with the
  // product's own message (a strict object would only give zod's generic "unrecognized key").
  // Missing criteria are checked there too, for the same reason.
  return z
    .object(shape)
    .catchall(z.number())
    .superRefine((scores, ctx) => {
      for (const code of Object.keys(scores)) {
        if (!byCode.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: [code],
            params: { code: 'contest.unknownCriterion', value: code },
            input: scores[code],
          });
        }
      }
      if (!options.complete) return;
      for (const criterion of rubric) {
        if (scores[criterion.code] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [criterion.code],
            params: { code: 'score.missing', criterion: criterion.name },
            input: undefined,
          });
        }
      }
    }) as z.ZodType<SheetScores>;
}

/** The sheet's total in hundredths. */
export function sheetTotal(scores: SheetScores): number {
  return Object.values(scores).reduce((sum, value) => sum + value, 0);
}

/**
 * Round half up of numerator/denominator to an integer, in exact integer arithmetic
 * (denominator > 0; a negative half rounds toward +infinity: -2.5 → -2).
 */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      'roundHalfUp takes a safe integer numerator and a positive safe integer denominator',
    );
  }
  // Floor division by way of the remainder: `Math.floor(n / d)` goes through a float
  // quotient, which can land on the wrong side of an integer for large n.
  const remainder = ((numerator % denominator) + denominator) % denominator;
  const floor = (numerator - remainder) / denominator;
  // `+ 0` turns -0 into 0, so that a rounded zero compares equal everywhere.
  return (2 * remainder >= denominator ? floor + 1 : floor) + 0;
}

/**
 * The panel mean of totals in hundredths, rounded half up once: the procurement's technical score
 * (财库〔2014〕214号 Art. 24: each member scores on their own, the scores are then combined) and
 * the contests' `mean` aggregation. Throws ScoringInputError for no totals.
 */
export function panelMean(totals: readonly number[]): number {
  if (totals.length === 0) fail('a mean needs at least one total');
  return roundHalfUp(
    totals.reduce((sum, total) => sum + total, 0),
    totals.length,
  );
}

/** 1 basis point = 0.01 %; a price weight of 20 % is 2000 bp. */
export const FULL_WEIGHT_BP = 10_000;

/**
 * Price score by lowest-price-first (低价优先法), 财库〔2014〕214号 Art. 24:
 * `benchmark ÷ quotation × price weight × 100` points, where the benchmark is the lowest
 * responsive final quotation, which so scores the full price points.
 *
 * With the weight in basis points the formula in hundredths of a point is exactly
 * `benchmarkFen × weightBp ÷ quotationFen`, rounded half up once (a weight of 2000 bp gives full
 * price points of 2000 hundredths, 20 points). Both amounts are whole fen, 0 < benchmark ≤
 * quotation ≤ MAX_FEN, so the product stays below 2^53 and the division is exact integer work.
 * Throws ScoringInputError for anything else.
 */
export function priceScore(benchmarkFen: number, quotationFen: number, weightBp: number): number {
  if (!Number.isSafeInteger(weightBp) || weightBp < 0 || weightBp > FULL_WEIGHT_BP) {
    fail(`price weight ${weightBp} is not a whole number of basis points from 0 to ${FULL_WEIGHT_BP}`);
  }
  if (!Number.isSafeInteger(benchmarkFen) || benchmarkFen < 1 || benchmarkFen > MAX_FEN) {
    fail(`benchmark ${benchmarkFen} is not a positive whole number of fen`);
  }
  if (!Number.isSafeInteger(quotationFen) || quotationFen < benchmarkFen || quotationFen > MAX_FEN) {
    fail(`quotation ${quotationFen} is not whole fen at or above the benchmark ${benchmarkFen}`);
  }
  return roundHalfUp(benchmarkFen * weightBp, quotationFen);
}

/** A responsive bid as the procurement ranking reads it; scores in hundredths. */
export interface ScoredBid {
  bidId: string;
  finalQuotationFen: number;
  priceScore: number;
  technicalScore: number;
  /** priceScore + technicalScore: the published parts add up to the published total. */
  total: number;
  submittedAt: string;
}

/**
 * Negative when bid a ranks before bid b, 财库〔2014〕214号 Art. 25: the higher total first; equal
 * totals by the lower final quotation; then by the better technical score. Bids equal on all three
 * (the regulation stops there) go by the earlier bid, then the bid id, so that the order is the
 * same whatever order the bids were read in.
 */
export function compareBids(a: ScoredBid, b: ScoredBid): number {
  return (
    b.total - a.total ||
    a.finalQuotationFen - b.finalQuotationFen ||
    b.technicalScore - a.technicalScore ||
    Date.parse(a.submittedAt) - Date.parse(b.submittedAt) ||
    compareIds(a.bidId, b.bidId)
  );
}

/**
 * The same rule for a float (z-score only). Math.round is specified as exactly this, half toward
 * +∞ (2.5 → 3, −2.5 → −2); `+ 0` again drops the −0 it gives between −0.5 and 0.
 */
function roundHalfUpFloat(value: number): number {
  return Math.round(value) + 0;
}

/** A submitted sheet as the ranking reads it. */
export interface ScoredSheet {
  proposalId: string;
  judgeId: string;
  scores: SheetScores;
  total: number;
}

/** An eligible proposal as the ranking reads it. */
export interface RankableProposal {
  id: string;
  requestedFen: number;
  submittedAt: string;
}

export interface RankingRules {
  rubric: Rubric;
  aggregation: Aggregation;
  minJudges: number;
  outlierMargin: number;
  tieBreak: readonly string[];
}

export interface JudgeScore {
  judgeId: string;
  total: number;
  /** z-score aggregation only: the total on the common scale, hundredths, rounded for display. */
  normalized?: number;
  outlier: boolean;
  dropped: boolean;
}

export interface RankedProposal {
  proposalId: string;
  status: 'ranked' | 'not-enough-reviews';
  /** 1-based, null when not ranked. */
  rank: number | null;
  /** Aggregated, hundredths, rounded half up at the last step only; null when not ranked. */
  score: number | null;
  /** Plain mean of totals (hundredths, rounded), 0 when no sheets: what outliers are measured against. */
  mean: number;
  /** Per-criterion mean across all the proposal's sheets (hundredths, rounded). */
  criterionScores: Record<string, number>;
  sheetCount: number;
  /** Each judge's total, sorted by judgeId. */
  judges: JudgeScore[];
}

function fail(message: string): never {
  throw new ScoringInputError(message);
}

function checkRules(rules: RankingRules): void {
  if (!Rubric.safeParse(rules.rubric).success) fail('the rubric is not valid');
  if (!AGGREGATIONS.includes(rules.aggregation)) fail(`unknown aggregation ${String(rules.aggregation)}`);
  if (!Number.isSafeInteger(rules.minJudges) || rules.minJudges < 1) fail('minJudges must be an integer ≥ 1');
  if (!Number.isSafeInteger(rules.outlierMargin) || rules.outlierMargin < 0) {
    fail('outlierMargin must be an integer ≥ 0');
  }
  const codes = new Set(rules.rubric.map((criterion) => criterion.code));
  for (const code of rules.tieBreak)
    if (!codes.has(code)) fail(`tie-break criterion ${code} is not in the rubric`);
}

function checkSheet(rubric: Rubric, sheet: ScoredSheet): void {
  const where = `sheet of judge ${sheet.judgeId} for proposal ${sheet.proposalId}`;
  const keys = Object.keys(sheet.scores);
  if (keys.length !== rubric.length) fail(`${where} does not score exactly the rubric's criteria`);
  for (const criterion of rubric) {
    const value = sheet.scores[criterion.code];
    if (value === undefined) fail(`${where} has no score for ${criterion.code}`);
    if (!Number.isInteger(value) || value < 0 || value > criterion.maxPoints || value % HALF_POINT !== 0) {
      fail(`${where} has an impossible score ${value} for ${criterion.code}`);
    }
  }
  if (sheet.total !== sheetTotal(sheet.scores))
    fail(`${where} has total ${sheet.total}, not the sum of its scores`);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Entry {
  proposal: RankableProposal;
  submittedAt: number;
  /** Sorted by judgeId before use: the z-score's float sum must run in one order whatever the input order. */
  sheets: ScoredSheet[];
  sum: number;
  criterionSums: Map<string, number>;
}

/** Exact integer sums for a population sd: n²·variance = n·Σt² − (Σt)², in BigInt so that no size overflows. */
class Spread {
  count = 0;
  sum = 0;
  private squares = 0n;

  add(total: number): void {
    this.count += 1;
    this.sum += total;
    this.squares += BigInt(total) * BigInt(total);
  }

  /** √(n²·variance) = n·sd; 0 for one sheet or identical totals. */
  scaledSd(): number {
    return Math.sqrt(Number(BigInt(this.count) * this.squares - BigInt(this.sum) * BigInt(this.sum)));
  }
}

/**
 * normalized = overallMean + z·overallSd, clamped to the scale, with z from the judge's own mean
 * and sd. Both written over integer sums: z = (n_j·t − S_j)/√Q_j and
 * overallMean + z·overallSd = (S + z·√Q)/N, so the only inexact steps are the square roots and
 * the last division: the same on every run and in every input order.
 */
function normalizer(sheets: readonly ScoredSheet[]): (sheet: ScoredSheet) => number {
  const overall = new Spread();
  const byJudge = new Map<string, Spread>();
  for (const sheet of sheets) {
    overall.add(sheet.total);
    let spread = byJudge.get(sheet.judgeId);
    if (!spread) {
      spread = new Spread();
      byJudge.set(sheet.judgeId, spread);
    }
    spread.add(sheet.total);
  }
  const overallScaledSd = overall.scaledSd();
  const judgeScaledSds = new Map([...byJudge].map(([judgeId, spread]) => [judgeId, spread.scaledSd()]));
  return (sheet) => {
    const judge = byJudge.get(sheet.judgeId)!;
    const judgeScaledSd = judgeScaledSds.get(sheet.judgeId)!;
    // A judge who gave every sheet the same total tells nothing about relative quality: z = 0.
    const z = judgeScaledSd === 0 ? 0 : (judge.count * sheet.total - judge.sum) / judgeScaledSd;
    const normalized = (overall.sum + z * overallScaledSd) / overall.count;
    return Math.min(FULL_MARKS, Math.max(0, normalized));
  };
}

/**
 * A trimmed mean drops one lowest and one highest total only from this many sheets on; with
 * fewer it is the plain mean (two of three or four sheets dropped would leave too little).
 */
export const TRIM_MIN_SHEETS = 5;

/** Index of the sheets a trimmed mean drops: one lowest, one highest total; ties by judgeId. */
function trimmedIndexes(sheets: readonly ScoredSheet[]): Set<number> {
  if (sheets.length < TRIM_MIN_SHEETS) return new Set();
  const order = sheets.map((sheet, index) => ({ total: sheet.total, index }));
  // sheets are in judgeId order, so index order is judgeId order for equal totals.
  order.sort((a, b) => a.total - b.total || a.index - b.index);
  return new Set([order[0]!.index, order[order.length - 1]!.index]);
}

function median(totals: readonly number[]): number {
  const sorted = [...totals].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : roundHalfUp(sorted[middle - 1]! + sorted[middle]!, 2);
}

/**
 * Ranks eligible proposals from their submitted sheets under a contest's rules: aggregation,
 * quorum, outliers and deterministic ties, as docs/scoring.md explains with a worked example.
 */
export function rankProposals(
  rules: RankingRules,
  proposals: readonly RankableProposal[],
  sheets: readonly ScoredSheet[],
): RankedProposal[] {
  checkRules(rules);
  const entries = new Map<string, Entry>();
  for (const proposal of proposals) {
    if (entries.has(proposal.id)) fail(`proposal ${proposal.id} is listed twice`);
    if (!Number.isSafeInteger(proposal.requestedFen) || proposal.requestedFen < 0) {
      fail(`proposal ${proposal.id} requests ${proposal.requestedFen}, not a whole number of fen`);
    }
    const submittedAt = Date.parse(proposal.submittedAt);
    if (Number.isNaN(submittedAt)) fail(`proposal ${proposal.id} has no valid submittedAt`);
    entries.set(proposal.id, { proposal, submittedAt, sheets: [], sum: 0, criterionSums: new Map() });
  }

  const counted: ScoredSheet[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const entry = entries.get(sheet.proposalId);
    if (!entry) continue;
    checkSheet(rules.rubric, sheet);
    const key = JSON.stringify([sheet.proposalId, sheet.judgeId]);
    if (seen.has(key)) fail(`judge ${sheet.judgeId} has two sheets for proposal ${sheet.proposalId}`);
    seen.add(key);
    entry.sheets.push(sheet);
    entry.sum += sheet.total;
    for (const criterion of rules.rubric) {
      const code = criterion.code;
      entry.criterionSums.set(code, (entry.criterionSums.get(code) ?? 0) + sheet.scores[code]!);
    }
    counted.push(sheet);
  }

  const normalize = rules.aggregation === 'z-score' ? normalizer(counted) : undefined;
  const results = new Map<string, RankedProposal>();
  for (const entry of entries.values()) {
    entry.sheets.sort((a, b) => compareIds(a.judgeId, b.judgeId));
    const n = entry.sheets.length;
    const ranked = n >= rules.minJudges;
    const dropped =
      ranked && rules.aggregation === 'trimmed-mean' ? trimmedIndexes(entry.sheets) : new Set<number>();
    const normalized = normalize ? entry.sheets.map(normalize) : undefined;
    const judges = entry.sheets.map((sheet, index): JudgeScore => {
      const judge: JudgeScore = {
        judgeId: sheet.judgeId,
        total: sheet.total,
        // Cross-multiplied so that no rounded mean decides a flag: |t − sum/n| > m ⇔ |t·n − sum| > m·n.
        outlier: Math.abs(sheet.total * n - entry.sum) > rules.outlierMargin * n,
        dropped: dropped.has(index),
      };
      if (normalized) judge.normalized = roundHalfUpFloat(normalized[index]!);
      return judge;
    });

    let score: number | null = null;
    if (ranked) {
      const totals = entry.sheets.map((sheet) => sheet.total);
      switch (rules.aggregation) {
        case 'mean':
          score = panelMean(totals);
          break;
        case 'trimmed-mean': {
          const kept = totals.filter((_, index) => !dropped.has(index));
          score = roundHalfUp(
            kept.reduce((sum, total) => sum + total, 0),
            kept.length,
          );
          break;
        }
        case 'median':
          score = median(totals);
          break;
        case 'z-score':
          score = roundHalfUpFloat(normalized!.reduce((sum, value) => sum + value, 0) / n);
          break;
      }
    }

    results.set(entry.proposal.id, {
      proposalId: entry.proposal.id,
      status: ranked ? 'ranked' : 'not-enough-reviews',
      rank: null,
      score,
      mean: n === 0 ? 0 : roundHalfUp(entry.sum, n),
      criterionScores: Object.fromEntries(
        rules.rubric.map((criterion) => [
          criterion.code,
          n === 0 ? 0 : roundHalfUp(entry.criterionSums.get(criterion.code)!, n),
        ]),
      ),
      sheetCount: n,
      judges,
    });
  }

  const rankedEntries = [...entries.values()].filter(
    (entry) => results.get(entry.proposal.id)!.status === 'ranked',
  );
  rankedEntries.sort((a, b) => compareRanked(rules, results, a, b));
  const unranked = [...entries.values()]
    .filter((entry) => results.get(entry.proposal.id)!.status !== 'ranked')
    .sort((a, b) => compareIds(a.proposal.id, b.proposal.id));
  rankedEntries.forEach((entry, index) => {
    results.get(entry.proposal.id)!.rank = index + 1;
  });
  return [...rankedEntries, ...unranked].map((entry) => results.get(entry.proposal.id)!);
}

/** Negative when a ranks before b. */
function compareRanked(
  rules: RankingRules,
  results: ReadonlyMap<string, RankedProposal>,
  a: Entry,
  b: Entry,
): number {
  // The published (rounded) score decides first: a ranking the office can defend must not turn
  // on decimals nobody sees. Equal published scores go to the tie-break criteria.
  const byScore = results.get(b.proposal.id)!.score! - results.get(a.proposal.id)!.score!;
  if (byScore !== 0) return byScore;
  for (const code of rules.tieBreak) {
    // Means compared exactly, cross-multiplied: sum_a/n_a vs sum_b/n_b.
    const byCriterion =
      b.criterionSums.get(code)! * a.sheets.length - a.criterionSums.get(code)! * b.sheets.length;
    if (byCriterion !== 0) return byCriterion;
  }
  return (
    a.proposal.requestedFen - b.proposal.requestedFen ||
    a.submittedAt - b.submittedAt ||
    compareIds(a.proposal.id, b.proposal.id)
  );
}
