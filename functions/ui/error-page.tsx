/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { RequestContext } from 'hono/jsx-renderer';
import { AppError } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { AppEnv } from '../http/app.ts';
import { routeTable } from '../route-table.ts';
import { Layout } from './layout.tsx';
import { currentPath, pageLocale, signInHref } from './session.ts';
import { commonTexts } from './texts.ts';

/** Pages forbid inline script and style; everything comes from this origin. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
  "base-uri 'none'; frame-ancestors 'none'";

/** A browser asking for a page (not an API client), for answers to paths no route serves. */
export function wantsPage(c: Context): boolean {
  return (
    !new URL(c.req.url).pathname.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html')
  );
}

const SIGN_IN_PATHS: readonly string[] = [routeTable.hostedSignIn.path, routeTable.signInCallback.path];

type ShownStatus = keyof (typeof commonTexts)['en']['errors'];

/** A path a page answers a GET on: where "reload the page" can send the person back to. */
function reloadable(path: string): boolean {
  return Object.values(routeTable).some(
    (route) =>
      route.kind === 'page' &&
      route.method === 'get' &&
      new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
  );
}

/** Renders a full page with the layout, outside jsxRenderer (errors can happen before it runs). */
export async function renderPage(c: Context<AppEnv>, title: string, body: JSX.Element, status = 200) {
  c.header('content-security-policy', PAGE_CSP);
  const page = (
    <RequestContext.Provider value={c}>
      <Layout c={c} title={title}>
        {body}
      </Layout>
    </RequestContext.Provider>
  );
  return c.html(`<!doctype html>${await page.toString()}`, status as 200);
}

/**
 * The readable 404/403/500 page. A domain refusal shows its own message (from shared/i18n);
 * anything unexpected shows a plain apology and is logged, never its internals.
 */
export function errorPage(c: Context<AppEnv>, error: unknown): Response | Promise<Response> {
  c.set('locale', pageLocale(c));
  let status = 500;
  let detail: string | undefined;
  if (error instanceof AppError) {
    status = error.status;
    detail = t(c.get('locale'), error.code, error.params);
  } else if (error instanceof HTTPException && error.status < 500) {
    status = error.status;
  } else {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'unhandled',
        error: String(error),
        stack: (error as Error)?.stack,
      }),
    );
  }
  // A failed sign-in is shown with a way to try again: sending the browser straight back to
  // sign-in would loop, or undo the person's own cancel at the provider.
  const signingIn = SIGN_IN_PATHS.includes(c.req.path);
  if (status === 401 && !signingIn) return c.redirect(signInHref(currentPath(c)), 303);
  const text = commonTexts[c.get('locale')];
  const shown = (
    String(status) in text.errors ? String(status) : status < 500 ? '400' : '500'
  ) as ShownStatus;
  const expired = error instanceof AppError && error.code === 'page.expired';
  const { title, body } = expired ? text.expired : text.errors[shown];
  return renderPage(
    c,
    title,
    <section class="card">
      <h1>{title}</h1>
      <p>{detail && status !== 500 ? detail : body}</p>
      <p>
        {signingIn && (
          <>
            <a href={signInHref(routeTable.home.path)}>{text.signIn}</a>{' '}
          </>
        )}
        {expired && reloadable(c.req.path) && (
          <>
            <a href={c.req.path}>{text.reload}</a>{' '}
          </>
        )}
        <a href={routeTable.home.path}>{text.home}</a>
      </p>
    </section>,
    status,
  );
}
