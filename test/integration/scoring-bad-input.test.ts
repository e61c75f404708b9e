import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem, fuzzRoutes } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, type ReviewWorld, scores } from '../support/review-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** Everything of the contest's judging a client can see; a refused request leaves it as it was. */
async function snapshot(w: ReviewWorld) {
  const get = (path: string) => call(w.app, 'GET', path, { token: w.tokens.officer }).then((r) => r.body);
  const sheets = await Promise.all(
    w.proposalIds.map((id) => get(`/api/contests/${w.contestId}/proposals/${id}/sheets`)),
  );
  return {
    panel: await get(`/api/contests/${w.contestId}/judges`),
    progress: await get(`/api/contests/${w.contestId}/progress`),
    sheets,
  };
}

describe('bad input to the scoring function is refused with a clear 4xx and changes nothing', () => {
  it('survives generated invalid bodies on every scoring route that takes one', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const [proposalId] = w.proposalIds;
    const base = `/api/contests/${w.contestId}/proposals/${proposalId}`;
    const judge = w.tokens.judges[0];
    const valid = scores([2000, 2000, 1000, 1000, 1500]);
    // A submitted sheet to reopen; judge 1's stays a draft.
    await call(w.app, 'PUT', `${base}/sheet`, { token: judge, body: { scores: valid } });
    await call(w.app, 'POST', `${base}/sheet/submit`, { token: judge });
    const routes = [
      {
        method: 'PUT',
        path: `${base}/sheet`,
        token: w.tokens.judges[1],
        valid: { scores: valid, overallComment: '好' },
      },
      {
        method: 'PUT',
        path: `/api/contests/${w.contestId}/judges/${w.outsiderJudge.sub}`,
        token: w.tokens.officer,
        valid: { name: '新' },
      },
      {
        method: 'POST',
        path: `/api/contests/${w.contestId}/assignments`,
        token: w.tokens.officer,
        valid: { proposalId, judgeId: w.judgeUsers[1]!.sub },
      },
      {
        method: 'POST',
        path: `${base}/sheets/${w.judgeUsers[0]!.sub}/reopen`,
        token: w.tokens.officer,
        valid: { reason: '更正' },
      },
      { method: 'POST', path: `${base}/conflict`, token: w.tokens.judges[2], valid: { reason: '亲属' } },
      {
        method: 'POST',
        path: `${base}/sheet/submit`,
        token: w.tokens.judges[1],
        valid: { scores: valid, overallComment: '好' },
      },
    ];
    await fuzzRoutes(w.app, routes, () => snapshot(w), 80);
  });

  it('refuses broken JSON and a wrong content type on a sheet', async () => {
    const w = await buildReviewWorld(h, { proposals: 1, judges: 3, minJudges: 3 });
    const path = `/api/contests/${w.contestId}/proposals/${w.proposalIds[0]}/sheet`;
    const token = w.tokens.judges[0];
    expectProblem(await call(w.app, 'PUT', path, { token, raw: '{"scores": {' }), 400);
    expectProblem(
      await call(w.app, 'PUT', path, {
        token,
        raw: '{"scores":{}}',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
    expect((await call(w.app, 'GET', path, { token })).status).toBe(404);
  });
});
