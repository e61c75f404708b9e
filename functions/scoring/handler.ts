import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createScoringApp } from './app.ts';

const deps = liveDeps();
export const handler = lambdaHandler(createScoringApp(deps), deps.telemetry);
