import { Duration } from 'aws-cdk-lib';
import type { HttpApi, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { ApiFunction } from './function.ts';
import { acknowledge } from './nag.ts';

export interface ApiAlarmsProps {
  api: HttpApi;
  stage: HttpStage;
  functions: readonly ApiFunction[];
  table: ITableV2;
  /** Subscribed to the topic; the operator confirms the subscription once by e-mail. */
  email?: string;
}

/** Server errors above this share of requests over five minutes wake someone. */
export const SERVER_ERROR_PERCENT = 5;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What an operator must hear about, sent to one SNS topic: the API answering 5xx, functions
 * failing or throttled, and the table throttling or cancelling transactions on conflicts.
 */
export class ApiAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Micro-Venture alarms', enforceSSL: true });
    acknowledge(this.topic, 'AwsSolutions-SNS2', [
      'Alarm notices carry alarm names and numbers, no personal data; CloudWatch cannot publish',
      'to a topic under the AWS-managed SNS key, and a customer key costs more than the topic.',
    ]);
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);

    const add = (name: string, metric: IMetric, threshold: number, description: string) => {
      const alarm = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };

    const stageMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiId: props.api.apiId, Stage: props.stage.stageName },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    add(
      'ServerErrorRate',
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { errors: stageMetric('5xx'), requests: stageMetric('Count') },
        period: FIVE_MINUTES,
        label: '5xx %',
      }),
      SERVER_ERROR_PERCENT,
      `More than ${SERVER_ERROR_PERCENT}% of API requests answered 5xx`,
    );

    for (const { fn } of props.functions) {
      const name = fn.node.scope?.node.id ?? fn.node.id;
      add(
        `${name}Errors`,
        fn.metricErrors({ period: FIVE_MINUTES }),
        1,
        `${name} function invocations failed`,
      );
      add(
        `${name}Throttles`,
        fn.metricThrottles({ period: FIVE_MINUTES }),
        1,
        `${name} function was throttled`,
      );
    }

    const tableMetric = (metricName: string) =>
      props.table.metric(metricName, { statistic: 'Sum', period: FIVE_MINUTES });
    add(
      'TableThrottles',
      new MathExpression({
        expression: 'reads + writes',
        usingMetrics: {
          reads: tableMetric('ReadThrottleEvents'),
          writes: tableMetric('WriteThrottleEvents'),
        },
        period: FIVE_MINUTES,
        label: 'throttle events',
      }),
      1,
      'The table throttled reads or writes',
    );
    // The product retries a conflicting transaction a few times, then answers 503: a steady
    // stream of conflicts means writers queue on one item, which the design should prevent.
    add(
      'TransactionConflicts',
      tableMetric('TransactionConflict'),
      10,
      'Transactions cancelled by conflicts',
    );
  }
}
