import { matchRoute } from '../../functions/http/route-match.ts';
import type { FunctionName } from '../../functions/route-table.ts';

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * Routes a request to the function that owns it, by the same route table API Gateway is
 * built from, so one process serves every function at the paths it has on AWS. `/dev/*` goes
 * to the local-only routes when they are on; anything else no route has goes to the portal,
 * whose problem+json answers it: 404, or 405 with `Allow` for a known path and another method.
 */
export function createDispatcher(apps: Record<FunctionName, FetchApp>, dev: FetchApp | undefined) {
  return (request: Request): Response | Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (dev && (pathname === '/dev' || pathname.startsWith('/dev/'))) return dev.fetch(request);
    const match = matchRoute(request.method, pathname);
    return (match ? apps[match.fn] : apps.portal).fetch(request);
  };
}
