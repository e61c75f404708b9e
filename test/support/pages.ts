import { type PageResult as ClientResult, pageClient } from './page-client.ts';

export { fieldError, fieldValue } from './page-client.ts';

type App = Parameters<ReturnType<typeof pageClient>['get']>[0];

export interface PageResult {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

const asPage = ({ status, body, location, headers }: ClientResult): PageResult => ({
  status,
  html: body,
  location,
  headers,
});

/**
 * A browser's session over `app.request` (pageClient, bound to one app): the session cookie,
 * Accept: text/html, our own Origin on posts, and the form token read off a page, as a browser
 * posting our form (an empty one before any page is read).
 */
export function browserSession(app: App, token?: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const client = pageClient(token, lang);
  return {
    get: async (path: string) => asPage(await client.get(app, path)),
    /** Posts a form as our page would (with its token unless `withToken` is false). */
    post: async (path: string, fields: Record<string, string>, options: { withToken?: boolean } = {}) =>
      asPage(
        await client.post(
          app,
          path,
          { ...(options.withToken === false ? {} : { _csrf: client.csrf ?? '' }), ...fields },
          { withToken: false },
        ),
      ),
  };
}
