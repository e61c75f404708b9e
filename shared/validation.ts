import type { z } from 'zod';
import { type FieldError, ValidationError } from './errors.ts';
import './i18n.ts';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Validates a value the domain composed (a merged draft, a full rule set): 422 with every field error. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: 'validation.failed' | 'proposal.incomplete' = 'validation.failed',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(code, {}, fieldErrors(result.error));
  return result.data;
}
