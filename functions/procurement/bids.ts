import { z } from '@hono/zod-openapi';
import {
  amendBid,
  declareConflict,
  listBids,
  mySheets,
  submitBid,
  submitFinalQuotation,
  submitSheet,
  withdrawBid,
} from '../../shared/procurement/actions.ts';
import { BidInput, FinalQuotationInput } from '../../shared/procurement/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { IfMatchHeaders, jsonBody, jsonResponse, optionalIfMatch, requireIfMatch } from '../http/params.ts';
import {
  BidOut,
  BidParams,
  BidSheetOut,
  FinalQuotationOut,
  OpenedBidOut,
  ProcurementConflictOut,
  ProcurementParams,
  ReasonInput,
  withEtag,
} from './schemas.ts';

/** What a withdrawal answers: the bid is gone, the organisation may bid again. */
const WithdrawnOut = z
  .object({ procurementId: z.string(), teamId: z.string(), withdrawnAt: z.string() })
  .openapi('WithdrawnBid');

/** Scores in hundredths of a point, one per criterion; checked against the criteria in the domain. */
const SheetInput = z.strictObject({ scores: z.record(z.string().max(40), z.number()) });

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
    defineRoute('submitBidSheet', {
      request: { params: BidParams, body: jsonBody(SheetInput.openapi('BidSheetInput')) },
      responses: {
        201: jsonResponse(BidSheetOut, 'Submitted (final)'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      return c.json(
        await submitSheet(deps, principalOf(c), procurementId, teamId, c.req.valid('json').scores),
        201,
      );
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
