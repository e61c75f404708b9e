/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import {
  issueNotices,
  listNotices,
  myNotices,
  readNotice,
  verifyNotice,
} from '../../shared/awards/actions.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { jsonResponse, PageOf, PageQuery, pageRequest } from '../http/params.ts';
import { noticeVerification } from '../http/verification.ts';
import { ContestParams, NoticeOut, NoticeParams, noticeView } from './schemas.ts';

/** Award notices: issuing, reading and public verification (the printed notice is a page). */
export function noticesRoutes(deps: HttpDeps) {
  const app = createRouter();

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
    defineRoute(
      'verifyNotice',
      noticeVerification(
        z.object({
          number: z.string(),
          kind: z.enum(['selected', 'not-selected']),
          title: z.string(),
          contestTitle: z.string(),
          officeName: z.string(),
          amountFen: z.number().int().optional(),
          amountCapital: z.string().optional(),
          issuedAt: z.string(),
          bundleSha256: z.string(),
        }),
        'Whether the number and code belong to an issued notice',
      ),
    ),
    async (c) => {
      const { number, code } = c.req.valid('query');
      c.header('cache-control', 'no-store');
      return c.json(await verifyNotice(deps, number, code), 200);
    },
  );

  return app;
}
