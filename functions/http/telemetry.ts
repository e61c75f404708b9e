import type { MiddlewareHandler } from 'hono';
import type { Principal } from '../../shared/auth.ts';
import { type RouteName, type RouteSpec, routeTable } from '../route-table.ts';

/** The business events operators count, each named after the domain (CloudWatch metric names). */
export const BUSINESS_METRICS = {
  submitProposal: 'ProposalsSubmitted',
  submitSheet: 'SheetsSubmitted',
  lockBundle: 'BundlesLocked',
  issueNotices: 'NoticesIssued',
} as const satisfies Partial<Record<RouteName, string>>;

/**
 * Procurement's bids count under this name once its route exists (procurement issue); the
 * name is fixed here so dashboards and alarms can be built before it.
 */
export const BIDS_RECEIVED = 'BidsReceived';

export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS] | typeof BIDS_RECEIVED;

/** One line per request. Identifiers only: no names, e-mails, bodies or query strings. */
export interface RequestRecord {
  route: RouteName | 'unmatched';
  method: string;
  status: number;
  latencyMs: number;
  /** The token's `sub`, a pseudonymous id; absent for anonymous requests. */
  principalId?: string;
  /** The problem code of a failed request (`contest.notDraft`), never its message. */
  errorCode?: string;
}

/** Where a function app reports; Powertools on Lambda (functions/powertools.ts), nothing locally. */
export interface Telemetry {
  request(record: RequestRecord): void;
  count(metric: BusinessMetric, value: number): void;
}

const routeNames = new Map(
  (Object.entries(routeTable) as [RouteName, RouteSpec][]).map(([name, spec]) => [
    `${spec.method.toUpperCase()} ${spec.path.replace(/\{(\w+)\}/g, ':$1')}`,
    name,
  ]),
);

/** One top-level field of a JSON response, read from a copy so the client still gets the body. */
async function jsonField(response: Response, field: string): Promise<unknown> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

/** How many events a successful response stands for: notices count each notice issued. */
async function eventCount(route: RouteName, response: Response): Promise<number> {
  if (route !== 'issueNotices') return 1;
  const issued = await jsonField(response, 'issued');
  return typeof issued === 'number' && Number.isInteger(issued) && issued >= 0 ? issued : 0;
}

/**
 * Records every request once it has its response (errors included, as mapped by onError),
 * and counts the business event of a successful write.
 */
export function telemetryMiddleware(
  telemetry: Telemetry,
): MiddlewareHandler<{ Variables: { principal: Principal | undefined } }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routeNames.get(`${c.req.method} ${c.req.routePath}`) ?? 'unmatched';
    const status = c.res.status;
    const problemCode = c.res.headers.get('content-type')?.includes('problem+json')
      ? await jsonField(c.res, 'code')
      : undefined;
    telemetry.request({
      route,
      method: c.req.method,
      status,
      latencyMs: Math.round(performance.now() - started),
      ...(c.get('principal') ? { principalId: c.get('principal')?.sub } : {}),
      ...(typeof problemCode === 'string' ? { errorCode: problemCode } : {}),
    });
    if (route !== 'unmatched' && status < 300 && route in BUSINESS_METRICS) {
      const metric = BUSINESS_METRICS[route as keyof typeof BUSINESS_METRICS];
      const value = await eventCount(route, c.res);
      if (value > 0) telemetry.count(metric, value);
    }
  };
}
