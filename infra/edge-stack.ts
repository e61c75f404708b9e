import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Per client IP, over WAF's 5-minute window: far above a person's use, far below a flood. */
export const DEFAULT_REQUESTS_PER_5_MIN = 1000;

export interface EdgeStackProps extends StackProps {
  requestsPer5MinPerIp?: number;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * The web ACL in front of the API. An HTTP API cannot take a WAF web ACL, so it sits on the
 * CloudFront distribution in front of the API, and a web ACL for CloudFront must live in
 * us-east-1: hence a stack of its own there (docs/deploy.md says why not a REST API).
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('MicroVentureWebAcl'),
      rules: [
        {
          name: 'RatePerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: props.requestsPer5MinPerIp ?? DEFAULT_REQUESTS_PER_5_MIN,
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
        {
          name: 'CommonRules',
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Proposals carry long texts and a body of up to the app's own limit: the
              // app enforces that size, so WAF's 8 KB body rule would only refuse real work.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('CommonRules'),
        },
        {
          name: 'KnownBadInputs',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
          },
          visibilityConfig: visibility('KnownBadInputs'),
        },
      ],
    });
  }
}
