import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synth } from './synth.ts';

let built: ReturnType<typeof synth>;

beforeAll(() => {
  built = synth();
});

describe('the Cognito user pool', () => {
  it('lives in the data stack, retained and deletion-protected', () => {
    built.data.resourceCountIs('AWS::Cognito::UserPool', 1);
    built.data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    built.api.resourceCountIs('AWS::Cognito::UserPool', 0);
  });

  it('lets residents and organisations sign themselves up with a verified e-mail', () => {
    built.data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
    });
  });

  it('requires strong passwords and offers TOTP as an optional second factor', () => {
    built.data.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it("has a custom attribute for the officer's office", () => {
    built.data.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'office', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('has the groups officers and judges', () => {
    // Act
    const groups = Object.values(built.data.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );

    // Assess
    expect(groups.sort()).toEqual(['judges', 'officers']);
  });

  it('puts the office into access tokens through a version-2 pre-token trigger', () => {
    built.data.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolAddOns: Match.absent(),
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
    });
  });

  it('prints its id, for creating the first officer', () => {
    built.data.hasOutput('UserPoolId', { Value: Match.anyValue() });
  });

  it('has a hosted UI domain', () => {
    built.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'micro-venture-test' });
  });
});

describe("the portal's app client", () => {
  it('uses the authorization-code flow through the hosted UI, with no secret (PKCE)', () => {
    built.api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it("calls back to the portal's /auth/callback on its CloudFront domain", () => {
    // Act
    const [client] = Object.values(built.api.findResources('AWS::Cognito::UserPoolClient'));

    // Assess
    const callback = JSON.stringify(client?.Properties.CallbackURLs);
    expect(callback).toContain('/auth/callback');
    expect(callback).toContain('DomainName');
  });

  it('may read the office but never write it', () => {
    // Act
    const [client] = Object.values(built.api.findResources('AWS::Cognito::UserPoolClient'));

    // Assess
    expect(client?.Properties.ReadAttributes).toContain('custom:office');
    expect(client?.Properties.WriteAttributes).not.toContain('custom:office');
    expect(client?.Properties.WriteAttributes).toEqual(expect.arrayContaining(['email', 'name']));
  });
});
