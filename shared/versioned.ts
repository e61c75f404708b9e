import type { AuditNote } from './audit-log.ts';
import type { Clock } from './clock.ts';
import { type Db, getItem } from './db.ts';
import type { Deps } from './deps.ts';
import { ConflictError, PreconditionFailedError } from './errors.ts';
import { commit, type Op, type PutOp } from './transact.ts';

/** Every mutable item carries a version; HTTP shows it as the ETag. */
export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * What an `If-Match` asks (RFC 9110 §13.1.1): a version, any of several (`"7", "3"`), or any
 * current version at all (`*`).
 */
export type IfMatch = number | readonly number[] | '*';

const ENTITY_TAG = /^(?:W\/)?"([^"]*)"$/;

/**
 * Parses an `If-Match` or `If-None-Match` field: `*`, or a comma-separated list of entity
 * tags (`"3"`, `W/"3"`). Returns undefined when absent and null when unreadable. Tags that
 * are not ours (not a version number) can never match, so they are dropped; a list of only
 * such tags is `[]`, which matches nothing (412 for If-Match).
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined | null {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const versions: number[] = [];
  for (const part of value.split(',')) {
    const tag = ENTITY_TAG.exec(part.trim());
    if (!tag) return null;
    if (/^\d{1,9}$/.test(tag[1]!)) versions.push(Number(tag[1]));
  }
  return versions;
}

/** True when `current` satisfies the precondition (weak comparison, as If-None-Match uses). */
export function versionMatches(current: number, expected: IfMatch): boolean {
  if (expected === '*') return true;
  return typeof expected === 'number' ? expected === current : expected.includes(current);
}

/** Refuses a write whose If-Match names none of the versions just read. */
export function assertVersion(current: Versioned, expected: IfMatch | undefined): void {
  if (expected !== undefined && !versionMatches(current.version, expected)) {
    throw new PreconditionFailedError('precondition.failed');
  }
}

type Item = Record<string, unknown> & { pk: string; sk: string };

/**
 * The put that writes the next version of an item read at `next.version`: the version
 * condition (and any further rule on the same item) is its commit point. A failure is 412 when
 * the caller sent If-Match (`expectedVersion`), else 409, unless the version still matches and
 * `explain` names the broken rule from the item as it was.
 */
export function nextVersionPut<T extends Versioned>(
  clock: Clock,
  next: T,
  toItem: (entity: T) => Item,
  options: {
    expectedVersion?: IfMatch | undefined;
    /** A further rule this write commits on (e.g. the proposal's status), with its values. */
    condition?: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
    explain?: (old: Record<string, unknown>) => Error | undefined;
  } = {},
): { op: PutOp; saved: T } {
  const previousVersion = next.version;
  const saved = { ...next, version: previousVersion + 1, updatedAt: clock.now().toISOString() };
  return {
    saved,
    op: {
      kind: 'put',
      item: toItem(saved),
      expression: ['#version = :previousVersion', options.condition].filter(Boolean).join(' AND '),
      names: { '#version': 'version', ...options.names },
      values: { ':previousVersion': previousVersion, ...options.values },
      explain: (old) => {
        if (old && old.version === previousVersion) {
          const cause = options.explain?.(old);
          if (cause) return cause;
        }
        if (options.expectedVersion !== undefined) return new PreconditionFailedError('precondition.failed');
        return new ConflictError('precondition.failed');
      },
    },
  };
}

/**
 * Writes the next version of an item with its audit entry, and any further operations (the
 * phase check) in the same transaction. Errors as nextVersionPut and commit.
 */
export async function saveNextVersion<T extends Versioned>(
  deps: Deps,
  next: T,
  toItem: (entity: T) => Item,
  options: Parameters<typeof nextVersionPut<T>>[3],
  note: AuditNote,
  also: readonly Op[] = [],
): Promise<T> {
  const { op, saved } = nextVersionPut(deps.clock, next, toItem, options);
  await commit(deps, [...also, op], note);
  return saved;
}

export async function readEntity<T>(
  db: Db,
  key: { pk: string; sk: string },
  parse: (item: Record<string, unknown>) => T,
): Promise<T | undefined> {
  const item = await getItem(db, key);
  return item ? parse(item) : undefined;
}
