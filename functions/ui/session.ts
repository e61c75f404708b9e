import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { LOCALES, type Locale } from '../../shared/i18n.ts';
import type { AppEnv, HttpDeps } from '../http/app.ts';
import { routeTable } from '../route-table.ts';

/** The reader's chosen language, kept for a year so every page after the switch keeps it. */
export const LANG_COOKIE = 'mv_lang';
/** The hidden field every page form carries. */
export const CSRF_FIELD = '_csrf';

const isLocale = (value: string | undefined): value is Locale =>
  (LOCALES as readonly string[]).includes(value ?? '');

/**
 * The page's language: `?lang=` (the 中文/English switch, remembered in a cookie), else the
 * remembered choice, else Accept-Language.
 */
export function pageLocale(c: Context<AppEnv>): Locale {
  const asked = c.req.query('lang');
  if (isLocale(asked)) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 31_536_000 });
    return asked;
  }
  const kept = getCookie(c, LANG_COOKIE);
  return isLocale(kept) ? kept : c.get('locale');
}

/**
 * A synchroniser token bound to the session: HMAC of the session token under the server's secret.
 * hono/csrf already refuses cross-origin cookie posts by Origin; the token also stops a post
 * from a page on this origin that did not come from our own form.
 */
export function csrfTokenFor(secret: string, session: string): string {
  return createHmac('sha256', secret).update(`csrf:${session}`).digest('base64url').slice(0, 32);
}

export function csrfMatches(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** A local path to come back to after signing in; anything else (another site) becomes `/`. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** The site's sign-in link, coming back to `next`. */
export const signInHref = (next: string) =>
  `${routeTable.signIn.path}?${new URLSearchParams({ next: safeNext(next) })}`;

/** Where the sign-in route sends the browser: the hosted sign-in on AWS, the demo page locally. */
export function signInTarget(deps: Pick<HttpDeps, 'signIn'>, next: string): string {
  const target = safeNext(next);
  return deps.signIn?.signInUrl(target) ?? `${DEV_SIGN_IN_PATH}?${new URLSearchParams({ next: target })}`;
}

/** The local runtime's demo sign-in; no route-table entry because AWS never serves it. */
export const DEV_SIGN_IN_PATH = '/dev/sign-in';

/** The request's path and query, for "come back here" links. */
export function currentPath(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

/** The same page in the other language (the switch keeps the page and its query). */
export function switchLanguageHref(c: Context, to: Locale): string {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', to);
  return `${url.pathname}?${url.searchParams}`;
}
