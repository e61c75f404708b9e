import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createSubmissionsApp } from './app.ts';

const deps = liveDeps();
export const handler = lambdaHandler(createSubmissionsApp(deps), deps.telemetry);
