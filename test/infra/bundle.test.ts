import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction, prebuiltApiDocumentModule, renderApiDocument } from '../../infra/bundle.ts';

const outdir = mkdtempSync(join(tmpdir(), 'mv-bundle-test-'));
const root = new URL('../../', import.meta.url).pathname;

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the function bundler', () => {
  it('keeps only the zod locales the product renders', { timeout: 120_000 }, async () => {
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
