import type { Clock } from './clock.ts';
import { type Db, getItem, putIf } from './db.ts';
import { ConflictError, PreconditionFailedError } from './errors.ts';

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

/**
 * Writes the next version of an item read at `previous.version`. The version condition is
 * the commit point: if anyone wrote in between, nothing is written and the caller hears
 * 412 (it sent If-Match) or 409 (it did not).
 */
export async function saveNextVersion<T extends Versioned>(
  db: Db,
  clock: Clock,
  next: T,
  toItem: (entity: T) => Record<string, unknown> & { pk: string; sk: string },
  options: {
    expectedVersion?: IfMatch | undefined;
    /** A further rule this write commits on (e.g. the deadline), with its values. */
    condition?: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
    /** Names the broken rule when the write fails for a reason other than the version. */
    explain?: () => Error | undefined;
  } = {},
): Promise<T> {
  const previousVersion = next.version;
  const saved = { ...next, version: previousVersion + 1, updatedAt: clock.now().toISOString() };
  const condition = ['#version = :previousVersion', options.condition].filter(Boolean).join(' AND ');
  const ok = await putIf(
    db,
    toItem(saved),
    condition,
    { '#version': 'version', ...options.names },
    {
      ':previousVersion': previousVersion,
      ...options.values,
    },
  );
  if (!ok) {
    const cause = options.explain?.();
    if (cause) throw cause;
    if (options.expectedVersion !== undefined) throw new PreconditionFailedError('precondition.failed');
    throw new ConflictError('precondition.failed');
  }
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
