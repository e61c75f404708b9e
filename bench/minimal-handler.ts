import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The baseline of bench/bundles.ts: the least a Hono + DynamoDB Lambda can be — one route
 * that reads one item through the document client.
 */
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const app = new Hono();
app.get('/items/:id', async (c) => {
  const { Item } = await db.send(
    new GetCommand({ TableName: 'bench', Key: { pk: c.req.param('id'), sk: 'item' } }),
  );
  return c.json(Item ?? null);
});

export const handler = handle(app);
