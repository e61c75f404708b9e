import { z } from '@hono/zod-openapi';
import { readAudit, verifyAudit } from '../../shared/audit-log.ts';
import {
  awardsRelease,
  issueNotices,
  listNotices,
  myNotices,
  readNotice,
  verifyNotice,
} from '../../shared/awards/actions.ts';
import { Notice } from '../../shared/bundle/model.ts';
import { contestForOfficer } from '../../shared/contest/actions.ts';
import { formatYuan } from '../../shared/money.ts';
import { formatPoints } from '../../shared/scoring.ts';
import { createFunctionApp, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { toCsv } from '../http/csv.ts';
import { Id, jsonResponse, PageOf, PageQuery, pageRequest } from '../http/params.ts';
import { NoticePage } from './print-page.tsx';

const ContestParams = z.object({ contestId: Id });
const NoticeParams = z.object({ contestId: Id, proposalId: Id });
const NoticeOut = Notice.omit({ ownerSub: true }).openapi('Notice');
const noticeView = ({ ownerSub: _o, ...notice }: Notice) => notice;

/** Printed pages carry only their own inline print styles. */
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const AuditEntryOut = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    summary: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

/** Award notices, their public verification, exports and the audit trail. */
export function createAwardsApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);

  app.openapi(
    defineRoute('issueNotices', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(
          z.object({ issued: z.number().int(), alreadyIssued: z.number().int(), total: z.number().int() }),
          'Issued (a re-run issues only what is missing)',
        ),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await issueNotices(deps, principalOf(c), c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('listNotices', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(NoticeOut) }), 'Notices in number order'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const notices = await listNotices(deps, principalOf(c), c.req.valid('param').contestId);
      return c.json({ items: notices.map(noticeView) }, 200);
    },
  );

  app.openapi(
    defineRoute('myNotices', {
      request: { query: PageQuery },
      responses: { 200: jsonResponse(PageOf(NoticeOut), 'My notices'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const page = await myNotices(deps, principalOf(c), pageRequest(c.req.valid('query')));
      return c.json({ items: page.items.map(noticeView), next: page.next }, 200);
    },
  );

  app.openapi(
    defineRoute('getNotice', {
      request: { params: NoticeParams },
      responses: { 200: jsonResponse(NoticeOut, 'The notice'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      return c.json(noticeView(await readNotice(deps, principalOf(c), contestId, proposalId)), 200);
    },
  );

  app.openapi(
    defineRoute('printNotice', {
      request: { params: NoticeParams },
      responses: {
        200: { description: 'The notice as an A4 page', content: { 'text/html': { schema: z.string() } } },
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const notice = await readNotice(deps, principalOf(c), contestId, proposalId);
      const verifyUrl = `${new URL(c.req.url).origin}/api/notices/verify`;
      c.header('content-security-policy', PRINT_CSP);
      return c.html(<NoticePage notice={notice} verifyUrl={verifyUrl} />, 200);
    },
  );

  app.openapi(
    defineRoute('verifyNotice', {
      request: {
        query: z.strictObject({
          number: z.string().trim().min(1).max(80),
          code: z.string().trim().min(1).max(40),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({
            valid: z.boolean(),
            notice: z
              .object({
                number: z.string(),
                kind: z.enum(['selected', 'not-selected']),
                title: z.string(),
                contestTitle: z.string(),
                officeName: z.string(),
                amountFen: z.number().int().optional(),
                amountCapital: z.string().optional(),
                issuedAt: z.string(),
                bundleSha256: z.string(),
              })
              .optional(),
          }),
          'Whether the number and code belong to an issued notice',
        ),
        ...problems(422),
      },
    }),
    async (c) => {
      const { number, code } = c.req.valid('query');
      return c.json(await verifyNotice(deps, number, code), 200);
    },
  );

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
    async (c) => c.json(await verifyAudit(deps, c.req.valid('param').contestId), 200),
  );

  return app;
}
