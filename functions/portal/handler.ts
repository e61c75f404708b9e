import { handle } from 'hono/aws-lambda';
import { liveDeps } from '../live-deps.ts';
import { createPortalApp } from './app.ts';

export const handler = handle(createPortalApp(liveDeps()));
