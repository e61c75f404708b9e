import { PositiveFen } from '../money.ts';
import { RequiredText } from '../text.ts';
import { z } from '../zod.ts';

const Id = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);
const Reason = RequiredText(500);

/**
 * The officer's decisions on top of the rules: trimmed amounts, manual adds and drops, and
 * near-duplicates marked as mutually exclusive. Every one carries its reason, shown in publicity.
 */
export const DecisionsInput = z.strictObject({
  trims: z.record(Id, z.strictObject({ approvedFen: PositiveFen, reason: Reason })).optional(),
  add: z
    .array(z.strictObject({ proposalId: Id, reason: Reason }))
    .max(200)
    .optional(),
  drop: z
    .array(z.strictObject({ proposalId: Id, reason: Reason }))
    .max(200)
    .optional(),
  incompatibleGroups: z.array(z.array(Id).min(2).max(50)).max(200).optional(),
});
export type DecisionsInput = z.infer<typeof DecisionsInput>;

/** Publishing takes no body, or a confirmation that open score sheets may be left out. */
export const PublishInput = z.strictObject({ confirmOpenSheets: z.literal(true).optional() });

export const Decisions = z.object({
  contestId: z.string(),
  trims: z.record(z.string(), z.object({ approvedFen: z.number().int(), reason: z.string() })),
  add: z.array(z.object({ proposalId: z.string(), reason: z.string() })),
  drop: z.array(z.object({ proposalId: z.string(), reason: z.string() })),
  incompatibleGroups: z.array(z.array(z.string())),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Decisions = z.infer<typeof Decisions>;

/** One line of a published or locked bundle, as the public reads it (no personal data). */
export const BundleLine = z.object({
  proposalId: z.string(),
  title: z.string(),
  category: z.string(),
  community: z.string(),
  /** The codes' names (absent in records published before names were kept with codes). */
  categoryName: z.string().optional(),
  communityName: z.string().optional(),
  rank: z.number().int().nullable(),
  score: z.number().int().nullable(),
  requestedFen: z.number().int(),
  amountFen: z.number().int(),
  selected: z.boolean(),
  group: z.enum(['selected', 'not-funded', 'excluded']),
  /** Why: the shortlisting reason, with its parameters. */
  reason: z.looseObject({ code: z.string() }),
  /** The officer's trim of the amount, with the reason. */
  trim: z.object({ approvedFen: z.number().int(), reason: z.string() }).optional(),
});
export type BundleLine = z.infer<typeof BundleLine>;

export const BundleSummary = z.object({
  policy: z.string(),
  budgetFen: z.number().int(),
  usedFen: z.number().int(),
  leftFen: z.number().int(),
  totalScore: z.number().int(),
  selectedCount: z.number().int(),
  lines: z.array(BundleLine),
});
export type BundleSummary = z.infer<typeof BundleSummary>;

/** The bundle proposed for publicity (公示), frozen as published. */
export const Publicity = z.object({
  contestId: z.string(),
  publishedAt: z.string(),
  endsAt: z.string(),
  publishedBy: z.string(),
  bundle: BundleSummary,
  /** The audit trail's head as sealed just before publishing. */
  auditAnchor: z.object({ count: z.number().int(), head: z.string() }).optional(),
});
export type Publicity = z.infer<typeof Publicity>;

export const ObjectionInput = z.strictObject({
  proposalId: Id.optional(),
  text: RequiredText(2_000),
});

export const Objection = z.object({
  id: z.string(),
  contestId: z.string(),
  proposalId: z.string().optional(),
  text: z.string(),
  filedBy: z.string(),
  filedAt: z.string(),
  answer: z.string().optional(),
  answeredBy: z.string().optional(),
  answeredAt: z.string().optional(),
  /** The filed request's fingerprint, when it came with an Idempotency-Key. */
  requestHash: z.string().optional(),
});
export type Objection = z.infer<typeof Objection>;

export const AnswerInput = z.strictObject({ answer: RequiredText(2_000) });

/** The locked bundle: written once, never changed; its SHA-256 is published. */
export const LockedBundle = z.object({
  contestId: z.string(),
  lockedAt: z.string(),
  lockedBy: z.string(),
  content: z.object({
    contestId: z.string(),
    contestTitle: z.string(),
    officeId: z.string().optional(),
    officeName: z.string(),
    noticePrefix: z.string(),
    budgetFen: z.number().int().optional(),
    aggregation: z.string(),
    bundle: BundleSummary,
    /** Every submitted proposal's public facts as they were at the lock (teams' names too). */
    parties: z
      .array(
        z.object({
          proposalId: z.string(),
          title: z.string(),
          teamId: z.string(),
          teamName: z.string(),
          /** Set when screening found it ineligible: the reason given. */
          screenedOut: z.string().optional(),
        }),
      )
      .optional(),
    /**
     * The audit trail's head when the bundle was locked. The bundle's published SHA-256 covers
     * it, so cutting or rewriting the trail up to the lock can be detected later.
     */
    auditAnchor: z.object({ count: z.number().int(), head: z.string() }).optional(),
  }),
  sha256: z.string(),
});
export type LockedBundle = z.infer<typeof LockedBundle>;

export const Notice = z.object({
  contestId: z.string(),
  proposalId: z.string(),
  ownerSub: z.string(),
  teamId: z.string(),
  number: z.string(),
  sequence: z.number().int(),
  kind: z.enum(['selected', 'not-selected']),
  title: z.string(),
  contestTitle: z.string(),
  officeName: z.string(),
  officeContact: z.string().optional(),
  amountFen: z.number().int().optional(),
  amountCapital: z.string().optional(),
  score: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  reason: z.looseObject({ code: z.string() }),
  verificationCode: z.string(),
  bundleSha256: z.string(),
  issuedAt: z.string(),
  /** The audit trail's head as sealed before the notices went out. */
  auditAnchor: z.object({ count: z.number().int(), head: z.string() }).optional(),
});
export type Notice = z.infer<typeof Notice>;
