import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
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
  /** Adds client middleware: request counting in benchmarks, fault injection in tests. */
  instrument?: (stack: DynamoDBClient['middlewareStack']) => void;
}

/** One client per process, made at start-up and reused by every request. */
export function createDb(options: DbOptions): Db {
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    maxAttempts: options.maxAttempts ?? 3,
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

export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Throttling and server faults that survived the SDK's retries: the client should retry later. */
export function toServiceError(error: unknown): unknown {
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

/** An unconditional put, for items whose writer already holds the commit point. */
export async function putItem(db: Db, item: Item & Key): Promise<void> {
  await call(() => db.doc.send(new PutCommand({ TableName: db.tableName, Item: item })));
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

/** Deletes an item only if the condition holds; false (nothing deleted) when it does not. */
export async function deleteIf(
  db: Db,
  key: Key,
  condition: string,
  values?: Record<string, unknown>,
): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new DeleteCommand({
          TableName: db.tableName,
          Key: key,
          ConditionExpression: condition,
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
