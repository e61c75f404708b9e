import { type Asset, CONTENT_TYPES, makeAsset } from '../portal/assets.ts';
import { routeTable } from '../route-table.ts';
import { UI_SCRIPT } from './script.ts';
import { UI_CSS } from './styles.ts';

/**
 * The portal's own files, each served at a name that carries its content hash
 * (`/assets/ui.3fa2b1c9e0d4.css`), so a page can let browsers cache it for a year: a changed file
 * is a new name. The plain name (`ui.css`) is served too, with a short cache.
 */
const FILES = {
  'ui.css': makeAsset(UI_CSS.trimStart(), CONTENT_TYPES.css),
  'ui.js': makeAsset(UI_SCRIPT.trimStart(), CONTENT_TYPES.js),
} as const;
export type UiAssetFile = keyof typeof FILES;
export const UI_ASSET_FILES = Object.keys(FILES) as UiAssetFile[];

const hashedName = (file: UiAssetFile) => file.replace(/\.(\w+)$/, `.${FILES[file].version}.$1`);
const byHashedName = new Map(UI_ASSET_FILES.map((file) => [hashedName(file), FILES[file]]));

/** The file a request names, and whether the name pins its content (so it may be cached for good). */
export function uiAsset(name: string): { asset: Asset; immutable: boolean } | undefined {
  const pinned = byHashedName.get(name);
  if (pinned) return { asset: pinned, immutable: true };
  return Object.hasOwn(FILES, name) ? { asset: FILES[name as UiAssetFile], immutable: false } : undefined;
}

export function uiAssetUrl(file: UiAssetFile): string {
  return routeTable.portalAsset.path.replace('{file}', hashedName(file));
}
