import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Principal, TokenVerifier } from '../../shared/auth.ts';
import {
  BadRequestError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
} from '../../shared/errors.ts';
import { type AppEnv, defineRoute, problems, SESSION_COOKIE, type SignInSeam } from '../http/app.ts';
import { routeTable } from '../route-table.ts';
import { wantsPage } from '../ui/error-page.tsx';
import { safeNext } from '../ui/session.ts';

/**
 * The portal's OIDC client on AWS: Cognito's hosted UI (or another issuer's sign-in page) with
 * the authorization-code flow and PKCE, for a public client that holds no secret.
 */
export interface HostedSignInSettings {
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Cognito's `/logout` or an issuer's end-session endpoint; without it sign-out is local. */
  logoutUrl?: string;
  /** The portal's public base URL (`https://…cloudfront.net`), where the provider sends users back. */
  portalUrl: string;
  /** How the token endpoint is reached; tests pass a local app's `request`. */
  fetch?: typeof fetch;
}

/** Holds the PKCE verifier and state between /auth/login and /auth/callback (ten minutes). */
const FLOW_COOKIE = 'mv_oidc';
const FLOW_SECONDS = 600;
const SCOPES = 'openid email profile';

const FlowState = z.object({
  state: z.string().min(16),
  verifier: z.string().min(43).max(128),
  returnTo: z.string(),
});

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const randomToken = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const redirectResponse = (description: string) => ({ 302: { description } }) as const;

function readFlow(c: Context): z.infer<typeof FlowState> {
  const raw = getCookie(c, FLOW_COOKIE);
  try {
    return FlowState.parse(JSON.parse(Buffer.from(raw ?? '', 'base64url').toString('utf8')));
  } catch {
    throw new BadRequestError('auth.signInFailed');
  }
}

/**
 * The portal's sign-in seam on AWS: /sign-in sends browsers to /auth/login, and /sign-out,
 * once it has cleared the session cookie, to the provider's sign-out, which comes back home.
 * Cognito reads `logout_uri`; OIDC end-session endpoints read `post_logout_redirect_uri`.
 */
export function hostedSignInSeam(settings: HostedSignInSettings): SignInSeam {
  const home = `${settings.portalUrl}/`;
  const signedOut = settings.logoutUrl ? new URL(settings.logoutUrl) : undefined;
  signedOut?.searchParams.set('client_id', settings.clientId);
  signedOut?.searchParams.set('logout_uri', home);
  signedOut?.searchParams.set('post_logout_redirect_uri', home);
  return {
    signInUrl: (next) => `${routeTable.hostedSignIn.path}?${new URLSearchParams({ next: safeNext(next) })}`,
    ...(signedOut ? { signedOutUrl: signedOut.toString() } : {}),
  };
}

/**
 * `/auth/login` and `/auth/callback` as route-table entries of the portal.
 * The session cookie holds the provider's access token (HttpOnly, Secure, SameSite=Lax) for
 * as long as the token lives; the callback verifies it as every request does before setting
 * it, and records the user in the directory (shared/user/directory.ts). Without settings (the local runtime, which has its own demo sign-in) they answer 404.
 */
export function signInRoutes(
  settings: HostedSignInSettings | undefined,
  verifier: TokenVerifier,
  recordSignIn: (principal: Principal) => Promise<void>,
) {
  const app = new OpenAPIHono<AppEnv>();
  const configured = () => {
    if (!settings) throw new NotFoundError('http.notFound');
    return settings;
  };
  const callbackUrl = (s: HostedSignInSettings) => `${s.portalUrl}/auth/callback`;
  // A browser comes here from a link or from the provider: a failure is a readable page, not JSON.
  for (const path of [routeTable.hostedSignIn.path, routeTable.signInCallback.path]) {
    app.use(path, async (c, next) => {
      if (wantsPage(c)) c.set('kind', 'page');
      await next();
    });
  }

  app.openapi(
    defineRoute('hostedSignIn', {
      request: { query: z.object({ next: z.string().max(2048).optional() }) },
      responses: { ...redirectResponse("To the provider's sign-in page"), ...problems(404) },
    }),
    async (c) => {
      const s = configured();
      const flow = {
        state: randomToken(16),
        verifier: randomToken(48),
        returnTo: safeNext(c.req.valid('query').next),
      };
      setCookie(c, FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/auth',
        maxAge: FLOW_SECONDS,
      });
      const url = new URL(s.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: s.clientId,
        redirect_uri: callbackUrl(s),
        scope: SCOPES,
        state: flow.state,
        code_challenge: await pkceChallenge(flow.verifier),
        code_challenge_method: 'S256',
      }).toString();
      return c.redirect(url.toString(), 302);
    },
  );

  app.openapi(
    defineRoute('signInCallback', {
      request: {
        query: z.object({
          code: z.string().max(2048).optional(),
          state: z.string().max(256).optional(),
          error: z.string().max(256).optional(),
        }),
      },
      responses: {
        ...redirectResponse('Signed in: back to the page the user came from'),
        ...problems(400, 401, 404, 503),
      },
    }),
    async (c) => {
      const s = configured();
      const query = c.req.valid('query');
      const flow = readFlow(c);
      deleteCookie(c, FLOW_COOKIE, { path: '/auth', secure: true });
      if (query.error || !query.code) throw new UnauthorizedError('auth.signInFailed');
      if (query.state !== flow.state) throw new BadRequestError('auth.signInFailed');

      let response: Response;
      try {
        response = await (s.fetch ?? fetch)(s.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: s.clientId,
            code: query.code,
            redirect_uri: callbackUrl(s),
            code_verifier: flow.verifier,
          }).toString(),
        });
      } catch {
        throw new ServiceUnavailableError('auth.signInUnavailable');
      }
      if (response.status >= 500) throw new ServiceUnavailableError('auth.signInUnavailable');
      const tokens = TokenResponse.safeParse(response.ok ? await response.json().catch(() => null) : null);
      if (!tokens.success) throw new UnauthorizedError('auth.signInFailed');
      // The same check every request makes: an ID token or a foreign token never becomes a session.
      // The directory learns the user's roles here, so an officer can put a judge on a panel.
      await recordSignIn(await verifier.verify(tokens.data.access_token));

      setCookie(c, SESSION_COOKIE, tokens.data.access_token, {
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: tokens.data.expires_in,
      });
      return c.redirect(flow.returnTo, 302);
    },
  );

  return app;
}
