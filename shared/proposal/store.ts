import type { CursorCodec } from '../cursor.ts';
import { type Db, keyPrefix } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { type PageOf, type PageRequest, queryPaged } from '../paging.ts';
import { readEntity } from '../versioned.ts';
import { Proposal } from './model.ts';

/** A proposal is listed as a submission only while it is submitted (sparse gsi2). */
export function proposalItem(proposal: Proposal) {
  return {
    ...keys.proposal(proposal.contestId, proposal.id),
    ...keys.proposalByOwner(proposal.ownerSub, proposal.createdAt, proposal.id),
    ...(proposal.status === 'submitted' && proposal.submittedAt
      ? keys.submittedProposal(proposal.contestId, proposal.submittedAt, proposal.id)
      : {}),
    entityType: ENTITY.proposal,
    ...proposal,
  };
}

/** A stored item as the entity (keys stripped, checked). */
export const parseProposal = (item: Record<string, unknown>) => Proposal.parse(withoutKeys(item));

export function getProposal(db: Db, contestId: string, proposalId: string): Promise<Proposal | undefined> {
  return readEntity(db, keys.proposal(contestId, proposalId), parseProposal);
}

/** Access pattern: a user's proposals, newest first (gsi1). */
export async function listProposalsByOwner(
  db: Db,
  cursors: CursorCodec,
  ownerSub: string,
  page: PageRequest,
): Promise<PageOf<Proposal>> {
  const input = {
    ...keyPrefix(keys.proposalByOwner(ownerSub, '', '').gsi1pk, 'PROPOSAL#', 'gsi1'),
    ScanIndexForward: false,
  } as const;
  return queryPaged(db, cursors, `my-proposals:${ownerSub}`, input, page, parseProposal);
}

/** Access pattern: a contest's submitted proposals in submission order (sparse gsi2). */
export async function listSubmittedProposals(
  db: Db,
  cursors: CursorCodec,
  contestId: string,
  page: PageRequest,
): Promise<PageOf<Proposal>> {
  const input = {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.submittedProposal(contestId, '', '').gsi2pk },
  } as const;
  return queryPaged(db, cursors, `submissions:${contestId}`, input, page, parseProposal);
}
