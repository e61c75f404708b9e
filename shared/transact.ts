import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type AuditNote, auditEntryItem, auditFenceCheck, newAuditId } from './audit-log.ts';
import { type Key, toServiceError } from './db.ts';
import type { Deps } from './deps.ts';
import { ConflictError, ServiceUnavailableError } from './errors.ts';

type Item = Record<string, unknown>;

/** A condition on an item, and what its failure means, read from the item as it was. */
interface Conditioned {
  expression?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** The error a failed condition becomes; `old` is the item before (undefined if absent). */
  explain?: (old: Item | undefined) => Error | undefined;
}

export interface PutOp extends Conditioned {
  kind: 'put';
  item: Item & Key;
}
export interface UpdateOp extends Conditioned {
  kind: 'update';
  key: Key;
  set?: Item;
  remove?: readonly string[];
  add?: Record<string, number>;
}
export interface DeleteOp extends Conditioned {
  kind: 'delete';
  key: Key;
}
export interface CheckOp extends Conditioned {
  kind: 'check';
  key: Key;
  expression: string;
}
export type Op = PutOp | UpdateOp | DeleteOp | CheckOp;

/** DynamoDB's limit on one TransactWriteItems; two places are kept for the audit entry and fence. */
export const MAX_OPS = 98;
/** Retries of a transaction cancelled by a conflicting one, before the caller hears 503. */
export const MAX_CONFLICT_RETRIES = 12;
const MAX_FENCE_RETRIES = 4;
const BACKOFF_BASE_MS = 20;
const BACKOFF_CAP_MS = 1000;

function updateParts(op: UpdateOp) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  Object.entries(op.set ?? {}).forEach(([field, value], i) => {
    names[`#s${i}`] = field;
    values[`:s${i}`] = value;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = (op.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  const adds = Object.entries(op.add ?? {}).map(([field, by], i) => {
    names[`#a${i}`] = field;
    values[`:a${i}`] = by;
    return `#a${i} :a${i}`;
  });
  const expression = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { expression, names, values };
}

function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

function toTransactItem(tableName: string, op: Op) {
  const condition = {
    ...(op.expression ? { ConditionExpression: op.expression } : {}),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  switch (op.kind) {
    case 'put':
      return {
        Put: {
          TableName: tableName,
          Item: op.item,
          ...condition,
          ExpressionAttributeNames: op.names,
          ExpressionAttributeValues: op.values,
        },
      };
    case 'delete':
      return {
        Delete: {
          TableName: tableName,
          Key: op.key,
          ...condition,
          ExpressionAttributeNames: op.names,
          ExpressionAttributeValues: op.values,
        },
      };
    case 'check':
      return {
        ConditionCheck: {
          TableName: tableName,
          Key: op.key,
          ConditionExpression: op.expression,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          ExpressionAttributeNames: op.names,
          ExpressionAttributeValues: op.values,
        },
      };
    case 'update': {
      const parts = updateParts(op);
      return {
        Update: {
          TableName: tableName,
          Key: op.key,
          UpdateExpression: parts.expression,
          ...condition,
          ExpressionAttributeNames: nonEmpty({ ...parts.names, ...op.names }),
          ExpressionAttributeValues: nonEmpty({ ...parts.values, ...op.values }),
        },
      };
    }
  }
}

interface Reason {
  Code?: string;
  Item?: Record<string, unknown>;
}

function reasonsOf(error: unknown): Reason[] | undefined {
  if (error instanceof Error && error.name === 'TransactionCanceledException') {
    return (error as { CancellationReasons?: Reason[] }).CancellationReasons ?? [];
  }
  return undefined;
}

/** The stored item a cancellation reason carries back (ALL_OLD), as plain data. */
function oldItem(reason: Reason): Item | undefined {
  if (!reason.Item) return undefined;
  // The document client passes cancellation reasons through in the wire format.
  return unmarshall(reason.Item as Parameters<typeof unmarshall>[0]);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Full jitter: a random wait up to an exponentially growing, capped bound. */
function backoff(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/** What `commit` writes: the audit entry's id and time, for callers that show them. */
export interface Committed {
  auditId: string;
  at: string;
}

/**
 * Commits a state change as one TransactWriteItems: the given operations (conditions on the
 * phase, versions, uniqueness), the change's audit entry under a fresh sortable id, and a check
 * that the entry lands after the trail's last seal. All or nothing.
 *
 * Errors: a failed condition becomes the error its operation's `explain` gives from the item
 * as it was (the first failing operation in order, so put the phase check first), or 409
 * `precondition.failed`; a transaction cancelled by a concurrent one is retried up to
 * MAX_CONFLICT_RETRIES times with jittered backoff, then 503 (ServiceUnavailableError, sent
 * with Retry-After); throttling and server faults become 503. Never a half-done change.
 */
export async function commit(deps: Deps, ops: readonly Op[], note: AuditNote): Promise<Committed> {
  if (ops.length > MAX_OPS) throw new RangeError(`a transaction holds at most ${MAX_OPS} operations`);
  let floor: string | undefined;
  let conflicts = 0;
  let fences = 0;
  for (;;) {
    const auditId = newAuditId(floor);
    const at = deps.clock.now().toISOString();
    const all: Op[] = [
      ...ops,
      { kind: 'put', item: auditEntryItem(note, auditId, at), expression: 'attribute_not_exists(pk)' },
      auditFenceCheck(note.trail, auditId),
    ];
    try {
      await deps.db.doc.send(
        new TransactWriteCommand({
          TransactItems: all.map((op) => toTransactItem(deps.db.tableName, op)),
        }),
      );
      return { auditId, at };
    } catch (error) {
      const reasons = reasonsOf(error);
      if (!reasons) throw toServiceError(error);
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0 && failed < ops.length) {
        const op = ops[failed]!;
        throw op.explain?.(oldItem(reasons[failed]!)) ?? new ConflictError('precondition.failed');
      }
      if (failed === all.length - 1 && fences < MAX_FENCE_RETRIES) {
        // A seal passed this entry's id while we were writing: take an id after the seal.
        fences++;
        floor = String(oldItem(reasons[failed]!)?.fence ?? '');
        continue;
      }
      if (reasons.some((r) => r.Code === 'TransactionConflict') && conflicts < MAX_CONFLICT_RETRIES) {
        await sleep(backoff(conflicts++));
        continue;
      }
      throw new ServiceUnavailableError('http.unavailable');
    }
  }
}

/** For a put that must create its item: explains the failure as "already there". */
export class AlreadyExists extends Error {
  constructor(readonly old: Item | undefined) {
    super('item already exists');
  }
}
