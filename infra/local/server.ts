import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import type { HttpDeps } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { createProcurementApp } from '../../functions/procurement/app.ts';
import type { FunctionName } from '../../functions/route-table.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { sealPendingTrails } from '../../shared/audit-log.ts';
import { createTokenVerifier } from '../../shared/auth.ts';
import { AdjustableClock } from '../../shared/clock.ts';
import { isLoopback, type LocalConfig } from '../../shared/config.ts';
import { CursorCodec } from '../../shared/cursor.ts';
import { createDb } from '../../shared/db.ts';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuer } from './dev-auth.ts';
import { createDevRoutes } from './dev-routes.tsx';
import { createDispatcher } from './dispatch.ts';
import { type Engine, ensureTable, LOCAL_CREDENTIALS, LOCAL_TIMEOUTS, startDynamoDbLocal } from './engine.ts';
import { perClientRateLimit } from './rate-limit.ts';
import { DEMO_USERS, seedDemo } from './seed.ts';

export interface LocalServer {
  url: string;
  engine: Engine;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * DynamoDB Local (watched: restarted with its data when it dies), or a given endpoint.
 * Without Java 17 this throws the one-line install hint.
 */
async function startEngine(config: LocalConfig, log: Log): Promise<Engine> {
  if (config.DB_ENGINE === 'endpoint') {
    if (!config.DYNAMODB_ENDPOINT) throw new Error('DB_ENGINE=endpoint needs DYNAMODB_ENDPOINT');
    return { kind: 'endpoint', endpoint: config.DYNAMODB_ENDPOINT, stop: async () => {} };
  }
  return startDynamoDbLocal({
    ...(config.MEMORY ? {} : { dataDir: join(config.DATA_DIR, 'dynamodb-local') }),
    onRestart: log,
    afterRestart: async (endpoint) => {
      await ensureTable(endpoint, config.TABLE_NAME, config.AWS_REGION);
    },
  });
}

/** A secret made on first run and kept under the data folder, or made fresh for a memory run. */
function localSecret(config: LocalConfig, name: string): string {
  if (config.MEMORY) return randomBytes(32).toString('base64url');
  const file = join(config.DATA_DIR, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** How often `npm start` seals the audit trails: every minute, as on AWS. */
const SEAL_INTERVAL_MS = 60_000;

function listen(app: Hono, host: string, port: number) {
  return new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Every function app, the portal and the demo on one port, against a local DynamoDB engine. */
export async function startLocalServer(config: LocalConfig, log: Log = console.log): Promise<LocalServer> {
  const engine = await startEngine(config, log);
  try {
    await ensureTable(engine.endpoint, config.TABLE_NAME, config.AWS_REGION);
    const issuer = await loadDevIssuer(config.MEMORY ? undefined : join(config.DATA_DIR, 'dev-jwt-key.json'));
    const clock = new AdjustableClock();
    const secret = localSecret(config, 'server-secret');
    const deps: HttpDeps = {
      db: createDb({
        tableName: config.TABLE_NAME,
        region: config.AWS_REGION,
        endpoint: engine.endpoint,
        credentials: LOCAL_CREDENTIALS,
        ...LOCAL_TIMEOUTS,
        // Two tries: a stalled engine costs a request about 20 s, then a 503.
        maxAttempts: 2,
      }),
      clock,
      cursors: new CursorCodec(secret),
      secret,
      verifier: createTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: issuer.jwks }),
    };
    const { contestId, reviewContestId, procurementId } = await seedDemo(deps);
    const apps: Record<FunctionName, { fetch: (request: Request) => Response | Promise<Response> }> = {
      submissions: createSubmissionsApp(deps),
      scoring: createScoringApp(deps),
      shortlisting: createShortlistingApp(deps),
      awards: createAwardsApp(deps),
      procurement: createProcurementApp(deps),
      portal: createPortalApp(deps),
    };
    // /dev/* lets anyone sign in as anyone: only this machine may reach it, unless told otherwise.
    const devOn = isLoopback(config.HOST) || config.DEV_ROUTES;
    if (!isLoopback(config.HOST)) {
      log(
        devOn
          ? `Warning: HOST=${config.HOST} is reachable from the network and --dev-routes is on: anyone who reaches this port can sign in as any demo user and move the clock.`
          : `Warning: HOST=${config.HOST} is reachable from the network, so /dev/* (demo sign-in, clock) is off. To serve it anyway (for a trusted network only), add --dev-routes or DEV_ROUTES=true.`,
      );
    }
    const dev = devOn ? createDevRoutes({ issuer, users: DEMO_USERS, clock }) : undefined;
    const dispatch = createDispatcher(apps, dev);
    const root = new Hono();
    if (config.RATE_LIMIT > 0) root.use(perClientRateLimit(config.RATE_LIMIT));
    root.all('*', (c) => dispatch(c.req.raw));
    let server: ReturnType<typeof serve>;
    try {
      server = await listen(root, config.HOST, config.PORT);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(
          `Port ${config.PORT} is already in use. Stop the other program or choose another: PORT=3001 npm start`,
        );
      }
      throw error;
    }
    // The audit sealer's schedule, as EventBridge runs it on AWS (infra/api-stack.ts).
    const sealing = setInterval(() => {
      sealPendingTrails(deps).catch((error: unknown) =>
        log(`Sealing the audit trails failed; the next run tries again: ${String(error)}`),
      );
    }, SEAL_INTERVAL_MS);
    sealing.unref();
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    log(
      `微创投 / Micro-Venture is running on ${engine.kind}${config.MEMORY ? ' (in memory)' : ` (data in ${config.DATA_DIR}/)`}`,
    );
    log(`  Portal      ${url}/`);
    if (devOn) log(`  Sign in     ${url}/dev/sign-in`);
    log(`  API docs    ${url}/api/docs`);
    log(`  Demo call   ${url}/api/contests/${contestId}`);
    log(`  In review   ${url}/api/contests/${reviewContestId} (sign in as a judge to score)`);
    log(`  Purchase    ${url}/api/procurements/${procurementId} (elderly care, in bidding)`);
    log('Press Ctrl-C to stop.');
    return {
      url,
      engine,
      stop: async () => {
        clearInterval(sealing);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await engine.stop();
      },
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}
