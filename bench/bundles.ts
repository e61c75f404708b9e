import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { FUNCTIONS } from '../functions/route-table.ts';
import { bundleFunction } from '../infra/bundle.ts';

/** Issue 11's bar: each function within 1.3× the minimal handler, in bytes and in cold import. */
export const MAX_RATIO = 1.3;
const IMPORT_RUNS = 7;

const root = fileURLToPath(new URL('..', import.meta.url));

/** Enough configuration for a handler's module scope to run (no request is made). */
const LAMBDA_ENV = {
  TABLE_NAME: 'bench-table',
  AWS_REGION: 'ap-east-1',
  AUTH_ISSUER: 'https://issuer.bench.invalid',
  AUTH_AUDIENCE: 'bench',
  SERVER_SECRET: 'bench-secret-0123456789abcdef',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_METRICS_NAMESPACE: 'Bench',
  POWERTOOLS_DEV: 'false',
};

interface Built {
  name: string;
  file: string;
  bytes: number;
  metafile: Metafile;
}

/** Bundles one entry exactly as `cdk synth` does (infra/bundle.ts). */
async function bundle(name: string, entry: string, outdir: string): Promise<Built> {
  const dir = join(outdir, name);
  const { metafile } = await bundleFunction(join(root, entry), dir);
  const file = join(dir, 'index.mjs');
  return { name, file, bytes: statSync(file).size, metafile };
}

/** Median of fresh-process `import()` times: what a cold start spends loading the module. */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const times: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...LAMBDA_ENV, PATH: '' },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`import of ${file} failed: ${child.stderr}`);
    times.push(Number(child.stdout));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** The packages (or project folders) that weigh most in a bundle, from esbuild's metafile. */
function heaviest(metafile: Metafile, count: number): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      bytes.set(pkg, (bytes.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, size]) => `${pkg} ${kb(size)}`)
    .join(', ');
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/**
 * `npm run bench`: every function's bundle and cold import beside the minimal Hono +
 * DynamoDB handler's, built the same way in the same run, with each bundle's heaviest parts.
 */
export async function benchBundles() {
  const outdir = mkdtempSync(join(tmpdir(), 'mv-bundles-'));
  try {
    const baseline = await bundle('minimal', 'bench/minimal-handler.ts', outdir);
    const functions = await Promise.all(
      FUNCTIONS.map((name) => bundle(name, `functions/${name}/handler.ts`, outdir)),
    );
    const baseMs = coldImportMs(baseline.file);
    const lines = [
      `minimal Hono + DynamoDB handler: ${kb(baseline.bytes)}, cold import ${baseMs.toFixed(0)} ms (median of ${IMPORT_RUNS})`,
    ];
    let worst = 0;
    for (const fn of functions) {
      const ms = coldImportMs(fn.file);
      const sizeRatio = fn.bytes / baseline.bytes;
      const timeRatio = ms / baseMs;
      worst = Math.max(worst, sizeRatio, timeRatio);
      lines.push(
        `${fn.name.padEnd(13)} ${kb(fn.bytes).padStart(9)} (${sizeRatio.toFixed(2)}×)  ` +
          `${ms.toFixed(0).padStart(4)} ms (${timeRatio.toFixed(2)}×)  heaviest: ${heaviest(fn.metafile, 4)}`,
      );
    }
    lines.push(
      `worst ratio ${worst.toFixed(2)}× (bar: ${MAX_RATIO}×) ${worst <= MAX_RATIO ? 'within' : 'OVER'}`,
    );
    return { name: 'Lambda bundles and cold imports (bundled by infra/bundle.ts, as cdk synth does)', lines };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
