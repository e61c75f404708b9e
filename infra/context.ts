import { z } from 'zod';
import { parseEnv } from '../shared/config.ts';
import type { MicroVentureProps } from './build-app.ts';

/**
 * The deployment's settings as CDK context (`-c key=value` or cdk.json), validated in one
 * place. infra/app.ts reads the raw values and hands them here; every construct below takes
 * props. Defaults let `npx cdk synth` run offline with no context and no credentials.
 */

/** Where the stacks go when neither context nor the CLI's profile names a region. */
export const DEFAULT_REGION = 'ap-east-1';

const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()))
  .transform((items) => items.filter((item) => item.length > 0));

const origin = z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).origin === url, {
  message: 'an origin is scheme://host[:port] with no path or trailing slash',
});

/** Context keys are strings when given with `-c`, so every field accepts a string. */
export const ContextSchema = z
  .object({
    stage: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,19}$/, 'letters, digits and dashes, starting with a letter')
      .default('dev'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region such as ap-east-1 or cn-north-1')
      .optional(),
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    allowedOrigins: commaList.pipe(z.array(origin)).default([]),
    alarmEmail: z.email().optional(),
    /** Cognito hosted UI domain prefix; must be unique within the region. */
    cognitoDomainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and dashes')
      .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'may not contain aws, amazon or cognito')
      .optional(),
    /** Any OIDC issuer instead of Cognito: giving `authIssuer` switches the identity provider. */
    authIssuer: z.url({ protocol: /^https$/ }).optional(),
    authAudience: z.string().min(1).optional(),
    authJwksUrl: z.url({ protocol: /^https$/ }).optional(),
    authClientId: z.string().min(1).optional(),
    authAuthorizeUrl: z.url({ protocol: /^https$/ }).optional(),
    authTokenUrl: z.url({ protocol: /^https$/ }).optional(),
    authLogoutUrl: z.url({ protocol: /^https$/ }).optional(),
    readRateLimit: z.coerce.number().positive().optional(),
    writeRateLimit: z.coerce.number().positive().optional(),
    wafRequestsPer5Min: z.coerce.number().int().min(10).optional(),
  })
  .superRefine((context, issue) => {
    if (!context.authIssuer) return;
    for (const key of ['authAudience', 'authClientId', 'authAuthorizeUrl', 'authTokenUrl'] as const) {
      if (!context[key]) issue.addIssue({ code: 'custom', path: [key], message: 'required with authIssuer' });
    }
  });

export type Context = z.output<typeof ContextSchema>;

/** The context keys app.ts reads, so nothing else needs to know them. */
export const CONTEXT_KEYS = Object.keys(ContextSchema.shape) as (keyof Context)[];

/**
 * Turns raw context into the app's props, or throws a ConfigError naming every bad key.
 * `defaultEnv` is what the CLI's profile says (CDK_DEFAULT_ACCOUNT/REGION).
 */
export function propsFromContext(
  raw: Record<string, unknown>,
  defaultEnv: { account?: string; region?: string } = {},
): MicroVentureProps {
  const context = parseEnv(ContextSchema, raw);
  const region = context.region ?? defaultEnv.region ?? DEFAULT_REGION;
  return {
    stage: context.stage,
    env: { account: context.account ?? defaultEnv.account, region },
    allowedOrigins: context.allowedOrigins,
    alarmEmail: context.alarmEmail,
    identity: context.authIssuer
      ? {
          kind: 'oidc',
          issuer: context.authIssuer,
          audience: context.authAudience ?? '',
          jwksUrl: context.authJwksUrl,
          clientId: context.authClientId ?? '',
          authorizeUrl: context.authAuthorizeUrl ?? '',
          tokenUrl: context.authTokenUrl ?? '',
          logoutUrl: context.authLogoutUrl,
        }
      : {
          kind: 'cognito',
          domainPrefix: context.cognitoDomainPrefix ?? `micro-venture-${context.stage.toLowerCase()}`,
        },
    limits: {
      readRateLimit: context.readRateLimit,
      writeRateLimit: context.writeRateLimit,
      wafRequestsPer5Min: context.wafRequestsPer5Min,
    },
  };
}
