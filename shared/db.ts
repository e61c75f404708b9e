import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ServiceUnavailableError } from './errors.ts';
import type { IndexName } from './table.ts';

export interface Db {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

export interface DbOptions {
  tableName: string;
  region: string;
  endpoint?: string | undefined;
  /** Bounded retries: after these, a throttled request becomes a clean 503. */
  maxAttempts?: number;
  credentials?: DynamoDBClientConfig['credentials'];
  /** Milliseconds to open a connection before giving up (then 503); default 2,000. */
  connectionTimeoutMs?: number;
  /** Milliseconds a request may wait for its answer before giving up (then 503); default 5,000. */
  requestTimeoutMs?: number;
  /** Adds client middleware: request counting in benchmarks, fault injection in tests. */
  instrument?: (stack: DynamoDBClient['middlewareStack']) => void;
}

/**
 * One client per process, made at start-up and reused by every request. Connections and
 * requests time out, so an engine that is down or stalled costs a request at most
 * maxAttempts × (timeout + backoff) — about 16 s by default — and then a 503, never a hang.
 */
export function createDb(options: DbOptions): Db {
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? 2000,
      requestTimeout: options.requestTimeoutMs ?? 5000,
      // Without this the handler only logs a warning when the request timeout passes, and waits on.
      throwOnRequestTimeout: true,
    }),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  options.instrument?.(client.middlewareStack);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, tableName: options.tableName };
}

const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
]);

/** What Node and the SDK's HTTP handler throw when the engine cannot be reached or is stalled. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** True for a connection that failed or a request that timed out: the engine may be back soon. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return error.name === 'TimeoutError' || (code !== undefined && UNREACHABLE.has(code));
}

export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Throttling, server faults, refused connections and timeouts that survived the SDK's
 * retries: the client should retry later (503 with Retry-After).
 */
export function toServiceError(error: unknown): unknown {
  if (isUnreachable(error)) return new ServiceUnavailableError('http.unavailable');
  if (error instanceof Error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (TRANSIENT.has(error.name) || (status !== undefined && status >= 500)) {
      return new ServiceUnavailableError('http.unavailable');
    }
  }
  return error;
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toServiceError(error);
  }
}

export type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

export async function getItem(db: Db, key: Key, consistent = true): Promise<Item | undefined> {
  const out = await call(() =>
    db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: consistent })),
  );
  return out.Item;
}

/** How many requests a batch read makes for keys the engine keeps leaving unprocessed. */
const BATCH_GET_ATTEMPTS = 4;

/**
 * Several items by key in one BatchGetItem (strongly consistent), in the order of `wanted`:
 * undefined where there is none. Keys the engine leaves unprocessed (throttling) are asked again,
 * a bounded number of times, then 503 like any throttling that outlasts the retries.
 */
export async function getItems(db: Db, wanted: readonly Key[]): Promise<(Item | undefined)[]> {
  const found = new Map<string, Item>();
  const id = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\u0000${String(key.sk)}`;
  let pending: Key[] = [...new Map(wanted.map((key) => [id(key), key])).values()];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === BATCH_GET_ATTEMPTS) throw new ServiceUnavailableError('http.unavailable');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
    const out = await call(() =>
      db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.tableName]: { Keys: pending.slice(0, 100), ConsistentRead: true } },
        }),
      ),
    );
    for (const item of out.Responses?.[db.tableName] ?? []) found.set(id(item as Key), item);
    const left = (out.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as Key[];
    pending = [...left, ...pending.slice(100)];
  }
  return wanted.map((key) => found.get(id(key)));
}

/**
 * Puts an item only if the condition holds. Returns false (and writes nothing) when it does
 * not, so each invariant is one conditional write on one item.
 */
export async function putIf(
  db: Db,
  item: Item & Key,
  condition: string,
  names?: Record<string, string>,
  values?: Record<string, unknown>,
): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: item,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Like putIf for updates: returns the new item, or undefined when the condition failed. */
export async function updateIf(
  db: Db,
  input: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'>,
): Promise<Item | undefined> {
  try {
    const out = await call(() =>
      db.doc.send(new UpdateCommand({ ...input, TableName: db.tableName, ReturnValues: 'ALL_NEW' })),
    );
    return out.Attributes;
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/** The items of one partition (or gsi1 partition) whose sort key starts with a prefix. */
export function keyPrefix(pk: string, prefix: string, index?: 'gsi1') {
  return index
    ? {
        IndexName: index,
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      }
    : {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      };
}

export interface Page<T> {
  items: T[];
  lastKey: Record<string, unknown> | undefined;
}

export async function queryPage(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'IndexName'> & { IndexName?: IndexName },
): Promise<Page<Item>> {
  const out = await call(() => db.doc.send(new QueryCommand({ ...input, TableName: db.tableName })));
  return { items: out.Items ?? [], lastKey: out.LastEvaluatedKey };
}

/** Every page of a Query, for reads that need a whole partition (a contest, to rank it). */
export async function queryAll(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'IndexName' | 'ExclusiveStartKey'> & { IndexName?: IndexName },
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryPage(db, { ...input, ExclusiveStartKey: startKey });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}
