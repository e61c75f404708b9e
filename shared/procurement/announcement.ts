import { type Locale, type MessageCode, t } from '../i18n.ts';
import { formatYuan } from '../money.ts';
import { formatPoints } from '../scoring.ts';
import type { Evaluation, NonResponsiveReason } from './evaluation.ts';

/**
 * The result announcement (成交结果公告, 财库〔2014〕214号 Art. 29) as rows: every supplier that bid,
 * with its final quotation, price, technical and total score and rank, or why it was not scored.
 * Amounts in yuan and scores in points, as people read them; the order is the evaluation's (the
 * ranked bids, then the others).
 */
export interface AnnouncementRow {
  bidId: string;
  supplier: string;
  /** 1-based rank, null when not ranked. */
  rank: number | null;
  /** "146,800.00", or null without a final quotation. */
  finalQuotationYuan: string | null;
  priceScore: string | null;
  technicalScore: string | null;
  total: string | null;
  /** `awarded` for the confirmed candidate, `candidate` for every other responsive bid. */
  outcome: 'awarded' | 'candidate' | 'not-responsive';
  /** Why a bid was not scored, in the reader's language. */
  reasons: string[];
}

/** One reason in the reader's language, with amounts in yuan and each missing part by name. */
export function reasonText(
  reason: NonResponsiveReason,
  locale: Locale,
  partNames: Record<string, string> = {},
): string {
  const aboveCeiling = (code: MessageCode, amountFen: number, ceilingFen: number) =>
    t(locale, code, { amount: formatYuan(amountFen), ceiling: formatYuan(ceilingFen) });
  switch (reason.code) {
    case 'unregistered':
      return t(locale, 'procurement.reason.unregistered');
    case 'above-ceiling':
      return aboveCeiling('procurement.reason.aboveCeiling', reason.priceFen, reason.ceilingFen);
    case 'final-above-ceiling':
      return aboveCeiling('procurement.reason.finalAboveCeiling', reason.quotationFen, reason.ceilingFen);
    case 'missing-parts':
      return t(locale, 'procurement.reason.missingParts', {
        parts: reason.parts.map((code) => partNames[code] ?? code).join(locale === 'en' ? ', ' : '、'),
      });
    case 'no-final-quotation':
      return t(locale, 'procurement.reason.noFinalQuotation');
  }
}

const points = (value: number | null) => (value === null ? null : formatPoints(value));

/**
 * The announcement's rows for an evaluation, with each supplier's name (by supplier id) and the
 * bid the officer confirmed (undefined before the award).
 */
export function announcementRows(
  evaluation: Pick<Evaluation, 'bids'>,
  supplierNames: Readonly<Record<string, string>>,
  awardedBidId: string | undefined,
  locale: Locale,
  partNames: Record<string, string> = {},
): AnnouncementRow[] {
  return evaluation.bids.map((bid) => ({
    bidId: bid.bidId,
    supplier: supplierNames[bid.supplierId] ?? bid.supplierId,
    rank: bid.rank,
    finalQuotationYuan: bid.finalQuotationFen === null ? null : formatYuan(bid.finalQuotationFen),
    priceScore: points(bid.priceScore),
    technicalScore: points(bid.technicalScore),
    total: points(bid.total),
    outcome: !bid.responsive ? 'not-responsive' : bid.bidId === awardedBidId ? 'awarded' : 'candidate',
    reasons: bid.reasons.map((reason) => reasonText(reason, locale, partNames)),
  }));
}
