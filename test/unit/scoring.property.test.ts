import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATIONS,
  type Aggregation,
  DEFAULT_RUBRIC,
  HALF_POINT,
  type RankableProposal,
  type RankedProposal,
  type RankingRules,
  type Rubric,
  rankProposals,
  roundHalfUp,
  type ScoredSheet,
  sheetScoresSchema,
  sheetTotal,
} from '../../shared/scoring.ts';

const TWO_CRITERIA: Rubric = [
  { code: 'first', name: '甲', maxPoints: 6000 },
  { code: 'second', name: '乙', maxPoints: 4000 },
];
const JUDGES = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7'];
const INSTANTS = ['2026-03-01T00:00:00.000Z', '2026-03-01T08:00:00+08:00', '2026-03-02T12:30:00.000Z'];

/** A criterion's score: mostly one of a few round values, so that equal scores and tie-breaks happen. */
const score = (maxPoints: number) =>
  fc.oneof(
    {
      arbitrary: fc.constantFrom(0, Math.floor(maxPoints / 2 / HALF_POINT) * HALF_POINT, maxPoints),
      weight: 3,
    },
    {
      arbitrary: fc.integer({ min: 0, max: maxPoints / HALF_POINT }).map((steps) => steps * HALF_POINT),
      weight: 1,
    },
  );

const scores = (rubric: Rubric) =>
  fc.record(Object.fromEntries(rubric.map((criterion) => [criterion.code, score(criterion.maxPoints)])));

interface Contest {
  rules: RankingRules;
  proposals: RankableProposal[];
  sheets: ScoredSheet[];
}

const sheetsFor = (rubric: Rubric, proposalId: string): fc.Arbitrary<ScoredSheet[]> =>
  fc.subarray(JUDGES).chain((judges) =>
    fc.tuple(
      ...judges.map((judgeId) =>
        scores(rubric).map((values) => ({
          proposalId,
          judgeId,
          scores: values,
          total: sheetTotal(values),
        })),
      ),
    ),
  );

/** A contest's rules, its eligible proposals and submitted sheets (also for a proposal no longer listed). */
const contest = (aggregation?: Aggregation): fc.Arbitrary<Contest> =>
  fc.constantFrom(DEFAULT_RUBRIC, TWO_CRITERIA).chain((rubric) =>
    fc
      .record({
        rules: fc.record({
          rubric: fc.constant(rubric),
          aggregation: aggregation ? fc.constant(aggregation) : fc.constantFrom(...AGGREGATIONS),
          minJudges: fc.integer({ min: 1, max: 6 }),
          outlierMargin: fc.integer({ min: 0, max: 40 }).map((steps) => steps * HALF_POINT),
          tieBreak: fc.shuffledSubarray(rubric.map((criterion) => criterion.code)),
        }),
        proposals: fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^[a-f]{1,2}$/),
            requestedFen: fc.integer({ min: 1, max: 3 }).map((yuan) => yuan * 1_000_000),
            submittedAt: fc.constantFrom(...INSTANTS),
          }),
          { selector: (proposal) => proposal.id, maxLength: 10 },
        ),
      })
      .chain(({ rules, proposals }) =>
        fc.record({
          rules: fc.constant(rules),
          proposals: fc.constant(proposals),
          // Half the proposals copy one of a few shared sets of sheets: whole ties down to the id.
          sheets: fc
            .tuple(
              fc.array(sheetsFor(rubric, 'shared'), { minLength: 1, maxLength: 3 }),
              fc.tuple(
                ...[...proposals.map((p) => p.id), 'withdrawn'].map((id) =>
                  fc.tuple(fc.constant(id), fc.option(fc.nat(), { freq: 2 }), sheetsFor(rubric, id)),
                ),
              ),
            )
            .map(([shared, perProposal]) =>
              perProposal.flatMap(([id, pick, own]) =>
                pick === null
                  ? own
                  : shared[pick % shared.length]!.map((sheet) => ({ ...sheet, proposalId: id })),
              ),
            ),
        }),
      ),
  );

const maxOf = (code: string) => DEFAULT_RUBRIC.find((criterion) => criterion.code === code)!.maxPoints;
const ranked = (ranking: readonly RankedProposal[]) => ranking.filter((r) => r.status === 'ranked');
const sheetsOf = (input: Contest, proposalId: string) =>
  input.sheets.filter((s) => s.proposalId === proposalId);

describe('the ranking, for any contest', () => {
  it('does not depend on the order proposals and sheets are read in', () => {
    fc.assert(
      fc.property(
        contest().chain((input) =>
          fc.record({
            input: fc.constant(input),
            proposals: fc.shuffledSubarray(input.proposals, {
              minLength: input.proposals.length,
              maxLength: input.proposals.length,
            }),
            sheets: fc.shuffledSubarray(input.sheets, {
              minLength: input.sheets.length,
              maxLength: input.sheets.length,
            }),
          }),
        ),
        ({ input, proposals, sheets }) => {
          // Act
          const original = rankProposals(input.rules, input.proposals, input.sheets);
          const shuffled = rankProposals(input.rules, proposals, sheets);

          // Assess
          expect(shuffled).toEqual(original);
        },
      ),
    );
  });

  it('gives the same result for the same input, every time', () => {
    fc.assert(
      fc.property(contest(), (input) => {
        // Prepare
        const copy = structuredClone(input);

        // Act
        const first = rankProposals(input.rules, input.proposals, input.sheets);
        const second = rankProposals(copy.rules, copy.proposals, copy.sheets);

        // Assess
        expect(second).toEqual(first);
        expect(input).toEqual(copy);
      }),
    );
  });

  it('ranks only proposals with at least the minimum of sheets, and every such proposal', () => {
    fc.assert(
      fc.property(contest(), (input) => {
        // Act
        const ranking = rankProposals(input.rules, input.proposals, input.sheets);

        // Assess
        for (const result of ranking) {
          const count = sheetsOf(input, result.proposalId).length;
          expect(result.sheetCount).toBe(count);
          expect(result.status).toBe(count >= input.rules.minJudges ? 'ranked' : 'not-enough-reviews');
          expect(result.score === null).toBe(result.status !== 'ranked');
        }
      }),
    );
  });

  it('numbers the ranked proposals exactly 1..k, by falling score, then lists the rest by id', () => {
    fc.assert(
      fc.property(contest(), (input) => {
        // Act
        const ranking = rankProposals(input.rules, input.proposals, input.sheets);

        // Assess
        const k = ranked(ranking).length;
        expect(ranking.map((r) => r.proposalId).sort()).toEqual(input.proposals.map((p) => p.id).sort());
        expect(ranking.slice(0, k).map((r) => r.rank)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
        for (let i = 1; i < k; i++) expect(ranking[i]!.score!).toBeLessThanOrEqual(ranking[i - 1]!.score!);
        const rest = ranking.slice(k).map((r) => r.proposalId);
        expect(ranking.slice(k).every((r) => r.status === 'not-enough-reviews' && r.rank === null)).toBe(
          true,
        );
        expect(rest).toEqual([...rest].sort());
      }),
    );
  });

  it('flags exactly the sheets more than the margin from the proposal’s mean', () => {
    fc.assert(
      fc.property(contest(), (input) => {
        // Act
        const ranking = rankProposals(input.rules, input.proposals, input.sheets);

        // Assess: the same rule in fractions of whole sums, written independently of the module.
        for (const result of ranking) {
          const totals = result.judges.map((j) => j.total);
          const sum = totals.reduce((a, b) => a + b, 0);
          for (const judge of result.judges) {
            const distance = Math.abs(judge.total * totals.length - sum) / totals.length;
            expect(judge.outlier).toBe(distance > input.rules.outlierMargin);
          }
        }
      }),
    );
  });
});

describe('the aggregations, for any contest', () => {
  it.each(['trimmed-mean', 'mean', 'median'] as const)(
    'keep the %s between the lowest and the highest total',
    (aggregation) => {
      fc.assert(
        fc.property(contest(aggregation), (input) => {
          // Act
          const ranking = rankProposals(input.rules, input.proposals, input.sheets);

          // Assess
          for (const result of ranked(ranking)) {
            const totals = result.judges.map((j) => j.total);
            expect(result.score!).toBeGreaterThanOrEqual(Math.min(...totals));
            expect(result.score!).toBeLessThanOrEqual(Math.max(...totals));
          }
        }),
      );
    },
  );

  it('drop two sheets under the trimmed mean exactly when a ranked proposal has five or more', () => {
    fc.assert(
      fc.property(contest('trimmed-mean'), (input) => {
        // Act
        const ranking = rankProposals(input.rules, input.proposals, input.sheets);

        // Assess
        for (const result of ranking) {
          const dropped = result.judges.filter((j) => j.dropped).map((j) => j.total);
          const expected = result.status === 'ranked' && result.sheetCount >= 5 ? 2 : 0;
          expect(dropped).toHaveLength(expected);
          if (expected === 2) {
            const totals = result.judges.map((j) => j.total);
            expect(dropped.sort((a, b) => a - b)).toEqual([Math.min(...totals), Math.max(...totals)]);
          }
        }
      }),
    );
  });

  it('keep each judge’s order under the z-score: a higher total never normalizes lower', () => {
    fc.assert(
      fc.property(contest('z-score'), (input) => {
        // Act
        const ranking = rankProposals(input.rules, input.proposals, input.sheets);

        // Assess
        const byJudge = new Map<string, { total: number; normalized: number }[]>();
        for (const judge of ranking.flatMap((r) => r.judges)) {
          expect(judge.normalized).toBeGreaterThanOrEqual(0);
          expect(judge.normalized).toBeLessThanOrEqual(10_000);
          byJudge.set(judge.judgeId, [
            ...(byJudge.get(judge.judgeId) ?? []),
            { total: judge.total, normalized: judge.normalized! },
          ]);
        }
        for (const values of byJudge.values()) {
          values.sort((a, b) => a.total - b.total);
          for (let i = 1; i < values.length; i++) {
            const [lower, higher] = [values[i - 1]!, values[i]!];
            if (lower.total === higher.total) expect(higher.normalized).toBe(lower.normalized);
            else expect(higher.normalized).toBeGreaterThanOrEqual(lower.normalized);
          }
        }
      }),
    );
  });
});

describe('rounding half up, for any integers', () => {
  it('lands within half the denominator, with the half going up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e6 }),
        (numerator, denominator) => {
          // Act
          const rounded = roundHalfUp(numerator, denominator);

          // Assess: r = floor(n/d + 1/2) ⇔ −d ≤ 2(n − r·d) < d
          const twiceError = 2 * (numerator - rounded * denominator);
          expect(Number.isInteger(rounded)).toBe(true);
          expect(twiceError).toBeGreaterThanOrEqual(-denominator);
          expect(twiceError).toBeLessThan(denominator);
        },
      ),
    );
  });
});

describe('the sheet schema, for any sheet', () => {
  it('accepts every complete sheet in half points within the maximums', () => {
    fc.assert(
      fc.property(scores(DEFAULT_RUBRIC), (sheet) => {
        // Act
        const result = sheetScoresSchema(DEFAULT_RUBRIC, { complete: true }).safeParse(sheet);

        // Assess
        expect(result.data).toEqual(sheet);
      }),
    );
  });

  it('refuses a sheet with one score below zero, above its maximum or off the half-point grid', () => {
    const badScore = (maxPoints: number) =>
      fc.oneof(
        fc.integer({ min: -1_000_000, max: -1 }),
        fc.integer({ min: maxPoints + 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: maxPoints }).filter((value) => value % HALF_POINT !== 0),
        fc.double({ min: 0, max: maxPoints, noNaN: true }).filter((value) => !Number.isInteger(value)),
      );
    fc.assert(
      fc.property(
        scores(DEFAULT_RUBRIC),
        fc
          .constantFrom(...DEFAULT_RUBRIC)
          .chain((criterion) =>
            fc.record({ code: fc.constant(criterion.code), value: badScore(criterion.maxPoints) }),
          ),
        (sheet, { code, value }) => {
          // Prepare
          const changed = { ...sheet, [code]: value };

          // Act
          const result = sheetScoresSchema(DEFAULT_RUBRIC, { complete: false }).safeParse(changed);

          // Assess
          expect(
            result.error?.issues.map((issue) => [
              issue.path.join('.'),
              (issue as { params?: { code?: string } }).params?.code,
            ]),
          ).toEqual([[code, value < 0 || value > maxOf(code) ? 'score.range' : 'score.halfPoint']]);
        },
      ),
    );
  });
});
