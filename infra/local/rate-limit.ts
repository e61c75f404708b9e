import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { problemResponse } from '../../functions/http/problem.ts';
import { TooManyRequestsError } from '../../shared/errors.ts';
import { negotiateLocale } from '../../shared/i18n.ts';

const WINDOW_MS = 60_000;

/**
 * At most `perMinute` requests per client address in each minute (hono-rate-limiter's fixed
 * window, kept in memory); the next one gets 429 problem+json with Retry-After, in the
 * client's language. The RateLimit-* headers (IETF draft 6) tell every client where it stands.
 */
export function perClientRateLimit(perMinute: number): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => getConnInfo(c).remote.address ?? 'unknown',
    handler: (c) => {
      const info = c.get('rateLimit') as { resetTime?: Date } | undefined;
      const resetMs = (info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now();
      const seconds = Math.max(1, Math.ceil(resetMs / 1000));
      const error = new TooManyRequestsError('http.tooManyRequests', seconds, { seconds });
      return problemResponse(c, error, negotiateLocale(c.req.header('accept-language')));
    },
  });
}
