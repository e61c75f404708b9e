import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, type ShortlistRules, shortlist } from '../../shared/shortlist.ts';

/**
 * The bundle's invariants on random contests, checked against the definitions themselves:
 * the budget is never exceeded, and max-score is exactly the best total score, found here by
 * trying every subset.
 */
const CATEGORIES = ['elderly', 'youth', 'culture'];
const COMMUNITIES = ['xitun', 'beicheng'];

const contest = (maxProposals: number) =>
  fc
    .array(
      fc.record({
        score: fc.integer({ min: 40, max: 200 }).map((halfPoints) => halfPoints * 50),
        requestedYuan: fc.integer({ min: 10, max: 150 }).map((hundreds) => hundreds * 100),
        category: fc.constantFrom(...CATEGORIES),
        community: fc.constantFrom(...COMMUNITIES),
      }),
      { minLength: 1, maxLength: maxProposals },
    )
    .map((rows) =>
      rows
        .sort((a, b) => b.score - a.score)
        .map(
          (row, i): Candidate => ({
            proposalId: `P${String(i).padStart(2, '0')}`,
            rank: i + 1,
            score: row.score,
            requestedFen: row.requestedYuan * 100,
            category: row.category,
            community: row.community,
          }),
        ),
    );

const sideRules = fc.record(
  {
    budgetFen: fc.integer({ min: 50, max: 600 }).map((hundreds) => hundreds * 10_000),
    minScore: fc.option(
      fc.integer({ min: 40, max: 120 }).map((h) => h * 50),
      { nil: undefined },
    ),
    categoryMax: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    communityMaxShareBp: fc.option(fc.integer({ min: 3_000, max: 10_000 }), { nil: undefined }),
  },
  { requiredKeys: ['budgetFen'] },
);

type Side = { budgetFen: number; minScore?: number; categoryMax?: number; communityMaxShareBp?: number };

function rulesFor(policy: ShortlistRules['policy'], side: Side): ShortlistRules {
  return {
    policy,
    budgetFen: side.budgetFen,
    ...(side.minScore !== undefined ? { minScore: side.minScore } : {}),
    ...(side.categoryMax !== undefined
      ? { categoryQuotas: Object.fromEntries(CATEGORIES.map((c) => [c, { max: side.categoryMax }])) }
      : {}),
    ...(side.communityMaxShareBp !== undefined ? { communityMaxShareBp: side.communityMaxShareBp } : {}),
  };
}

/** Every subset that respects the rules, the best total score among them. */
function bruteForceBest(rules: ShortlistRules, candidates: readonly Candidate[]): number {
  let best = 0;
  const n = candidates.length;
  const communityCap = rules.communityMaxShareBp
    ? Math.floor((rules.budgetFen * rules.communityMaxShareBp) / 10_000)
    : Infinity;
  for (let mask = 0; mask < 1 << n; mask++) {
    let fen = 0;
    let score = 0;
    const perCategory = new Map<string, number>();
    const perCommunity = new Map<string, number>();
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (!(mask & (1 << i))) continue;
      const c = candidates[i]!;
      if (rules.minScore !== undefined && c.score < rules.minScore) ok = false;
      fen += c.requestedFen;
      score += c.score;
      perCategory.set(c.category, (perCategory.get(c.category) ?? 0) + 1);
      perCommunity.set(c.community, (perCommunity.get(c.community) ?? 0) + c.requestedFen);
    }
    if (!ok || fen > rules.budgetFen) continue;
    if ([...perCategory].some(([cat, count]) => count > (rules.categoryQuotas?.[cat]?.max ?? Infinity)))
      continue;
    if ([...perCommunity.values()].some((sum) => sum > communityCap)) continue;
    best = Math.max(best, score);
  }
  return best;
}

describe('the bundle on random contests', () => {
  it('never exceeds the budget, under any policy and side rules', () => {
    fc.assert(
      fc.property(contest(40), sideRules, (candidates, side) => {
        for (const policy of ['rank-fill', 'rank-strict', 'max-score'] as const) {
          const result = shortlist(rulesFor(policy, side), candidates);
          const used = result.decisions.filter((d) => d.selected).reduce((sum, d) => sum + d.amountFen, 0);
          expect(used).toBe(result.usedFen);
          expect(used).toBeLessThanOrEqual(side.budgetFen);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives max-score exactly the best total score any allowed subset has (brute force up to 15)', () => {
    fc.assert(
      fc.property(contest(15), sideRules, (candidates, side) => {
        const rules = rulesFor('max-score', side);
        expect(shortlist(rules, candidates).totalScore).toBe(bruteForceBest(rules, candidates));
      }),
      { numRuns: 200 },
    );
  });

  it('never gives max-score a lower total score than rank-fill under the same rules', () => {
    fc.assert(
      fc.property(contest(30), sideRules, (candidates, side) => {
        const maxScore = shortlist(rulesFor('max-score', side), candidates).totalScore;
        expect(maxScore).toBeGreaterThanOrEqual(
          shortlist(rulesFor('rank-fill', side), candidates).totalScore,
        );
        expect(maxScore).toBeGreaterThanOrEqual(
          shortlist(rulesFor('rank-strict', side), candidates).totalScore,
        );
      }),
      { numRuns: 150 },
    );
  });
});
