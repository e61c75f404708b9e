import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionName } from '../../functions/route-table.ts';
import { bundleFunction, prebuiltApiDocumentModule, renderApiDocument } from '../../infra/bundle.ts';

const outdir = mkdtempSync(join(tmpdir(), 'mv-bundle-test-'));
const root = new URL('../../', import.meta.url).pathname;
const metafiles = new Map<FunctionName, Metafile>();

/** Enough of a Lambda's configuration for a handler's module scope; no DynamoDB is asked. */
const LAMBDA_ENV = {
  TABLE_NAME: 'bundle-test',
  AWS_REGION: 'ap-east-1',
  AUTH_ISSUER: 'https://issuer.bundle.invalid',
  AUTH_AUDIENCE: 'bundle-test',
  SERVER_SECRET: 'bundle-test-secret-0123456789abcdef',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Invokes a bundled function's handler in a fresh Node process with an HTTP API (2.0) GET. */
function invokeBundle(fn: FunctionName, path: string, query = '') {
  const event = {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'api.example.org', 'accept-language': 'en' },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7' },
      requestId: 'bundle-test',
      routeKey: `GET ${path}`,
      stage: '$default',
    },
    isBase64Encoded: false,
  };
  const script = [
    `const { handler } = await import(${JSON.stringify(join(outdir, fn, 'index.mjs'))});`,
    `const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' });`,
    "process.stdout.write('\\nresult ' + JSON.stringify(result));",
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: LAMBDA_ENV,
    encoding: 'utf8',
  });
  expect(child.stderr, fn).toBe('');
  const result = JSON.parse(child.stdout.slice(child.stdout.lastIndexOf('\nresult ') + 8));
  return { ...result, problem: JSON.parse(result.body) } as {
    statusCode: number;
    headers: Record<string, string>;
    problem: { code: string; title: string; errors?: unknown };
  };
}

beforeAll(async () => {
  for (const fn of FUNCTIONS) {
    const { metafile } = await bundleFunction(join(root, `functions/${fn}/handler.ts`), join(outdir, fn));
    metafiles.set(fn, metafile);
  }
}, 300_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the function bundler', () => {
  it('keeps only the zod locale zod installs and none of z.compile, z.fromJSONSchema or z.toJSONSchema', () => {
    // Act
    const inputs = Object.keys(metafiles.get('scoring')?.inputs ?? {});

    // Assess
    const locales = inputs
      .filter((input) => input.includes('zod/v4/locales/'))
      .map((input) => input.slice(input.indexOf('node_modules/')));
    expect(locales).toEqual(['node_modules/zod/v4/locales/en.js']);
    const zod = inputs.filter((input) => input.startsWith('node_modules/zod/'));
    expect(zod.some((input) => input.endsWith('node_modules/zod/v4/core/schemas.js'))).toBe(true);
    expect(zod.filter((input) => /compile\.js|from-json-schema\.js/.test(input))).toEqual([]);
    expect(zod.filter((input) => /to-json-schema\.js|json-schema-generator\.js/.test(input))).toEqual([]);
  });

  it('leaves the OpenAPI generator out of every function', () => {
    for (const fn of FUNCTIONS) {
      const inputs = Object.keys(metafiles.get(fn)?.inputs ?? {});
      expect(
        inputs.some((input) => input.endsWith('node_modules/@hono/zod-openapi/dist/index.mjs')),
        fn,
      ).toBe(true);
      expect(
        inputs.filter((input) => input.includes('@asteasolutions/zod-to-openapi')),
        fn,
      ).toEqual([]);
    }
  });

  it('gives every bundled function a working module scope: an unknown path is a 404 problem', () => {
    for (const fn of FUNCTIONS) {
      // Act
      const result = invokeBundle(fn, '/api/no-such-route');

      // Assess
      expect(result.statusCode, fn).toBe(404);
      expect(result.headers['content-type'], fn).toContain('application/problem+json');
      expect(result.problem.code, fn).toBe('http.notFound');
    }
  });

  it("runs a bundled function's zod validation in the caller's language", () => {
    // Act
    const result = invokeBundle('awards', '/api/notices/verify', 'number=MV-1&code=');

    // Assess
    expect(result.statusCode).toBe(422);
    expect(result.headers['content-type']).toContain('application/problem+json');
    expect(result.problem).toMatchObject({ code: 'validation.failed', title: 'The input is not valid' });
    expect(result.problem.errors).toEqual([{ path: 'code', message: 'Code cannot be empty' }]);
  });

  it('bundles the portal with the API document built, not the other function apps', () => {
    // Act
    const inputs = Object.keys(metafiles.get('portal')?.inputs ?? {});

    // Assess
    expect(inputs.some((input) => input.startsWith('prebuilt-api-document:'))).toBe(true);
    for (const fn of FUNCTIONS.filter((name) => name !== 'portal')) {
      expect(
        inputs.filter((input) => input.startsWith(`functions/${fn}/`)),
        fn,
      ).toEqual([]);
    }
  });

  it('serves the same API document as the portal builds at run time', { timeout: 60_000 }, async () => {
    // Prepare
    const document = await renderApiDocument();

    // Act
    const module = await import(
      `data:text/javascript,${encodeURIComponent(prebuiltApiDocumentModule(document))}`
    );

    // Assess
    expect(module.buildApiDocument([])).toEqual(document);
    expect(module.documentedApps).toEqual({});
    expect(Object.keys((document as { paths: object }).paths)).toContain('/api/contests/{contestId}');
  });
});
