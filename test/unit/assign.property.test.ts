import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssignmentPair,
  type AssignmentPlan,
  type AssignmentPlanInput,
  comparePairs,
  planAssignments,
} from '../../shared/review/assign.ts';

const key = (pair: AssignmentPair) => JSON.stringify([pair.proposalId, pair.judgeId]);

function loadsOf(plan: AssignmentPlan, judgeIds: readonly string[]): number[] {
  const loads = new Map([...new Set(judgeIds)].map((id) => [id, 0]));
  for (const { judgeId } of plan.assignments) loads.set(judgeId, loads.get(judgeId)! + 1);
  return [...loads.values()];
}

const spread = (loads: readonly number[]) => (loads.length ? Math.max(...loads) - Math.min(...loads) : 0);
const descending = (loads: readonly number[]) => [...loads].sort((a, b) => b - a);

const id = fc.string({ minLength: 1, maxLength: 6 });

/** A contest with random conflicts and existing assignments, some of them to ids no longer listed. */
function contest(limits: { proposals: number; judges: number; perProposal: number }) {
  return fc
    .record({
      proposalIds: fc.uniqueArray(id, { maxLength: limits.proposals }),
      judgeIds: fc.uniqueArray(id, { maxLength: limits.judges }),
    })
    .chain(({ proposalIds, judgeIds }) => {
      const pair = fc.record({
        proposalId: fc.constantFrom(...proposalIds, 'gone-proposal'),
        judgeId: fc.constantFrom(...judgeIds, 'gone-judge'),
      });
      return fc.record({
        proposalIds: fc.constant(proposalIds),
        judgeIds: fc.constant(judgeIds),
        perProposal: fc.integer({ min: 0, max: limits.perProposal }),
        conflicts: fc.array(pair, { maxLength: proposalIds.length * judgeIds.length }),
        existing: fc.array(pair, { maxLength: proposalIds.length * 2 }),
      });
    });
}

const anyContest = contest({ proposals: 15, judges: 8, perProposal: 6 });

/** For each proposal: its listed judges that are not conflicted with it. */
function allowedJudges(input: AssignmentPlanInput): Map<string, string[]> {
  const conflicted = new Set(input.conflicts.map(key));
  return new Map(
    input.proposalIds.map((p) => [
      p,
      [...new Set(input.judgeIds)].filter((j) => !conflicted.has(key({ proposalId: p, judgeId: j }))),
    ]),
  );
}

function keptOf(input: AssignmentPlanInput): Set<string> {
  const allowed = allowedJudges(input);
  return new Set(
    input.existing.filter((e) => allowed.get(e.proposalId)?.includes(e.judgeId) ?? false).map(key),
  );
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}

/** Every plan that keeps the kept assignments and fills each proposal as far as it can: the judges' loads of each. */
function everyPlansLoads(input: AssignmentPlanInput): number[][] {
  const judges = [...new Set(input.judgeIds)];
  const kept = keptOf(input);
  const base = new Map(judges.map((j) => [j, 0]));
  for (const k of kept) base.set(JSON.parse(k)[1], base.get(JSON.parse(k)[1])! + 1);
  let plans: Map<string, number>[] = [base];
  for (const [p, allowed] of allowedJudges(input)) {
    const free = allowed.filter((j) => !kept.has(key({ proposalId: p, judgeId: j })));
    const keptHere = allowed.length - free.length;
    const choices = subsets(free, Math.min(Math.max(0, input.perProposal - keptHere), free.length));
    plans = plans.flatMap((loads) =>
      choices.map((chosen) => {
        const next = new Map(loads);
        for (const j of chosen) next.set(j, next.get(j)! + 1);
        return next;
      }),
    );
  }
  return plans.map((loads) => [...loads.values()]);
}

function lexicographicCompare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

describe('judge assignment properties', () => {
  it('gives every proposal its judges with loads differing by at most one when nothing is conflicted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (proposals, judges, wanted) => {
          // Prepare
          const proposalIds = Array.from({ length: proposals }, (_, i) => `p${i}`);
          const judgeIds = Array.from({ length: judges }, (_, i) => `j${i}`);
          const perProposal = Math.min(wanted, judges);

          // Act
          const plan = planAssignments({ proposalIds, judgeIds, perProposal, conflicts: [], existing: [] });

          // Assess
          expect(plan.assignments).toHaveLength(proposals * perProposal);
          expect(new Set(plan.assignments.map(key)).size).toBe(plan.assignments.length);
          for (const p of proposalIds) {
            expect(plan.assignments.filter((a) => a.proposalId === p)).toHaveLength(perProposal);
          }
          expect(spread(loadsOf(plan, judgeIds))).toBeLessThanOrEqual(1);
          expect(plan.shortfalls).toEqual([]);
        },
      ),
    );
  });

  it('never assigns a conflicted pair, a judge twice to a proposal, or anyone unlisted', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Prepare
        const conflicted = new Set(input.conflicts.map(key));

        // Act
        const plan = planAssignments(input);

        // Assess
        for (const a of plan.assignments) {
          expect(conflicted.has(key(a))).toBe(false);
          expect(input.proposalIds).toContain(a.proposalId);
          expect(input.judgeIds).toContain(a.judgeId);
        }
        expect(new Set(plan.assignments.map(key)).size).toBe(plan.assignments.length);
      }),
    );
  });

  it('gives each proposal min(perProposal, non-conflicted judges) judges, or more kept by hand', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Prepare
        const allowed = allowedJudges(input);
        const kept = keptOf(input);

        // Act
        const plan = planAssignments(input);

        // Assess
        for (const [p, judges] of allowed) {
          const keptHere = [...kept].filter((k) => JSON.parse(k)[0] === p).length;
          const expected = Math.max(keptHere, Math.min(input.perProposal, judges.length));
          expect(plan.assignments.filter((a) => a.proposalId === p)).toHaveLength(expected);
        }
      }),
    );
  });

  it('reports a shortfall exactly for proposals with fewer non-conflicted judges than needed', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Prepare
        const expected = [...allowedJudges(input)]
          .filter(([, judges]) => judges.length < input.perProposal)
          .map(([proposalId, judges]) => ({ proposalId, missing: input.perProposal - judges.length }))
          .sort((a, b) => comparePairs({ ...a, judgeId: '' }, { ...b, judgeId: '' }));

        // Act
        const plan = planAssignments(input);

        // Assess
        expect(plan.shortfalls).toEqual(expected);
      }),
    );
  });

  it('keeps every existing assignment unless conflicted or gone, and reports exactly those as removed', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Prepare
        const kept = keptOf(input);
        const dropped = new Set(input.existing.map(key).filter((k) => !kept.has(k)));

        // Act
        const plan = planAssignments(input);

        // Assess
        const result = new Set(plan.assignments.map(key));
        for (const k of kept) expect(result.has(k)).toBe(true);
        expect(new Set(plan.removed.map(key))).toEqual(dropped);
        expect(plan.removed).toHaveLength(dropped.size);
        expect(new Set(plan.added.map(key))).toEqual(new Set([...result].filter((k) => !kept.has(k))));
        expect(plan.added).toHaveLength(result.size - kept.size);
      }),
    );
  });

  it('lists assignments, additions and removals sorted by proposal then judge', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Act
        const plan = planAssignments(input);

        // Assess
        for (const list of [plan.assignments, plan.added, plan.removed]) {
          expect(list).toEqual([...list].sort(comparePairs));
        }
      }),
    );
  });

  it('plans the same whatever the order or repeats of its inputs', () => {
    const reordered = anyContest.chain((input) => {
      const shuffled = <T>(items: readonly T[]) =>
        fc
          .tuple(
            fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length }),
            fc.subarray([...items]),
          )
          .map(([all, repeats]) => [...all, ...repeats]);
      return fc.tuple(
        fc.constant(input),
        fc.record({
          proposalIds: shuffled(input.proposalIds),
          judgeIds: shuffled(input.judgeIds),
          perProposal: fc.constant(input.perProposal),
          conflicts: shuffled(input.conflicts),
          existing: shuffled(input.existing),
        }),
      );
    });
    fc.assert(
      fc.property(reordered, ([input, shuffled]) => {
        // Act
        const plan = planAssignments(input);
        const again = planAssignments(shuffled);

        // Assess
        expect(again).toEqual(plan);
      }),
    );
  });

  it('balances loads as evenly as any plan could, checked against every plan of small contests', () => {
    fc.assert(
      fc.property(contest({ proposals: 4, judges: 4, perProposal: 3 }), (input) => {
        // Prepare: the most even plans have the least sorted-descending load vector, which
        // also has the lowest maximum, the highest minimum and so the least spread.
        const possible = everyPlansLoads(input).map(descending);
        const best = possible.reduce((a, b) => (lexicographicCompare(b, a) < 0 ? b : a));
        const leastSpread = Math.min(...possible.map(spread));

        // Act
        const plan = planAssignments(input);

        // Assess
        const loads = loadsOf(plan, input.judgeIds);
        expect(descending(loads)).toEqual(best);
        expect(spread(loads)).toBe(leastSpread);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps loads within one of each other when more proposals arrive after a balanced plan', () => {
    // No brute force here, so only a case where a plan with spread ≤ 1 is known to exist:
    // the kept loads differ by at most one, and giving each new proposal the least-loaded
    // judges keeps it so. Ours must then reach it too.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (before, after, judges, wanted) => {
          // Prepare
          const judgeIds = Array.from({ length: judges }, (_, i) => `j${i}`);
          const perProposal = Math.min(wanted, judges);
          const first = Array.from({ length: before }, (_, i) => `p${i}`);
          const all = [...first, ...Array.from({ length: after }, (_, i) => `q${i}`)];
          const earlier = planAssignments({
            proposalIds: first,
            judgeIds,
            perProposal,
            conflicts: [],
            existing: [],
          });

          // Act
          const plan = planAssignments({
            proposalIds: all,
            judgeIds,
            perProposal,
            conflicts: [],
            existing: earlier.assignments,
          });

          // Assess
          expect(spread(loadsOf(plan, judgeIds))).toBeLessThanOrEqual(1);
          expect(plan.assignments).toHaveLength(all.length * perProposal);
          expect(plan.removed).toEqual([]);
        },
      ),
    );
  });

  it('changes nothing when run again on its own result', () => {
    fc.assert(
      fc.property(anyContest, (input) => {
        // Prepare
        const plan = planAssignments(input);

        // Act
        const again = planAssignments({ ...input, existing: plan.assignments });

        // Assess
        expect(again.assignments).toEqual(plan.assignments);
        expect(again.added).toEqual([]);
        expect(again.removed).toEqual([]);
        expect(again.shortfalls).toEqual(plan.shortfalls);
      }),
    );
  });
});
