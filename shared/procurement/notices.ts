import { sealAudit } from '../audit-log.ts';
import { isOfficerOf, type Principal } from '../auth.ts';
import { createOp } from '../create-once.ts';
import { getItem, keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { capitalYuan } from '../money.ts';
import { shanghaiYear, verificationCode } from '../notice.ts';
import { issueNumbered, verifyByCode } from '../notice-claims.ts';
import { getOffice } from '../office/office.ts';
import { type PageRequest, queryPaged } from '../paging.ts';
import { z } from '../zod.ts';
import { evaluateWhole, procurementForOfficer, readProcurement } from './actions.ts';
import { assertPhase, phaseCheck, phaseRecord } from './lifecycle.ts';
import { readWholeProcurement } from './store.ts';

/**
 * The notices of an awarded procurement (财库〔2014〕214号 Art. 29): a deal notice (成交通知书) for
 * the confirmed supplier and a result notice (结果通知书) for every other supplier that bid, each
 * numbered and with a verification code as contest notices are (shared/notice.ts,
 * shared/notice-claims.ts), built from the evaluation as the award froze it.
 */
export const ProcurementNotice = z.object({
  procurementId: z.string(),
  teamId: z.string(),
  ownerSub: z.string(),
  number: z.string(),
  sequence: z.number().int(),
  kind: z.enum(['deal', 'result']),
  supplierName: z.string(),
  procurementTitle: z.string(),
  officeName: z.string(),
  officeContact: z.string().optional(),
  /** The deal notice's amount: the supplier's final quotation, in figures and capitals. */
  amountFen: z.number().int().optional(),
  amountCapital: z.string().optional(),
  finalQuotationFen: z.number().int().nullable(),
  total: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  /** Why a bid was not scored (evaluation.ts's reasons). */
  reasons: z.array(z.looseObject({ code: z.string() })),
  verificationCode: z.string(),
  issuedAt: z.string(),
  auditAnchor: z.object({ count: z.number().int(), head: z.string() }),
});
export type ProcurementNotice = z.infer<typeof ProcurementNotice>;

const noticeItem = (notice: ProcurementNotice) => ({
  ...keys.procurementNotice(notice.procurementId, notice.teamId),
  ...keys.procurementNoticeByNumber(notice.number),
  ...keys.procurementNoticeByOwner(notice.ownerSub, notice.issuedAt, notice.procurementId, notice.teamId),
  entityType: ENTITY.procurementNotice,
  ...notice,
});
const parseNotice = (item: Record<string, unknown>) => ProcurementNotice.parse(withoutKeys(item));

async function noticesOf(deps: Deps, procurementId: string) {
  const items = await queryAll(deps.db, {
    ...keyPrefix(keys.procurementPartition(procurementId).pk, 'NOTICE#'),
    ConsistentRead: true,
  });
  return items.map(parseNotice).sort((a, b) => a.sequence - b.sequence);
}

/**
 * Issues every notice of an awarded procurement, one transaction each (the notice, its number's
 * claim and the audit entry, on condition the procurement is awarded): the deal notice first,
 * then the other suppliers in the evaluation's order. Idempotent and resumable: a supplier that
 * has its notice is skipped. The last notice's transaction also records `noticesIssuedAt` on the
 * procurement: every run goes in the same order, so when the last is written all are. Errors:
 * 403/404 as for officers; 409 before the award.
 */
export async function issueProcurementNotices(deps: Deps, principal: Principal, procurementId: string) {
  const procurement = await procurementForOfficer(deps, principal, procurementId);
  assertPhase(procurement, 'notices');
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  const result = evaluateWhole(whole);
  const bids = new Map(whole.bids.map((bid) => [bid.teamId, bid]));
  const office = await getOffice(deps.db, procurement.officeId);
  const done = new Set((await noticesOf(deps, procurementId)).map((n) => n.teamId));
  const ordered = [
    ...result.bids.filter((bid) => bid.bidId === procurement.awardedBidId),
    ...result.bids.filter((bid) => bid.bidId !== procurement.awardedBidId),
  ];
  const series = {
    officeId: procurement.officeId,
    prefix: procurement.noticePrefix ?? office?.noticePrefix ?? procurement.officeName,
    year: shanghaiYear(procurement.awardedAt!),
  };
  const auditAnchor = await sealAudit(deps, procurementId);
  const last = ordered.at(-1)?.bidId;
  let issued = 0;
  for (const bid of ordered.filter((b) => !done.has(b.bidId))) {
    const deal = bid.bidId === procurement.awardedBidId;
    const issuedAt = deps.clock.now().toISOString();
    const written = await issueNumbered(
      deps,
      series,
      { procurementId, teamId: bid.bidId },
      (number, sequence) => {
        const notice: ProcurementNotice = {
          procurementId,
          teamId: bid.bidId,
          ownerSub: bids.get(bid.bidId)!.ownerSub,
          number,
          sequence,
          kind: deal ? 'deal' : 'result',
          supplierName: bids.get(bid.bidId)!.supplierName,
          procurementTitle: procurement.title,
          officeName: procurement.officeName,
          ...(office?.contact ? { officeContact: office.contact } : {}),
          ...(deal
            ? { amountFen: bid.finalQuotationFen!, amountCapital: capitalYuan(bid.finalQuotationFen!) }
            : {}),
          finalQuotationFen: bid.finalQuotationFen,
          total: bid.total,
          rank: bid.rank,
          reasons: bid.reasons,
          verificationCode: verificationCode(deps.secret, procurementId, number),
          issuedAt,
          auditAnchor,
        };
        const phase =
          bid.bidId === last
            ? phaseRecord(procurementId, 'notices', { noticesIssuedAt: issuedAt, updatedAt: issuedAt })
            : phaseCheck(procurementId, 'notices');
        return {
          ops: [phase, createOp(noticeItem(notice))],
          note: {
            trail: procurementId,
            actor: principal.sub,
            action: 'notice.issue',
            subject: bid.bidId,
            summary: { number, kind: notice.kind },
          },
        };
      },
    );
    if (written) issued++;
  }
  return { issued, alreadyIssued: ordered.length - issued, total: ordered.length };
}

/** The procurement's notices, for its office's officers. */
export async function listProcurementNotices(deps: Deps, principal: Principal, procurementId: string) {
  await procurementForOfficer(deps, principal, procurementId);
  return noticesOf(deps, procurementId);
}

/** Access pattern: a supplier's deal and result notices, of every team they own (gsi1). */
export function myProcurementNotices(deps: Deps, principal: Principal, page: PageRequest) {
  const input = {
    ...keyPrefix(keys.procurementNoticeByOwner(principal.sub, '', '', '').gsi1pk, 'PNOTICE#', 'gsi1'),
  } as const;
  return queryPaged(
    deps.db,
    deps.cursors,
    `my-procurement-notices:${principal.sub}`,
    input,
    page,
    parseNotice,
  );
}

/** A supplier's notice: read by the team's owner and the office's officers (403 for others). */
export async function readProcurementNotice(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  teamId: string,
) {
  const procurement = await readProcurement(deps, principal, procurementId);
  const notice = await getProcurementNotice(deps.db, procurementId, teamId);
  if (!notice) throw new NotFoundError('notice.notFound');
  if (notice.ownerSub !== principal.sub && !isOfficerOf(principal, procurement.officeId))
    throw new ForbiddenError('http.forbidden');
  return notice;
}

/** A supplier's notice once issued, unchecked: for callers that have already checked the reader. */
export async function getProcurementNotice(
  db: Deps['db'],
  procurementId: string,
  teamId: string,
): Promise<ProcurementNotice | undefined> {
  const item = await getItem(db, keys.procurementNotice(procurementId, teamId));
  return item ? parseNotice(item) : undefined;
}

/** Anyone checks a procurement notice by its number and code; only public facts come back. */
export function verifyProcurementNotice(deps: Deps, typed: string, code: string) {
  return verifyByCode(
    deps,
    (number) => keys.procurementNoticeByNumber(number).gsi2pk,
    parseNotice,
    ({ supplierName, procurementTitle }) => ({ supplierName, procurementTitle }),
    typed,
    code,
  );
}
