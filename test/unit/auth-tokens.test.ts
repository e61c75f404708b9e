import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, principalFromClaims, type TokenVerifier } from '../../shared/auth.ts';

const ISSUER = 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Test';
const CLIENT = 'portal-client-id';

let sign: (claims: JWTPayload) => Promise<string>;
let verifier: TokenVerifier;
let publicKeys: JSONWebKeySet;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  sign = (claims) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  publicKeys = { keys: [jwk] };
  verifier = createTokenVerifier({ issuer: ISSUER, audience: CLIENT, jwks: publicKeys });
});

/** What Cognito puts in an access token (no `aud`; the client as `client_id`). */
const cognitoAccess = (extra: JWTPayload = {}): JWTPayload => ({
  sub: 'u-1',
  token_use: 'access',
  client_id: CLIENT,
  username: 'wang.fang',
  'cognito:groups': ['officers'],
  office: 'xitun',
  ...extra,
});

describe('the token verifier', () => {
  it("fetches the issuer's keys from its JWKS URL on the first token and keeps them", async () => {
    // Prepare: the issuer's key set served over HTTP, as Cognito's is on AWS.
    let fetches = 0;
    const server = createServer((_request, response) => {
      fetches++;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(publicKeys));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const remote = createTokenVerifier({
        issuer: ISSUER,
        audience: CLIENT,
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      });

      // Act
      const first = await remote.verify(await sign(cognitoAccess()));
      const second = await remote.verify(await sign(cognitoAccess({ sub: 'u-3' })));

      // Assess
      expect([first.sub, second.sub]).toEqual(['u-1', 'u-3']);
      expect(fetches).toBe(1);
    } finally {
      server.close();
    }
  });

  it('accepts a Cognito access token and reads groups and office from it', async () => {
    // Act
    const principal = await verifier.verify(await sign(cognitoAccess()));

    // Assess
    expect(principal).toEqual({ sub: 'u-1', name: 'wang.fang', roles: ['officer'], officeId: 'xitun' });
  });

  it('refuses a Cognito ID token where an access token is required', async () => {
    // Prepare: an ID token names the client in `aud`, so only token_use tells them apart.
    const idToken = await sign({ sub: 'u-1', token_use: 'id', aud: CLIENT, 'cognito:groups': ['officers'] });

    // Act and Assess
    await expect(verifier.verify(idToken)).rejects.toMatchObject({ code: 'auth.invalidToken' });
  });

  it('refuses an access token of another app client', async () => {
    const other = await sign(cognitoAccess({ client_id: 'someone-elses-client' }));
    await expect(verifier.verify(other)).rejects.toMatchObject({ code: 'auth.invalidToken' });
  });

  it('accepts an OIDC access token that names the audience in aud and has no token_use', async () => {
    // Act
    const principal = await verifier.verify(
      await sign({ sub: 'u-2', aud: [CLIENT, 'account'], roles: ['judge'] }),
    );

    // Assess
    expect(principal.roles).toEqual(['judge']);
  });

  it('refuses a token whose aud names someone else even if client_id matches', async () => {
    const confused = await sign({ sub: 'u-3', aud: 'other-api', client_id: CLIENT });
    await expect(verifier.verify(confused)).rejects.toMatchObject({ code: 'auth.invalidToken' });
  });
});

describe('group claims', () => {
  it('mean the same as an array or as the string API Gateway flattens them to', () => {
    // Act
    const fromArray = principalFromClaims({ sub: 's', 'cognito:groups': ['officers', 'judges'] });
    const fromString = principalFromClaims({ sub: 's', 'cognito:groups': '[officers judges]' });

    // Assess
    expect(fromString.roles).toEqual(fromArray.roles);
    expect(fromArray.roles.sort()).toEqual(['judge', 'officer']);
    expect(principalFromClaims({ sub: 's', 'cognito:groups': '[]' }).roles).toEqual(['resident']);
    expect(principalFromClaims({ sub: 's', roles: 'judges' }).roles).toEqual(['judge']);
  });
});
