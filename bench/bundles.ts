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

interface ImportTime {
  /** Wall-clock ms of the `import()`. */
  ms: number;
  /** CPU ms of the process over the `import()` (all threads): less moved by a busy machine. */
  cpuMs: number;
}

/** One fresh process's `import()` of `file`: what a cold start spends loading the module. */
function importTime(file: string): ImportTime {
  const script = [
    'const cpu = process.cpuUsage(), t = performance.now();',
    `await import(${JSON.stringify(file)});`,
    'const used = process.cpuUsage(cpu);',
    'process.stdout.write(JSON.stringify({ ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 }));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...LAMBDA_ENV, PATH: '' },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`import of ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ImportTime;
}

const median = (values: number[]) =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Each file's median cold import over IMPORT_RUNS fresh processes, the files taken in turns
 * (baseline, every function, baseline, …) so load from elsewhere on the machine falls on all alike.
 */
function coldImports(files: string[]): ImportTime[] {
  const runs = files.map((): ImportTime[] => []);
  for (let run = 0; run < IMPORT_RUNS; run++) {
    for (const [i, file] of files.entries()) runs[i]?.push(importTime(file));
  }
  return runs.map((times) => ({
    ms: median(times.map((time) => time.ms)),
    cpuMs: median(times.map((time) => time.cpuMs)),
  }));
}

/** Bytes in the output by package (node_modules) or project folder, from esbuild's metafile. */
function bytesByPackage(metafile: Metafile): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      bytes.set(pkg, (bytes.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return bytes;
}

/** What a bundle carries beyond the baseline, by package, heaviest first: where its extra size is. */
function beyond(fn: Built, baseline: Built, count: number): string {
  const base = bytesByPackage(baseline.metafile);
  return [...bytesByPackage(fn.metafile)]
    .map(([pkg, size]): [string, number] => [pkg, size - (base.get(pkg) ?? 0)])
    .filter(([, extra]) => extra >= 1024)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, extra]) => `${pkg} ${kb(extra)}`)
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
    // Two steps between the minimal and a function, measured in the same turns: where the
    // ratio comes from before any route is added.
    const steps = await Promise.all([
      bundle('+ zod', 'bench/zod-handler.ts', outdir),
      bundle('no route', 'bench/empty-function.ts', outdir),
    ]);
    const functions = await Promise.all(
      FUNCTIONS.map((name) => bundle(name, `functions/${name}/handler.ts`, outdir)),
    );
    const measured = [...steps, ...functions];
    const [base, ...times] = coldImports([baseline.file, ...measured.map((fn) => fn.file)]);
    if (!base) throw new Error('no baseline import time');
    const lines = [
      `minimal Hono + DynamoDB handler: ${kb(baseline.bytes)}, cold import ${base.ms.toFixed(0)} ms, ` +
        `${base.cpuMs.toFixed(0)} CPU ms (medians of ${IMPORT_RUNS} fresh processes, taken in turns)`,
    ];
    let worst = 0;
    let worstCpu = 0;
    for (const [i, fn] of measured.entries()) {
      const time = times[i] ?? { ms: Number.NaN, cpuMs: Number.NaN };
      const sizeRatio = fn.bytes / baseline.bytes;
      const timeRatio = time.ms / base.ms;
      const cpuRatio = time.cpuMs / base.cpuMs;
      const isFunction = i >= steps.length;
      if (isFunction) {
        worst = Math.max(worst, sizeRatio, timeRatio);
        worstCpu = Math.max(worstCpu, sizeRatio, cpuRatio);
      }
      if (i === steps.length) lines.push('functions:');
      lines.push(
        `${fn.name.padEnd(13)} ${kb(fn.bytes).padStart(9)} (${sizeRatio.toFixed(2)}×)  ` +
          `${time.ms.toFixed(0).padStart(4)} ms (${timeRatio.toFixed(2)}×)  ` +
          `${time.cpuMs.toFixed(0).padStart(4)} CPU ms (${cpuRatio.toFixed(2)}×)`,
        `${''.padEnd(13)} beyond the minimal: ${beyond(fn, baseline, 7)}`,
      );
    }
    lines.push(
      `worst ratio ${worst.toFixed(2)}× in bytes or wall-clock, ${worstCpu.toFixed(2)}× in bytes or CPU ` +
        `(bar: ${MAX_RATIO}×) ${Math.min(worst, worstCpu) <= MAX_RATIO ? 'within' : 'OVER'}`,
    );
    return { name: 'Lambda bundles and cold imports (bundled by infra/bundle.ts, as cdk synth does)', lines };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
