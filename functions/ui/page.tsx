/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Handler, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { getCookie } from 'hono/cookie';
import { jsxRenderer } from 'hono/jsx-renderer';
import { serialize } from 'hono/utils/cookie';
import { hasRole } from '../../shared/auth.ts';
import { AppError, BadRequestError, ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { isMessageCode, issueMessage, type Locale, t } from '../../shared/i18n.ts';
import { canonicalJson } from '../../shared/ids.ts';
import type { z } from '../../shared/zod.ts';
import { type AppEnv, type HttpDeps, SESSION_COOKIE } from '../http/app.ts';
import { type RouteName, type RouteSpec, routeTable } from '../route-table.ts';
import { PAGE_CSP } from './error-page.tsx';
import { Layout } from './layout.tsx';
import { CSRF_FIELD, csrfMatches, csrfTokenFor, currentPath, pageLocale, signInHref } from './session.ts';

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: the interface merges with Hono's own.
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

const renderer = jsxRenderer<AppEnv>(
  ({ children, title }, c) => (
    <Layout c={c} title={title}>
      {children}
    </Layout>
  ),
  { docType: '<!doctype html>' },
);

/**
 * What every page route does before its handler: the page's language, its CSP, the role check
 * (a visitor not signed in goes to sign-in and comes back; a wrong role gets the 403 page), the
 * session's form token, and on a post the token's check.
 */
function pageSetup(spec: RouteSpec, deps: Pick<HttpDeps, 'secret'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('kind', 'page');
    c.set('locale', pageLocale(c));
    c.header('content-language', c.get('locale'));
    c.header('vary', 'Accept-Language, Cookie');
    c.header('content-security-policy', PAGE_CSP);
    const principal = c.get('principal');
    if (principal) {
      const session = getCookie(c, SESSION_COOKIE) ?? `bearer:${principal.sub}`;
      c.set('csrfToken', csrfTokenFor(deps.secret, session));
    }
    if (!spec.roles.includes('public')) {
      if (!principal) return c.redirect(signInHref(c.req.method === 'GET' ? currentPath(c) : '/'), 303);
      if (!hasRole(principal, spec.roles)) throw new ForbiddenError('http.forbidden');
    }
    if (c.req.method === 'POST' && principal) {
      const form = await c.req.parseBody();
      // A missing or stale form token is a page read before a new sign-in (or long ago), or a
      // forgery: either way the person's next step is to reload the page, so that is what it says.
      if (!csrfMatches(c.get('csrfToken'), form[CSRF_FIELD])) throw new ForbiddenError('page.expired');
    }
    await next();
  };
}

const safeEqual = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The cookie that remembers a person's last answered form post to a page, for a minute. */
export const REPEAT_COOKIE = 'mv_post';

/**
 * A form post answered once is answered the same way again: an identical post (same person,
 * page and fields; the form's version among them) sent again after the first one's redirect
 * (a second click that arrived late, a resubmission) gets that redirect instead of running again
 * into the version the first one changed ("changed by someone else"). What was answered is kept
 * in a cookie of the page's path, signed with the server's secret, for a minute: no request to
 * the database. The page's script stops the second click itself (functions/ui/script.ts).
 */
function oncePerPost(secret: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (c.req.method !== 'POST' || !principal) return next();
    const form = await formOf(c);
    // The signature binds the person, the page, every field and the answer's location together.
    const signature = (location: string) =>
      createHmac('sha256', secret)
        .update(canonicalJson(['post', principal.sub, c.req.path, form, location]))
        .digest('base64url')
        .slice(0, 32);
    const localPath = (location: string | null | undefined): location is string =>
      !!location && location.startsWith('/') && !location.startsWith('//');
    const [signed, location] = (getCookie(c, REPEAT_COOKIE) ?? '').split('|');
    if (signed && localPath(location) && safeEqual(signed, signature(location)))
      return c.redirect(location, 303);
    await next();
    const redirect = c.res.status === 303 ? c.res.headers.get('location') : null;
    if (localPath(redirect))
      c.res.headers.append(
        'set-cookie',
        serialize(REPEAT_COOKIE, `${signature(redirect)}|${redirect}`, {
          path: c.req.path,
          httpOnly: true,
          sameSite: 'Lax',
          maxAge: 60,
        }),
      );
  };
}

/**
 * Registers a page route of the route table on a function's router: method and path from the
 * table, then `pageSetup`, gzip for browsers that take it (a page's budget is 30 KB compressed),
 * then the layout (`c.render(<Page />, { title })`).
 */
export function definePage(
  app: OpenAPIHono<AppEnv>,
  name: RouteName,
  deps: Pick<HttpDeps, 'secret'>,
  handler: Handler<AppEnv>,
): void {
  const spec: RouteSpec = routeTable[name];
  if (spec.kind !== 'page') throw new Error(`${name} is not a page route`);
  const path = spec.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(
    spec.method.toUpperCase(),
    path,
    pageSetup(spec, deps),
    oncePerPost(deps.secret),
    compress(),
    renderer,
    handler,
  );
}

/** A page's path parameters through zod; a malformed id is a page that does not exist (404). */
export function pageParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.param());
  if (!result.success) throw new NotFoundError('http.notFound');
  return result.data;
}

/** A page's query through zod; a bad value is read as absent rather than failing the page. */
export function pageQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> | undefined {
  const result = schema.safeParse(c.req.query());
  return result.success ? result.data : undefined;
}

/** A posted form's fields as strings (repeated names as arrays), without the form token. */
export async function formOf(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue;
    if (typeof value === 'string') form[key] = value;
    else if (Array.isArray(value)) form[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return form;
}

/**
 * The action a posted form asks for (its `do`): one of `known` (a string, or a pattern such as
 * `remove-<n>`), or '' when the form sends none (the form's plain save). Anything else is a
 * page out of date or a hand-made post: 400 `page.unknownAction`, naming it, and nothing runs.
 */
export function formAction<K extends string>(
  form: Record<string, string | string[]>,
  known: readonly (K | RegExp)[],
): K | '' {
  const raw = form.do;
  const action = typeof raw === 'string' ? raw.trim() : '';
  if (action === '') return '';
  if (known.some((k) => (typeof k === 'string' ? k === action : k.test(action)))) return action as K;
  throw new BadRequestError('page.unknownAction', { action: action.slice(0, 40) });
}

/** Field errors by path ("budgetLines.0.item"), in the page's language. */
export type FieldMessages = Record<string, string>;

/** A refusal's field errors, worded for the reader; the same words the API's problem uses. */
export function fieldMessages(error: AppError, locale: Locale): FieldMessages {
  const out: FieldMessages = {};
  for (const field of error.fieldErrors) {
    out[field.path] ??= isMessageCode(field.message)
      ? t(locale, field.message, field.params)
      : issueMessage(field.message, locale);
  }
  return out;
}

/** The sentence for a refusal that is not about one field (a closed phase, say). */
export const refusalMessage = (error: AppError, locale: Locale): string =>
  t(locale, error.code, error.params);

/**
 * Runs an action for a form; a refusal the person can fix (4xx) comes back as messages to show
 * beside the fields, anything else propagates (to the error page).
 */
export async function attempt<T>(
  locale: Locale,
  action: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string; message: string; fields: FieldMessages }> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (error instanceof AppError && error.status !== 401 && error.status !== 403 && error.status !== 404)
      return {
        ok: false,
        code: error.code,
        message: refusalMessage(error, locale),
        fields: fieldMessages(error, locale),
      };
    throw error;
  }
}
