import { inject } from 'vitest';
import { type LocalServer, startLocalServer } from '../../infra/local/server.ts';
import { loadLocalConfig } from '../../shared/config.ts';
import { newId } from '../../shared/ids.ts';

/**
 * `npm start`'s server on a free port, in memory, on the run's DynamoDB Local (a fresh
 * table) rather than a second Java process.
 */
export function startTestServer(env: Record<string, string> = {}): Promise<LocalServer> {
  const config = loadLocalConfig(['--memory', '--port=0', '--engine=endpoint'], {
    TABLE_NAME: `smoke-${newId().toLowerCase()}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    ...env,
  });
  return startLocalServer(config, () => {});
}

export async function fetchJson(url: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
