import { beforeAll, describe, expect, it } from 'vitest';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem, fuzzRoutes } from '../support/hostile.ts';
import { call } from '../support/http.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

async function snapshot(w: ScoredWorld) {
  const c = `/api/contests/${w.contestId}`;
  const get = (app: ScoredWorld['shortlisting'], path: string) =>
    call(app, 'GET', path, { token: w.tokens.officer }).then((r) => r.body);
  return {
    decisions: await get(w.shortlisting, `${c}/bundle/decisions`),
    objections: await get(w.shortlisting, `${c}/objections`),
    audit: (await get(w.awards, `${c}/audit`)).items.length,
  };
}

describe('bad input to shortlisting is refused with a clear 4xx and changes nothing', () => {
  it('refuses a trim above the request and an unknown proposal, naming the field', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const before = await snapshot(w);
    const response = await call(w.shortlisting, 'PUT', `/api/contests/${w.contestId}/bundle/decisions`, {
      token: w.tokens.officer,
      body: {
        trims: { [w.proposalIds[0]!]: { approvedFen: 600_001, reason: '多给一点' } },
        drop: [{ proposalId: 'NOPE', reason: '不存在' }],
      },
    });
    expectProblem(response, 422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [`trims.${w.proposalIds[0]}.approvedFen`, 'drop.0.proposalId'].sort(),
    );
    expect(await snapshot(w)).toEqual(before);
  });

  it('refuses a category quota that cannot be met, naming the cause', async () => {
    const w = await buildScoredWorld(h, {
      proposals: 2,
      judges: 3,
      minJudges: 3,
      rules: { shortlisting: { policy: 'rank-fill', categoryQuotas: { elderly: { min: 1 } } } },
    });
    const before = await snapshot(w);
    const response = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, {
      token: w.tokens.officer,
    });
    expectProblem(response, 422);
    expect(response.body.code).toBe('bundle.quotaUnmet');
    expect(response.body.detail).toContain('为老服务');
    expect(await snapshot(w)).toEqual(before);
    const contest = await call(w.shortlisting, 'GET', `/api/contests/${w.contestId}/publicity`);
    expect(contest.status).toBe(404);
  });

  it('survives generated invalid bodies on decisions, objections and answers', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const c = `/api/contests/${w.contestId}`;
    const [first, second] = w.proposalIds;
    const routes = [
      {
        method: 'PUT',
        path: `${c}/bundle/decisions`,
        token: w.tokens.officer,
        valid: {
          trims: { [first!]: { approvedFen: 500_000, reason: '压缩' } },
          add: [{ proposalId: second, reason: '补入' }],
          incompatibleGroups: [[first, second]],
        },
      },
      { method: 'POST', path: `${c}/objections`, token: w.tokens.resident, valid: { text: '异议' } },
      { method: 'PUT', path: `${c}/objections/X/answer`, token: w.tokens.officer, valid: { answer: '答复' } },
    ];
    await fuzzRoutes(w.shortlisting, routes, () => snapshot(w), 60);
  });
});
