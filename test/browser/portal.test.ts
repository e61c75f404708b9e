import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { startTestServer } from '../support/local-server.ts';

/** Debian's Chromium, started the way this closed network needs (no background fetches). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Drives the demo contest in review to issued notices through the API, as the officer and judges. */
async function awardDemoContest(url: string) {
  const post = (path: string, token?: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body ?? {}),
    }).then((r) => r.json() as Promise<any>);
  const token = async (user: string) => (await post('/dev/token', undefined, { user })).token as string;
  let contestId = '';
  for (const judgeId of ['judge-1', 'judge-2', 'judge-3', 'judge-4', 'judge-5']) {
    const judge = await token(judgeId);
    const mine = await (
      await fetch(`${url}/api/me/assignments`, { headers: { authorization: `Bearer ${judge}` } })
    ).json();
    for (const a of (mine as any).items) {
      contestId = a.contestId;
      const base = `/api/contests/${a.contestId}/proposals/${a.proposalId}`;
      const scores = {
        'need-fit': 2200,
        feasibility: 2100,
        'team-capacity': 1300,
        budget: 1250,
        participation: 1700,
      };
      await fetch(`${url}${base}/sheet`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${judge}` },
        body: JSON.stringify({ scores }),
      });
      await post(`${base}/sheet/submit`, judge);
    }
  }
  const officer = await token('officer-xitun');
  await post(`/api/contests/${contestId}/publish`, officer);
  await post('/dev/clock', undefined, { advanceDays: 8 });
  await post(`/api/contests/${contestId}/lock`, officer);
  await post(`/api/contests/${contestId}/notices/issue`, officer);
  return contestId;
}

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

  it('prints a selected team’s notice on one A4 page, with the amount in capital numerals', async () => {
    const contestId = await awardDemoContest(server.url);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/dev/sign-in`);
    await page.getByRole('button', { name: /赵建华/ }).click();
    await page.waitForURL(`${server.url}/`);
    const notices = await page.goto(`${server.url}/api/me/notices`);
    const body = (await notices!.json()) as {
      items: { contestId: string; proposalId: string; number: string }[];
    };
    const notice = body.items.find((n) => n.contestId === contestId);
    await page.goto(`${server.url}/notices/${contestId}/${notice!.proposalId}`);
    expect(await page.getByText('立项通知书').first().isVisible()).toBe(true);
    expect(await page.getByText(notice!.number, { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/notice.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    // One page: the PDF's page tree counts its pages.
    expect(/\/Type\s*\/Pages[^>]*\/Count\s+1\b/.test(pdf.toString('latin1'))).toBe(true);
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
