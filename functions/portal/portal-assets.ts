import { routeTable } from '../route-table.ts';
import { type Asset, CONTENT_TYPES, makeAsset } from './assets.ts';

/*
 * The stylesheet is a string in the bundle, not a file beside it, so the Lambda needs nothing
 * copied for the portal's own pages. It is served from a URL (not a <style> block) so the pages'
 * CSP can forbid inline styles outright.
 */
const PORTAL_CSS = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --paper: #ffffff; --wash: #f6f8fa;
  --brand: #b42318; --brand-ink: #ffffff; --link: #0b57d0;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--wash);
  font: 16px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
    "Microsoft YaHei", sans-serif;
}
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.wrap { max-width: 56rem; margin: 0 auto; padding: 0 1rem; }
.site { background: var(--brand); color: var(--brand-ink); }
.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: .5rem 1rem; padding-top: .75rem; padding-bottom: .75rem; }
.brand { color: inherit; text-decoration: none; font-weight: 700; font-size: 1.25rem; }
.brand small { font-weight: 400; opacity: .85; margin-left: .4rem; font-size: .9rem; }
.site nav { display: flex; gap: 1rem; }
.site nav a { color: inherit; }
.intro h1 { margin: 1.5rem 0 .25rem; font-size: 1.6rem; line-height: 1.3; }
.intro p { margin: 0 0 1rem; color: var(--muted); }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .75rem; }
.contests { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.contest { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
.contest h3 { margin: 0 0 .25rem; font-size: 1.1rem; line-height: 1.4; overflow-wrap: anywhere; }
.contest .office { margin: 0 0 .5rem; color: var(--muted); }
.status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .85rem;
  background: var(--wash); border: 1px solid var(--line); }
.status-open { background: #e6f4ea; border-color: #a8dab5; color: #0d652d; }
.status-cancelled { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .75rem 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); }
.more { display: inline-block; margin-top: 1rem; }
.links { padding-left: 1.25rem; }
footer { margin: 2.5rem 0 1.5rem; color: var(--muted); font-size: .875rem; }
@media (max-width: 30rem) {
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: .25rem; }
}
`;

const PORTAL_FILES = { 'portal.css': makeAsset(PORTAL_CSS.trimStart(), CONTENT_TYPES.css) } as const;
export type PortalAssetFile = keyof typeof PORTAL_FILES;

export function portalAsset(file: string): Asset | undefined {
  return Object.hasOwn(PORTAL_FILES, file) ? PORTAL_FILES[file as PortalAssetFile] : undefined;
}

export function portalAssetUrl(file: PortalAssetFile): string {
  return `${routeTable.portalAsset.path.replace('{file}', file)}?v=${PORTAL_FILES[file].version}`;
}
