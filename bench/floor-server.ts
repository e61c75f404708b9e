import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuer } from '../infra/local/dev-auth.ts';
import { LOCAL_CREDENTIALS } from '../infra/local/engine.ts';
import { createTokenVerifier } from '../shared/auth.ts';
import { newId } from '../shared/ids.ts';

/**
 * The floor of bench/speed.ts, in its own process: a bare Hono route that checks the same JWT
 * the product checks (the same verifier, the same key) and makes one PutItem on the same
 * engine. A second route makes one TransactWriteItems of three items instead (the item, an
 * audit entry and a counter), the shape of the product's create: not the goal's floor, but what
 * tells the engine's cost of a transaction from the app's own. Arguments: port, DynamoDB
 * endpoint, table, the dev key file.
 */
const [port, endpoint, table, keyFile] = process.argv.slice(2);
const issuer = await loadDevIssuer(keyFile);
const verifier = createTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: issuer.jwks });
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'local', endpoint, credentials: LOCAL_CREDENTIALS }),
);
const app = new Hono();
app.post('/floor/:shape', async (c) => {
  const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
  const principal = await verifier.verify(token).catch(() => undefined);
  if (!principal) return c.json({ title: 'Unauthorized' }, 401);
  const body = await c.req.json();
  const id = newId();
  const Item = { pk: `FLOOR#${id}`, sk: 'ITEM', by: principal.sub, body };
  if (c.req.param('shape') === 'items') await db.send(new PutCommand({ TableName: table, Item }));
  else
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: table, Item: { pk: `FLOOR#${id}`, sk: 'AUDIT', by: principal.sub } } },
          {
            Update: {
              TableName: table,
              Key: { pk: `FLOOR-COUNT#${principal.sub}`, sk: 'COUNT' },
              UpdateExpression: 'ADD n :one',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
  return c.json({ id }, 201);
});
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) }, () => console.log('ready'));
