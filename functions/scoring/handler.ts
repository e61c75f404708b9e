import { handle } from 'hono/aws-lambda';
import { liveDeps } from '../live-deps.ts';
import { createScoringApp } from './app.ts';

export const handler = handle(createScoringApp(liveDeps()));
