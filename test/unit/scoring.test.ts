import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../shared/i18n.ts';
import {
  type Aggregation,
  DEFAULT_RUBRIC,
  formatPoints,
  type RankableProposal,
  type RankedProposal,
  type RankingRules,
  type Rubric,
  rankProposals,
  roundHalfUp,
  type ScoredSheet,
  ScoringInputError,
  sheetScoresSchema,
  sheetTotal,
} from '../../shared/scoring.ts';
import { hundredths, tablesUnder } from '../support/markdown.ts';

const CODES = DEFAULT_RUBRIC.map((criterion) => criterion.code);

function sheet(proposalId: string, judgeId: string, values: readonly number[]): ScoredSheet {
  const scores = Object.fromEntries(CODES.map((code, index) => [code, values[index] ?? 0]));
  return { proposalId, judgeId, scores, total: sheetTotal(scores) };
}

/** A one-criterion rubric, so that a test can give totals directly. */
const OVERALL: Rubric = [{ code: 'overall', name: '综合', maxPoints: 10_000 }];

function totalSheet(proposalId: string, judgeId: string, total: number): ScoredSheet {
  return { proposalId, judgeId, scores: { overall: total }, total };
}

function proposal(
  id: string,
  requestedFen = 1_000_000,
  submittedAt = '2026-03-10T02:00:00.000Z',
): RankableProposal {
  return { id, requestedFen, submittedAt };
}

function overallRules(overrides: Partial<RankingRules> = {}): RankingRules {
  return {
    rubric: OVERALL,
    aggregation: 'mean',
    minJudges: 1,
    outlierMargin: 10_000,
    tieBreak: [],
    ...overrides,
  };
}

const byId = (ranking: readonly RankedProposal[], id: string) => ranking.find((r) => r.proposalId === id)!;

// ---------------------------------------------------------------------------------------------
// The worked example of docs/scoring.md: these sheets and numbers are the tables there, in
// hundredths. The last test of this block reads the doc and checks that it still says so.

/** proposal, judge, need-fit, feasibility, team-capacity, budget, participation */
const EXAMPLE_SHEETS: [string, string, number, number, number, number, number][] = [
  ['A', 'j1', 2200, 2000, 1200, 1200, 1600],
  ['A', 'j2', 2100, 1900, 1200, 1100, 1500],
  ['A', 'j3', 2300, 2100, 1300, 1200, 1600],
  ['A', 'j4', 1500, 1500, 1000, 800, 1200],
  ['A', 'j5', 2100, 2000, 1200, 1100, 1600],
  ['B', 'j1', 2000, 2000, 1200, 1200, 1500],
  ['B', 'j2', 2100, 2000, 1300, 1200, 1500],
  ['B', 'j3', 2000, 2100, 1200, 1200, 1500],
  ['B', 'j4', 2100, 2100, 1300, 1200, 1600],
  ['B', 'j5', 2000, 1900, 1200, 1100, 1500],
  ['C', 'j1', 1800, 1700, 1100, 1000, 1400],
  ['C', 'j2', 1850, 1800, 1100, 1100, 1400],
  ['C', 'j3', 1700, 1700, 1000, 1000, 1400],
  ['C', 'j4', 1900, 1900, 1100, 1100, 1500],
  ['C', 'j5', 1800, 1800, 1100, 1000, 1400],
  ['D', 'j1', 2300, 2300, 1400, 1300, 1700],
  ['D', 'j2', 2200, 2300, 1300, 1300, 1700],
];
const EXAMPLE_TOTALS: Record<string, number[]> = {
  A: [8200, 7800, 8500, 6000, 8000],
  B: [7900, 8100, 8000, 8300, 7700],
  C: [7000, 7250, 6800, 7500, 7100],
  D: [9000, 8800],
};
const EXAMPLE_PROPOSALS: RankableProposal[] = [
  { id: 'A', requestedFen: 5_000_000, submittedAt: '2026-03-12T01:00:00.000Z' },
  { id: 'B', requestedFen: 4_800_000, submittedAt: '2026-03-14T09:30:00.000Z' },
  { id: 'C', requestedFen: 3_000_000, submittedAt: '2026-03-11T06:15:00.000Z' },
  { id: 'D', requestedFen: 6_000_000, submittedAt: '2026-03-13T03:45:00.000Z' },
];
const exampleRules = (aggregation: Aggregation): RankingRules => ({
  rubric: DEFAULT_RUBRIC,
  aggregation,
  minJudges: 5,
  outlierMargin: 1500,
  tieBreak: ['need-fit', 'feasibility'],
});
const exampleSheets = () => EXAMPLE_SHEETS.map(([p, j, ...values]) => sheet(p, j, values));

const EXAMPLE_PER_PROPOSAL = {
  A: {
    sheets: 5,
    sum: 38_500,
    mean: 7700,
    trimmed: 8000,
    dropped: ['j3', 'j4'],
    median: 8000,
    needFit: 2040,
    feasibility: 1900,
    outliers: ['j4'],
  },
  B: {
    sheets: 5,
    sum: 40_000,
    mean: 8000,
    trimmed: 8000,
    dropped: ['j4', 'j5'],
    median: 8000,
    needFit: 2040,
    feasibility: 2020,
    outliers: [],
  },
  C: {
    sheets: 5,
    sum: 35_650,
    mean: 7130,
    trimmed: 7117,
    dropped: ['j3', 'j4'],
    median: 7100,
    needFit: 1810,
    feasibility: 1780,
    outliers: [],
  },
  D: {
    sheets: 2,
    sum: 17_800,
    mean: 8900,
    trimmed: null,
    dropped: [],
    median: null,
    needFit: 2250,
    feasibility: 2300,
    outliers: [],
  },
} as const;
const EXAMPLE_RANKING: Record<Aggregation, [string, number][]> = {
  'trimmed-mean': [
    ['B', 8000],
    ['A', 8000],
    ['C', 7117],
  ],
  mean: [
    ['B', 8000],
    ['A', 7700],
    ['C', 7130],
  ],
  median: [
    ['B', 8000],
    ['A', 8000],
    ['C', 7100],
  ],
  'z-score': [
    ['B', 8013],
    ['A', 7862],
    ['C', 6994],
  ],
};
/** Normalized values per proposal, judges j1..j5 in order. */
const EXAMPLE_NORMALIZED: Record<string, number[]> = {
  A: [7942, 7514, 8521, 6781, 8551],
  B: [7633, 7910, 8003, 8562, 7959],
  C: [6704, 6788, 6761, 7942, 6775],
  D: [8768, 8834],
};

describe('the worked example of docs/scoring.md', () => {
  it('adds each sheet up to the documented total', () => {
    // Prepare
    const sheets = exampleSheets();

    // Act
    const totals = Object.fromEntries(
      Object.keys(EXAMPLE_TOTALS).map((id) => [
        id,
        sheets.filter((s) => s.proposalId === id).map((s) => s.total),
      ]),
    );

    // Assess
    expect(totals).toEqual(EXAMPLE_TOTALS);
  });

  it.each(Object.keys(EXAMPLE_RANKING) as Aggregation[])(
    'ranks B, A, C under the %s and leaves D without enough reviews',
    (aggregation) => {
      // Prepare
      const rules = exampleRules(aggregation);

      // Act
      const ranking = rankProposals(rules, EXAMPLE_PROPOSALS, exampleSheets());

      // Assess
      expect(ranking.map((r) => [r.proposalId, r.rank, r.score, r.status])).toEqual([
        ...EXAMPLE_RANKING[aggregation].map(([id, score], index) => [id, index + 1, score, 'ranked']),
        ['D', null, null, 'not-enough-reviews'],
      ]);
    },
  );

  it('reports for each proposal its sheet count, mean, criterion means and outliers', () => {
    // Prepare
    const rules = exampleRules('trimmed-mean');

    // Act
    const ranking = rankProposals(rules, EXAMPLE_PROPOSALS, exampleSheets());

    // Assess
    for (const [id, expected] of Object.entries(EXAMPLE_PER_PROPOSAL)) {
      const result = byId(ranking, id);
      expect(result.sheetCount, id).toBe(expected.sheets);
      expect(result.mean, id).toBe(expected.mean);
      expect(result.criterionScores['need-fit'], id).toBe(expected.needFit);
      expect(result.criterionScores.feasibility, id).toBe(expected.feasibility);
      expect(
        result.judges.filter((j) => j.outlier).map((j) => j.judgeId),
        id,
      ).toEqual(expected.outliers);
      expect(
        result.judges.map((j) => j.total),
        id,
      ).toEqual(EXAMPLE_TOTALS[id]);
    }
  });

  it('gives C’s whole criterion means and drops one lowest and one highest sheet per ranked proposal', () => {
    // Prepare
    const rules = exampleRules('trimmed-mean');

    // Act
    const ranking = rankProposals(rules, EXAMPLE_PROPOSALS, exampleSheets());

    // Assess
    expect(byId(ranking, 'C').criterionScores).toEqual({
      'need-fit': 1810,
      feasibility: 1780,
      'team-capacity': 1080,
      budget: 1040,
      participation: 1420,
    });
    for (const [id, expected] of Object.entries(EXAMPLE_PER_PROPOSAL)) {
      const dropped = byId(ranking, id)
        .judges.filter((j) => j.dropped)
        .map((j) => j.judgeId);
      expect(dropped, id).toEqual(expected.dropped);
    }
  });

  it('decides the 80.00 tie between A and B on feasibility, after need-fit ties at 20.40', () => {
    // Prepare
    const needFitOnly = { ...exampleRules('trimmed-mean'), tieBreak: ['need-fit'] };
    const aFirstOnRequest = EXAMPLE_PROPOSALS.map((p) =>
      p.id === 'A' ? { ...p, requestedFen: 4_000_000 } : p,
    );

    // Act
    const byFeasibility = rankProposals(exampleRules('trimmed-mean'), aFirstOnRequest, exampleSheets());
    const byRequest = rankProposals(needFitOnly, EXAMPLE_PROPOSALS, exampleSheets());
    const byRequestAFirst = rankProposals(needFitOnly, aFirstOnRequest, exampleSheets());

    // Assess
    expect(byFeasibility.slice(0, 2).map((r) => r.proposalId)).toEqual(['B', 'A']);
    expect(byRequest.slice(0, 2).map((r) => r.proposalId)).toEqual(['B', 'A']);
    expect(byRequestAFirst.slice(0, 2).map((r) => r.proposalId)).toEqual(['A', 'B']);
  });

  it('normalizes every sheet under the z-score to the documented values', () => {
    // Prepare
    const rules = exampleRules('z-score');

    // Act
    const ranking = rankProposals(rules, EXAMPLE_PROPOSALS, exampleSheets());

    // Assess
    for (const [id, expected] of Object.entries(EXAMPLE_NORMALIZED)) {
      expect(
        byId(ranking, id).judges.map((j) => j.normalized),
        id,
      ).toEqual(expected);
    }
  });

  it('is what the tables of docs/scoring.md say', () => {
    // Prepare
    const doc = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');

    // Act
    const [sheetsTable] = tablesUnder(doc, '### Sheets');
    const [perProposalTable] = tablesUnder(doc, '### Per proposal');
    const [rankingTable] = tablesUnder(doc, '### Ranking');
    const [, normalizedTable] = tablesUnder(doc, '### The z-score in this example');

    // Assess
    expect(sheetsTable!.map(([p, j, ...points]) => [p, j, ...points.map(hundredths)])).toEqual(
      EXAMPLE_SHEETS.map(([p, j, ...values]) => [p, j, ...values, values.reduce((a, b) => a + b, 0)]),
    );
    expect(
      perProposalTable!.map(([id, sheets, sum, mean, trimmed, median, needFit, feasibility, outliers]) => [
        id,
        Number(sheets),
        hundredths(sum!),
        hundredths(mean!),
        trimmed === '–' ? null : hundredths(trimmed!.split(' ')[0]!),
        trimmed === '–' ? [] : [...trimmed!.matchAll(/j\d/g)].map((m) => m[0]).sort(),
        median === '–' ? null : hundredths(median!),
        hundredths(needFit!),
        hundredths(feasibility!),
        outliers === '–' ? [] : outliers!.split(', '),
      ]),
    ).toEqual(
      Object.entries(EXAMPLE_PER_PROPOSAL).map(([id, e]) => [
        id,
        e.sheets,
        e.sum,
        e.mean,
        e.trimmed,
        e.dropped,
        e.median,
        e.needFit,
        e.feasibility,
        e.outliers,
      ]),
    );
    expect(
      rankingTable!.map(([aggregation, ...places]) => [
        aggregation,
        places.slice(0, 3).map((place) => {
          const [id, score] = place.split(' ');
          return [id, hundredths(score!)];
        }),
        places[3],
      ]),
    ).toEqual(Object.entries(EXAMPLE_RANKING).map(([aggregation, ranked]) => [aggregation, ranked, 'D']));
    expect(
      normalizedTable!.map(([id, ...values]) => [
        id,
        values.slice(0, 5).filter(Boolean).map(hundredths),
        values[5],
      ]),
    ).toEqual(
      Object.entries(EXAMPLE_NORMALIZED).map(([id, values]) => {
        const score = EXAMPLE_RANKING['z-score'].find(([ranked]) => ranked === id)?.[1];
        return [id, values, score === undefined ? '–' : formatPoints(score)];
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('rounding half up', () => {
  it.each([
    [5, 2, 3],
    [7, 2, 4],
    [-5, 2, -2],
    [-7, 2, -3],
    [1, 3, 0],
    [2, 3, 1],
    [-1, 3, 0],
    [-2, 3, -1],
    [28_050, 4, 7013],
    [21_350, 3, 7117],
    [21_100, 3, 7033],
    [8000, 1, 8000],
    [Number.MAX_SAFE_INTEGER, 2, 2 ** 52],
  ])('rounds %i / %i to %i', (numerator, denominator, expected) => {
    // Act
    const rounded = roundHalfUp(numerator, denominator);

    // Assess
    expect(rounded).toBe(expected);
  });

  it('gives a plain zero, never -0, for a small negative quotient', () => {
    // Act
    const rounded = roundHalfUp(-1, 3);

    // Assess
    expect(Object.is(rounded, 0)).toBe(true);
  });

  it.each([
    [1, 0],
    [1, -2],
    [1.5, 2],
    [3, 1.5],
    [Number.NaN, 2],
    [2 ** 53, 2],
  ])('refuses %d / %d', (numerator, denominator) => {
    // Act
    const act = () => roundHalfUp(numerator, denominator);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('points for display', () => {
  it.each([
    [0, '0.00'],
    [50, '0.50'],
    [7117, '71.17'],
    [10_000, '100.00'],
    [-250, '-2.50'],
  ])('shows %i hundredths as %s', (value, text) => {
    // Act
    const shown = formatPoints(value);

    // Assess
    expect(shown).toBe(text);
  });
});

describe('a sheet’s scores', () => {
  const submit = sheetScoresSchema(DEFAULT_RUBRIC, { complete: true });
  const draft = sheetScoresSchema(DEFAULT_RUBRIC, { complete: false });
  const full = {
    'need-fit': 2200,
    feasibility: 2000,
    'team-capacity': 1200,
    budget: 1250,
    participation: 1600,
  };
  const problems = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((issue) => [
      issue.path.join('.'),
      (issue as { params?: { code?: string } }).params?.code ?? 'zod',
    ]);

  it('accepts every criterion in half-point steps and totals them', () => {
    // Act
    const result = submit.safeParse(full);

    // Assess
    expect(result.data).toEqual(full);
    expect(sheetTotal(result.data!)).toBe(8250);
  });

  it.each([
    ['above its maximum', { 'need-fit': 2550 }, 'score.range'],
    ['negative', { budget: -50 }, 'score.range'],
    ['not a half-point step', { feasibility: 2025 }, 'score.halfPoint'],
    ['not an integer number of hundredths', { participation: 1600.5 }, 'score.halfPoint'],
  ])('refuses a score %s at its criterion', (_, change, code) => {
    // Prepare
    const scores = { ...full, ...change };

    // Act
    const result = submit.safeParse(scores);

    // Assess
    expect(problems(result)).toEqual([[Object.keys(change)[0], code]]);
  });

  it('refuses a criterion the rubric does not have, in a draft too', () => {
    // Prepare
    const scores = { 'need-fit': 2000, charisma: 500 };

    // Act
    const result = draft.safeParse(scores);

    // Assess
    expect(problems(result)).toEqual([['charisma', 'contest.unknownCriterion']]);
    expect(issueMessage(result.error!.issues[0]!.message, 'en')).toBe(
      '“charisma” is not a criterion of the rubric',
    );
  });

  it('keeps a draft with criteria left out but refuses to submit it, naming each missing one', () => {
    // Prepare
    const scores = { 'need-fit': 2000, budget: 1000 };

    // Act
    const asDraft = draft.safeParse(scores);
    const asSubmitted = submit.safeParse(scores);

    // Assess
    expect(asDraft.data).toEqual(scores);
    expect(problems(asSubmitted)).toEqual([
      ['feasibility', 'score.missing'],
      ['team-capacity', 'score.missing'],
      ['participation', 'score.missing'],
    ]);
  });

  it('reports every problem of a sheet at once, in points and in both languages', () => {
    // Prepare
    const scores = { ...full, 'need-fit': 2600, 'team-capacity': 1225, extra: 0 };

    // Act
    const issues = submit.safeParse(scores).error!.issues;

    // Assess
    expect(issues.map((issue) => issueMessage(issue.message, 'en'))).toEqual([
      'The score for “需求契合度” must be between 0 and 25 points',
      'The score for “团队能力” must be in steps of 0.5 points',
      '“extra” is not a criterion of the rubric',
    ]);
    expect(issueMessage(issues[0]!.message, 'zh-CN')).toBe('“需求契合度”的得分须在 0 至 25 分之间');
  });

  it.each([
    ['a string', '20'],
    ['null', null],
    ['infinity', Number.POSITIVE_INFINITY],
    ['not a number', Number.NaN],
  ])('refuses %s as a score', (_, value) => {
    // Prepare
    const scores = { ...full, budget: value };

    // Act
    const result = submit.safeParse(scores);

    // Assess
    expect(problems(result)).toEqual([['budget', 'zod']]);
  });

  it('refuses something that is not an object of scores', () => {
    // Act
    const results = [null, [], 'scores', 42].map((value) => draft.safeParse(value).success);

    // Assess
    expect(results).toEqual([false, false, false, false]);
  });
});

describe('aggregation', () => {
  it('trims one lowest and one highest total with five sheets but not with four', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'trimmed-mean' });
    const totals = [6000, 7000, 7500, 8000, 9500];
    const five = totals.map((total, index) => totalSheet('five', `j${index}`, total));
    const four = totals.slice(0, 4).map((total, index) => totalSheet('four', `j${index}`, total));

    // Act
    const ranking = rankProposals(rules, [proposal('five'), proposal('four')], [...five, ...four]);

    // Assess
    expect(byId(ranking, 'five').score).toBe(7500); // (7000 + 7500 + 8000) / 3
    expect(byId(ranking, 'five').judges.map((j) => j.dropped)).toEqual([true, false, false, false, true]);
    expect(byId(ranking, 'four').score).toBe(7125); // 28500 / 4
    expect(byId(ranking, 'four').judges.some((j) => j.dropped)).toBe(false);
  });

  it('drops only one of several equal highest totals, the last judge’s, and rounds the rest half up', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'trimmed-mean' });
    const totals = [8000, 7000, 8000, 7050, 6000, 8000];
    const sheets = totals.map((total, index) => totalSheet('p', `j${index}`, total));

    // Act
    const [result] = rankProposals(rules, [proposal('p')], sheets);

    // Assess
    expect(result!.judges.filter((j) => j.dropped).map((j) => j.judgeId)).toEqual(['j4', 'j5']);
    expect(result!.score).toBe(7513); // (8000 + 7000 + 8000 + 7050) / 4 = 7512.5
  });

  it('takes the middle total for an odd count and the mean of the two middle ones for an even count', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'median' });
    const odd = [9000, 6000, 7050].map((total, index) => totalSheet('odd', `j${index}`, total));
    const even = [9000, 6000, 7050, 7500].map((total, index) => totalSheet('even', `j${index}`, total));

    // Act
    const ranking = rankProposals(rules, [proposal('odd'), proposal('even')], [...odd, ...even]);

    // Assess
    expect(byId(ranking, 'odd').score).toBe(7050);
    expect(byId(ranking, 'even').score).toBe(7275); // (7050 + 7500) / 2
  });

  it('orders totals as numbers when taking the median, so 9.50 sorts below 10.00', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'median' });
    const sheets = [2000, 950, 1000].map((total, index) => totalSheet('p', `j${index}`, total));

    // Act
    const [result] = rankProposals(rules, [proposal('p')], sheets);

    // Assess
    expect(result!.score).toBe(1000);
  });

  it('rounds the mean half up once, at the end', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'mean' });
    const sheets = [7000, 7000, 7000, 7050].map((total, index) => totalSheet('p', `j${index}`, total));

    // Act
    const [result] = rankProposals(rules, [proposal('p')], sheets);

    // Assess
    expect(result!.score).toBe(7013); // 28050 / 4 = 7012.5
    expect(result!.mean).toBe(7013);
  });
});

describe('z-score normalisation', () => {
  it('gives a harsh and a lenient judge who agree on the order the same normalized values', () => {
    // Prepare: the harsh judge scores 30 points below the lenient one, with the same spread.
    const rules = overallRules({ aggregation: 'z-score' });
    const sheets = [
      totalSheet('p1', 'harsh', 4000),
      totalSheet('p2', 'harsh', 5000),
      totalSheet('p3', 'harsh', 6000),
      totalSheet('p1', 'lenient', 7000),
      totalSheet('p2', 'lenient', 8000),
      totalSheet('p3', 'lenient', 9000),
    ];

    // Act
    const ranking = rankProposals(
      rules,
      ['p1', 'p2', 'p3'].map((id) => proposal(id)),
      sheets,
    );

    // Assess
    expect(ranking.map((r) => r.proposalId)).toEqual(['p3', 'p2', 'p1']);
    for (const result of ranking) {
      const [harsh, lenient] = result.judges;
      expect(harsh!.normalized, result.proposalId).toBe(lenient!.normalized);
    }
    // overall mean 65, overall sd √(1750/6)·100 ≈ 17.08 points, z = −1.2247, 0, +1.2247
    expect(ranking.map((r) => r.score)).toEqual([8592, 6500, 4408]);
  });

  it('ranks by the consensus where the plain mean follows who happened to judge', () => {
    // Prepare: true order p4 > p3 > p2 > p1. The harsh judge saw p2–p4, the lenient one p1–p3.
    const sheets = [
      totalSheet('p2', 'harsh', 5000),
      totalSheet('p3', 'harsh', 6000),
      totalSheet('p4', 'harsh', 7000),
      totalSheet('p1', 'lenient', 7000),
      totalSheet('p2', 'lenient', 8000),
      totalSheet('p3', 'lenient', 9000),
    ];
    const proposals = ['p1', 'p2', 'p3', 'p4'].map((id) => proposal(id));

    // Act
    const byMean = rankProposals(overallRules({ aggregation: 'mean' }), proposals, sheets);
    const byZ = rankProposals(overallRules({ aggregation: 'z-score' }), proposals, sheets);

    // Assess
    expect(byMean.map((r) => [r.proposalId, r.score])).toEqual([
      ['p3', 7500],
      ['p1', 7000],
      ['p4', 7000],
      ['p2', 6500],
    ]);
    // overall mean 70, sd √(1000/6)·100 = 12.91 points; z = ∓1.2247 → 70 ∓ 15.81
    expect(byZ.map((r) => [r.proposalId, r.score])).toEqual([
      ['p4', 8581],
      ['p3', 7791],
      ['p2', 6209],
      ['p1', 5419],
    ]);
  });

  it('counts every sheet of a judge with one total, or one sheet, as the overall mean', () => {
    // Prepare
    const sheets = [
      totalSheet('p1', 'flat', 7000),
      totalSheet('p2', 'flat', 7000),
      totalSheet('p1', 'once', 9000),
      totalSheet('p1', 'spread', 6000),
      totalSheet('p2', 'spread', 8050),
    ];

    // Act
    const ranking = rankProposals(
      overallRules({ aggregation: 'z-score' }),
      [proposal('p1'), proposal('p2')],
      sheets,
    );

    // Assess: overall mean 37050 / 5 = 7410
    const normalized = ranking.flatMap((r) => r.judges.map((j) => [r.proposalId, j.judgeId, j.normalized]));
    expect(normalized).toContainEqual(['p1', 'flat', 7410]);
    expect(normalized).toContainEqual(['p2', 'flat', 7410]);
    expect(normalized).toContainEqual(['p1', 'once', 7410]);
  });

  it('clamps normalized values to the 0–100 scale', () => {
    // Prepare: a judge who sets one sheet 50 above (or below) nine equal ones gives it z = +3 (−3);
    // a third judge's 0s and 100s make the overall sd about 28.87 points around a mean of 50.
    const steady = Array.from({ length: 10 }, (_, i) => totalSheet(`p${i}`, 'steady', i === 9 ? 5050 : 5000));
    const low = Array.from({ length: 10 }, (_, i) => totalSheet(`p${i}`, 'low', i === 9 ? 4950 : 5000));
    const wide = Array.from({ length: 10 }, (_, i) => totalSheet(`p${i}`, 'wide', i < 5 ? 10_000 : 0));
    const proposals = Array.from({ length: 10 }, (_, i) => proposal(`p${i}`));

    // Act
    const ranking = rankProposals(overallRules({ aggregation: 'z-score' }), proposals, [
      ...steady,
      ...low,
      ...wide,
    ]);

    // Assess: 50 + 3 × 28.87 and 50 − 3 × 28.87 fall outside the scale; the wide judge's 0 is 50 − 28.87.
    const p9 = byId(ranking, 'p9');
    expect(p9.judges.map((j) => [j.judgeId, j.normalized])).toEqual([
      ['low', 0],
      ['steady', 10_000],
      ['wide', 2113],
    ]);
    expect(p9.score).toBe(4038); // (0 + 10000 + 2113.22) / 3
  });

  it('leaves normalized out under the other aggregations', () => {
    // Act
    const [result] = rankProposals(overallRules(), [proposal('p')], [totalSheet('p', 'j', 5000)]);

    // Assess
    expect(result!.judges).toEqual([{ judgeId: 'j', total: 5000, outlier: false, dropped: false }]);
  });
});

describe('quorum', () => {
  it('lists a proposal below the minimum of sheets as not enough reviews, with its mean and judges', () => {
    // Prepare
    const rules = overallRules({ aggregation: 'trimmed-mean', minJudges: 3, outlierMargin: 500 });
    const sheets = [
      totalSheet('short', 'j2', 9000),
      totalSheet('short', 'j1', 7950),
      totalSheet('full', 'j1', 6000),
      totalSheet('full', 'j2', 6000),
      totalSheet('full', 'j3', 6000),
    ];

    // Act
    const ranking = rankProposals(rules, [proposal('short'), proposal('none'), proposal('full')], sheets);

    // Assess
    expect(ranking).toEqual([
      expect.objectContaining({ proposalId: 'full', status: 'ranked', rank: 1, score: 6000 }),
      {
        proposalId: 'none',
        status: 'not-enough-reviews',
        rank: null,
        score: null,
        mean: 0,
        criterionScores: { overall: 0 },
        sheetCount: 0,
        judges: [],
      },
      {
        proposalId: 'short',
        status: 'not-enough-reviews',
        rank: null,
        score: null,
        mean: 8475,
        criterionScores: { overall: 8475 },
        sheetCount: 2,
        judges: [
          { judgeId: 'j1', total: 7950, outlier: true, dropped: false },
          { judgeId: 'j2', total: 9000, outlier: true, dropped: false },
        ],
      },
    ]);
  });

  it('ignores sheets of proposals that are not in the list', () => {
    // Prepare
    const sheets = [
      totalSheet('p', 'j1', 7000),
      totalSheet('withdrawn', 'j1', 9000),
      totalSheet('withdrawn', 'j2', 1),
    ];

    // Act
    const ranking = rankProposals(overallRules({ aggregation: 'z-score' }), [proposal('p')], sheets);

    // Assess
    expect(ranking.map((r) => [r.proposalId, r.score, r.judges[0]?.normalized])).toEqual([['p', 7000, 7000]]);
  });
});

describe('outliers', () => {
  it('flags a sheet more than the margin from the exact mean, not from the rounded one', () => {
    // Prepare: mean 22550 / 3 = 7516.67; 8550 is 1033.33 above it (1033 above the rounded 7517).
    const sheets = [totalSheet('p', 'j1', 7000), totalSheet('p', 'j2', 7000), totalSheet('p', 'j3', 8550)];

    // Act
    const [atMargin] = rankProposals(overallRules({ outlierMargin: 1033 }), [proposal('p')], sheets);
    const [wider] = rankProposals(overallRules({ outlierMargin: 1034 }), [proposal('p')], sheets);

    // Assess
    expect(atMargin!.judges.map((j) => j.outlier)).toEqual([false, false, true]);
    expect(wider!.judges.map((j) => j.outlier)).toEqual([false, false, false]);
  });

  it('does not flag a sheet exactly at the margin', () => {
    // Prepare: mean 7000, both sheets exactly 1000 away.
    const sheets = [totalSheet('p', 'j1', 6000), totalSheet('p', 'j2', 8000)];

    // Act
    const [exactly] = rankProposals(overallRules({ outlierMargin: 1000 }), [proposal('p')], sheets);
    const [inside] = rankProposals(overallRules({ outlierMargin: 950 }), [proposal('p')], sheets);

    // Assess
    expect(exactly!.judges.map((j) => j.outlier)).toEqual([false, false]);
    expect(inside!.judges.map((j) => j.outlier)).toEqual([true, true]);
  });
});

describe('ranking ties', () => {
  const twoCriteria: Rubric = [
    { code: 'first', name: '甲', maxPoints: 5000 },
    { code: 'second', name: '乙', maxPoints: 5000 },
  ];
  const pair = (proposalId: string, judgeId: string, first: number, second: number): ScoredSheet => ({
    proposalId,
    judgeId,
    scores: { first, second },
    total: first + second,
  });

  it('compares tie-break criterion means exactly across different sheet counts', () => {
    // Prepare: both score 80.00; "first" means 40.17 (3 sheets) against 40.125 (4 sheets).
    const rules: RankingRules = { ...overallRules(), rubric: twoCriteria, tieBreak: ['first'] };
    const sheets = [
      pair('three', 'j1', 4000, 4000),
      pair('three', 'j2', 4000, 4000),
      pair('three', 'j3', 4050, 3950),
      pair('four', 'j1', 4000, 4000),
      pair('four', 'j2', 4000, 4000),
      pair('four', 'j3', 4000, 4000),
      pair('four', 'j4', 4050, 3950),
    ];

    // Act
    const ranking = rankProposals(rules, [proposal('four'), proposal('three')], sheets);

    // Assess
    expect(ranking.map((r) => [r.proposalId, r.score, r.criterionScores.first])).toEqual([
      ['three', 8000, 4017],
      ['four', 8000, 4013],
    ]);
  });

  it('uses the tie-break criteria in the contest’s order', () => {
    // Prepare: x is ahead on "first", y on "second".
    const sheets = [pair('x', 'j1', 4100, 3900), pair('y', 'j1', 3900, 4100)];
    const proposals = [proposal('x'), proposal('y')];

    // Act
    const firstFirst = rankProposals(
      { ...overallRules(), rubric: twoCriteria, tieBreak: ['first', 'second'] },
      proposals,
      sheets,
    );
    const secondFirst = rankProposals(
      { ...overallRules(), rubric: twoCriteria, tieBreak: ['second', 'first'] },
      proposals,
      sheets,
    );

    // Assess
    expect(firstFirst.map((r) => r.proposalId)).toEqual(['x', 'y']);
    expect(secondFirst.map((r) => r.proposalId)).toEqual(['y', 'x']);
  });

  it('then prefers the lower request, then the earlier submission, then the lower id', () => {
    // Prepare: every proposal scores 70.00 on every criterion mean.
    const proposals = [
      proposal('e', 2_000_000, '2026-03-01T00:00:00.000Z'),
      proposal('d', 1_000_000, '2026-03-05T00:00:00.000Z'),
      proposal('c', 1_000_000, '2026-03-05T00:00:00.000Z'),
      proposal('b', 1_000_000, '2026-03-04T23:59:59.000Z'),
      proposal('a', 3_000_000, '2026-02-01T00:00:00.000Z'),
    ];
    const sheets = proposals.map((p) => totalSheet(p.id, 'j1', 7000));

    // Act
    const ranking = rankProposals(overallRules({ tieBreak: ['overall'] }), proposals, sheets);

    // Assess
    expect(ranking.map((r) => [r.proposalId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 4],
      ['a', 5],
    ]);
  });

  it('compares submission times as instants, whatever their offset', () => {
    // Prepare: 09:00+08:00 is 01:00Z, before 02:00Z, though it sorts after it as text (and as id).
    const proposals = [
      proposal('y', 1000, '2026-03-10T02:00:00.000Z'),
      proposal('z', 1000, '2026-03-10T09:00:00+08:00'),
    ];
    const sheets = [totalSheet('z', 'j1', 7000), totalSheet('y', 'j1', 7000)];

    // Act
    const ranking = rankProposals(overallRules(), proposals, sheets);

    // Assess
    expect(ranking.map((r) => r.proposalId)).toEqual(['z', 'y']);
  });
});

describe('input the ranking refuses as a programming error', () => {
  const good = () => [totalSheet('p', 'j1', 7000)];

  it.each<[string, Partial<RankingRules>, RankableProposal[], ScoredSheet[]]>([
    [
      'a total that is not the sum of the scores',
      {},
      [proposal('p')],
      [{ ...totalSheet('p', 'j1', 7000), total: 7050 }],
    ],
    ['two sheets by one judge for one proposal', {}, [proposal('p')], [...good(), ...good()]],
    ['a proposal listed twice', {}, [proposal('p'), proposal('p')], good()],
    [
      'a sheet missing a criterion',
      {},
      [proposal('p')],
      [{ proposalId: 'p', judgeId: 'j1', scores: {}, total: 0 }],
    ],
    [
      'a sheet with a criterion outside the rubric',
      {},
      [proposal('p')],
      [{ proposalId: 'p', judgeId: 'j1', scores: { overall: 7000, extra: 0 }, total: 7000 }],
    ],
    ['a score that is not a half point', {}, [proposal('p')], [totalSheet('p', 'j1', 7001)]],
    ['a fractional requested amount', {}, [proposal('p', 100.5)], good()],
    ['an unreadable submission time', {}, [proposal('p', 100, 'yesterday')], good()],
    ['a tie-break criterion outside the rubric', { tieBreak: ['charisma'] }, [proposal('p')], good()],
    ['a minimum of no judges', { minJudges: 0 }, [proposal('p')], good()],
    ['a fractional outlier margin', { outlierMargin: 0.5 }, [proposal('p')], good()],
    ['an unknown aggregation', { aggregation: 'mode' as Aggregation }, [proposal('p')], good()],
    [
      'a rubric that does not add up to 100',
      { rubric: [{ code: 'overall', name: '综合', maxPoints: 9000 }] },
      [proposal('p')],
      good(),
    ],
  ])('throws a ScoringInputError for %s', (_, rules, proposals, sheets) => {
    // Act
    const act = () => rankProposals(overallRules(rules), proposals, sheets);

    // Assess
    expect(act).toThrow(ScoringInputError);
    expect(act).toThrow(expect.objectContaining({ name: 'ScoringInputError' }));
  });
});
