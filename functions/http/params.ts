import { z } from '@hono/zod-openapi';
import { BadRequestError, PreconditionRequiredError } from '../../shared/errors.ts';
import { type IfMatch, parseIfMatch } from '../../shared/versioned.ts';

export const Id = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);
/** A panel member's account id (the token's `sub`, as the user directory keeps it). */
export const JudgeId = z.string().regex(/^[\w@.:-]{1,128}$/);

/** The path parameters of every route under a contest. */
export const ContestParams = z.object({ contestId: Id });

/**
 * The query of a public notice verification (number and verification code, as printed).
 * The code is a secret: a route answering it sets `Cache-Control: no-store`.
 */
export const NoticeVerificationQuery = z.strictObject({
  number: z.string().trim().min(1).max(80),
  code: z.string().trim().min(1).max(40),
});

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  next: z.string().min(1).max(2048).optional(),
});

export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });

/** The page a list route asks the domain for. */
export function pageRequest(query: z.infer<typeof PageQuery>) {
  return { limit: query.limit, cursor: query.next };
}

/** A domain page as the client sees it: each item through the route's view. */
export function pageView<T, V>(page: { items: T[]; next: string | null }, view: (item: T) => V) {
  return { items: page.items.map(view), next: page.next };
}

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,128}$/)
    .optional()
    .openapi({ description: 'Retrying a create with the same key returns the first result.' }),
});

export const IfMatchHeaders = z.object({
  'if-match': z.string().max(1024).optional().openapi({
    description:
      'RFC 9110 §13.1.1: the ETag of your last read (`"3"`), several (`"3", "4"`), or `*` for any current version. A stale one gets 412 and changes nothing.',
  }),
});

/** A stale or missing If-Match is how lost updates are stopped; edits require it (428 without). */
export function requireIfMatch(header: string | undefined): IfMatch {
  const precondition = optionalIfMatch(header);
  if (precondition === undefined) throw new PreconditionRequiredError('precondition.required');
  return precondition;
}

/** An If-Match a route accepts but does not require; 400 when it is not a list of entity tags or `*`. */
export function optionalIfMatch(header: string | undefined): IfMatch | undefined {
  const precondition = parseIfMatch(header);
  if (precondition === null) throw new BadRequestError('precondition.malformed');
  return precondition;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/**
 * A JSON body the route also takes without: a request with no content type passes as `{}`
 * (@hono/zod-openapi's rule for `required: false`); one with a JSON body is validated.
 */
export function optionalJsonBody<T extends z.ZodType>(schema: T) {
  return { required: false, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
