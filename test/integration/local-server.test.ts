import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JAVA_MISSING, LOCAL_CREDENTIALS } from '../../infra/local/engine.ts';
import { DEMO_USERS } from '../../infra/local/seed.ts';
import { type LocalServer, startLocalServer } from '../../infra/local/server.ts';
import { loadLocalConfig } from '../../shared/config.ts';
import { createDb, queryPage } from '../../shared/db.ts';
import { newId } from '../../shared/ids.ts';
import { completeProposal } from '../support/fixtures.ts';
import { fetchJson, startTestServer } from '../support/local-server.ts';

/** The smoke test of `npm start`: sign in as a demo resident and submit a proposal. */
async function signInAndSubmit(server: LocalServer) {
  const home = await fetch(`${server.url}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('西屯街道社区公益微创投大赛');

  const docs = await fetch(`${server.url}/api/docs`);
  expect(docs.status).toBe(200);
  const openapi = await fetchJson(`${server.url}/api/openapi.json`);
  expect(openapi.body.paths['/api/contests/{contestId}/proposals']).toBeDefined();

  const calls = await fetchJson(`${server.url}/api/contests`);
  const demo = calls.body.items.find((c: { status: string }) => c.status === 'open');
  expect(demo).toMatchObject({ budgetFen: 17_500_000, officeName: '西屯街道办事处' });

  const { body: signIn } = await fetchJson(`${server.url}/dev/token`, {
    method: 'POST',
    body: JSON.stringify({ user: 'resident-4' }),
  });
  const token = signIn.token as string;
  const team = await fetchJson(`${server.url}/api/teams`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      name: '周末读书会',
      officeId: 'xitun',
      community: 'dongcheng',
      kind: 'resident-team',
      members: [{ name: '李红梅', role: 'leader', phone: '13900000004' }],
    }),
  });
  expect(team.status).toBe(201);
  const draft = await fetchJson(`${server.url}/api/contests/${demo.id}/proposals`, {
    method: 'POST',
    token,
    body: JSON.stringify({ teamId: team.body.id, ...completeProposal, community: 'dongcheng' }),
  });
  expect(draft.status).toBe(201);
  const submitted = await fetchJson(
    `${server.url}/api/contests/${demo.id}/proposals/${draft.body.id}/submit`,
    {
      method: 'POST',
      token,
    },
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.body.status).toBe('submitted');

  const { body: officerSignIn } = await fetchJson(`${server.url}/dev/token`, {
    method: 'POST',
    body: JSON.stringify({ user: 'officer-xitun' }),
  });
  const submissions = await fetchJson(`${server.url}/api/contests/${demo.id}/submissions?limit=100`, {
    token: officerSignIn.token,
  });
  expect(submissions.body.items.map((p: { id: string }) => p.id)).toContain(draft.body.id);
  expect(submissions.body.items).toHaveLength(4);
}

describe('npm start on DynamoDB Local', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('serves the portal, the API docs and the demo contest; a resident signs in and submits', async () => {
    await signInAndSubmit(server);
  });

  it('lets a demo judge score the contest that is in review, and the officer see the ranking', async () => {
    const tokenOf = async (user: string) =>
      (await fetchJson(`${server.url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) })).body
        .token as string;
    const judge = await tokenOf('judge-1');
    const { body: mine } = await fetchJson(`${server.url}/api/me/assignments`, { token: judge });
    expect(mine.items.length).toBeGreaterThan(0);
    const { contestId, proposalId } = mine.items[0];
    const base = `${server.url}/api/contests/${contestId}/proposals/${proposalId}`;
    const blind = await fetchJson(`${base}/blind`, { token: judge });
    expect(blind.body.rubric).toHaveLength(5);
    const scores = Object.fromEntries(
      blind.body.rubric.map((c: { code: string; maxPoints: number }) => [c.code, c.maxPoints - 100]),
    );
    expect(
      (await fetchJson(`${base}/sheet`, { method: 'PUT', token: judge, body: JSON.stringify({ scores }) }))
        .status,
    ).toBe(201);
    const submitted = await fetchJson(`${base}/sheet/submit`, { method: 'POST', token: judge });
    expect(submitted.body).toMatchObject({ status: 'submitted', total: 9500 });

    const officer = await tokenOf('officer-xitun');
    const progress = await fetchJson(`${server.url}/api/contests/${contestId}/progress`, { token: officer });
    expect(progress.body).toMatchObject({ submitted: 1, expected: 9 });
  });

  it('takes the demo contest in review all the way to verified award notices through the API', async () => {
    const tokenOf = async (user: string) =>
      (await fetchJson(`${server.url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) })).body
        .token as string;
    const officer = await tokenOf('officer-xitun');
    let contestId = '';
    for (const judgeId of ['judge-1', 'judge-2', 'judge-3', 'judge-4', 'judge-5']) {
      const judge = await tokenOf(judgeId);
      for (const assignment of (await fetchJson(`${server.url}/api/me/assignments`, { token: judge })).body
        .items) {
        contestId = assignment.contestId;
        if (assignment.sheet === 'submitted') continue;
        const base = `${server.url}/api/contests/${assignment.contestId}/proposals/${assignment.proposalId}`;
        const { body: blind } = await fetchJson(`${base}/blind`, { token: judge });
        const scores = Object.fromEntries(
          blind.rubric.map((c: { code: string; maxPoints: number }) => [c.code, c.maxPoints - 200]),
        );
        await fetchJson(`${base}/sheet`, { method: 'PUT', token: judge, body: JSON.stringify({ scores }) });
        expect((await fetchJson(`${base}/sheet/submit`, { method: 'POST', token: judge })).status).toBe(200);
      }
    }
    const c = `${server.url}/api/contests/${contestId}`;
    const published = await fetchJson(`${c}/publish`, { method: 'POST', token: officer });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.bundle.usedFen).toBeLessThanOrEqual(17_500_000);
    await fetchJson(`${server.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 8 }) });
    const locked = await fetchJson(`${c}/lock`, { method: 'POST', token: officer });
    expect(locked.status, JSON.stringify(locked.body)).toBe(200);
    const issued = await fetchJson(`${c}/notices/issue`, { method: 'POST', token: officer });
    expect(issued.body.issued).toBe(3);

    const resident = await tokenOf('resident-1');
    const [notice] = (await fetchJson(`${server.url}/api/me/notices`, { token: resident })).body.items;
    expect(notice.kind).toBe('selected');
    const verified = await fetchJson(
      `${server.url}/api/notices/verify?number=${encodeURIComponent(notice.number)}&code=${notice.verificationCode}`,
    );
    expect(verified.body).toMatchObject({ valid: true, notice: { amountCapital: notice.amountCapital } });
    expect((await fetchJson(`${c}/audit/verify`)).body.ok).toBe(true);
    const page = await fetch(`${server.url}/notices/${contestId}/${notice.proposalId}`, {
      headers: { authorization: `Bearer ${resident}` },
    });
    const html = await page.text();
    expect(html).toContain(notice.amountCapital);
    expect(html).toContain('联系方式：西屯街道社会事务办公室');
  });

  it('offers every demo user on the sign-in page', async () => {
    const page = await (await fetch(`${server.url}/dev/sign-in`)).text();
    for (const user of DEMO_USERS) expect(page).toContain(user.name);
  });
});

describe('npm start on its own DynamoDB Local', () => {
  let server: LocalServer;
  const lines: string[] = [];
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mv-watchdog-'));
    const config = loadLocalConfig(['--port=0'], { DATA_DIR: dataDir, TABLE_NAME: 'micro-venture' });
    server = await startLocalServer(config, (line) => lines.push(line));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts DynamoDB Local when it dies, keeps the data, says so, and answers 503 meanwhile', async () => {
    expect(server.engine.kind).toBe('dynamodb-local');
    const before = await fetchJson(`${server.url}/api/contests`);
    expect(before.status).toBe(200);
    const pid = server.engine.pid!;
    process.kill(pid, 'SIGKILL');

    const statuses: number[] = [];
    let after = await fetchJson(`${server.url}/api/contests`);
    const started = Date.now();
    while (after.status !== 200 && Date.now() - started < 60_000) {
      statuses.push(after.status);
      expect(after.status, JSON.stringify(after.body)).toBe(503);
      expect(after.headers.get('retry-after')).toBeTruthy();
      await new Promise((r) => setTimeout(r, 200));
      after = await fetchJson(`${server.url}/api/contests`);
    }
    expect(after.status).toBe(200);
    expect(statuses.length).toBeGreaterThan(0);
    expect(after.body.items.map((c: { id: string }) => c.id)).toEqual(
      before.body.items.map((c: { id: string }) => c.id),
    );
    expect(server.engine.pid).not.toBe(pid);
    expect(lines.join('\n')).toMatch(
      /DynamoDB Local stopped \(SIGKILL\); restarting it on port \d+ with the data in /,
    );
    // The engine answers a moment before the watchdog reports it back.
    for (let i = 0; i < 50 && !lines.includes('DynamoDB Local is running again.'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(lines, lines.join('\n')).toContain('DynamoDB Local is running again.');
    await signInAndSubmit(server);
  }, 120_000);
});

/**
 * `npm start` as a process: its output and exit code. It is sent Ctrl-C once it says it is
 * running; `env` adds to (or with an empty value clears) the environment.
 */
function runStart(args: string[], env: Record<string, string>) {
  return new Promise<{ output: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) child.kill('SIGINT');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ output, code }));
  });
}

describe('the npm start process', () => {
  const onRunEngine = (table: string) => ({ DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), TABLE_NAME: table });

  it('prints its URL, seeds the demo once, and stops cleanly on Ctrl-C', async () => {
    const table = `proc-${newId().toLowerCase()}`;
    const run = () => runStart(['--port=0', '--engine=endpoint', '--memory'], onRunEngine(table));

    const first = await run();
    const second = await run();

    expect(first.output).toMatch(/Portal\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect([first.code, second.code]).toEqual([0, 0]);
    const contestId = /Demo call\s+\S+\/api\/contests\/(\S+)/.exec(second.output)?.[1];
    const db = createDb({
      tableName: table,
      region: 'local',
      endpoint: inject('dynamoEndpoint'),
      credentials: LOCAL_CREDENTIALS,
    });
    const contest = await queryPage(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `CONTEST#${contestId}` },
    });
    expect(contest.items.filter((item) => String(item.sk).startsWith('PROPOSAL#'))).toHaveLength(4);
    // The elderly-care purchase, in bidding with three sealed bids, seeded once.
    const procurementId = /Purchase\s+\S+\/api\/procurements\/(\S+)/.exec(second.output)?.[1];
    const procurement = await queryPage(db, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `PROCUREMENT#${procurementId}` },
    });
    expect(procurement.items.find((item) => item.sk === '#PROCUREMENT')?.status).toBe('bidding');
    expect(procurement.items.filter((item) => String(item.sk).startsWith('BID#'))).toHaveLength(3);
  });

  it('says so clearly when the port is taken', async () => {
    const server = await startTestServer();
    try {
      const port = new URL(server.url).port;
      const result = await runStart(
        [`--port=${port}`, '--engine=endpoint', '--memory'],
        onRunEngine(`port-${newId().toLowerCase()}`),
      );
      expect(result.code).toBe(1);
      expect(result.output).toContain(`Port ${port} is already in use`);
    } finally {
      await server.stop();
    }
  });

  it('stops with one line on how to install Java 17 when there is no Java', async () => {
    // No PATH: no `java` to find (node itself is started by its full path).
    const result = await runStart(['--port=0', '--memory'], { PATH: '' });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(JAVA_MISSING);
    expect(result.output).toContain('apt-get install openjdk-17-jre-headless');
    expect(result.output).toContain('brew install openjdk@17');
  });
});
