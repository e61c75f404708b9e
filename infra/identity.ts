import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  type UserPoolDomain,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ApiFunction } from './function.ts';
import { acknowledge } from './nag.ts';

/** The groups shared/auth.ts maps to roles; everyone else is a resident. */
export const USER_GROUPS = {
  officers: 'Street-office staff who run contests; each carries custom:office',
  judges: 'Members of a review panel',
} as const;

export interface UserDirectoryProps {
  /** The hosted UI's `https://<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
  domainPrefix: string;
}

/**
 * The Cognito user pool: residents and organisations sign themselves up (with a verified
 * e-mail); officers and judges are put in their groups by an administrator (README).
 */
export class UserDirectory extends Construct {
  readonly pool: UserPool;
  readonly domain: UserPoolDomain;
  readonly claimsTrigger: ApiFunction;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);

    this.pool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // Written by administrators only: the portal client may read it, never write it.
      customAttributes: { office: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Essentials (the default plan for new pools) allows access-token customisation, which
      // the office claim needs; its price is per monthly active user (README, cost).
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    acknowledge(this.pool, 'AwsSolutions-COG2', [
      'MFA is optional by design: residents sign up to take part in a neighbourhood contest,',
      'and a required second factor would keep many out; officers are told to turn on TOTP (README).',
    ]);
    acknowledge(this.pool, 'AwsSolutions-COG8', [
      'The Plus plan (threat protection) costs several times Essentials per active user;',
      'WAF rate limits and Cognito’s own sign-in throttling guard the pool at this scale.',
    ]);

    for (const [groupName, description] of Object.entries(USER_GROUPS)) {
      new UserPoolGroup(this, groupName, { userPool: this.pool, groupName, description });
    }

    this.domain = this.pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });

    // At the stack's top level, so the output's key is plainly `UserPoolId`.
    new CfnOutput(Stack.of(this), 'UserPoolId', {
      value: this.pool.userPoolId,
      description: 'The user pool, for creating officers and judges (README)',
    });

    this.claimsTrigger = new ApiFunction(this, 'ClaimsTrigger', { name: 'token-claims', memorySize: 128 });
    this.pool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.claimsTrigger.fn,
      LambdaVersion.V2_0,
    );
  }

  /** The issuer in Cognito's tokens (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
  get issuer(): string {
    return this.pool.userPoolProviderUrl;
  }

  /** The hosted UI's base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  get hostedUiUrl(): string {
    return this.domain.baseUrl();
  }
}

/**
 * The portal's public app client: authorization code with PKCE through the hosted UI, no
 * client secret (the portal function holds none), access tokens for the API.
 */
export function addPortalClient(scope: Construct, users: UserDirectory, portalUrl: string): UserPoolClient {
  return new UserPoolClient(scope, 'PortalClient', {
    userPool: users.pool,
    generateSecret: false,
    authFlows: { userSrp: true },
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [`${portalUrl}/auth/callback`],
      logoutUrls: [`${portalUrl}/`],
    },
    // The office is set by administrators only: a user may change their name and e-mail.
    writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    readAttributes: new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes('office'),
    preventUserExistenceErrors: true,
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(1),
    enableTokenRevocation: true,
  });
}
