import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { readAudit } from '../../shared/audit-log.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { contestInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, type ReviewWorld, scores } from '../support/review-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const full = scores([2000, 2000, 1000, 1000, 1500]);

async function panelOf(w: ReviewWorld) {
  const { body } = await call(w.app, 'GET', `/api/contests/${w.contestId}/judges`, {
    token: w.tokens.officer,
  });
  return (body.items as { judgeId: string }[]).map((j) => j.judgeId).sort();
}

async function progressOf(w: ReviewWorld) {
  return (await call(w.app, 'GET', `/api/contests/${w.contestId}/progress`, { token: w.tokens.officer }))
    .body;
}

describe('panels of real judges', () => {
  it('refuses an account that never signed in and one without the judge role, in words, writing nothing', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 2, phase: 'screening' });
    const before = await panelOf(w);
    const resident = w.residents[0]!.sub;
    const expected = {
      'zh-CN': {
        'judge-9': '账号“judge-9”尚未登录过本系统：评审专家须先登录一次，才能加入评审组',
        [resident]: `账号“${resident}”不是评审专家，不能加入评审组`,
      },
      en: {
        'judge-9': 'Account “judge-9” has never signed in: a judge signs in once before joining a panel',
        [resident]: `Account “${resident}” is not a judge and cannot join a panel`,
      },
    };
    for (const lang of LOCALES) {
      for (const [account, code] of [
        ['judge-9', 'judge.unknownUser'],
        [resident, 'judge.notAJudge'],
      ] as const) {
        const refused = await call(w.app, 'PUT', `/api/contests/${w.contestId}/judges/${account}`, {
          token: w.tokens.officer,
          body: { name: '某人' },
          lang,
        });
        expectProblem(refused, 422);
        expect(refused.body.code).toBe(code);
        expect(refused.body.detail).toBe(expected[lang][account]);
        expect(refused.body.errors).toEqual([{ path: 'judgeId', message: expected[lang][account] }]);
      }
    }
    expect(await panelOf(w)).toEqual(before);
    const added = await call(w.app, 'PUT', `/api/contests/${w.contestId}/judges/${w.outsiderJudge.sub}`, {
      token: w.tokens.officer,
      body: { name: '外聘专家' },
    });
    expect(added.status).toBe(201);
    expect(await panelOf(w)).toEqual([...before, w.outsiderJudge.sub].sort());
  });

  it('removes a judge without submitted sheets and gives their proposals to others, in one audited write', async () => {
    const w = await buildReviewWorld(h, { proposals: 3, judges: 4, minJudges: 2 });
    const leaving = w.judgeUsers[0]!.sub;
    const before = await progressOf(w);
    const theirs = before.cells.filter((c: { judgeId: string }) => c.judgeId === leaving);
    expect(theirs.length).toBeGreaterThan(0);
    // A draft does not keep a judge on the panel; it stays, uncounted.
    await call(w.app, 'PUT', `/api/contests/${w.contestId}/proposals/${theirs[0].proposalId}/sheet`, {
      token: w.tokens.judges[0],
      body: { scores: full },
    });

    const removed = await call(w.app, 'DELETE', `/api/contests/${w.contestId}/judges/${leaving}`, {
      token: w.tokens.officer,
    });

    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.removed).toHaveLength(theirs.length);
    expect(removed.body.added).toHaveLength(theirs.length);
    expect(removed.body.shortfalls).toEqual([]);
    expect(await panelOf(w)).not.toContain(leaving);
    const after = await progressOf(w);
    expect(after.cells.some((c: { judgeId: string }) => c.judgeId === leaving)).toBe(false);
    for (const id of w.proposalIds) {
      expect(after.cells.filter((c: { proposalId: string }) => c.proposalId === id)).toHaveLength(2);
    }
    const entry = (await readAudit(w.deps, w.contestId)).find((e) => e.action === 'panel.remove');
    expect(entry?.subject).toBe(leaving);
    expect(entry?.summary).toMatchObject({ removed: expect.any(Array), added: expect.any(Array) });
    // The removed judge can no longer read what was assigned to them.
    const blind = await call(
      w.app,
      'GET',
      `/api/contests/${w.contestId}/proposals/${theirs[0].proposalId}/blind`,
      {
        token: w.tokens.judges[0],
      },
    );
    expect(blind.status).toBe(403);
    const again = await call(w.app, 'DELETE', `/api/contests/${w.contestId}/judges/${leaving}`, {
      token: w.tokens.officer,
    });
    expectProblem(again, 404);
  });

  it('keeps a judge with a submitted sheet until an officer reopens it', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 2 });
    const judge = w.judgeUsers[0]!.sub;
    const { body } = await call(w.app, 'GET', '/api/me/assignments', { token: w.tokens.judges[0] });
    const proposalId = body.items[0].proposalId as string;
    const base = `/api/contests/${w.contestId}/proposals/${proposalId}`;
    await call(w.app, 'PUT', `${base}/sheet`, { token: w.tokens.judges[0], body: { scores: full } });
    await call(w.app, 'POST', `${base}/sheet/submit`, { token: w.tokens.judges[0] });

    for (const lang of LOCALES) {
      const refused = await call(w.app, 'DELETE', `/api/contests/${w.contestId}/judges/${judge}`, {
        token: w.tokens.officer,
        lang,
      });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('judge.hasSubmittedSheets');
    }
    expect(await panelOf(w)).toContain(judge);

    const reopened = await call(w.app, 'POST', `${base}/sheets/${judge}/reopen`, {
      token: w.tokens.officer,
      body: { reason: '专家回避' },
    });
    expect(reopened.status).toBe(200);
    const removed = await call(w.app, 'DELETE', `/api/contests/${w.contestId}/judges/${judge}`, {
      token: w.tokens.officer,
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
  });

  it('reports the proposals left short of judges', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3, phase: 'screening' });
    const removed = await call(
      w.app,
      'DELETE',
      `/api/contests/${w.contestId}/judges/${w.judgeUsers[2]!.sub}`,
      {
        token: w.tokens.officer,
      },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.added).toEqual([]);
    expect(removed.body.shortfalls).toEqual(
      [...w.proposalIds].sort().map((proposalId) => ({ proposalId, missing: 1 })),
    );
    const plan = await call(w.app, 'POST', `/api/contests/${w.contestId}/assignments/auto`, {
      token: w.tokens.officer,
    });
    expect(plan.body.shortfalls).toEqual(removed.body.shortfalls);
  });
});

describe('judges per proposal', () => {
  it('fills each proposal to the contest’s judges per proposal and counts what is assigned', async () => {
    const w = await buildReviewWorld(h, {
      proposals: 3,
      judges: 5,
      minJudges: 2,
      rules: { judgesPerProposal: 4 },
    });
    const matrix = await progressOf(w);
    for (const id of w.proposalIds) {
      expect(matrix.cells.filter((c: { proposalId: string }) => c.proposalId === id)).toHaveLength(4);
    }
    expect(matrix.expected).toBe(12);
    expect(matrix.submitted).toBe(0);
  });

  it('counts assigned sheets, not proposals × quorum, when more judges are assigned by hand', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 4, minJudges: 1 });
    const proposalId = w.proposalIds[0]!;
    const on = new Set(
      (await progressOf(w)).cells
        .filter((c: { proposalId: string }) => c.proposalId === proposalId)
        .map((c: { judgeId: string }) => c.judgeId),
    );
    const extra = w.judgeUsers.find((j) => !on.has(j.sub))!.sub;
    const assigned = await call(w.app, 'POST', `/api/contests/${w.contestId}/assignments`, {
      token: w.tokens.officer,
      body: { proposalId, judgeId: extra },
    });
    expect(assigned.status).toBe(201);
    const matrix = await progressOf(w);
    expect(matrix.cells).toHaveLength(3);
    expect(matrix.expected).toBe(3);
  });

  it('refuses judges per proposal below the quorum, in words', async () => {
    const w = await buildReviewWorld(h, { proposals: 1, judges: 1, minJudges: 1, phase: 'screening' });
    const app = createSubmissionsApp(w.deps);
    const expected = {
      'zh-CN': '每个项目分配的评审人数不能少于最少有效评分数 3',
      en: 'Judges per proposal cannot be fewer than the quorum of 3',
    };
    for (const lang of LOCALES) {
      const refused = await call(app, 'POST', `/api/offices/${w.office}/contests`, {
        token: w.tokens.officer,
        body: { ...contestInput(w.clock.now(), { minJudges: 3 }), judgesPerProposal: 2 },
        lang,
      });
      expectProblem(refused, 422);
      expect(refused.body.errors).toEqual([{ path: 'judgesPerProposal', message: expected[lang] }]);
    }
  });
});
