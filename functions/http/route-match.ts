import { type FunctionName, type RouteSpec, routeTable } from '../route-table.ts';

export interface RouteMatcher {
  method: string;
  pattern: RegExp;
  fn: FunctionName;
  /** Literal routes beat parameterised ones, as in API Gateway. */
  literal: boolean;
  /** Anyone may call it, signed in or not. */
  public: boolean;
}

function compile(spec: RouteSpec): RouteMatcher {
  const source = spec.path
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return {
    method: spec.method.toUpperCase(),
    pattern: new RegExp(`^${source}$`),
    fn: spec.fn,
    literal: !spec.path.includes('{'),
    public: spec.roles.includes('public'),
  };
}

/** Every route of the route table, literal paths first. */
export const ROUTE_MATCHERS: readonly RouteMatcher[] = Object.values(routeTable)
  .map(compile)
  .sort((a, b) => Number(b.literal) - Number(a.literal));

/** The route a request goes to (HEAD is served by GET), as API Gateway would pick it. */
export function matchRoute(method: string, pathname: string): RouteMatcher | undefined {
  const wanted = method === 'HEAD' ? 'GET' : method;
  return ROUTE_MATCHERS.find((m) => m.method === wanted && m.pattern.test(pathname));
}

/**
 * The methods a path answers (for 405's `Allow`), HEAD with GET; empty when no route has the
 * path at all (404).
 */
export function allowedMethods(pathname: string): string[] {
  const methods = new Set(ROUTE_MATCHERS.filter((m) => m.pattern.test(pathname)).map((m) => m.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
