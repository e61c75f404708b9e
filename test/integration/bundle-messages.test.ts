import { beforeAll, describe, expect, it } from 'vitest';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { saveSheet, submitSheet } from '../../shared/review/actions.ts';
import { listAssignmentsOfJudge } from '../../shared/review/store.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { expectReadable, pageClient, pageText } from '../support/page-client.ts';
import { buildReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('shortlisting refusals name proposals by title and categories by name', () => {
  it('names the proposals added by hand over the budget', async () => {
    const w = await buildScoredWorld(h, {
      proposals: 3,
      judges: 3,
      minJudges: 3,
      rules: { budgetFen: 1_000_000, capFen: 1_000_000 },
    });
    const expected = {
      'zh-CN': '手动补入的项目 “项目0”、“项目1” 合计 12,000.00 元，超过预算 10,000.00 元',
      en: 'The proposals added by hand, “项目0”, “项目1”, come to 12,000.00 yuan, over the budget of 10,000.00 yuan',
    };
    for (const lang of LOCALES) {
      const refused = await call(w.shortlisting, 'PUT', `/api/contests/${w.contestId}/bundle/decisions`, {
        token: w.tokens.officer,
        lang,
        body: {
          add: w.proposalIds.slice(0, 2).map((proposalId) => ({ proposalId, reason: '社区急需' })),
        },
      });
      expectProblem(refused, 422);
      expect(refused.body.code).toBe('bundle.manualOverBudget');
      expect(refused.body.detail).toBe(expected[lang]);
    }
  });

  it('names the proposal whose trim is above its request, and the category of an unmet quota', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const trim = await call(w.shortlisting, 'PUT', `/api/contests/${w.contestId}/bundle/decisions`, {
      token: w.tokens.officer,
      lang: 'zh-CN',
      body: { trims: { [w.proposalIds[0]!]: { approvedFen: 600_001, reason: '多给一点' } } },
    });
    expectProblem(trim, 422);
    expect(trim.body.errors).toEqual([
      { path: `trims.${w.proposalIds[0]}.approvedFen`, message: '以下项目的核定金额高于其申请金额：“项目0”' },
    ]);

    const quota = await buildScoredWorld(h, {
      proposals: 2,
      judges: 3,
      minJudges: 3,
      rules: { shortlisting: { policy: 'rank-fill', categoryQuotas: { elderly: { min: 1 } } } },
    });
    const refused = await call(quota.shortlisting, 'POST', `/api/contests/${quota.contestId}/publish`, {
      token: quota.tokens.officer,
      lang: 'zh-CN',
    });
    expectProblem(refused, 422);
    expect(refused.body.detail).toBe('类别“为老服务”至少须入围 1 个项目，按现有排名和预算最多只能入围 0 个');
  });
});

describe('publishing with assigned sheets still open', () => {
  it('names the open sheets and publishes only when the officer confirms', async () => {
    // Three judges per proposal, a quorum of two: judges 0 and 1 finish, judge 2 does not.
    const w = await buildReviewWorld(h, {
      proposals: 2,
      judges: 3,
      minJudges: 2,
      rules: { judgesPerProposal: 3 },
    });
    for (const judge of w.judgeUsers.slice(0, 2)) {
      const { items } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, judge.sub, { limit: 100 });
      for (const { proposalId } of items) {
        await saveSheet(w.deps, asPrincipal(judge), w.contestId, proposalId, {
          scores: scores([2000, 2000, 1000, 1000, 1500]),
        });
        await submitSheet(w.deps, asPrincipal(judge), w.contestId, proposalId);
      }
    }
    const app = createShortlistingApp(w.deps);
    const publish = `/api/contests/${w.contestId}/publish`;
    const expected = {
      'zh-CN':
        '还有 2 份已分配的评分表未提交：项目0（专家2）、项目1（专家2）；这些评分不计入排名，确认后才能公示',
      en: '2 assigned score sheets are still open: 项目0 (专家2), 项目1 (专家2); they will not count, so publishing needs a confirmation',
    };
    for (const lang of LOCALES) {
      const refused = await call(app, 'POST', publish, { token: w.tokens.officer, lang });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('bundle.openSheets');
      expect(refused.body.detail).toBe(expected[lang]);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['confirmOpenSheets']);
    }
    expect((await call(app, 'GET', `/api/contests/${w.contestId}/publicity`)).status).toBe(404);

    // The office page's confirmation step lists them (confirming it sends confirmOpenSheets).
    const officer = pageClient(w.tokens.officer);
    const page = `/office/contests/${w.contestId}/bundle`;
    await officer.get(app, page);
    const confirm = await officer.post(app, page, { do: 'publish' });
    expect(pageText(confirm.body)).toContain('还有 2 份已分配的评分表未提交，公示后不再计入排名：');
    expect(pageText(confirm.body)).toContain('项目1（专家2）');
    expectReadable(confirm.body);
    // In English, the sheet's judge in English brackets.
    const english = pageClient(w.tokens.officer, 'en');
    await english.get(app, `${page}?lang=en`);
    const confirmEn = await english.post(app, page, { do: 'publish' });
    expect(pageText(confirmEn.body)).toContain('项目1 (专家2)');
    expect(pageText(confirmEn.body)).not.toContain('（');

    // 专家2 submits one of the open sheets while the confirmation is on the officer's screen:
    // confirming it now would publish another bundle, so the page refuses and shows it again.
    const form = /<section class="confirm"[\s\S]*?<\/section>/.exec(confirm.body)![0];
    const carried = Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const late = w.judgeUsers[2]!;
    const { items: lateItems } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, late.sub, {
      limit: 100,
    });
    await saveSheet(w.deps, asPrincipal(late), w.contestId, lateItems[0]!.proposalId, {
      scores: scores([2000, 2000, 1000, 1000, 1500]),
    });
    await submitSheet(w.deps, asPrincipal(late), w.contestId, lateItems[0]!.proposalId);
    const stale = await officer.post(app, page, carried);
    expect(stale.status).toBe(422);
    expect(pageText(stale.body)).toContain('确认页显示之后又有评分表提交或退回');
    expect(pageText(stale.body)).toContain('还有 1 份已分配的评分表未提交');
    expect((await call(app, 'GET', `/api/contests/${w.contestId}/publicity`)).status).toBe(404);

    const wrong = await call(app, 'POST', publish, {
      token: w.tokens.officer,
      body: { confirmOpenSheets: 'yes' },
    });
    expectProblem(wrong, 422);
    const confirmed = await call(app, 'POST', publish, {
      token: w.tokens.officer,
      body: { confirmOpenSheets: true },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await call(app, 'GET', `/api/contests/${w.contestId}/publicity`)).status).toBe(200);
  });
});
