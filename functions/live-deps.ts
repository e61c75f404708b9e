import { createTokenVerifier } from '../shared/auth.ts';
import { systemClock } from '../shared/clock.ts';
import { loadLambdaConfig } from '../shared/config.ts';
import { CursorCodec } from '../shared/cursor.ts';
import { createDb } from '../shared/db.ts';
import type { HttpDeps } from './http/app.ts';
import { hostedSignInSeam } from './portal/sign-in.ts';
import { powertoolsTelemetry } from './powertools.ts';

/** Wiring for a Lambda: config read and clients made once per container, reused while warm. */
export function liveDeps(): HttpDeps & { telemetry: ReturnType<typeof powertoolsTelemetry> } {
  const config = loadLambdaConfig();
  const hostedSignIn =
    config.PORTAL_URL && config.OIDC_CLIENT_ID && config.OIDC_AUTHORIZE_URL && config.OIDC_TOKEN_URL
      ? {
          portalUrl: config.PORTAL_URL.replace(/\/+$/, ''),
          clientId: config.OIDC_CLIENT_ID,
          authorizeUrl: config.OIDC_AUTHORIZE_URL,
          tokenUrl: config.OIDC_TOKEN_URL,
          logoutUrl: config.OIDC_LOGOUT_URL,
        }
      : undefined;
  return {
    db: createDb({
      tableName: config.TABLE_NAME,
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
    }),
    clock: systemClock,
    telemetry: powertoolsTelemetry(),
    cursors: new CursorCodec(config.SERVER_SECRET),
    secret: config.SERVER_SECRET,
    verifier: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUrl: config.AUTH_JWKS_URL,
    }),
    trustedOrigins: config.PORTAL_URL ? [new URL(config.PORTAL_URL).origin] : [],
    ...(hostedSignIn ? { hostedSignIn, signIn: hostedSignInSeam(hostedSignIn) } : {}),
  };
}
