import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { type HostedSignInSettings, hostedSignInSeam } from '../../functions/portal/sign-in.ts';
import { createTokenVerifier } from '../../shared/auth.ts';
import type { Db } from '../../shared/db.ts';
import { getUserEntry } from '../../shared/user/directory.ts';
import { createHarness } from '../support/harness.ts';

const IDP = 'https://idp.test';
const PORTAL = 'https://portal.test';
const CLIENT = 'portal-client';

/**
 * A fake OIDC provider served by a local Hono app (no network): its token endpoint checks
 * the code, the redirect URI and the PKCE verifier against the challenge it was shown, and
 * answers with a token it signed — an access token, or an ID token when told to misbehave.
 */
async function fakeProvider() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'idp', alg: 'ES256', use: 'sig' }] };
  const sign = (claims: JWTPayload) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'idp' })
      .setIssuer(IDP)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const seen: URLSearchParams[] = [];
  let tokenUse = 'access';
  let down = false;

  const idp = new Hono();
  idp.post('/oauth2/token', async (c) => {
    if (down) return c.text('unavailable', 503);
    const form = new URLSearchParams(await c.req.text());
    seen.push(form);
    const grant = codes.get(form.get('code') ?? '');
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(form.get('code_verifier') ?? ''),
    );
    const matches =
      grant &&
      form.get('grant_type') === 'authorization_code' &&
      form.get('client_id') === CLIENT &&
      form.get('redirect_uri') === grant.redirectUri &&
      Buffer.from(digest).toString('base64url') === grant.challenge;
    if (!matches) return c.json({ error: 'invalid_grant' }, 400);
    codes.delete(form.get('code') ?? '');
    const claims =
      tokenUse === 'access'
        ? {
            sub: 'officer-1',
            token_use: 'access',
            client_id: CLIENT,
            'cognito:groups': ['officers'],
            office: 'xitun',
          }
        : { sub: 'officer-1', token_use: 'id', aud: CLIENT, 'cognito:groups': ['officers'] };
    return c.json({ access_token: await sign(claims), token_type: 'Bearer', expires_in: 3600 });
  });

  return {
    jwks,
    seen,
    /** What the hosted UI does after the user signs in: hand out a code for this challenge. */
    issueCode(authorizeUrl: URL) {
      const code = `code-${codes.size + 1}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, {
        challenge: authorizeUrl.searchParams.get('code_challenge') ?? '',
        redirectUri: authorizeUrl.searchParams.get('redirect_uri') ?? '',
      });
      return code;
    },
    answerWithIdTokens: () => {
      tokenUse = 'id';
    },
    goDown: () => {
      down = true;
    },
    fetch: ((input: string | URL | Request, init?: RequestInit) =>
      idp.request(String(input), init)) as typeof fetch,
  };
}

let provider: Awaited<ReturnType<typeof fakeProvider>>;
let portal: ReturnType<typeof createPortalApp>;
let directory: Db;

function cookiesOf(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), line];
    }),
  );
}

const cookieValue = (setCookie: string | undefined) =>
  setCookie?.split(';')[0]?.split('=').slice(1).join('=') ?? '';

/** /auth/login → the provider's page, as the browser sees it: its URL and the flow cookie. */
async function startSignIn(returnTo = '/offices/xitun') {
  const response = await portal.request(`/auth/login?next=${encodeURIComponent(returnTo)}`);
  const authorizeUrl = new URL(response.headers.get('location') ?? '');
  const flowCookie = cookieValue(cookiesOf(response).get('mv_oidc'));
  return { response, authorizeUrl, flowCookie };
}

function callback(query: Record<string, string>, flowCookie: string, headers: Record<string, string> = {}) {
  return portal.request(`/auth/callback?${new URLSearchParams(query)}`, {
    headers: { cookie: `mv_oidc=${flowCookie}`, ...headers },
  });
}

/** What a browser sends on a navigation, in the given language. */
const browser = (language: string) => ({
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': language,
});

beforeAll(async () => {
  const h = await createHarness();
  directory = h.deps.db;
  provider = await fakeProvider();
  const hostedSignIn: HostedSignInSettings = {
    clientId: CLIENT,
    authorizeUrl: `${IDP}/oauth2/authorize`,
    tokenUrl: `${IDP}/oauth2/token`,
    logoutUrl: `${IDP}/logout`,
    portalUrl: PORTAL,
    fetch: provider.fetch,
  };
  portal = createPortalApp({
    ...h.deps,
    verifier: createTokenVerifier({ issuer: IDP, audience: CLIENT, jwks: provider.jwks }),
    trustedOrigins: [PORTAL],
    hostedSignIn,
    signIn: hostedSignInSeam(hostedSignIn),
  });
});

describe('signing in through the hosted UI', () => {
  it('sends the browser to the provider with a PKCE S256 challenge, a state and the callback URL', async () => {
    // Act
    const { response, authorizeUrl } = await startSignIn();

    // Assess
    expect(response.status).toBe(302);
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${IDP}/oauth2/authorize`);
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: `${PORTAL}/auth/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get('state')?.length).toBeGreaterThanOrEqual(16);
    const flow = cookiesOf(response).get('mv_oidc') ?? '';
    expect(flow).toMatch(/HttpOnly/);
    expect(flow).toMatch(/Secure/);
    expect(flow).toMatch(/SameSite=Lax/);
    expect(flow).toMatch(/Path=\/auth/);
  });

  it('exchanges the code with its verifier and sets an HttpOnly, Secure, SameSite=Lax session cookie', async () => {
    // Prepare
    const { authorizeUrl, flowCookie } = await startSignIn('/offices/xitun');
    const code = provider.issueCode(authorizeUrl);

    // Act
    const response = await callback(
      { code, state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
    );

    // Assess
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/offices/xitun');
    const session = cookiesOf(response).get(SESSION_COOKIE) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Max-Age=3600/);
    const exchange = provider.seen.at(-1);
    expect(exchange?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(exchange?.get('redirect_uri')).toBe(`${PORTAL}/auth/callback`);
    // The directory now knows the user's roles, as a panel check needs them.
    expect(await getUserEntry(directory, 'officer-1')).toMatchObject({
      roles: ['officer'],
      officeId: 'xitun',
    });
  });

  it('refuses a callback whose state is not the one it sent, and exchanges nothing', async () => {
    // Prepare
    const { authorizeUrl, flowCookie } = await startSignIn();
    const code = provider.issueCode(authorizeUrl);
    const exchanges = provider.seen.length;

    // Act
    const response = await callback({ code, state: 'forged-state-0123456789' }, flowCookie);

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(cookiesOf(response).has(SESSION_COOKIE)).toBe(false);
    expect(provider.seen.length).toBe(exchanges);
  });

  it('refuses a callback without the flow cookie (another browser) in the user’s language', async () => {
    const response = await portal.request('/auth/callback?code=x&state=y', {
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/sign in again/);
  });

  it('refuses a code the provider does not honour (replayed), with 401', async () => {
    // Prepare: sign in once, then replay the same code.
    const { authorizeUrl, flowCookie } = await startSignIn();
    const state = authorizeUrl.searchParams.get('state') ?? '';
    const code = provider.issueCode(authorizeUrl);
    await callback({ code, state }, flowCookie);

    // Act
    const replay = await callback({ code, state }, flowCookie);

    // Assess
    expect(replay.status).toBe(401);
    expect(cookiesOf(replay).has(SESSION_COOKIE)).toBe(false);
  });

  it('answers 401 when the user cancelled at the provider', async () => {
    const { authorizeUrl, flowCookie } = await startSignIn();
    const response = await callback(
      { error: 'access_denied', state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
    );
    expect(response.status).toBe(401);
  });

  it('never sends the browser off-site after signing in', async () => {
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      // Prepare
      const { authorizeUrl, flowCookie } = await startSignIn(returnTo);
      const code = provider.issueCode(authorizeUrl);

      // Act
      const response = await callback(
        { code, state: authorizeUrl.searchParams.get('state') ?? '' },
        flowCookie,
      );

      // Assess
      expect(response.headers.get('location'), returnTo).toBe('/');
    }
  });

  it("is where the portal's /sign-in sends the browser, keeping the page to come back to", async () => {
    // Act
    const response = await portal.request('/sign-in?next=%2Foffices%2Fxitun');

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/auth/login?next=%2Foffices%2Fxitun');
  });

  it("sends the browser to the provider's sign-out after /sign-out, and back to the portal", () => {
    // Act
    const seam = hostedSignInSeam({
      clientId: CLIENT,
      authorizeUrl: `${IDP}/a`,
      tokenUrl: `${IDP}/t`,
      logoutUrl: `${IDP}/logout`,
      portalUrl: PORTAL,
    });
    const location = new URL(seam.signedOutUrl ?? '');

    // Assess
    expect(`${location.origin}${location.pathname}`).toBe(`${IDP}/logout`);
    expect(location.searchParams.get('client_id')).toBe(CLIENT);
    expect(location.searchParams.get('logout_uri')).toBe(`${PORTAL}/`);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${PORTAL}/`);
  });
});

describe('a browser whose sign-in fails', () => {
  it('reads a page saying so, with a link to sign in again, when the person cancelled at the provider', async () => {
    // Prepare
    const { authorizeUrl, flowCookie } = await startSignIn();

    // Act
    const response = await callback(
      { error: 'access_denied', state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
      browser('en'),
    );

    // Assess: shown, not sent back to the provider the person just left
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('The sign-in did not complete or has expired; please sign in again');
    expect(html).toContain('href="/sign-in?next=%2F"');
    expect(cookiesOf(response).has(SESSION_COOKIE)).toBe(false);
  });

  it('reads a page in Chinese when the state is forged, and nothing is exchanged', async () => {
    // Prepare
    const { authorizeUrl, flowCookie } = await startSignIn();
    const code = provider.issueCode(authorizeUrl);
    const exchanges = provider.seen.length;

    // Act
    const response = await callback({ code, state: 'forged-state-0123456789' }, flowCookie, browser('zh-CN'));

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('登录未完成或已过期，请重新登录');
    expect(provider.seen.length).toBe(exchanges);
  });

  it('answers an over-long code with the 422 problem every route gives bad input', async () => {
    // Act
    const response = await portal.request(`/auth/callback?code=${'x'.repeat(3000)}&state=y`, {
      headers: { 'accept-language': 'en' },
    });

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await response.json()) as { errors: { path: string }[] }).errors).toEqual([
      expect.objectContaining({ path: 'code' }),
    ]);
  });
});

describe('a provider that misbehaves', () => {
  it('never turns an ID token into a session', async () => {
    // Prepare
    provider.answerWithIdTokens();
    const { authorizeUrl, flowCookie } = await startSignIn();
    const code = provider.issueCode(authorizeUrl);

    // Act
    const response = await callback(
      { code, state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
    );

    // Assess
    expect(response.status).toBe(401);
    expect(cookiesOf(response).has(SESSION_COOKIE)).toBe(false);
  });

  it('answers 503 when the token endpoint is down', async () => {
    provider.goDown();
    const { authorizeUrl, flowCookie } = await startSignIn();
    const code = provider.issueCode(authorizeUrl);
    const response = await callback(
      { code, state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
    );
    expect(response.status).toBe(503);
  });

  it('shows a browser a page asking to try later when the token endpoint is down', async () => {
    // Prepare (the provider is still down)
    const { authorizeUrl, flowCookie } = await startSignIn();
    const code = provider.issueCode(authorizeUrl);

    // Act
    const response = await callback(
      { code, state: authorizeUrl.searchParams.get('state') ?? '' },
      flowCookie,
      browser('en'),
    );

    // Assess
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('The sign-in service is not available; please try again later');
  });
});

describe('without an identity provider configured (the local runtime)', () => {
  it('answers 404 on every sign-in route', async () => {
    // Prepare
    const h = await createHarness();
    const local = createPortalApp(h.deps);

    // Act
    const responses = await Promise.all([
      local.request('/auth/login'),
      local.request('/auth/callback?code=x&state=y'),
    ]);
    const statuses = responses.map((response) => response.status);

    // Assess
    expect(statuses).toEqual([404, 404]);
  });
});
