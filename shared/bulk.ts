import { toServiceError } from './db.ts';
import { AppError } from './errors.ts';

/** What happened to one item of a bulk request: its result, or the refusal that stopped it alone. */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Runs `work` for every item on its own, a few at a time: each item is its own atomic change
 * (its transaction, its phase condition, its audit entry), so one refusal neither undoes nor
 * blocks another. Outcomes come back in the items' order; a refusal (any AppError, a database
 * fault mapped to 503) is that item's outcome. Anything else is a bug and is thrown.
 */
export async function eachOnItsOwn<I, T>(
  items: readonly I[],
  work: (item: I) => Promise<T>,
  concurrency = 4,
): Promise<ItemOutcome<T>[]> {
  const outcomes: ItemOutcome<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        outcomes[i] = { ok: true, value: await work(items[i]!) };
      } catch (error) {
        const known = toServiceError(error);
        if (!(known instanceof AppError)) throw error;
        outcomes[i] = { ok: false, error: known };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return outcomes;
}
