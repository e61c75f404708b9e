import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { screenProposal } from '../../shared/proposal/actions.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { browserSession } from '../support/pages.ts';
import { asPrincipal, buildWorld, DAY_MS, type World } from '../support/world.ts';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

describe('a proposal screened ineligible', () => {
  let w: World;
  const reason = '申报团队不在本街道辖区内';

  beforeAll(async () => {
    w = await buildWorld(h, 'screening');
    await screenProposal(w.deps, asPrincipal(w.people.officer), w.contestId, w.submittedId, {
      eligible: false,
      reason,
    });
  });

  it('tells its team on my proposals and on the proposal’s page, with the office’s reason, in Chinese and English', async () => {
    const list = await browserSession(w.app, w.tokens.owner).get('/me/proposals');
    const own = await browserSession(w.app, w.tokens.owner).get(
      `/me/proposals/${w.contestId}/${w.submittedId}`,
    );
    const en = await browserSession(w.app, w.tokens.owner, 'en').get(
      `/me/proposals/${w.contestId}/${w.submittedId}?lang=en`,
    );

    for (const page of [list, own]) {
      expect(page.status).toBe(200);
      expect(page.html).toContain('不合格');
      expect(page.html).toContain(reason);
      expect(page.html).not.toContain('下一步：等待资格审查和评审结果');
    }
    expect(en.html).toContain('Ineligible');
    expect(en.html).toContain(`The street office’s reason: ${reason}`);
  });

  it('is not shown to anyone else', async () => {
    const other = await browserSession(w.app, w.tokens.otherResident).get(
      `/me/proposals/${w.contestId}/${w.submittedId}`,
    );
    const otherList = await browserSession(w.app, w.tokens.otherResident).get('/me/proposals');

    expect(other.status).toBe(403);
    expect(other.html).not.toContain(reason);
    expect(otherList.html).not.toContain(reason);
  });
});

/** The timeline's entries after today's marker: what the page says is still to come. */
const upcoming = (html: string) =>
  (/<li class="now"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '').replace(/<[^>]*>/g, ' ');

describe('the public contest page once the bundle is locked', () => {
  let w: ScoredWorld;
  let submissions: ReturnType<typeof createSubmissionsApp>;
  const contestPage = (lang: 'zh-CN' | 'en' = 'zh-CN') =>
    browserSession(submissions, undefined, lang).get(`/contests/${w.contestId}?lang=${lang}`);

  beforeAll(async () => {
    w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000 } });
    submissions = createSubmissionsApp(w.deps);
    const published = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, {
      token: w.tokens.officer,
    });
    expect(published.status).toBe(200);
  });

  it('during publicity the amounts and selections are proposed', async () => {
    const page = await contestPage();

    expect(page.html).toContain('拟资助金额');
    expect(page.html).toContain('拟入选');
  });

  it('says funded and selected, and shows no deadline of a past phase as still to come, in Chinese and English', async () => {
    w.clock.advance(8 * DAY_MS);
    const locked = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/lock`, {
      token: w.tokens.officer,
    });
    expect(locked.status).toBe(200);

    const zh = await contestPage();
    const en = await contestPage('en');

    expect(zh.html).toContain('资助金额');
    expect(zh.html).toContain('<strong>入选</strong>');
    expect(zh.html).not.toContain('拟资助金额');
    expect(zh.html).not.toContain('拟入选');
    expect(upcoming(zh.html)).toContain('今天');
    expect(upcoming(zh.html)).not.toContain('评审截止');
    expect(en.html).toContain('Funded amount');
    expect(en.html).toContain('<strong>Selected</strong>');
    expect(en.html).not.toContain('Proposed');
    expect(upcoming(en.html)).not.toMatch(/Review|Publicity ends/);
  });

  it('stays so once the notices are issued', async () => {
    const issued = await call(w.awards, 'POST', `/api/contests/${w.contestId}/notices/issue`, {
      token: w.tokens.officer,
    });
    expect(issued.status).toBe(200);

    const zh = await contestPage();

    expect(zh.html).toContain('<strong>入选</strong>');
    expect(zh.html).not.toContain('拟入选');
    expect(upcoming(zh.html)).not.toContain('评审截止');
  });
});

describe('a contest past its submission deadline, not yet closed by the office', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(h, 'open');
  });

  it('is listed as open, with the form, until the deadline', async () => {
    const list = await browserSession(w.app, w.tokens.otherResident).get('/me/proposals');
    const form = await browserSession(w.app, w.tokens.otherResident).get(
      `/contests/${w.contestId}/proposals/new`,
    );

    expect(list.html).toContain(`href="/contests/${w.contestId}/proposals/new"`);
    expect(form.html).toContain('name="title"');
  });

  it('is no longer listed as open, and the new-proposal page says when submissions closed instead of the form', async () => {
    w.clock.advance(15 * DAY_MS);
    const contest = await w.app.request(`/api/contests/${w.contestId}`);
    const { submissionDeadline: deadline } = (await contest.json()) as { submissionDeadline: string };
    const beijing = new Date(new Date(deadline).getTime() + 8 * 3600 * 1000).toISOString();
    const shown = `${beijing.slice(0, 4)}年${Number(beijing.slice(5, 7))}月${Number(beijing.slice(8, 10))}日`;

    const list = await browserSession(w.app, w.tokens.otherResident).get('/me/proposals');
    const form = await browserSession(w.app, w.tokens.otherResident).get(
      `/contests/${w.contestId}/proposals/new`,
    );
    const en = await browserSession(w.app, w.tokens.otherResident, 'en').get(
      `/contests/${w.contestId}/proposals/new?lang=en`,
    );
    const page = await browserSession(w.app).get(`/contests/${w.contestId}`);

    expect(list.status).toBe(200);
    expect(list.html).not.toContain(`href="/contests/${w.contestId}/proposals/new"`);
    expect(list.html).not.toContain('为这个大赛申报项目');
    expect(form.status).toBe(200);
    expect(form.html).not.toContain('name="title"');
    expect(form.html).toContain('这个大赛的申报已于');
    expect(form.html).toContain(shown);
    expect(form.html).toContain('北京时间');
    expect(en.html).toContain('Submissions to this contest closed on');
    expect(page.html).toContain('本次大赛已停止接收申报。');
  });
});
