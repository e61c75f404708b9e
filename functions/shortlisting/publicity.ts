import { z } from '@hono/zod-openapi';
import {
  answerObjection,
  fileObjection,
  listObjections,
  readPublicity,
} from '../../shared/bundle/actions.ts';
import { AnswerInput, Objection, ObjectionInput } from '../../shared/bundle/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import { Id, IdempotencyHeaders, jsonBody, jsonResponse } from '../http/params.ts';
import { ContestParams, ObjectionOut, objectionView, PublicityOut } from './schemas.ts';

/** Publicity and objections. */
export function publicityRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('getPublicity', {
      request: { params: ContestParams },
      responses: { 200: jsonResponse(PublicityOut, 'The published bundle'), ...problems(404) },
    }),
    async (c) => {
      const { contest, publicity, objections, answered } = await readPublicity(
        deps,
        c.req.valid('param').contestId,
      );
      return c.json(
        {
          contestId: contest.id,
          contestTitle: contest.title,
          officeName: contest.officeName,
          status: contest.status,
          publishedAt: publicity.publishedAt,
          endsAt: publicity.endsAt,
          objections,
          answered,
          bundle: publicity.bundle,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute('fileObjection', {
      request: { params: ContestParams, headers: IdempotencyHeaders, body: jsonBody(ObjectionInput) },
      responses: { 201: jsonResponse(ObjectionOut, 'Filed'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const objection = await fileObjection(
        deps,
        principalOf(c),
        c.req.valid('param').contestId,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(objectionView(objection), 201);
    },
  );

  app.openapi(
    defineRoute('listObjections', {
      request: { params: ContestParams },
      responses: {
        200: jsonResponse(z.object({ items: z.array(Objection.openapi('ObjectionRecord')) }), 'Objections'),
        ...problems(401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await listObjections(deps, principalOf(c), c.req.valid('param').contestId) }, 200),
  );

  app.openapi(
    defineRoute('answerObjection', {
      request: { params: z.object({ contestId: Id, objectionId: Id }), body: jsonBody(AnswerInput) },
      responses: { 200: jsonResponse(ObjectionOut, 'Answered'), ...problems(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { contestId, objectionId } = c.req.valid('param');
      const objection = await answerObjection(
        deps,
        principalOf(c),
        contestId,
        objectionId,
        c.req.valid('json').answer,
      );
      return c.json(objectionView(objection), 200);
    },
  );

  return app;
}
