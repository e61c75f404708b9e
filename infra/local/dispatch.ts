import { type FunctionName, type RouteSpec, routeTable } from '../../functions/route-table.ts';

export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

interface Matcher {
  method: string;
  pattern: RegExp;
  fn: FunctionName;
  /** Literal routes beat parameterised ones, as in API Gateway. */
  literal: boolean;
}

function compile(spec: RouteSpec): Matcher {
  const source = spec.path
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return {
    method: spec.method.toUpperCase(),
    pattern: new RegExp(`^${source}$`),
    fn: spec.fn,
    literal: !spec.path.includes('{'),
  };
}

/**
 * Routes a request to the function that owns it, by the same route table API Gateway is
 * built from, so one process serves every function at the paths it has on AWS.
 */
export function createDispatcher(apps: Record<FunctionName, FetchApp>, fallback: FetchApp) {
  const matchers = Object.values(routeTable)
    .map(compile)
    .sort((a, b) => Number(b.literal) - Number(a.literal));
  return (request: Request): Response | Promise<Response> => {
    const { pathname } = new URL(request.url);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const match = matchers.find((m) => m.method === method && m.pattern.test(pathname));
    return (match ? apps[match.fn] : fallback).fetch(request);
  };
}
