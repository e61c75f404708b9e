import { handle } from 'hono/aws-lambda';
import { liveDeps } from '../live-deps.ts';
import { createSubmissionsApp } from './app.ts';

export const handler = handle(createSubmissionsApp(liveDeps()));
