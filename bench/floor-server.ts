import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuer } from '../infra/local/dev-auth.ts';
import { LOCAL_CREDENTIALS } from '../infra/local/engine.ts';
import { createTokenVerifier } from '../shared/auth.ts';
import { newId } from '../shared/ids.ts';

/**
 * The floor of bench/speed.ts, in its own process: a bare Hono route that checks the same JWT
 * the product checks (the same verifier, the same key) and makes one PutItem on the same
 * engine. Arguments: port, DynamoDB endpoint, table, the dev key file.
 */
const [port, endpoint, table, keyFile] = process.argv.slice(2);
const issuer = await loadDevIssuer(keyFile);
const verifier = createTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: issuer.jwks });
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'local', endpoint, credentials: LOCAL_CREDENTIALS }),
);
const app = new Hono();
app.post('/floor/items', async (c) => {
  const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
  const principal = await verifier.verify(token).catch(() => undefined);
  if (!principal) return c.json({ title: 'Unauthorized' }, 401);
  const body = await c.req.json();
  const id = newId();
  await db.send(
    new PutCommand({ TableName: table, Item: { pk: `FLOOR#${id}`, sk: 'ITEM', by: principal.sub, body } }),
  );
  return c.json({ id }, 201);
});
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) }, () => console.log('ready'));
