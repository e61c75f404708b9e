import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../infra/local/dev-auth.ts';
import { CLOCK_SKEW_SECONDS, createTokenVerifier, MAX_TOKEN_AGE_SECONDS } from '../../shared/auth.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
let app: ReturnType<typeof createSubmissionsApp>;
let sign: (claims: { iat?: number; exp?: number }) => Promise<string>;

beforeAll(async () => {
  h = await createHarness();
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'identity-test', alg: 'ES256', use: 'sig' };
  const verifier = createTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: { keys: [jwk] } });
  app = createSubmissionsApp({ ...h.deps, verifier });
  sign = ({ iat, exp }) => {
    let jwt = new SignJWT({ name: '张阿姨', roles: ['resident'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'identity-test' })
      .setSubject('resident-identity')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE);
    if (iat !== undefined) jwt = jwt.setIssuedAt(iat);
    if (exp !== undefined) jwt = jwt.setExpirationTime(exp);
    return jwt.sign(privateKey);
  };
});

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

describe('what a token must carry', () => {
  it('accepts a token with exp and a past iat, and one whose iat is ahead by less than the skew', async () => {
    for (const iat of [now() - 60, now() + CLOCK_SKEW_SECONDS / 2]) {
      const token = await sign({ iat, exp: now() + HOUR });
      expect((await call(app, 'GET', '/api/me/proposals', { token })).status).toBe(200);
    }
  });

  const refused: [string, () => { iat?: number; exp?: number }][] = [
    ['without exp', () => ({ iat: now() })],
    ['without iat', () => ({ exp: now() + HOUR })],
    ['issued in the future', () => ({ iat: now() + 10 * 60, exp: now() + 2 * HOUR })],
    ['older than the maximum age', () => ({ iat: now() - MAX_TOKEN_AGE_SECONDS - HOUR, exp: now() + HOUR })],
    ['expired', () => ({ iat: now() - 2 * HOUR, exp: now() - HOUR })],
  ];

  it.each(refused)(
    'refuses a token %s on a signed-in route: 401, in both languages',
    async (_name, claims) => {
      const token = await sign(claims());
      for (const lang of ['zh-CN', 'en'] as const) {
        const response = await call(app, 'GET', '/api/me/proposals', { token, lang });
        expectProblem(response, 401);
        expect(response.body.code).toBe('auth.invalidToken');
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    },
  );

  it.each(refused)(
    'serves a public route to a caller whose token is %s as anonymous',
    async (_name, claims) => {
      const token = await sign(claims());
      const response = await call(app, 'GET', '/api/contests', { token });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.items).toEqual(expect.any(Array));
    },
  );

  it('serves a public route to a broken Authorization header or cookie as anonymous, and clears the cookie', async () => {
    for (const authorization of ['Bearer not.a.token', 'Basic dXNlcjpwYXNz', 'Bearer', 'garbage']) {
      const response = await call(app, 'GET', '/api/contests', { headers: { authorization } });
      expect(response.status, authorization).toBe(200);
      const privateRoute = await call(app, 'GET', '/api/me/proposals', { headers: { authorization } });
      expectProblem(privateRoute, 401);
    }
    const expired = await sign({ iat: now() - 2 * HOUR, exp: now() - HOUR });
    const response = await app.request('/api/contests', { headers: { cookie: `mv_session=${expired}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^mv_session=;.*Max-Age=0/);
  });
});

describe('what the public sees of a cancelled contest', () => {
  it('keeps a contest cancelled while still a draft its office’s own, and a cancelled call public', async () => {
    const draft = await buildWorld(h, 'draft');
    const opened = await buildWorld(h, 'open');
    for (const w of [draft, opened]) {
      const cancelled = await call(w.app, 'POST', `/api/contests/${w.contestId}/cancel`, {
        token: w.tokens.officer,
        body: { reason: '预算调整' },
      });
      expect(cancelled.status).toBe(200);
    }
    const path = (w: typeof draft) => `/api/contests/${w.contestId}`;
    for (const token of [undefined, draft.tokens.otherResident, draft.tokens.otherOfficer]) {
      expectProblem(await call(draft.app, 'GET', path(draft), { token }), 404);
      expect((await call(opened.app, 'GET', path(opened), { token })).status).toBe(200);
    }
    expect((await call(draft.app, 'GET', path(draft), { token: draft.tokens.officer })).body.status).toBe(
      'cancelled',
    );
    const page = await draft.app.request(`/contests/${draft.contestId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(404);
    const list = await call(draft.app, 'GET', '/api/contests');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(draft.contestId);
    const proposals = await call(draft.app, 'POST', `${path(draft)}/proposals`, {
      token: draft.tokens.owner,
      body: { teamId: draft.teamId, title: '新项目' },
    });
    expectProblem(proposals, 404);
  });
});
