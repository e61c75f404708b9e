import { systemClock } from '../../shared/clock.ts';
import { loadSealerConfig } from '../../shared/config.ts';
import { createDb } from '../../shared/db.ts';
import { scheduledSealer } from './sealer.ts';

/** The sealer's Lambda, invoked by an EventBridge schedule (infra/api-stack.ts); wired once per container. */
const config = loadSealerConfig();
export const handler = scheduledSealer({
  db: createDb({
    tableName: config.TABLE_NAME,
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  }),
  clock: systemClock,
});
