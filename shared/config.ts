import { z } from './zod.ts';

/**
 * The only module that reads the environment. Each Lambda parses its config once at
 * start-up; a missing or malformed variable stops it with the variable's name.
 */
const LambdaEnv = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AUTH_ISSUER: z.url(),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: z.url().optional(),
  SERVER_SECRET: z.string().min(16),
  /** The portal's public URL (CloudFront); cookie writes from it are same-site. */
  PORTAL_URL: z.url().optional(),
  /** The portal function's OIDC client for the hosted UI; all or none. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_AUTHORIZE_URL: z.url().optional(),
  OIDC_TOKEN_URL: z.url().optional(),
  OIDC_LOGOUT_URL: z.url().optional(),
});
export type LambdaConfig = z.infer<typeof LambdaEnv>;

/** The scheduled audit sealer needs only the table. */
const SealerEnv = LambdaEnv.pick({ TABLE_NAME: true, AWS_REGION: true, DYNAMODB_ENDPOINT: true });
export type SealerConfig = z.infer<typeof SealerEnv>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => `${issue.path.join('.')} (${issue.code})`).join(', ');
    throw new ConfigError(`Invalid or missing configuration: ${names}`);
  }
  return result.data;
}

export function loadLambdaConfig(env: Record<string, string | undefined> = process.env): LambdaConfig {
  return parseEnv(LambdaEnv, env);
}

export function loadSealerConfig(env: Record<string, string | undefined> = process.env): SealerConfig {
  return parseEnv(SealerEnv, env);
}

/** `npm start` options: flags and environment, parsed in one place. */
const LocalEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /** Amazon DynamoDB Local (needs Java 17), or an endpoint given in DYNAMODB_ENDPOINT. */
  DB_ENGINE: z.enum(['dynamodb-local', 'endpoint']).default('dynamodb-local'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  TABLE_NAME: z.string().min(3).default('micro-venture'),
  AWS_REGION: z.string().default('cn-north-1'),
  MEMORY: z.stringbool().default(false),
  /**
   * Serve /dev/* (demo sign-in as anyone, the clock) even when HOST is not a loopback address.
   * Off by default: on a network address they are refused unless this says otherwise.
   */
  DEV_ROUTES: z.stringbool().default(false),
  /** Requests per minute each client address may send; 0 turns the limit off. */
  RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
});
export type LocalConfig = z.infer<typeof LocalEnv>;

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach a server listening there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function loadLocalConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): LocalConfig {
  const flags: Record<string, string> = {};
  for (const arg of argv) {
    if (arg === '--memory') flags.MEMORY = 'true';
    else if (arg.startsWith('--port=')) flags.PORT = arg.slice(7);
    else if (arg.startsWith('--engine=')) flags.DB_ENGINE = arg.slice(9);
    else if (arg === '--dev-routes') flags.DEV_ROUTES = 'true';
    else
      throw new ConfigError(
        `Unknown option ${arg} (known: --memory, --port=N, --engine=dynamodb-local|endpoint, --dev-routes)`,
      );
  }
  return parseEnv(LocalEnv, { ...env, ...flags });
}
