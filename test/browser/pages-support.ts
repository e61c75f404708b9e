import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** Checks a page at a phone's width and a desktop's, ending at the phone's. */
export async function checkBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await checkPage(page, name);
  await page.setViewportSize(PHONE);
  await checkPage(page, name);
}

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
