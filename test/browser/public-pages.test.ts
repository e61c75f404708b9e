import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { checkBothWidths, closePage, freshServerAndBrowser, openPage, signIn } from './pages-support.ts';

let server: LocalServer;
let browser: Browser;

freshServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
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
});
