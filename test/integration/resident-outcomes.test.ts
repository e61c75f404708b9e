import { beforeAll, describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { getProcurementNotice, issueProcurementNotices } from '../../shared/procurement/notices.ts';
import { screenProposal } from '../../shared/proposal/actions.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { browserSession } from '../support/pages.ts';
import { buildProcurementWorld } from '../support/procurement-world.ts';
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

  it('during publicity tells the team on my proposals to read the shortlist, not to wait for screening', async () => {
    const mine = await browserSession(submissions, w.tokens.resident).get('/me/proposals');
    const page = await browserSession(submissions, w.tokens.resident).get(
      `/me/proposals/${w.contestId}/${w.proposalIds[0]}`,
    );

    for (const html of [mine.html, page.html]) {
      expect(html).toContain('入围名单正在公示');
      expect(html).toContain(`href="/contests/${w.contestId}"`);
      expect(html).not.toContain('等待资格审查和评审结果');
    }
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

describe('my proposals once the notices are out', () => {
  it('send the team to its notice, in Chinese and English, not to wait for screening', async () => {
    const w = await buildScoredWorld(h);
    const submissions = createSubmissionsApp(w.deps);
    const officer = { token: w.tokens.officer };
    await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, officer);
    w.clock.advance(8 * DAY_MS);
    await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/lock`, officer);
    const locked = await browserSession(submissions, w.tokens.resident).get('/me/proposals');
    await call(w.awards, 'POST', `/api/contests/${w.contestId}/notices/issue`, officer);

    const zh = await browserSession(submissions, w.tokens.resident).get('/me/proposals');
    const en = await browserSession(submissions, w.tokens.resident, 'en').get('/me/proposals?lang=en');

    expect(locked.html).toContain('结果已锁定，街道将发出通知书。');
    expect(zh.html).toContain('通知书已发出');
    expect(zh.html).toContain('href="/me/notices"');
    expect(zh.html).not.toContain('等待资格审查和评审结果');
    expect(en.html).toContain('The notices are out');
    expect(en.html).not.toContain('wait for screening');
  });
});

describe('a contest past its submission deadline, not yet closed by the office', () => {
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(h, 'open');
  });

  it('is listed as open, with the form, until the deadline', async () => {
    const list = await browserSession(w.app, w.tokens.otherResident).get('/me/proposals');
    // The form is for a resident with a team (one without is sent to register one first).
    const form = await browserSession(w.app, w.tokens.owner).get(`/contests/${w.contestId}/proposals/new`);

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
    // The heading of the open contests is not left over an empty list.
    expect(list.html).toContain('现在没有正在征集的大赛。');
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

describe('the office’s answers to objections', () => {
  let w: ScoredWorld;
  let submissions: ReturnType<typeof createSubmissionsApp>;
  const answered = '该项目与去年的项目重复';
  const open = '评分依据没有公开';
  const answer = '经核实，两个项目服务对象不同，不重复';

  beforeAll(async () => {
    w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000 } });
    submissions = createSubmissionsApp(w.deps);
    await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, { token: w.tokens.officer });
    const resident = browserSession(w.shortlisting, w.tokens.resident);
    const path = `/contests/${w.contestId}/objections/new`;
    await resident.get(path);
    await resident.post(path, { proposalId: w.proposalIds[1]!, text: answered });
    await resident.post(path, { proposalId: '', text: open });
    const objections = await call(w.shortlisting, 'GET', `/api/contests/${w.contestId}/objections`, {
      token: w.tokens.officer,
    });
    const first = objections.body.items.find((o: { text: string }) => o.text === answered);
    const put = await call(
      w.shortlisting,
      'PUT',
      `/api/contests/${w.contestId}/objections/${first.id}/answer`,
      {
        token: w.tokens.officer,
        body: { answer },
      },
    );
    expect(put.status).toBe(200);
  });

  it('are public on the contest page: each answered objection’s text and answer, nothing about who filed it', async () => {
    const zh = await browserSession(submissions).get(`/contests/${w.contestId}`);
    const en = await browserSession(submissions, undefined, 'en').get(`/contests/${w.contestId}?lang=en`);

    expect(zh.status).toBe(200);
    expect(zh.html).toContain('异议与街道答复');
    expect(zh.html).toContain(answered);
    expect(zh.html).toContain(answer);
    expect(zh.html).toContain('项目1');
    expect(zh.html).not.toContain(open);
    expect(zh.html).not.toContain(w.residents[0]!.name);
    expect(zh.html).not.toContain(w.residents[0]!.sub);
    expect(zh.html).not.toContain(w.officerUser.sub);
    expect(en.html).toContain('Objections and the office’s answers');
    expect(en.html).toContain(answer);
  });

  it('are in the public publicity document too, without who filed or answered them', async () => {
    const res = await call(w.shortlisting, 'GET', `/api/contests/${w.contestId}/publicity`);

    expect(res.status).toBe(200);
    expect(res.body.objections).toBe(2);
    expect(res.body.answered).toEqual([
      expect.objectContaining({ proposalId: w.proposalIds[1], text: answered, answer }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(w.residents[0]!.sub);
    expect(JSON.stringify(res.body)).not.toContain(w.officerUser.sub);
  });

  it('shows the objector their own objections with the answers so far, and nobody else', async () => {
    const path = `/contests/${w.contestId}/objections/new`;
    const mine = await browserSession(w.shortlisting, w.tokens.resident).get(path);
    const other = await browserSession(w.shortlisting, await h.tokenFor(w.residents[1]!)).get(path);

    expect(mine.status).toBe(200);
    expect(mine.html).toContain('我提出的异议');
    expect(mine.html).toContain(answered);
    expect(mine.html).toContain(answer);
    expect(mine.html).toContain(open);
    expect(mine.html).toContain('等待街道答复。');
    expect(other.status).toBe(200);
    expect(other.html).not.toContain('我提出的异议');
    expect(other.html).not.toContain(open);
  });

  it('stay public after the lock', async () => {
    const objections = await call(w.shortlisting, 'GET', `/api/contests/${w.contestId}/objections`, {
      token: w.tokens.officer,
    });
    const rest = objections.body.items.find((o: { text: string }) => o.text === open);
    await call(w.shortlisting, 'PUT', `/api/contests/${w.contestId}/objections/${rest.id}/answer`, {
      token: w.tokens.officer,
      body: { answer: '评分细则已在大赛页面公开' },
    });
    w.clock.advance(8 * DAY_MS);
    const locked = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/lock`, {
      token: w.tokens.officer,
    });
    expect(locked.status).toBe(200);

    const page = await browserSession(submissions).get(`/contests/${w.contestId}`);

    expect(page.html).toContain(answer);
    expect(page.html).toContain('评分细则已在大赛页面公开');
    expect(page.html).toContain(open);
  });
});

describe('a supplier’s procurement notices on my notices', () => {
  it('are listed once issued, each with its kind, number and a link to its printable page; nobody else’s', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const awards = createAwardsApp(w.deps);
    const before = await browserSession(awards, w.tokens.supplier).get('/me/notices');
    await issueProcurementNotices(w.deps, asPrincipal(w.users.officer), w.procurementId);
    const notices = await Promise.all(
      Object.values(w.teams).map((teamId) => getProcurementNotice(w.deps.db, w.procurementId, teamId!)),
    );
    const pages = await Promise.all(
      w.supplierUsers.map(async (user) => browserSession(awards, await w.tokenFor(user)).get('/me/notices')),
    );
    const en = await browserSession(awards, w.tokens.supplier, 'en').get('/me/notices?lang=en');
    const other = await browserSession(awards, w.tokens.otherResident).get('/me/notices');

    expect(before.html).toContain('还没有收到通知书');
    for (const [i, user] of w.supplierUsers.entries()) {
      const notice = notices.find((n) => n?.ownerSub === user.sub)!;
      const page = pages[i]!;
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('还没有收到通知书');
      expect(page.html).toContain(notice.number);
      expect(page.html).toContain(notice.kind === 'deal' ? '成交通知书' : '结果通知书');
      expect(page.html).toContain(`href="/procurements/${w.procurementId}/notices/${notice.teamId}"`);
      for (const others of notices.filter((n) => n && n.ownerSub !== user.sub))
        expect(page.html).not.toContain(others!.number);
    }
    const deal = notices.find((n) => n?.kind === 'deal')!;
    const winner = pages[w.supplierUsers.findIndex((user) => user.sub === deal.ownerSub)]!;
    expect(winner.html).toContain('成交通知书');
    expect(winner.html).toMatch(/¥[\d,]+\.\d{2}/);
    expect(en.html).toMatch(/Deal notice|Result notice/);
    expect(other.html).toContain('还没有收到通知书');
  });
});
