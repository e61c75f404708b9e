import { Annotations, App } from 'aws-cdk-lib';
import { buildApp } from './build-app.ts';
import { CONTEXT_KEYS, propsFromContext } from './context.ts';
import { checkAwsSolutions } from './nag.ts';

/**
 * The CDK entry point and the only infra file that reads context or the environment;
 * everything below it takes props (infra/context.ts validates them). With no context,
 * `npx cdk synth` runs offline with defaults and no credentials.
 */
const app = new App();
const props = propsFromContext(
  Object.fromEntries(CONTEXT_KEYS.map((key) => [key, app.node.tryGetContext(key)])),
  {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  },
);
checkAwsSolutions(app);
const { api } = buildApp(app, props);

if (!props.alarmEmail) {
  Annotations.of(api).addWarningV2(
    'micro-venture:no-alarm-email',
    'No alarmEmail in context: alarms go to an SNS topic nobody reads. Deploy with -c alarmEmail=… (docs/deploy.md).',
  );
}
