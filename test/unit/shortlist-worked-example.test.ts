import { describe, expect, it } from 'vitest';
import { type Candidate, shortlist } from '../../shared/shortlist.ts';

/** The worked example of docs/shortlisting.md. */
const ROWS: [number, number, number?][] = [
  [9000, 8_000],
  [8800, 9_000],
  [8500, 5_000, 3_000],
  [8000, 4_000],
  [7800, 3_000],
  [7000, 2_500],
];
const candidates: Candidate[] = ROWS.map(([score, yuan, minViable], i) => ({
  proposalId: `P${i + 1}`,
  rank: i + 1,
  score,
  requestedFen: yuan * 100,
  ...(minViable ? { minViableFen: minViable * 100 } : {}),
  category: 'youth',
  community: 'xitun',
}));
const BUDGET = 2_000_000;

function summary(result: ReturnType<typeof shortlist>) {
  return {
    selected: result.decisions.filter((d) => d.selected).map((d) => `${d.proposalId}@${d.amountFen / 100}`),
    usedFen: result.usedFen,
    leftFen: result.leftFen,
    totalScore: result.totalScore,
  };
}

describe("docs/shortlisting.md's worked example", () => {
  it('rank-fill takes P1, P2 and P5, skipping P3 and P4 with 3,000 yuan left', () => {
    const result = shortlist({ policy: 'rank-fill', budgetFen: BUDGET }, candidates);
    expect(summary(result)).toEqual({
      selected: ['P1@8000', 'P2@9000', 'P5@3000'],
      usedFen: BUDGET,
      leftFen: 0,
      totalScore: 25_600,
    });
    expect(result.decisions.find((d) => d.proposalId === 'P3')?.reason).toEqual({
      code: 'budget',
      leftFen: 300_000,
    });
    expect(result.decisions.find((d) => d.proposalId === 'P6')?.reason).toEqual({
      code: 'budget',
      leftFen: 0,
    });
  });

  it('rank-strict stops at P3', () => {
    const result = shortlist({ policy: 'rank-strict', budgetFen: BUDGET }, candidates);
    expect(summary(result)).toEqual({
      selected: ['P1@8000', 'P2@9000'],
      usedFen: 1_700_000,
      leftFen: 300_000,
      totalScore: 17_800,
    });
    expect(result.decisions.slice(2).every((d) => d.reason.code === 'rank-strict-stopped')).toBe(true);
  });

  it('max-score trades P2 for P3 and P4', () => {
    const result = shortlist({ policy: 'max-score', budgetFen: BUDGET }, candidates);
    expect(summary(result)).toEqual({
      selected: ['P1@8000', 'P3@5000', 'P4@4000', 'P5@3000'],
      usedFen: BUDGET,
      leftFen: 0,
      totalScore: 33_300,
    });
    expect(result.decisions.find((d) => d.proposalId === 'P2')?.reason.code).toBe('not-in-optimum');
  });

  it('partial funding gives the 3,000 yuan left to P3, down to its minimum viable amount', () => {
    const result = shortlist({ policy: 'rank-fill', budgetFen: BUDGET, partialFunding: true }, candidates);
    expect(summary(result)).toEqual({
      selected: ['P1@8000', 'P2@9000', 'P3@3000'],
      usedFen: BUDGET,
      leftFen: 0,
      totalScore: 26_300,
    });
    expect(result.decisions.find((d) => d.proposalId === 'P3')?.reason).toEqual({
      code: 'selected-partial',
      amountFen: 300_000,
    });
  });

  it('keeps the higher-ranked of two incompatible proposals under rank-fill, and lets max-score choose', () => {
    const groups = { incompatibleGroups: [['P1', 'P3']] };
    const fill = shortlist({ policy: 'rank-fill', budgetFen: BUDGET, ...groups }, candidates);
    expect(fill.decisions.find((d) => d.proposalId === 'P3')).toMatchObject({
      selected: false,
      group: 'excluded',
      reason: { code: 'incompatible', withProposalId: 'P1' },
    });
    // Without P1, P2 + P3 + P5 + P6 (19,500 yuan, 321 points) beats every set with P1 (at most 318).
    const best = shortlist({ policy: 'max-score', budgetFen: BUDGET, ...groups }, candidates);
    expect(summary(best)).toEqual({
      selected: ['P2@9000', 'P3@5000', 'P5@3000', 'P6@2500'],
      usedFen: 1_950_000,
      leftFen: 50_000,
      totalScore: 32_100,
    });
  });

  it('takes manual additions first and leaves manual drops out, each with its reason', () => {
    const result = shortlist(
      {
        policy: 'rank-fill',
        budgetFen: BUDGET,
        manual: {
          add: [{ proposalId: 'P6', reason: '唯一的助残项目' }],
          drop: [{ proposalId: 'P2', reason: '与已有服务重复' }],
        },
      },
      candidates,
    );
    expect(summary(result)).toEqual({
      selected: ['P1@8000', 'P3@5000', 'P4@4000', 'P6@2500'],
      usedFen: 1_950_000,
      leftFen: 50_000,
      totalScore: 32_500,
    });
    expect(result.decisions.find((d) => d.proposalId === 'P2')).toMatchObject({
      group: 'excluded',
      reason: { code: 'manual-drop', reason: '与已有服务重复' },
    });
    expect(result.decisions.find((d) => d.proposalId === 'P6')?.reason).toEqual({
      code: 'manual-add',
      reason: '唯一的助残项目',
    });
  });
});
