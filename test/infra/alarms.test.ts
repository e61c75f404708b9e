import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/route-table.ts';
import { synth, testProps } from './synth.ts';

let built: ReturnType<typeof synth>;
let alarms: Record<string, any>[];

beforeAll(() => {
  built = synth();
  alarms = Object.values(built.api.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
});

const topicRef = () => ({
  Ref: built.stacks.api.getLogicalId(built.stacks.api.alarms.topic.node.defaultChild as never),
});
const metricsOf = (alarm: Record<string, any>): string[] =>
  alarm.MetricName
    ? [alarm.MetricName]
    : alarm.Metrics.flatMap((m: any) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : []));

describe('the alarms', () => {
  it('go to one SNS topic that only takes TLS, with the alarm e-mail subscribed', () => {
    built.api.resourceCountIs('AWS::SNS::Topic', 1);
    built.api.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: testProps.alarmEmail,
    });
    built.api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, alarm.AlarmDescription).toEqual([topicRef()]);
    }
  });

  it('watch the share of API requests answered 5xx', () => {
    // Act
    const rate = alarms.find((alarm) => alarm.Metrics && metricsOf(alarm).includes('5xx'));

    // Assess
    expect(metricsOf(rate ?? {})).toEqual(['5xx', 'Count']);
    expect(rate?.Threshold).toBe(5);
  });

  it('watch errors and throttles of every function and of the audit sealer', () => {
    for (const name of ['Errors', 'Throttles']) {
      const watched = alarms.filter((alarm) => alarm.MetricName === name && alarm.Namespace === 'AWS/Lambda');
      expect(watched, name).toHaveLength(FUNCTIONS.length + 1);
    }
  });

  it('watch the table for throttling and transaction conflicts', () => {
    // Act
    const tableMetrics = alarms.flatMap(metricsOf);

    // Assess
    expect(tableMetrics).toEqual(
      expect.arrayContaining(['ReadThrottleEvents', 'WriteThrottleEvents', 'TransactionConflict']),
    );
  });
});
