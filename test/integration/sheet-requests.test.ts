import { beforeAll, describe, expect, it } from 'vitest';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { readWholeContest } from '../../shared/review/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { browserSession } from '../support/pages.ts';
import { countedDb } from '../support/request-counter.ts';
import { buildReviewWorld, type ReviewWorld, scores } from '../support/review-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The scoring app on a client whose every DynamoDB request the counter sees. */
function countedApp(w: ReviewWorld) {
  const { count, db } = countedDb(h.tableName, h.endpoint);
  return { count, app: createScoringApp({ ...w.deps, db }) };
}

/**
 * Issue 12: a judge's sheet save and sheet submit each make at most two DynamoDB requests (one
 * BatchGetItem of what the write needs, one TransactWriteItems whose conditions carry the
 * judge's standing), counted by the client middleware `npm run bench -- requests` uses. A
 * refusal may read more, after the failed condition, to name its cause as clearly as before.
 */
describe('DynamoDB requests of a judge’s sheet write', { timeout: 120_000 }, () => {
  it('saves, saves again and submits a sheet in at most two requests each; refusals still name the cause', async () => {
    const w = await buildReviewWorld(h, { proposals: 3, judges: 3, minJudges: 2 });
    const { count, app } = countedApp(w);
    const whole = (await readWholeContest(w.deps.db, w.contestId))!;
    const tokenOf = (judgeId: string) => w.tokens.judges[w.judgeUsers.findIndex((j) => j.sub === judgeId)]!;
    const [a, b] = whole.assignments as [(typeof whole.assignments)[0], (typeof whole.assignments)[0]];
    const unassigned = w.judgeUsers.find(
      (j) => !whole.assignments.some((x) => x.proposalId === a.proposalId && x.judgeId === j.sub),
    )!;
    const sheetPath = (proposalId: string) => `/api/contests/${w.contestId}/proposals/${proposalId}/sheet`;
    const sheet = { scores: scores([2000, 1800, 1200, 1200, 1600]) };
    const measured = async (send: () => ReturnType<typeof call>) => {
      count.reset();
      const response = await send();
      return {
        status: response.status,
        body: response.body as { code?: string; status?: string },
        requests: count.total(),
        by: count.describe(),
      };
    };

    const created = await measured(() =>
      call(app, 'PUT', sheetPath(a.proposalId), { token: tokenOf(a.judgeId), body: sheet }),
    );
    expect(created.status).toBe(201);
    expect(created.by).toBe('BatchGetItem×1 TransactWriteItems×1');
    expect(created.requests).toBeLessThanOrEqual(2);

    const saved = await measured(() =>
      call(app, 'PUT', sheetPath(a.proposalId), {
        token: tokenOf(a.judgeId),
        body: sheet,
        headers: { 'if-match': '"1"' },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.requests).toBeLessThanOrEqual(2);

    const submitted = await measured(() =>
      call(app, 'POST', `${sheetPath(a.proposalId)}/submit`, { token: tokenOf(a.judgeId) }),
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.requests).toBeLessThanOrEqual(2);

    // Submitting with the scores in the request, no draft first: one read, one write as well.
    const direct = await measured(() =>
      call(app, 'POST', `${sheetPath(b.proposalId)}/submit`, { token: tokenOf(b.judgeId), body: sheet }),
    );
    expect(direct.status).toBe(200);
    expect(direct.requests).toBeLessThanOrEqual(2);

    // A judge's reads check their standing in one request too.
    const blind = await measured(() =>
      call(app, 'GET', sheetPath(b.proposalId).replace(/sheet$/, 'blind'), { token: tokenOf(b.judgeId) }),
    );
    expect([blind.status, blind.by]).toEqual([200, 'BatchGetItem×1']);
    const own = await measured(() =>
      call(app, 'GET', sheetPath(a.proposalId), { token: tokenOf(a.judgeId) }),
    );
    expect([own.status, own.by]).toEqual([200, 'BatchGetItem×1']);

    // Refusals read after the failed condition (one request more) and say what they said before.
    const final = await measured(() =>
      call(app, 'PUT', sheetPath(a.proposalId), { token: tokenOf(a.judgeId), body: sheet }),
    );
    expect([final.status, final.body.code]).toEqual([409, 'sheet.final']);
    const notAssigned = await measured(() =>
      call(app, 'PUT', sheetPath(a.proposalId), { token: tokenOf(unassigned.sub), body: sheet }),
    );
    expect([notAssigned.status, notAssigned.body.code]).toEqual([403, 'judge.notAssigned']);
    const outsider = await measured(() =>
      call(app, 'PUT', sheetPath(a.proposalId), { token: w.tokens.outsider, body: sheet }),
    );
    expect([outsider.status, outsider.body.code]).toEqual([403, 'judge.notOnPanel']);
    for (const refusal of [final, notAssigned, outsider]) expect(refusal.requests).toBeLessThanOrEqual(3);
  });

  it('saves and submits from the judge page in two requests each too', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 2, minJudges: 1 });
    const { count, app } = countedApp(w);
    const whole = (await readWholeContest(w.deps.db, w.contestId))!;
    const a = whole.assignments[0]!;
    const session = browserSession(app, w.tokens.judges[w.judgeUsers.findIndex((j) => j.sub === a.judgeId)]);
    const page = `/judge/${w.contestId}/${a.proposalId}`;
    await session.get(page);
    const form = {
      'scores.need-fit': '20',
      'scores.feasibility': '18',
      'scores.team-capacity': '12',
      'scores.budget': '12',
      'scores.participation': '16',
    };
    const posted = async (fields: Record<string, string>) => {
      count.reset();
      const response = await session.post(page, fields);
      return { status: response.status, location: response.location, by: count.describe() };
    };

    // A form error is shown beside its field (422, the page read again to show it); nothing is written.
    const bad = await posted({ do: 'save', ...form, 'scores.budget': '十二' });
    expect(bad.status).toBe(422);
    expect(bad.by).not.toContain('TransactWriteItems');
    expect(await posted({ do: 'save', ...form })).toMatchObject({
      status: 303,
      by: 'BatchGetItem×1 TransactWriteItems×1',
    });
    expect(await posted({ do: 'confirm-submit', version: '1', ...form })).toMatchObject({
      status: 303,
      by: 'BatchGetItem×1 TransactWriteItems×1',
    });
  });
});
