import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld } from '../support/review-world.ts';

/** The sheets of docs/scoring.md's worked example, in points, judge by judge. */
const SHEETS: Record<'A' | 'B' | 'C' | 'D', number[][]> = {
  A: [
    [22, 20, 12, 12, 16],
    [21, 19, 12, 11, 15],
    [23, 21, 13, 12, 16],
    [15, 15, 10, 8, 12],
    [21, 20, 12, 11, 16],
  ],
  B: [
    [20, 20, 12, 12, 15],
    [21, 20, 13, 12, 15],
    [20, 21, 12, 12, 15],
    [21, 21, 13, 12, 16],
    [20, 19, 12, 11, 15],
  ],
  C: [
    [18, 17, 11, 10, 14],
    [18.5, 18, 11, 11, 14],
    [17, 17, 10, 10, 14],
    [19, 19, 11, 11, 15],
    [18, 18, 11, 10, 14],
  ],
  D: [
    [23, 23, 14, 13, 17],
    [22, 23, 13, 13, 17],
  ],
};
const CODES = ['need-fit', 'feasibility', 'team-capacity', 'budget', 'participation'];
const REQUESTED = { A: 5_000_000, B: 4_800_000, C: 3_000_000, D: 6_000_000 };

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe("the officer's ranking of docs/scoring.md's worked example", () => {
  it('ranks B, A, C by trimmed mean, flags j4 on A, and leaves D without enough reviews', async () => {
    // Prepare: the example's contest, proposals A–D and judges j1–j5 on every proposal.
    const names = ['A', 'B', 'C', 'D'] as const;
    const w = await buildReviewWorld(h, {
      proposals: 4,
      judges: 5,
      minJudges: 5,
      aggregation: 'trimmed-mean',
      rules: { outlierMargin: 1500, tieBreak: ['need-fit', 'feasibility'], capFen: 6_000_000 },
      requestedFen: names.map((n) => REQUESTED[n]),
    });
    const id = Object.fromEntries(names.map((n, i) => [n, w.proposalIds[i]!]));

    // Act: each judge scores through the API, as in the example's sheet table.
    for (const name of names) {
      for (const [judge, points] of SHEETS[name].entries()) {
        const base = `/api/contests/${w.contestId}/proposals/${id[name]}/sheet`;
        const token = w.tokens.judges[judge];
        const scores = Object.fromEntries(CODES.map((code, k) => [code, Math.round(points[k]! * 100)]));
        expect((await call(w.app, 'PUT', base, { token, body: { scores } })).status).toBe(201);
        expect((await call(w.app, 'POST', `${base}/submit`, { token })).status).toBe(200);
      }
    }
    const ranking = await call(w.app, 'GET', `/api/contests/${w.contestId}/ranking`, {
      token: w.tokens.officer,
    });

    // Assess: the "Ranking" and "Per proposal" tables of the worked example.
    const byId = new Map(ranking.body.items.map((item: { proposalId: string }) => [item.proposalId, item]));
    const row = (name: (typeof names)[number]) => byId.get(id[name]) as any;
    expect(ranking.body.items.map((item: { proposalId: string }) => item.proposalId)).toEqual([
      id.B,
      id.A,
      id.C,
      id.D,
    ]);
    expect([row('B'), row('A'), row('C')].map((r) => [r.rank, r.score])).toEqual([
      [1, 8000],
      [2, 8000],
      [3, 7117],
    ]);
    expect([row('A').mean, row('B').mean, row('C').mean, row('D').mean]).toEqual([7700, 8000, 7130, 8900]);
    expect(row('D')).toMatchObject({ status: 'not-enough-reviews', rank: null, score: null, sheetCount: 2 });
    expect(row('A').criterionScores).toMatchObject({ 'need-fit': 2040, feasibility: 1900 });
    expect(row('B').criterionScores).toMatchObject({ 'need-fit': 2040, feasibility: 2020 });
    const outliers = ranking.body.items.flatMap((item: any) =>
      item.judges
        .filter((j: { outlier: boolean }) => j.outlier)
        .map((j: { judgeId: string }) => [item.proposalId, j.judgeId]),
    );
    expect(outliers).toEqual([[id.A, w.judgeUsers[3]!.sub]]);
    const droppedOnA = row('A')
      .judges.filter((j: { dropped: boolean }) => j.dropped)
      .map((j: { total: number }) => j.total);
    expect(droppedOnA.sort()).toEqual([6000, 8500]);
  });
});
