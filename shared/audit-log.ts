import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { decodeTime, monotonicFactory } from 'ulid';
import {
  type AuditEntry,
  type ChainVerdict,
  chainEntry,
  checkAnchor,
  GENESIS,
  verifyChain,
} from './audit.ts';
import {
  getItem,
  isConditionFailed,
  keyPrefix,
  queryAll,
  queryPage,
  toServiceError,
  updateIf,
} from './db.ts';
import type { Deps } from './deps.ts';
import { ServiceUnavailableError } from './errors.ts';
import { ENTITY, keys, withoutKeys } from './keys.ts';
import type { CheckOp } from './transact.ts';
import { z } from './zod.ts';

/**
 * The audit trail, built the way Certificate Transparency builds its log: every state change
 * appends its entry in the same transaction as the change, under a fresh sortable id (a ULID),
 * so concurrent writers never queue on one head item; a sealing step then chains the entries in
 * key order (seq, prevHash, hash) and moves the trail's head. It is idempotent and resumable,
 * and runs whenever the trail is read or verified and before every publication (publish, lock,
 * notices), which record the head they saw: the anchors. See docs/data-model.md.
 */

/** What a change says about itself; `trail` is the contest (or team) the trail belongs to. */
export interface AuditNote {
  trail: string;
  actor: string;
  action: string;
  subject: string;
  summary?: Record<string, unknown>;
}

/** The one audit entry schema: as appended, then as sealed (seq, prevHash, hash, sealedAt). */
export const StoredAuditEntry = z.object({
  id: z.string(),
  trail: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  summary: z.record(z.string(), z.unknown()),
  seq: z.number().int().optional(),
  prevHash: z.string().optional(),
  hash: z.string().optional(),
  sealedAt: z.string().optional(),
});
export type StoredAuditEntry = z.infer<typeof StoredAuditEntry>;
export type SealedEntry = AuditEntry & { id: string };

const AuditHead = z.object({
  /** Entries with an id up to this one can no longer be written: the seal in progress. */
  fence: z.string().optional(),
  /** The last entry chained, its place and hash. */
  sealedThrough: z.string().optional(),
  count: z.number().int().default(0),
  head: z.string().default(GENESIS),
  sealedAt: z.string().optional(),
});
type AuditHead = z.infer<typeof AuditHead>;

const ulid = monotonicFactory();

/** A fresh entry id, later than `floor` (a seal's fence) when one is given. */
export function newAuditId(floor?: string): string {
  const floorTime = floor ? decodeTime(floor) + 1 : 0;
  return ulid(Math.max(Date.now(), floorTime));
}

export function auditEntryItem(note: AuditNote, id: string, at: string) {
  return {
    ...keys.auditEntry(note.trail, id),
    ...keys.unsealedEntry(note.trail, id),
    entityType: ENTITY.auditEntry,
    id,
    trail: note.trail,
    at,
    actor: note.actor,
    action: note.action,
    subject: note.subject,
    summary: note.summary ?? {},
  };
}

/** Every change's transaction checks its entry lands after the trail's seal fence. */
export function auditFenceCheck(trail: string, id: string): CheckOp {
  return {
    kind: 'check',
    key: keys.auditHead(trail),
    expression: 'attribute_not_exists(fence) OR fence < :auditId',
    values: { ':auditId': id },
  };
}

async function readHead(deps: Pick<Deps, 'db'>, trail: string): Promise<AuditHead> {
  return AuditHead.parse(withoutKeys((await getItem(deps.db, keys.auditHead(trail))) ?? {}));
}

async function readEntries(deps: Pick<Deps, 'db'>, trail: string, after?: string, through?: string) {
  const { pk, sk } = keys.auditEntry(trail, '');
  const input =
    after === undefined && through === undefined
      ? keyPrefix(pk, sk)
      : {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':from': `${sk}${after ?? ''}!`,
            ':to': `${sk}${through ?? '~'}`,
          },
        };
  const items = await queryAll(deps.db, { ...input, ConsistentRead: true });
  return items.map((item) => StoredAuditEntry.parse(withoutKeys(item)));
}

const SEAL_BATCH = 90;
const MAX_SEAL_ROUNDS = 50;

/**
 * Seals every entry written so far: sets a fence (no entry at or below it can commit any more:
 * each change checks the fence in its own transaction), reads the entries up to the fence, and
 * chains them in key order, in batches of one transaction each that moves the head on
 * condition it has not moved. Idempotent (a second run finds nothing to seal) and resumable (a
 * crash between batches leaves a valid shorter chain; the next run goes on from its head).
 * Returns the head: how many entries are chained and the last hash.
 */
export async function sealAudit(
  deps: Pick<Deps, 'db' | 'clock'>,
  trail: string,
): Promise<{ count: number; head: string }> {
  for (let round = 0; round < MAX_SEAL_ROUNDS; round++) {
    const head = await readHead(deps, trail);
    // Nothing new: no fence, so a reader never makes a writer retry.
    if ((await readEntries(deps, trail, head.sealedThrough)).length === 0) return head;
    const fence = await raiseFence(deps, trail, head);
    const pending = await readEntries(deps, trail, head.sealedThrough, fence);
    if (pending.length === 0) return { count: head.count, head: head.head };
    const batch = pending.slice(0, SEAL_BATCH);
    if ((await writeSeal(deps, trail, head, batch)) && pending.length <= SEAL_BATCH) {
      return readHead(deps, trail);
    }
  }
  throw new ServiceUnavailableError('http.unavailable');
}

/** Moves the fence to now (never back); returns the fence in force. */
async function raiseFence(deps: Pick<Deps, 'db'>, trail: string, head: AuditHead): Promise<string> {
  const fence = newAuditId(head.fence);
  const updated = await updateIf(deps.db, {
    Key: keys.auditHead(trail),
    UpdateExpression: 'SET fence = :fence, entityType = :type',
    ConditionExpression: 'attribute_not_exists(fence) OR fence < :fence',
    ExpressionAttributeValues: { ':fence': fence, ':type': ENTITY.auditHead },
  });
  return updated ? fence : ((await readHead(deps, trail)).fence ?? fence);
}

/** One batch: the entries get their place in the chain and the head moves, or nothing does. */
async function writeSeal(
  deps: Pick<Deps, 'db' | 'clock'>,
  trail: string,
  head: AuditHead,
  batch: StoredAuditEntry[],
) {
  const sealedAt = deps.clock.now().toISOString();
  let prev: AuditEntry | undefined =
    head.count > 0 ? { ...placeholder, seq: head.count, hash: head.head } : undefined;
  const updates = batch.map((entry) => {
    const chained = chainEntry(prev, entry);
    prev = chained;
    return {
      Update: {
        TableName: deps.db.tableName,
        Key: keys.auditEntry(trail, entry.id),
        // Out of the unsealed-entries index (gsi2) in the same write that chains it.
        UpdateExpression:
          'SET seq = :seq, prevHash = :prev, #hash = :hash, sealedAt = :at REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(seq)',
        ExpressionAttributeNames: { '#hash': 'hash' },
        ExpressionAttributeValues: {
          ':seq': chained.seq,
          ':prev': chained.prevHash,
          ':hash': chained.hash,
          ':at': sealedAt,
        },
      },
    };
  });
  const last = batch.at(-1)!;
  const headUpdate = {
    Update: {
      TableName: deps.db.tableName,
      Key: keys.auditHead(trail),
      UpdateExpression: 'SET #count = :count, #head = :head, sealedThrough = :through, sealedAt = :at',
      ConditionExpression:
        head.count === 0 ? 'attribute_not_exists(#count) OR #count = :zero' : '#count = :previous',
      ExpressionAttributeNames: { '#count': 'count', '#head': 'head' },
      ExpressionAttributeValues: {
        ':count': prev!.seq,
        ':head': prev!.hash,
        ':through': last.id,
        ':at': sealedAt,
        ...(head.count === 0 ? { ':zero': 0 } : { ':previous': head.count }),
      },
    },
  };
  try {
    await deps.db.doc.send(new TransactWriteCommand({ TransactItems: [headUpdate, ...updates] }));
    return true;
  } catch (error) {
    // Another sealer moved the head first (or a conflict): read again and go on from there.
    if (error instanceof Error && error.name === 'TransactionCanceledException') return false;
    if (isConditionFailed(error)) return false;
    throw toServiceError(error);
  }
}

/** How many trails one scheduled run seals at most; the next run goes on with the rest. */
const SEALER_MAX_TRAILS = 200;

/**
 * The scheduled sealer's run (functions/audit-sealer, every minute on AWS; every minute under
 * `npm start`): finds each trail with unsealed entries through the sparse gsi2 index
 * (`UNSEALED`, sorted by trail), one Query per trail that skips past the trail's keys, and seals
 * it. So the delay until an entry is chained is bounded by the schedule, not by the next read,
 * publication or verification. Idempotent and resumable like `sealAudit`; the index is
 * eventually consistent, so an entry written during a run is sealed by the next. Returns the
 * trails sealed.
 */
export async function sealPendingTrails(deps: Pick<Deps, 'db' | 'clock'>): Promise<string[]> {
  const sealed: string[] = [];
  let after: string | undefined;
  const { gsi2pk } = keys.unsealedEntry('', '');
  while (sealed.length < SEALER_MAX_TRAILS) {
    const found = await queryPage(deps.db, {
      IndexName: 'gsi2',
      KeyConditionExpression: after === undefined ? 'gsi2pk = :pk' : 'gsi2pk = :pk AND gsi2sk > :after',
      ExpressionAttributeValues: { ':pk': gsi2pk, ...(after === undefined ? {} : { ':after': after }) },
      Limit: 1,
    });
    const entry = found.items[0];
    if (!entry) break;
    const trail = String(entry.trail);
    await sealAudit(deps, trail);
    sealed.push(trail);
    // Past every key of this trail: `#` then a ULID sorts below `#~`.
    after = `${trail}#~`;
  }
  return sealed;
}

const placeholder: AuditEntry = {
  seq: 1,
  at: '',
  actor: '',
  action: '',
  subject: '',
  summary: {},
  prevHash: GENESIS,
  hash: GENESIS,
};

function asChained(entry: StoredAuditEntry): SealedEntry {
  return {
    id: entry.id,
    seq: entry.seq!,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    summary: entry.summary,
    prevHash: entry.prevHash!,
    hash: entry.hash!,
  };
}

/** Access pattern: a trail in order, sealed first (a key range of the trail's own partition). */
export async function readAudit(deps: Deps, trail: string): Promise<SealedEntry[]> {
  await sealAudit(deps, trail);
  const entries = await readEntries(deps, trail);
  return entries.filter((e) => e.seq !== undefined).map(asChained);
}

/** Where a trail's head was recorded in something the public sees. */
export interface Anchor {
  count: number;
  head: string;
}

export type AuditVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; brokenAt: number; problem: string };

/**
 * Verifies a trail: the chain links (verifyChain), the chain follows key order, the head item
 * agrees with the chain's end, no entry appeared behind a seal (an unchained entry at or below
 * the last sealed id), and every anchor given (publicity, the locked bundle, notices) is a
 * prefix of the chain. Seals first, so what is verified is everything written so far.
 */
export async function verifyTrail(deps: Deps, trail: string, anchors: Anchor[]): Promise<AuditVerdict> {
  await sealAudit(deps, trail);
  const [head, entries] = await Promise.all([readHead(deps, trail), readEntries(deps, trail)]);
  const sealed = entries.filter((e) => e.seq !== undefined);
  const chain = [...sealed].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(asChained);
  const verdict: ChainVerdict = verifyChain(chain);
  if (!verdict.ok) return verdict;
  // Key order is chain order: an entry moved in the chain shows here even if re-hashed.
  const outOfOrder = sealed.findIndex((e, i) => e.seq !== i + 1);
  if (outOfOrder >= 0) return { ok: false, brokenAt: outOfOrder + 1, problem: 'order' };
  const behind = entries.find((e) => e.seq === undefined && e.id <= (head.sealedThrough ?? ''));
  if (behind) return { ok: false, brokenAt: verdict.count + 1, problem: 'behind-seal' };
  for (const anchor of anchors) {
    const anchored = checkAnchor(chain, anchor);
    if (!anchored.ok) return { ok: false, brokenAt: anchor.count, problem: anchored.problem };
  }
  if (head.count !== verdict.count || head.head !== verdict.head) {
    return { ok: false, brokenAt: Math.min(head.count, verdict.count) + 1, problem: 'head' };
  }
  return verdict;
}

const Anchored = z.object({
  auditAnchor: z.object({ count: z.number().int(), head: z.string() }).optional(),
});
const LockedAnchored = z.object({ content: Anchored.optional() });

/**
 * A contest's trail, verified against every anchor the public has seen: the publicity
 * record's, the locked bundle's and the notices'. A trail cut short or rewritten up to any of
 * them fails, which the chain alone cannot show.
 */
export async function verifyAudit(deps: Deps, contestId: string): Promise<AuditVerdict> {
  const [publicity, locked, notices] = await Promise.all([
    getItem(deps.db, keys.publicity(contestId)),
    getItem(deps.db, keys.lockedBundle(contestId)),
    queryAll(deps.db, keyPrefix(keys.contestPartition(contestId).pk, keys.notice(contestId, '').sk)),
  ]);
  const anchors = [
    Anchored.safeParse(publicity).data?.auditAnchor,
    LockedAnchored.safeParse(locked).data?.content?.auditAnchor,
    ...notices.map((notice) => Anchored.safeParse(notice).data?.auditAnchor),
  ].filter((anchor): anchor is Anchor => anchor !== undefined);
  const distinct = [...new Map(anchors.map((a) => [`${a.count}:${a.head}`, a])).values()];
  return verifyTrail(deps, contestId, distinct);
}
