import { createHash, randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid's default generator asks the CSPRNG for one byte per character (16 calls an id); this
 * one draws the same bytes from a pool refilled 4 KB at a time: the same randomness, one call
 * per 256 ids (the default's calls were 4 % of a team create's CPU in a profile of
 * `npm run bench -- speed`).
 */
const pool = new Uint8Array(4096);
let drawn = pool.length;
function pooledRandom(): number {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 256;
}

/** Monotonic: two ids made in the same millisecond still sort in the order they were made. */
const ulid = monotonicFactory(pooledRandom);

/** Sortable ids (ULID): creation order is key order. */
export function newId(): string {
  return ulid();
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id an idempotent create gets: the same caller, operation and Idempotency-Key always
 * name the same item, so a retried create finds the first one instead of making a second.
 */
export function idempotentId(scope: string, subject: string, key: string): string {
  const digest = createHash('sha256').update(`${scope}\u0000${subject}\u0000${key}`).digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += CROCKFORD[digest[i]! % 32];
  return id;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Key order does not change a request's meaning, so hashes are taken over canonical JSON. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
