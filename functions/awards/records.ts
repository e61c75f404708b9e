import { z } from '@hono/zod-openapi';
import { readAudit, verifyAudit } from '../../shared/audit-log.ts';
import { awardsRelease, listNotices } from '../../shared/awards/actions.ts';
import { contestForOfficer, readContest } from '../../shared/contest/actions.ts';
import { formatYuan } from '../../shared/money.ts';
import { formatPoints } from '../../shared/scoring.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { toCsv } from '../http/csv.ts';
import { jsonResponse } from '../http/params.ts';
import { AuditEntryOut, ContestParams } from './schemas.ts';

/** Public records and exports: the awards as CSV and OCDS, and the audit trail. */
export function recordsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('awardsCsv', {
      request: { params: ContestParams },
      responses: {
        200: { description: 'UTF-8 CSV with a BOM', content: { 'text/csv': { schema: z.string() } } },
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      const notices = await listNotices(deps, principalOf(c), contestId);
      const header = ['文号', '项目', '结果', '核定金额（元）', '金额大写', '得分', '排名', '验证码'];
      const rows = notices.map((n) => [
        n.number,
        n.title,
        n.kind === 'selected' ? '立项' : '未入围',
        n.amountFen === undefined ? null : formatYuan(n.amountFen),
        n.amountCapital,
        n.score === null ? null : formatPoints(n.score),
        n.rank,
        n.verificationCode,
      ]);
      return c.body(toCsv(header, rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="awards-${contestId}.csv"`,
      });
    },
  );

  app.openapi(
    defineRoute('ocdsRelease', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(
          z.looseObject({ ocid: z.string(), id: z.string() }).openapi('OcdsRelease'),
          'OCDS 1.1 release',
        ),
        ...problems(404),
      },
    }),
    async (c) => c.json(await awardsRelease(deps, c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('auditLog', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(AuditEntryOut) }), 'The trail, oldest first'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      await contestForOfficer(deps, principalOf(c), contestId);
      return c.json({ items: await readAudit(deps, contestId) }, 200);
    },
  );

  app.openapi(
    defineRoute('verifyAuditLog', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(
          z.union([
            z.object({ ok: z.literal(true), count: z.number().int(), head: z.string() }),
            z.object({ ok: z.literal(false), brokenAt: z.number().int(), problem: z.string() }),
          ]),
          'The verdict',
        ),
        ...problems(404),
      },
    }),
    async (c) => {
      const { contestId } = c.req.valid('param');
      // Only a contest the caller may see has a trail to verify (a draft is its office's own).
      await readContest(deps, c.get('principal'), contestId);
      return c.json(await verifyAudit(deps, contestId), 200);
    },
  );

  return app;
}
