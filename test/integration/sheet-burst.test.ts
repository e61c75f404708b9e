import { beforeAll, describe, expect, it } from 'vitest';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { saveSheet } from '../../shared/review/actions.ts';
import { auditActions, count, faultyDb } from '../support/faults.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/**
 * Issue 8: a sheet submit updates the contest item (`reviewRevision`, so publish commits on the
 * ranking it read), so a burst of submits in one contest contends on that item; a draft save
 * only checks it. This measures both bursts side by side on DynamoDB Local: how many
 * TransactWriteItems each burst needed (every retry after a TransactionConflict is one more),
 * and checks nothing is lost. The figure is written down in docs/data-model.md.
 */
describe('a burst of sheet writes in one contest', { timeout: 180_000 }, () => {
  it('stores every one of 20 judges’ drafts and submits sent at once, and reports the transactions each took', async () => {
    const judges = 20;
    const w = await buildReviewWorld(h, { proposals: 2, judges, minJudges: judges });
    const [first, second] = w.proposalIds as [string, string];
    const sheet = { scores: scores([2000, 2000, 1200, 1200, 1600]) };
    for (const judge of w.judgeUsers) await saveSheet(w.deps, asPrincipal(judge), w.contestId, first, sheet);

    let transactions = 0;
    const app = createScoringApp({
      ...w.deps,
      db: faultyDb(
        h,
        (command) => {
          if (command === 'TransactWriteItemsCommand') transactions++;
        },
        { patient: true },
      ),
    });
    const base = `/api/contests/${w.contestId}/proposals`;
    const burst = async (send: (token: string) => ReturnType<typeof call>) => {
      transactions = 0;
      const started = performance.now();
      const responses = await Promise.all(w.tokens.judges.map(send));
      return {
        statuses: responses.map((r) => r.status),
        transactions,
        ms: Math.round(performance.now() - started),
      };
    };

    const drafts = await burst((token) =>
      call(app, 'PUT', `${base}/${second}/sheet`, { token, body: sheet }),
    );
    const submits = await burst((token) => call(app, 'POST', `${base}/${first}/sheet/submit`, { token }));

    expect(drafts.statuses).toEqual(Array(judges).fill(201));
    expect(submits.statuses).toEqual(Array(judges).fill(200));
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'sheet.submit')).toBe(judges);
    expect(drafts.transactions).toBeGreaterThanOrEqual(judges);
    expect(submits.transactions).toBeGreaterThanOrEqual(judges);
    console.log(
      `burst of ${judges} in one contest on DynamoDB Local: draft saves ${drafts.transactions} transactions in ${drafts.ms} ms, ` +
        `submits ${submits.transactions} transactions in ${submits.ms} ms`,
    );
  });
});
