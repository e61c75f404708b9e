import type { Principal } from '../auth.ts';
import { createOp } from '../create-once.ts';
import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import type { PageOf, PageRequest } from '../paging.ts';
import { queryPaged } from '../paging.ts';
import type { Op } from '../transact.ts';
import { z } from '../zod.ts';
import { evaluateWhole, procurementForMember } from './actions.ts';
import type { NonResponsiveReason } from './evaluation.ts';
import { assertBidsUnsealed } from './lifecycle.ts';
import { type BidSheet, type Procurement, readWholeProcurement } from './store.ts';

/*
 * A panel member's side of a procurement: the procurements they sit on (a seat written for each
 * member when the procurement is announced, when the panel freezes) and, once the bids are
 * opened, the bids they are to score, with their own sheets and nobody else's.
 */

/** A member's seat on a procurement's panel, in the procurement's partition; gsi1 lists a member's seats. */
export const PanelSeat = z.object({
  procurementId: z.string(),
  judgeId: z.string(),
  title: z.string(),
  officeName: z.string(),
  announcedAt: z.string(),
});
export type PanelSeat = z.infer<typeof PanelSeat>;

const seatItem = (seat: PanelSeat) => ({
  ...keys.procurementPanelSeat(seat.procurementId, seat.judgeId),
  ...keys.procurementPanelByJudge(seat.judgeId, seat.announcedAt, seat.procurementId),
  entityType: ENTITY.procurementPanelSeat,
  ...seat,
});

/** The seats announcing writes, in the announcement's transaction: one per member. */
export function panelSeatOps(procurement: Procurement, announcedAt: string): Op[] {
  return procurement.panel.map((member) =>
    createOp(
      seatItem({
        procurementId: procurement.id,
        judgeId: member.judgeId,
        title: procurement.title,
        officeName: procurement.officeName,
        announcedAt,
      }),
    ),
  );
}

/** Access pattern: the procurements a panel member sits on, newest announcement first (gsi1). */
export function myPanelSeats(
  deps: Deps,
  principal: Principal,
  page: PageRequest,
): Promise<PageOf<PanelSeat>> {
  const input = {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.procurementPanelByJudge(principal.sub, '', '').gsi1pk,
      ':prefix': 'PPANEL#',
    },
    ScanIndexForward: false,
  } as const;
  return queryPaged(deps.db, deps.cursors, `panel-seats:${principal.sub}`, input, page, (item) =>
    PanelSeat.parse(withoutKeys(item)),
  );
}

/** A bid as the panel member reads it: the supplier, its technical response, the member's own state. */
export interface PanelBid {
  teamId: string;
  supplierName: string;
  /** The bid's parts by code (the technical and business response). */
  parts: Record<string, string>;
  /** Why it is out so far; empty when it is responsive (a final quotation is awaited until evaluation). */
  reasons: NonResponsiveReason[];
  /** The member may not score it: a conflict they declared, or their own organisation. */
  conflict: 'declared' | 'own' | undefined;
  /** The member's own submitted sheet for it. */
  sheet: BidSheet | undefined;
}

/**
 * What a panel member works on (403 `procurement.notOnPanel` for anyone else): before the bids
 * are opened only the deadline they are sealed until; then every bid with its responsiveness,
 * the member's conflicts and the member's own sheets: never another member's (blind scoring).
 */
export async function readPanelWork(
  deps: Deps,
  principal: Principal,
  procurementId: string,
): Promise<{ procurement: Procurement; sealed: boolean; bids: PanelBid[] }> {
  const procurement = await procurementForMember(deps, principal, procurementId);
  try {
    assertBidsUnsealed(procurement, deps.clock.now());
  } catch {
    return { procurement, sealed: true, bids: [] };
  }
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  const results = new Map(evaluateWhole(whole).bids.map((bid) => [bid.bidId, bid]));
  // Before scoring, a bid still awaiting its final quotation is not out for want of it.
  const quoting = ['consultation', 'final-quotation'].includes(whole.procurement.status);
  const me = principal.sub;
  const bids = whole.bids.map((bid): PanelBid => {
    const declared = whole.conflicts.some((c) => c.teamId === bid.teamId && c.judgeId === me);
    const reasons = (results.get(bid.teamId)?.reasons ?? []).filter(
      (reason) => !(quoting && reason.code === 'no-final-quotation'),
    );
    return {
      teamId: bid.teamId,
      supplierName: bid.supplierName,
      parts: bid.parts,
      reasons,
      conflict: declared ? 'declared' : bid.ownerSub === me ? 'own' : undefined,
      sheet: whole.sheets.find((s) => s.teamId === bid.teamId && s.judgeId === me),
    };
  });
  return { procurement: whole.procurement, sealed: false, bids };
}

/** One bid of a member's work (404 `procurement.bidNotFound`); sealed bids refused as the API refuses them. */
export async function readPanelBid(deps: Deps, principal: Principal, procurementId: string, teamId: string) {
  const work = await readPanelWork(deps, principal, procurementId);
  if (work.sealed) assertBidsUnsealed(work.procurement, deps.clock.now());
  const bid = work.bids.find((b) => b.teamId === teamId);
  if (!bid) throw new NotFoundError('procurement.bidNotFound');
  return { procurement: work.procurement, bid };
}
