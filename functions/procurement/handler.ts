import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createProcurementApp } from './app.ts';

const deps = liveDeps();
export const handler = lambdaHandler(createProcurementApp(deps), deps.telemetry);
