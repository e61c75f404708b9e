import type { CursorCodec } from '../cursor.ts';
import { type Db, keyPrefix, queryAll } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { type PageOf, type PageRequest, queryPaged } from '../paging.ts';
import { Reopening, SheetStatus } from '../review/panel.ts';
import { readEntity } from '../versioned.ts';
import { z } from '../zod.ts';
import { ProcurementPhase } from './lifecycle.ts';
import { ProcurementSetupFields } from './model.ts';

/**
 * The stored entities of a procurement and the reads that serve them. Everything lives in the
 * procurement's partition (`PROCUREMENT#<id>`, see shared/keys.ts), so one paginated Query reads
 * a whole procurement; docs/data-model.md lists the access patterns.
 */

/** An officer's decision not to take a candidate (Art. 28), with its reason, on the record. */
export const Declined = z.object({ bidId: z.string(), reason: z.string(), by: z.string(), at: z.string() });

export const Procurement = z.object({
  ...ProcurementSetupFields.shape,
  id: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  status: ProcurementPhase,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string(),
  requestHash: z.string().optional(),
  announcedAt: z.string().optional(),
  /** Moves on with every sheet and conflict: a recommendation commits on the revision it read. */
  evaluationRevision: z.number().int().optional(),
  /** The panel's ranked candidates (bid ids), frozen by `recommend`. */
  candidates: z.array(z.string()).optional(),
  declined: z.array(Declined).optional(),
  awardedBidId: z.string().optional(),
  awardedAt: z.string().optional(),
  /** When the last of the deal and result notices was issued, in that notice's transaction. */
  noticesIssuedAt: z.string().optional(),
  terminatedAt: z.string().optional(),
  terminationReason: z.string().optional(),
});
export type Procurement = z.infer<typeof Procurement>;

/** A supplier's bid: the team (the supplier) as it was when it bid, its price and parts. */
export const Bid = z.object({
  procurementId: z.string(),
  /** The supplier's team; also the bid's id (one bid per supplier). */
  teamId: z.string(),
  supplierName: z.string(),
  ownerSub: z.string(),
  /** A registered organisation with its certificate when it bid (`isRegisteredSupplier`). */
  registered: z.boolean(),
  certificateNumber: z.string().optional(),
  priceFen: z.number().int(),
  parts: z.record(z.string(), z.string()),
  submittedAt: z.string(),
  /** Its If-Match tag: 1 as sent, one more at each amendment (bids stored before have none: 1). */
  version: z.number().int().min(1).default(1),
  /** When the supplier last amended it (Art. 13), before the bidding deadline. */
  amendedAt: z.string().optional(),
});
export type Bid = z.infer<typeof Bid>;

export const FinalQuotation = z.object({
  procurementId: z.string(),
  teamId: z.string(),
  quotationFen: z.number().int(),
  submittedAt: z.string(),
});
export type FinalQuotation = z.infer<typeof FinalQuotation>;

export const ProcurementConflict = z.object({
  procurementId: z.string(),
  teamId: z.string(),
  judgeId: z.string(),
  reason: z.string(),
  declaredAt: z.string(),
});
export type ProcurementConflict = z.infer<typeof ProcurementConflict>;

/**
 * A panel member's sheet for one bid (its life is the review panel's, shared/review/panel.ts): a
 * draft is the member's own, never read by anyone else nor counted; a submitted sheet is final
 * unless an officer reopens it before the recommendation, with the reason kept in `reopenings`.
 * Scores are integer hundredths of a point by criterion code (a draft may lack some); `total`
 * is their sum.
 */
export const BidSheet = z.object({
  procurementId: z.string(),
  teamId: z.string(),
  judgeId: z.string(),
  status: SheetStatus,
  scores: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  /** Every time an officer reopened the submitted sheet, with the reason: the record stays. */
  reopenings: z.array(Reopening),
});
export type BidSheet = z.infer<typeof BidSheet>;

/**
 * A stored sheet read back. Sheets written before drafts existed were submitted in one write and
 * carry neither status nor version: they read as submitted, version 1, made when submitted.
 */
export function parseBidSheet(item: Record<string, unknown>): BidSheet {
  const stored = withoutKeys(item);
  const at = typeof stored.submittedAt === 'string' ? stored.submittedAt : undefined;
  return BidSheet.parse({
    status: 'submitted',
    version: 1,
    createdAt: at,
    updatedAt: at,
    reopenings: [],
    ...stored,
  });
}

export function procurementItem(procurement: Procurement) {
  return {
    ...keys.procurement(procurement.id),
    ...keys.procurementByOffice(procurement.officeId, procurement.createdAt, procurement.id),
    ...(procurement.announcedAt
      ? keys.announcedProcurement(procurement.biddingDeadline, procurement.id)
      : {}),
    entityType: ENTITY.procurement,
    ...procurement,
  };
}

export const bidItem = (bid: Bid) => ({
  ...keys.bid(bid.procurementId, bid.teamId),
  entityType: ENTITY.bid,
  ...bid,
});
export const finalQuotationItem = (quotation: FinalQuotation) => ({
  ...keys.finalQuotation(quotation.procurementId, quotation.teamId),
  entityType: ENTITY.finalQuotation,
  ...quotation,
});
export const conflictItem = (conflict: ProcurementConflict) => ({
  ...keys.procurementConflict(conflict.procurementId, conflict.teamId, conflict.judgeId),
  entityType: ENTITY.procurementConflict,
  ...conflict,
});
export const sheetItem = (sheet: BidSheet) => ({
  ...keys.bidSheet(sheet.procurementId, sheet.judgeId, sheet.teamId),
  entityType: ENTITY.bidSheet,
  ...sheet,
});

const parseProcurement = (item: Record<string, unknown>) => Procurement.parse(withoutKeys(item));

export function getProcurement(db: Db, procurementId: string): Promise<Procurement | undefined> {
  return readEntity(db, keys.procurement(procurementId), parseProcurement);
}

export function getBid(db: Db, procurementId: string, teamId: string): Promise<Bid | undefined> {
  return readEntity(db, keys.bid(procurementId, teamId), (item) => Bid.parse(withoutKeys(item)));
}

/** A member's sheet for one bid, if there is one. */
export function getBidSheet(
  db: Db,
  procurementId: string,
  judgeId: string,
  teamId: string,
): Promise<BidSheet | undefined> {
  return readEntity(db, keys.bidSheet(procurementId, judgeId, teamId), parseBidSheet);
}

/** Access pattern: an office's procurements, newest first (gsi1). */
export function listProcurementsByOffice(
  db: Db,
  cursors: CursorCodec,
  officeId: string,
  page: PageRequest,
): Promise<PageOf<Procurement>> {
  const input = {
    ...keyPrefix(keys.procurementByOffice(officeId, '', '').gsi1pk, 'PROCUREMENT#', 'gsi1'),
    ScanIndexForward: false,
  } as const;
  return queryPaged(db, cursors, `office-procurements:${officeId}`, input, page, parseProcurement);
}

/** Access pattern: every announced procurement (never a draft), latest bidding deadline first (sparse gsi2). */
export function listAnnouncedProcurements(
  db: Db,
  cursors: CursorCodec,
  page: PageRequest,
): Promise<PageOf<Procurement>> {
  const input = {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.announcedProcurement('', '').gsi2pk },
    ScanIndexForward: false,
  } as const;
  return queryPaged(db, cursors, 'announced-procurements', input, page, parseProcurement);
}

/** A supplier's final quotation, if it gave one. */
export function getFinalQuotation(
  db: Db,
  procurementId: string,
  teamId: string,
): Promise<FinalQuotation | undefined> {
  return readEntity(db, keys.finalQuotation(procurementId, teamId), (item) =>
    FinalQuotation.parse(withoutKeys(item)),
  );
}

/** A whole procurement: the procurement and every bid, quotation, conflict and sheet in it. */
export interface WholeProcurement {
  procurement: Procurement;
  bids: Bid[];
  finalQuotations: FinalQuotation[];
  conflicts: ProcurementConflict[];
  sheets: BidSheet[];
}

/** Access pattern: a whole procurement, one paginated Query of its partition. */
export async function readWholeProcurement(
  db: Db,
  procurementId: string,
): Promise<WholeProcurement | undefined> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.procurementPartition(procurementId).pk },
    ConsistentRead: true,
  });
  const of = <T>(type: string, schema: z.ZodType<T>) =>
    items.filter((item) => item.entityType === type).map((item) => schema.parse(withoutKeys(item)));
  const [procurement] = of(ENTITY.procurement, Procurement);
  if (!procurement) return undefined;
  return {
    procurement,
    bids: of(ENTITY.bid, Bid),
    finalQuotations: of(ENTITY.finalQuotation, FinalQuotation),
    conflicts: of(ENTITY.procurementConflict, ProcurementConflict),
    sheets: items.filter((item) => item.entityType === ENTITY.bidSheet).map(parseBidSheet),
  };
}
