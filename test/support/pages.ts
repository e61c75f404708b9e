import { SESSION_COOKIE } from '../../functions/http/app.ts';

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };

export interface PageResult {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

/**
 * A browser's session over `app.request`: the session cookie, Accept: text/html, our own
 * Origin on posts, and the form token read from the last page, as a browser posting our form.
 */
export function browserSession(app: App, token?: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  let csrf = '';
  const headers = (extra: Record<string, string> = {}) => ({
    accept: 'text/html',
    'accept-language': lang,
    ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}),
    ...extra,
  });
  const read = async (response: Response): Promise<PageResult> => {
    const html = await response.text();
    csrf = /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? csrf;
    return {
      status: response.status,
      html,
      location: response.headers.get('location'),
      headers: response.headers,
    };
  };
  return {
    get: async (path: string) => read(await app.request(path, { headers: headers() })),
    /** Posts a form as our page would (with its token unless `withToken` is false). */
    post: async (path: string, fields: Record<string, string>, options: { withToken?: boolean } = {}) => {
      const body = new URLSearchParams({
        ...(options.withToken === false ? {} : { _csrf: csrf }),
        ...fields,
      });
      return read(
        await app.request(path, {
          method: 'POST',
          body: body.toString(),
          headers: headers({
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'http://localhost',
          }),
        }),
      );
    },
  };
}

/** The value of an input or the text of a textarea named `name` in a page. */
export function fieldValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(html);
  if (input) return input[1];
  return new RegExp(`<textarea[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>([^<]*)</textarea>`).exec(
    html,
  )?.[1];
}

/** The message shown beside the field `name` (its `…-error` element). */
export function fieldError(html: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^\w-]/g, '-')}-error`;
  return new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];
}
