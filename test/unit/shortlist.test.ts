import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHORTLIST_POLICIES } from '../../shared/contest/model.ts';
import { formatPoints } from '../../shared/scoring.ts';
import {
  amountOf,
  type Candidate,
  communityCapFen,
  type Decision,
  type DecisionReason,
  REASON_GROUP,
  SHORTLIST_POLICY_LIST,
  type ShortlistInfeasibility,
  ShortlistInfeasibleError,
  ShortlistInputError,
  type ShortlistResult,
  type ShortlistRules,
  ShortlistSearchLimitError,
  shortlist,
} from '../../shared/shortlist.ts';
import { tablesUnder } from '../support/markdown.ts';

const yuan = (value: number) => value * 100;

/** A candidate in the default category and community, amounts in yuan. */
function candidate(
  proposalId: string,
  rank: number,
  score: number,
  amountYuan: number,
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    proposalId,
    rank,
    score,
    requestedFen: yuan(amountYuan),
    category: 'elderly',
    community: 'xitun',
    ...extra,
  };
}

const byId = (result: ShortlistResult, id: string): Decision =>
  result.decisions.find((d) => d.proposalId === id)!;
const selectedIds = (result: ShortlistResult) =>
  result.decisions.filter((d) => d.selected).map((d) => d.proposalId);
const reasonOf = (result: ShortlistResult, id: string) => byId(result, id).reason;

/** The infeasibility a call throws. */
function infeasibility(rules: ShortlistRules, candidates: readonly Candidate[]): ShortlistInfeasibility {
  try {
    shortlist(rules, candidates);
  } catch (error) {
    if (error instanceof ShortlistInfeasibleError) {
      expect(error.name).toBe('ShortlistInfeasibleError');
      expect(error.code).toBe(error.detail.code);
      expect(error.proposalIds).toEqual(error.detail.proposalIds);
      return error.detail;
    }
    throw error;
  }
  throw new Error('expected a ShortlistInfeasibleError');
}

// ---------------------------------------------------------------------------------------------
// The worked example with every side rule, docs/shortlisting.md. The test builds the candidates
// here, checks the hand-computed rank-fill bundle number by number, and checks that the doc's
// three tables are what the module computes.

/** proposal, score, category, community, requested yuan, approved yuan, minimum viable yuan */
const EXAMPLE: [string, number, string, string, number, number?, number?][] = [
  ['P1', 8850, 'elderly', 'xitun', 45_000, 40_000],
  ['P2', 8600, 'youth', 'donghu', 38_000],
  ['P3', 8425, 'youth', 'nanling', 30_000],
  ['P4', 8100, 'green', 'xitun', 35_000],
  ['P5', 7950, 'youth', 'nanling', 20_000],
  ['P6', 7700, 'green', 'beiyuan', 70_000],
  ['P7', 7500, 'elderly', 'donghu', 15_000],
  ['P8', 7200, 'elderly', 'nanling', 25_000],
  ['P9', 6800, 'green', 'beiyuan', 45_000, undefined, 40_000],
  ['P10', 5500, 'youth', 'xitun', 10_000],
];
const EXAMPLE_CANDIDATES: Candidate[] = EXAMPLE.map(
  ([proposalId, score, category, community, requested, approved, minViable], i) => ({
    proposalId,
    rank: i + 1,
    score,
    requestedFen: yuan(requested),
    category,
    community,
    ...(approved === undefined ? {} : { approvedFen: yuan(approved) }),
    ...(minViable === undefined ? {} : { minViableFen: yuan(minViable) }),
  }),
);
const EXAMPLE_RULES: Omit<ShortlistRules, 'policy'> = {
  budgetFen: yuan(175_000),
  minScore: 6000,
  categoryQuotas: { youth: { max: 2 } },
  communityMaxShareBp: 4000,
  incompatibleGroups: [['P2', 'P7']],
  partialFunding: true,
};
const GREEN_MIN = { categoryQuotas: { youth: { max: 2 }, green: { min: 2 } } };
const BY_HAND = {
  manual: {
    drop: [{ proposalId: 'P3', reason: '与既有项目重复' }],
    add: [{ proposalId: 'P10', reason: '街道办研究决定' }],
  },
};
/** The six bundles of the doc, in its column order. */
const EXAMPLE_BUNDLES: [string, ShortlistRules][] = [
  ['rank-fill', { ...EXAMPLE_RULES, policy: 'rank-fill' }],
  ['rank-strict', { ...EXAMPLE_RULES, policy: 'rank-strict' }],
  ['max-score', { ...EXAMPLE_RULES, policy: 'max-score' }],
  ['rank-fill, by hand', { ...EXAMPLE_RULES, ...BY_HAND, policy: 'rank-fill' }],
  ['rank-fill, green ≥ 2', { ...EXAMPLE_RULES, ...GREEN_MIN, policy: 'rank-fill' }],
  ['max-score, green ≥ 2', { ...EXAMPLE_RULES, ...GREEN_MIN, policy: 'max-score' }],
];

/** Whole yuan with thousands separators: 4200000 → "42,000". */
function yuanText(fen: number): string {
  expect(fen % 100).toBe(0);
  return (fen / 100).toLocaleString('en-US');
}

/** A reason as the doc's decisions table writes it. */
function reasonText(reason: DecisionReason): string {
  switch (reason.code) {
    case 'selected':
      return 'selected';
    case 'selected-partial':
      return `partial ${yuanText(reason.amountFen)}`;
    case 'manual-add':
      return 'added by hand';
    case 'manual-drop':
      return 'dropped by hand';
    case 'below-min-score':
      return `below ${formatPoints(reason.minScore)}`;
    case 'budget':
      return `budget, ${yuanText(reason.leftFen)} left`;
    case 'rank-strict-stopped':
      return `stopped at ${reason.atProposalId}, ${yuanText(reason.leftFen)}`;
    case 'category-max':
      return `${reason.category} full (${reason.max})`;
    case 'community-share':
      return `${reason.community} over ${yuanText(reason.capFen)}`;
    case 'incompatible':
      return `incompatible with ${reason.withProposalId}`;
    case 'not-in-optimum':
      return `not in optimum, ${yuanText(reason.leftFen)} left`;
  }
}

describe('the worked example with every side rule (docs/shortlisting.md)', () => {
  it('rank-fill: the hand-computed bundle, number by number', () => {
    // Act
    const result = shortlist({ ...EXAMPLE_RULES, policy: 'rank-fill' }, EXAMPLE_CANDIDATES);

    // Assess
    expect(communityCapFen(yuan(175_000), 4000)).toBe(yuan(70_000));
    expect(result.decisions.map((d) => [d.proposalId, d.reason, d.amountFen])).toEqual([
      ['P1', { code: 'selected' }, yuan(40_000)],
      ['P2', { code: 'selected' }, yuan(38_000)],
      ['P3', { code: 'selected' }, yuan(30_000)],
      ['P4', { code: 'community-share', community: 'xitun', capFen: yuan(70_000) }, yuan(35_000)],
      ['P5', { code: 'category-max', category: 'youth', max: 2 }, yuan(20_000)],
      ['P6', { code: 'budget', leftFen: yuan(67_000) }, yuan(70_000)],
      ['P7', { code: 'incompatible', withProposalId: 'P2' }, yuan(15_000)],
      ['P8', { code: 'selected' }, yuan(25_000)],
      ['P9', { code: 'selected-partial', amountFen: yuan(42_000) }, yuan(42_000)],
      ['P10', { code: 'below-min-score', minScore: 6000 }, yuan(10_000)],
    ]);
    expect(byId(result, 'P1').askedFen).toBe(yuan(40_000)); // the trimmed amount, not the 45,000 asked
    expect(byId(result, 'P9').askedFen).toBe(yuan(45_000));
    expect(result.decisions.map((d) => d.group)).toEqual([
      'selected',
      'selected',
      'selected',
      'excluded',
      'excluded',
      'not-funded',
      'excluded',
      'selected',
      'selected',
      'excluded',
    ]);
    expect(result).toMatchObject({
      policy: 'rank-fill',
      budgetFen: yuan(175_000),
      usedFen: yuan(175_000),
      leftFen: 0,
      totalScore: 8850 + 8600 + 8425 + 7200 + 6800,
      selectedCount: 5,
    });
  });

  it('max-score: 404.25, above rank-fill once rank-fill’s partly funded P9 is taken out', () => {
    // Act
    const max = shortlist({ ...EXAMPLE_RULES, policy: 'max-score' }, EXAMPLE_CANDIDATES);
    const fill = shortlist({ ...EXAMPLE_RULES, policy: 'rank-fill' }, EXAMPLE_CANDIDATES);

    // Assess
    expect(selectedIds(max)).toEqual(['P1', 'P3', 'P5', 'P6', 'P7']);
    expect(max.totalScore).toBe(8850 + 8425 + 7950 + 7700 + 7500);
    expect(max.totalScore).toBeGreaterThan(fill.totalScore - byId(fill, 'P9').score);
    expect(max.totalScore).toBeGreaterThan(fill.totalScore); // here even with P9
  });

  it('is what the tables of docs/shortlisting.md say', () => {
    // Prepare
    const doc = readFileSync(new URL('../../docs/shortlisting.md', import.meta.url), 'utf8');
    const [proposals] = tablesUnder(doc, '### Proposals');
    const [decisions] = tablesUnder(doc, '### Decisions');
    const [bundles] = tablesUnder(doc, '### Bundles');

    // Act
    const results = EXAMPLE_BUNDLES.map(([, rules]) => shortlist(rules, EXAMPLE_CANDIDATES));

    // Assess
    expect(proposals).toEqual(
      EXAMPLE_CANDIDATES.map((c) => [
        c.proposalId,
        String(c.rank),
        formatPoints(c.score),
        c.category,
        c.community,
        yuanText(c.requestedFen),
        yuanText(amountOf(c)),
        c.minViableFen === undefined ? '' : yuanText(c.minViableFen),
      ]),
    );
    expect(decisions).toEqual(
      EXAMPLE_CANDIDATES.map((c) => [
        c.proposalId,
        ...results.map((result) => reasonText(reasonOf(result, c.proposalId))),
      ]),
    );
    expect(bundles).toEqual(
      EXAMPLE_BUNDLES.map(([name], i) => [
        name,
        selectedIds(results[i]!).join(', '),
        yuanText(results[i]!.usedFen),
        yuanText(results[i]!.leftFen),
        formatPoints(results[i]!.totalScore),
      ]),
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('policies', () => {
  const four = [
    candidate('A', 1, 9000, 5_000),
    candidate('B', 2, 8000, 8_000),
    candidate('C', 3, 7000, 3_000),
    candidate('D', 4, 6000, 2_000),
  ];

  it('rank-fill skips what does not fit and goes on', () => {
    // Act
    const result = shortlist({ policy: 'rank-fill', budgetFen: yuan(10_000) }, four);

    // Assess
    expect(selectedIds(result)).toEqual(['A', 'C', 'D']);
    expect(reasonOf(result, 'B')).toEqual({ code: 'budget', leftFen: yuan(5_000) });
    expect(byId(result, 'B').group).toBe('not-funded');
    expect(result.leftFen).toBe(0);
  });

  it('rank-strict stops at the first that does not fit: it and all after are stopped', () => {
    // Act
    const result = shortlist({ policy: 'rank-strict', budgetFen: yuan(10_000) }, four);

    // Assess
    expect(selectedIds(result)).toEqual(['A']);
    for (const id of ['B', 'C', 'D']) {
      expect(reasonOf(result, id)).toEqual({
        code: 'rank-strict-stopped',
        atProposalId: 'B',
        leftFen: yuan(5_000),
      });
      expect(byId(result, id).group).toBe('not-funded');
    }
    expect(result).toMatchObject({ usedFen: yuan(5_000), leftFen: yuan(5_000), selectedCount: 1 });
  });

  it('rank-strict does not stop at a proposal a rule excludes, and gives later ones their own reason', () => {
    // Prepare: B is excluded by the minimum score, D by incompatibility with A.
    const rules: ShortlistRules = {
      policy: 'rank-strict',
      budgetFen: yuan(9_000),
      minScore: 8500,
      incompatibleGroups: [['A', 'D']],
    };
    const candidates = [
      candidate('A', 1, 9000, 5_000),
      candidate('B', 2, 8000, 1_000),
      candidate('C', 3, 8900, 6_000),
      candidate('D', 4, 8800, 1_000),
      candidate('E', 5, 8700, 1_000),
    ];

    // Act
    const result = shortlist(rules, candidates);

    // Assess
    expect(reasonOf(result, 'B')).toEqual({ code: 'below-min-score', minScore: 8500 });
    expect(reasonOf(result, 'C')).toEqual({
      code: 'rank-strict-stopped',
      atProposalId: 'C',
      leftFen: yuan(4_000),
    });
    expect(reasonOf(result, 'D')).toEqual({ code: 'incompatible', withProposalId: 'A' });
    expect(reasonOf(result, 'E').code).toBe('rank-strict-stopped'); // it would fit, but the walk has stopped
  });

  it('max-score finds the best total that rank-fill misses, and explains the rest with what is left', () => {
    // Act
    const result = shortlist({ policy: 'max-score', budgetFen: yuan(10_000) }, four);

    // Assess: here rank-fill's A + C + D (220.00 for 10,000) is also the optimum; B + D is 140.00.
    expect(selectedIds(result)).toEqual(['A', 'C', 'D']);
    expect(reasonOf(result, 'B')).toEqual({ code: 'not-in-optimum', leftFen: 0 });
    expect(result.searchSteps).toBeGreaterThanOrEqual(0);
  });

  it('max-score trades a better-ranked proposal for a better total', () => {
    // Prepare: A alone (90 points) or B + C (150 points) in 10,000.
    const candidates = [
      candidate('A', 1, 9000, 8_000),
      candidate('B', 2, 8000, 5_000),
      candidate('C', 3, 7000, 5_000),
    ];

    // Act
    const fill = shortlist({ policy: 'rank-fill', budgetFen: yuan(10_000) }, candidates);
    const max = shortlist({ policy: 'max-score', budgetFen: yuan(10_000) }, candidates);

    // Assess
    expect(selectedIds(fill)).toEqual(['A']);
    expect(selectedIds(max)).toEqual(['B', 'C']);
    expect(reasonOf(max, 'A')).toEqual({ code: 'not-in-optimum', leftFen: 0 });
    expect(max.totalScore).toBe(15_000);
  });

  it('max-score breaks ties in total for the bundle with the better-ranked proposal at the first difference', () => {
    // Prepare: A+B, C+D and E all total 80.00 in 10,000.
    const candidates = [
      candidate('A', 1, 5000, 6_000),
      candidate('B', 2, 3000, 4_000),
      candidate('C', 3, 4000, 5_000),
      candidate('D', 4, 4000, 5_000),
      candidate('E', 5, 8000, 10_000),
    ];
    // P2 + P5 and P3 + P4 both total 70.00; P3 + P4 has the smaller rank sum, but P2 comes first.
    const second = [
      candidate('P1', 1, 9000, 11_000),
      candidate('P2', 2, 5000, 6_000),
      candidate('P3', 3, 3000, 5_000),
      candidate('P4', 4, 4000, 5_000),
      candidate('P5', 5, 2000, 4_000),
    ];

    // Act
    const first = shortlist({ policy: 'max-score', budgetFen: yuan(10_000) }, candidates);
    const other = shortlist({ policy: 'max-score', budgetFen: yuan(10_000) }, second);

    // Assess
    expect(selectedIds(first)).toEqual(['A', 'B']);
    expect(selectedIds(other)).toEqual(['P2', 'P5']);
    expect(other.totalScore).toBe(7000);
  });

  it('max-score is exact with amounts of up to 10^10 fen, where a float ratio would not tell them apart', () => {
    // Prepare: B + C spend the whole 100 million yuan for 100.01 points; A or B + D only reach 100.00.
    const candidates: Candidate[] = [
      candidate('A', 1, 10_000, 0, { requestedFen: 9_999_999_999 }),
      candidate('B', 2, 5001, 0, { requestedFen: 5_000_000_000 }),
      candidate('C', 3, 5000, 0, { requestedFen: 5_000_000_000 }),
      candidate('D', 4, 4999, 0, { requestedFen: 4_999_999_999 }),
      candidate('E', 5, 1, 0, { requestedFen: 2 }),
    ];

    // Act
    const result = shortlist({ policy: 'max-score', budgetFen: 10_000_000_000 }, candidates);

    // Assess
    expect(selectedIds(result)).toEqual(['B', 'C']);
    expect(result.totalScore).toBe(10_001);
    expect(result.leftFen).toBe(0);
    expect(reasonOf(result, 'E')).toEqual({ code: 'not-in-optimum', leftFen: 0 });
  });

  it('max-score throws rather than answer when it cannot prove the optimum within its step limit', () => {
    // Prepare: forty proposals with category maxima, so that proving takes more than one step.
    const candidates = Array.from({ length: 40 }, (_, i) =>
      candidate(`P${i}`, i + 1, 9000 - ((i * 37) % 23) * 100, 1_000 + ((i * 53) % 29) * 300, {
        category: ['elderly', 'youth', 'green'][i % 3]!,
      }),
    );
    const rules: ShortlistRules = {
      policy: 'max-score',
      budgetFen: yuan(30_000),
      categoryQuotas: { elderly: { max: 3 }, youth: { max: 3 }, green: { max: 3 } },
    };
    const steps = shortlist(rules, candidates).searchSteps!;

    // Act
    const attempt = () => shortlist(rules, candidates, { stepLimit: Math.floor(steps / 2) });

    // Assess
    expect(steps).toBeGreaterThan(1);
    expect(attempt).toThrow(ShortlistSearchLimitError);
    expect(attempt).toThrow(/without proving optimality/);
  });

  it('accepts every policy a contest can have', () => {
    expect([...SHORTLIST_POLICY_LIST]).toEqual([...SHORTLIST_POLICIES]);
    for (const policy of SHORTLIST_POLICIES) {
      expect(shortlist({ policy, budgetFen: yuan(10_000) }, four).policy).toBe(policy);
    }
  });
});

describe('side rules and their reasons', () => {
  it('excludes below the minimum score', () => {
    // Act
    const result = shortlist({ policy: 'rank-fill', budgetFen: yuan(100_000), minScore: 6000 }, [
      candidate('A', 1, 6000, 1_000),
      candidate('B', 2, 5999, 1_000),
    ]);

    // Assess: exactly at the minimum is in.
    expect(selectedIds(result)).toEqual(['A']);
    expect(byId(result, 'B')).toMatchObject({
      selected: false,
      group: 'excluded',
      reason: { code: 'below-min-score', minScore: 6000 },
    });
  });

  it('caps a category by count, under every policy', () => {
    const candidates = [
      candidate('A', 1, 9000, 1_000, { category: 'youth' }),
      candidate('B', 2, 8000, 1_000, { category: 'youth' }),
      candidate('C', 3, 7000, 1_000, { category: 'green' }),
    ];
    for (const policy of SHORTLIST_POLICY_LIST) {
      // Act
      const result = shortlist(
        { policy, budgetFen: yuan(10_000), categoryQuotas: { youth: { max: 1 } } },
        candidates,
      );

      // Assess
      expect(selectedIds(result), policy).toEqual(['A', 'C']);
      expect(reasonOf(result, 'B'), policy).toEqual({ code: 'category-max', category: 'youth', max: 1 });
    }
  });

  it("caps each community's share at floor(budget × bp / 10000), exactly", () => {
    // Prepare: 10,001 fen at 33.33% is 3,333.3333 fen: the cap is 3,333.
    const candidates = [
      candidate('A', 1, 9000, 0, { requestedFen: 3_333 }),
      candidate('B', 2, 8000, 0, { requestedFen: 1 }),
      candidate('C', 3, 7000, 0, { requestedFen: 3_334, community: 'donghu' }),
    ];

    // Act
    const result = shortlist(
      { policy: 'rank-fill', budgetFen: 10_001, communityMaxShareBp: 3333 },
      candidates,
    );

    // Assess
    expect(communityCapFen(10_001, 3333)).toBe(3_333);
    expect(communityCapFen(10_000_000_000, 10_000)).toBe(10_000_000_000);
    expect(selectedIds(result)).toEqual(['A']);
    expect(reasonOf(result, 'B')).toEqual({ code: 'community-share', community: 'xitun', capFen: 3_333 });
    expect(reasonOf(result, 'C')).toEqual({ code: 'community-share', community: 'donghu', capFen: 3_333 });
  });

  it('takes at most one of an incompatible group: the better-ranked under rank-fill, named in the reason', () => {
    // Prepare: B is in two groups; the reason names the best-ranked selected one.
    const candidates = [
      candidate('A', 1, 9000, 1_000),
      candidate('B', 2, 8000, 1_000),
      candidate('C', 3, 7000, 1_000),
      candidate('D', 4, 6000, 1_000),
    ];
    const rules: ShortlistRules = {
      policy: 'rank-fill',
      budgetFen: yuan(10_000),
      incompatibleGroups: [
        ['C', 'B', 'not-ranked'],
        ['A', 'B'],
        ['D', 'ghost'],
      ],
    };

    // Act
    const result = shortlist(rules, candidates);

    // Assess: a group naming one candidate only (D and an unranked id) restricts nothing.
    expect(selectedIds(result)).toEqual(['A', 'C', 'D']);
    expect(reasonOf(result, 'B')).toEqual({ code: 'incompatible', withProposalId: 'A' });
    expect(byId(result, 'B').group).toBe('excluded');
  });

  it('gives the first reason that applies: incompatible, then category maximum, then community share, then budget', () => {
    const rules: ShortlistRules = {
      policy: 'rank-fill',
      budgetFen: yuan(10_000),
      categoryQuotas: { youth: { max: 1 } },
      communityMaxShareBp: 9000,
      incompatibleGroups: [['A', 'B']],
    };
    const candidates = [
      candidate('A', 1, 9000, 5_000, { category: 'youth' }),
      candidate('B', 2, 8000, 9_000, { category: 'youth' }), // all four apply
      candidate('C', 3, 8000, 9_000, { category: 'youth' }), // category, community, budget
      candidate('D', 4, 8000, 9_000), // community, budget
      candidate('E', 5, 8000, 9_000, { community: 'donghu' }), // budget
    ];

    // Act
    const result = shortlist(rules, candidates);

    // Assess
    expect(['B', 'C', 'D', 'E'].map((id) => reasonOf(result, id).code)).toEqual([
      'incompatible',
      'category-max',
      'community-share',
      'budget',
    ]);
  });

  it('max-score takes whichever of an incompatible group its optimum needs', () => {
    // Prepare: A (rank 1) and C cannot both be in; B + C is the best pair.
    const candidates = [
      candidate('A', 1, 9000, 6_000),
      candidate('B', 2, 8000, 4_000),
      candidate('C', 3, 7000, 6_000),
    ];

    // Act
    const result = shortlist(
      { policy: 'max-score', budgetFen: yuan(10_000), incompatibleGroups: [['A', 'C']] },
      candidates,
    );

    // Assess
    expect(selectedIds(result)).toEqual(['A', 'B']);
    // When A costs the whole budget, B + C (150.00) beat it: the worse-ranked C wins the group.
    const swapped = shortlist(
      { policy: 'max-score', budgetFen: yuan(10_000), incompatibleGroups: [['A', 'C']] },
      [candidate('A', 1, 9000, 10_000), candidate('B', 2, 8000, 4_000), candidate('C', 3, 7000, 6_000)],
    );
    expect(selectedIds(swapped)).toEqual(['B', 'C']);
    expect(reasonOf(swapped, 'A')).toEqual({ code: 'incompatible', withProposalId: 'C' });
  });

  it('names the selected member of the group under max-score', () => {
    // Act
    const result = shortlist(
      { policy: 'max-score', budgetFen: yuan(10_000), incompatibleGroups: [['A', 'C']] },
      [candidate('A', 1, 9000, 6_000), candidate('B', 2, 8000, 4_000), candidate('C', 3, 8500, 4_000)],
    );

    // Assess: A + B (170.00 for 10,000) beat B + C (165.00 for 8,000).
    expect(selectedIds(result)).toEqual(['A', 'B']);
    expect(reasonOf(result, 'C')).toEqual({ code: 'incompatible', withProposalId: 'A' });
  });
});

describe('manual decisions', () => {
  const candidates = [
    candidate('A', 1, 9000, 6_000, { category: 'youth' }),
    candidate('B', 2, 8000, 4_000, { category: 'youth' }),
    candidate('C', 3, 5000, 3_000, { category: 'youth' }),
    candidate('D', 4, 7000, 2_000, { category: 'green' }),
  ];

  it('drops with the reason recorded, and adds first, even below the minimum score and past a quota', () => {
    // Prepare: C scores below the minimum and youth allows one; the officer adds C and drops A.
    const rules: ShortlistRules = {
      policy: 'rank-fill',
      budgetFen: yuan(10_000),
      minScore: 6000,
      categoryQuotas: { youth: { max: 1 } },
      manual: {
        add: [{ proposalId: 'C', reason: '唯一的助老项目' }],
        drop: [{ proposalId: 'A', reason: '与既有服务重复' }],
      },
    };

    // Act
    const result = shortlist(rules, candidates);

    // Assess: C took youth's only place, so B is out; D fits.
    expect(byId(result, 'C')).toMatchObject({
      selected: true,
      group: 'selected',
      amountFen: yuan(3_000),
      reason: { code: 'manual-add', reason: '唯一的助老项目' },
    });
    expect(byId(result, 'A')).toMatchObject({
      selected: false,
      group: 'excluded',
      reason: { code: 'manual-drop', reason: '与既有服务重复' },
    });
    expect(reasonOf(result, 'B')).toEqual({ code: 'category-max', category: 'youth', max: 1 });
    expect(selectedIds(result)).toEqual(['C', 'D']);
  });

  it('lets manual additions overfill a quota or a community cap, and then takes no other of them', () => {
    // Prepare: both youth proposals added with max 1; xitun capped at 50% = 5,000.
    const rules: ShortlistRules = {
      policy: 'max-score',
      budgetFen: yuan(10_000),
      categoryQuotas: { youth: { max: 1 } },
      communityMaxShareBp: 5000,
      manual: {
        add: [
          { proposalId: 'A', reason: '区级重点' },
          { proposalId: 'B', reason: '区级重点' },
        ],
      },
    };

    // Act
    const result = shortlist(rules, [
      ...candidates.slice(0, 2),
      candidate('E', 5, 9900, 0, { category: 'green' }),
    ]);

    // Assess: E asks nothing, but xitun is already at 10,000 > 5,000.
    expect(selectedIds(result)).toEqual(['A', 'B']);
    expect(reasonOf(result, 'E')).toEqual({
      code: 'community-share',
      community: 'xitun',
      capFen: yuan(5_000),
    });
  });

  it('refuses manual additions that do not fit the budget together', () => {
    // Act
    const detail = infeasibility(
      {
        policy: 'rank-fill',
        budgetFen: yuan(9_000),
        manual: {
          add: [
            { proposalId: 'B', reason: '区级重点' },
            { proposalId: 'A', reason: '区级重点' },
          ],
        },
      },
      candidates,
    );

    // Assess
    expect(detail).toEqual({
      code: 'manual-add-over-budget',
      proposalIds: ['A', 'B'],
      totalFen: yuan(10_000),
      budgetFen: yuan(9_000),
    });
  });

  it('refuses conflicting manual decisions: add and drop, added twice, two of one group', () => {
    const reason = '记录在案';
    const base = { policy: 'rank-fill' as const, budgetFen: yuan(100_000) };
    expect(
      infeasibility(
        { ...base, manual: { add: [{ proposalId: 'A', reason }], drop: [{ proposalId: 'A', reason }] } },
        candidates,
      ),
    ).toEqual({ code: 'manual-conflict', proposalIds: ['A'] });
    expect(
      infeasibility(
        {
          ...base,
          manual: {
            add: [
              { proposalId: 'B', reason },
              { proposalId: 'B', reason },
            ],
          },
        },
        candidates,
      ),
    ).toEqual({ code: 'manual-conflict', proposalIds: ['B'] });
    expect(
      infeasibility(
        {
          ...base,
          incompatibleGroups: [['D', 'B']],
          manual: {
            add: [
              { proposalId: 'D', reason },
              { proposalId: 'B', reason },
            ],
          },
        },
        candidates,
      ),
    ).toEqual({ code: 'manual-conflict', proposalIds: ['B', 'D'] });
  });

  it('refuses manual decisions about proposals that are not candidates', () => {
    expect(
      infeasibility(
        {
          policy: 'max-score',
          budgetFen: yuan(100_000),
          manual: {
            drop: [{ proposalId: 'Z', reason: '不在排名中' }],
            add: [{ proposalId: 'Y', reason: '?' }],
          },
        },
        candidates,
      ),
    ).toEqual({ code: 'manual-unknown', proposalIds: ['Y', 'Z'] });
  });

  it('excludes what a manual addition is incompatible with', () => {
    // Act
    const result = shortlist(
      {
        policy: 'rank-fill',
        budgetFen: yuan(100_000),
        incompatibleGroups: [['A', 'D']],
        manual: { add: [{ proposalId: 'D', reason: '社区急需' }] },
      },
      candidates,
    );

    // Assess
    expect(reasonOf(result, 'A')).toEqual({ code: 'incompatible', withProposalId: 'D' });
  });
});

describe('category minimums', () => {
  const candidates = [
    candidate('A', 1, 9000, 6_000),
    candidate('B', 2, 8500, 3_000),
    candidate('C', 3, 8000, 5_000, { category: 'green' }),
    candidate('D', 4, 7000, 2_000, { category: 'green' }),
    candidate('E', 5, 6000, 9_000, { category: 'green' }),
  ];

  it('rank-fill reserves the best-ranked of the category first, then fills by rank', () => {
    // Act
    const result = shortlist(
      { policy: 'rank-fill', budgetFen: yuan(10_000), categoryQuotas: { green: { min: 2 } } },
      candidates,
    );

    // Assess: C and D are reserved (7,000); A no longer fits; B does.
    expect(selectedIds(result)).toEqual(['B', 'C', 'D']);
    expect(reasonOf(result, 'A')).toEqual({ code: 'budget', leftFen: yuan(3_000) });
  });

  it('rank-fill skips a reserved proposal that does not fit, and reports what it could reserve', () => {
    // Act: three green needed in 10,000: C and D fit (7,000), E does not.
    const detail = infeasibility(
      { policy: 'rank-fill', budgetFen: yuan(10_000), categoryQuotas: { green: { min: 3 } } },
      candidates,
    );

    // Assess
    expect(detail).toEqual({
      code: 'category-min-unmet',
      category: 'green',
      min: 3,
      possible: 2,
      proposalIds: ['C', 'D'],
    });
  });

  it('max-score meets a minimum rank-fill cannot reserve, and says how many are possible when none can', () => {
    // Prepare: rank-fill reserves C (rank 2, 9,000) first and no second green fits after it;
    // max-score takes D + E (5,000), as A + D + E would cost 11,000.
    const tight = [
      candidate('A', 1, 9000, 6_000),
      candidate('C', 2, 8000, 9_000, { category: 'green' }),
      candidate('D', 3, 7000, 2_000, { category: 'green' }),
      candidate('E', 4, 6000, 3_000, { category: 'green' }),
    ];
    const rules: ShortlistRules = {
      policy: 'rank-fill',
      budgetFen: yuan(10_000),
      categoryQuotas: { green: { min: 2 } },
    };

    // Act
    const fill = infeasibility(rules, tight);
    const max = shortlist({ ...rules, policy: 'max-score' }, tight);
    const none = infeasibility(
      { ...rules, policy: 'max-score', categoryQuotas: { green: { min: 3 } } },
      tight,
    );

    // Assess
    expect(fill).toEqual({
      code: 'category-min-unmet',
      category: 'green',
      min: 2,
      possible: 1,
      proposalIds: ['C'],
    });
    expect(selectedIds(max)).toEqual(['D', 'E']);
    expect(none).toEqual({
      code: 'category-min-unmet',
      category: 'green',
      min: 3,
      possible: 2,
      proposalIds: ['D', 'E'],
    });
  });

  it('counts manual additions towards a minimum', () => {
    // Act
    const result = shortlist(
      {
        policy: 'rank-strict',
        budgetFen: yuan(10_000),
        categoryQuotas: { green: { min: 1 } },
        manual: { add: [{ proposalId: 'E', reason: '环保示范' }] },
      },
      candidates,
    );

    // Assess: nothing else is reserved; the walk stops at A (6,000 > 1,000 left).
    expect(selectedIds(result)).toEqual(['E']);
    expect(reasonOf(result, 'A')).toEqual({
      code: 'rank-strict-stopped',
      atProposalId: 'A',
      leftFen: yuan(1_000),
    });
  });

  it('refuses a minimum above the maximum, and a minimum of a category no candidate has', () => {
    expect(
      infeasibility(
        { policy: 'max-score', budgetFen: yuan(10_000), categoryQuotas: { green: { min: 3, max: 2 } } },
        candidates,
      ),
    ).toMatchObject({ code: 'category-min-unmet', category: 'green', min: 3, possible: 2 });
    for (const policy of SHORTLIST_POLICY_LIST) {
      expect(
        infeasibility(
          { policy, budgetFen: yuan(10_000), categoryQuotas: { disability: { min: 1 } } },
          candidates,
        ),
      ).toEqual({ code: 'category-min-unmet', category: 'disability', min: 1, possible: 0, proposalIds: [] });
    }
  });
});

describe('partial funding of the leftover', () => {
  const candidates = [
    candidate('A', 1, 9000, 6_000),
    candidate('B', 2, 8000, 6_000, { minViableFen: yuan(3_000) }),
    candidate('C', 3, 7000, 5_000, { minViableFen: yuan(1_000) }),
    candidate('D', 4, 6000, 1_000),
  ];
  const rules = (policy: ShortlistRules['policy'], partialFunding = true): ShortlistRules => ({
    policy,
    budgetFen: yuan(10_000),
    partialFunding,
  });

  it('rank-fill funds the first proposal that does not fit but can run on the leftover, once', () => {
    // Act
    const result = shortlist(rules('rank-fill'), candidates);

    // Assess: B gets the 4,000 left; C could run on nothing left; D asks 1,000 with 0 left.
    expect(byId(result, 'B')).toMatchObject({
      selected: true,
      amountFen: yuan(4_000),
      askedFen: yuan(6_000),
      reason: { code: 'selected-partial', amountFen: yuan(4_000) },
      group: 'selected',
    });
    expect(reasonOf(result, 'C')).toEqual({ code: 'budget', leftFen: 0 });
    expect(reasonOf(result, 'D')).toEqual({ code: 'budget', leftFen: 0 });
    expect(result).toMatchObject({ usedFen: yuan(10_000), leftFen: 0, totalScore: 17_000, selectedCount: 2 });
  });

  it('funds at most one proposal partly, even when another could run on what is left', () => {
    // Prepare: 7,500: A leaves 1,500; B needs at least 3,000, C can run on 1,000.
    const result = shortlist({ ...rules('rank-fill'), budgetFen: yuan(7_500) }, [
      ...candidates.slice(0, 3),
      candidate('E', 5, 5000, 5_000, { minViableFen: yuan(100) }),
    ]);

    // Assess: C takes the 1,500 left; E, which could run on 100, finds nothing left.
    expect(reasonOf(result, 'B')).toEqual({ code: 'budget', leftFen: yuan(1_500) });
    expect(reasonOf(result, 'C')).toEqual({ code: 'selected-partial', amountFen: yuan(1_500) });
    expect(reasonOf(result, 'E')).toEqual({ code: 'budget', leftFen: 0 });
    expect(result.decisions.filter((d) => d.reason.code === 'selected-partial')).toHaveLength(1);
  });

  it('rank-strict funds it partly and stops there', () => {
    // Act
    const result = shortlist(rules('rank-strict'), candidates);

    // Assess
    expect(reasonOf(result, 'B')).toEqual({ code: 'selected-partial', amountFen: yuan(4_000) });
    expect(reasonOf(result, 'C')).toEqual({ code: 'rank-strict-stopped', atProposalId: 'B', leftFen: 0 });
    expect(reasonOf(result, 'D')).toEqual({ code: 'rank-strict-stopped', atProposalId: 'B', leftFen: 0 });
  });

  it('max-score optimises full amounts, then offers the leftover to the best-ranked that can run on it', () => {
    // Act: at full amounts A + D (150.00 for 7,000) is the optimum (no two of A, B, C fit 10,000;
    // B + D is 140.00, C + D 130.00). B, the best-ranked left out, can run on the 3,000 left.
    const result = shortlist(rules('max-score'), candidates);

    // Assess
    expect(selectedIds(result)).toEqual(['A', 'B', 'D']);
    expect(reasonOf(result, 'B')).toEqual({ code: 'selected-partial', amountFen: yuan(3_000) });
    expect(reasonOf(result, 'C')).toEqual({ code: 'not-in-optimum', leftFen: 0 });
    expect(result.totalScore).toBe(9000 + 8000 + 6000);
  });

  it('funds nothing partly when the rules do not allow it, or the leftover is below the minimum viable amount', () => {
    for (const policy of SHORTLIST_POLICY_LIST) {
      const off = shortlist(rules(policy, false), candidates);
      expect(
        off.decisions.some((d) => d.reason.code === 'selected-partial'),
        policy,
      ).toBe(false);
    }
    const short = shortlist({ ...rules('rank-fill'), budgetFen: yuan(8_500) }, candidates.slice(0, 2));
    expect(reasonOf(short, 'B')).toEqual({ code: 'budget', leftFen: yuan(2_500) });
  });

  it('can make rank-fill beat max-score, which is why max-score ≥ rank-fill holds less the partial proposal', () => {
    // Prepare: A asks 11,000 but can run on 10,000; B asks 1,000.
    const pair = [
      candidate('A', 1, 10_000, 11_000, { minViableFen: yuan(10_000) }),
      candidate('B', 2, 100, 1_000),
    ];

    // Act
    const fill = shortlist(rules('rank-fill'), pair);
    const max = shortlist(rules('max-score'), pair);

    // Assess
    expect(fill.totalScore).toBe(10_000);
    expect(max.totalScore).toBe(100);
    expect(max.totalScore).toBeGreaterThanOrEqual(fill.totalScore - byId(fill, 'A').score);
  });
});

describe('the amount and bad input', () => {
  it('uses the officer’s trimmed amount instead of the request', () => {
    const c = candidate('A', 1, 9000, 10_000, { approvedFen: yuan(8_000) });
    expect(amountOf(c)).toBe(yuan(8_000));
    const result = shortlist({ policy: 'rank-fill', budgetFen: yuan(8_000) }, [c]);
    expect(byId(result, 'A')).toMatchObject({
      selected: true,
      amountFen: yuan(8_000),
      askedFen: yuan(8_000),
    });
  });

  it('refuses a trim above the request and a minimum viable amount above the amount, naming them all', () => {
    const rules: ShortlistRules = { policy: 'rank-fill', budgetFen: yuan(10_000) };
    expect(
      infeasibility(rules, [
        candidate('B', 2, 9000, 1_000, { approvedFen: yuan(1_001) }),
        candidate('A', 1, 9000, 1_000, { approvedFen: yuan(1_000) }),
        candidate('C', 3, 9000, 1_000, { approvedFen: yuan(2_000) }),
      ]),
    ).toEqual({ code: 'approved-above-requested', proposalIds: ['B', 'C'] });
    expect(
      infeasibility(rules, [
        candidate('A', 1, 9000, 1_000, { approvedFen: yuan(500), minViableFen: yuan(600) }),
        candidate('B', 2, 9000, 1_000, { minViableFen: yuan(1_000) }),
      ]),
    ).toEqual({ code: 'min-viable-above-amount', proposalIds: ['A'] });
  });

  it('throws ShortlistInputError on input no validated path produces', () => {
    const ok = candidate('A', 1, 9000, 1_000);
    const base: ShortlistRules = { policy: 'rank-fill', budgetFen: yuan(10_000) };
    const bad: [ShortlistRules, Candidate[]][] = [
      [base, [ok, ok]],
      [base, [{ ...ok, requestedFen: 100.5 }]],
      [base, [{ ...ok, requestedFen: -1 }]],
      [base, [{ ...ok, requestedFen: 10_000_000_001 }]],
      [base, [{ ...ok, approvedFen: Number.NaN }]],
      [base, [{ ...ok, score: 10_001 }]],
      [base, [{ ...ok, score: 80.5 }]],
      [base, [{ ...ok, rank: 0 }]],
      [base, [{ ...ok, proposalId: '' }]],
      [{ ...base, budgetFen: -1 }, [ok]],
      [{ ...base, budgetFen: 0.5 }, [ok]],
      [{ ...base, policy: 'greedy' as ShortlistRules['policy'] }, [ok]],
      [{ ...base, minScore: -1 }, [ok]],
      [{ ...base, communityMaxShareBp: 10_001 }, [ok]],
      [{ ...base, categoryQuotas: { youth: { max: 1.5 } } }, [ok]],
      [{ ...base, manual: { add: [{ proposalId: 'A', reason: ' ' }] } }, [ok]],
    ];
    for (const [rules, candidates] of bad) {
      expect(() => shortlist(rules, candidates), JSON.stringify([rules, candidates])).toThrow(
        ShortlistInputError,
      );
    }
  });

  it('handles no candidates and a budget of zero', () => {
    for (const policy of SHORTLIST_POLICY_LIST) {
      expect(shortlist({ policy, budgetFen: 0 }, [])).toEqual({
        policy,
        decisions: [],
        budgetFen: 0,
        usedFen: 0,
        leftFen: 0,
        totalScore: 0,
        selectedCount: 0,
        ...(policy === 'max-score' ? { searchSteps: 0 } : {}),
      });
      const free = shortlist({ policy, budgetFen: 0 }, [
        candidate('A', 1, 5000, 0),
        candidate('B', 2, 9000, 1),
      ]);
      expect(selectedIds(free), policy).toEqual(['A']);
    }
  });

  it('groups every reason as the results page does', () => {
    expect(REASON_GROUP).toEqual({
      selected: 'selected',
      'selected-partial': 'selected',
      'manual-add': 'selected',
      budget: 'not-funded',
      'rank-strict-stopped': 'not-funded',
      'not-in-optimum': 'not-funded',
      'manual-drop': 'excluded',
      'below-min-score': 'excluded',
      'category-max': 'excluded',
      'community-share': 'excluded',
      incompatible: 'excluded',
    });
  });

  it('orders decisions by rank, then id, whatever order the candidates come in', () => {
    const result = shortlist({ policy: 'rank-fill', budgetFen: yuan(10_000) }, [
      candidate('b', 2, 8000, 1_000),
      candidate('B', 2, 8000, 1_000),
      candidate('a', 1, 9000, 1_000),
    ]);
    expect(result.decisions.map((d) => d.proposalId)).toEqual(['a', 'B', 'b']);
  });
});
