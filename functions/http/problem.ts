import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { toServiceError } from '../../shared/db.ts';
import {
  AppError,
  BadRequestError,
  ForbiddenError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
} from '../../shared/errors.ts';
import { isMessageCode, issueMessage, type Locale, problemTitle, t } from '../../shared/i18n.ts';

/** The largest request body any route accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
}

const RETRY_AFTER_SECONDS = '2';

/** The problem (RFC 9457) an AppError is, in the reader's language. */
export function problemOf(error: AppError, locale: Locale): Problem {
  const detail = t(locale, error.code, error.params);
  const problem: Problem = {
    type: `urn:micro-venture:problem:${error.code}`,
    title: problemTitle(locale, error.code, error.status),
    status: error.status,
    detail,
    code: error.code,
  };
  if (error.fieldErrors.length > 0) {
    problem.errors = error.fieldErrors.map((field) => ({
      path: field.path,
      message: isMessageCode(field.message)
        ? t(locale, field.message, field.params)
        : issueMessage(field.message, locale),
    }));
  }
  return problem;
}

/** Hono's own exceptions (a broken JSON body, a wrong content type) become the same problems. */
function fromHttpException(error: HTTPException): AppError {
  if (error.status === 415) return new UnsupportedMediaTypeError('http.unsupportedMediaType');
  if (error.status === 413)
    return new PayloadTooLargeError('http.payloadTooLarge', { limit: MAX_BODY_BYTES });
  if (error.status === 403) return new ForbiddenError('http.forbidden');
  return new BadRequestError(/json/i.test(error.message) ? 'http.malformedJson' : 'http.badRequest');
}

/** The one error-to-HTTP mapping every app uses. Anything unexpected is a 500 and is logged. */
export function problemResponse(c: Context, error: unknown, locale: Locale): Response {
  let appError: AppError | undefined;
  const known = toServiceError(error);
  if (known instanceof AppError) appError = known;
  else if (error instanceof HTTPException && error.status < 500) appError = fromHttpException(error);
  if (!appError) {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'unhandled',
        error: String(error),
        stack: (error as Error)?.stack,
      }),
    );
    const problem: Problem = {
      type: 'urn:micro-venture:problem:http.internal',
      title: t(locale, 'http.internal'),
      status: 500,
      detail: t(locale, 'http.internal'),
      code: 'http.internal',
    };
    return c.body(JSON.stringify(problem), 500, { 'content-type': 'application/problem+json' });
  }
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (appError.status === 503) headers['retry-after'] = RETRY_AFTER_SECONDS;
  if (appError instanceof TooManyRequestsError && appError.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(appError.retryAfterSeconds);
  if (appError instanceof MethodNotAllowedError) headers.allow = appError.allow.join(', ');
  if (appError.status === 401) headers['www-authenticate'] = 'Bearer';
  return c.body(JSON.stringify(problemOf(appError, locale)), appError.status, headers);
}
