/**
 * The one table's shape, read by the CDK data stack and by the local runtime so both build
 * the same thing. Index names say which access patterns they serve (docs/data-model.md).
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const TABLE_INDEXES = [
  /** Owner listings: an office's contests, a user's teams and proposals. */
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Sparse listings: published calls, a contest's submitted proposals. */
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
] as const;

export type IndexName = (typeof TABLE_INDEXES)[number]['indexName'];
