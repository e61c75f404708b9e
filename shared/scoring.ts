import { z } from 'zod';

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
  name: z.string().trim().min(1).max(60),
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
