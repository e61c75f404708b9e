import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { LOCAL_CREDENTIALS, LOCAL_TIMEOUTS } from '../../infra/local/engine.ts';
import { createDb, type DbOptions } from '../../shared/db.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { countedDb } from '../support/request-counter.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The test table through a client with one more middleware. */
function dbWith(instrument: NonNullable<DbOptions['instrument']>) {
  return createDb({
    tableName: h.tableName,
    region: 'local',
    endpoint: h.endpoint,
    credentials: LOCAL_CREDENTIALS,
    ...LOCAL_TIMEOUTS,
    instrument,
  });
}

/** A client whose requests are counted by the middleware `npm run bench -- requests` uses. */
function countingDb() {
  return countedDb(h.tableName, h.endpoint);
}

/** Issue 12: the requests a hot write makes are counted, so one more read fails here. */
describe('DynamoDB requests per call', () => {
  it('submits a proposal in at most two requests: one read of the proposal and its contest, one write', async () => {
    const w = await buildWorld(h, 'open');
    const { db, count } = countingDb();
    const app = createSubmissionsApp({ ...w.deps, db });

    const submitted = await call(app, 'POST', `/api/contests/${w.contestId}/proposals/${w.draftId}/submit`, {
      token: w.tokens.owner,
    });

    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(count.total(), count.describe()).toBeLessThanOrEqual(2);
    expect(count.describe()).toBe('BatchGetItem×1 TransactWriteItems×1');
  });

  it('refuses with the same two reads folded into one: another resident, a stale If-Match, a closed call', async () => {
    const w = await buildWorld(h, 'after-deadline');
    const { db, count } = countingDb();
    const app = createSubmissionsApp({ ...w.deps, db });
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}/submit`;

    const outsider = await call(app, 'POST', path, { token: w.tokens.otherResident });
    const stale = await call(app, 'POST', path, { token: w.tokens.owner, headers: { 'if-match': '"9"' } });
    const late = await call(app, 'POST', path, { token: w.tokens.owner });

    expect([outsider.status, stale.status, late.status]).toEqual([403, 412, 409]);
    expect(late.body.code).toBe('contest.deadlinePassed');
    expect(count.describe()).toBe('BatchGetItem×3');
  });

  it('asks again for keys the service left unprocessed, and answers 503 when it keeps leaving them', async () => {
    const w = await buildWorld(h, 'open');
    const state = { unprocessed: 1, asked: 0 };
    const db = dbWith((stack) =>
      stack.add(
        (next, context) => async (args) => {
          if (context.commandName !== 'BatchGetItemCommand') return next(args);
          state.asked++;
          if (state.asked > state.unprocessed) return next(args);
          // What DynamoDB answers under throttling: nothing read, every key left for later.
          const input = args.input as { RequestItems: Record<string, unknown> };
          return {
            output: { $metadata: {}, Responses: {}, UnprocessedKeys: input.RequestItems },
            response: {},
          };
        },
        { step: 'initialize', name: 'leaveUnprocessed' },
      ),
    );
    const app = createSubmissionsApp({ ...w.deps, db });
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}/submit`;

    state.unprocessed = 100;
    const refused = await call(app, 'POST', path, { token: w.tokens.owner });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(state.asked).toBe(4);

    state.asked = 0;
    state.unprocessed = 1;
    const submitted = await call(app, 'POST', path, { token: w.tokens.owner });
    expect(submitted.status).toBe(200);
    expect(state.asked).toBe(2);
  });
});
