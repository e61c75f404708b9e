import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import swaggerUiPackage from 'swagger-ui-dist/package.json' with { type: 'json' };
import { routeTable } from '../route-table.ts';
import { type Asset, CONTENT_TYPES, makeAsset } from './assets.ts';

/** The Swagger UI files the docs page loads; nothing else in the package is ever served. */
const SWAGGER_FILES = {
  'swagger-ui-bundle.js': CONTENT_TYPES.js,
  'swagger-ui-standalone-preset.js': CONTENT_TYPES.js,
  'swagger-ui.css': CONTENT_TYPES.css,
} as const;
type SwaggerFile = keyof typeof SWAGGER_FILES;

/*
 * The start-up script lives in a served file rather than inline in the page, so the page's CSP
 * can say `script-src 'self'` with no nonce or hash to keep in step. The validator badge is off:
 * it would fetch an image from swagger.io, and the docs must work with no internet.
 */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(routeTable.openapi.path)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: 'StandaloneLayout',
});
`;
/** What swagger-ui-dist's index.css does, without the file (it is not copied into the bundle). */
const PAGE_CSS =
  'html { box-sizing: border-box; overflow-y: scroll; } *, *::before, *::after { box-sizing: inherit; } body { margin: 0; background: #fafafa; }\n';

/** Our own files, made from strings in the bundle. */
const OWN_FILES = {
  'docs-init.js': makeAsset(INIT_SCRIPT, CONTENT_TYPES.js),
  'docs.css': makeAsset(PAGE_CSS, CONTENT_TYPES.css),
} as const;
type OwnFile = keyof typeof OWN_FILES;

export const DOCS_ASSET_FILES = [
  ...(Object.keys(SWAGGER_FILES) as SwaggerFile[]),
  ...(Object.keys(OWN_FILES) as OwnFile[]),
] as const;
export type DocsAssetFile = SwaggerFile | OwnFile;

function isSwaggerFile(file: string): file is SwaggerFile {
  return Object.hasOwn(SWAGGER_FILES, file);
}

export function isDocsAssetFile(file: string): file is DocsAssetFile {
  return isSwaggerFile(file) || Object.hasOwn(OWN_FILES, file);
}

/**
 * In the Lambda bundle the deploy copies the three files into `swagger-ui/` beside index.mjs;
 * from source (tests, the local runtime) they come from the installed package.
 */
function swaggerUiDir(): URL {
  const bundled = new URL('./swagger-ui/', import.meta.url);
  if (bundled.protocol === 'file:' && existsSync(new URL('swagger-ui-bundle.js', bundled))) return bundled;
  const packageJson = createRequire(import.meta.url).resolve('swagger-ui-dist/package.json');
  return pathToFileURL(`${dirname(packageJson)}/`);
}

let dir: URL | undefined;
const loaded = new Map<SwaggerFile, Promise<Asset>>();

function loadSwaggerFile(file: SwaggerFile): Promise<Asset> {
  let asset = loaded.get(file);
  if (!asset) {
    dir ??= swaggerUiDir();
    asset = readFile(new URL(file, dir)).then((bytes) => makeAsset(bytes, SWAGGER_FILES[file]));
    // A failed read is not remembered, so the next request tries again.
    asset.catch(() => loaded.delete(file));
    loaded.set(file, asset);
  }
  return asset;
}

export function docsAsset(file: DocsAssetFile): Promise<Asset> {
  return isSwaggerFile(file) ? loadSwaggerFile(file) : Promise.resolve(OWN_FILES[file]);
}

/** Known without reading the files, so rendering the page does not load 2 MB of Swagger UI. */
export function docsAssetVersion(file: DocsAssetFile): string {
  return isSwaggerFile(file) ? swaggerUiPackage.version : OWN_FILES[file].version;
}

export function docsAssetUrl(file: DocsAssetFile): string {
  return `${routeTable.apiDocsAsset.path.replace('{file}', file)}?v=${docsAssetVersion(file)}`;
}
