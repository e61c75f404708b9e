import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { completeProposal } from '../support/fixtures.ts';
import { fetchJson, startTestServer } from '../support/local-server.ts';
import { checkBothWidths, closePage, launchChromium, openPage, signIn } from './pages-support.ts';

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const TITLE = '东城街道 2027 年社区微创投（浏览器测试）';
const JUDGES = ['judge-1', 'judge-2', 'judge-3'];

/** The API steps that belong to residents (their pages are tested elsewhere). */
async function token(user: string) {
  return (await fetchJson(`${server.url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) })).body
    .token as string;
}

async function submitAsResident(contestId: string, user: string, title: string) {
  const resident = await token(user);
  const teams = await fetchJson(`${server.url}/api/me/teams`, { token: resident });
  const created = await fetchJson(`${server.url}/api/contests/${contestId}/proposals`, {
    method: 'POST',
    token: resident,
    body: JSON.stringify({
      ...completeProposal,
      title,
      category: 'cat-1',
      community: 'com-1',
      teamId: teams.body.items[0].id,
    }),
  });
  expect(created.status).toBe(201);
  const submitted = await fetchJson(
    `${server.url}/api/contests/${contestId}/proposals/${created.body.id}/submit`,
    {
      method: 'POST',
      token: resident,
    },
  );
  expect(submitted.status).toBe(200);
}

const advanceDays = (days: number) =>
  fetchJson(`${server.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: days }) });

/** Clicks a submit button and waits for the page the form leads to. */
async function press(page: Page, name: string | RegExp) {
  const navigated = page.waitForEvent('framenavigated');
  await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .click();
  await navigated;
  await page.waitForLoadState('load');
}

describe('the office and the judges carry a contest through in a real browser', () => {
  it('sets up, opens, screens, assigns, scores, ranks, shortlists, publishes, answers, locks and issues notices', {
    timeout: 300_000,
  }, async () => {
    const officer = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(officer, server.url, /王晓梅/, '/office');
    await checkBothWidths(officer, 'office-dashboard');

    // Set-up: the form comes back with the errors beside the fields, then creates the draft.
    await officer.getByRole('link', { name: '新建大赛' }).click();
    await checkBothWidths(officer, 'office-new-contest');
    await officer.getByLabel('大赛名称').fill(TITLE);
    await officer.getByLabel('征集公告正文').fill('居民自己找需求、出项目。');
    await officer.getByLabel('总预算').fill('二十万');
    await officer.getByLabel('单个项目资助上限').fill('8,000');
    await officer.getByLabel('项目类别').fill('为老服务\n青少年成长');
    await officer.getByLabel('服务社区').fill('东城社区\n南城社区');
    await officer.getByLabel('每个项目的评审专家人数').fill('3');
    await press(officer, '创建草稿');
    expect(await officer.locator('#f-budgetFen-error').textContent()).toContain('请填写金额');
    expect(await officer.getByLabel('大赛名称').inputValue()).toBe(TITLE);
    await officer.getByLabel('总预算').fill('12,000');
    await press(officer, '创建草稿');
    expect(await officer.getByText('已创建大赛草稿。').isVisible()).toBe(true);
    const contestId = /\/office\/contests\/([^/?]+)/.exec(officer.url())![1]!;
    await checkBothWidths(officer, 'office-contest');

    // Open, with the confirmation.
    await press(officer, '开放征集');
    expect(await officer.getByRole('heading', { name: '开放征集' }).isVisible()).toBe(true);
    await press(officer, '确认开放征集');
    expect(await officer.getByText('已开放征集').isVisible()).toBe(true);

    await submitAsResident(contestId, 'resident-1', '少年手工智造坊（测试）');
    await submitAsResident(contestId, 'resident-2', '楼道停车自管（测试）');
    await advanceDays(31);

    await officer.reload();
    await press(officer, '关闭征集');
    await press(officer, '确认关闭征集');
    expect(await officer.getByText('已关闭征集').isVisible()).toBe(true);

    // Screening: both at once.
    await officer.getByRole('link', { name: '资格审查', exact: true }).first().click();
    await officer.getByLabel('少年手工智造坊（测试）').check();
    await officer.getByLabel('楼道停车自管（测试）').check();
    await checkBothWidths(officer, 'office-screening');
    await press(officer, '标记所选项目');
    expect(await officer.getByText('已保存审查结果。').isVisible()).toBe(true);

    // The panel and automatic assignment, then review.
    await officer.getByRole('link', { name: '评审组与进度' }).click();
    for (const [i, judge] of JUDGES.entries()) {
      await officer.getByLabel('评审专家姓名').fill(`评审专家 ${i + 1} 号`);
      await officer.getByLabel('评审专家账号').fill(judge);
      await press(officer, '加入评审组');
    }
    await press(officer, '自动分配');
    await press(officer, '开始评审');
    expect(await officer.getByText('0 / 6 已提交').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-review');

    // Three judges score on a phone; the first checks the blind page and the confirmation.
    for (const j of JUDGES.keys()) {
      const page = await openPage(browser);
      await signIn(page, server.url, new RegExp(`评审专家 ${j + 1} 号`), '/judge');
      if (j === 0) await checkBothWidths(page, 'judge-assignments');
      for (let n = 0; n < 2; n++) {
        await page.locator('li', { hasNotText: '已提交' }).getByRole('link').first().click();
        expect(await page.getByText('匿名评审').isVisible()).toBe(true);
        expect(await page.content()).not.toContain('13900000001');
        if (j === 0 && n === 0) await checkBothWidths(page, 'judge-sheet');
        const scores = j === 0 && n === 0 ? ['22.5', '21', '12', '13', '17'] : ['20', '20', '12', '12', '16'];
        for (const [k, input] of (await page.locator('input[name^="scores."]').all()).entries())
          await input.fill(scores[k]!);
        await press(page, '提交评分');
        expect(await page.getByRole('heading', { name: '确认提交评分' }).isVisible()).toBe(true);
        if (j === 0 && n === 0) expect(await page.getByText('85.50').first().isVisible()).toBe(true);
        await press(page, '确认提交');
        await page.goto(`${server.url}/judge`);
        expect(await page.getByText(`${n + 1} / 2 已提交`).isVisible()).toBe(true);
      }
      await closePage(page);
    }

    // Ranking, the shortlist and publish.
    await officer.getByRole('link', { name: '排名' }).click();
    expect(await officer.getByText('评审专家 1 号: 85.50').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-ranking');
    await officer.getByRole('link', { name: '入围名单' }).click();
    expect(await officer.getByText('已用 ¥12,000.00 / ¥12,000.00').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-bundle');
    await press(officer, '公示入围名单');
    await press(officer, '确认公示');
    expect(await officer.getByText('入围名单已公示。').isVisible()).toBe(true);

    // A resident objects (their page is tested elsewhere); the officer answers.
    const objection = await fetchJson(`${server.url}/api/contests/${contestId}/objections`, {
      method: 'POST',
      token: await token('resident-3'),
      body: JSON.stringify({ text: '希望说明评分依据。' }),
    });
    expect(objection.status).toBe(201);
    await officer.reload();
    await officer.getByLabel('答复').fill('评分依据见评分标准，各评审专家总分已公开。');
    await press(officer, '提交答复');
    expect(await officer.getByText('已答复异议。').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-publicity');

    // The clock moves on; lock with its confirmation, then issue the notices.
    await advanceDays(8);
    await officer.reload();
    await press(officer, '锁定服务包');
    expect(await officer.getByRole('button', { name: '确认锁定' }).isVisible()).toBe(true);
    await press(officer, '确认锁定');
    expect(await officer.getByText('服务包已锁定。').isVisible()).toBe(true);
    await press(officer, '发放通知书');
    expect(await officer.getByText('已发放 2 / 2 份通知书').isVisible()).toBe(true);
    expect(await officer.getByRole('link', { name: '开放合同数据（OCDS JSON）' }).isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-records');

    await officer.getByRole('link', { name: 'English' }).click();
    expect(await officer.getByRole('heading', { name: 'Notices and records' }).isVisible()).toBe(true);
    await closePage(officer);
  });
});
