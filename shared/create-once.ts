import type { AuditNote } from './audit-log.ts';
import type { Key } from './db.ts';
import type { Deps } from './deps.ts';
import { ValidationError } from './errors.ts';
import { canonicalJson, idempotentId, newId, sha256Hex } from './ids.ts';
import { AlreadyExists, commit, type Op } from './transact.ts';

/** What a create needs to be idempotent: its id and a fingerprint of the request. */
export function creation(scope: string, subject: string, input: unknown, idempotencyKey?: string) {
  return {
    id: idempotencyKey ? idempotentId(scope, subject, idempotencyKey) : newId(),
    requestHash: sha256Hex(canonicalJson(input)),
  };
}

/** A put that creates its item or fails as AlreadyExists (with the item that was there). */
export function createOp(item: Record<string, unknown> & Key): Op {
  return {
    kind: 'put',
    item,
    expression: 'attribute_not_exists(pk)',
    explain: (old) => new AlreadyExists(old),
  };
}

/**
 * Inserts a new item once, with its audit entry and any further conditions (the phase) in one
 * transaction. The item's own `attribute_not_exists` is the commit point: a retry with the same
 * Idempotency-Key names the same id, finds the first item and gets it back; the same key with
 * a different request (or from someone else) is refused (422) and writes nothing.
 */
export async function insertOnce<T extends { requestHash?: string | undefined }>(
  deps: Deps,
  entity: T,
  toItem: (entity: T) => Record<string, unknown> & Key,
  reread: () => Promise<T | undefined>,
  sameCaller: (existing: T) => boolean,
  note: AuditNote,
  also: readonly Op[] = [],
): Promise<{ entity: T; created: boolean }> {
  try {
    await commit(deps, [createOp(toItem(entity)), ...also], note);
    return { entity, created: true };
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
  }
  const existing = await reread();
  if (!existing || !sameCaller(existing) || existing.requestHash !== entity.requestHash) {
    throw new ValidationError('idempotency.mismatch');
  }
  return { entity: existing, created: false };
}

/** What every office's draft carries besides its own fields (a contest, a procurement). */
export interface DraftFields {
  id: string;
  requestHash?: string | undefined;
  officeId: string;
  officeName: string;
  /** `draft` when created. */
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

/**
 * Creates an office's draft of `kind` (`contest`, `procurement`) by its officer, once: `fields`
 * (its rules, checked by the caller) with what every draft carries (its id, from the
 * Idempotency-Key or new; the request's fingerprint; the office; `draft` at version 1; who and
 * when), inserted with its audit entry (`<kind>.create`, plus `summary`) and `also` in one
 * transaction (insertOnce: a retry by the same officer with the same key and body gets the first
 * draft back, `created: false`; another body or caller with that key is 422).
 */
export function createDraftOnce<T extends DraftFields>(
  deps: Deps,
  kind: 'contest' | 'procurement',
  by: { sub: string; office: { id: string; name: string } },
  fields: Omit<T, keyof DraftFields>,
  request: { input: unknown; idempotencyKey?: string | undefined },
  store: {
    toItem: (entity: T) => Record<string, unknown> & Key;
    get: (id: string) => Promise<T | undefined>;
  },
  extra: { summary?: Record<string, unknown>; also?: readonly Op[] } = {},
): Promise<{ entity: T; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const draft = {
    ...fields,
    ...creation(kind, by.sub, request.input, request.idempotencyKey),
    officeId: by.office.id,
    officeName: by.office.name,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: by.sub,
  } as T;
  return insertOnce(
    deps,
    draft,
    store.toItem,
    () => store.get(draft.id),
    (existing) => existing.createdBy === by.sub,
    {
      trail: draft.id,
      actor: by.sub,
      action: `${kind}.create`,
      subject: draft.id,
      ...(extra.summary ? { summary: extra.summary } : {}),
    },
    extra.also ?? [],
  );
}
