import type { MessageCode } from './i18n.ts';

export interface FieldError {
  /** Dotted path into the request, e.g. `budgetLines.2.amountFen`. */
  path: string;
  /** A message code, or a zod message packed by `shared/i18n`. */
  message: string;
  params?: Record<string, string | number>;
}

type Params = Record<string, string | number>;

/**
 * A failure a client can act on. Each subclass fixes the HTTP status class; the code picks
 * the human message (zh-CN or en) and stays stable for programs that read it.
 */
export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;
  constructor(
    readonly code: MessageCode,
    readonly params: Params = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
}
export class ValidationError extends AppError {
  readonly status = 422;
}
export class UnauthorizedError extends AppError {
  readonly status = 401;
}
export class ForbiddenError extends AppError {
  readonly status = 403;
}
export class NotFoundError extends AppError {
  readonly status = 404;
}
/** A known path asked with a method it does not have; `allow` lists the ones it has. */
export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  constructor(
    method: string,
    readonly allow: readonly string[],
  ) {
    super('http.methodNotAllowed', { method, allowed: allow.join(', ') });
  }
}
export class ConflictError extends AppError {
  readonly status = 409;
}
export class PreconditionFailedError extends AppError {
  readonly status = 412;
}
export class PreconditionRequiredError extends AppError {
  readonly status = 428;
}
export class PayloadTooLargeError extends AppError {
  readonly status = 413;
}
export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
}
/**
 * Too many requests from one client (retry after `retryAfterSeconds`), or a principal's quota
 * reached (a hard limit: no `retryAfterSeconds`, retrying does not help; see shared/quota.ts).
 */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(
    code: MessageCode,
    readonly retryAfterSeconds: number | undefined,
    params: Params = {},
  ) {
    super(code, params);
  }
}
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
}
