import { Code, CodeName, codeFromName, TypedCodeName } from '../codes.ts';
import { PositiveFen } from '../money.ts';
import { Aggregation, DEFAULT_RUBRIC, FULL_MARKS, Rubric } from '../scoring.ts';
import { NameText, RequiredText } from '../text.ts';
import { z } from '../zod.ts';

export const CONTEST_STATUSES = [
  'draft',
  'open',
  'screening',
  'review',
  'publicity',
  'locked',
  'awarded',
  'cancelled',
] as const;
export const ContestStatus = z.enum(CONTEST_STATUSES);
export type ContestStatus = z.infer<typeof ContestStatus>;

export const MAX_CONTEST_COMMUNITIES = 200;

export const SHORTLIST_POLICIES = ['rank-fill', 'rank-strict', 'max-score'] as const;

export { Code, CodeName, codeFromName } from '../codes.ts';

/** A list of codes and names as typed: a code may be left out and is then made from the name. */
function codeNameList(kind: string, max: number) {
  return z
    .array(TypedCodeName)
    .min(1)
    .max(max)
    .transform((entries): CodeName[] => {
      const taken = new Set(entries.flatMap((entry) => (entry.code ? [entry.code] : [])));
      return entries.map(({ code, name }) => {
        if (code) return { code, name };
        const made = codeFromName(name, kind, taken);
        taken.add(made);
        return { code: made, name };
      });
    });
}

/**
 * Every response that carries a category or community code carries its name too, from the
 * contest's lists (absent only for a draft's code that is not in them).
 */
export function codeNames(
  contest: { categories: readonly CodeName[]; communities: readonly CodeName[] },
  codes: { category?: string | undefined; community?: string | undefined },
): { categoryName?: string; communityName?: string } {
  const categoryName = contest.categories.find((entry) => entry.code === codes.category)?.name;
  const communityName = contest.communities.find((entry) => entry.code === codes.community)?.name;
  return { ...(categoryName ? { categoryName } : {}), ...(communityName ? { communityName } : {}) };
}

/** Notice numbers read `<prefix>〔year〕n号`, so the prefix cannot hold brackets of its own. */
export const NoticePrefix = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^〔〕[\]【】()（）]+$/);

/** ISO-8601 with an offset on the way in; stored as UTC. */
export const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * How the bundle is filled. Part of the rules, so frozen when the contest opens: changing them
 * after seeing the proposals would let the result be steered.
 */
const Shortlisting = z.strictObject({
  policy: z.enum(SHORTLIST_POLICIES),
  /** Proposals below this aggregated score (hundredths) are never funded. */
  minScore: z.number().int().min(0).max(FULL_MARKS).optional(),
  /** Per category: how many selected proposals at least / at most. */
  categoryQuotas: z
    .record(
      Code,
      z.strictObject({
        min: z.number().int().min(0).max(1000).optional(),
        max: z.number().int().min(0).max(1000).optional(),
      }),
    )
    .optional(),
  /** No community gets more than this share of the budget, in basis points (3000 = 30%). */
  communityMaxShareBp: z.number().int().min(1).max(10_000).optional(),
  /** The leftover may fund one more proposal down to its minimum viable amount. */
  partialFunding: z.boolean().optional(),
});

/** The rules a contest runs under. They freeze when the contest opens. */
const rulesShape = {
  title: NameText(100),
  callText: RequiredText(20_000),
  budgetFen: PositiveFen,
  capFen: PositiveFen,
  categories: codeNameList('category', 30),
  /**
   * From the office's list of communities (shared/office/communities.ts): an entry is placed on
   * it by code, or by name without one; a new one joins the list, its code made from the name
   * against the whole list. Codes are given to entries only there, never here.
   */
  communities: z.array(TypedCodeName).min(1).max(MAX_CONTEST_COMMUNITIES),
  rubric: Rubric,
  aggregation: Aggregation,
  /** Criteria codes that break ties in ranking, in order. */
  tieBreak: z.array(Code).max(20),
  minJudges: z.number().int().min(1).max(25),
  /** How many judges automatic assignment gives each proposal; at least minJudges (the quorum). */
  judgesPerProposal: z.number().int().min(1).max(25).optional(),
  /** A sheet further than this (hundredths) from the proposal's mean is flagged. */
  outlierMargin: z.number().int().min(0).max(FULL_MARKS),
  shortlisting: Shortlisting,
  submissionDeadline: Instant,
  reviewDeadline: Instant,
  publicityDays: z.number().int().min(1).max(30),
  noticePrefix: NoticePrefix,
};

export const ContestRulesFields = z.strictObject(rulesShape);

type Issue = { path: (string | number)[]; params: Record<string, string | number> };

/** Rules that span fields; one place, used on create and on every edit. */
export function crossCheckRules(rules: z.infer<typeof ContestRulesFields>): Issue[] {
  const issues: Issue[] = [];
  if (rules.capFen > rules.budgetFen)
    issues.push({ path: ['capFen'], params: { code: 'contest.capAboveBudget' } });
  if (rules.reviewDeadline <= rules.submissionDeadline) {
    issues.push({ path: ['reviewDeadline'], params: { code: 'contest.datesOutOfOrder' } });
  }
  for (const field of ['categories', 'communities'] as const) {
    const seen = new Set<string>();
    rules[field].forEach((entry, index) => {
      // A community without a code is new to the office's list and gets one there.
      if (entry.code === undefined) return;
      if (seen.has(entry.code)) {
        issues.push({
          path: [field, index, 'code'],
          params: { code: 'contest.duplicateCode', value: entry.code },
        });
      }
      seen.add(entry.code);
    });
  }
  if (rules.judgesPerProposal !== undefined && rules.judgesPerProposal < rules.minJudges) {
    issues.push({
      path: ['judgesPerProposal'],
      params: { code: 'contest.judgesBelowQuorum', minJudges: rules.minJudges },
    });
  }
  const criteria = new Set(rules.rubric.map((criterion) => criterion.code));
  rules.tieBreak.forEach((code, index) => {
    if (!criteria.has(code)) {
      issues.push({ path: ['tieBreak', index], params: { code: 'contest.unknownCriterion', value: code } });
    }
  });
  return issues;
}

export const ContestRules = ContestRulesFields.superRefine((rules, ctx) => {
  for (const issue of crossCheckRules(rules)) ctx.addIssue({ code: 'custom', ...issue, input: rules });
});
export type ContestRules = z.infer<typeof ContestRules>;

export const CONTEST_DEFAULTS = {
  rubric: DEFAULT_RUBRIC,
  aggregation: 'trimmed-mean',
  tieBreak: DEFAULT_RUBRIC.slice(0, 2).map((criterion) => criterion.code),
  minJudges: 5,
  outlierMargin: 1500,
  shortlisting: { policy: 'rank-fill' },
  publicityDays: 7,
} as const satisfies Partial<ContestRules>;

/** Creating a draft: the essentials, the rest from the defaults (and the office's notice prefix). */
export const ContestCreateInput = ContestRulesFields.partial({
  rubric: true,
  aggregation: true,
  tieBreak: true,
  minJudges: true,
  outlierMargin: true,
  shortlisting: true,
  publicityDays: true,
  noticePrefix: true,
});
export const ContestPatchInput = ContestRulesFields.partial();

export const Contest = z.object({
  ...rulesShape,
  categories: z.array(CodeName),
  communities: z.array(CodeName),
  submissionDeadline: z.string(),
  reviewDeadline: z.string(),
  id: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  status: ContestStatus,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  openedAt: z.string().optional(),
  closedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  cancelReason: z.string().optional(),
  /** Moves on with every write that changes what ranking reads in review (lifecycle.ts). */
  reviewRevision: z.number().int().optional(),
  /** Objections filed and not yet answered, moved in each objection's transaction (lifecycle.ts). */
  openObjections: z.number().int().optional(),
  requestHash: z.string().optional(),
});
export type Contest = z.infer<typeof Contest>;

/** Judges automatic assignment gives each proposal: the contest's setting, else its quorum. */
export function judgesPerProposal(contest: Pick<Contest, 'minJudges' | 'judgesPerProposal'>): number {
  return contest.judgesPerProposal ?? contest.minJudges;
}

export const CancelInput = z.strictObject({ reason: RequiredText(1000) });

/** What every page or client may read of a contest's call (no internal fields). */
export function publicContest(contest: Contest) {
  const { requestHash: _hash, createdBy: _by, ...rest } = contest;
  return rest;
}
