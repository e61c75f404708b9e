import { createTokenVerifier } from '../shared/auth.ts';
import { systemClock } from '../shared/clock.ts';
import { loadLambdaConfig } from '../shared/config.ts';
import { CursorCodec } from '../shared/cursor.ts';
import { createDb } from '../shared/db.ts';
import type { HttpDeps } from './http/app.ts';

/** Wiring for a Lambda: config read and clients made once per container, reused while warm. */
export function liveDeps(): HttpDeps {
  const config = loadLambdaConfig();
  return {
    db: createDb({
      tableName: config.TABLE_NAME,
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
    }),
    clock: systemClock,
    cursors: new CursorCodec(config.SERVER_SECRET),
    secret: config.SERVER_SECRET,
    verifier: createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUrl: config.AUTH_JWKS_URL,
    }),
  };
}
