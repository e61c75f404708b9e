import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RouteName, routeTable } from '../../functions/route-table.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { type LocalServer, startLocalServer } from '../../infra/local/server.ts';
import { loadLocalConfig } from '../../shared/config.ts';
import { newId } from '../../shared/ids.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { fetchJson, startTestServer } from '../support/local-server.ts';
import { buildMatrixWorld, type MatrixPhase, type MatrixWorld } from '../support/matrix-world.ts';
import { EXPECTATIONS, expectedStatus, permittedActor, sendAs } from '../support/route-expectations.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('conditional requests (RFC 9110 §13)', () => {
  it('takes If-Match: *, a list of tags, weak tags; refuses stale (412), missing (428) and malformed (400)', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    const edit = (title: string, ifMatch?: string) =>
      call(w.app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { title },
        ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
      });

    const star = await edit('任何版本都可以', '*');
    expect(star.status, JSON.stringify(star.body)).toBe(200);
    expect(star.headers.get('etag')).toBe('"2"');

    const list = await edit('列表中的一个', '"1", "2", W/"x"');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.version).toBe(3);

    const weak = await edit('弱标签', 'W/"3"');
    expect(weak.status).toBe(200);

    const stale = await edit('过时的', '"1", "3"');
    expectProblem(stale, 412);
    expect((await edit('没有条件的')).status).toBe(428);

    for (const lang of ['zh-CN', 'en'] as const) {
      const malformed = await call(w.app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { title: '格式错误' },
        headers: { 'if-match': '4' },
        lang,
      });
      expectProblem(malformed, 400);
      expect(malformed.body.code).toBe('precondition.malformed');
      expect(malformed.body.detail).toContain('If-Match');
    }
    const after = await call(w.app, 'GET', path, { token: w.tokens.owner });
    expect(after.body).toMatchObject({ title: '弱标签', version: 4 });
  });

  it('answers a GET whose If-None-Match holds the current ETag with 304 and no body', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    const first = await call(w.app, 'GET', path, { token: w.tokens.owner });
    const etag = first.headers.get('etag')!;
    expect(etag).toBe('"1"');

    for (const condition of [etag, `W/${etag}`, `"7", ${etag}`, '*']) {
      const again = await w.app.request(path, {
        headers: { authorization: `Bearer ${w.tokens.owner}`, 'if-none-match': condition },
      });
      expect(again.status, condition).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('no-store');
    }
    const stale = await call(w.app, 'GET', path, {
      token: w.tokens.owner,
      headers: { 'if-none-match': '"0"' },
    });
    expect(stale.status).toBe(200);
    expect(stale.body.id).toBe(w.draftId);

    // A public read: cached, but revalidated every time, which a 304 makes cheap.
    const contest = await call(w.app, 'GET', `/api/contests/${w.contestId}`);
    expect(contest.headers.get('cache-control')).toBe('no-cache');
    const revalidated = await w.app.request(`/api/contests/${w.contestId}`, {
      headers: { 'if-none-match': contest.headers.get('etag')! },
    });
    expect(revalidated.status).toBe(304);
  });
});

describe('problem+json for paths and methods no route has', () => {
  it('answers an unknown path with 404 and a wrong method with 405 and Allow, in both languages', async () => {
    const w = await buildWorld(h, 'open');
    const scoring = createScoringApp(w.deps);
    for (const lang of ['zh-CN', 'en'] as const) {
      const unknown = await call(w.app, 'GET', '/api/nowhere', { lang });
      expectProblem(unknown, 404);
      expect(unknown.body.code).toBe('http.notFound');

      const wrong = await call(scoring, 'DELETE', `/api/contests/${w.contestId}/judges`, {
        token: w.tokens.officer,
        lang,
      });
      expectProblem(wrong, 405);
      expect(wrong.headers.get('allow')).toBe('GET, HEAD');
      expect(wrong.body.detail).toContain('DELETE');
      expect(wrong.body.detail).toContain('GET, HEAD');
      expect(wrong.body.detail).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('caching of personal data', () => {
  it('marks teams (phones), a resident’s own reads and problems to signed-in callers no-store', async () => {
    const w = await buildWorld(h, 'open');
    const team = await call(w.app, 'GET', `/api/teams/${w.teamId}`, { token: w.tokens.owner });
    expect(team.body.members.some((m: { phone?: string }) => m.phone)).toBe(true);
    expect(team.headers.get('cache-control')).toBe('no-store');
    const mine = await call(w.app, 'GET', '/api/me/proposals', { token: w.tokens.owner });
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const refused = await call(w.app, 'GET', `/api/teams/${w.teamId}`, { token: w.tokens.otherResident });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('marks CSV exports, printable notices and notice verification no-store, for whoever may read them', async () => {
    const worlds = new Map<MatrixPhase, MatrixWorld>();
    const names: RouteName[] = [
      'rankingCsv',
      'awardsCsv',
      'printNotice',
      'myNoticesPage',
      'verifyNoticePage',
      'verifyNotice',
    ];
    for (const name of names) {
      const spec = routeTable[name];
      const x = EXPECTATIONS[name]![0]!;
      if (!worlds.has(x.phase)) worlds.set(x.phase, await buildMatrixWorld(h, x.phase));
      const w = worlds.get(x.phase)!;
      // The permitted person, and anyone the route lets in without signing in (a notice's code is in the URL).
      const actors = [
        permittedActor(spec, x)!,
        ...(expectedStatus(spec, x, 'anonymous') === 200 ? ['anonymous' as const] : []),
      ];
      for (const actor of actors) {
        const response = await sendAs(w, h.deps.secret, spec, actor, x.request(w));
        expect(response.status, `${name} as ${actor}`).toBe(200);
        expect(response.headers.get('cache-control'), `${name} as ${actor}`).toBe('no-store');
      }
    }
  });
});

describe('the local server', () => {
  describe('on the default loopback address', () => {
    let server: LocalServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server?.stop());

    it('answers paths and methods no route has with problem+json: 404, or 405 with Allow', async () => {
      const contests = await fetchJson(`${server.url}/api/contests`);
      const id = contests.body.items[0].id as string;
      const wrong = await fetchJson(`${server.url}/api/contests/${id}/judges/judge-1`, {
        method: 'POST',
        headers: { 'accept-language': 'en' },
      });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('content-type')).toContain('application/problem+json');
      expect(wrong.headers.get('allow')).toBe('DELETE, PUT');
      const unknown = await fetchJson(`${server.url}/api/contests/${id}/nothing-here`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
      expect(unknown.body.title).toBe('未找到该资源');
      const devUnknown = await fetchJson(`${server.url}/dev/nothing`, {
        headers: { 'accept-language': 'en' },
      });
      expect(devUnknown.status).toBe(404);
      expect(devUnknown.headers.get('content-type')).toContain('application/problem+json');
      const badUser = await fetchJson(`${server.url}/dev/token`, {
        method: 'POST',
        body: JSON.stringify({ user: 'nobody' }),
        headers: { 'accept-language': 'en' },
      });
      expect(badUser.status).toBe(422);
      expect(badUser.body.errors[0]).toMatchObject({ path: 'user' });
      expect(badUser.body.errors[0].message).toContain('resident-1');
    });

    it('serves the demo sign-in on loopback', async () => {
      expect((await fetch(`${server.url}/dev/sign-in`)).status).toBe(200);
    });
  });

  const onNetwork = (extra: Record<string, string>, argv: string[] = []) => {
    const lines: string[] = [];
    const config = loadLocalConfig(['--memory', '--port=0', '--engine=endpoint', ...argv], {
      TABLE_NAME: `net-${newId().toLowerCase()}`,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      HOST: '0.0.0.0',
      ...extra,
    });
    return { lines, start: () => startLocalServer(config, (line) => lines.push(line)) };
  };

  it('refuses /dev/* on a network address, and says so, unless --dev-routes is given', async () => {
    const off = onNetwork({});
    const server = await off.start();
    try {
      expect(off.lines.join('\n')).toMatch(
        /Warning: HOST=0\.0\.0\.0 .*\/dev\/\* \(demo sign-in, clock\) is off/,
      );
      expect(off.lines.join('\n')).not.toContain('/dev/sign-in');
      for (const path of ['/dev/sign-in', '/dev/clock']) {
        const response = await fetchJson(`${server.url}${path}`);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      const token = await fetchJson(`${server.url}/dev/token`, {
        method: 'POST',
        body: JSON.stringify({ user: 'officer-xitun' }),
      });
      expect(token.status).toBe(404);
      expect((await fetchJson(`${server.url}/api/contests`)).status).toBe(200);
    } finally {
      await server.stop();
    }

    const on = onNetwork({}, ['--dev-routes']);
    const open = await on.start();
    try {
      expect(on.lines.join('\n')).toMatch(/Warning: HOST=0\.0\.0\.0 .*--dev-routes is on/);
      expect((await fetch(`${open.url}/dev/sign-in`)).status).toBe(200);
    } finally {
      await open.stop();
    }
  });

  it('limits each client’s requests per minute: then 429 problem+json with Retry-After, in both languages', async () => {
    const limited = onNetwork({ HOST: '127.0.0.1', RATE_LIMIT: '4' });
    const server = await limited.start();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/contests`)).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      for (const lang of ['zh-CN', 'en'] as const) {
        const refused = await fetchJson(`${server.url}/api/contests`, {
          headers: { 'accept-language': lang },
        });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        const retryAfter = Number(refused.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(refused.body).toMatchObject({ status: 429, code: 'http.tooManyRequests' });
        expect(refused.body.detail).toContain(String(retryAfter));
        expect(refused.body.detail).not.toMatch(/\{\w+\}/);
      }
    } finally {
      await server.stop();
    }
  });
});
