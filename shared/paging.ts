import type { CursorCodec } from './cursor.ts';
import { type Db, queryPage } from './db.ts';

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface PageOf<T> {
  items: T[];
  next: string | null;
}

/**
 * One page of one Query. The cursor is signed over `scope` (the listing and its partition),
 * so a cursor from one listing cannot continue another.
 */
export async function queryPaged<T>(
  db: Db,
  cursors: CursorCodec,
  scope: string,
  input: Omit<Parameters<typeof queryPage>[1], 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
  parse: (item: Record<string, unknown>) => T,
): Promise<PageOf<T>> {
  const result = await queryPage(db, {
    ...input,
    Limit: page.limit,
    ExclusiveStartKey: cursors.decode(scope, page.cursor),
  });
  return { items: result.items.map(parse), next: cursors.encode(scope, result.lastKey) };
}
