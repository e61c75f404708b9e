import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_OFFICE } from '../../infra/local/seed.ts';
import type { LocalServer } from '../../infra/local/server.ts';
import { fetchJson } from '../support/local-server.ts';
import {
  checkBothWidths,
  checkPage,
  checkWeight,
  closePage,
  freshServerAndBrowser,
  onePdfPage,
  openPage,
  signIn,
} from './pages-support.ts';

/*
 * The demo's elderly-care procurement (seeded in bidding with three organisations' sealed bids),
 * brought on step by step through the API with the demo clock, as the officer, the suppliers and
 * the panel would: each test reads the pages of the phase it reaches, in order.
 */

let server: LocalServer;
let browser: Browser;
let procurementId: string;
/** The deal notice's number and code, as printed. */
let number = '';
let code = '';

const tokens = new Map<string, string>();
async function tokenOf(user: string): Promise<string> {
  if (!tokens.has(user)) {
    const { body } = await fetchJson(`${server.url}/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ user }),
    });
    tokens.set(user, body.token);
  }
  return tokens.get(user)!;
}

/** An API call that must succeed. */
async function api(user: string, method: string, path: string, body?: unknown) {
  const response = await fetchJson(`${server.url}${path}`, {
    method,
    token: await tokenOf(user),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body;
}

const advanceDays = (days: number) =>
  fetchJson(`${server.url}/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: days }) });

const p = () => `/api/procurements/${procurementId}`;

/** Past the bidding deadline: the bids opened, the final quotations in, scoring started. */
async function toEvaluation() {
  await advanceDays(13);
  await api('officer-xitun', 'POST', `${p()}/close-bidding`);
  await api('officer-xitun', 'POST', `${p()}/call-final-quotations`);
  const { items } = await api('officer-xitun', 'GET', `${p()}/bids`);
  for (const bid of items as { teamId: string; ownerSub: string; priceFen: number }[])
    await api(bid.ownerSub, 'PUT', `${p()}/bids/${bid.teamId}/final-quotation`, {
      quotationFen: bid.priceFen - 100_000,
    });
  await advanceDays(8);
  await api('officer-xitun', 'POST', `${p()}/start-evaluation`);
  return items as { teamId: string; supplierName: string }[];
}

/** Every member's sheets in (the ones not yet submitted), the recommendation, the award, the notices. */
async function toAwarded(members: string[]) {
  const { criteria } = await api('officer-xitun', 'GET', p());
  const { items } = await api('officer-xitun', 'GET', `${p()}/bids`);
  for (const [m, member] of members.entries()) {
    const mine = new Set(
      ((await api(member, 'GET', `${p()}/sheets/mine`)).items as { teamId: string }[]).map((s) => s.teamId),
    );
    for (const [i, bid] of (items as { teamId: string }[]).entries()) {
      if (mine.has(bid.teamId)) continue;
      const scores = Object.fromEntries(
        (criteria as { code: string; maxPoints: number }[]).map((c) => [
          c.code,
          Math.round((c.maxPoints * (70 + 5 * i + m)) / 10_000) * 100,
        ]),
      );
      await api(member, 'POST', `${p()}/bids/${bid.teamId}/sheet/submit`, { scores });
    }
  }
  await api('officer-xitun', 'POST', `${p()}/recommend`);
  await api('officer-xitun', 'POST', `${p()}/award`);
  await api('officer-xitun', 'POST', `${p()}/notices/issue`);
}

freshServerAndBrowser(async (started, launched) => {
  server = started;
  browser = launched;
  const { items } = await api('officer-xitun', 'GET', `/api/offices/${DEMO_OFFICE.id}/procurements`);
  procurementId = items[0].id;
});

describe('a procurement’s public pages and its panel, in a real browser', () => {
  it('an anonymous visitor on a phone reads the announcement: ceiling in yuan, deadlines in Beijing time', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/procurements/${procurementId}`);
    await page.getByRole('heading', { level: 1, name: '西屯街道居家养老服务项目' }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('采购公告');
    expect(main).toContain('¥150,000.00');
    expect(main).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);
    expect(main).toContain('不少于 3 家');
    expect(main).toContain('递交响应文件');
    await checkBothWidths(page, 'procurement-announcement');
    await closePage(page);
  });

  it('a panel member on a phone finds the procurement sealed, then scores a supplier blind once scoring starts', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /评审专家 1 号/, '/panel');
    await page.getByRole('link', { name: '西屯街道居家养老服务项目' }).click();
    await page.getByText('响应文件尚未开启').waitFor();
    expect(await page.locator('main ul a').count()).toBe(0);
    await checkBothWidths(page, 'panel-sealed');

    await toEvaluation();
    await page.goto(`${server.url}/panel`);
    await checkBothWidths(page, 'panel-home');
    await page.getByRole('link', { name: '西屯街道居家养老服务项目' }).click();
    await page.getByText('0 / 3 已提交').waitFor();
    await checkBothWidths(page, 'panel-procurement');

    await page.locator('main ul a').first().click();
    await page.getByRole('heading', { name: '评分表' }).waitFor();
    await checkBothWidths(page, 'panel-sheet');
    const inputs = page.getByLabel(/得分（满分/);
    expect(await inputs.count()).toBe(5);
    for (let i = 0; i < 5; i++) await inputs.nth(i).fill('8');
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByRole('heading', { name: '确认提交评分' }).waitFor();
    expect(await page.getByText('40.00').isVisible()).toBe(true);
    await checkBothWidths(page, 'panel-confirm', { typed: true });
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('评分已提交。').waitFor();
    expect(await page.getByText('1 / 3 已提交').isVisible()).toBe(true);
    await closePage(page);
  });

  it('after the award, anyone reads the result announcement with every supplier’s quotation, scores and rank', async () => {
    await toAwarded(['judge-1', 'judge-2', 'judge-3']);

    const page = await openPage(browser);
    await page.goto(`${server.url}/procurements/${procurementId}`);
    await page.getByRole('link', { name: '查看成交结果公告' }).click();
    await page.getByText('成交结果公告').first().waitFor();
    const rows = page.locator('main table tbody tr');
    expect(await rows.count()).toBe(3);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/^1.*¥[\d,]+\.\d{2}.*\d+\.\d{2}.*成交$/);
    expect(await page.getByText(/成交供应商/).isVisible()).toBe(true);
    await checkBothWidths(page, 'procurement-result');
    await closePage(page);
  });

  it('the awarded supplier prints its deal notice on one A4 page, in Chinese and in English', async () => {
    const { awardedBidId } = await api('officer-xitun', 'GET', p());
    const { items } = await api('officer-xitun', 'GET', `${p()}/bids`);
    const owner = (items as { teamId: string; ownerSub: string }[]).find((b) => b.teamId === awardedBidId)!;
    const users = (await fetchJson(`${server.url}/dev/users`)).body as { sub: string; name: string }[];
    const name = users.find((u) => u.sub === owner.ownerSub)!.name;

    const page = await openPage(browser);
    const path = `/procurements/${procurementId}/notices/${awardedBidId}`;
    await signIn(page, server.url, new RegExp(name.replace(/[()（）]/g, '.')), path);
    await page.getByRole('heading', { name: '成交通知书' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/成交金额人民币[壹贰叁肆伍陆柒捌玖拾佰仟万元整]+（¥[\d,]+\.00）/);
    expect(text).toMatch(/二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日/);
    expect(text.replaceAll(server.url, '')).not.toMatch(/\d{1,2}:\d{2}/);
    number = (await page.locator('.number').textContent())!.trim();
    code = /验证码 (\S+)/.exec(text)![1]!;
    expect(
      await page.getByRole('link', { name: `${server.url}/procurement-notices/verify` }).isVisible(),
    ).toBe(true);
    await checkPage(page, 'procurement-deal-notice');
    await checkWeight(page, 'procurement-deal-notice');
    expect(onePdfPage(await page.pdf({ format: 'A4' }))).toBe(true);

    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Deal notice' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(onePdfPage(await page.pdf({ format: 'A4' }))).toBe(true);
    await closePage(page);
  });

  it('a visitor verifies the deal notice by typing its number and code', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/procurement-notices/verify`);
    await checkBothWidths(page, 'procurement-verify');
    await page.getByLabel('文号').fill(number);
    await page.getByLabel('验证码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByText('这份通知书真实有效。').waitFor();
    expect(await page.getByText('成交通知书').first().isVisible()).toBe(true);
    await checkBothWidths(page, 'procurement-verified', { typed: true });
    await closePage(page);
  });
});
