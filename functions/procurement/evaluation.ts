import { z } from '@hono/zod-openapi';
import { procurementOcds, readEvaluation } from '../../shared/procurement/actions.ts';
import { announcementRows } from '../../shared/procurement/announcement.ts';
import { createRouter, defineRoute, type HttpDeps, problems } from '../http/app.ts';
import { jsonResponse } from '../http/params.ts';
import { ProcurementOut, ProcurementParams, procurementView } from './schemas.ts';

const Points = z.number().int().nullable();
const EvaluationOut = z
  .object({
    procurement: ProcurementOut,
    outcome: z.enum(['terminated', 'incomplete', 'recommended']),
    responsive: z.number().int(),
    required: z.number().int(),
    benchmarkFen: z.number().int().nullable(),
    missingSheets: z.array(z.object({ bidId: z.string(), judgeId: z.string() })),
    unscorable: z.array(z.string()),
    candidates: z.array(z.string()),
    nextCandidate: z.string().nullable(),
    bids: z.array(
      z.object({
        bidId: z.string(),
        supplierName: z.string(),
        responsive: z.boolean(),
        reasons: z.array(z.string()),
        finalQuotationFen: z.number().int().nullable(),
        priceScore: Points,
        technicalScore: Points,
        total: Points,
        rank: z.number().int().nullable(),
        sheets: z.array(z.object({ judgeId: z.string(), total: z.number().int() })),
      }),
    ),
    /** The result announcement's rows (成交结果公告), amounts in yuan and scores in points. */
    announcement: z.array(
      z.object({
        bidId: z.string(),
        supplier: z.string(),
        rank: z.number().int().nullable(),
        finalQuotationYuan: z.string().nullable(),
        priceScore: z.string().nullable(),
        technicalScore: z.string().nullable(),
        total: z.string().nullable(),
        outcome: z.enum(['awarded', 'candidate', 'not-responsive']),
        reasons: z.array(z.string()),
      }),
    ),
  })
  .openapi('ProcurementEvaluation');

/** The evaluation, the result announcement and the OCDS release. */
export function evaluationRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('procurementEvaluation', {
      request: { params: ProcurementParams },
      description:
        'Officers of the office once the bids are unsealed; panel members once recommended; everyone once awarded. Money in fen, scores in hundredths; the announcement rows in yuan and points, in the reader’s language.',
      responses: { 200: jsonResponse(EvaluationOut, 'The evaluation'), ...problems(404, 409) },
    }),
    async (c) => {
      const principal = c.get('principal');
      const locale = c.get('locale');
      const read = await readEvaluation(deps, principal, c.req.valid('param').procurementId);
      const { procurement, evaluation } = read;
      const partNames = Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));
      return c.json(
        {
          ...evaluation,
          procurement: procurementView(procurement, principal),
          nextCandidate: read.nextCandidate,
          bids: evaluation.bids.map((bid) => ({
            bidId: bid.bidId,
            supplierName: bid.supplierName,
            responsive: bid.responsive,
            reasons: announcementRows({ bids: [bid] }, read.supplierNames, undefined, locale, partNames)[0]!
              .reasons,
            finalQuotationFen: bid.finalQuotationFen,
            priceScore: bid.priceScore,
            technicalScore: bid.technicalScore,
            total: bid.total,
            rank: bid.rank,
            sheets: bid.sheets,
          })),
          announcement: announcementRows(
            evaluation,
            read.supplierNames,
            procurement.awardedBidId,
            locale,
            partNames,
          ),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute('procurementOcds', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(z.object({}).passthrough().openapi('ProcurementOcdsRelease'), 'OCDS 1.1 release'),
        ...problems(404, 409),
      },
    }),
    async (c) => c.json(await procurementOcds(deps, c.req.valid('param').procurementId), 200),
  );

  return app;
}
