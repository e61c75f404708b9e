import { z } from '@hono/zod-openapi';
import { Contest } from '../../shared/contest/model.ts';
import { formatYuan } from '../../shared/money.ts';
import {
  addJudge,
  assignManually,
  autoAssign,
  declareConflict,
  listPanel,
  myAssignments,
  progress,
  proposalSheets,
  ranking,
  readBlindProposal,
  readOwnSheet,
  reopenSheet,
  saveSheet,
  startReview,
  submitSheet,
  unassign,
} from '../../shared/review/actions.ts';
import {
  AddJudgeInput,
  Assignment,
  BlindProposal,
  CELL_STATES,
  Conflict,
  ConflictInput,
  ManualAssignmentInput,
  PanelJudge,
  ReopenInput,
  Sheet,
  SheetInput,
} from '../../shared/review/model.ts';
import { formatPoints } from '../../shared/scoring.ts';
import { etag } from '../../shared/versioned.ts';
import { createFunctionApp, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { toCsv } from '../http/csv.ts';
import {
  Id,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  optionalIfMatch,
  PageOf,
  PageQuery,
  pageRequest,
} from '../http/params.ts';

const ContestParams = z.object({ contestId: Id });
const ProposalParams = z.object({ contestId: Id, proposalId: Id });
const JudgeId = z.string().regex(/^[\w@.:-]{1,128}$/);
const PanelParams = z.object({ contestId: Id, judgeId: JudgeId });
const PairParams = z.object({ contestId: Id, proposalId: Id, judgeId: JudgeId });

const PanelJudgeOut = PanelJudge.openapi('PanelJudge');
const AssignmentOut = Assignment.openapi('Assignment');
const SheetOut = Sheet.openapi('Sheet');
const Pair = z.object({ proposalId: z.string(), judgeId: z.string() });
const PlanOut = z
  .object({
    added: z.array(Pair),
    removed: z.array(Pair),
    shortfalls: z.array(z.object({ proposalId: z.string(), missing: z.number().int() })),
  })
  .openapi('AssignmentPlan');
const ProgressOut = z
  .object({
    judges: z.array(z.object({ judgeId: z.string(), name: z.string() })),
    proposals: z.array(z.object({ id: z.string(), title: z.string() })),
    cells: z.array(z.object({ proposalId: z.string(), judgeId: z.string(), state: z.enum(CELL_STATES) })),
    submitted: z.number().int(),
    expected: z.number().int(),
  })
  .openapi('ReviewProgress');
const JudgeScoreOut = z.object({
  judgeId: z.string(),
  name: z.string(),
  total: z.number().int(),
  normalized: z.number().optional(),
  outlier: z.boolean(),
  dropped: z.boolean(),
});
const RankedOut = z.object({
  proposalId: z.string(),
  title: z.string(),
  category: z.string(),
  community: z.string(),
  requestedFen: z.number().int(),
  minViableFen: z.number().int().optional(),
  status: z.enum(['ranked', 'not-enough-reviews']),
  rank: z.number().int().nullable(),
  score: z.number().int().nullable(),
  mean: z.number().int(),
  criterionScores: z.record(z.string(), z.number().int()),
  sheetCount: z.number().int(),
  judges: z.array(JudgeScoreOut),
});
const RankingOut = z
  .object({
    aggregation: Contest.shape.aggregation,
    minJudges: z.number().int(),
    outlierMargin: z.number().int(),
    items: z.array(RankedOut),
  })
  .openapi('Ranking');
const BlindOut = z
  .object({
    proposal: BlindProposal,
    rubric: Contest.shape.rubric,
  })
  .openapi('BlindProposal');
const MyAssignmentOut = AssignmentOut.extend({ sheet: z.enum(['missing', 'draft', 'submitted']) });

const withEtag = (version: number) => ({ ETag: etag(version) });

/** Online judging: the panel, assignments, blind review, score sheets and the ranking. */
export function createScoringApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);

  app.openapi(
    defineRoute('addJudge', {
      request: { params: PanelParams, body: jsonBody(AddJudgeInput) },
      responses: {
        201: jsonResponse(PanelJudgeOut, 'Added'),
        200: jsonResponse(PanelJudgeOut, 'Already on the panel'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { contestId, judgeId } = c.req.valid('param');
      const { judge, created } = await addJudge(
        deps,
        principalOf(c),
        contestId,
        judgeId,
        c.req.valid('json').name,
      );
      return c.json(judge, created ? 201 : 200);
    },
  );

  app.openapi(
    defineRoute('listPanel', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(PanelJudgeOut) }), 'The panel'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await listPanel(deps, principalOf(c), c.req.valid('param').contestId) }, 200),
  );

  app.openapi(
    defineRoute('assignJudge', {
      request: { params: ContestParams, body: jsonBody(ManualAssignmentInput) },
      responses: {
        201: jsonResponse(AssignmentOut, 'Assigned'),
        200: jsonResponse(AssignmentOut, 'Already assigned'),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { assignment, created } = await assignManually(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json'),
      );
      return c.json(assignment, created ? 201 : 200);
    },
  );

  app.openapi(
    defineRoute('unassignJudge', {
      request: { params: PairParams },
      responses: { 204: { description: 'Withdrawn' }, ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const { contestId, proposalId, judgeId } = c.req.valid('param');
      await unassign(deps, principalOf(c), contestId, { proposalId, judgeId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute('autoAssign', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(PlanOut, 'What changed'), ...problems(401, 403, 404, 409) },
    }),
    async (c) => c.json(await autoAssign(deps, principalOf(c), c.req.valid('param').contestId), 200),
  );

  app.openapi(
    defineRoute('startReview', {
      request: { params: ContestParams, headers: IfMatchHeaders },
      responses: {
        200: jsonResponse(Contest.omit({ requestHash: true, createdBy: true }), 'In review'),
        ...problems(400, 401, 403, 404, 409, 412),
      },
    }),
    async (c) => {
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const {
        requestHash: _h,
        createdBy: _b,
        ...contest
      } = await startReview(deps, principalOf(c), c.req.valid('param').contestId, ifMatch);
      return c.json(contest, 200, withEtag(contest.version));
    },
  );

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

  app.openapi(
    defineRoute('myAssignments', {
      request: { query: PageQuery },
      responses: { 200: jsonResponse(PageOf(MyAssignmentOut), 'My assignments'), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await myAssignments(deps, principalOf(c), pageRequest(c.req.valid('query'))), 200),
  );

  app.openapi(
    defineRoute('blindProposal', {
      request: { params: ProposalParams },
      responses: {
        200: jsonResponse(BlindOut, 'The proposal, without the team'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      return c.json(await readBlindProposal(deps, principalOf(c), contestId, proposalId), 200);
    },
  );

  app.openapi(
    defineRoute('getSheet', {
      request: { params: ProposalParams },
      responses: { 200: jsonResponse(SheetOut, 'My sheet'), ...problems(401, 403, 404) },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const sheet = await readOwnSheet(deps, principalOf(c), contestId, proposalId);
      return c.json(sheet, 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('saveSheet', {
      request: { params: ProposalParams, headers: IfMatchHeaders, body: jsonBody(SheetInput) },
      responses: {
        201: jsonResponse(SheetOut, 'Draft created'),
        200: jsonResponse(SheetOut, 'Draft saved'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const { sheet, created } = await saveSheet(
        deps,
        principalOf(c),
        contestId,
        proposalId,
        c.req.valid('json'),
        ifMatch,
      );
      return c.json(sheet, created ? 201 : 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('submitSheet', {
      request: { params: ProposalParams, headers: IfMatchHeaders },
      responses: { 200: jsonResponse(SheetOut, 'Submitted'), ...problems(400, 401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const sheet = await submitSheet(deps, principalOf(c), contestId, proposalId, ifMatch);
      return c.json(sheet, 200, withEtag(sheet.version));
    },
  );

  app.openapi(
    defineRoute('declareConflict', {
      request: { params: ProposalParams, body: jsonBody(ConflictInput) },
      responses: {
        200: jsonResponse(
          z.object({ conflict: Conflict.openapi('Conflict'), reassignedTo: z.array(z.string()) }),
          'Recorded',
        ),
        ...problems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      return c.json(
        await declareConflict(deps, principalOf(c), contestId, proposalId, c.req.valid('json').reason),
        200,
      );
    },
  );

  return app;
}
