import { z } from '@hono/zod-openapi';
import {
  amendBid,
  declareConflict,
  listBids,
  mySheets,
  officeSheets,
  reopenSheet,
  saveSheet,
  submitBid,
  submitFinalQuotation,
  submitSheet,
  withdrawBid,
} from '../../shared/procurement/actions.ts';
import { BidInput, FinalQuotationInput } from '../../shared/procurement/model.ts';
import { ReopenInput } from '../../shared/review/panel.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  optionalIfMatch,
  optionalJsonBody,
  requireIfMatch,
} from '../http/params.ts';
import {
  BidOut,
  BidParams,
  BidSheetInput,
  BidSheetOut,
  BidSheetParams,
  FinalQuotationOut,
  OpenedBidOut,
  ProcurementConflictOut,
  ProcurementParams,
  ReasonInput,
  SubmitBidSheetInput,
  withEtag,
} from './schemas.ts';

/** What a withdrawal answers: the bid is gone, the organisation may bid again. */
const WithdrawnOut = z
  .object({ procurementId: z.string(), teamId: z.string(), withdrawnAt: z.string() })
  .openapi('WithdrawnBid');

/** Suppliers' bids and final quotations; the panel's conflicts and sheets. */
export function bidsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('submitBid', {
      request: { params: BidParams, body: jsonBody(BidInput.openapi('BidInput')) },
      description: 'The price in whole fen, at most the ceiling; one text per required part.',
      responses: {
        201: jsonResponse(BidOut, 'Received (sealed until the bidding deadline)'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const bid = await submitBid(deps, principalOf(c), procurementId, { ...c.req.valid('json'), teamId });
      return c.json(bid, 201, withEtag(bid.version));
    },
  );

  app.openapi(
    defineRoute('amendBid', {
      request: { params: BidParams, headers: IfMatchHeaders, body: jsonBody(BidInput.openapi('BidInput')) },
      description:
        'The whole bid again (price in whole fen, at most the ceiling; every part), before the bidding deadline; still sealed. If-Match: the ETag of the bid as last sent.',
      responses: {
        200: jsonResponse(BidOut, 'Amended (sealed until the bidding deadline)'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const ifMatch = requireIfMatch(c.req.valid('header')['if-match']);
      const bid = await amendBid(
        deps,
        principalOf(c),
        procurementId,
        { ...c.req.valid('json'), teamId },
        ifMatch,
      );
      return c.json(bid, 200, withEtag(bid.version));
    },
  );

  app.openapi(
    defineRoute('withdrawBid', {
      request: { params: BidParams, headers: IfMatchHeaders },
      description:
        "Before the bidding deadline; releases the organisation's one-bid claim in the same write, so it may bid again.",
      responses: {
        200: jsonResponse(WithdrawnOut, 'Withdrawn'),
        ...problems(400, 401, 403, 404, 409, 412),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      return c.json(await withdrawBid(deps, principalOf(c), procurementId, teamId, ifMatch), 200);
    },
  );

  app.openapi(
    defineRoute('listBids', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(OpenedBidOut) }), 'The bids, opened'),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const bids = await listBids(deps, principal, c.req.valid('param').procurementId);
      // Only the office's officers pass listBids with the officer role; the panel reads no account ids.
      if (principal.roles.includes('officer')) return c.json({ items: bids }, 200);
      return c.json({ items: bids.map(({ ownerSub: _owner, ...bid }) => bid) }, 200);
    },
  );

  app.openapi(
    defineRoute('submitFinalQuotation', {
      request: { params: BidParams, body: jsonBody(FinalQuotationInput.openapi('FinalQuotationInput')) },
      responses: {
        201: jsonResponse(FinalQuotationOut, 'Received'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const quotation = await submitFinalQuotation(deps, principalOf(c), procurementId, {
        ...c.req.valid('json'),
        teamId,
      });
      return c.json(quotation, 201);
    },
  );

  app.openapi(
    defineRoute('declareBidConflict', {
      request: { params: BidParams, body: jsonBody(ReasonInput) },
      responses: {
        200: jsonResponse(ProcurementConflictOut, 'Recorded'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      return c.json(
        await declareConflict(deps, principalOf(c), procurementId, teamId, c.req.valid('json').reason),
        200,
      );
    },
  );

  app.openapi(
    defineRoute('saveBidSheet', {
      request: { params: BidParams, headers: IfMatchHeaders, body: jsonBody(BidSheetInput) },
      description:
        'A draft: the member’s own (nobody else reads it, it never counts); scores in hundredths, some may be missing.',
      responses: {
        201: jsonResponse(BidSheetOut, 'Draft created'),
        200: jsonResponse(BidSheetOut, 'Draft saved'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const { sheet, created } = await saveSheet(
        deps,
        principalOf(c),
        procurementId,
        teamId,
        c.req.valid('json').scores,
        ifMatch,
      );
      return c.json(sheet, created ? 201 : 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('submitBidSheet', {
      request: {
        params: BidParams,
        headers: IfMatchHeaders,
        body: optionalJsonBody(SubmitBidSheetInput),
      },
      description:
        'Without a body, submits the saved draft; with `scores`, saves and submits them in one write. Final unless an officer reopens it.',
      responses: {
        200: jsonResponse(BidSheetOut, 'Submitted'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const sheet = await submitSheet(
        deps,
        principalOf(c),
        procurementId,
        teamId,
        c.req.valid('json').scores,
        ifMatch,
      );
      return c.json(sheet, 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('reopenBidSheet', {
      request: { params: BidSheetParams, headers: IfMatchHeaders, body: jsonBody(ReopenInput) },
      description:
        'An officer of the office, in evaluation only (before the recommendation): the sheet becomes the member’s draft again; the reason stays on it and in the audit trail.',
      responses: {
        200: jsonResponse(BidSheetOut, 'Reopened'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const sheet = await reopenSheet(
        deps,
        principalOf(c),
        c.req.valid('param'),
        c.req.valid('json').reason,
        ifMatch,
      );
      return c.json(sheet, 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('procurementSheets', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(BidSheetOut) }), 'The sheets; drafts by state only'),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const items = await officeSheets(deps, principalOf(c), c.req.valid('param').procurementId);
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    defineRoute('myBidSheets', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(BidSheetOut) }), 'My sheets, and nobody else’s'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const items = await mySheets(deps, principalOf(c), c.req.valid('param').procurementId);
      return c.json({ items }, 200);
    },
  );

  return app;
}
