import { z } from '@hono/zod-openapi';
import {
  issueProcurementNotices,
  listProcurementNotices,
  ProcurementNotice,
  readProcurementNotice,
  verifyProcurementNotice,
} from '../../shared/procurement/notices.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { jsonResponse } from '../http/params.ts';
import { noticeVerification } from '../http/verification.ts';
import { BidParams, ProcurementParams } from './schemas.ts';

const NoticeOut = ProcurementNotice.omit({ ownerSub: true }).openapi('ProcurementNotice');
const noticeView = ({ ownerSub: _owner, ...notice }: ProcurementNotice) => notice;

/** The deal notice (成交通知书), the result notices and their public verification. */
export function noticesRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('issueProcurementNotices', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(
          z.object({ issued: z.number().int(), alreadyIssued: z.number().int(), total: z.number().int() }),
          'Issued (a re-run issues only what is missing)',
        ),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await issueProcurementNotices(deps, principalOf(c), c.req.valid('param').procurementId), 200),
  );

  app.openapi(
    defineRoute('listProcurementNotices', {
      request: { params: ProcurementParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(NoticeOut) }), 'The notices, by number'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const notices = await listProcurementNotices(deps, principalOf(c), c.req.valid('param').procurementId);
      return c.json({ items: notices.map(noticeView) }, 200);
    },
  );

  app.openapi(
    defineRoute('getProcurementNotice', {
      request: { params: BidParams },
      responses: { 200: jsonResponse(NoticeOut, 'The notice'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { procurementId, teamId } = c.req.valid('param');
      return c.json(
        noticeView(await readProcurementNotice(deps, principalOf(c), procurementId, teamId)),
        200,
      );
    },
  );

  app.openapi(
    defineRoute(
      'verifyProcurementNotice',
      noticeVerification(
        z.object({
          number: z.string(),
          kind: z.enum(['deal', 'result']),
          supplierName: z.string(),
          procurementTitle: z.string(),
          officeName: z.string(),
          amountFen: z.number().int().optional(),
          amountCapital: z.string().optional(),
          issuedAt: z.string(),
        }),
        'Whether the notice is genuine, and its public facts',
      ),
    ),
    async (c) => {
      const { number, code } = c.req.valid('query');
      c.header('cache-control', 'no-store');
      return c.json(await verifyProcurementNotice(deps, number, code), 200);
    },
  );

  return app;
}
