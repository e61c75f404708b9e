import { beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../shared/audit-log.ts';
import { closeContest } from '../../shared/contest/actions.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { createProposal, submitProposal } from '../../shared/proposal/actions.ts';
import { completeProposal } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal, buildWorld, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** A contest in screening with two submissions (`first`, `second`) and a draft that was never submitted. */
async function screeningWorld() {
  const w = await buildWorld(h, 'open');
  const owner = asPrincipal(w.people.resident);
  const { proposal } = await createProposal(w.deps, owner, w.contestId, {
    teamId: w.teamId,
    ...completeProposal,
    title: '邻里助老',
  });
  await submitProposal(w.deps, owner, w.contestId, proposal.id);
  w.clock.advance(15 * DAY_MS);
  await closeContest(w.deps, asPrincipal(w.people.officer), w.contestId);
  return { ...w, first: w.submittedId, second: proposal.id };
}

const screenings = (contestId: string) => `/api/contests/${contestId}/screenings`;

describe('screening several submissions in one request', () => {
  it('screens each item on its own, with its reason, and audits each success', async () => {
    const w = await screeningWorld();
    for (const lang of LOCALES) {
      const response = await call(w.app, 'POST', screenings(w.contestId), {
        token: w.tokens.officer,
        lang,
        body: {
          items: [
            { proposalId: w.first, eligible: true },
            { proposalId: w.draftId, eligible: true },
            { proposalId: 'NOPE', eligible: true },
            { proposalId: w.second, eligible: false, reason: '不在服务范围', version: 7 },
          ],
        },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.succeeded).toBe(1);
      expect(response.body.failed).toBe(3);
      const [ok, draft, unknown, stale] = response.body.results;
      expect(ok).toMatchObject({
        id: w.first,
        status: 200,
        item: { id: w.first, eligibility: { eligible: true } },
      });
      expect(draft).toMatchObject({ id: w.draftId, status: 409, problem: { code: 'proposal.wrongStatus' } });
      expect(unknown).toMatchObject({ id: 'NOPE', status: 404, problem: { code: 'proposal.notFound' } });
      expect(stale).toMatchObject({ id: w.second, status: 412, problem: { code: 'precondition.failed' } });
      expect(draft.problem.detail).toBe(
        lang === 'en'
          ? 'The proposal is a draft; this action is not possible now'
          : '申报书状态为“草稿”，不能执行此操作',
      );
    }
    const entries = (await readAudit(w.deps, w.contestId)).filter((e) => e.action === 'proposal.screen');
    expect(entries.map((e) => e.subject)).toEqual([w.first, w.first]);
    const second = await call(w.app, 'GET', `/api/contests/${w.contestId}/proposals/${w.second}`, {
      token: w.tokens.officer,
    });
    expect(second.body.eligibility).toBeUndefined();

    const retried = await call(w.app, 'POST', screenings(w.contestId), {
      token: w.tokens.officer,
      // Created as version 1, submitted as 2.
      body: { items: [{ proposalId: w.second, eligible: false, reason: '不在服务范围', version: 2 }] },
    });
    expect(retried.body.results[0]).toMatchObject({
      status: 200,
      item: { eligibility: { eligible: false } },
    });
  });

  it('refuses the whole request outside screening, for another office, and with a repeated proposal', async () => {
    const w = await screeningWorld();
    const items = [{ proposalId: w.first, eligible: true }];
    const other = await call(w.app, 'POST', screenings(w.contestId), {
      token: w.tokens.otherOfficer,
      body: { items },
    });
    expectProblem(other, 403);
    const repeated = await call(w.app, 'POST', screenings(w.contestId), {
      token: w.tokens.officer,
      lang: 'zh-CN',
      body: { items: [...items, ...items] },
    });
    expectProblem(repeated, 422);
    expect(repeated.body.errors).toEqual([
      { path: 'items.1.proposalId', message: '同一份申报书在本次请求中出现了不止一次' },
    ]);
    const reasonless = await call(w.app, 'POST', screenings(w.contestId), {
      token: w.tokens.officer,
      body: { items: [{ proposalId: w.first, eligible: false }] },
    });
    expectProblem(reasonless, 422);
    expect(reasonless.body.errors[0].path).toBe('items.0.reason');

    const open = await buildWorld(h, 'open');
    const early = await call(open.app, 'POST', screenings(open.contestId), {
      token: open.tokens.officer,
      body: { items: [{ proposalId: open.submittedId, eligible: true }] },
    });
    expectProblem(early, 409);
    expect(early.body.code).toBe('contest.wrongStatus');
    expect((await readAudit(w.deps, w.contestId)).some((e) => e.action === 'proposal.screen')).toBe(false);
  });
});

describe('a judge submits a sheet with its scores in one request', () => {
  it('saves and submits at once, and still submits a saved draft without a body', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const [first, second] = w.proposalIds.map((id) => `/api/contests/${w.contestId}/proposals/${id}`);
    const judge = w.tokens.judges[0];
    const full = scores([2000, 2000, 1000, 1000, 1500]);

    const incomplete = await call(w.app, 'POST', `${first}/sheet/submit`, {
      token: judge,
      body: { scores: { 'need-fit': 2000 } },
    });
    expectProblem(incomplete, 422);
    expect((await call(w.app, 'GET', `${first}/sheet`, { token: judge })).status).toBe(404);

    const direct = await call(w.app, 'POST', `${first}/sheet/submit`, {
      token: judge,
      body: { scores: full, overallComment: '方案扎实' },
    });
    expect(direct.status, JSON.stringify(direct.body)).toBe(200);
    expect(direct.body).toMatchObject({
      status: 'submitted',
      total: 7500,
      overallComment: '方案扎实',
      version: 1,
    });

    await call(w.app, 'PUT', `${second}/sheet`, { token: judge, body: { scores: full } });
    const fromDraft = await call(w.app, 'POST', `${second}/sheet/submit`, { token: judge });
    expect(fromDraft.status).toBe(200);
    expect(fromDraft.body).toMatchObject({ status: 'submitted', total: 7500, version: 2 });

    const again = await call(w.app, 'POST', `${first}/sheet/submit`, {
      token: judge,
      body: { scores: full },
    });
    expectProblem(again, 409);
    expect(again.body.code).toBe('sheet.final');
    const trail = (await readAudit(w.deps, w.contestId)).filter((e) => e.action === 'sheet.submit');
    expect(trail).toHaveLength(2);
    const progress = await call(w.app, 'GET', `/api/contests/${w.contestId}/progress`, {
      token: w.tokens.officer,
    });
    expect(progress.body.submitted).toBe(2);
  });
});
