import { z } from '@hono/zod-openapi';
import {
  declareConflict,
  myAssignments,
  readBlindProposal,
  readOwnSheet,
  saveSheet,
  submitSheet,
} from '../../shared/review/actions.ts';
import { Conflict, ConflictInput, SheetInput, SubmitSheetInput } from '../../shared/review/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  optionalIfMatch,
  optionalJsonBody,
  PageOf,
  PageQuery,
  pageRequest,
} from '../http/params.ts';
import { BlindOut, MyAssignmentOut, ProposalParams, SheetOut, withEtag } from './schemas.ts';

/** A judge's side: assignments, the blind proposal, the score sheet and conflicts. */
export function sheetsRoutes(deps: HttpDeps) {
  const app = createRouter();

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
      request: { params: ProposalParams, headers: IfMatchHeaders, body: optionalJsonBody(SubmitSheetInput) },
      responses: { 200: jsonResponse(SheetOut, 'Submitted'), ...problems(400, 401, 403, 404, 409, 412, 422) },
    }),
    async (c) => {
      const { contestId, proposalId } = c.req.valid('param');
      const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
      const { scores, ...rest } = c.req.valid('json');
      const input =
        scores === undefined && Object.keys(rest).length === 0
          ? undefined
          : { scores: scores ?? {}, ...rest };
      const sheet = await submitSheet(deps, principalOf(c), contestId, proposalId, ifMatch, input);
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
