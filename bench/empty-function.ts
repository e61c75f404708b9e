import { createFunctionApp } from '../functions/http/app.ts';
import { liveDeps } from '../functions/live-deps.ts';
import { lambdaHandler } from '../functions/powertools.ts';

/**
 * A step of bench/bundles.ts between the minimal handler and a function: a function's whole
 * wiring (configuration, DynamoDB, Powertools, the app's middleware, auth, locale, problem
 * and error pages) with no route of its own. What every function carries whatever its routes.
 */
const deps = liveDeps();
export const handler = lambdaHandler(createFunctionApp(deps), deps.telemetry);
