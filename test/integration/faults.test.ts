import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { auditActions, count, failingDb, transactionConflict } from '../support/faults.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** What DynamoDB answers when it is overloaded, failing, slow or contended. */
const FAULTS = {
  throttling: () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput (injected)'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    }),
  'a 500': () =>
    Object.assign(new Error('Internal server error (injected)'), {
      name: 'InternalServerError',
      $metadata: { httpStatusCode: 500 },
    }),
  'a timeout': () => Object.assign(new Error('Request timed out (injected)'), { name: 'TimeoutError' }),
  'a transaction conflict': () => transactionConflict(3),
} as const;

/** Which call of a proposal submit fails: its one read, or its one transaction. */
const CALLS = {
  'the one read (the proposal and its contest)': 'BatchGetItemCommand',
  'the transaction': 'TransactWriteItemsCommand',
} as const;

describe('DynamoDB faults on chosen calls of a proposal submit', () => {
  for (const [faultName, fault] of Object.entries(FAULTS)) {
    for (const [callName, command] of Object.entries(CALLS)) {
      // Only a transaction can be cancelled by a conflict.
      if (faultName === 'a transaction conflict' && command !== 'TransactWriteItemsCommand') continue;
      it(`answers ${faultName} on ${callName} with 503 and Retry-After after bounded retries, leaving nothing half-done`, async () => {
        const w = await buildWorld(h, 'open');
        const { db, state } = failingDb(h, fault, (name) => name === command);
        state.down = true;
        const app = createSubmissionsApp({ ...w.deps, db });
        const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
        const before = await call(w.app, 'GET', path, { token: w.tokens.owner });
        const trail = await auditActions(w.deps.db, w.contestId);

        const refused = await call(app, 'POST', `${path}/submit`, { token: w.tokens.owner });

        expect(refused.status, JSON.stringify(refused.body)).toBe(503);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        // Bounded: the SDK's three attempts, or the product's own retries of a conflict.
        expect(state.failed).toBeGreaterThanOrEqual(3);
        expect(state.failed).toBeLessThanOrEqual(20);
        expect(await call(w.app, 'GET', path, { token: w.tokens.owner })).toMatchObject({
          status: 200,
          body: before.body,
        });
        expect(await auditActions(w.deps.db, w.contestId)).toEqual(trail);

        state.down = false;
        const retried = await call(app, 'POST', `${path}/submit`, { token: w.tokens.owner });
        expect(retried.status).toBe(200);
        expect(retried.body.status).toBe('submitted');
        const after = await auditActions(w.deps.db, w.contestId);
        expect(count(after, 'proposal.submit')).toBe(count(trail, 'proposal.submit') + 1);
      });
    }
  }
});
