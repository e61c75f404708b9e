import { LOCAL_CREDENTIALS, LOCAL_TIMEOUTS } from '../../infra/local/engine.ts';
import { createDb, type DbOptions } from '../../shared/db.ts';

/** Data-plane operations, as the document client and the plain client name their commands. */
const CAPACITY_OPERATIONS = new Set(
  [
    'Get GetItem Put PutItem Update UpdateItem Delete DeleteItem Query',
    'BatchGet BatchGetItem BatchWrite BatchWriteItem TransactGet TransactGetItems TransactWrite TransactWriteItems',
  ]
    .join(' ')
    .split(' ')
    .map((op) => `${op}Command`),
);

/**
 * Counts the requests each client sends, by operation, and the capacity units they consume: a
 * client middleware, passed to createDb as `instrument`. The benchmarks (`npm run bench --
 * requests`, `cost`) and the tests that hold a route to its request budget count with this one.
 * Each data-plane request asks for `ReturnConsumedCapacity: TOTAL`. DynamoDB Local reports a
 * transaction's items at the plain rate; DynamoDB charges two units per item in a transaction
 * (Developer Guide, "Capacity unit consumption for transactions"), so those are doubled here.
 */
export function counter() {
  const counts = new Map<string, number>();
  const units = { read: 0, write: 0 };
  return {
    counts,
    units,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => {
      counts.clear();
      units.read = 0;
      units.write = 0;
    },
    /** "BatchGetItem×1 TransactWriteItems×1": the counts by operation, in the order first sent. */
    describe: () =>
      [...counts.entries()].map(([command, n]) => `${command.replace(/Command$/, '')}×${n}`).join(' '),
    instrument: (stack: Parameters<NonNullable<DbOptions['instrument']>>[0]) =>
      stack.add(
        (next, context) => async (args) => {
          const name = context.commandName ?? '?';
          counts.set(name, (counts.get(name) ?? 0) + 1);
          if (!CAPACITY_OPERATIONS.has(name)) return next(args);
          (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
          const result = await next(args);
          const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
          const total = [consumed]
            .flat()
            .reduce(
              (a: number, c) => a + ((c as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0),
              0,
            );
          const factor = name.startsWith('Transact') ? 2 : 1;
          if (/Get|Query/.test(name)) units.read += total * factor;
          else units.write += total * factor;
          return result;
        },
        { step: 'initialize', name: 'countRequests' },
      ),
  };
}

/** A client of the local table whose every request the returned counter sees. */
export function countedDb(tableName: string, endpoint: string) {
  const count = counter();
  const db = createDb({
    tableName,
    region: 'local',
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    ...LOCAL_TIMEOUTS,
    instrument: count.instrument,
  });
  return { count, db };
}
