import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { NotFoundError } from '../../shared/errors.ts';
import { recordSignIn } from '../../shared/user/directory.ts';
import { createFunctionApp, defineRoute, type HttpDeps, problems } from '../http/app.ts';
import { UI_ASSET_FILES, uiAsset } from '../ui/assets.ts';
import { buildApiDocument, documentedApps } from './api-document.ts';
import { type Asset, assetResponse, CONTENT_TYPES, makeAsset } from './assets.ts';
import { DOCS_ASSET_FILES, docsAsset, docsAssetVersion, isDocsAssetFile } from './docs-assets.ts';
import { portalPages } from './pages/routes.tsx';
import { renderDocsPage } from './pages.tsx';
import { signInRoutes } from './sign-in.ts';

/*
 * hono/secure-headers sets no CSP by default, so each page sets its own. Everything is served
 * from this origin, so 'self' is enough; Swagger UI writes style attributes as it renders,
 * hence 'unsafe-inline' for styles on the docs page only.
 */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

/** A URL that names the file's version can be cached for good; any other only briefly. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT_CACHE = 'public, max-age=300';

const html = (description: string) =>
  ({ description, content: { 'text/html': { schema: z.string() } } }) as const;

const AssetParams = (files: readonly string[]) =>
  z.object({
    file: z
      .string()
      .max(100)
      .openapi({ examples: [...files] }),
  });
const AssetQuery = z.object({
  v: z.string().max(64).optional().openapi({ description: 'Content version; makes the URL cacheable.' }),
});
const assetResponses = (types: string[]) => ({
  200: {
    description: 'The file',
    content: Object.fromEntries(types.map((type) => [type, { schema: z.string() }])),
  },
  304: { description: 'Not modified (If-None-Match)' },
  ...problems(404),
});

const OpenApiDocument = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .openapi('OpenApiDocument');

async function htmlResponse(c: Context, page: Promise<string>, csp: string, cacheControl: string) {
  return c.body(await page, 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'cache-control': cacheControl,
  });
}

const notFound = () => new NotFoundError('http.notFound');

/** The public face: the home page, and one OpenAPI document and docs page for every function. */
export function createPortalApp(deps: HttpDeps) {
  const app = createFunctionApp(deps);

  app.route('/', portalPages(deps));

  let document: Asset | undefined;
  app.openapi(
    defineRoute('openapi', {
      responses: {
        200: { description: 'The document', content: { 'application/json': { schema: OpenApiDocument } } },
        304: { description: 'Not modified (If-None-Match)' },
      },
    }),
    (c) => {
      // Built on first use, when every route of this app is registered; then kept.
      document ??= makeAsset(
        JSON.stringify(
          buildApiDocument([...Object.values(documentedApps).map((create) => create(deps)), app]),
        ),
        CONTENT_TYPES.json,
      );
      return assetResponse(c, document, SHORT_CACHE);
    },
  );

  app.openapi(defineRoute('apiDocs', { responses: { 200: html('Swagger UI for this API') } }), (c) =>
    htmlResponse(c, renderDocsPage(c.get('locale')), DOCS_CSP, SHORT_CACHE),
  );

  app.openapi(
    defineRoute('apiDocsAsset', {
      request: { params: AssetParams(DOCS_ASSET_FILES), query: AssetQuery },
      responses: assetResponses(['text/javascript', 'text/css']),
    }),
    async (c) => {
      const { file } = c.req.valid('param');
      if (!isDocsAssetFile(file)) throw notFound();
      const cache = c.req.valid('query').v === docsAssetVersion(file) ? IMMUTABLE : SHORT_CACHE;
      return assetResponse(c, await docsAsset(file), cache);
    },
  );

  app.openapi(
    defineRoute('portalAsset', {
      request: { params: AssetParams(UI_ASSET_FILES), query: AssetQuery },
      responses: assetResponses(['text/css', 'text/javascript']),
    }),
    (c) => {
      const found = uiAsset(c.req.valid('param').file);
      if (!found) throw notFound();
      return assetResponse(c, found.asset, found.immutable ? IMMUTABLE : SHORT_CACHE);
    },
  );

  app.route(
    '/',
    signInRoutes(deps.hostedSignIn, deps.verifier, (principal) => recordSignIn(deps, principal)),
  );

  return app;
}
