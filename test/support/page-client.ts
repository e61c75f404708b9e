import type { Hono } from 'hono';
import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../functions/http/app.ts';

type AnyApp = Pick<Hono<any>, 'request'>;
export interface PageResult {
  status: number;
  body: string;
  location: string | null;
  headers: Headers;
}

/**
 * A browser's requests to page routes over `app.request`: the session cookie of `token`, HTML
 * accepted, forms posted url-encoded from this origin with the form token read off a page.
 */
export function pageClient(
  token: string | undefined,
  lang: 'zh-CN' | 'en' = 'zh-CN',
  { keepCookies = false }: { keepCookies?: boolean } = {},
) {
  // With keepCookies, the cookies the pages set are sent back as a browser would (by name, any path).
  const kept = new Map<string, string>();
  const cookie = () =>
    [
      ...(token ? [`${SESSION_COOKIE}=${token}`] : []),
      ...[...kept].map(([name, value]) => `${name}=${value}`),
    ].join('; ');
  const headers = () => ({
    accept: 'text/html',
    'accept-language': lang,
    ...(cookie() ? { cookie: cookie() } : {}),
  });
  let csrf: string | undefined;
  const result = async (response: Response): Promise<PageResult> => {
    if (keepCookies)
      for (const set of response.headers.getSetCookie()) {
        const [pair = ''] = set.split(';');
        const at = pair.indexOf('=');
        if (/max-age=0/i.test(set)) kept.delete(pair.slice(0, at));
        else kept.set(pair.slice(0, at), pair.slice(at + 1));
      }
    return {
      status: response.status,
      body: await response.text(),
      location: response.headers.get('location'),
      headers: response.headers,
    };
  };
  const client = {
    /** The form token read off the pages so far (none before a page with a form). */
    get csrf() {
      return csrf;
    },
    async get(app: AnyApp, path: string): Promise<PageResult> {
      const page = await result(await app.request(path, { headers: headers() }));
      csrf ??= /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      return page;
    },
    /** Posts a form; `withToken: false` leaves the form token out (a forged post). */
    async post(
      app: AnyApp,
      path: string,
      fields: Record<string, string | string[]>,
      { withToken = true } = {},
    ): Promise<PageResult> {
      const body = new URLSearchParams();
      if (withToken) {
        expect(csrf, 'read a page before posting').toBeDefined();
        body.append('_csrf', csrf!);
      }
      for (const [name, value] of Object.entries(fields)) {
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
      }
      return result(
        await app.request(path, {
          method: 'POST',
          body: body.toString(),
          headers: {
            ...headers(),
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'http://localhost',
          },
        }),
      );
    },
  };
  return client;
}

/** The page's text without tags, for what a person reads. */
export const pageText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&');

/** A page shows people's units: no fen, no ISO-UTC instants, no internal codes or statuses. */
export function expectReadable(html: string, codes: string[] = []) {
  const text = pageText(html);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/\b\d{6,}\b/);
  for (const code of ['rank-fill', 'rank-strict', 'max-score', 'trimmed-mean', 'not-funded', ...codes]) {
    expect(text).not.toContain(code);
  }
  if (/<html lang="zh-CN">/.test(html)) {
    expect(text).not.toMatch(/\b(draft|open|screening|review|publicity|locked|awarded|submitted|missing)\b/);
    // A Chinese label runs into its value with a full-width colon (commonTexts.colon), not ": ".
    expect(text).not.toMatch(/[\p{Script=Han}）]\s*:\s/u);
  }
}

/** The text of the error shown beside a field (by the field's name). */
export function fieldError(html: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^\w-]/g, '-')}-error`;
  return new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];
}

/** A field's shown value (an input's value attribute or a textarea's text). */
export function fieldValue(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = new RegExp(`<input[^>]*name="${escaped}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  if (input !== undefined) return input;
  return new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

/** The options of a page's datalist by its id: [value, label] pairs (the known judges, say). */
export function datalistOptions(html: string, id: string): [string, string][] {
  const list = new RegExp(`<datalist id="${id}">([\\s\\S]*?)</datalist>`).exec(html)?.[1] ?? '';
  return [...list.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!]);
}
