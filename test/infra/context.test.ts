import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION, propsFromContext } from '../../infra/context.ts';

describe('the deployment context', () => {
  it('has defaults for everything, so synth needs no context', () => {
    // Act
    const props = propsFromContext({});

    // Assess
    expect(props).toMatchObject({
      stage: 'dev',
      env: { region: DEFAULT_REGION },
      allowedOrigins: [],
      identity: { kind: 'cognito', domainPrefix: 'micro-venture-dev' },
    });
    expect(props.alarmEmail).toBeUndefined();
  });

  it('takes the region from context before the CLI profile', () => {
    expect(propsFromContext({ region: 'cn-north-1' }, { region: 'eu-west-1' }).env.region).toBe('cn-north-1');
    expect(propsFromContext({}, { region: 'eu-west-1', account: '123456789012' }).env).toEqual({
      region: 'eu-west-1',
      account: '123456789012',
    });
  });

  it('reads allowed origins as a comma-separated string or a list', () => {
    expect(
      propsFromContext({ allowedOrigins: 'https://a.example.org, https://b.example.org:8443' })
        .allowedOrigins,
    ).toEqual(['https://a.example.org', 'https://b.example.org:8443']);
    expect(propsFromContext({ allowedOrigins: ['https://a.example.org'] }).allowedOrigins).toEqual([
      'https://a.example.org',
    ]);
  });

  it('names each bad key: an origin with a path, a malformed e-mail, a bad stage', () => {
    // Act
    const attempt = () =>
      propsFromContext({ allowedOrigins: 'https://a.example.org/app', alarmEmail: 'nobody', stage: '1st' });

    // Assess
    expect(attempt).toThrow(/allowedOrigins/);
    expect(attempt).toThrow(/alarmEmail/);
    expect(attempt).toThrow(/stage/);
  });

  it('switches to another OIDC issuer when authIssuer is given, and requires its endpoints', () => {
    // Prepare
    const oidc = {
      authIssuer: 'https://login.example.org/realms/mv',
      authAudience: 'micro-venture',
      authClientId: 'portal',
      authAuthorizeUrl: 'https://login.example.org/realms/mv/auth',
      authTokenUrl: 'https://login.example.org/realms/mv/token',
    };

    // Act
    const props = propsFromContext(oidc);

    // Assess
    expect(props.identity).toEqual({
      kind: 'oidc',
      issuer: oidc.authIssuer,
      audience: 'micro-venture',
      clientId: 'portal',
      authorizeUrl: oidc.authAuthorizeUrl,
      tokenUrl: oidc.authTokenUrl,
      jwksUrl: undefined,
      logoutUrl: undefined,
    });
    expect(() => propsFromContext({ authIssuer: oidc.authIssuer })).toThrow(/authTokenUrl/);
  });

  it('refuses a Cognito domain prefix Cognito would refuse', () => {
    expect(() => propsFromContext({ cognitoDomainPrefix: 'my-cognito-login' })).toThrow(
      /cognitoDomainPrefix/,
    );
  });
});
