import { z } from '@hono/zod-openapi';
import { formatYuan } from '../../shared/money.ts';
import { progress, proposalSheets, ranking, reopenSheet } from '../../shared/review/actions.ts';
import { ReopenInput } from '../../shared/review/model.ts';
import { formatPoints } from '../../shared/scoring.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { toCsv } from '../http/csv.ts';
import { IfMatchHeaders, jsonBody, jsonResponse, optionalIfMatch } from '../http/params.ts';
import {
  ContestParams,
  PairParams,
  ProgressOut,
  ProposalParams,
  RankingOut,
  SheetOut,
  withEtag,
} from './schemas.ts';

/** The office's view of review: progress, the ranking and every judge's sheets. */
export function resultsRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('reviewProgress', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(ProgressOut, 'Progress'), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await progress(deps, principalOf(c), c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('ranking', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(RankingOut, 'The ranking'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { contest: _c, ...result } = await ranking(deps, principalOf(c), c.req.valid('param').contestId);
      return c.json(result, 200);
    },
  );

  app.openapi(
    defineRoute('rankingCsv', {
      request: { params: ContestParams },
      responses: {
        200: { description: 'UTF-8 CSV with a BOM', content: { 'text/csv': { schema: z.string() } } },
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const result = await ranking(deps, principalOf(c), c.req.valid('param').contestId);
      const categories = new Map(result.contest.categories.map((x) => [x.code, x.name]));
      const communities = new Map(result.contest.communities.map((x) => [x.code, x.name]));
      const header = [
        '排名',
        '项目',
        '类别',
        '社区',
        '申请金额（元）',
        '得分',
        '评审份数',
        '状态',
        '各评审总分（*为畸高畸低）',
      ];
      const rows = result.items.map((item) => [
        item.rank,
        item.title,
        categories.get(item.category) ?? item.category,
        communities.get(item.community) ?? item.community,
        formatYuan(item.requestedFen),
        item.score === null ? null : formatPoints(item.score),
        item.sheetCount,
        item.status === 'ranked' ? '已排名' : '评审份数不足',
        item.judges.map((j) => `${j.name} ${formatPoints(j.total)}${j.outlier ? '*' : ''}`).join('；'),
      ]);
      return c.body(toCsv(header, rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="ranking-${result.contest.id}.csv"`,
      });
    },
  );

  app.openapi(
    defineRoute('proposalSheets', {
      request: { params: ProposalParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(SheetOut) }), 'Sheets'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      return c.json({ items: await proposalSheets(deps, principalOf(c), contestId, proposalId) }, 200);
    },
  );

  app.openapi(
    defineRoute('reopenSheet', {
      request: { params: PairParams, headers: IfMatchHeaders, body: jsonBody(ReopenInput) },
      responses: { 200: jsonResponse(SheetOut, 'Reopened'), ...problems(400, 401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const { contestId, proposalId, judgeId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const sheet = await reopenSheet(
        deps,
        principalOf(c),
        contestId,
        proposalId,
        judgeId,
        c.req.valid('json').reason,
        ifMatch,
      );
      return c.json(sheet, 200, withEtag(sheet.version));
    },
  );

  return app;
}
