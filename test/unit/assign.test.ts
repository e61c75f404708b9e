import { describe, expect, it } from 'vitest';
import { type AssignmentPair, type AssignmentPlan, planAssignments } from '../../shared/review/assign.ts';

const pair = (proposalId: string, judgeId: string): AssignmentPair => ({ proposalId, judgeId });

function loads(plan: AssignmentPlan, judgeIds: readonly string[]): Record<string, number> {
  const result = Object.fromEntries(judgeIds.map((id) => [id, 0]));
  for (const { judgeId } of plan.assignments) result[judgeId]!++;
  return result;
}

function judgesOf(plan: AssignmentPlan, proposalId: string): string[] {
  return plan.assignments.filter((a) => a.proposalId === proposalId).map((a) => a.judgeId);
}

describe('planning judge assignments without conflicts', () => {
  it('gives 4 proposals 2 of 3 judges each, loaded 3, 3 and 2', () => {
    // Prepare
    const input = { proposalIds: ['p1', 'p2', 'p3', 'p4'], judgeIds: ['A', 'B', 'C'], perProposal: 2 };

    // Act
    const plan = planAssignments({ ...input, conflicts: [], existing: [] });

    // Assess
    expect(Object.values(loads(plan, input.judgeIds)).sort((a, b) => a - b)).toEqual([2, 3, 3]);
    for (const p of input.proposalIds) expect(new Set(judgesOf(plan, p)).size).toBe(2);
    expect(plan.added).toEqual(plan.assignments);
    expect(plan.removed).toEqual([]);
    expect(plan.shortfalls).toEqual([]);
  });

  it('gives each of 3 judges exactly 2 of 6 proposals when each needs 1', () => {
    // Prepare
    const judgeIds = ['A', 'B', 'C'];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
      judgeIds,
      perProposal: 1,
      conflicts: [],
      existing: [],
    });

    // Assess
    expect(loads(plan, judgeIds)).toEqual({ A: 2, B: 2, C: 2 });
  });

  it('lists the assignments sorted by proposal then judge', () => {
    // Prepare
    const input = { proposalIds: ['p2', 'p10', 'p1'], judgeIds: ['Z', 'B', 'a'], perProposal: 3 };

    // Act
    const plan = planAssignments({ ...input, conflicts: [], existing: [] });

    // Assess
    expect(plan.assignments.map((a) => `${a.proposalId}/${a.judgeId}`)).toEqual([
      'p1/B',
      'p1/Z',
      'p1/a',
      'p10/B',
      'p10/Z',
      'p10/a',
      'p2/B',
      'p2/Z',
      'p2/a',
    ]);
  });

  it('does not hand the proposals whose ids sort first to the judges whose ids sort first', () => {
    // Prepare
    const judgeIds = Array.from({ length: 30 }, (_, i) => `judge-${String(i).padStart(2, '0')}`);
    const proposalIds = Array.from({ length: 10 }, (_, i) => `proposal-${i}`);

    // Act
    const plan = planAssignments({ proposalIds, judgeIds, perProposal: 1, conflicts: [], existing: [] });

    // Assess
    const busy = plan.assignments.map((a) => a.judgeId).sort();
    expect(new Set(busy).size).toBe(10);
    expect(busy).not.toEqual(judgeIds.slice(0, 10));
  });

  it('plans nothing when each proposal needs no judges', () => {
    // Prepare
    const input = { proposalIds: ['p1'], judgeIds: ['A'], perProposal: 0, conflicts: [], existing: [] };

    // Act
    const plan = planAssignments(input);

    // Assess
    expect(plan).toEqual({ assignments: [], added: [], removed: [], shortfalls: [] });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s judges per proposal',
    (perProposal) => {
      // Prepare
      const input = { proposalIds: ['p1'], judgeIds: ['A'], perProposal, conflicts: [], existing: [] };

      // Act
      const act = () => planAssignments(input);

      // Assess
      expect(act).toThrow(RangeError);
    },
  );
});

describe('planning judge assignments with conflicts', () => {
  it('never gives a judge a proposal they are conflicted with', () => {
    // Prepare
    const conflicts = [pair('p1', 'A'), pair('p2', 'B')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 2,
      conflicts,
      existing: [],
    });

    // Assess
    expect(judgesOf(plan, 'p1')).toEqual(['B', 'C']);
    expect(judgesOf(plan, 'p2')).toEqual(['A', 'C']);
  });

  it('finds the one balanced plan that filling proposal by proposal can miss', () => {
    // Prepare: p3 can only go to C, p1 to A or C, p2 to A or B. Taking the least-loaded
    // judge one proposal at a time can leave B idle and A or C with two.
    const conflicts = [pair('p1', 'B'), pair('p2', 'C'), pair('p3', 'A'), pair('p3', 'B')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2', 'p3'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 1,
      conflicts,
      existing: [],
    });

    // Assess
    expect(plan.assignments).toEqual([pair('p1', 'A'), pair('p2', 'B'), pair('p3', 'C')]);
  });

  it('reports a proposal with too few non-conflicted judges and gives it all it can have', () => {
    // Prepare
    const conflicts = [pair('p1', 'A')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 3,
      conflicts,
      existing: [],
    });

    // Assess
    expect(judgesOf(plan, 'p1')).toEqual(['B', 'C']);
    expect(judgesOf(plan, 'p2')).toEqual(['A', 'B', 'C']);
    expect(plan.shortfalls).toEqual([{ proposalId: 'p1', missing: 1 }]);
  });

  it('reports every proposal short by the full number when the panel is empty', () => {
    // Prepare
    const input = { proposalIds: ['p2', 'p1'], judgeIds: [], perProposal: 3, conflicts: [], existing: [] };

    // Act
    const plan = planAssignments(input);

    // Assess
    expect(plan.assignments).toEqual([]);
    expect(plan.shortfalls).toEqual([
      { proposalId: 'p1', missing: 3 },
      { proposalId: 'p2', missing: 3 },
    ]);
  });

  it('leaves a judge conflicted with everything idle and spreads the rest as evenly as it can', () => {
    // Prepare: C may review nothing, so 3 single slots split 2/1 between A and B at best.
    const conflicts = [pair('p1', 'C'), pair('p2', 'C'), pair('p3', 'C')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2', 'p3'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 1,
      conflicts,
      existing: [],
    });

    // Assess
    const { A, B, C } = loads(plan, ['A', 'B', 'C']);
    expect([A, B].sort((a, b) => a! - b!)).toEqual([1, 2]);
    expect(C).toBe(0);
  });
});

describe('planning around existing assignments', () => {
  it('keeps a hand-made assignment and fills only the missing slots', () => {
    // Prepare
    const existing = [pair('p1', 'B')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2'],
      judgeIds: ['A', 'B', 'C', 'D'],
      perProposal: 2,
      conflicts: [],
      existing,
    });

    // Assess
    expect(judgesOf(plan, 'p1')).toContain('B');
    expect(judgesOf(plan, 'p1')).toHaveLength(2);
    expect(plan.added.some((a) => a.proposalId === 'p1' && a.judgeId === 'B')).toBe(false);
    expect(plan.added).toHaveLength(3);
    expect(Object.values(loads(plan, ['A', 'B', 'C', 'D']))).toEqual([1, 1, 1, 1]);
  });

  it('keeps hand-made extras above the number per proposal and adds nothing there', () => {
    // Prepare
    const existing = [pair('p1', 'A'), pair('p1', 'B'), pair('p1', 'C')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1'],
      judgeIds: ['A', 'B', 'C', 'D'],
      perProposal: 2,
      conflicts: [],
      existing,
    });

    // Assess
    expect(plan.assignments).toEqual(existing);
    expect(plan.added).toEqual([]);
    expect(plan.removed).toEqual([]);
  });

  it('counts a judge’s hand-made assignments in their load', () => {
    // Prepare: A already reviews p1 and p2, so p3's two slots go to B and C.
    const existing = [pair('p1', 'A'), pair('p2', 'A')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1', 'p2', 'p3'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 2,
      conflicts: [],
      existing,
    });

    // Assess
    expect(judgesOf(plan, 'p3')).toEqual(['B', 'C']);
    expect(loads(plan, ['A', 'B', 'C'])).toEqual({ A: 2, B: 2, C: 2 });
  });

  it('withdraws a conflicted assignment and gives the proposal another judge', () => {
    // Prepare
    const existing = [pair('p1', 'A'), pair('p1', 'B')];
    const conflicts = [pair('p1', 'A')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1'],
      judgeIds: ['A', 'B', 'C'],
      perProposal: 2,
      conflicts,
      existing,
    });

    // Assess
    expect(plan.removed).toEqual([pair('p1', 'A')]);
    expect(plan.added).toEqual([pair('p1', 'C')]);
    expect(plan.assignments).toEqual([pair('p1', 'B'), pair('p1', 'C')]);
  });

  it('drops assignments whose judge left the panel or whose proposal is no longer eligible', () => {
    // Prepare
    const existing = [pair('p1', 'gone'), pair('p9', 'A'), pair('p1', 'A'), pair('p1', 'A')];

    // Act
    const plan = planAssignments({
      proposalIds: ['p1'],
      judgeIds: ['A', 'B'],
      perProposal: 2,
      conflicts: [],
      existing,
    });

    // Assess
    expect(plan.removed).toEqual([pair('p1', 'gone'), pair('p9', 'A')]);
    expect(plan.assignments).toEqual([pair('p1', 'A'), pair('p1', 'B')]);
    expect(plan.added).toEqual([pair('p1', 'B')]);
  });
});

describe('planning a large contest', () => {
  const proposalIds = Array.from({ length: 1_000 }, (_, i) => `proposal-${i}`);
  const judgeIds = Array.from({ length: 30 }, (_, i) => `judge-${i}`);

  // Timings live in the benchmark (npm run bench), not in tests.
  it('plans 1,000 proposals × 30 judges × 5 each, evenly', () => {
    // Prepare
    const input = { proposalIds, judgeIds, perProposal: 5, conflicts: [], existing: [] };

    // Act
    const plan = planAssignments(input);

    // Assess
    expect(plan.assignments).toHaveLength(5_000);
    const counts = Object.values(loads(plan, judgeIds));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('plans the same contest with a fifth of the pairs conflicted, never using a conflicted pair', () => {
    // Prepare
    const conflicts = proposalIds.flatMap((p, i) =>
      judgeIds.filter((_, k) => (i * 31 + k * 17) % 5 === 0).map((j) => pair(p, j)),
    );
    const existing = proposalIds.slice(0, 300).map((p) => pair(p, 'judge-0'));

    // Act
    const plan = planAssignments({ proposalIds, judgeIds, perProposal: 5, conflicts, existing });

    // Assess
    const conflicted = new Set(conflicts.map((c) => `${c.proposalId}/${c.judgeId}`));
    expect(plan.assignments.filter((a) => conflicted.has(`${a.proposalId}/${a.judgeId}`))).toEqual([]);
    expect(plan.shortfalls).toEqual([]);
  });
});
