import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type MicroVentureProps } from '../../infra/build-app.ts';
import { checkAwsSolutions } from '../../infra/nag.ts';

/** The feature flags `cdk synth` runs with, so the templates under test are the deployed ones. */
const cdkContext: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

export const testProps: MicroVentureProps = {
  stage: 'test',
  env: { region: 'ap-east-1' },
  allowedOrigins: ['https://partner.example.org'],
  alarmEmail: 'ops@example.org',
  identity: { kind: 'cognito', domainPrefix: 'micro-venture-test' },
};

export const oidcProps: MicroVentureProps = {
  ...testProps,
  identity: {
    kind: 'oidc',
    issuer: 'https://issuer.test/oidc',
    audience: 'micro-venture-test',
    clientId: 'portal-test',
    authorizeUrl: 'https://issuer.test/oidc/authorize',
    tokenUrl: 'https://issuer.test/oidc/token',
  },
};

/**
 * Builds the whole app without bundling (no esbuild run), as template tests need, with
 * cdk-nag's AwsSolutions checks on as in `cdk synth`: `validate()` runs them.
 */
export function synth(props: MicroVentureProps = testProps) {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  // `cdk synth` keeps reporting it; here it would only repeat on every template built.
  Validations.of(app).acknowledge({
    id: 'CloudFormation-Validate::W2531',
    reason: 'Runtime deprecation notice, not a template shape under test',
  });
  checkAwsSolutions(app);
  const stacks = buildApp(app, props);
  return {
    app,
    stacks,
    data: Template.fromStack(stacks.data),
    edge: Template.fromStack(stacks.edge),
    api: Template.fromStack(stacks.api),
  };
}
