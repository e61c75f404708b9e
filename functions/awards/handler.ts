import { liveDeps } from '../live-deps.ts';
import { lambdaHandler } from '../powertools.ts';
import { createAwardsApp } from './app.tsx';

const deps = liveDeps();
export const handler = lambdaHandler(createAwardsApp(deps), deps.telemetry);
