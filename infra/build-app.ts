import type { App, Environment } from 'aws-cdk-lib';
import type { ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { ApiStack, type AuthSettings } from './api-stack.ts';
import { DataStack } from './data-stack.ts';

export interface MicroVentureProps {
  /** Deployment stage (`dev`, `prod`, …): names the stacks, so stages live side by side. */
  stage: string;
  auth: AuthSettings;
  throttle?: ThrottleSettings;
  env?: Environment;
}

export interface MicroVentureStacks {
  data: DataStack;
  api: ApiStack;
}

/** The whole product on AWS, from plain props: app.ts feeds it context, tests feed it values. */
export function buildApp(app: App, props: MicroVentureProps): MicroVentureStacks {
  const prefix = `MicroVenture-${props.stage}`;
  // Stack tags, which CloudFormation copies to every resource (explicitStackTags in cdk.json).
  const tags = { project: 'micro-venture', stage: props.stage };
  const data = new DataStack(app, `${prefix}-Data`, {
    env: props.env,
    tags,
    description: 'Micro-Venture data: the single DynamoDB table (retained, protected)',
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env: props.env,
    tags,
    description: 'Micro-Venture API: HTTP API, JWT authorizer and one Lambda per function app',
    table: data.table,
    auth: props.auth,
    throttle: props.throttle,
  });
  return { data, api };
}
