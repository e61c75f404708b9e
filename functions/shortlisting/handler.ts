import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createShortlistingApp } from './app.ts';

const deps = liveDeps();
export const handler = lambdaHandler(createShortlistingApp(deps), deps.telemetry);
