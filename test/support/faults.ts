import { LOCAL_CREDENTIALS } from '../../infra/local/engine.ts';
import { createDb, type Db, keyPrefix, queryAll } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import type { Harness } from './harness.ts';

/** What a fault sees of a request: the SDK command's name and its (wire-format) input as text. */
export type Fault = (command: string, input: string) => Promise<void> | void;

/**
 * A client of the run's DynamoDB Local with a middleware that runs `fault` before each request
 * is sent: it may throw (the request never leaves) or wait (to force an interleaving).
 */
export function faultyDb(h: Harness, fault: Fault, options: { patient?: boolean } = {}): Db {
  return createDb({
    tableName: h.tableName,
    region: 'local',
    endpoint: h.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    // A burst of hundreds of requests queues for sockets on a shared two-core machine: the test
    // is about the product's transactions, not the local engine's throughput, so it waits.
    ...(options.patient ? { connectionTimeoutMs: 60_000, requestTimeoutMs: 60_000 } : {}),
    instrument: (stack) =>
      stack.add(
        (next, context) => async (args) => {
          await fault(String(context.commandName), JSON.stringify(args.input));
          return next(args);
        },
        { step: 'initialize', name: 'injectFault' },
      ),
  });
}

/** A transaction DynamoDB cancelled because a concurrent one touched the same item. */
export function transactionConflict(items: number): Error {
  return Object.assign(new Error('Transaction cancelled (injected)'), {
    name: 'TransactionCanceledException',
    CancellationReasons: Array.from({ length: items }, (_, i) => ({
      Code: i === 0 ? 'TransactionConflict' : 'None',
    })),
    $metadata: { httpStatusCode: 400 },
  });
}

/**
 * Holds the first request that `matches` until released: the test runs other requests in the
 * gap and so forces "read, then someone else commits, then commit" deterministically.
 */
export function gate(matches: (command: string, input: string) => boolean) {
  let reached!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  let used = false;
  const fault: Fault = async (command, input) => {
    if (used || !matches(command, input)) return;
    used = true;
    reached();
    await opened;
  };
  return { fault, arrived, release };
}

/** The audit entries of a contest's trail as stored (sealed or not), by action. */
export async function auditActions(db: Db, trail: string): Promise<string[]> {
  const { pk, sk } = keys.auditEntry(trail, '');
  const items = await queryAll(db, { ...keyPrefix(pk, sk), ConsistentRead: true });
  return items.map((item) => String(item.action));
}

export function count(values: readonly string[], value: string): number {
  return values.filter((v) => v === value).length;
}

/**
 * A client whose requests fail with `fault` while `state.down` is set and `matches` says so,
 * inside the SDK's retry loop: its bounded retries run, as against the real service.
 */
export function failingDb(
  h: Harness,
  fault: () => Error,
  matches: (command: string) => boolean = () => true,
) {
  const state = { down: false, failed: 0 };
  const db = createDb({
    tableName: h.tableName,
    region: 'local',
    endpoint: h.endpoint,
    credentials: LOCAL_CREDENTIALS,
    instrument: (stack) =>
      stack.add(
        (next, context) => async (args) => {
          if (state.down && matches(String(context.commandName))) {
            state.failed++;
            throw fault();
          }
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'injectOutage' },
      ),
  });
  return { db, state };
}
