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

/** Parses `If-Match: "3"` (or W/"3"); undefined when absent, NaN when unreadable. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}

/** Refuses a write whose If-Match names an older version than the one just read. */
export function assertVersion(current: Versioned, expected: number | undefined): void {
  if (expected !== undefined && expected !== current.version) {
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
    expectedVersion?: number | undefined;
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
