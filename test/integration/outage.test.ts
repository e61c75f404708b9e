import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { LOCAL_CREDENTIALS } from '../../infra/local/engine.ts';
import { createDb } from '../../shared/db.ts';
import { failingDb } from '../support/faults.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
const timedOut = () =>
  Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' });

describe('a DynamoDB outage', () => {
  for (const [name, fault] of [
    ['refused connections', refused],
    ['timed-out requests', timedOut],
  ] as const) {
    it(`answers ${name} with 503 and Retry-After, writes nothing, and serves the next request after recovery`, async () => {
      const w = await buildWorld(h, 'open');
      const { db, state } = failingDb(h, fault);
      const app = createSubmissionsApp({ ...w.deps, db });
      const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
      const before = await call(app, 'GET', path, { token: w.tokens.owner });
      expect(before.status).toBe(200);

      state.down = true;
      for (const lang of ['zh-CN', 'en'] as const) {
        const read = await call(app, 'GET', `/api/contests/${w.contestId}`, { lang });
        expect(read.status).toBe(503);
        expect(Number(read.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(read.headers.get('content-type')).toContain('application/problem+json');
        expect(read.body).toMatchObject({ status: 503, code: 'http.unavailable' });
      }
      const write = await call(app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { title: '停电时的修改' },
        headers: { 'if-match': before.headers.get('etag')! },
      });
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBeTruthy();
      // The SDK retried before giving up: three attempts per call.
      expect(state.failed).toBeGreaterThanOrEqual(3 * 3);

      state.down = false;
      const after = await call(app, 'GET', path, { token: w.tokens.owner });
      expect(after.status).toBe(200);
      expect(after.body).toEqual(before.body);
      const retried = await call(app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { title: '恢复后的修改' },
        headers: { 'if-match': before.headers.get('etag')! },
      });
      expect(retried.status).toBe(200);
      expect(retried.body.title).toBe('恢复后的修改');
    });
  }

  describe('an engine that accepts connections and never answers (a paused DynamoDB Local)', () => {
    let stalled: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      stalled = createServer((socket) => sockets.push(socket));
      await new Promise<void>((done) => stalled.listen(0, '127.0.0.1', done));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => stalled.close(done));
    });

    it('gives up after the request timeout and answers 503, not a hang', async () => {
      const w = await buildWorld(h, 'open');
      const address = stalled.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const db = createDb({
        tableName: h.tableName,
        region: 'local',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: LOCAL_CREDENTIALS,
        requestTimeoutMs: 300,
        maxAttempts: 2,
      });
      const app = createSubmissionsApp({ ...w.deps, db });
      const started = performance.now();
      const response = await call(app, 'GET', `/api/contests/${w.contestId}`, { lang: 'zh-CN' });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(response.body.detail).not.toMatch(/\{\w+\}/);
      expect(sockets.length).toBeGreaterThanOrEqual(2);
      // Two attempts of 300 ms plus one backoff: well under the seconds a hang would take.
      expect(elapsed).toBeLessThan(5000);
    });

    it('answers a refused connection with 503 too', async () => {
      const w = await buildWorld(h, 'open');
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const address = closed.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await new Promise((done) => closed.close(done));
      const db = createDb({
        tableName: h.tableName,
        region: 'local',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: LOCAL_CREDENTIALS,
        maxAttempts: 1,
      });
      const app = createSubmissionsApp({ ...w.deps, db });
      const response = await call(app, 'POST', '/api/teams', { token: w.tokens.owner, body: teamInput });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
