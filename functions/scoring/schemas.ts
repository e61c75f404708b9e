import { z } from '@hono/zod-openapi';
import { Contest } from '../../shared/contest/model.ts';
import { Assignment, BlindProposal, CELL_STATES, PanelJudge, Sheet } from '../../shared/review/model.ts';
import { etag } from '../../shared/versioned.ts';
import { Id, JudgeId } from '../http/params.ts';

export { ContestParams } from '../http/params.ts';
export const ProposalParams = z.object({ contestId: Id, proposalId: Id });
export const PanelParams = z.object({ contestId: Id, judgeId: JudgeId });
export const PairParams = z.object({ contestId: Id, proposalId: Id, judgeId: JudgeId });

export const PanelJudgeOut = PanelJudge.openapi('PanelJudge');
export const AssignmentOut = Assignment.openapi('Assignment');
export const SheetOut = Sheet.openapi('Sheet');
export const Pair = z.object({ proposalId: z.string(), judgeId: z.string() });
export const PlanOut = z
  .object({
    added: z.array(Pair),
    removed: z.array(Pair),
    shortfalls: z.array(z.object({ proposalId: z.string(), missing: z.number().int() })),
  })
  .openapi('AssignmentPlan');
export const ProgressOut = z
  .object({
    judges: z.array(z.object({ judgeId: z.string(), name: z.string() })),
    proposals: z.array(z.object({ id: z.string(), title: z.string() })),
    cells: z.array(z.object({ proposalId: z.string(), judgeId: z.string(), state: z.enum(CELL_STATES) })),
    submitted: z.number().int(),
    /** The sheets assigned, conflicts aside. */
    expected: z.number().int(),
    judgesPerProposal: z.number().int(),
    shortOfJudges: z.array(z.object({ proposalId: z.string(), missing: z.number().int() })),
  })
  .openapi('ReviewProgress');
export const JudgeScoreOut = z.object({
  judgeId: z.string(),
  name: z.string(),
  total: z.number().int(),
  normalized: z.number().optional(),
  outlier: z.boolean(),
  dropped: z.boolean(),
});
export const RankedOut = z.object({
  proposalId: z.string(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  community: z.string(),
  communityName: z.string(),
  requestedFen: z.number().int(),
  minViableFen: z.number().int().optional(),
  status: z.enum(['ranked', 'not-enough-reviews']),
  rank: z.number().int().nullable(),
  score: z.number().int().nullable(),
  mean: z.number().int(),
  criterionScores: z.record(z.string(), z.number().int()),
  sheetCount: z.number().int(),
  judges: z.array(JudgeScoreOut),
});
export const RankingOut = z
  .object({
    aggregation: Contest.shape.aggregation,
    minJudges: z.number().int(),
    outlierMargin: z.number().int(),
    items: z.array(RankedOut),
  })
  .openapi('Ranking');
export const BlindOut = z
  .object({
    proposal: BlindProposal,
    rubric: Contest.shape.rubric,
  })
  .openapi('BlindProposal');
export const MyAssignmentOut = AssignmentOut.extend({ sheet: z.enum(['missing', 'draft', 'submitted']) });

export const withEtag = (version: number) => ({ ETag: etag(version) });
