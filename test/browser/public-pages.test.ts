import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { startTestServer } from '../support/local-server.ts';
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

describe('the public pages in a real browser', () => {
  it('takes a visitor on a phone from the contest list to a contest, in Chinese and then English', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/`);
    await checkBothWidths(page, 'home');

    await page.getByRole('link', { name: '西屯街道社区公益微创投大赛' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const contestPath = new URL(page.url()).pathname;
    expect(contestPath).toMatch(/^\/contests\//);
    expect(await page.getByText('征集中').first().isVisible()).toBe(true);
    expect(await page.getByText('如何参加').isVisible()).toBe(true);
    await checkBothWidths(page, 'contest');

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(new URL(page.url()).pathname).toBe(contestPath);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('How to take part').isVisible()).toBe(true);
    await page.goto(`${server.url}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await closePage(page);
  });

  it('signs a resident in on the styled demo page and back out from the header', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/dev/sign-in`);
    await checkBothWidths(page, 'sign-in');

    await signIn(page, server.url, /赵建华/);
    expect(await page.getByText('赵建华（少年手工智造坊）（居民）').isVisible()).toBe(true);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByRole('link', { name: '登录' }).isVisible()).toBe(true);
    await closePage(page);
  });

  it('shows a readable 404 page', async () => {
    const page = await openPage(browser);
    const response = await page.goto(`${server.url}/contests/NOSUCHCONTEST`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: '找不到页面' }).isVisible()).toBe(true);
    await checkBothWidths(page, 'not-found');
    await closePage(page);
  });

  it('lets a visitor verify a notice by typing its number and code, and recompute the bundle digest', async () => {
    const { contestId, number, code } = await awardDemoContest(server.url);
    const page = await openPage(browser);

    await page.goto(`${server.url}/contests/${contestId}`);
    const digest = (await page.locator('#digest').textContent())?.trim();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载服务包原文（JSON）' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(digest);
    await checkBothWidths(page, 'contest-locked');

    await page.getByRole('link', { name: '核验通知书' }).click();
    await page.getByLabel('文号').fill(number);
    await page.getByLabel('验证码').fill(code);
    await page.getByRole('button', { name: '核验' }).click();
    expect(await page.getByText('这份通知书真实有效。').isVisible()).toBe(true);
    expect(await page.getByText(digest!).isVisible()).toBe(true);
    await checkBothWidths(page, 'verify-notice');
    await closePage(page);
  });
});

/** Drives the seeded contest in review to issued notices through the API (judges, then the officer). */
async function awardDemoContest(url: string) {
  const send = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    return response.json() as Promise<any>;
  };
  const token = async (user: string) =>
    (await send('POST', '/dev/token', undefined, { user })).token as string;
  let contestId = '';
  for (const judgeId of ['judge-1', 'judge-2', 'judge-3', 'judge-4', 'judge-5']) {
    const judge = await token(judgeId);
    for (const a of (await send('GET', '/api/me/assignments', judge)).items) {
      contestId = a.contestId;
      const base = `/api/contests/${a.contestId}/proposals/${a.proposalId}`;
      const scores = {
        'need-fit': 2200,
        feasibility: 2100,
        'team-capacity': 1300,
        budget: 1250,
        participation: 1700,
      };
      await send('PUT', `${base}/sheet`, judge, { scores });
      await send('POST', `${base}/sheet/submit`, judge);
    }
  }
  const officer = await token('officer-xitun');
  await send('POST', `/api/contests/${contestId}/publish`, officer);
  await send('POST', '/dev/clock', undefined, { advanceDays: 8 });
  await send('POST', `/api/contests/${contestId}/lock`, officer);
  await send('POST', `/api/contests/${contestId}/notices/issue`, officer);
  const notices = await send('GET', `/api/contests/${contestId}/notices`, officer);
  const notice = notices.items.find((n: { kind: string }) => n.kind === 'selected');
  return { contestId, number: notice.number as string, code: notice.verificationCode as string };
}
