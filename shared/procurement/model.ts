import { Code, CodeName, Instant, NoticePrefix } from '../contest/model.ts';
import { PositiveFen } from '../money.ts';
import { Criterion, FULL_MARKS, FULL_WEIGHT_BP, formatPoints } from '../scoring.ts';
import { NameText, RequiredText } from '../text.ts';
import { z } from '../zod.ts';

/**
 * A competitive consultation's set-up (磋商文件的评审规则), as docs/procurement.md states each rule
 * with its article of 财库〔2014〕214号. Money is whole fen, points are hundredths, the price weight
 * is basis points (2000 bp = 20 % = 20.00 price points).
 */
export const PROCUREMENT_KINDS = ['services', 'goods'] as const;
export type ProcurementKind = (typeof PROCUREMENT_KINDS)[number];

/** Art. 24: the price weight's band, basis points, inclusive. Outside it only with the finance department's approval. */
export const PRICE_WEIGHT_BANDS: Record<ProcurementKind, { min: number; max: number }> = {
  services: { min: 1000, max: 3000 },
  goods: { min: 3000, max: 6000 },
};

/** Art. 10: at least 10 days from the documents going out to the bidding deadline. */
export const MIN_BIDDING_DAYS = 10;
const DAY_MS = 86_400_000;

/** Art. 14: the panel has an odd number of members, at least 3. */
export const MIN_PANEL = 3;
export const MAX_PANEL = 25;

/** A scored criterion: technical (技术) or business (商务); both are scored by the panel. */
export const ProcurementCriterion = Criterion.extend({ kind: z.enum(['technical', 'business']) });
export type ProcurementCriterion = z.infer<typeof ProcurementCriterion>;

export const PanelMember = z.strictObject({
  judgeId: z.string().min(1).max(128),
  name: NameText(40),
});
export type PanelMember = z.infer<typeof PanelMember>;

/** The finance department's approval of a price weight outside its band (Art. 24), as recorded. */
export const WeightApproval = z.strictObject({
  reason: RequiredText(1_000),
  reference: RequiredText(100).optional(),
});

const setupShape = {
  /** Read by the public on the announcement, notices and OCDS: visible text, no bidi controls. */
  title: NameText(100),
  /** The service or goods wanted: the substance of the consultation documents. */
  description: RequiredText(20_000),
  kind: z.enum(PROCUREMENT_KINDS),
  /** 政府购买服务项目: with only 2 responsive suppliers the consultation may go on (财库〔2015〕124号). */
  governmentPurchasedService: z.boolean(),
  /** 最高限价, whole fen. */
  ceilingFen: PositiveFen,
  priceWeightBp: z.number().int().min(0).max(FULL_WEIGHT_BP),
  weightApproval: WeightApproval.optional(),
  criteria: z.array(ProcurementCriterion).min(1).max(20),
  /** The parts every bid must contain (响应文件的组成部分); a bid missing one is non-responsive. */
  requiredParts: z.array(CodeName).min(1).max(20),
  /** Fewer responsive suppliers than this terminates the procurement (Art. 21, 34; 124号 for 2). */
  minResponsive: z.union([z.literal(2), z.literal(3)]),
  panel: z.array(PanelMember).min(1).max(MAX_PANEL),
  biddingDeadline: Instant,
  finalQuotationDeadline: Instant,
  /** Notice numbers read `<prefix>〔year〕n号`; the office's prefix when not given. */
  noticePrefix: NoticePrefix.optional(),
};

export const ProcurementSetupFields = z.strictObject(setupShape);
export type ProcurementSetupFields = z.infer<typeof ProcurementSetupFields>;

type Issue = { path: (string | number)[]; params: Record<string, string | number> };

function duplicateIssues(values: readonly string[], path: (index: number) => (string | number)[]): Issue[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    const repeated = seen.has(value);
    seen.add(value);
    return repeated ? [{ path: path(index), params: { code: 'contest.duplicateCode', value } }] : [];
  });
}

/** Rules that span fields; one place, used on create and on every edit. */
export function crossCheckSetup(setup: ProcurementSetupFields): Issue[] {
  const issues: Issue[] = [];
  const band = PRICE_WEIGHT_BANDS[setup.kind];
  if ((setup.priceWeightBp < band.min || setup.priceWeightBp > band.max) && !setup.weightApproval) {
    issues.push({
      path: ['priceWeightBp'],
      params: {
        code: 'procurement.weightOutsideBand',
        weight: formatPoints(setup.priceWeightBp),
        min: formatPoints(band.min),
        max: formatPoints(band.max),
      },
    });
  }
  const criteriaPoints = setup.criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  if (criteriaPoints + setup.priceWeightBp !== FULL_MARKS) {
    issues.push({
      path: ['criteria'],
      params: {
        code: 'procurement.pointsSum',
        criteria: formatPoints(criteriaPoints),
        price: formatPoints(setup.priceWeightBp),
      },
    });
  }
  issues.push(
    ...duplicateIssues(
      setup.criteria.map((criterion) => criterion.code),
      (index) => ['criteria', index, 'code'],
    ),
    ...duplicateIssues(
      setup.requiredParts.map((part) => part.code),
      (index) => ['requiredParts', index, 'code'],
    ),
  );
  if (setup.minResponsive === 2 && !(setup.kind === 'services' && setup.governmentPurchasedService)) {
    issues.push({ path: ['minResponsive'], params: { code: 'procurement.twoOnlyForPurchasedServices' } });
  }
  const members = setup.panel.length;
  if (members < MIN_PANEL || members % 2 === 0) {
    issues.push({ path: ['panel'], params: { code: 'procurement.panelSize', count: members } });
  }
  issues.push(
    ...duplicateIssues(
      setup.panel.map((member) => member.judgeId),
      (index) => ['panel', index, 'judgeId'],
    ).map((issue) => ({
      ...issue,
      params: { code: 'procurement.panelDuplicate', value: issue.params.value! },
    })),
  );
  if (setup.finalQuotationDeadline <= setup.biddingDeadline) {
    issues.push({ path: ['finalQuotationDeadline'], params: { code: 'procurement.datesOutOfOrder' } });
  }
  return issues;
}

export const ProcurementSetup = ProcurementSetupFields.superRefine((setup, ctx) => {
  for (const issue of crossCheckSetup(setup)) ctx.addIssue({ code: 'custom', ...issue, input: setup });
});
export type ProcurementSetup = z.infer<typeof ProcurementSetup>;

/**
 * Art. 10: announcing at `now` leaves at least MIN_BIDDING_DAYS (calendar days, counted as whole
 * 24-hour days) before the bidding deadline. The issues, empty when the deadline is late enough.
 */
export function announceIssues(setup: Pick<ProcurementSetup, 'biddingDeadline'>, now: Date): Issue[] {
  const earliest = new Date(now.getTime() + MIN_BIDDING_DAYS * DAY_MS).toISOString();
  return Date.parse(setup.biddingDeadline) < Date.parse(earliest)
    ? [
        {
          path: ['biddingDeadline'],
          params: {
            code: 'procurement.biddingTooShort',
            days: MIN_BIDDING_DAYS,
            earliest,
          },
        },
      ]
    : [];
}

/** A supplier's bid: the price (whole fen) and the text of each required part. Attachments are a later seam. */
export const BidInput = z.strictObject({
  priceFen: PositiveFen,
  /** Each part's text: required parts need visible text (a zero-width or filler-only part is missing). */
  parts: z.record(Code, RequiredText(20_000)),
});
export type BidInput = z.infer<typeof BidInput>;

/**
 * Calling the final quotations (Art. 21) may set their deadline anew, since the consultation may
 * run past the one planned at set-up; absent, the set-up's deadline stands. Either way it must
 * still be ahead (`procurement.quotationDeadlinePast`).
 */
export const CallFinalQuotationsInput = z.strictObject({ finalQuotationDeadline: Instant.optional() });
export type CallFinalQuotationsInput = z.infer<typeof CallFinalQuotationsInput>;

export const FinalQuotationInput = z.strictObject({ quotationFen: PositiveFen });
