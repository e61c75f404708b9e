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

describe('a judge on a phone', () => {
  it('scores a blind proposal, confirms the total and sees the progress move, in both languages', async () => {
    const page = await openPage(browser);
    await signIn(page, server.url, /评审专家 1 号/, '/judge');
    const before = await page
      .getByText(/\d+ \/ \d+ 已提交/)
      .first()
      .textContent();
    await checkBothWidths(page, 'judge-assignments');

    await page.locator('main ul a').first().click();
    await page.getByText('匿名评审').waitFor();
    // Blind: none of the seeded teams' names or leaders' phones appear.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/少年手工智造坊团队|停车管理志愿服务队|1390000000\d/);
    await checkBothWidths(page, 'judge-sheet');
    const inputs = page.getByLabel(/得分（满分/);
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill('12.5');
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByRole('heading', { name: '确认提交评分' }).waitFor();
    expect(await page.getByText('62.50').isVisible()).toBe(true);
    // The confirmation carries the typed sheet: confirming saves and submits it in one request.
    expect(await page.locator('section.confirm input[name^="scores."]').count()).toBe(await inputs.count());
    await checkBothWidths(page, 'judge-confirm', { typed: true });
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('评分已提交。').waitFor();

    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByText('Sheet submitted.').isVisible()).toBe(true);
    await page.goto(`${server.url}/judge?lang=zh-CN`);
    const after = await page
      .getByText(/\d+ \/ \d+ 已提交/)
      .first()
      .textContent();
    expect(Number(after?.split(' ')[0])).toBe(Number(before?.split(' ')[0]) + 1);
    await closePage(page);
  });
});
