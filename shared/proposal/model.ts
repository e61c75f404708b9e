import type { Contest } from '../contest/model.ts';
import { Code } from '../contest/model.ts';
import { MAX_FEN, PositiveFen, sumFen } from '../money.ts';
import { NameText, RequiredText } from '../text.ts';
import { pickShape } from '../validation.ts';
import { z } from '../zod.ts';

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** One budget line: amount = unit price × quantity, all in fen. */
export const BudgetLine = z
  .strictObject({
    item: NameText(100),
    unitPriceFen: PositiveFen,
    quantity: z.number().int().min(1).max(100_000),
    amountFen: PositiveFen,
  })
  .superRefine((line, ctx) => {
    const expected = line.unitPriceFen * line.quantity;
    if (line.amountFen !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountFen'],
        params: { code: 'proposal.lineAmount', expected: expected <= MAX_FEN ? expected : 'too large' },
        input: line,
      });
    }
  });
export type BudgetLine = z.infer<typeof BudgetLine>;

const contentShape = {
  title: NameText(100),
  category: Code,
  community: Code,
  /** The need it answers (需求). */
  need: RequiredText(5_000),
  plan: RequiredText(10_000),
  schedule: RequiredText(5_000),
  expectedBeneficiaries: z.number().int().min(1).max(1_000_000),
  budgetLines: z.array(BudgetLine).min(1).max(100),
  requestedFen: PositiveFen,
  /** 最低可执行金额: the least the team can still deliver with, if the budget is short. */
  minViableFen: PositiveFen.optional(),
};

/** A draft may be incomplete, but what it holds must be well formed. */
export const ProposalContentPatch = z.strictObject(contentShape).partial();
export type ProposalContent = z.infer<typeof ProposalContentPatch>;

export const ProposalCreateInput = ProposalContentPatch.extend({ teamId: z.string().min(1).max(64) });

/** What a submission must hold: every field, and the sums adding up. */
export const SubmittableContent = z.strictObject(contentShape).superRefine((content, ctx) => {
  const sum = sumFen(content.budgetLines.map((line) => line.amountFen));
  if (sum !== content.requestedFen) {
    ctx.addIssue({
      code: 'custom',
      path: ['requestedFen'],
      params: { code: 'proposal.budgetSum', sum, requested: content.requestedFen },
      input: content,
    });
  }
  if (content.minViableFen !== undefined && content.minViableFen > content.requestedFen) {
    ctx.addIssue({
      code: 'custom',
      path: ['minViableFen'],
      params: { code: 'proposal.minViableAboveRequested' },
      input: content,
    });
  }
});

/** The checks that need the contest: the cap, its categories and communities. */
export function contestChecks(contest: Contest, content: z.infer<typeof SubmittableContent>) {
  const errors: {
    path: string;
    code: 'proposal.aboveCap' | 'proposal.unknownCategory' | 'proposal.unknownCommunity';
    params: Record<string, string | number>;
  }[] = [];
  if (content.requestedFen > contest.capFen) {
    errors.push({
      path: 'requestedFen',
      code: 'proposal.aboveCap',
      params: { cap: contest.capFen, requested: content.requestedFen },
    });
  }
  if (!contest.categories.some((c) => c.code === content.category)) {
    errors.push({ path: 'category', code: 'proposal.unknownCategory', params: { value: content.category } });
  }
  if (!contest.communities.some((c) => c.code === content.community)) {
    errors.push({
      path: 'community',
      code: 'proposal.unknownCommunity',
      params: { value: content.community },
    });
  }
  return errors;
}

export const Eligibility = z.object({
  eligible: z.boolean(),
  reason: z.string().optional(),
  by: z.string(),
  at: z.string(),
});

const screeningFields = { eligible: z.boolean(), reason: RequiredText(1000).optional() };

/** An ineligible mark needs its reason: it is what the team reads. */
function reasonWhenIneligible(
  input: { eligible: boolean; reason?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (!input.eligible && !input.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], params: { code: 'screening.reasonRequired' }, input });
  }
}

export const ScreeningInput = z.strictObject(screeningFields).superRefine(reasonWhenIneligible);

/** One proposal of a bulk screening; `version` is that proposal's If-Match, when given. */
export const BulkScreeningItem = z
  .strictObject({
    proposalId: z.string().min(1).max(64),
    ...screeningFields,
    version: z.number().int().min(1).optional(),
  })
  .superRefine(reasonWhenIneligible);
export type BulkScreeningItem = z.infer<typeof BulkScreeningItem>;

/** Up to 100 proposals, each once. */
export const BulkScreeningInput = z
  .strictObject({ items: z.array(BulkScreeningItem).min(1).max(100) })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.items.forEach((item, index) => {
      if (seen.has(item.proposalId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'proposalId'],
          params: { code: 'screening.repeated' },
          input,
        });
      }
      seen.add(item.proposalId);
    });
  });

export const Proposal = z.object({
  ...ProposalContentPatch.shape,
  id: z.string(),
  contestId: z.string(),
  officeId: z.string(),
  teamId: z.string(),
  ownerSub: z.string(),
  status: ProposalStatus,
  /** Copied from the contest when the draft is made, so every write can commit on it. */
  contestDeadline: z.string(),
  /** The names of `category` and `community` in the contest's lists (frozen while it is open). */
  categoryName: z.string().optional(),
  communityName: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  withdrawnAt: z.string().optional(),
  eligibility: Eligibility.optional(),
  requestHash: z.string().optional(),
});
export type Proposal = z.infer<typeof Proposal>;

/** The team's content of a proposal, without its bookkeeping. */
export function proposalContent(proposal: Proposal): ProposalContent {
  return pickShape(ProposalContentPatch, proposal) as ProposalContent;
}

/** Reviewed, ranked and shortlisted: a submitted proposal that screening found eligible. */
export function isEligible(proposal: Proposal): boolean {
  return proposal.status === 'submitted' && proposal.eligibility?.eligible === true;
}

export function proposalView(proposal: Proposal) {
  const { requestHash: _hash, ownerSub: _owner, ...rest } = proposal;
  return rest;
}
