import { z } from '@hono/zod-openapi';
import type { ItemOutcome } from '../../shared/bulk.ts';
import type { Locale } from '../../shared/i18n.ts';
import { ProblemSchema } from './app.ts';
import { problemOf } from './problem.ts';

/**
 * A bulk request's answer (200): one result per item, in the request's order, each with its
 * own status: 200 and the item as saved, or the refusal's status and its problem (RFC 9457),
 * as the single-item route would have answered it; and how many succeeded and failed.
 */
export function BulkOut<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      succeeded: z.number().int(),
      failed: z.number().int(),
      results: z.array(
        z.object({
          id: z.string(),
          status: z.number().int(),
          item: item.optional(),
          problem: ProblemSchema.optional(),
        }),
      ),
    })
    .openapi(name);
}

/** The outcomes of shared/bulk.ts as BulkOut, the item shown by `view`. */
export function bulkResults<T, V>(
  ids: readonly string[],
  outcomes: readonly ItemOutcome<T>[],
  view: (value: T) => V,
  locale: Locale,
) {
  const results = outcomes.map((outcome, i) =>
    outcome.ok
      ? { id: ids[i]!, status: 200, item: view(outcome.value) }
      : { id: ids[i]!, status: outcome.error.status, problem: problemOf(outcome.error, locale) },
  );
  const succeeded = results.filter((r) => r.status === 200).length;
  return { succeeded, failed: results.length - succeeded, results };
}
