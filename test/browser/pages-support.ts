import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { LocalServer } from '../../infra/local/server.ts';
import { startTestServer } from '../support/local-server.ts';

/** Debian's Chromium, started the way this closed network needs (no background fetches). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Issue 7: light enough for a cheap phone on a slow link. */
export const PAGE_BUDGET = { totalBytes: 30 * 1024, scriptBytes: 10 * 1024 };

export interface PageWeight {
  html: number;
  css: number;
  script: number;
  total: number;
}

/**
 * Every page measured, by name, in test-results/page-weights.json: each test file adds its
 * pages to what the files before it wrote (a fresh checkout starts from none).
 */
const WEIGHTS_FILE = 'test-results/page-weights.json';

/**
 * A page's weight on the wire, gzipped: its HTML (fetched again with the page's cookies, so
 * exactly what the server sends) plus every stylesheet and script it loads.
 */
export async function measurePage(page: Page, name: string): Promise<PageWeight> {
  const gzipped = async (url: string) => {
    const response = await page.request.get(url, { headers: { 'accept-encoding': 'gzip' } });
    return { bytes: gzipSync(await response.body()).byteLength, status: response.status() };
  };
  const assets = await page.evaluate<{ css: string[]; script: string[] }>(
    `({ css: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href),
        script: [...document.querySelectorAll('script[src]')].map((s) => s.src) })`,
  );
  const html = await gzipped(page.url());
  const sum = async (urls: string[]) => {
    let total = 0;
    for (const url of urls) {
      const asset = await gzipped(url);
      expect(asset.status, url).toBe(200);
      total += asset.bytes;
    }
    return total;
  };
  const css = await sum(assets.css);
  const script = await sum(assets.script);
  const weight = { html: html.bytes, css, script, total: html.bytes + css + script };
  const weights: Record<string, PageWeight> = existsSync(WEIGHTS_FILE)
    ? JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8'))
    : {};
  weights[name] = weight;
  mkdirSync('test-results', { recursive: true });
  writeFileSync(WEIGHTS_FILE, `${JSON.stringify(weights, null, 2)}\n`);
  return weight;
}

/** Fails a page heavier than the budget: 30 KB gzipped with its CSS and script, script 10 KB. */
export async function checkWeight(page: Page, name: string): Promise<void> {
  const weight = await measurePage(page, name);
  expect(weight.total, `${name}: ${JSON.stringify(weight)}`).toBeLessThanOrEqual(PAGE_BUDGET.totalBytes);
  expect(weight.script, `${name}: ${JSON.stringify(weight)}`).toBeLessThanOrEqual(PAGE_BUDGET.scriptBytes);
}

/**
 * What every page must pass: `lang` set, no sideways scroll at the current width, no serious
 * or critical axe violation; then a full-page screenshot under test-results/pages (git-ignored).
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toMatch(/^(zh-CN|en)$/);
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(grave, name).toEqual([]);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `test-results/pages/${name}-${width}.png`, fullPage: true });
}

/**
 * The header's English switch opens the same page in English (its path kept, `lang` en, the
 * main text changed), then 中文 brings it back, leaving the page as it was for the next step.
 */
export async function checkEnglishSwitch(page: Page, name: string): Promise<void> {
  const chinese = new URL(page.url());
  const zhText = await page.locator('main').textContent();
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL(/lang=en/);
  expect(new URL(page.url()).pathname, name).toBe(chinese.pathname);
  expect(await page.locator('html').getAttribute('lang'), name).toBe('en');
  const enText = await page.locator('main').textContent();
  expect(enText, name).not.toBe(zhText);
  expect(enText, name).toMatch(/[A-Za-z]{4,}/);
  await page.getByRole('link', { name: '中文', exact: true }).click();
  await page.waitForURL(/lang=zh-CN/);
  expect(await page.locator('html').getAttribute('lang'), name).toBe('zh-CN');
}

/**
 * Checks a page at a desktop's width and a phone's (ending at the phone's), its weight and its
 * English switch. `typed`: the page holds what the person typed or answers a form's post, so
 * the switch (which loads the page again) is left to the same page before typing.
 */
export async function checkBothWidths(page: Page, name: string, options: { typed?: boolean } = {}) {
  await page.setViewportSize(DESKTOP);
  await checkPage(page, name);
  await page.setViewportSize(PHONE);
  await checkPage(page, name);
  await checkWeight(page, name);
  if (!options.typed) await checkEnglishSwitch(page, name);
}

/** Whether a PDF has exactly one page (its page tree's count). */
export const onePdfPage = (pdf: Buffer): boolean =>
  /\/Type\s*\/Pages[^>]*\/Count\s+1\b/.test(pdf.toString('latin1'));

/** Signs in through the demo sign-in page, as a person would, and comes back to `next`. */
export async function signIn(page: Page, baseUrl: string, who: RegExp, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?${new URLSearchParams({ next })}`);
  await page.getByRole('button', { name: who }).click();
  await page.waitForURL(`${baseUrl}${next}`);
}

/** A page in its own context (axe needs one; cookies stay apart). Close with `closePage`. */
export async function openPage(browser: Browser, options: { viewport?: typeof PHONE; locale?: string } = {}) {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options,
  });
  return context.newPage();
}

export const closePage = (page: Page) => page.context().close();

/**
 * A fresh local server and Chromium for one test file: started before its tests (`ready` gets
 * them, and does what else the file needs first), stopped after them.
 */
export function freshServerAndBrowser(
  ready: (server: LocalServer, browser: Browser) => void | Promise<void>,
) {
  let server: LocalServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** A story's steps, each a test of its own, in order: after a failure the rest are skipped, not left to time out. */
export function stepsInOrder(): void {
  let broken = false;
  afterEach(({ task }) => {
    if (task.result?.state === 'fail') broken = true;
  });
  beforeEach(({ skip }) => {
    if (broken) skip();
  });
}

/** Clicks a submit button and waits for the page the form leads to. */
export async function press(page: Page, name: string | RegExp) {
  const navigated = page.waitForEvent('framenavigated');
  await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .click();
  await navigated;
  await page.waitForLoadState('load');
}

/** The clock moves on: the demo sign-in page's clock form (local only), as a person would. */
export async function advanceClock(browser: Browser, baseUrl: string, days: number) {
  const page = await openPage(browser, { viewport: DESKTOP });
  await page.goto(`${baseUrl}/dev/sign-in`);
  const clock = page.locator('section', { has: page.getByRole('heading', { name: '演示时钟' }) });
  const before = await clock.locator('p').first().textContent();
  await page.getByLabel('向前拨的天数').fill(String(days));
  await press(page, '拨动时钟');
  expect(await clock.locator('p').first().textContent()).not.toBe(before);
  await closePage(page);
}
