import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import { ForbiddenError, UnauthorizedError } from './errors.ts';
import { z } from './zod.ts';

export const ROLES = ['resident', 'judge', 'officer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
  /** Officers act only inside this office. */
  officeId?: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** Cognito group names (AWS) and role names (local sign-in) both map to roles. */
const GROUP_ROLES: Record<string, Role> = {
  officers: 'officer',
  officer: 'officer',
  judges: 'judge',
  judge: 'judge',
  residents: 'resident',
  resident: 'resident',
};

/**
 * Group claims arrive as a JSON array in a verified token, but as one string `"[a b]"` once
 * API Gateway has flattened them into an authorizer context: both mean the same groups.
 */
const GroupList = z.union([
  z.array(z.string()),
  z.string().transform((text) =>
    text
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter((group) => group.length > 0),
  ),
]);

const Claims = z.looseObject({
  sub: z.string().min(1),
  name: z.string().optional(),
  'cognito:username': z.string().optional(),
  username: z.string().optional(),
  roles: GroupList.optional(),
  'cognito:groups': GroupList.optional(),
  office: z.string().optional(),
  'custom:office': z.string().optional(),
});

/** Claims → principal; groups in either form (see GroupList); no groups means a resident. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const claims = Claims.parse(payload);
  const groups = claims.roles ?? claims['cognito:groups'] ?? [];
  const roles = [...new Set(groups.flatMap((g) => (GROUP_ROLES[g] ? [GROUP_ROLES[g]] : [])))];
  const officeId = claims.office ?? claims['custom:office'];
  return {
    sub: claims.sub,
    name: claims.name ?? claims['cognito:username'] ?? claims.username ?? claims.sub,
    // Self-registered users carry no group: they are residents.
    roles: roles.length > 0 ? roles : ['resident'],
    ...(officeId ? { officeId } : {}),
  };
}

/**
 * The oldest token accepted, by its `iat`, whatever its `exp` says: a leaked long-lived token
 * stops working a day after it was issued (Cognito's access tokens live at most a day).
 */
export const MAX_TOKEN_AGE_SECONDS = 24 * 3600;

/** How far the issuer's clock and ours may differ: an `iat` this far ahead is still accepted. */
export const CLOCK_SKEW_SECONDS = 60;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** A JWKS to trust as given (local sign-in), or fetched from the issuer (Cognito). */
  jwks?: JSONWebKeySet;
  jwksUrl?: string;
}

/**
 * The audience check for access tokens: OIDC issuers put it in `aud`; Cognito access tokens
 * have no `aud` and name the app client in `client_id` (API Gateway accepts either too).
 */
function hasAudience(payload: JWTPayload, audience: string): boolean {
  const aud = [payload.aud ?? []].flat();
  return aud.includes(audience) || (payload.aud === undefined && payload.client_id === audience);
}

/**
 * The issuer's remote key set, made on the first token to verify: making it loads Node's
 * fetch (undici, ~20 ms of CPU), which a cold start serving a request without a token never
 * needs. Made once, it caches the keys as jose does.
 */
function lazyRemoteKeySet(options: VerifierOptions): ReturnType<typeof createRemoteJWKSet> {
  let remote: ReturnType<typeof createRemoteJWKSet> | undefined;
  const url = options.jwksUrl ?? `${options.issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
  const keySet = (...args: Parameters<ReturnType<typeof createRemoteJWKSet>>) => {
    remote ??= createRemoteJWKSet(new URL(url));
    return remote(...args);
  };
  return keySet as ReturnType<typeof createRemoteJWKSet>;
}

/**
 * Verifies a bearer token (signature, issuer, expiry, audience) and returns its principal.
 * Only access tokens are accepted: a token that says what it is (`token_use`, as Cognito's
 * do) must say `access`, so an ID token, meant for the client, never authorises a call.
 * Any failure is an UnauthorizedError (401, `auth.invalidToken`).
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const keySet = options.jwks ? createLocalJWKSet(options.jwks) : lazyRemoteKeySet(options);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keySet, {
          issuer: options.issuer,
          algorithms: ['ES256', 'RS256'],
          // No token without an expiry, none issued in the future, none older than a day.
          requiredClaims: ['exp', 'iat'],
          maxTokenAge: MAX_TOKEN_AGE_SECONDS,
          clockTolerance: CLOCK_SKEW_SECONDS,
        });
        if (!hasAudience(payload, options.audience)) throw new Error('wrong audience');
        if (payload.token_use !== undefined && payload.token_use !== 'access')
          throw new Error('not an access token');
        return principalFromClaims(payload);
      } catch {
        throw new UnauthorizedError('auth.invalidToken');
      }
    },
  };
}

export function hasRole(principal: Principal | undefined, roles: readonly string[]): boolean {
  return principal?.roles.some((role) => roles.includes(role)) ?? false;
}

/** The object check every office-scoped action makes. */
export function assertOfficer(principal: Principal, officeId: string): void {
  if (!principal.roles.includes('officer') || principal.officeId !== officeId) {
    throw new ForbiddenError('auth.wrongOffice');
  }
}

export function isOfficerOf(principal: Principal | undefined, officeId: string): boolean {
  return (principal?.roles.includes('officer') ?? false) && principal?.officeId === officeId;
}

/**
 * The separation of duties (issue 9): a person who is an officer of an office may not enter
 * its contests (create or submit a proposal), nor judge in them, whatever other roles their
 * token carries (a Cognito user may sit in several groups). Identity is the token's `sub` and
 * its `office` claim. Errors: 403 with `code` (`auth.officerMayNotEnter`, `…Judge`).
 */
export function assertNotOfficerOf(
  principal: Principal,
  officeId: string,
  code: 'auth.officerMayNotEnter' | 'auth.officerMayNotJudge',
): void {
  if (isOfficerOf(principal, officeId)) throw new ForbiddenError(code);
}
