import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors.ts';
import {
  type BidForEvaluation,
  type BidSheet,
  type EvaluationRules,
  evaluate,
  type PanelConflict,
} from '../../shared/procurement/evaluation.ts';
import {
  nextPhase,
  type ProcurementPhase,
  TRANSITIONS,
  type TransitionName,
} from '../../shared/procurement/lifecycle.ts';
import { FULL_MARKS, HALF_POINT, priceScore } from '../../shared/scoring.ts';

const CEILING = 15_000_000;
const PARTS = [{ code: 'plan' }, { code: 'staffing' }];
const JUDGES = ['m1', 'm2', 'm3', 'm4', 'm5'];

interface World {
  rules: EvaluationRules;
  bids: BidForEvaluation[];
  sheets: BidSheet[];
  conflicts: PanelConflict[];
}

/** A price weight in half points (so the criteria can make up the rest), any band: the evaluation does not check it. */
const weightBp = fc.integer({ min: 0, max: FULL_MARKS / HALF_POINT - 2 }).map((steps) => steps * HALF_POINT);

/** Mostly responsive bids near the ceiling, so that equal quotations and ties happen. */
const bidArb = (index: number) =>
  fc
    .record({
      registered: fc.oneof(
        { arbitrary: fc.constant(true), weight: 9 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
      priceFen: fc.integer({ min: CEILING - 3_000_000, max: CEILING + 100_000 }),
      missing: fc.oneof(
        { arbitrary: fc.constant(false), weight: 9 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
      finalQuotationFen: fc.option(
        fc.oneof(
          fc.constantFrom(12_000_000, 13_950_000, CEILING),
          fc.integer({ min: 1, max: CEILING + 100_000 }),
        ),
        { freq: 8 },
      ),
      minute: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      (b): BidForEvaluation => ({
        bidId: `bid-${index}`,
        supplierId: `team-${index}`,
        registered: b.registered,
        priceFen: b.priceFen,
        partCodes: b.missing ? ['plan'] : PARTS.map((part) => part.code),
        ...(b.finalQuotationFen === null ? {} : { finalQuotationFen: b.finalQuotationFen }),
        submittedAt: new Date(Date.UTC(2026, 3, 1, 2, b.minute)).toISOString(),
      }),
    );

const worldArb: fc.Arbitrary<World> = fc
  .record({
    weight: weightBp,
    technicalShare: fc.integer({ min: 1, max: 99 }),
    panelSize: fc.constantFrom(3, 5),
    minResponsive: fc.constantFrom(2, 3),
    bidCount: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ weight, technicalShare, panelSize, minResponsive, bidCount }) => {
    const rest = (FULL_MARKS - weight) / HALF_POINT;
    const technical = Math.max(1, Math.min(rest - 1, Math.round((rest * technicalShare) / 100))) * HALF_POINT;
    const criteria = [
      { code: 'plan', name: '方案', maxPoints: technical },
      { code: 'experience', name: '业绩', maxPoints: FULL_MARKS - weight - technical },
    ];
    const panel = JUDGES.slice(0, panelSize);
    const rules: EvaluationRules = {
      ceilingFen: CEILING,
      priceWeightBp: weight,
      criteria,
      requiredParts: PARTS,
      minResponsive,
      panel,
    };
    return fc
      .tuple(
        fc.tuple(...Array.from({ length: bidCount }, (_, i) => bidArb(i))),
        fc.subarray(
          panel.flatMap((judgeId) =>
            Array.from({ length: bidCount }, (_, i) => ({ judgeId, supplierId: `team-${i}` })),
          ),
          {
            maxLength: 2,
          },
        ),
      )
      .chain(([bids, conflicts]) => {
        const conflicted = new Set(conflicts.map((c) => `${c.judgeId}/${c.supplierId}`));
        const pairs = bids.flatMap((b) =>
          panel
            .filter((judgeId) => !conflicted.has(`${judgeId}/${b.supplierId}`))
            .map((judgeId) => ({ b, judgeId })),
        );
        const score = (max: number) =>
          fc.integer({ min: 0, max: max / HALF_POINT }).map((steps) => steps * HALF_POINT);
        return fc
          .tuple(...pairs.map(() => fc.tuple(score(criteria[0]!.maxPoints), score(criteria[1]!.maxPoints))))
          .map((values) => ({
            rules,
            bids,
            conflicts,
            sheets: pairs.map(({ b, judgeId }, i) => ({
              bidId: b.bidId,
              judgeId,
              scores: { plan: values[i]![0], experience: values[i]![1] },
            })),
          }));
      });
  });

const run = (world: World) => evaluate(world.rules, world.bids, world.sheets, world.conflicts);

describe('procurement evaluation invariants', () => {
  it('gives the lowest responsive final quotation the full price points, and no other bid more', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const evaluation = run(world);
        fc.pre(evaluation.outcome === 'recommended');
        const scored = evaluation.bids.filter((bid) => bid.rank !== null);
        const lowest = Math.min(...scored.map((bid) => bid.finalQuotationFen!));
        expect(evaluation.benchmarkFen).toBe(lowest);
        for (const bid of scored) {
          if (bid.finalQuotationFen === lowest) expect(bid.priceScore).toBe(world.rules.priceWeightBp);
          expect(bid.priceScore!).toBeLessThanOrEqual(world.rules.priceWeightBp);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a total above 100 points, and every total is its price plus technical score', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        for (const bid of run(world).bids) {
          if (bid.total === null) continue;
          expect(bid.total).toBeLessThanOrEqual(FULL_MARKS);
          expect(bid.total).toBe(bid.priceScore! + bid.technicalScore!);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order bids, sheets and conflicts are read in', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), (world, seed) => {
        const shuffle = <T>(items: readonly T[]) =>
          items
            .map((item, i) => ({ item, key: (i * 2_654_435_761 + seed) % 4_294_967_296 }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const reversed = evaluate(
          world.rules,
          [...world.bids].reverse(),
          [...world.sheets].reverse(),
          [...world.conflicts].reverse(),
        );
        const shuffled = evaluate(
          world.rules,
          shuffle(world.bids),
          shuffle(world.sheets),
          shuffle(world.conflicts),
        );
        const original = run(world);
        expect(reversed).toEqual(original);
        expect(shuffled).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks in order: totals never rise down the list, and equal totals go to the lower quotation', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const ranked = run(world).bids.filter((bid) => bid.rank !== null);
        ranked.forEach((bid, i) => {
          expect(bid.rank).toBe(i + 1);
          const next = ranked[i + 1];
          if (!next) return;
          expect(bid.total!).toBeGreaterThanOrEqual(next.total!);
          if (bid.total === next.total)
            expect(bid.finalQuotationFen!).toBeLessThanOrEqual(next.finalQuotationFen!);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never moves another bid’s technical score when one quotation changes', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), fc.integer({ min: 1, max: CEILING }), (world, pick, quotation) => {
        const index = pick % world.bids.length;
        const changed = world.bids.map((bid, i) =>
          i === index ? { ...bid, finalQuotationFen: quotation } : bid,
        );
        const before = run(world);
        const after = evaluate(world.rules, changed, world.sheets, world.conflicts);
        fc.pre(before.outcome === 'recommended' && after.outcome === 'recommended');
        const technical = (evaluation: typeof before) =>
          Object.fromEntries(
            evaluation.bids
              .filter((bid) => bid.bidId !== world.bids[index]!.bidId && bid.rank !== null)
              .map((bid) => [bid.bidId, bid.technicalScore]),
          );
        expect(technical(after)).toEqual(technical(before));
      }),
      { numRuns: 300 },
    );
  });

  it('terminates exactly when fewer suppliers respond than required', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const evaluation = run(world);
        const responsive = evaluation.bids.filter((bid) => bid.responsive).length;
        expect(evaluation.responsive).toBe(responsive);
        expect(evaluation.outcome === 'terminated').toBe(responsive < world.rules.minResponsive);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the price score', () => {
  it('is monotone: a higher quotation never scores more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (benchmark, up1, up2, weight) => {
          const low = Math.min(benchmark + Math.min(up1, up2), 10_000_000_000);
          const high = Math.min(benchmark + Math.max(up1, up2), 10_000_000_000);
          expect(priceScore(benchmark, low, weight)).toBeGreaterThanOrEqual(
            priceScore(benchmark, high, weight),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is the formula benchmark ÷ quotation × weight, rounded half up, checked in BigInt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (benchmark, up, weight) => {
          const quotation = Math.min(benchmark + up, 10_000_000_000);
          const numerator = BigInt(benchmark) * BigInt(weight) * 2n + BigInt(quotation);
          const expected = Number(numerator / (2n * BigInt(quotation)));
          expect(priceScore(benchmark, quotation, weight)).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/**
 * The lifecycle against a model written apart from its table: the happy path is one line of
 * phases walked one step at a time, terminate leaves any phase that is not final, and a refused
 * transition changes nothing.
 */
const LINE: ProcurementPhase[] = [
  'draft',
  'announced',
  'bidding',
  'consultation',
  'final-quotation',
  'evaluation',
  'recommended',
  'awarded',
];

/** The move that leaves LINE[i] for LINE[i + 1]. */
const STEPS: TransitionName[] = [
  'announce',
  'openBidding',
  'closeBidding',
  'callFinalQuotations',
  'startEvaluation',
  'recommend',
  'award',
];

interface LifecycleModel {
  phase: ProcurementPhase;
}
interface LifecycleReal {
  phase: ProcurementPhase;
}

class MoveCommand implements fc.Command<LifecycleModel, LifecycleReal> {
  constructor(readonly move: TransitionName) {}
  check(): boolean {
    return true;
  }
  run(model: LifecycleModel, real: LifecycleReal): void {
    const final = model.phase === 'awarded' || model.phase === 'terminated';
    const step = STEPS.indexOf(this.move);
    const expected = final
      ? undefined
      : this.move === 'terminate'
        ? 'terminated'
        : LINE.indexOf(model.phase) === step
          ? LINE[step + 1]
          : undefined;
    let moved: ProcurementPhase | undefined;
    try {
      moved = nextPhase({ status: real.phase }, this.move);
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
    }
    expect(moved).toBe(expected);
    if (moved) real.phase = moved;
    if (expected) model.phase = expected;
    expect(real.phase).toBe(model.phase);
  }
  toString(): string {
    return this.move;
  }
}

describe('the procurement lifecycle', () => {
  it('behaves as the model for any sequence of moves', () => {
    const commands = (Object.keys(TRANSITIONS) as TransitionName[]).map((move) =>
      fc.constant(new MoveCommand(move)),
    );
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        fc.modelRun(
          (): { model: LifecycleModel; real: LifecycleReal } => ({
            model: { phase: 'draft' },
            real: { phase: 'draft' },
          }),
          cmds,
        );
      }),
      { numRuns: 500 },
    );
  });
});
