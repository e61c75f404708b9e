import { Code } from '../contest/model.ts';
import { Fen } from '../money.ts';
import { Proposal } from '../proposal/model.ts';
import { NameText, RequiredText } from '../text.ts';
import { z } from '../zod.ts';
import { Reopening, SheetStatus } from './panel.ts';

/**
 * Judging records, all in the contest's partition: the panel, who reviews what, declared
 * conflicts and score sheets. Scores are integer hundredths of a point.
 */
export const PanelJudge = z.object({
  contestId: z.string(),
  judgeId: z.string(),
  name: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  /**
   * How many of the judge's sheets in this contest are submitted: every submit adds one and
   * every reopening takes one away, in the same transaction, so removing a judge from the
   * panel can be conditioned on it being 0 (absent on items written before it existed).
   */
  submittedSheets: z.number().int().optional(),
});
export type PanelJudge = z.infer<typeof PanelJudge>;

export const AddJudgeInput = z.strictObject({ name: NameText(40) });

export const Assignment = z.object({
  contestId: z.string(),
  proposalId: z.string(),
  judgeId: z.string(),
  source: z.enum(['manual', 'auto']),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;

export const ManualAssignmentInput = z.strictObject({
  proposalId: z.string().min(1).max(64),
  judgeId: z.string().min(1).max(128),
});

export const Conflict = z.object({
  contestId: z.string(),
  proposalId: z.string(),
  judgeId: z.string(),
  /** Declared by the judge, or found by the system (the judge owns the proposing team). */
  source: z.enum(['declared', 'team-member']),
  reason: z.string(),
  declaredAt: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const ConflictInput = z.strictObject({ reason: RequiredText(500) });

export const Sheet = z.object({
  contestId: z.string(),
  proposalId: z.string(),
  judgeId: z.string(),
  status: SheetStatus,
  scores: z.record(z.string(), z.number().int()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string().optional(),
  recommendedFen: Fen.optional(),
  total: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  /** Every time an officer reopened the submitted sheet, with the reason: the record stays. */
  reopenings: z.array(Reopening),
});
export type Sheet = z.infer<typeof Sheet>;

/** Scores are checked against the contest's rubric in the domain (sheetScoresSchema). */
export const SheetInput = z.strictObject({
  scores: z.record(z.string().max(40), z.number()),
  comments: z.record(Code, z.string().trim().max(2_000)).optional(),
  overallComment: z.string().trim().max(5_000).optional(),
  recommendedFen: Fen.optional(),
});
export type SheetInput = z.infer<typeof SheetInput>;

/** Submitting: no body submits the stored draft; a body is the whole sheet, saved and submitted. */
export const SubmitSheetInput = SheetInput.partial({ scores: true });

export { CELL_STATES, type CellState, isCountedSheet, ReopenInput } from './panel.ts';

/** What a judge sees of a proposal: the project, never the people (no team, names or phones). */
export const BlindProposal = Proposal.pick({
  id: true,
  contestId: true,
  title: true,
  category: true,
  categoryName: true,
  community: true,
  communityName: true,
  need: true,
  plan: true,
  schedule: true,
  expectedBeneficiaries: true,
  budgetLines: true,
  requestedFen: true,
  minViableFen: true,
  submittedAt: true,
});
