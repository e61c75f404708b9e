import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createPortalApp } from './app.ts';

const deps = liveDeps();
export const handler = lambdaHandler(createPortalApp(deps), deps.telemetry);
