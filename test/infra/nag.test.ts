import { readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { acknowledge, checkAwsSolutions } from '../../infra/nag.ts';
import { oidcProps, synth, testProps } from './synth.ts';

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;

describe('cdk-nag AwsSolutions', () => {
  // synth() turns the checks on, and building a Template synthesizes the app, which runs
  // them and throws on any finding (the test below proves it does).
  it('finds nothing unacknowledged in the app with Cognito', { timeout: 120_000 }, () => {
    expect(() => synth(testProps)).not.toThrow();
  });

  it('finds nothing unacknowledged in the app with another OIDC issuer', { timeout: 120_000 }, () => {
    expect(() => synth(oidcProps)).not.toThrow();
  });

  it('fails synthesis on a finding nobody acknowledged', () => {
    // Prepare: a topic that accepts plain HTTP publishing (AwsSolutions-SNS3).
    const app = new App({
      context: cdkContext,
      outdir: `${process.env.TMPDIR ?? '/tmp'}/nag-test-${process.pid}`,
    });
    checkAwsSolutions(app);
    const stack = new Stack(app, 'Careless');
    const topic = new Topic(stack, 'Topic');
    acknowledge(topic, 'AwsSolutions-SNS2', 'Unencrypted on purpose in this test of the check itself');

    // Act and Assess
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-SNS3/);
  });

  it('refuses an acknowledgement without a written reason', () => {
    const stack = new Stack(new App(), 'Lazy');
    expect(() => acknowledge(stack, 'AwsSolutions-SNS2', 'ok')).toThrow(/reason/);
    expect(Validations.of(stack)).toBeDefined();
  });
});
