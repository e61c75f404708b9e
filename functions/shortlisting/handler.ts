import { handle } from 'hono/aws-lambda';
import { liveDeps } from '../live-deps.ts';
import { createShortlistingApp } from './app.ts';

export const handler = handle(createShortlistingApp(liveDeps()));
