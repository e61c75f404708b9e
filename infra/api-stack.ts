import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  FUNCTIONS,
  type FunctionName,
  gatewayChecksToken,
  type Method,
  type RouteName,
  type RouteSpec,
  routeTable,
} from '../functions/route-table.ts';
import { ApiFunction, type BundledFile, type TableAccess } from './function.ts';

/** The portal serves Swagger UI from its own bundle, so the docs work with no CDN. */
const SWAGGER_UI_FILES: readonly BundledFile[] = [
  'swagger-ui-bundle.js',
  'swagger-ui.css',
  'swagger-ui-standalone-preset.js',
].map((file) => ({ source: `node_modules/swagger-ui-dist/${file}`, targetDir: 'swagger-ui' }));

export interface FunctionSpec {
  access: TableAccess;
  bundledFiles?: readonly BundledFile[];
}

/**
 * What each function may do with the table. Keyed by every name in FUNCTIONS, so a new
 * function does not compile until it has its line here.
 */
export const FUNCTION_SPECS: Record<FunctionName, FunctionSpec> = {
  submissions: { access: 'RW' },
  scoring: { access: 'RW' },
  shortlisting: { access: 'RW' },
  awards: { access: 'RW' },
  portal: { access: 'RO', bundledFiles: SWAGGER_UI_FILES },
};

const HTTP_METHODS: Record<Method, HttpMethod> = {
  get: HttpMethod.GET,
  post: HttpMethod.POST,
  put: HttpMethod.PUT,
  patch: HttpMethod.PATCH,
  delete: HttpMethod.DELETE,
};

export const DEFAULT_THROTTLE: ThrottleSettings = { rateLimit: 50, burstLimit: 100 };

export interface AuthSettings {
  /** OIDC issuer URL; API Gateway fetches its discovery document to verify tokens. */
  issuer: string;
  audience: string;
  /** Only for the functions' own verifier, when the issuer's JWKS is not at the usual place. */
  jwksUrl?: string;
}

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  auth: AuthSettings;
  throttle?: ThrottleSettings;
  logRetention?: RetentionDays;
}

/** The stateless half: functions, routes and their gateway, all rebuildable from code. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<FunctionName, ApiFunction>;
  readonly routes: Record<RouteName, HttpRoute>;
  readonly serverSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    this.serverSecret = new Secret(this, 'ServerSecret', {
      description: 'HMAC key that signs pagination cursors and notice verification codes',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const environment: Record<string, string> = {
      AUTH_ISSUER: props.auth.issuer,
      AUTH_AUDIENCE: props.auth.audience,
      ...(props.auth.jwksUrl ? { AUTH_JWKS_URL: props.auth.jwksUrl } : {}),
      // A dynamic reference, not the value: the template holds `{{resolve:secretsmanager:…}}`
      // and CloudFormation puts the value into the function's configuration at deploy time.
      // Config stays one environment read at start-up (shared/config.ts), with no Secrets
      // Manager call on cold start; the price is that a rotated key takes a redeploy.
      SERVER_SECRET: this.serverSecret.secretValue.unsafeUnwrap(),
    };

    this.functions = Object.fromEntries(
      FUNCTIONS.map((name) => {
        const spec = FUNCTION_SPECS[name];
        const fn = new ApiFunction(this, pascalCase(name), {
          name,
          environment,
          logRetention,
          bundledFiles: spec.bundledFiles,
        });
        fn.bindTable(props.table, spec.access);
        return [name, fn];
      }),
    ) as Record<FunctionName, ApiFunction>;

    // Routes are closed unless the table marks them public: a route added without
    // thinking about auth gets the JWT check, not open access.
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Micro-Venture API and portal',
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer('JwtAuthorizer', props.auth.issuer, {
        jwtAudience: [props.auth.audience],
      }),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    // `$default` keeps URLs identical to the route table's paths (no `/prod` prefix), the
    // same paths the local runtime serves.
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const integrations = Object.fromEntries(
      FUNCTIONS.map((name) => [
        name,
        // One permission per function for the whole API instead of one per route keeps
        // the function's resource policy far below its 20 KB limit as routes grow.
        new HttpLambdaIntegration(`${pascalCase(name)}Integration`, this.functions[name].fn, {
          scopePermissionToRoute: false,
        }),
      ]),
    ) as Record<FunctionName, HttpLambdaIntegration>;

    const publicAccess = new HttpNoneAuthorizer();
    this.routes = Object.fromEntries(
      (Object.entries(routeTable) as [RouteName, RouteSpec][]).map(([routeName, spec]) => [
        routeName,
        new HttpRoute(this.api, pascalCase(routeName), {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(spec.path, HTTP_METHODS[spec.method]),
          integration: integrations[spec.fn],
          ...(gatewayChecksToken(spec) ? {} : { authorizer: publicAccess }),
        }),
      ]),
    ) as Record<RouteName, HttpRoute>;

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API and portal' });
  }
}

/** HTTP API context variables; JSON so Logs Insights can filter by field. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
