import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { hasRole, type Principal, type TokenVerifier } from '../../shared/auth.ts';
import type { Deps } from '../../shared/deps.ts';
import {
  ForbiddenError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnauthorizedError,
  ValidationError,
} from '../../shared/errors.ts';
import { type Locale, negotiateLocale } from '../../shared/i18n.ts';
import { fieldErrors } from '../../shared/validation.ts';
import { parseIfMatch, versionMatches } from '../../shared/versioned.ts';
import type { HostedSignInSettings } from '../portal/sign-in.ts';
import { type RouteKind, type RouteName, type RouteSpec, routeTable } from '../route-table.ts';
import { errorPage, wantsPage } from '../ui/error-page.tsx';
import { MAX_BODY_BYTES, problemResponse } from './problem.ts';
import { allowedMethods, matchRoute } from './route-match.ts';
import { type Telemetry, telemetryMiddleware } from './telemetry.ts';

export { MAX_BODY_BYTES };

export type AppEnv = {
  Variables: {
    locale: Locale;
    principal: Principal | undefined;
    /** Set by page routes: errors then answer with an HTML page instead of problem+json. */
    kind: RouteKind | undefined;
    /** The signed-in person's form token (pages put it in every form they post). */
    csrfToken: string | undefined;
  };
};

/**
 * Where a browser goes to sign in. Locally the demo sign-in page; on AWS the hosted (OIDC) sign-in
 * that ends by setting the same session cookie. `next` is a path on this site.
 */
export interface SignInSeam {
  signInUrl(next: string): string;
  /** Where to send the browser after the cookie is cleared (the hosted sign-out, say). */
  signedOutUrl?: string;
}

export interface HttpDeps extends Deps {
  verifier: TokenVerifier;
  signIn?: SignInSeam;
  /**
   * Origins besides the request's own whose cookie-authenticated writes are accepted: the
   * portal's public URL on AWS, where CloudFront reaches the API under another host name.
   */
  trustedOrigins?: readonly string[];
  /** The portal's OIDC client for the hosted sign-in (AWS only; see portal/sign-in.ts). */
  hostedSignIn?: HostedSignInSettings;
  /** Request logs and business metrics (Powertools on Lambda); none locally. */
  telemetry?: Telemetry;
}

export const SESSION_COOKIE = 'mv_session';

/** The principal of an API client's `Bearer` header; 401 `auth.invalidToken` for anything else. */
async function verifyBearer(verifier: TokenVerifier, authorization: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) throw new UnauthorizedError('auth.invalidToken');
  return verifier.verify(match[1]);
}

/**
 * A group of routes (one resource), mounted on its function app with `app.route('/', …)`. Bad
 * input becomes the same 400 problem everywhere; errors reach the function app's `onError`.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError('validation.failed', {}, fieldErrors(result.error));
    },
  });
}

/** No route answers: 405 with the methods the path has, or 404 when no route has the path. */
export function unrouted(method: string, pathname: string) {
  const allow = allowedMethods(pathname);
  return allow.length > 0 ? new MethodNotAllowedError(method, allow) : new NotFoundError('http.notFound');
}

/**
 * The caching rule every response follows unless its route set one: anything read with
 * credentials, any CSV export and any page is `no-store` (they carry phones, verification
 * codes, notices); public JSON is `no-cache`: kept, but revalidated by its ETag every time.
 */
function cacheControl(c: Context<AppEnv>): string {
  const type = c.res.headers.get('content-type') ?? '';
  if (c.get('principal') || /text\/(csv|html)/.test(type)) return 'no-store';
  return 'no-cache';
}

/**
 * RFC 9110 §13.1.2: a GET whose If-None-Match holds the current ETag (or `*`) answers 304
 * with no body, keeping the headers a cache needs.
 */
async function notModified(c: Context<AppEnv>, next: Next) {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('cache-control', cacheControl(c));
  const etag = c.res.headers.get('etag');
  const condition = parseIfMatch(c.req.header('if-none-match'));
  if (c.res.status !== 200 || !etag || !condition || !['GET', 'HEAD'].includes(c.req.method)) return;
  const version = parseIfMatch(etag);
  if (Array.isArray(version) && version.length === 1 && versionMatches(version[0]!, condition)) {
    const headers = new Headers();
    for (const name of ['etag', 'cache-control', 'vary', 'content-language', 'content-location', 'expires']) {
      const value = c.res.headers.get(name);
      if (value) headers.set(name, value);
    }
    c.res = new Response(null, { status: 304, headers });
  }
}

/** Every function app starts here: the same headers, limits, auth, locale and error mapping. */
export function createFunctionApp(
  deps: Pick<HttpDeps, 'verifier' | 'trustedOrigins' | 'telemetry'>,
): OpenAPIHono<AppEnv> {
  const app = createRouter();
  if (deps.telemetry) app.use(telemetryMiddleware(deps.telemetry));
  app.use(secureHeaders());
  // Only cookie-authenticated requests can be forged by another site (a bearer token is never
  // sent by a browser on its own), so only they must come from our own origin.
  const trusted = deps.trustedOrigins ?? [];
  const sameOrigin = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || trusted.includes(origin),
  });
  app.use((c, next) =>
    !c.req.header('authorization') && getCookie(c, SESSION_COOKIE) ? sameOrigin(c, next) : next(),
  );
  app.use(async (c, next) => {
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.header('content-language', c.get('locale'));
    c.header('vary', 'Accept-Language');
    const authorization = c.req.header('authorization');
    const token = getCookie(c, SESSION_COOKIE);
    if (authorization) {
      // A broken or expired token: a public route serves the caller as anonymous; any other, 401.
      const verified = verifyBearer(deps.verifier, authorization);
      const isPublic = matchRoute(c.req.method, c.req.path)?.public ?? false;
      c.set('principal', isPublic ? await verified.catch(() => undefined) : await verified);
    } else if (!token) c.set('principal', undefined);
    else {
      // An expired or broken session cookie signs the person out rather than breaking every page.
      const principal = await deps.verifier.verify(token).catch(() => undefined);
      if (!principal) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      c.set('principal', principal);
    }
    await next();
  });
  app.use(notModified);
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError('http.payloadTooLarge', { limit: MAX_BODY_BYTES });
      },
    }),
  );
  app.onError((error, c) =>
    c.get('kind') === 'page' ? errorPage(c, error) : problemResponse(c, error, c.get('locale') ?? 'zh-CN'),
  );
  app.notFound((c) =>
    wantsPage(c)
      ? errorPage(c, unrouted(c.req.method, c.req.path))
      : problemResponse(c, unrouted(c.req.method, c.req.path), c.get('locale') ?? 'zh-CN'),
  );
  return app;
}

/** Checks the roles a route declares in the route table. */
function requireRoles(spec: RouteSpec): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!spec.roles.includes('public')) {
      const principal = c.get('principal');
      if (!principal) throw new UnauthorizedError('http.unauthorized');
      if (!hasRole(principal, spec.roles)) throw new ForbiddenError('http.forbidden');
    }
    await next();
  };
}

/** A route's method, path, roles and summary come from the route table; the rest from the app. */
export function defineRoute<N extends RouteName, C extends Omit<RouteConfig, 'method' | 'path'>>(
  name: N,
  config: C,
) {
  const spec = routeTable[name];
  const isPublic = (spec.roles as readonly string[]).includes('public');
  return createRoute({
    ...config,
    method: spec.method as (typeof routeTable)[N]['method'],
    path: spec.path as (typeof routeTable)[N]['path'],
    operationId: name,
    summary: spec.summary,
    tags: [spec.fn],
    description: `${config.description ?? ''}${config.description ? '\n\n' : ''}Roles: ${spec.roles.join(', ')}`,
    security: isPublic ? [] : [{ bearer: [] }],
    middleware: [requireRoles(spec)],
  });
}

/** The principal on a route that requires one (the role check already ran). */
export function principalOf(c: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = c.get('principal');
  if (!principal) throw new UnauthorizedError('http.unauthorized');
  return principal;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'Problem (RFC 9457)',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}
