import { handle } from 'hono/aws-lambda';
import { liveDeps } from '../live-deps.ts';
import { createAwardsApp } from './app.tsx';

export const handler = handle(createAwardsApp(liveDeps()));
