import { beforeAll, describe, expect, it } from 'vitest';
import { codeFromName } from '../../shared/contest/model.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { completeProposal, contestInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
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
        communities: [{ name: '西屯社区' }, { code: 'community-1', name: '北城社区' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.categories).toEqual([
      { code: 'category-1', name: '为老服务' },
      { code: 'youth-kids', name: 'Youth & Kids' },
      { code: 'culture', name: '文化活动' },
      { code: 'category-2', name: '助残服务' },
    ]);
    // A code given is never taken by a made one.
    expect(created.body.communities).toEqual([
      { code: 'community-2', name: '西屯社区' },
      { code: 'community-1', name: '北城社区' },
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
