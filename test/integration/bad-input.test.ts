import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/http/app.ts';
import { completeProposal, contestInput, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem, fuzzRoutes } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildWorld, DAY_MS, type World } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** What a client can see of the world; a rejected request must leave all of it unchanged. */
async function snapshot(w: World) {
  const get = (path: string, token?: string) => call(w.app, 'GET', path, { token }).then((r) => r.body);
  return {
    contest: await get(`/api/contests/${w.contestId}`, w.tokens.officer),
    contests: await get(`/api/offices/${w.office}/contests`, w.tokens.officer),
    teams: await get('/api/me/teams', w.tokens.owner),
    proposals: await get('/api/me/proposals', w.tokens.owner),
  };
}

describe('bad input is refused with a clear 4xx and changes nothing', () => {
  it('survives generated invalid bodies on every route that takes one', async () => {
    const w = await buildWorld(h, 'open');
    const routes = [
      {
        method: 'POST',
        path: `/api/offices/${w.office}/contests`,
        token: w.tokens.officer,
        valid: contestInput(w.clock.now()),
      },
      {
        method: 'PATCH',
        path: `/api/contests/${w.contestId}`,
        token: w.tokens.officer,
        valid: { title: 'x' },
      },
      {
        method: 'POST',
        path: `/api/contests/${w.contestId}/cancel`,
        token: w.tokens.officer,
        valid: { reason: 'x' },
      },
      { method: 'POST', path: '/api/teams', token: w.tokens.owner, valid: teamInput },
      { method: 'PUT', path: `/api/teams/${w.teamId}`, token: w.tokens.owner, valid: teamInput },
      {
        method: 'POST',
        path: `/api/contests/${w.contestId}/proposals`,
        token: w.tokens.owner,
        valid: { teamId: w.teamId, ...completeProposal },
      },
      {
        method: 'PATCH',
        path: `/api/contests/${w.contestId}/proposals/${w.draftId}`,
        token: w.tokens.owner,
        valid: completeProposal,
      },
      {
        method: 'PUT',
        path: `/api/contests/${w.contestId}/proposals/${w.submittedId}/eligibility`,
        token: w.tokens.officer,
        valid: { eligible: false, reason: 'x' },
      },
    ];
    await fuzzRoutes(w.app, routes, () => snapshot(w), 120);
  });

  it('survives generated invalid bodies on the bulk screening route', async () => {
    const w = await buildWorld(h, 'screening');
    const routes = [
      {
        method: 'POST',
        path: `/api/contests/${w.contestId}/screenings`,
        token: w.tokens.officer,
        valid: {
          items: [
            { proposalId: w.submittedId, eligible: false, reason: '不在服务范围', version: 1 },
            { proposalId: w.draftId, eligible: true },
          ],
        },
      },
    ];
    await fuzzRoutes(w.app, routes, () => snapshot(w), 80);
  });

  it('refuses broken JSON, a wrong content type and an oversized body', async () => {
    const w = await buildWorld(h, 'open');
    const before = await snapshot(w);
    const path = `/api/contests/${w.contestId}/proposals`;
    expectProblem(await call(w.app, 'POST', path, { token: w.tokens.owner, raw: '{"teamId": ' }), 400);
    const asText = await call(w.app, 'POST', path, {
      token: w.tokens.owner,
      raw: JSON.stringify({ teamId: w.teamId }),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(asText, 415);
    const huge = await call(w.app, 'POST', path, {
      token: w.tokens.owner,
      body: { teamId: w.teamId, need: 'x'.repeat(MAX_BODY_BYTES + 1) },
    });
    expectProblem(huge, 413);
    expect(await snapshot(w)).toEqual(before);
  });

  it('names every wrong field of a contest, in Chinese by default', async () => {
    const w = await buildWorld(h, 'draft');
    const before = await snapshot(w);
    const response = await call(w.app, 'POST', `/api/offices/${w.office}/contests`, {
      token: w.tokens.officer,
      lang: 'zh-CN',
      body: contestInput(w.clock.now(), {
        budgetFen: -5,
        capFen: 12.5,
        rubric: [{ code: 'only', name: '唯一', maxPoints: 9000 }],
        surprise: true,
      }),
    });
    expectProblem(response, 422);
    expect(response.headers.get('content-language')).toBe('zh-CN');
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['budgetFen', 'capFen', 'rubric', '']));
    expect(response.body.errors.find((e: { path: string }) => e.path === 'rubric').message).toContain('100');
    expect(response.body.detail).toBe('输入校验未通过');
    expect(await snapshot(w)).toEqual(before);
  });

  it('refuses dates out of order and a cap above the budget', async () => {
    const w = await buildWorld(h, 'draft');
    const now = w.clock.now();
    const response = await call(w.app, 'POST', `/api/offices/${w.office}/contests`, {
      token: w.tokens.officer,
      body: contestInput(now, {
        capFen: 20_000_000,
        reviewDeadline: new Date(now.getTime() + DAY_MS).toISOString(),
      }),
    });
    expectProblem(response, 422);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'capFen',
      'reviewDeadline',
    ]);
  });

  it('refuses to submit a budget that does not add up or goes over the cap', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    const patched = await call(w.app, 'PATCH', path, {
      token: w.tokens.owner,
      body: { requestedFen: 700_000 },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.status).toBe(200);
    const notAddingUp = await call(w.app, 'POST', `${path}/submit`, { token: w.tokens.owner });
    expectProblem(notAddingUp, 422);
    expect(notAddingUp.body.errors).toEqual([
      {
        path: 'requestedFen',
        message: 'Budget lines add up to 6,000.00 yuan, not the requested 7,000.00 yuan',
      },
    ]);

    const overCap = await call(w.app, 'PATCH', path, {
      token: w.tokens.owner,
      body: {
        budgetLines: [{ item: '大额设备', unitPriceFen: 2_000_000, quantity: 1, amountFen: 2_000_000 }],
        requestedFen: 2_000_000,
      },
      headers: { 'if-match': '"2"' },
    });
    expect(overCap.status).toBe(200);
    const aboveCap = await call(w.app, 'POST', `${path}/submit`, { token: w.tokens.owner });
    expectProblem(aboveCap, 422);
    expect(aboveCap.body.errors[0].path).toBe('requestedFen');
    const after = await call(w.app, 'GET', path, { token: w.tokens.owner });
    expect(after.body.status).toBe('draft');
  });

  it('refuses a budget line whose amount is not unit price × quantity, and fractional fen', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    for (const line of [
      { item: '材料', unitPriceFen: 100, quantity: 3, amountFen: 301 },
      { item: '材料', unitPriceFen: 100.5, quantity: 2, amountFen: 201 },
      { item: '材料', unitPriceFen: -100, quantity: 2, amountFen: -200 },
    ]) {
      const response = await call(w.app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { budgetLines: [line] },
        headers: { 'if-match': '"1"' },
      });
      expectProblem(response, 422);
    }
    expect((await call(w.app, 'GET', path, { token: w.tokens.owner })).body.version).toBe(1);
  });

  it("refuses another team's proposal and another resident's team", async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    expectProblem(
      await call(w.app, 'PATCH', path, {
        token: w.tokens.otherResident,
        body: { title: '抢' },
        headers: { 'if-match': '"1"' },
      }),
      403,
    );
    expectProblem(
      await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
        token: w.tokens.otherResident,
        body: { teamId: w.teamId, title: '冒名' },
      }),
      403,
    );
    expectProblem(
      await call(w.app, 'GET', `/api/contests/${w.contestId}/proposals/nonexistent`, {
        token: w.tokens.owner,
      }),
      404,
    );
  });

  it('refuses a submission one second after the deadline, and accepts one a second before', async () => {
    const w = await buildWorld(h, 'open');
    const contest = (await call(w.app, 'GET', `/api/contests/${w.contestId}`)).body;
    const deadline = new Date(contest.submissionDeadline).getTime();
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;

    w.clock.set(new Date(deadline - 1000));
    const before = await call(w.app, 'POST', `${path}/submit`, { token: w.tokens.owner });
    expect(before.status).toBe(200);
    const withdrawn = await call(w.app, 'POST', `${path}/withdraw`, { token: w.tokens.owner });
    expect(withdrawn.status).toBe(200);

    w.clock.set(new Date(deadline + 1000));
    const late = await call(w.app, 'POST', `${path}/submit`, { token: w.tokens.owner, lang: 'zh-CN' });
    expectProblem(late, 409);
    expect(late.body.detail).toContain('截止');
    const edit = await call(w.app, 'PATCH', path, {
      token: w.tokens.owner,
      body: { title: '晚了' },
      headers: { 'if-match': '"3"' },
    });
    expectProblem(edit, 409);
    expect((await call(w.app, 'GET', path, { token: w.tokens.owner })).body).toMatchObject({
      status: 'withdrawn',
      version: 3,
    });
  });

  it('refuses edits to a contest once it is open: the rules are frozen', async () => {
    const w = await buildWorld(h, 'open');
    const response = await call(w.app, 'PATCH', `/api/contests/${w.contestId}`, {
      token: w.tokens.officer,
      body: { budgetFen: 99_999_900 },
      headers: { 'if-match': '"2"' },
    });
    expectProblem(response, 409);
    expect((await call(w.app, 'GET', `/api/contests/${w.contestId}`)).body.budgetFen).toBe(17_500_000);
  });

  it('refuses to close before the deadline, to open twice, and asks for If-Match on edits', async () => {
    const w = await buildWorld(h, 'open');
    expectProblem(
      await call(w.app, 'POST', `/api/contests/${w.contestId}/close`, { token: w.tokens.officer }),
      409,
    );
    expectProblem(
      await call(w.app, 'POST', `/api/contests/${w.contestId}/open`, { token: w.tokens.officer }),
      409,
    );
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    expectProblem(
      await call(w.app, 'PATCH', path, { token: w.tokens.owner, body: { title: '无版本' } }),
      428,
    );
    expectProblem(
      await call(w.app, 'PATCH', path, {
        token: w.tokens.owner,
        body: { title: '坏版本' },
        headers: { 'if-match': 'abc' },
      }),
      400,
    );
  });

  it('refuses a forged pagination cursor', async () => {
    const w = await buildWorld(h, 'open');
    const forged = `${Buffer.from(JSON.stringify({ pk: 'OFFICE#x', sk: '#OFFICE' })).toString('base64url')}.AAAA`;
    expectProblem(
      await call(w.app, 'GET', `/api/me/proposals?next=${forged}`, { token: w.tokens.owner }),
      400,
    );
    expectProblem(await call(w.app, 'GET', '/api/me/proposals?limit=0', { token: w.tokens.owner }), 422);
    expectProblem(await call(w.app, 'GET', '/api/me/proposals?sort=evil', { token: w.tokens.owner }), 422);
  });

  it('serves a public route to an invalid token as anonymous, and refuses it with 401 elsewhere', async () => {
    const w = await buildWorld(h, 'open');
    expect((await call(w.app, 'GET', '/api/contests', { token: 'not-a-jwt' })).status).toBe(200);
    expectProblem(await call(w.app, 'GET', '/api/me/proposals', { token: 'not-a-jwt' }), 401);
  });
});
