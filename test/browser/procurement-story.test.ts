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
  openPage,
  PHONE,
  press,
  signIn,
  stepsInOrder,
} from './pages-support.ts';

/*
 * Issue 10's story in the browser, on a fresh server: the officer sets up a procurement (fixing
 * the form first), announces it and opens bidding; three registered organisations bid, one on a
 * 360-px phone; the clock moves; the officer opens the bids and calls final quotations; the
 * suppliers quote; the panel scores on its pages (one member saving a draft first); the officer
 * reopens one sheet with a reason and its member submits it again; the officer recommends,
 * awards and issues the deal notice.
 * Each step is a test of its own, in order.
 */

let server: LocalServer;
let browser: Browser;
let officer: Page;
let dashboard = '';
let procurementId = '';

freshServerAndBrowser(async (started, launched) => {
  server = started;
  browser = launched;
  officer = await openPage(browser, { viewport: DESKTOP });
});

stepsInOrder();

const TITLE = '西屯街道老年助餐服务项目（浏览器测试）';
/** The seeded registered organisations' owners, their first prices and final quotations. */
const SUPPLIERS = [
  { who: /陈卫东/, name: '红山区社区服务中心', price: '99,000', final: '96,000' },
  { who: /孙立新/, name: '红山家园', price: '97,000', final: '95,000' },
  { who: /周丽娟/, name: '赤峰弘益社会组织服务中心', price: '99,500', final: '97,500' },
];
/** Each panel member's points per criterion (服务方案 40, 人员配置 25, 类似项目业绩 15), by supplier. */
const SCORES = [
  [3500, 2200, 1300],
  [3000, 1800, 1200],
  [3250, 2000, 1250],
];

/** A lifecycle move on the dashboard: the button, then its confirmation. */
async function move(name: string) {
  await press(officer, name);
  await press(officer, `确认${name}`);
}

/** The clock moves on, on the demo sign-in page (pages-support.ts). */
const advanceDays = (days: number) => advanceClock(browser, server.url, days);

describe('a procurement from set-up to the deal notice, clicked through in a browser', () => {
  it('the officer sets up a procurement, fixing the form first, announces it and opens bidding', async () => {
    await signIn(officer, server.url, /王晓梅/, '/office');
    await officer.getByRole('link', { name: '服务采购（竞争性磋商）' }).click();
    await checkBothWidths(officer, 'office-procurements');
    await officer.getByRole('link', { name: '新建采购项目' }).click();
    await checkBothWidths(officer, 'office-new-procurement');

    await officer.getByLabel('项目名称').fill(TITLE);
    await officer.getByLabel('采购需求（服务内容）').fill('为辖区 80 岁以上老人提供每日午餐配送。');
    await officer.getByLabel('最高限价').fill('十万');
    await officer.getByLabel('响应文件须包含的部分').fill('服务方案\n人员名单');
    const criteria = [
      ['服务方案', 'technical', '40'],
      ['人员配置', 'technical', '25'],
      ['类似项目业绩', 'business', '15'],
    ];
    for (const [i, [name, kind, max]] of criteria.entries()) {
      await officer.getByLabel(`评分项 ${i + 1} 名称`).fill(name!);
      await officer.getByLabel(`评分项 ${i + 1} 类别`).selectOption(kind!);
      await officer.getByLabel(`评分项 ${i + 1} 满分`).fill(max!);
    }
    for (const n of [1, 2, 3]) {
      await officer.getByLabel(`成员 ${n} 姓名`).fill(`评审专家 ${n} 号`);
      await officer.getByLabel(`成员 ${n} 账号`).fill(`judge-${n}`);
    }
    await press(officer, '创建草稿');
    expect(await officer.locator('#f-ceilingFen-error').textContent()).toContain('请填写金额');
    expect(await officer.getByLabel('项目名称').inputValue()).toBe(TITLE);
    await officer.getByLabel('最高限价').fill('100,000');
    await press(officer, '创建草稿');
    expect(await officer.getByText('已创建采购项目草稿。').isVisible()).toBe(true);
    dashboard = new URL(officer.url()).pathname;
    procurementId = dashboard.split('/').pop()!;
    await checkBothWidths(officer, 'office-procurement-draft');

    await move('发布公告');
    expect(await officer.getByText('公告已发布，磋商文件已冻结。').isVisible()).toBe(true);
    await move('开始接收响应文件');
    expect(await officer.getByText('已开始接收响应文件。').isVisible()).toBe(true);
    expect(await officer.getByText(/响应文件密封至/).isVisible()).toBe(true);
  });

  it('three registered organisations send their sealed bids, one on a 360-px phone', async () => {
    for (const [i, supplier] of SUPPLIERS.entries()) {
      const page = await openPage(browser, { viewport: i === 0 ? PHONE : DESKTOP });
      await signIn(page, server.url, supplier.who, '/me/procurements');
      if (i === 0) await checkBothWidths(page, 'supplier-procurements');
      await page.getByRole('link', { name: TITLE }).click();
      if (i === 0) await checkBothWidths(page, 'supplier-bid');
      await page.getByLabel('服务方案').fill(`${supplier.name}：每日 11 点前送达，冷链保温。`);
      await page.getByLabel('人员名单').fill('厨师 2 人，送餐员 6 人。');
      await page.getByLabel('报价', { exact: true }).fill(supplier.price);
      if (i === 0) {
        expect(page.viewportSize()?.width).toBe(360);
        await checkPage(page, 'supplier-bid-typed');
      }
      await press(page, '递交响应文件');
      expect(await page.getByText('响应文件已递交并密封。').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: '递交响应文件' }).count()).toBe(0);
      await closePage(page);
    }
    await officer.reload();
    for (const supplier of SUPPLIERS)
      expect(await officer.locator('main').textContent()).not.toContain(supplier.name);
  });

  it('after the deadline the officer opens the bids and calls the final quotations', async () => {
    await advanceDays(16);
    await officer.goto(`${server.url}${dashboard}`);
    await move('截止并开启响应文件');
    expect(await officer.getByText('响应文件已开启。').isVisible()).toBe(true);
    for (const supplier of SUPPLIERS)
      expect(await officer.getByText(supplier.name).first().isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-procurement-opened');
    await move('请供应商提交最后报价');
    expect(await officer.getByText('已请供应商提交最后报价。').isVisible()).toBe(true);
  });

  it('each supplier gives one final quotation, confirmed, one first trying above the ceiling', async () => {
    for (const [i, supplier] of SUPPLIERS.entries()) {
      const page = await openPage(browser, { viewport: i === 0 ? PHONE : DESKTOP });
      await signIn(page, server.url, supplier.who, `/me/procurements/${procurementId}`);
      if (i === 1) {
        await page.getByLabel('最后报价', { exact: true }).fill('100,000.01');
        await press(page, '提交最后报价');
        expect(await page.locator('#f-quotationFen-error').textContent()).toContain('高于最高限价');
      }
      await page.getByLabel('最后报价', { exact: true }).fill(supplier.final);
      if (i === 0) await checkBothWidths(page, 'supplier-final-quotation', { typed: true });
      await press(page, '提交最后报价');
      if (i === 0) await checkBothWidths(page, 'supplier-final-quotation-confirm', { typed: true });
      await press(page, '确认提交最后报价');
      expect(await page.getByText('最后报价已提交。').isVisible()).toBe(true);
      await closePage(page);
    }
  });

  it('the panel scores each bid on its pages, the officer follows the progress and reopens one sheet with a reason', async () => {
    await advanceDays(10);
    await officer.goto(`${server.url}${dashboard}`);
    await move('开始综合评分');
    expect(await officer.getByText('0 / 3 已提交').first().isVisible()).toBe(true);
    // Each member scores every supplier on the panel pages: the first saves a draft before
    // submitting; every sheet is submitted after its confirmation step.
    const names = ['服务方案', '人员配置', '类似项目业绩'];
    for (const n of [1, 2, 3]) {
      const page = await openPage(browser, { viewport: DESKTOP });
      await signIn(page, server.url, new RegExp(`评审专家 ${n} 号`), '/panel');
      await page.getByRole('link', { name: TITLE }).click();
      await page.waitForLoadState('load');
      for (const [i, supplier] of SUPPLIERS.entries()) {
        await page.getByRole('link', { name: new RegExp(`^${supplier.name}`) }).click();
        await page.waitForLoadState('load');
        for (const [k, name] of names.entries())
          await page
            .getByRole('group', { name, exact: true })
            .getByLabel(/得分/)
            .fill(String(SCORES[i]![k]! / 100));
        if (n === 1 && i === 0) {
          await press(page, '保存草稿');
          expect(await page.getByText('草稿已保存').isVisible()).toBe(true);
          const kept = page.getByRole('group', { name: names[0]!, exact: true }).getByLabel(/得分/);
          expect(await kept.inputValue()).toBe(`${SCORES[0]![0]! / 100}.00`);
          await checkBothWidths(page, 'panel-sheet-draft', { typed: true });
        }
        await press(page, '提交评分');
        const total = SCORES[i]!.reduce((sum, points) => sum + points, 0) / 100;
        expect(await page.locator('main').textContent()).toContain(`${total}.00`);
        await press(page, '确认提交');
        expect(await page.locator('main li', { hasText: supplier.name }).textContent()).toContain('已提交');
      }
      expect(await page.getByText('3 / 3 已提交').first().isVisible()).toBe(true);
      await closePage(page);
    }
    await officer.reload();
    expect(await officer.getByText('3 / 3 已提交').first().isVisible()).toBe(true);
    // The officer reopens member 1's sheet for the first supplier, with a reason, after a
    // confirmation; the member reads why and submits it again (the same points: the ranking below
    // stays the worked numbers).
    const reason = '服务方案一项的分数请再核对';
    const option = officer.locator('select[name="sheet"] option', {
      hasText: new RegExp(`^${SUPPLIERS[0]!.name}.* · 评审专家 1 号$`),
    });
    await officer.getByLabel('要重新开启的评分表').selectOption((await option.getAttribute('value'))!);
    await officer.getByLabel('重新开启的理由').fill(reason);
    await press(officer, '重新开启评分表');
    await press(officer, '确认重新开启评分表');
    expect(await officer.getByText('评分表已重新开启，等待该成员重新提交。').isVisible()).toBe(true);
    expect(await officer.locator('main').textContent()).toContain(`重新开启：${reason}`);
    expect(await officer.getByText('2 / 3 已提交').first().isVisible()).toBe(true);
    const member = await openPage(browser);
    await signIn(member, server.url, /评审专家 1 号/, '/panel');
    await member.getByRole('link', { name: TITLE }).click();
    await member.waitForLoadState('load');
    expect(await member.locator('main li', { hasText: SUPPLIERS[0]!.name }).textContent()).toContain(
      '草稿，未提交',
    );
    await member.getByRole('link', { name: new RegExp(`^${SUPPLIERS[0]!.name}`) }).click();
    await member.waitForLoadState('load');
    expect(await member.locator('main').textContent()).toContain(`理由：${reason}`);
    await checkBothWidths(member, 'panel-sheet-reopened');
    await press(member, '提交评分');
    await press(member, '确认提交');
    await closePage(member);
    await officer.reload();
    expect(await officer.getByText('2 / 3 已提交').count()).toBe(0);
  });

  it('the officer reads the ranking, recommends, awards and issues the deal notice', async () => {
    const main = () => officer.locator('main').textContent();
    // Price: 95,000 is the benchmark (20.00); 95,000 ÷ 96,000 × 20 = 19.79; 95,000 ÷ 97,500 × 20 = 19.49.
    for (const total of ['89.79', '84.49', '80.00']) expect(await main()).toContain(total);
    await checkBothWidths(officer, 'office-procurement-ranking');
    await move('推荐成交候选人');
    // The confirmation names the candidate it awards, with its quotation and total.
    await press(officer, '确定成交供应商');
    await checkBothWidths(officer, 'office-procurement-award-confirm', { typed: true });
    await officer.goto(`${server.url}${dashboard}`);
    expect(await officer.getByText('当前候选人：红山区社区服务中心').isVisible()).toBe(true);
    await move('确定成交供应商');
    expect(await officer.getByText('成交供应商：红山区社区服务中心').isVisible()).toBe(true);
    await press(officer, '发放通知书');
    expect(await officer.getByText('通知书已发放。').isVisible()).toBe(true);
    expect(await officer.getByText('成交通知书').first().isVisible()).toBe(true);
    expect(await officer.getByText('结果通知书').first().isVisible()).toBe(true);
    await checkBothWidths(officer, 'office-procurement-awarded');
    await checkWeight(officer, 'office-procurement-awarded');
  });
});
