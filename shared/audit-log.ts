import { type AuditEntry, chainEntry, checkAnchor, verifyChain } from './audit.ts';
import { type Db, getItem, keyPrefix, putIf, queryAll, queryPage } from './db.ts';
import type { Deps } from './deps.ts';
import { ServiceUnavailableError } from './errors.ts';
import { keys, withoutKeys } from './keys.ts';
import { z } from './zod.ts';

/** Stored entries are parsed, not trusted: a malformed one fails verification loudly. */
const StoredEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  summary: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

const MAX_APPEND_ATTEMPTS = 8;

async function lastEntry(db: Db, contestId: string): Promise<AuditEntry | undefined> {
  const page = await queryPage(db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'AUDIT#'),
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  });
  return page.items[0] ? StoredEntry.parse(withoutKeys(page.items[0])) : undefined;
}

/**
 * Appends to a contest's hash-chained audit trail. The entry's key is its sequence number, so
 * two writers racing for the same place cannot both win: the loser re-reads the head and
 * chains after the winner.
 */
export async function recordAudit(
  deps: Deps,
  contestId: string,
  entry: { actor: string; action: string; subject: string; summary?: Record<string, unknown> },
): Promise<AuditEntry> {
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
    const next = chainEntry(await lastEntry(deps.db, contestId), {
      at: deps.clock.now().toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      summary: entry.summary ?? {},
    });
    if (await putIf(deps.db, { ...keys.audit(contestId, next.seq), ...next }, 'attribute_not_exists(pk)'))
      return next;
  }
  throw new ServiceUnavailableError('http.unavailable');
}

/** Access pattern: a contest's audit trail in order (a key range of its partition). */
export async function readAudit(deps: Deps, contestId: string): Promise<AuditEntry[]> {
  const items = await queryAll(deps.db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'AUDIT#'),
  });
  return items.map((item) => StoredEntry.parse(withoutKeys(item)));
}

/**
 * The chain must link, and once the bundle is locked, still hold the head the locked bundle
 * recorded (which its published SHA-256 covers): that catches a trail cut short or rewritten.
 */
export async function verifyAudit(deps: Deps, contestId: string) {
  const entries = await readAudit(deps, contestId);
  const verdict = verifyChain(entries);
  const locked = await getItem(deps.db, keys.lockedBundle(contestId));
  const anchor = LockedAnchor.safeParse(locked?.content).data?.auditAnchor;
  if (!verdict.ok || !anchor) return verdict;
  const anchored = checkAnchor(entries, anchor);
  return anchored.ok ? verdict : { ok: false as const, brokenAt: anchor.count, problem: anchored.problem };
}

const LockedAnchor = z.object({
  auditAnchor: z.object({ count: z.number().int(), head: z.string() }).optional(),
});
