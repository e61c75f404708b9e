import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type MicroVentureProps } from '../../infra/build-app.ts';

/** The feature flags `cdk synth` runs with, so the templates under test are the deployed ones. */
const cdkContext: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

export const testProps: MicroVentureProps = {
  stage: 'test',
  auth: { issuer: 'https://issuer.test/oidc', audience: 'micro-venture-test' },
};

/** Builds the whole app without bundling (no esbuild run), as template tests need. */
export function synth(props: MicroVentureProps = testProps) {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  // `cdk synth` keeps reporting it; here it would only repeat on every template built.
  Validations.of(app).acknowledge({
    id: 'CloudFormation-Validate::W2531',
    reason: 'Runtime deprecation notice, not a template shape under test',
  });
  const stacks = buildApp(app, props);
  return {
    stacks,
    data: Template.fromStack(stacks.data),
    api: Template.fromStack(stacks.api),
  };
}
