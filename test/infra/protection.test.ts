import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REQUESTS_PER_5_MIN } from '../../infra/edge-stack.ts';
import { synth, testProps } from './synth.ts';

let built: ReturnType<typeof synth>;

beforeAll(() => {
  built = synth();
});

describe('the WAF web ACL', () => {
  it('is for CloudFront, so it lives in us-east-1', () => {
    expect(built.stacks.edge.region).toBe('us-east-1');
    built.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
    });
  });

  it('blocks an IP that sends more than the limit in five minutes', () => {
    built.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              AggregateKeyType: 'IP',
              Limit: DEFAULT_REQUESTS_PER_5_MIN,
              EvaluationWindowSec: 300,
            },
          },
        }),
      ]),
    });
  });

  it('takes the per-IP limit from props', () => {
    const strict = synth({ ...testProps, limits: { wafRequestsPer5Min: 200 } });
    strict.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 200 }) } }),
      ]),
    });
  });
});

describe('the CloudFront distribution', () => {
  it('carries the web ACL of the edge stack, read across regions', () => {
    // Act
    const [distribution] = Object.values(built.api.findResources('AWS::CloudFront::Distribution'));
    const webAcl = distribution?.Properties.DistributionConfig.WebACLId;

    // Assess
    expect(webAcl['Fn::GetStackOutput']).toMatchObject({
      StackName: built.stacks.edge.stackName,
      Region: 'us-east-1',
    });
  });

  it('sends everything to the HTTP API over TLS, uncached, redirecting HTTP to HTTPS', () => {
    built.api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: Match.arrayWith(['PUT', 'PATCH', 'POST', 'DELETE']),
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        }),
      }),
    });
  });
});

describe('CORS', () => {
  it('allows only the configured origins', () => {
    built.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://partner.example.org'] }),
    });
  });

  it('is off when no origin is configured (the portal calls its own origin)', () => {
    // Act
    const closed = synth({ ...testProps, allowedOrigins: [] });
    const [api] = Object.values(closed.api.findResources('AWS::ApiGatewayV2::Api'));

    // Assess
    expect(api?.Properties.CorsConfiguration).toBeUndefined();
  });
});
