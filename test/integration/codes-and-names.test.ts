import { beforeAll, describe, expect, it } from 'vitest';
import { codeFromName } from '../../shared/contest/model.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { auditActions } from '../support/faults.ts';
import { completeProposal, contestInput, TEAM_OFFICE, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld } from '../support/review-world.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const ASCII_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

describe('categories and communities: a code and a name', { timeout: 120_000 }, () => {
  it('makes an ASCII code from the name when none is given, keeping the codes given', async () => {
    const w = await buildWorld(h, 'draft');
    const created = await call(w.app, 'POST', `/api/offices/${w.office}/contests`, {
      token: w.tokens.officer,
      body: {
        ...contestInput(w.clock.now()),
        categories: [
          { name: '为老服务' },
          { name: 'Youth & Kids' },
          { code: 'culture', name: '文化活动' },
          { name: '助残服务' },
        ],
        communities: [{ name: '南城社区' }, { code: 'community-1', name: '东城社区' }, { name: '西屯社区' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.categories).toEqual([
      { code: 'category-1', name: '为老服务' },
      { code: 'youth-kids', name: 'Youth & Kids' },
      { code: 'culture', name: '文化活动' },
      { code: 'category-2', name: '助残服务' },
    ]);
    // A code given is never taken by a made one; a name on the office's list is that community.
    expect(created.body.communities).toEqual([
      { code: 'community-2', name: '南城社区' },
      { code: 'community-1', name: '东城社区' },
      { code: 'xitun', name: '西屯社区' },
    ]);
    for (const entry of [...created.body.categories, ...created.body.communities]) {
      expect(entry.code).toMatch(ASCII_CODE);
    }
  });

  it('never makes a code that breaks the pattern, whatever the name', () => {
    for (const name of ['—', 'ÉCOLE été', 'a'.repeat(60), '---x---', '１２３ 社区', '🙂']) {
      expect(codeFromName(name, 'category', new Set())).toMatch(ASCII_CODE);
    }
  });

  it('carries the names with the codes on a proposal, as the owner, the officer and a blind judge read it', async () => {
    const w = await buildWorld(h, 'open');
    const base = `/api/contests/${w.contestId}/proposals`;
    const own = await call(w.app, 'GET', `${base}/${w.submittedId}`, { token: w.tokens.owner });
    expect(own.body).toMatchObject({
      category: 'youth',
      categoryName: '青少年成长',
      community: 'xitun',
      communityName: '西屯社区',
    });
    const draft = await call(w.app, 'GET', `${base}/${w.draftId}`, { token: w.tokens.owner });
    const edited = await call(w.app, 'PATCH', `${base}/${w.draftId}`, {
      token: w.tokens.owner,
      headers: { 'if-match': draft.headers.get('etag')! },
      body: { category: 'elderly', community: 'beicheng' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ categoryName: '为老服务', communityName: '北城社区' });
    const created = await call(w.app, 'POST', base, {
      token: w.tokens.owner,
      body: { teamId: w.teamId, ...completeProposal, category: 'elderly' },
    });
    expect(created.body).toMatchObject({ categoryName: '为老服务', communityName: '西屯社区' });

    const review = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 2 });
    const mine = await call(review.app, 'GET', '/api/me/assignments', { token: review.tokens.judges[0] });
    const blind = await call(
      review.app,
      'GET',
      `/api/contests/${review.contestId}/proposals/${mine.body.items[0].proposalId}/blind`,
      { token: review.tokens.judges[0] },
    );
    expect(blind.body.proposal).toMatchObject({ categoryName: '青少年成长', communityName: '西屯社区' });
  });

  it('carries the names in the ranking and on every line of the published bundle', async () => {
    const w = await buildScoredWorld(h, { proposals: 3, judges: 3 });
    const contestPath = `/api/contests/${w.contestId}`;
    const ranking = await call(w.app, 'GET', `${contestPath}/ranking`, { token: w.tokens.officer });
    expect(ranking.body.items.length).toBeGreaterThan(0);
    for (const item of ranking.body.items) {
      expect(item).toMatchObject({ categoryName: '青少年成长', communityName: '西屯社区' });
    }
    expect(
      (await call(w.shortlisting, 'POST', `${contestPath}/publish`, { token: w.tokens.officer })).status,
    ).toBe(200);
    const publicity = await call(w.shortlisting, 'GET', `${contestPath}/publicity`);
    for (const line of publicity.body.bundle.lines) {
      expect(line).toMatchObject({
        category: 'youth',
        categoryName: '青少年成长',
        communityName: '西屯社区',
      });
    }
  });
});

describe("an office's communities: one list for its teams and its contests", { timeout: 120_000 }, () => {
  it('lets the officer add communities, with a code made from the name, and anyone read the list', async () => {
    const w = await buildWorld(h, 'draft');
    const path = `/api/offices/${w.office}/communities`;
    // The contest the world drafted put its two communities on the list.
    const before = await call(w.app, 'GET', path);
    expect(before.body.items).toEqual([
      { code: 'beicheng', name: '北城社区' },
      { code: 'xitun', name: '西屯社区' },
    ]);
    const made = await call(w.app, 'POST', path, { token: w.tokens.officer, body: { name: '南城社区' } });
    const ascii = await call(w.app, 'POST', path, { token: w.tokens.officer, body: { name: 'Old Town' } });
    const given = await call(w.app, 'POST', path, {
      token: w.tokens.officer,
      body: { code: 'dongcheng', name: '东城社区' },
    });
    const again = await call(w.app, 'POST', path, { token: w.tokens.officer, body: { name: '南城社区' } });
    const other = await call(w.app, 'POST', path, {
      token: w.tokens.otherOfficer,
      body: { name: '外街社区' },
    });

    expect(made).toMatchObject({ status: 201, body: { code: 'community-1', name: '南城社区' } });
    expect(ascii).toMatchObject({ status: 201, body: { code: 'old-town', name: 'Old Town' } });
    expect(given).toMatchObject({ status: 201, body: { code: 'dongcheng', name: '东城社区' } });
    expect(again).toMatchObject({ status: 200, body: { code: 'community-1', name: '南城社区' } });
    expect(other.status).toBe(403);
    const after = await call(w.app, 'GET', path);
    expect(after.body.items.map((c: { code: string }) => c.code).sort()).toEqual(
      ['beicheng', 'community-1', 'dongcheng', 'old-town', 'xitun'].sort(),
    );
    const trail = await auditActions(w.deps.db, `office:${w.office}`);
    expect(trail.filter((a) => a === 'community.add')).toHaveLength(3);
  });

  it('refuses a code that is another community’s and a name listed under another code, in words', async () => {
    const w = await buildWorld(h, 'draft');
    const path = `/api/offices/${w.office}/communities`;
    const expected = {
      codeTaken: {
        'zh-CN': '社区编码“xitun”已属于社区“西屯社区”',
        en: 'The community code “xitun” already belongs to “西屯社区”',
      },
      nameTaken: {
        'zh-CN': '社区“西屯社区”已在社区名单中，编码为“xitun”',
        en: 'Community “西屯社区” is already on the list, with the code “xitun”',
      },
    };
    for (const lang of LOCALES) {
      const code = await call(w.app, 'POST', path, {
        token: w.tokens.officer,
        lang,
        body: { code: 'xitun', name: '新社区' },
      });
      const name = await call(w.app, 'POST', path, {
        token: w.tokens.officer,
        lang,
        body: { code: 'xitun-2', name: '西屯社区' },
      });
      expectProblem(code, 422);
      expect(code.body).toMatchObject({ code: 'community.codeTaken', detail: expected.codeTaken[lang] });
      expect(code.body.errors).toEqual([{ path: 'name', message: expected.codeTaken[lang] }]);
      expectProblem(name, 422);
      expect(name.body).toMatchObject({ code: 'community.nameTaken', detail: expected.nameTaken[lang] });
      // A contest is held to the same list.
      const contest = await call(w.app, 'POST', `/api/offices/${w.office}/contests`, {
        token: w.tokens.officer,
        lang,
        body: { ...contestInput(w.clock.now()), communities: [{ code: 'xitun', name: '新社区' }] },
      });
      expectProblem(contest, 422);
      expect(contest.body.errors).toEqual([
        { path: 'communities.0.name', message: expected.codeTaken[lang] },
      ]);
    }
    const list = await call(w.app, 'GET', path);
    expect(list.body.items).toHaveLength(2);
  });

  it('takes a team’s community from its office’s list, with its name, and refuses one not on it, in words', async () => {
    const w = await buildWorld(h, 'draft');
    const created = await call(w.app, 'POST', '/api/teams', {
      token: w.tokens.otherResident,
      body: teamInput,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      officeId: TEAM_OFFICE.id,
      community: 'xitun',
      communityName: '西屯社区',
    });
    const read = await call(w.app, 'GET', `/api/teams/${created.body.id}`, { token: w.tokens.otherResident });
    expect(read.body.communityName).toBe('西屯社区');
    const moved = await call(w.app, 'PUT', `/api/teams/${created.body.id}`, {
      token: w.tokens.otherResident,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { ...teamInput, community: 'beicheng' },
    });
    expect(moved.body).toMatchObject({ community: 'beicheng', communityName: '北城社区', version: 2 });

    const expected = {
      'zh-CN': '社区“nancheng”不在该街道办事处的社区名单中',
      en: 'Community “nancheng” is not on the office’s list of communities',
    };
    for (const lang of LOCALES) {
      for (const body of [
        { ...teamInput, community: 'nancheng' },
        { ...teamInput, officeId: 'no-such-office', community: 'xitun' },
      ]) {
        const refused = await call(w.app, 'POST', '/api/teams', {
          token: w.tokens.otherResident,
          lang,
          body,
        });
        expectProblem(refused, 422);
        expect(refused.body.code).toBe('team.unknownCommunity');
        const message =
          body.community === 'nancheng' ? expected[lang] : expected[lang].replace('nancheng', 'xitun');
        expect(refused.body.errors).toEqual([{ path: 'community', message }]);
      }
      // Free text, as a team's community was, is not a code at all.
      const free = await call(w.app, 'POST', '/api/teams', {
        token: w.tokens.otherResident,
        lang,
        body: { ...teamInput, community: '西屯社区' },
      });
      expectProblem(free, 422);
      expect(free.body.errors.map((e: { path: string }) => e.path)).toEqual(['community']);
    }
    const mine = await call(w.app, 'GET', '/api/me/teams', { token: w.tokens.otherResident });
    expect(mine.body.items).toHaveLength(1);
  });
});
