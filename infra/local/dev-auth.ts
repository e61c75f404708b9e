import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import type { Role } from '../../shared/auth.ts';

/** The local sign-in's issuer and audience; the same verifier code checks them as on AWS. */
export const DEV_ISSUER = 'urn:micro-venture:local';
export const DEV_AUDIENCE = 'micro-venture';

export interface DevUser {
  sub: string;
  name: string;
  roles: Role[];
  officeId?: string;
}

export interface DevIssuer {
  jwks: JSONWebKeySet;
  sign(user: DevUser, ttlSeconds?: number): Promise<string>;
}

async function fromPrivateJwk(privateJwk: JWK): Promise<DevIssuer> {
  const key = await importJWK(privateJwk, 'ES256');
  const { d: _d, ...publicJwk } = privateJwk;
  return {
    jwks: { keys: [{ ...publicJwk, alg: 'ES256', use: 'sig' }] },
    sign: (user, ttlSeconds = 12 * 3600) =>
      new SignJWT({ name: user.name, roles: user.roles, ...(user.officeId ? { office: user.officeId } : {}) })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? 'dev' })
        .setSubject(user.sub)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
  };
}

/** A signing key made on first run and kept under the data folder (or in memory with no path). */
export async function loadDevIssuer(keyFile?: string): Promise<DevIssuer> {
  if (keyFile && existsSync(keyFile)) return fromPrivateJwk(JSON.parse(readFileSync(keyFile, 'utf8')) as JWK);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}` };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return fromPrivateJwk(privateJwk);
}
