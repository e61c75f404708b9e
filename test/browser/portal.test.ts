import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { freshServerAndBrowser } from './pages-support.ts';

let server: LocalServer;
let browser: Browser;

freshServerAndBrowser((started, launched) => {
  server = started;
  browser = launched;
});

describe('the portal in a real browser', () => {
  it('shows the demo contest on a phone-sized home page, in Chinese first and in English on request', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/`);
    expect(await page.getByText('西屯街道社区公益微创投大赛').first().isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // No sideways scrolling on a phone (evaluated in the page, hence a string: no DOM types here).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/home-phone.png', fullPage: true });

    await page.goto(`${server.url}/?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('signs a resident in with the demo sign-in and uses the session cookie for the API', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/dev/sign-in`);
    await page.getByRole('button', { name: /赵建华/ }).click();
    await page.waitForURL(`${server.url}/`);

    const cookie = (await context.cookies()).find((c) => c.name === 'mv_session');
    expect(cookie?.httpOnly).toBe(true);
    // Pages allow no script to call the API (their CSP), so the browser reads it as a page.
    const response = await page.goto(`${server.url}/api/me/proposals`);
    expect(response?.status()).toBe(200);
    const mine = (await response?.json()) as { items: { title: string }[] };
    expect(mine.items.map((p) => p.title)).toContain('少年手工智造坊');
    await context.close();
  });

  it('renders the interactive API docs with no network beyond this server', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) foreign.push(request.url());
    });
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(20);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
