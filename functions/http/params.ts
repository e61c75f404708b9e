import { z } from '@hono/zod-openapi';
import { BadRequestError, PreconditionRequiredError } from '../../shared/errors.ts';
import { parseIfMatch } from '../../shared/versioned.ts';

export const Id = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);

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
  'if-match': z.string().max(64).optional().openapi({ description: 'The ETag of your last read.' }),
});

/** A stale or missing If-Match is how lost updates are stopped; edits require it. */
export function requireIfMatch(header: string | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) throw new PreconditionRequiredError('precondition.required');
  if (Number.isNaN(version)) throw new BadRequestError('http.badRequest');
  return version;
}

export function optionalIfMatch(header: string | undefined): number | undefined {
  const version = parseIfMatch(header);
  if (Number.isNaN(version)) throw new BadRequestError('http.badRequest');
  return version;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
