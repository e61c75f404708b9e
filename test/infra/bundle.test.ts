import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction, prebuiltApiDocumentModule, renderApiDocument } from '../../infra/bundle.ts';

const outdir = mkdtempSync(join(tmpdir(), 'mv-bundle-test-'));
const root = new URL('../../', import.meta.url).pathname;

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the function bundler', () => {
  it('keeps only the zod locales the product renders and none of z.compile or z.fromJSONSchema', {
    timeout: 120_000,
  }, async () => {
    // Act
    const { metafile } = await bundleFunction(
      join(root, 'functions/scoring/handler.ts'),
      join(outdir, 'scoring'),
    );

    // Assess
    const locales = Object.keys(metafile.inputs).filter((input) => input.includes('zod/v4/locales/'));
    expect(locales.sort()).toEqual([
      'node_modules/zod/v4/locales/en.js',
      'node_modules/zod/v4/locales/zh-CN.js',
    ]);
    const zod = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules/zod/'));
    expect(zod).toContain('node_modules/zod/v4/core/schemas.js');
    expect(zod.filter((input) => /compile\.js|from-json-schema\.js/.test(input))).toEqual([]);
  });

  it("runs a bundled function: its zod validates and answers in the caller's language", {
    timeout: 120_000,
  }, async () => {
    // Prepare
    await bundleFunction(join(root, 'functions/awards/handler.ts'), join(outdir, 'awards'));
    const event = {
      version: '2.0',
      routeKey: 'GET /api/notices/verify',
      rawPath: '/api/notices/verify',
      rawQueryString: 'number=MV-1&code=',
      headers: { host: 'api.example.org', 'accept-language': 'en' },
      requestContext: {
        http: { method: 'GET', path: '/api/notices/verify', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7' },
        requestId: 'bundle-test',
        routeKey: 'GET /api/notices/verify',
        stage: '$default',
      },
      isBase64Encoded: false,
    };
    const script = [
      `const { handler } = await import(${JSON.stringify(join(outdir, 'awards/index.mjs'))});`,
      `const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' });`,
      "process.stdout.write('\\nresult ' + JSON.stringify(result));",
    ].join('\n');

    // Act: a fresh Node process with a Lambda's configuration and no DynamoDB (none is asked)
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        TABLE_NAME: 'bundle-test',
        AWS_REGION: 'ap-east-1',
        AUTH_ISSUER: 'https://issuer.bundle.invalid',
        AUTH_AUDIENCE: 'bundle-test',
        SERVER_SECRET: 'bundle-test-secret-0123456789abcdef',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
    });

    // Assess
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout.slice(child.stdout.lastIndexOf('\nresult ') + 8));
    expect(result.statusCode).toBe(422);
    expect(result.headers['content-type']).toContain('application/problem+json');
    const problem = JSON.parse(result.body);
    expect(problem).toMatchObject({ code: 'validation.failed', title: 'The input is not valid' });
    expect(problem.errors).toEqual([{ path: 'code', message: 'Code cannot be empty' }]);
  });

  it('bundles the portal with the API document built, not the other function apps', {
    timeout: 120_000,
  }, async () => {
    // Act
    const { metafile } = await bundleFunction(
      join(root, 'functions/portal/handler.ts'),
      join(outdir, 'portal'),
    );

    // Assess
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.startsWith('prebuilt-api-document:'))).toBe(true);
    for (const fn of ['submissions', 'scoring', 'shortlisting', 'awards']) {
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
