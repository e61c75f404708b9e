import { Annotations, App } from 'aws-cdk-lib';
import { z } from 'zod';
import { parseEnv } from '../shared/config.ts';
import { buildApp } from './build-app.ts';

/**
 * The CDK entry point and the only infra file that reads context or the environment;
 * everything below it takes props. Defaults let `npx cdk synth` run offline with no
 * context and no credentials.
 */
const PLACEHOLDER_ISSUER = 'https://issuer.example.invalid';

const Context = z.object({
  stage: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,19}$/, 'letters, digits and dashes, starting with a letter')
    .default('dev'),
  authIssuer: z.url().default(PLACEHOLDER_ISSUER),
  authAudience: z.string().min(1).default('micro-venture'),
  authJwksUrl: z.url().optional(),
  throttleRateLimit: z.coerce.number().positive().optional(),
  throttleBurstLimit: z.coerce.number().int().positive().optional(),
});

const app = new App();
const context = parseEnv(
  Context,
  Object.fromEntries(Object.keys(Context.shape).map((key) => [key, app.node.tryGetContext(key)])),
);

const { api } = buildApp(app, {
  stage: context.stage,
  auth: { issuer: context.authIssuer, audience: context.authAudience, jwksUrl: context.authJwksUrl },
  throttle:
    context.throttleRateLimit || context.throttleBurstLimit
      ? {
          rateLimit: context.throttleRateLimit ?? context.throttleBurstLimit,
          burstLimit: context.throttleBurstLimit ?? context.throttleRateLimit,
        }
      : undefined,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

if (context.authIssuer === PLACEHOLDER_ISSUER) {
  Annotations.of(api).addWarningV2(
    'micro-venture:placeholder-issuer',
    'No authIssuer in context: protected routes will reject every token. Deploy with -c authIssuer=https://… (docs/deploy.md).',
  );
}
