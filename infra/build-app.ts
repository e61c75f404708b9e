import type { App } from 'aws-cdk-lib';
import { type ApiIdentity, ApiStack } from './api-stack.ts';
import { DataStack } from './data-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import { UserDirectory } from './identity.ts';

/** Cognito (the default), or any OIDC issuer whose endpoints are given. */
export type IdentityProps = { kind: 'cognito'; domainPrefix: string } | OidcIdentity;

export interface OidcIdentity {
  kind: 'oidc';
  issuer: string;
  /** The `aud` (or Cognito-style `client_id`) access tokens must carry. */
  audience: string;
  jwksUrl?: string;
  /** The portal's public client (authorization code with PKCE, no secret). */
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl?: string;
}

/** Requests per second per route on the API stage, and per IP per 5 minutes at the edge. */
export interface LimitProps {
  readRateLimit?: number;
  writeRateLimit?: number;
  wafRequestsPer5Min?: number;
}

export interface MicroVentureProps {
  /** Deployment stage (`dev`, `prod`, …): names the stacks, so stages live side by side. */
  stage: string;
  /** The region is explicit: the edge stack lives in us-east-1 and the API stack reads it. */
  env: { account?: string; region: string };
  /** Browser origins other than the portal's own that may call the API (CORS). */
  allowedOrigins: readonly string[];
  /** Where alarms are sent; without it the topic has no subscriber (synth warns). */
  alarmEmail?: string;
  identity: IdentityProps;
  limits?: LimitProps;
}

export interface MicroVentureStacks {
  data: DataStack;
  edge: EdgeStack;
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
    description: 'Micro-Venture data: the single DynamoDB table and the user pool (retained, protected)',
  });
  // Users are state too: the pool lives beside the table, never in the stack that is rebuilt.
  const identity: ApiIdentity =
    props.identity.kind === 'cognito'
      ? {
          kind: 'cognito',
          users: new UserDirectory(data, 'Users', { domainPrefix: props.identity.domainPrefix }),
        }
      : props.identity;
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { account: props.env.account, region: 'us-east-1' },
    tags,
    description: "Micro-Venture edge: the WAF web ACL of the API's CloudFront distribution",
    requestsPer5MinPerIp: props.limits?.wafRequestsPer5Min,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env: props.env,
    tags,
    description:
      'Micro-Venture API: CloudFront, HTTP API, JWT authorizer, one Lambda per function app, alarms',
    table: data.table,
    identity,
    webAclArn: edge.webAcl.attrArn,
    allowedOrigins: props.allowedOrigins,
    alarmEmail: props.alarmEmail,
    limits: props.limits,
  });
  return { data, edge, api };
}
