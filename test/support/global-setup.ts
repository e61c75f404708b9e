import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/engine.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** Amazon DynamoDB Local, started once per run; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const engine = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', engine.endpoint);
  return () => engine.stop();
}
