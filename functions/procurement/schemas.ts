import { z } from '@hono/zod-openapi';
import { isOfficerOf, type Principal } from '../../shared/auth.ts';
import {
  Bid,
  BidSheet,
  FinalQuotation,
  Procurement,
  ProcurementConflict,
} from '../../shared/procurement/store.ts';
import { RequiredText } from '../../shared/text.ts';
import { etag } from '../../shared/versioned.ts';
import { Id, JudgeId } from '../http/params.ts';

export const OfficeParams = z.object({ officeId: Id });
export const ProcurementParams = z.object({ procurementId: Id });
export const BidParams = z.object({ procurementId: Id, teamId: Id });
export const BidSheetParams = z.object({ procurementId: Id, teamId: Id, judgeId: JudgeId });

export const ReasonInput = z.strictObject({ reason: RequiredText(1_000) });

export const ProcurementOut = Procurement.omit({ requestHash: true, createdBy: true })
  .extend({
    panel: Procurement.shape.panel.optional().openapi({
      description:
        "The panel (磋商小组): the office's officers read it, and everyone once awarded (the result announcement names it); before that a panel member reads only their own entry and anyone else nothing",
    }),
  })
  .openapi('Procurement');
export const BidOut = Bid.openapi('Bid');
/** An opened bid as the office and the panel read it: the owner's account id to the office only. */
export const OpenedBidOut = Bid.extend({
  ownerSub: Bid.shape.ownerSub.optional(),
  finalQuotationFen: z.number().int().nullable(),
}).openapi('OpenedBid');
export const FinalQuotationOut = FinalQuotation.openapi('FinalQuotation');
export const BidSheetOut = BidSheet.openapi('BidSheet');
/** Scores in hundredths of a point by criterion code; checked against the criteria in the domain. */
export const BidSheetInput = z
  .strictObject({ scores: z.record(z.string().max(40), z.number()) })
  .openapi('BidSheetInput');
/** Submitting: no body submits the stored draft; a body is the whole sheet, saved and submitted. */
export const SubmitBidSheetInput = BidSheetInput.partial().openapi('SubmitBidSheetInput');
export const ProcurementConflictOut = ProcurementConflict.openapi('ProcurementConflict');

/**
 * A procurement as its reader may see it: the office's officers read everything; others do not
 * read the internal fields, nor the candidates and declines before the award, nor the panel's
 * names: the panel stays confidential until the result is set (招标投标法 Art. 37, the practice
 * consultation follows), so bidders cannot approach its members. A member sees their own entry.
 */
export function procurementView(procurement: Procurement, principal: Principal | undefined) {
  const { requestHash: _hash, createdBy: _by, ...rest } = procurement;
  if (isOfficerOf(principal, procurement.officeId) || procurement.status === 'awarded') return rest;
  const {
    candidates: _candidates,
    declined: _declined,
    evaluationRevision: _revision,
    panel,
    ...shown
  } = rest;
  const own = panel.filter((member) => member.judgeId === principal?.sub);
  return own.length > 0 ? { ...shown, panel: own } : shown;
}

export const withEtag = (version: number) => ({ ETag: etag(version) });
