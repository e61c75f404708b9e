import { existsSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  type FunctionName,
  gatewayChecksToken,
  type RouteSpec,
  routeTable,
} from '../../functions/route-table.ts';
import { FUNCTION_SPECS } from '../../infra/api-stack.ts';
import { loadLambdaConfig, loadSealerConfig } from '../../shared/config.ts';
import { oidcProps, synth } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, any> };

let built: ReturnType<typeof synth>;
let oidc: ReturnType<typeof synth>;
let resources: Record<string, Resource>;

beforeAll(() => {
  built = synth();
  oidc = synth(oidcProps);
  resources = built.api.toJSON().Resources;
});

function oidcFunctionVars(name: FunctionName): Record<string, any> {
  const fn = oidc.stacks.api.functions[name].fn;
  const id = oidc.stacks.api.getLogicalId(fn.node.defaultChild as CfnElement);
  return oidc.api.toJSON().Resources[id].Properties.Environment.Variables;
}

const routeKey = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;
const specs = Object.values(routeTable) as RouteSpec[];

function routesByKey(api: Template): Map<string, Record<string, any>> {
  const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route'));
  return new Map(routes.map((route) => [route.Properties.RouteKey, route.Properties]));
}

function logicalIdOf(element: { node: { defaultChild?: unknown } }): string {
  return built.stacks.api.getLogicalId(element.node.defaultChild as CfnElement);
}

function portalClientRef(): { Ref: string } {
  const client = built.stacks.api.portalClient;
  if (!client) throw new Error('The Cognito build has a portal client');
  return { Ref: logicalIdOf(client) };
}

function functionProps(name: FunctionName): Record<string, any> {
  return resources[logicalIdOf(built.stacks.api.functions[name].fn)]!.Properties;
}

type Statement = { Action: string | string[]; Condition?: Record<string, Record<string, unknown>> };

function statementsGrantedTo(name: FunctionName): Statement[] {
  const roleId = logicalIdOf(built.stacks.api.functions[name].fn.role!);
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((ref: any) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function actionsGrantedTo(name: FunctionName, unconditioned = false): string[] {
  return statementsGrantedTo(name)
    .filter((statement) => !unconditioned || statement.Condition === undefined)
    .flatMap((statement) => [statement.Action].flat());
}

describe('the API routes', () => {
  it('are exactly the entries of the route table, as "METHOD /path" keys', () => {
    // Prepare
    const expected = specs.map(routeKey);

    // Act
    const actual = [...routesByKey(built.api).keys()];

    // Assess
    expect(new Set(expected).size).toBe(expected.length);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('require the JWT authorizer on every API route that is not public', () => {
    // Prepare
    const routes = routesByKey(built.api);
    const [authorizerId] = Object.keys(built.api.findResources('AWS::ApiGatewayV2::Authorizer'));

    // Act
    const protectedRoutes = specs.filter(gatewayChecksToken);

    // Assess
    expect(protectedRoutes.length).toBeGreaterThan(0);
    for (const spec of protectedRoutes) {
      expect(routes.get(routeKey(spec)), routeKey(spec)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
  });

  it('leave public routes and pages (checked by the function) open at the gateway', () => {
    // Prepare
    const routes = routesByKey(built.api);

    // Act
    const publicRoutes = specs.filter((spec) => !gatewayChecksToken(spec));

    // Assess
    expect(publicRoutes.length).toBeGreaterThan(0);
    for (const spec of publicRoutes) {
      const route = routes.get(routeKey(spec));
      expect(route?.AuthorizationType, routeKey(spec)).toBe('NONE');
      expect(route?.AuthorizerId, routeKey(spec)).toBeUndefined();
    }
  });

  it('each reach the Lambda of the function the route table names', () => {
    // Prepare
    const routes = routesByKey(built.api);

    for (const spec of specs) {
      // Act: route → integration → function.
      const target = routes.get(routeKey(spec))?.Target;
      const integrationId = target['Fn::Join'][1][1].Ref;
      const integration = resources[integrationId]!;

      // Assess
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(built.stacks.api.functions[spec.fn].fn), 'Arn'] },
      });
    }
  });

  it('let API Gateway invoke each function through one API-wide permission', () => {
    for (const name of FUNCTIONS) {
      built.api.resourcePropertiesCountIs(
        'AWS::Lambda::Permission',
        {
          Principal: 'apigateway.amazonaws.com',
          FunctionName: { 'Fn::GetAtt': [logicalIdOf(built.stacks.api.functions[name].fn), 'Arn'] },
        },
        1,
      );
    }
  });
});

describe('the JWT authorizer', () => {
  it('checks the user pool as issuer and the portal client as audience, from the Authorization header', () => {
    // Prepare
    const clientRef = portalClientRef();

    // Act
    const [authorizer] = Object.values(built.api.findResources('AWS::ApiGatewayV2::Authorizer'));

    // Assess
    built.api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    expect(authorizer?.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [clientRef] },
    });
    expect(JSON.stringify(authorizer?.Properties.JwtConfiguration.Issuer)).toContain('ProviderURL');
  });

  it('checks any OIDC issuer given by context instead, with no user pool client', () => {
    oidc.api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://issuer.test/oidc', Audience: ['micro-venture-test'] },
    });
    oidc.api.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    oidc.data.resourceCountIs('AWS::Cognito::UserPool', 0);
  });
});

describe('the functions', () => {
  it('are one Lambda per function name, and the audit sealer', () => {
    built.api.resourceCountIs('AWS::Lambda::Function', FUNCTIONS.length + 1);
  });

  it('run the bundled ESM handler on arm64 and Node 24 with source maps and active tracing', () => {
    for (const name of FUNCTIONS) {
      expect(functionProps(name), name).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: 10,
        Environment: {
          Variables: {
            NODE_OPTIONS: '--enable-source-maps',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        },
      });
    }
  });

  it('get the auth settings, the table name and the server secret as a dynamic reference', () => {
    for (const name of FUNCTIONS) {
      // Act
      const vars = functionProps(name).Environment.Variables;

      // Assess
      expect(oidcFunctionVars(name)).toMatchObject({
        AUTH_ISSUER: 'https://issuer.test/oidc',
        AUTH_AUDIENCE: 'micro-venture-test',
      });
      expect(vars.AUTH_AUDIENCE).toEqual(portalClientRef());
      expect(vars.TABLE_NAME).toBeDefined();
      expect(JSON.stringify(vars.SERVER_SECRET)).toContain('{{resolve:secretsmanager:');
      expect(vars.SERVER_SECRET['Fn::Join'][1]).toContainEqual({
        Ref: logicalIdOf(built.stacks.api.serverSecret),
      });
      expect(vars).not.toHaveProperty('AWS_REGION');
      expect(vars).not.toHaveProperty('AUTH_JWKS_URL');
    }
  });

  it("give only the portal the sign-in client, pointed at the hosted UI, and everyone the portal's URL", () => {
    for (const name of FUNCTIONS) {
      // Act
      const vars = functionProps(name).Environment.Variables;

      // Assess
      expect(JSON.stringify(vars.PORTAL_URL), name).toContain('DomainName');
      if (name !== 'portal') {
        expect(vars, name).not.toHaveProperty('OIDC_CLIENT_ID');
        continue;
      }
      expect(vars.OIDC_CLIENT_ID).toEqual(portalClientRef());
      for (const [key, path] of [
        ['OIDC_AUTHORIZE_URL', '/oauth2/authorize'],
        ['OIDC_TOKEN_URL', '/oauth2/token'],
        ['OIDC_LOGOUT_URL', '/logout'],
      ] as const) {
        expect(JSON.stringify(vars[key]), key).toContain(`.amazoncognito.com${path}`);
      }
    }
  });

  it('get an environment that shared/config.ts accepts once deployed', () => {
    for (const name of FUNCTIONS) {
      // Prepare: deploy-time values stand in for the tokens; Lambda itself sets AWS_REGION.
      const vars = oidcFunctionVars(name);
      const deployed = Object.fromEntries(
        Object.entries(vars).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : 'https://resolved-at-deploy.example/0123456789',
        ]),
      );

      // Act
      const config = loadLambdaConfig({ ...deployed, AWS_REGION: 'cn-north-1' });

      // Assess
      expect(config.AUTH_ISSUER).toBe('https://issuer.test/oidc');
    }
  });

  it('get AUTH_JWKS_URL only when a JWKS URL is given', () => {
    // Prepare
    const jwksUrl = 'https://issuer.test/oidc/jwks.json';

    // Act
    const withJwks = synth({
      ...oidcProps,
      identity: { ...oidcProps.identity, jwksUrl } as typeof oidcProps.identity,
    });

    // Assess
    for (const name of FUNCTIONS) {
      const fn = withJwks.stacks.api.functions[name].fn;
      const id = withJwks.stacks.api.getLogicalId(fn.node.defaultChild as CfnElement);
      expect(withJwks.api.toJSON().Resources[id].Properties.Environment.Variables.AUTH_JWKS_URL, name).toBe(
        jwksUrl,
      );
    }
  });

  it('may read but not write when bound read-only, and may never Scan', () => {
    for (const name of FUNCTIONS) {
      // Act
      const actions = actionsGrantedTo(name);

      // Assess
      expect(actions, name).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions, name).not.toContain('dynamodb:Scan');
      const writes = actionsGrantedTo(name, true).filter((action) =>
        /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action),
      );
      if (FUNCTION_SPECS[name].access === 'RO') expect(writes, name).toEqual([]);
      else
        expect(writes, name).toEqual(
          expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
        );
    }
  });

  it('bind the portal read-only and submissions read-write', () => {
    expect(FUNCTION_SPECS.portal.access).toBe('RO');
    expect(FUNCTION_SPECS.submissions.access).toBe('RW');
  });

  it('let the portal write only user directory entries, as its sign-in callback records users', () => {
    // Act
    const writes = statementsGrantedTo('portal').filter((statement) =>
      [statement.Action].flat().some((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action)),
    );

    // Assess
    expect(writes).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
      }),
    ]);
  });

  it('log to their own log groups with a retention period', () => {
    for (const name of FUNCTIONS) {
      // Act
      const logGroupId = functionProps(name).LoggingConfig.LogGroup.Ref;

      // Assess
      expect(resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    }
  });

  it('copy Swagger UI files that exist in swagger-ui-dist into the portal bundle', () => {
    // Act
    const files = FUNCTION_SPECS.portal.bundledFiles ?? [];

    // Assess
    expect(files.map((file) => file.source.split('/').pop()).sort()).toEqual([
      'swagger-ui-bundle.js',
      'swagger-ui-standalone-preset.js',
      'swagger-ui.css',
    ]);
    for (const file of files) {
      expect(file.targetDir).toBe('swagger-ui');
      expect(existsSync(new URL(`../../${file.source}`, import.meta.url)), file.source).toBe(true);
    }
  });
});

describe('the audit sealer', () => {
  const sealerId = () =>
    built.stacks.api.getLogicalId(built.stacks.api.sealer.fn.node.defaultChild as CfnElement);

  it('runs every minute from an EventBridge schedule, which may invoke it and nothing else', () => {
    // Act
    const rules = Object.values(built.api.findResources('AWS::Events::Rule'));
    const permissions = Object.values(built.api.findResources('AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties.Principal === 'events.amazonaws.com',
    );

    // Assess
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect(rules[0]?.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [sealerId(), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      }),
    ]);
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties.FunctionName).toEqual({ 'Fn::GetAtt': [sealerId(), 'Arn'] });
  });

  it('gets the table and nothing of the API: no secret, no auth settings, no route', () => {
    // Act
    const vars = resources[sealerId()]!.Properties.Environment.Variables;
    const config = loadSealerConfig({ ...vars, TABLE_NAME: 'micro-venture-test', AWS_REGION: 'cn-north-1' });

    // Assess
    expect(Object.keys(vars)).toContain('TABLE_NAME');
    expect(vars.SERVER_SECRET).toBeUndefined();
    expect(vars.AUTH_ISSUER).toBeUndefined();
    expect(config.TABLE_NAME).toBe('micro-venture-test');
    const integrations = Object.values(built.api.findResources('AWS::ApiGatewayV2::Integration'));
    expect(JSON.stringify(integrations)).not.toContain(sealerId());
  });
});

describe('the API stage', () => {
  it('is the $default stage, throttled for reads by default and deployed automatically', () => {
    built.api.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    built.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('throttles every write route lower than reads, route by route', () => {
    // Act
    const [stage] = Object.values(built.api.findResources('AWS::ApiGatewayV2::Stage'));
    const settings: Record<string, { ThrottlingRateLimit: number }> = stage!.Properties.RouteSettings;

    // Assess
    const writes = specs.filter((spec) => spec.method !== 'get').map(routeKey);
    expect(Object.keys(settings).sort()).toEqual(writes.sort());
    for (const key of writes) {
      expect(settings[key], key).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
      expect(settings[key]!.ThrottlingRateLimit).toBeLessThan(
        stage!.Properties.DefaultRouteSettings.ThrottlingRateLimit,
      );
    }
  });

  it('writes JSON access logs with the request id to a log group with retention', () => {
    // Act
    const [stage] = Object.values(built.api.findResources('AWS::ApiGatewayV2::Stage'));
    const { DestinationArn, Format } = stage!.Properties.AccessLogSettings;

    // Assess
    expect(JSON.parse(Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    expect(resources[DestinationArn['Fn::GetAtt'][0]]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  it('takes read and write limits from props', () => {
    // Act
    const tight = synth({ ...oidcProps, limits: { readRateLimit: 5, writeRateLimit: 2 } });

    // Assess
    tight.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      RouteSettings: Match.objectLike({
        'POST /api/teams': { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 4 },
      }),
    });
  });

  it('publishes the API URL as a stack output', () => {
    built.api.hasOutput('ApiUrl', { Value: Match.anyValue() });
  });
});
