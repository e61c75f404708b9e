import { type RouteName, routeTable } from '../route-table.ts';

/** The URL of a route with its parameters filled in (encoded): `href('teamPage', { teamId })`. */
export function href(
  name: RouteName,
  params: Record<string, string> = {},
  query?: Record<string, string>,
): string {
  const path = routeTable[name].path.replace(/\{(\w+)\}/g, (_, key: string) =>
    encodeURIComponent(params[key] ?? ''),
  );
  return query && Object.keys(query).length > 0 ? `${path}?${new URLSearchParams(query)}` : path;
}
