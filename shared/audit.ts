import { canonicalJson, sha256Hex } from './ids.ts';

/**
 * The audit trail's hash chain, pure: no I/O, no clock. Each entry holds the hash of the entry
 * before it, so editing, deleting, reordering or inserting an entry breaks the chain at that
 * point. What it cannot see on its own: the newest entries cut off (or the tail rewritten and
 * re-hashed), because the shortened chain is still a valid chain. That is caught only against a
 * head hash published earlier (checkAnchor). See docs/awards.md.
 */

/** The previous-hash of entry 1: there is no entry 0. */
export const GENESIS = '0'.repeat(64);

const HEX64 = /^[0-9a-f]{64}$/;

// A type alias, not an interface: it stays assignable to Record<string, unknown>, the shape
// storage reads and writes items in.
export type AuditEntry = {
  /** 1, 2, 3, … with no gaps: the entry's place in the chain (and its key in storage). */
  seq: number;
  /** When, as the UTC ISO string Date#toISOString makes (one spelling per instant). */
  at: string;
  /** Who: the principal's subject, or "system" for the platform itself. */
  actor: string;
  /** What, e.g. "contest.open", "bundle.lock", "notices.issue". */
  action: string;
  /** Which record the change was about, e.g. a contest or proposal id. */
  subject: string;
  /** Before/after summary; JSON data only. */
  summary: Record<string, unknown>;
  /** The hash of entry seq − 1, or GENESIS for entry 1. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every field above. */
  hash: string;
};

export type AuditFields = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export type ChainVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; brokenAt: number; problem: 'hash' | 'link' | 'sequence' };

/**
 * Canonical JSON of JSON data, refusing anything JSON would silently turn into something else:
 * a Date or a Set becomes {}, NaN becomes null, undefined inside an array vanishes. Two
 * different values must never hash alike, and a value read back from storage must hash as it
 * did when written. Object keys whose value is undefined are dropped, as storage drops them.
 */
export function hashableJson(value: unknown): string {
  checkJsonData(value, '$');
  return canonicalJson(value);
}

function checkJsonData(value: unknown, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not JSON`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined) throw new TypeError(`${path}[${index}]: undefined is not JSON`);
      checkJsonData(item, `${path}[${index}]`);
    });
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${path}: a ${proto?.constructor?.name ?? 'non-plain'} object is not JSON data`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) checkJsonData(item, `${path}.${key}`);
    }
    return;
  }
  throw new TypeError(`${path}: a ${typeof value} is not JSON`);
}

/**
 * The hash an entry must carry: SHA-256 of the canonical JSON (keys sorted, no spaces) of
 * {action, actor, at, prevHash, seq, subject, summary}. Anyone can recompute it from the
 * published entries with a few lines in any language. Fields outside the seven (storage keys)
 * are not covered, so the reader takes only these.
 */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, subject, summary, prevHash } = entry;
  return sha256Hex(hashableJson({ seq, at, actor, action, subject, summary, prevHash }));
}

function nonEmpty(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`audit entry: ${name} must be text`);
}

/**
 * The entry that follows prev (or the first entry when prev is undefined). The caller stores it
 * under its seq with a put-if-absent, so two writers racing for the same place cannot both win;
 * the loser reads the new head and chains again.
 */
export function chainEntry(prev: AuditEntry | undefined, fields: AuditFields): AuditEntry {
  if (prev !== undefined && (!Number.isSafeInteger(prev.seq) || prev.seq < 1 || !HEX64.test(prev.hash))) {
    throw new TypeError('audit entry: the previous entry has no valid seq and hash');
  }
  nonEmpty(fields.actor, 'actor');
  nonEmpty(fields.action, 'action');
  nonEmpty(fields.subject, 'subject');
  // One spelling per instant: the same moment written two ways would hash two ways.
  if (typeof fields.at !== 'string' || Number.isNaN(Date.parse(fields.at))) {
    throw new TypeError('audit entry: at must be an ISO instant');
  }
  if (new Date(fields.at).toISOString() !== fields.at) {
    throw new TypeError('audit entry: at must be a UTC ISO string (Date#toISOString)');
  }
  if (typeof fields.summary !== 'object' || fields.summary === null || Array.isArray(fields.summary)) {
    throw new TypeError('audit entry: summary must be an object');
  }
  const body = {
    seq: prev ? prev.seq + 1 : 1,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    subject: fields.subject,
    summary: fields.summary,
    prevHash: prev ? prev.hash : GENESIS,
  };
  return { ...body, hash: entryHash(body) };
}

/**
 * Checks a whole trail, first entry first, and reports the first place it breaks:
 * - `sequence`: the entry at position n (1-based) does not say seq n: an entry was deleted,
 *   inserted or moved, or its seq edited;
 * - `link`: its prevHash is not the hash of the entry before it (GENESIS for the first): an
 *   entry before it was replaced, or this one's prevHash edited;
 * - `hash`: its fields no longer give its hash: the entry was edited.
 * brokenAt is the 1-based position in `entries`. An empty trail is valid, with head GENESIS.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let prevHash = GENESIS;
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    if (entry?.seq !== position) return { ok: false, brokenAt: position, problem: 'sequence' };
    if (entry.prevHash !== prevHash) return { ok: false, brokenAt: position, problem: 'link' };
    let expected: string | undefined;
    try {
      expected = entryHash(entry);
    } catch {
      // A summary that is not JSON data cannot be what was hashed when the entry was written.
      expected = undefined;
    }
    if (expected === undefined || entry.hash !== expected) {
      return { ok: false, brokenAt: position, problem: 'hash' };
    }
    prevHash = entry.hash;
  }
  return { ok: true, count: entries.length, head: prevHash };
}

/** A head published earlier (on a notice, a public page, a signed export): count and hash. */
export interface ChainAnchor {
  count: number;
  head: string;
}

export type AnchorVerdict = { ok: true } | { ok: false; problem: 'truncated' | 'rewritten' };

/**
 * Checks a trail against a head published earlier: the entry at that count must still exist and
 * still carry that hash. This is what catches the newest entries cut off, or a tail rewritten
 * and re-hashed, which verifyChain alone cannot see. Run verifyChain too: an anchor only vouches
 * for the prefix up to it, and only if the chain itself links.
 */
export function checkAnchor(entries: readonly AuditEntry[], anchor: ChainAnchor): AnchorVerdict {
  if (!Number.isSafeInteger(anchor.count) || anchor.count < 0)
    throw new RangeError('anchor count must be ≥ 0');
  if (entries.length < anchor.count) return { ok: false, problem: 'truncated' };
  const head = anchor.count === 0 ? GENESIS : entries[anchor.count - 1]!.hash;
  return head === anchor.head ? { ok: true } : { ok: false, problem: 'rewritten' };
}
