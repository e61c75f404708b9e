import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { Env, Hono, Schema } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { Telemetry } from './http/telemetry.ts';

/**
 * Powertools for AWS Lambda, set up once per container: structured JSON logs (service,
 * cold start, Lambda and API Gateway request ids on every line) and business metrics as
 * CloudWatch embedded metric format in the namespace and service the stack sets
 * (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME).
 */
export function powertoolsTelemetry(
  options: { serviceName?: string; namespace?: string } = {},
): Telemetry & { logger: Logger; metrics: Metrics } {
  const logger = new Logger({ serviceName: options.serviceName });
  const metrics = new Metrics({ serviceName: options.serviceName, namespace: options.namespace });
  return {
    logger,
    metrics,
    request: (record) => {
      if (record.status >= 500) logger.error('request failed', { ...record });
      else logger.info('request', { ...record });
    },
    count: (metric, value) => metrics.addMetric(metric, MetricUnit.Count, value),
  };
}

/**
 * The one Lambda entry point every function uses: Hono's adapter between log context set
 * up per invocation and metrics flushed after it.
 */
export function lambdaHandler<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  telemetry: { logger: Logger; metrics: Metrics },
) {
  const handler = handle(app);
  return async (event: LambdaEvent, context: Context) => {
    telemetry.logger.addContext(context);
    telemetry.logger.appendKeys({
      apiRequestId: 'requestId' in event.requestContext ? event.requestContext.requestId : undefined,
    });
    try {
      return await handler(event, context);
    } finally {
      // Most requests count no business event: publishing nothing would only log a warning.
      if (telemetry.metrics.hasStoredMetrics()) telemetry.metrics.publishStoredMetrics();
      telemetry.logger.resetKeys();
    }
  };
}
