import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { type BuildResult, build, type Plugin } from 'esbuild';

/**
 * How every function is bundled, by `cdk synth` (infra/function.ts runs this file) and by
 * `npm run bench` alike, so the bench measures what Lambda runs. ESM for Node 24, minified
 * with a source map; CommonJS inside dependencies (the AWS SDK) gets the `require` ESM lacks.
 */
export const BUNDLE_OPTIONS = {
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  minify: true,
  sourcemap: true,
  /**
   * Chinese text as UTF-8 (3 bytes a character) rather than `\uXXXX` escapes (6): 11–19 KB
   * less per function. Node reads the file as UTF-8 either way, and V8 keeps it as two-byte
   * text already (some regular expressions hold Chinese), so the import costs no more.
   */
  charset: 'utf8',
} as const;

const ZOD_LOCALES = fileURLToPath(new URL('./zod-locales.ts', import.meta.url));
const ZOD_UNUSED = fileURLToPath(new URL('./zod-unused.ts', import.meta.url));

/**
 * zod's `z` is one namespace object that re-exports everything, so no bundler can shake off
 * what the product never calls. Imports inside zod are redirected: its ~50 locales to the two
 * the product renders (infra/zod-locales.ts), `z.compile` and `z.fromJSONSchema` to stubs
 * that throw (infra/zod-unused.ts).
 */
const zodTrim: Plugin = {
  name: 'zod-trim',
  setup(esbuild) {
    const inZod = (importer: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(importer);
    esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      inZod(args.importer) ? { path: ZOD_LOCALES } : undefined,
    );
    esbuild.onResolve({ filter: /^\.\/(compile|from-json-schema)\.js$/ }, (args) =>
      inZod(args.importer) ? { path: ZOD_UNUSED } : undefined,
    );
    esbuild.onResolve({ filter: JSON_SCHEMA_MODULE }, (args) =>
      inZod(args.importer)
        ? { path: resolve(args.resolveDir, args.path), namespace: 'zod-json-schema' }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'zod-json-schema' }, (args) => ({
      contents: jsonSchemaStub(args.path),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** zod's JSON Schema generation: what `z.toJSONSchema` and `schema.toJSONSchema()` run. */
const JSON_SCHEMA_MODULE =
  /^\.\.?\/(core\/)?(json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

/**
 * A stand-in for one of zod's JSON Schema modules (31 KB of every function): the API document
 * is built at bundle time, so no function turns a schema into JSON Schema. Every export the
 * real module has is kept by name, read from the installed zod, so an upgrade cannot drop one
 * silently: the `create…Method` factories, which zod calls while making a schema, return a
 * method that throws; anything else throws when called. `aggregateChecks` stays the real one,
 * since schemas' `minLength`, `maxValue`, … read it.
 */
export function jsonSchemaStub(file: string): string {
  const names = [
    ...readFileSync(file, 'utf8').matchAll(
      /^export (?:const|function|class) (\w+)|^export \{ (\w+) as (\w+) \}/gm,
    ),
  ].map((match) => match[1] ?? match[3] ?? '');
  const lines = [
    `const notBundled = (name) => function () { throw new Error(name + ' is left out of the Lambda bundles (infra/bundle.ts): no function makes JSON Schema'); };`,
  ];
  for (const name of names) {
    if (name === 'aggregateChecks') lines.push(`export { aggregateChecks } from ${JSON.stringify(file)};`);
    else if (/^create\w*Method$/.test(name))
      lines.push(`export const ${name} = () => notBundled(${JSON.stringify(name)});`);
    else if (/^[A-Z]/.test(name))
      lines.push(`export class ${name} { constructor() { notBundled(${JSON.stringify(name)})(); } }`);
    else lines.push(`export const ${name} = notBundled(${JSON.stringify(name)});`);
  }
  return lines.join('\n');
}

const OPENAPI_RUNTIME = fileURLToPath(new URL('./openapi-runtime.ts', import.meta.url));

/** The OpenAPI generator stays at bundle time: the functions get infra/openapi-runtime.ts. */
const openApiRuntime: Plugin = {
  name: 'openapi-runtime',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@asteasolutions\/zod-to-openapi$/ }, () => ({ path: OPENAPI_RUNTIME }));
  },
};

const API_DOCUMENT = /[\\/]functions[\\/]portal[\\/]api-document\.ts$/;

/**
 * The API document as the portal serves it, built here from every function app (which
 * needs no I/O), so the bundle carries JSON instead of the other four apps.
 */
export async function renderApiDocument(): Promise<unknown> {
  const [{ createPortalApp }, { routeTable }] = await Promise.all([
    import('../functions/portal/app.ts'),
    import('../functions/route-table.ts'),
  ]);
  const app = createPortalApp({} as Parameters<typeof createPortalApp>[0]);
  const response = await app.request(routeTable.openapi.path);
  if (!response.ok) throw new Error(`The API document did not build (${response.status})`);
  return response.json();
}

/**
 * The portal's `api-document.ts` with the document built at bundle time: the same exports,
 * but `buildApiDocument` returns the finished document and `documentedApps` is empty, so no
 * other function app is bundled or loaded on a cold start. The document travels Brotli-packed
 * (9 KB instead of 122 KB of JSON) and is unpacked on its first request, not on every cold start.
 */
export function prebuiltApiDocumentModule(document: unknown): string {
  const packed = brotliCompressSync(JSON.stringify(document)).toString('base64');
  return [
    "import { brotliDecompressSync } from 'node:zlib';",
    `const packed = ${JSON.stringify(packed)};`,
    'let document;',
    'export const documentedApps = {};',
    "export function buildApiDocument() { return (document ??= JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString())); }",
  ].join('\n');
}

function prebuiltApiDocument(document: unknown): Plugin {
  return {
    name: 'prebuilt-api-document',
    setup(esbuild) {
      esbuild.onResolve({ filter: /api-document\.ts$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        return API_DOCUMENT.test(path) ? { path, namespace: 'prebuilt-api-document' } : undefined;
      });
      esbuild.onLoad({ filter: /.*/, namespace: 'prebuilt-api-document' }, () => ({
        contents: prebuiltApiDocumentModule(document),
        loader: 'js',
      }));
    },
  };
}

/** Bundles `entry` (a handler.ts) into `outdir/index.mjs` with its source map. */
export async function bundleFunction(
  entry: string,
  outdir: string,
): Promise<BuildResult<{ metafile: true }>> {
  const isPortal = /[\\/]functions[\\/]portal[\\/]handler\.ts$/.test(entry);
  const plugins = isPortal
    ? [zodTrim, openApiRuntime, prebuiltApiDocument(await renderApiDocument())]
    : [zodTrim, openApiRuntime];
  return build({
    entryPoints: [entry],
    outfile: `${outdir}/index.mjs`,
    bundle: true,
    platform: 'node',
    format: BUNDLE_OPTIONS.format,
    target: BUNDLE_OPTIONS.target,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    banner: { js: BUNDLE_OPTIONS.banner },
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourcemap,
    charset: BUNDLE_OPTIONS.charset,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins,
  });
}

// `tsx infra/bundle.ts <entry> <outdir>`: CDK's local bundling is synchronous and esbuild's
// plugins need its asynchronous API, so infra/function.ts runs this as a child process.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: tsx infra/bundle.ts <entry> <outdir>');
  await bundleFunction(entry, outdir);
}
