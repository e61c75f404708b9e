import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevIssuer } from '../infra/local/dev-auth.ts';
import { freePort, startDynamoDbLocal } from '../infra/local/engine.ts';
import { AdjustableClock } from '../shared/clock.ts';
import { createContest, openContest } from '../shared/contest/actions.ts';
import { createProposal } from '../shared/proposal/actions.ts';
import { listAssignmentsOfJudge } from '../shared/review/store.ts';
import { createTeam, type TeamInput } from '../shared/team/team.ts';
import { completeProposal, contestInput, teamInput } from '../test/support/fixtures.ts';
import { createHarness } from '../test/support/harness.ts';
import { buildReviewWorld, scores } from '../test/support/review-world.ts';
import { asPrincipal, DAY_MS } from '../test/support/world.ts';

/** Requests per endpoint and the connections they share, for the product and the floor alike. */
const REQUESTS = 400;
const CONNECTIONS = 16;

interface Job {
  method: string;
  path: string;
  token: string;
  body?: unknown;
}

/** A child process started with tsx, ready once it prints `ready`. */
function start(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes(ready)) resolve(child);
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${out.slice(-500)}`)));
  });
}

/** Sends the jobs over `CONNECTIONS` concurrent clients; throughput and latency percentiles. */
async function load(base: string, jobs: Job[]) {
  const ms: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t = performance.now();
        const response = await fetch(`${base}${job.path}`, {
          method: job.method,
          headers: {
            authorization: `Bearer ${job.token}`,
            ...(job.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(job.body === undefined ? {} : { body: JSON.stringify(job.body) }),
        });
        await response.arrayBuffer();
        ms.push(performance.now() - t);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))]!;
  return { rps: jobs.length / seconds, p50: at(50), p99: at(99), statuses };
}

/**
 * Speed side by side: the submit, score and create endpoints of `npm start` (its own process)
 * against the floor (bench/floor-server.ts, its own process), on one DynamoDB Local, in one run.
 * Goal (issue 12): ≥ 0.7× the floor's throughput and p99 ≤ 1.5× the floor's.
 */
export async function benchSpeed() {
  const engine = await startDynamoDbLocal();
  const dataDir = mkdtempSync(join(tmpdir(), 'mv-speed-'));
  const children: ChildProcess[] = [];
  try {
    const h = await createHarness(engine.endpoint);
    const [productPort, floorPort] = [await freePort(), await freePort()];
    const env = {
      DATA_DIR: dataDir,
      TABLE_NAME: h.tableName,
      DYNAMODB_ENDPOINT: engine.endpoint,
      RATE_LIMIT: '0',
    };
    children.push(
      await start(['infra/local/main.ts', `--port=${productPort}`, '--engine=endpoint'], env, 'Press Ctrl-C'),
    );
    const keyFile = join(dataDir, 'dev-jwt-key.json');
    children.push(
      await start(
        ['bench/floor-server.ts', String(floorPort), engine.endpoint, h.tableName, keyFile],
        {},
        'ready',
      ),
    );
    const issuer = await loadDevIssuer(keyFile);
    const product = `http://127.0.0.1:${productPort}`;
    const floor = `http://127.0.0.1:${floorPort}`;

    // The server's clock is the real one; the review contest is built so that it is in review
    // now, the submissions contest so that it is open once the server moves 16 days on.
    const now = new Date();
    const review = await buildReviewWorld(h, { proposals: 20, judges: 20, minJudges: 20, at: now });
    const later = new AdjustableClock();
    later.set(new Date(now.getTime() + 16 * DAY_MS));
    const deps = { ...h.deps, clock: later };
    const officer = review.officer;
    const { contest } = await createContest(deps, officer, review.office, contestInput(later.now()));
    await openContest(deps, officer, contest.id);
    const resident = (i: number) => ({
      sub: `speed-resident-${i}`,
      name: `居民${i}`,
      roles: ['resident' as const],
    });
    const drafts: Job[] = [];
    for (let r = 0; r < REQUESTS / 50; r++) {
      const user = resident(r);
      const token = await issuer.sign(user);
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const { team } = await createTeam(deps, asPrincipal(user), teamInput as TeamInput);
          for (let k = 0; k < 5; k++) {
            const { proposal } = await createProposal(deps, asPrincipal(user), contest.id, {
              teamId: team.id,
              ...completeProposal,
            });
            drafts.push({
              method: 'POST',
              path: `/api/contests/${contest.id}/proposals/${proposal.id}/submit`,
              token,
            });
          }
        }),
      );
    }
    const sheets: Job[] = [];
    for (const judge of review.judgeUsers) {
      const token = await issuer.sign(judge);
      const { items } = await listAssignmentsOfJudge(h.deps.db, h.deps.cursors, judge.sub, { limit: 100 });
      for (const a of items.filter((x) => x.contestId === review.contestId)) {
        sheets.push({
          method: 'PUT',
          path: `/api/contests/${review.contestId}/proposals/${a.proposalId}/sheet`,
          token,
          body: { scores: scores([2000, 2000, 1000, 1000, 1500]) },
        });
      }
    }
    const creators = await Promise.all(
      Array.from({ length: REQUESTS / 10 }, (_, i) => issuer.sign(resident(1000 + i))),
    );
    const creates: Job[] = creators.flatMap((token) =>
      Array.from({ length: 10 }, () => ({ method: 'POST', path: '/api/teams', token, body: teamInput })),
    );
    await fetch(`${product}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceDays: 16 }),
    });

    const lines = [
      `${REQUESTS} requests per endpoint over ${CONNECTIONS} connections; product = npm start's server, floor = bare Hono + JWT check + one PutItem (each its own process)`,
      'endpoint                 product req/s   p50    p99 |  floor req/s   p50    p99 | throughput  p99 ratio | vs a floor making one 3-item transaction',
    ];
    const cases: [string, Job[]][] = [
      ['submit a proposal', drafts.slice(0, REQUESTS)],
      ['save a score sheet', sheets.slice(0, REQUESTS)],
      ['create a team', creates],
    ];
    for (const [name, jobs] of cases) {
      const floorJobs = (shape: string) =>
        jobs.map((j) => ({ ...j, method: 'POST', path: `/floor/${shape}`, body: j.body ?? {} }));
      const f = await load(floor, floorJobs('items'));
      const p = await load(product, jobs);
      const t = await load(floor, floorJobs('transaction'));
      const statuses = [...p.statuses.entries()].map(([s, n]) => `${s}×${n}`).join(' ');
      lines.push(
        `${name.padEnd(24)} ${p.rps.toFixed(0).padStart(11)} ${p.p50.toFixed(0).padStart(5)} ${p.p99.toFixed(0).padStart(6)} | ` +
          `${f.rps.toFixed(0).padStart(11)} ${f.p50.toFixed(0).padStart(5)} ${f.p99.toFixed(0).padStart(6)} | ` +
          `${(p.rps / f.rps).toFixed(2).padStart(9)}× ${(p.p99 / f.p99).toFixed(2).padStart(8)}× | ` +
          `${(p.rps / t.rps).toFixed(2)}× throughput, ${(p.p99 / t.p99).toFixed(2)}× p99 (${t.rps.toFixed(0)} req/s)  (${statuses})`,
      );
    }
    lines.push('goal: throughput ≥ 0.70× the floor, p99 ≤ 1.50× the floor (ms are milliseconds)');
    return { name: 'API speed side by side with the floor (DynamoDB Local)', lines };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
