import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_LOGICAL_ID } from '../../infra/data-stack.ts';
import { TABLE_INDEXES, TABLE_KEYS } from '../../shared/table.ts';
import { synth } from './synth.ts';

let built: ReturnType<typeof synth>;

beforeAll(() => {
  built = synth();
});

describe('the data stack', () => {
  it('holds exactly one table, under the pinned logical ID "Table"', () => {
    // Prepare: the template without bundling.
    const { data } = built;

    // Act
    const tables = data.findResources('AWS::DynamoDB::GlobalTable');

    // Assess: renaming a construct must never rename (and so replace) the table.
    expect(TABLE_LOGICAL_ID).toBe('Table');
    expect(Object.keys(tables)).toEqual([TABLE_LOGICAL_ID]);
    data.resourceCountIs('AWS::DynamoDB::Table', 0);
  });

  it('retains the table when the stack is deleted or the table would be replaced', () => {
    built.data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('turns on point-in-time recovery and deletion protection', () => {
    built.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('encrypts at rest and bills on demand', () => {
    built.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has the string keys and the projected-ALL indexes that shared/table.ts declares', () => {
    // Prepare: what the local runtime builds, from the same module.
    const strings = [
      TABLE_KEYS.partitionKey,
      TABLE_KEYS.sortKey,
      ...TABLE_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];

    // Act
    const table = built.data.findResources('AWS::DynamoDB::GlobalTable')[TABLE_LOGICAL_ID]!;

    // Assess
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(strings.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(strings.length);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      TABLE_INDEXES.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('names no physical table, so CloudFormation chooses one per stage', () => {
    built.data.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: Match.absent() });
  });

  it('has termination protection on', () => {
    expect(built.stacks.data.terminationProtection).toBe(true);
  });
});
