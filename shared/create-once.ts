import { type Db, type Key, putIf } from './db.ts';
import { ValidationError } from './errors.ts';
import { canonicalJson, idempotentId, newId, sha256Hex } from './ids.ts';

/** What a create needs to be idempotent: its id and a fingerprint of the request. */
export function creation(scope: string, subject: string, input: unknown, idempotencyKey?: string) {
  return {
    id: idempotencyKey ? idempotentId(scope, subject, idempotencyKey) : newId(),
    requestHash: sha256Hex(canonicalJson(input)),
  };
}

/**
 * Inserts a new item once. The item's own `attribute_not_exists` is the commit point: a retry
 * with the same Idempotency-Key names the same id, finds the first item and gets it back; the
 * same key with a different request (or from someone else) is refused and writes nothing.
 */
export async function insertOnce<T extends { requestHash?: string | undefined }>(
  db: Db,
  entity: T,
  toItem: (entity: T) => Record<string, unknown> & Key,
  reread: () => Promise<T | undefined>,
  sameCaller: (existing: T) => boolean,
): Promise<{ entity: T; created: boolean }> {
  if (await putIf(db, toItem(entity), 'attribute_not_exists(pk)')) return { entity, created: true };
  const existing = await reread();
  if (!existing || !sameCaller(existing) || existing.requestHash !== entity.requestHash) {
    throw new ValidationError('idempotency.mismatch');
  }
  return { entity: existing, created: false };
}
