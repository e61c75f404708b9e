import type { CursorCodec } from '../cursor.ts';
import { type Db, keyPrefix } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { type PageOf, type PageRequest, queryPaged } from '../paging.ts';
import { readEntity } from '../versioned.ts';
import { Contest } from './model.ts';

/** A contest item's keys follow from its state: a call is public once it has been opened. */
export function contestItem(contest: Contest) {
  return {
    ...keys.contest(contest.id),
    ...keys.contestByOffice(contest.officeId, contest.createdAt, contest.id),
    ...(contest.openedAt ? keys.publishedContest(contest.submissionDeadline, contest.id) : {}),
    entityType: ENTITY.contest,
    ...contest,
  };
}

/** A stored item as the entity (keys stripped, checked). */
export const parseContest = (item: Record<string, unknown>) => Contest.parse(withoutKeys(item));

export function getContest(db: Db, contestId: string): Promise<Contest | undefined> {
  return readEntity(db, keys.contest(contestId), parseContest);
}

/** Access pattern: an office's contests, newest first (gsi1). */
export async function listContestsByOffice(
  db: Db,
  cursors: CursorCodec,
  officeId: string,
  page: PageRequest,
): Promise<PageOf<Contest>> {
  const input = {
    ...keyPrefix(keys.contestByOffice(officeId, '', '').gsi1pk, 'CONTEST#', 'gsi1'),
    ScanIndexForward: false,
  } as const;
  return queryPaged(db, cursors, `office-contests:${officeId}`, input, page, parseContest);
}

/** Access pattern: every published call (not drafts), latest deadline first (sparse gsi2). */
export async function listPublishedContests(
  db: Db,
  cursors: CursorCodec,
  page: PageRequest,
): Promise<PageOf<Contest>> {
  const input = {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.publishedContest('', '').gsi2pk },
    ScanIndexForward: false,
  } as const;
  return queryPaged(db, cursors, 'published-contests', input, page, parseContest);
}
