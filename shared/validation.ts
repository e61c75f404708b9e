import { type FieldError, ValidationError } from './errors.ts';
import type { z } from './zod.ts';
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

/** The fields of `value` that an object schema declares (e.g. a contest's rules out of the stored contest). */
export function pickShape<S extends z.ZodObject>(
  schema: S,
  value: Partial<Record<keyof S['shape'], unknown>>,
): Partial<z.input<S>> {
  return Object.fromEntries(
    Object.keys(schema.shape)
      .filter((field) => value[field as keyof S['shape']] !== undefined)
      .map((field) => [field, value[field as keyof S['shape']]]),
  ) as Partial<z.input<S>>;
}
