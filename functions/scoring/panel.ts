import { z } from '@hono/zod-openapi';
import { Contest } from '../../shared/contest/model.ts';
import {
  addJudge,
  assignManually,
  autoAssign,
  listPanel,
  removeJudge,
  startReview,
  unassign,
} from '../../shared/review/actions.ts';
import { AddJudgeInput, ManualAssignmentInput } from '../../shared/review/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { IfMatchHeaders, jsonBody, jsonResponse, optionalIfMatch } from '../http/params.ts';
import {
  AssignmentOut,
  ContestParams,
  PairParams,
  PanelJudgeOut,
  PanelParams,
  PlanOut,
  withEtag,
} from './schemas.ts';

/** The panel and assignments, and the start of review. */
export function panelRoutes(deps: HttpDeps) {
  const app = createRouter();

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
    defineRoute('removeJudge', {
      request: { params: PanelParams },
      responses: {
        200: jsonResponse(PlanOut, 'Off the panel; how their proposals were re-planned'),
        ...problems(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { contestId, judgeId } = c.req.valid('param');
      return c.json(await removeJudge(deps, principalOf(c), contestId, judgeId), 200);
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

  return app;
}
