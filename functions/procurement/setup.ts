import {
  announceProcurement,
  callFinalQuotations,
  closeBidding,
  confirmCandidate,
  createProcurement,
  declineCandidate,
  listOfficeProcurements,
  openBidding,
  readProcurement,
  recommend,
  startEvaluation,
  terminateProcurement,
  updateProcurement,
} from '../../shared/procurement/actions.ts';
import { CallFinalQuotationsInput, ProcurementSetupFields } from '../../shared/procurement/model.ts';
import { createRouter, defineRoute, type HttpDeps, principalOf, problems } from '../http/app.ts';
import {
  IdempotencyHeaders,
  IfMatchHeaders,
  jsonBody,
  jsonResponse,
  optionalIfMatch,
  optionalJsonBody,
  PageOf,
  PageQuery,
  pageRequest,
  pageView,
  requireIfMatch,
} from '../http/params.ts';
import {
  OfficeParams,
  ProcurementOut,
  ProcurementParams,
  procurementView,
  ReasonInput,
  withEtag,
} from './schemas.ts';

/** The officer's side: set-up in draft and every move of the lifecycle. */
export function setupRoutes(deps: HttpDeps) {
  const app = createRouter();

  app.openapi(
    defineRoute('listOfficeProcurements', {
      request: { params: OfficeParams, query: PageQuery },
      responses: {
        200: jsonResponse(PageOf(ProcurementOut), "The office's procurements"),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const page = await listOfficeProcurements(
        deps,
        principal,
        c.req.valid('param').officeId,
        pageRequest(c.req.valid('query')),
      );
      return c.json(
        pageView(page, (p) => procurementView(p, principal)),
        200,
      );
    },
  );

  app.openapi(
    defineRoute('createProcurement', {
      request: {
        params: OfficeParams,
        headers: IdempotencyHeaders,
        body: jsonBody(ProcurementSetupFields.openapi('ProcurementSetup')),
      },
      description:
        'Money in whole fen (ceilingFen), the price weight in basis points (2000 = 20 %), criteria points in hundredths.',
      responses: {
        201: jsonResponse(ProcurementOut, 'Created'),
        200: jsonResponse(ProcurementOut, 'Already created with this Idempotency-Key'),
        ...problems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const { procurement, created } = await createProcurement(
        deps,
        principal,
        c.req.valid('param').officeId,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(procurementView(procurement, principal), created ? 201 : 200, {
        ...withEtag(procurement.version),
        Location: `/api/procurements/${procurement.id}`,
      });
    },
  );

  app.openapi(
    defineRoute('getProcurement', {
      request: { params: ProcurementParams },
      responses: { 200: jsonResponse(ProcurementOut, 'The procurement'), ...problems(404) },
    }),
    async (c) => {
      const procurement = await readProcurement(deps, c.get('principal'), c.req.valid('param').procurementId);
      return c.json(procurementView(procurement, c.get('principal')), 200, withEtag(procurement.version));
    },
  );

  app.openapi(
    defineRoute('updateProcurement', {
      request: {
        params: ProcurementParams,
        headers: IfMatchHeaders,
        body: jsonBody(ProcurementSetupFields.partial().openapi('ProcurementPatch')),
      },
      responses: {
        200: jsonResponse(ProcurementOut, 'Updated'),
        ...problems(400, 401, 403, 404, 409, 412, 422, 428),
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const procurement = await updateProcurement(
        deps,
        principal,
        c.req.valid('param').procurementId,
        c.req.valid('json'),
        requireIfMatch(c.req.valid('header')['if-match']),
      );
      return c.json(procurementView(procurement, principal), 200, withEtag(procurement.version));
    },
  );

  for (const [name, action] of [
    ['announceProcurement', announceProcurement],
    ['openBidding', openBidding],
    ['closeBidding', closeBidding],
    ['startEvaluation', startEvaluation],
    ['recommendCandidates', recommend],
    ['confirmCandidate', confirmCandidate],
  ] as const) {
    app.openapi(
      defineRoute(name, {
        request: { params: ProcurementParams, headers: IfMatchHeaders },
        responses: {
          200: jsonResponse(ProcurementOut, 'The procurement after the change'),
          ...problems(401, 403, 404, 409, 412, 422),
        },
      }),
      async (c) => {
        const principal = principalOf(c);
        const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
        const procurement = await action(deps, principal, c.req.valid('param').procurementId, ifMatch);
        return c.json(procurementView(procurement, principal), 200, withEtag(procurement.version));
      },
    );
  }

  app.openapi(
    defineRoute('callFinalQuotations', {
      request: {
        params: ProcurementParams,
        headers: IfMatchHeaders,
        body: optionalJsonBody(CallFinalQuotationsInput),
      },
      responses: {
        200: jsonResponse(ProcurementOut, 'The procurement after the change'),
        ...problems(400, 401, 403, 404, 409, 412, 422),
      },
    }),
    async (c) => {
      const principal = principalOf(c);
      const procurement = await callFinalQuotations(
        deps,
        principal,
        c.req.valid('param').procurementId,
        optionalIfMatch(c.req.valid('header')['if-match']),
        c.req.valid('json'),
      );
      return c.json(procurementView(procurement, principal), 200, withEtag(procurement.version));
    },
  );

  for (const [name, action] of [
    ['declineCandidate', declineCandidate],
    ['terminateProcurement', terminateProcurement],
  ] as const) {
    app.openapi(
      defineRoute(name, {
        request: { params: ProcurementParams, headers: IfMatchHeaders, body: jsonBody(ReasonInput) },
        responses: {
          200: jsonResponse(ProcurementOut, 'The procurement after the change'),
          ...problems(400, 401, 403, 404, 409, 412, 422),
        },
      }),
      async (c) => {
        const principal = principalOf(c);
        const ifMatch = optionalIfMatch(c.req.valid('header')['if-match']);
        const procurement = await action(
          deps,
          principal,
          c.req.valid('param').procurementId,
          c.req.valid('json').reason,
          ifMatch,
        );
        return c.json(procurementView(procurement, principal), 200, withEtag(procurement.version));
      },
    );
  }

  return app;
}
