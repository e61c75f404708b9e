import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import {
  advanceClock,
  checkBothWidths,
  checkPage,
  checkWeight,
  closePage,
  DESKTOP,
  freshServerAndBrowser,
  onePdfPage,
  openPage,
  PHONE,
  press,
  signIn,
  stepsInOrder,
} from './pages-support.ts';

/*
 * The whole story of issue 7, only in the browser, on a fresh server: the officer sets up and
 * opens a contest, three residents submit, the officer screens and assigns, three judges score
 * blind, the officer ranks, trims, publishes, answers an objection, locks once the clock has
 * moved on and issues the notices; a resident prints one; a visitor verifies it and recomputes
 * the bundle's digest. Each step is a test of its own, in order, sharing the pages it needs.
 */

let server: LocalServer;
let browser: Browser;
let officer: Page;
let contestId = '';

freshServerAndBrowser(async (started, launched) => {
  server = started;
  browser = launched;
  officer = await openPage(browser, { viewport: DESKTOP });
});

stepsInOrder();

const TITLE = '东城街道 2027 年社区微创投（浏览器测试）';
const JUDGES = ['judge-1', 'judge-2', 'judge-3'];
const TEAMS = ['少年手工智造坊', '停车管理志愿服务队', '红山家园邻里助老服务中心'];
const LEADERS = ['赵建华', '钱淑芬', '孙立新'];
/** The three proposals, by resident: the first ranks first and is trimmed, the third is not funded. */
const PROPOSALS = [
  { who: /赵建华/, title: '楼道声控灯', scores: ['22.5', '21', '12', '13', '17'], total: '85.50' },
  { who: /钱淑芬/, title: '小区停车自管', scores: ['20', '20', '12', '12', '16'], total: '80.00' },
  { who: /孙立新/, title: '独居老人午餐', scores: ['18', '18', '10', '10', '14'], total: '70.00' },
];
const TRIM_REASON = '材料费按市场价核减';
const proposalPaths: string[] = [];

/** The clock moves on, on the demo sign-in page (pages-support.ts). */
const advanceDays = (days: number) => advanceClock(browser, server.url, days);

/** The judge's assignments of the story's contest (judges have the demo contest's too). */
const contest = (page: Page) => page.locator('section', { hasText: TITLE });

describe('a contest from set-up to a verified notice, clicked through in a browser', () => {
  it('the officer sets up a contest, fixing the form first, and opens it', async () => {
    await signIn(officer, server.url, /王晓梅/, '/office');
    await checkBothWidths(officer, 'office-dashboard');

    await officer.getByRole('link', { name: '新建大赛' }).click();
    await checkBothWidths(officer, 'office-new-contest');
    await officer.getByLabel('大赛名称').fill(TITLE);
    await officer.getByLabel('征集公告正文').fill('居民自己找需求、出项目。');
    await officer.getByLabel('总预算').fill('二十万');
    await officer.getByLabel('单个项目资助上限').fill('8,000');
    await officer.getByLabel('项目类别').fill('为老服务\n青少年成长');
    await officer.getByLabel('服务社区').fill('东城社区\n南城社区');
    await officer.getByLabel('每个项目的最少有效评分份数').fill('3');
    await press(officer, '创建草稿');
    expect(await officer.locator('#f-budgetFen-error').textContent()).toContain('请填写金额');
    expect(await officer.getByLabel('大赛名称').inputValue()).toBe(TITLE);
    await officer.getByLabel('总预算').fill('12,000');
    await press(officer, '创建草稿');
    expect(await officer.getByText('已创建大赛草稿。').isVisible()).toBe(true);
    contestId = /\/office\/contests\/([^/?]+)/.exec(officer.url())![1]!;
    await checkBothWidths(officer, 'office-contest');

    await press(officer, '开放征集');
    expect(await officer.getByRole('heading', { name: '开放征集' }).isVisible()).toBe(true);
    await press(officer, '确认开放征集');
    expect(await officer.getByText('已开放征集').isVisible()).toBe(true);

    // The contest's communities joined the office's list, the one residents' teams pick from.
    await officer.goto(`${server.url}/office/communities`);
    expect(await officer.getByRole('listitem').filter({ hasText: '东城社区' }).count()).toBe(1);
    await checkBothWidths(officer, 'office-communities');
  });

  it('three residents submit: one on a 360-px phone, one fixing a validation error first', async () => {
    for (const [i, proposal] of PROPOSALS.entries()) {
      const page = await openPage(browser, { viewport: i === 0 ? PHONE : DESKTOP });
      await signIn(page, server.url, proposal.who, '/me/proposals');
      await page
        .locator('article', { hasText: TITLE })
        .getByRole('link', { name: '为这个大赛申报项目' })
        .click();
      await page.getByLabel('项目名称').fill(proposal.title);
      await page.getByLabel('项目类别').selectOption({ label: i === 2 ? '为老服务' : '青少年成长' });
      await page.getByLabel('服务社区').selectOption({ label: '东城社区' });
      // The second resident forgets the need at first.
      if (i !== 1)
        await page.getByLabel('需求：社区里有什么问题').fill(`${proposal.title}：居民反映的需求。`);
      await page.getByLabel('方案：打算怎么做').fill('志愿者每周组织一次，街道社工指导。');
      await page.getByLabel('进度安排').fill('2027 年 1 月至 6 月');
      await page.getByLabel('预计受益人数').fill('120');
      await page.getByLabel('用途').fill('活动材料');
      await page.getByLabel('单价（元）').fill('2,500');
      await page.getByLabel('数量').fill('2');
      if (i === 0) {
        expect(await page.locator('[data-total]').textContent()).toBe('¥5,000.00');
        expect(page.viewportSize()?.width).toBe(360);
        await checkPage(page, 'story-proposal-form');
        await checkWeight(page, 'story-proposal-form');
      }
      await page.getByRole('button', { name: '提交申报' }).click();
      if (i === 1) {
        await page.getByText('有几处需要修改').waitFor();
        expect(await page.getByLabel('项目名称').inputValue()).toBe(proposal.title);
        await page.getByLabel('需求：社区里有什么问题').fill('晚上车辆乱停，消防通道被堵。');
        await page.getByRole('button', { name: '提交申报' }).click();
      }
      await page.getByText('申报书已提交').waitFor();
      proposalPaths.push(new URL(page.url()).pathname);
      await closePage(page);
    }
    expect(new Set(proposalPaths).size).toBe(3);
  });

  it('a resident cannot open another team’s proposal page', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /孙立新/, '/me/proposals');
    const response = await page.goto(`${server.url}${proposalPaths[0]}`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { name: '没有权限' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(PROPOSALS[0]!.title);
    await closePage(page);
  });

  it('after the deadline the officer closes submissions, screens all three and assigns three judges', async () => {
    await advanceDays(31);
    await officer.goto(`${server.url}/office/contests/${contestId}`);
    await press(officer, '关闭征集');
    await press(officer, '确认关闭征集');
    expect(await officer.getByText('已关闭征集').isVisible()).toBe(true);

    await officer.getByRole('link', { name: '资格审查', exact: true }).first().click();
    await checkBothWidths(officer, 'office-screening');
    for (const { title } of PROPOSALS) await officer.getByLabel(title).check();
    await press(officer, '标记所选项目');
    expect(await officer.getByText('已保存审查结果。').isVisible()).toBe(true);

    await officer.getByRole('link', { name: '评审组与进度' }).click();
    for (const [i, judge] of JUDGES.entries()) {
      await officer.getByLabel('评审专家姓名').fill(`评审专家 ${i + 1} 号`);
      await officer.getByLabel('评审专家账号').fill(judge);
      await press(officer, '加入评审组');
    }
    await press(officer, '自动分配');
    await press(officer, '开始评审');
    expect(await officer.getByText('0 / 9 已提交').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-review');
  });

  it('three judges score blind on phones: no team names, leaders or phones, and a confirmation with the total', async () => {
    for (const j of JUDGES.keys()) {
      const page = await openPage(browser);
      await signIn(page, server.url, new RegExp(`评审专家 ${j + 1} 号`), '/judge');
      if (j === 0) await checkBothWidths(page, 'judge-assignments');
      for (let n = 0; n < PROPOSALS.length; n++) {
        await contest(page).locator('li', { hasNotText: '已提交' }).first().getByRole('link').click();
        await page.getByText('匿名评审').waitFor();
        const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
        const proposal = PROPOSALS.find((p) => p.title === title)!;
        const main = (await page.locator('main').textContent()) ?? '';
        for (const hidden of [...TEAMS, ...LEADERS]) expect(main).not.toContain(hidden);
        expect(await page.content()).not.toMatch(/1390000000\d/);
        if (j === 0 && n === 0) await checkBothWidths(page, 'judge-sheet');
        for (const [k, input] of (await page.locator('input[name^="scores."]').all()).entries())
          await input.fill(proposal.scores[k]!);
        await press(page, '提交评分');
        expect(await page.getByRole('heading', { name: '确认提交评分' }).isVisible()).toBe(true);
        expect(await page.getByText(proposal.total).first().isVisible()).toBe(true);
        await press(page, '确认提交');
        await page.goto(`${server.url}/judge`);
      }
      expect(await contest(page).getByText('3 / 3 已提交').isVisible()).toBe(true);
      await closePage(page);
    }
  });

  it('the officer ranks, trims the first with a reason, and publishes the bundle', async () => {
    await officer.goto(`${server.url}/office/contests/${contestId}`);
    await officer.getByRole('link', { name: '排名' }).click();
    expect(await officer.getByText('评审专家 1 号：85.50').first().isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-ranking');

    await officer.getByRole('link', { name: '入围名单' }).click();
    expect(await officer.getByText('已用 ¥10,000.00 / ¥12,000.00').isVisible()).toBe(true);
    await officer.getByLabel('调减后的金额（选填）').first().fill('4,000');
    await officer.getByLabel('调减原因').first().fill(TRIM_REASON);
    await press(officer, '保存调整');
    expect(await officer.getByText('已用 ¥9,000.00 / ¥12,000.00').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-bundle');
    await press(officer, '公示入围名单');
    await press(officer, '确认公示');
    expect(await officer.getByText('入围名单已公示。').isVisible()).toBe(true);
  });

  it('a resident objects on the contest page and the officer answers on the record', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /李红梅/, `/contests/${contestId}`);
    expect(await page.getByText(TRIM_REASON).first().isVisible()).toBe(true);
    await checkBothWidths(page, 'contest-publicity');
    await page.getByRole('link', { name: '提出异议' }).click();
    await page.getByLabel('异议内容').fill('希望说明“独居老人午餐”未入围的原因。');
    await press(page, '提交异议');
    expect(await page.getByText('异议已提交').isVisible()).toBe(true);
    await closePage(page);

    await officer.reload();
    await officer.getByLabel('答复').fill('预算只剩 ¥3,000.00，不足以支持该项目的 ¥5,000.00。');
    await press(officer, '提交答复');
    expect(await officer.getByText('已答复异议。').isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-publicity');
  });

  it('once publicity is over the officer locks the bundle and issues the notices', async () => {
    await advanceDays(8);
    await officer.reload();
    await press(officer, '锁定服务包');
    expect(await officer.getByRole('button', { name: '确认锁定' }).isVisible()).toBe(true);
    await press(officer, '确认锁定');
    expect(await officer.getByText('服务包已锁定。').isVisible()).toBe(true);
    await press(officer, '发放通知书');
    expect(await officer.getByText('已发放 3 / 3 份通知书').isVisible()).toBe(true);
    expect(await officer.getByRole('link', { name: '开放合同数据（OCDS JSON）' }).isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-records');
  });

  let number = '';
  let code = '';

  it('a resident prints the notice, addressed to the team, on one A4 page in Chinese and in English', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /赵建华/, '/me/notices');
    await checkBothWidths(page, 'my-notices');
    await page.locator('article', { hasText: TITLE }).getByRole('link', { name: '查看和打印' }).click();
    await page.getByRole('heading', { name: '立项通知书' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`${TEAMS[0]}：`);
    expect(text).toContain('核定资助金额人民币肆仟元整（¥4,000.00）');
    expect(text).toContain(`你团队的申报金额为¥5,000.00，核定金额有所调整，理由：${TRIM_REASON}。`);
    expect(text).toMatch(/二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日/);
    expect(text.replaceAll(server.url, '')).not.toMatch(/\d{1,2}:\d{2}/);
    number = (await page.locator('.number').textContent())!.trim();
    code = /验证码 (\S+)/.exec(text)![1]!;
    expect(await page.getByRole('link', { name: `${server.url}/notices/verify` }).isVisible()).toBe(true);
    await checkPage(page, 'notice');
    await checkWeight(page, 'notice');
    expect(onePdfPage(await page.pdf({ format: 'A4' }))).toBe(true);

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Award notice' }).waitFor();
    expect(await page.getByText(`To ${TEAMS[0]}:`).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(onePdfPage(await page.pdf({ format: 'A4' }))).toBe(true);
    await closePage(page);
  });

  it('a visitor verifies the notice by typing its number and code, and recomputes the bundle digest', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/contests/${contestId}`);
    const digest = (await page.locator('#digest').textContent())?.trim();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载服务包原文（JSON）' }).click();
    const file = await (await download).path();
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(digest);
    await checkBothWidths(page, 'contest-locked');

    await page.getByRole('link', { name: '核验通知书' }).click();
    await page.getByLabel('文号').fill(number);
    await page.getByLabel('验证码').fill(code.toLowerCase());
    await press(page, '核验');
    expect(await page.getByText('这份通知书真实有效。').isVisible()).toBe(true);
    expect(await page.getByText('¥4,000.00').first().isVisible()).toBe(true);
    expect(await page.getByText(digest!).isVisible()).toBe(true);
    await checkBothWidths(page, 'verify-notice');
    await closePage(page);
  });
});
