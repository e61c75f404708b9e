import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
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
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
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
import { ApiAlarms } from './alarms.ts';
import type { LimitProps, OidcIdentity } from './build-app.ts';
import { ApiFunction, type BundledFile, type TableAccess } from './function.ts';
import { addPortalClient, type UserDirectory } from './identity.ts';
import { acknowledge } from './nag.ts';

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
  procurement: { access: 'RW' },
  portal: { access: 'RO', bundledFiles: SWAGGER_UI_FILES },
};

const HTTP_METHODS: Record<Method, HttpMethod> = {
  get: HttpMethod.GET,
  post: HttpMethod.POST,
  put: HttpMethod.PUT,
  patch: HttpMethod.PATCH,
  delete: HttpMethod.DELETE,
};

/** Requests per second (and burst) per route: reads are cheap, writes take transactions. */
export const DEFAULT_READ_THROTTLE: ThrottleSettings = { rateLimit: 50, burstLimit: 100 };
export const DEFAULT_WRITE_THROTTLE: ThrottleSettings = { rateLimit: 10, burstLimit: 20 };

/** What the API stack needs to know about who signs users in. */
export type ApiIdentity = { kind: 'cognito'; users: UserDirectory } | OidcIdentity;

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  identity: ApiIdentity;
  /** The WAF web ACL (scope CLOUDFRONT, from the edge stack) for the distribution. */
  webAclArn: string;
  allowedOrigins: readonly string[];
  alarmEmail?: string;
  limits?: LimitProps;
  logRetention?: RetentionDays;
}

/** The OIDC settings the functions and the portal's sign-in get, whoever the issuer is. */
type ResolvedAuth = Omit<OidcIdentity, 'kind'>;

/** The stateless half: functions, routes, their gateway and CDN, alarms — all rebuildable. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly distribution: Distribution;
  readonly functions: Record<FunctionName, ApiFunction>;
  readonly routes: Record<RouteName, HttpRoute>;
  readonly serverSecret: Secret;
  readonly portalClient?: UserPoolClient;
  readonly alarms: ApiAlarms;
  /** Seals the audit trails on a schedule (functions/audit-sealer). */
  readonly sealer: ApiFunction;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    this.serverSecret = new Secret(this, 'ServerSecret', {
      description: 'HMAC key that signs pagination cursors and notice verification codes',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(this.serverSecret, 'AwsSolutions-SMG4', [
      'The key signs cursors and derives notice verification codes; it is rotated by hand',
      'followed by a deploy (docs/deploy.md), since a rotation changes codes issued afterwards.',
    ]);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Micro-Venture API and portal',
      createDefaultStage: false,
      ...(props.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.allowedOrigins],
              allowMethods: [CorsHttpMethod.ANY],
              allowHeaders: [
                'authorization',
                'content-type',
                'if-match',
                'idempotency-key',
                'accept-language',
              ],
              exposeHeaders: ['etag', 'location', 'retry-after', 'content-language'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    // CloudFront in front of the API: the WAF web ACL attaches there (an HTTP API takes none).
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Micro-Venture portal and API',
      defaultBehavior: {
        origin: new HttpOrigin(`${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      webAclId: props.webAclArn,
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
    });
    acknowledge(this.distribution, 'AwsSolutions-CFR1', [
      'The portal serves residents of one city; blocking countries would lock out residents',
      'abroad and proves nothing about who calls. WAF rate limits per IP instead.',
    ]);
    acknowledge(this.distribution, 'AwsSolutions-CFR3', [
      'Every request that reaches the origin is in the API access log (JSON, 30 days), and WAF',
      'keeps metrics and samples of what it blocks; an S3 log bucket would add cost and a bucket to guard.',
    ]);
    acknowledge(this.distribution, 'AwsSolutions-CFR4', [
      'The default *.cloudfront.net certificate cannot pin a minimum TLS version; with a custom',
      'domain (docs/deploy.md) the distribution takes TLSv1.2_2021.',
    ]);
    const portalUrl = `https://${this.distribution.distributionDomainName}`;

    this.portalClient =
      props.identity.kind === 'cognito' ? addPortalClient(this, props.identity.users, portalUrl) : undefined;
    const auth = resolveAuth(props.identity, this.portalClient);
    const environment: Record<string, string> = {
      AUTH_ISSUER: auth.issuer,
      AUTH_AUDIENCE: auth.audience,
      ...(auth.jwksUrl ? { AUTH_JWKS_URL: auth.jwksUrl } : {}),
      // A dynamic reference, not the value: the template holds `{{resolve:secretsmanager:…}}`
      // and CloudFormation puts the value into the function's configuration at deploy time.
      // Config stays one environment read at start-up (shared/config.ts), with no Secrets
      // Manager call on cold start; the price is that a rotated key takes a redeploy.
      SERVER_SECRET: this.serverSecret.secretValue.unsafeUnwrap(),
      PORTAL_URL: portalUrl,
      POWERTOOLS_METRICS_NAMESPACE: 'MicroVenture',
    };
    const signIn: Record<string, string> = {
      OIDC_CLIENT_ID: auth.clientId,
      OIDC_AUTHORIZE_URL: auth.authorizeUrl,
      OIDC_TOKEN_URL: auth.tokenUrl,
      ...(auth.logoutUrl ? { OIDC_LOGOUT_URL: auth.logoutUrl } : {}),
    };

    this.functions = Object.fromEntries(
      FUNCTIONS.map((name) => {
        const spec = FUNCTION_SPECS[name];
        const fn = new ApiFunction(this, pascalCase(name), {
          name,
          environment: {
            ...environment,
            POWERTOOLS_SERVICE_NAME: name,
            ...(name === 'portal' ? signIn : {}),
          },
          logRetention,
          bundledFiles: spec.bundledFiles,
        });
        fn.bindTable(props.table, spec.access);
        if (name === 'portal') allowDirectoryWrites(fn, props.table);
        return [name, fn];
      }),
    ) as Record<FunctionName, ApiFunction>;

    // Routes are closed unless the table marks them public: a route added without
    // thinking about auth gets the JWT check, not open access.
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', auth.issuer, { jwtAudience: [auth.audience] });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: logRetention });
    const read = { ...DEFAULT_READ_THROTTLE, ...rate(props.limits?.readRateLimit) };
    const write = { ...DEFAULT_WRITE_THROTTLE, ...rate(props.limits?.writeRateLimit) };
    // `$default` keeps URLs identical to the route table's paths (no `/prod` prefix), the
    // same paths the local runtime serves.
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: read,
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
    const entries = Object.entries(routeTable) as [RouteName, RouteSpec][];
    this.routes = Object.fromEntries(
      entries.map(([routeName, spec]) => {
        const route = new HttpRoute(this.api, pascalCase(routeName), {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(spec.path, HTTP_METHODS[spec.method]),
          integration: integrations[spec.fn],
          authorizer: gatewayChecksToken(spec) ? authorizer : publicAccess,
        });
        if (!gatewayChecksToken(spec)) {
          acknowledge(route, 'AwsSolutions-APIG4', [
            `${routeKey(spec)} (${spec.summary}) is ${spec.roles.includes('public') ? 'public' : 'a page'}`,
            'in functions/route-table.ts: browsers send the session cookie, never a bearer token, so the',
            'function verifies the cookie and checks roles and objects itself.',
          ]);
        }
        return [routeName, route];
      }),
    ) as Record<RouteName, HttpRoute>;

    // Writes get the lower limit, route by route; reads keep the stage default.
    const routeSettings = Object.fromEntries(
      entries
        .filter(([, spec]) => spec.method !== 'get')
        .map(([, spec]) => [
          routeKey(spec),
          { ThrottlingRateLimit: write.rateLimit, ThrottlingBurstLimit: write.burstLimit },
        ]),
    );
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.addPropertyOverride('RouteSettings', routeSettings);
    // Route settings name routes by key, so the stage must follow the routes.
    for (const route of Object.values(this.routes)) cfnStage.node.addDependency(route);

    // The audit trail's sealer: every minute, so an entry is chained within about a minute even
    // when nobody reads, verifies or publishes (shared/audit-log.ts, sealPendingTrails). Not a
    // route: EventBridge invokes it, with the table only.
    this.sealer = new ApiFunction(this, 'AuditSealer', {
      name: 'audit-sealer',
      environment: { POWERTOOLS_SERVICE_NAME: 'audit-sealer' },
      memorySize: 256,
      timeout: Duration.seconds(50),
      logRetention,
    });
    this.sealer.bindTable(props.table, 'RW');
    new Rule(this, 'AuditSealSchedule', {
      description: 'Seals the audit trails: chains the entries written since the last seal',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaTarget(this.sealer.fn, { retryAttempts: 0 })],
    });

    this.alarms = new ApiAlarms(this, 'Alarms', {
      api: this.api,
      stage: this.stage,
      functions: [...Object.values(this.functions), this.sealer],
      table: props.table,
      email: props.alarmEmail,
    });

    new CfnOutput(this, 'PortalUrl', {
      value: portalUrl,
      description: 'The portal and API, through CloudFront and WAF',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'The HTTP API itself (no WAF)' });
    if (this.portalClient) {
      new CfnOutput(this, 'PortalClientId', { value: this.portalClient.userPoolClientId });
    }
  }
}

function resolveAuth(identity: ApiIdentity, client: UserPoolClient | undefined): ResolvedAuth {
  if (identity.kind === 'oidc') return identity;
  if (!client) throw new Error('A Cognito identity needs the portal client');
  const hostedUi = identity.users.hostedUiUrl;
  return {
    issuer: identity.users.issuer,
    // Cognito access tokens carry the client id as `client_id` (no `aud`): API Gateway and
    // shared/auth.ts both accept it as the audience.
    audience: client.userPoolClientId,
    clientId: client.userPoolClientId,
    authorizeUrl: `${hostedUi}/oauth2/authorize`,
    tokenUrl: `${hostedUi}/oauth2/token`,
    logoutUrl: `${hostedUi}/logout`,
  };
}

const routeKey = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;

/** A rate limit from context, with a burst of twice that. */
function rate(rateLimit: number | undefined): Partial<ThrottleSettings> {
  return rateLimit ? { rateLimit, burstLimit: Math.max(1, Math.ceil(rateLimit * 2)) } : {};
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

/**
 * The portal reads only, but for one write: its sign-in callback records the user in the
 * directory (shared/user/directory.ts). PutItem on items whose partition key is `USER#…`
 * and nothing else (`dynamodb:LeadingKeys`), so a portal bug cannot touch a contest.
 */
function allowDirectoryWrites(fn: ApiFunction, table: ITableV2): void {
  fn.fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['dynamodb:PutItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
    }),
  );
}
