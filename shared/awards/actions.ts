import { sealAudit } from '../audit-log.ts';
import type { Principal } from '../auth.ts';
import { isOfficerOf } from '../auth.ts';
import { readLockedBundle } from '../bundle/actions.ts';
import type { BundleLine, LockedBundle } from '../bundle/model.ts';
import { Notice } from '../bundle/model.ts';
import { contestForOfficer, transitionContest } from '../contest/actions.ts';
import { assertPhase, canTransition, phaseCheck } from '../contest/lifecycle.ts';
import type { Contest } from '../contest/model.ts';
import { getContest } from '../contest/store.ts';
import { createOp } from '../create-once.ts';
import { type Db, getItem, keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { capitalYuan } from '../money.ts';
import { OCID_PREFIX, ocdsRelease, shanghaiYear, verificationCode } from '../notice.ts';
import { issueNumbered, verifyByCode } from '../notice-claims.ts';
import { getOffice, type Office } from '../office/office.ts';
import { type PageRequest, queryPaged } from '../paging.ts';
import { readWholeContest } from '../review/store.ts';

const parseNotice = (item: Record<string, unknown>) => Notice.parse(withoutKeys(item));

function noticeItem(notice: Notice) {
  return {
    ...keys.notice(notice.contestId, notice.proposalId),
    ...keys.noticeByOwner(notice.ownerSub, notice.contestId, notice.proposalId),
    ...keys.noticeByNumber(notice.number),
    entityType: ENTITY.notice,
    ...notice,
  };
}

type Party = NonNullable<LockedBundle['content']['parties']>[number];

/**
 * Every submitted proposal gets one notice, in the locked bundle's order: the selected first,
 * then the others as the bundle lists them, then those screened out, as the lock froze them.
 */
function noticeOrder(locked: LockedBundle) {
  const lines = locked.content.bundle.lines;
  const parties = locked.content.parties ?? [];
  const ordered: { proposalId: string; line?: BundleLine; party?: Party }[] = [
    ...lines.filter((l) => l.selected).map((line) => ({ proposalId: line.proposalId, line })),
    ...lines.filter((l) => !l.selected).map((line) => ({ proposalId: line.proposalId, line })),
    ...parties.filter((p) => p.screenedOut !== undefined).map((p) => ({ proposalId: p.proposalId })),
  ];
  const byId = new Map(parties.map((p) => [p.proposalId, p]));
  return ordered.map((o) => ({ ...o, party: byId.get(o.proposalId) }));
}

/**
 * Issues the notices, one transaction each: the notice, the claim of its number (one item per
 * office, prefix, year and number, so two contests of an office never issue the same 文号 and
 * numbers stay gap-free: a number exists only with its notice), and the audit entry, on
 * condition the contest is locked or awarded. Idempotent and resumable: a proposal that has
 * its notice is skipped, so a run after a crash finishes what is missing and duplicates
 * nothing. Notices carry the audit head sealed before the fan-out; when all are out the contest
 * moves to awarded.
 */
export async function issueNotices(deps: Deps, principal: Principal, contestId: string) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'notices');
  const locked = await readLockedBundle(deps, contestId);
  const whole = (await readWholeContest(deps.db, contestId))!;
  const office = await getOffice(deps.db, contest.officeId);
  const owners = new Map(whole.proposals.map((p) => [p.id, p.ownerSub]));
  const done = new Set((await noticesOf(deps.db, contestId)).map((n) => n.proposalId));
  const ordered = noticeOrder(locked);
  const prefix = locked.content.noticePrefix;
  const year = shanghaiYear(locked.lockedAt);
  const auditAnchor = await sealAudit(deps, contestId);
  let issued = 0;
  for (const entry of ordered.filter((o) => !done.has(o.proposalId))) {
    if (
      await issueOne(deps, principal, contest, locked, entry, { owners, office, prefix, year, auditAnchor })
    )
      issued++;
  }
  if (canTransition(contest, 'award')) {
    try {
      await transitionContest(deps, principal.sub, contest, 'award', {
        summary: { notices: ordered.length },
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { issued, alreadyIssued: ordered.length - issued, total: ordered.length };
}

async function issueOne(
  deps: Deps,
  principal: Principal,
  contest: Contest,
  locked: LockedBundle,
  entry: ReturnType<typeof noticeOrder>[number],
  context: {
    owners: Map<string, string>;
    office: Office | undefined;
    prefix: string;
    year: number;
    auditAnchor: { count: number; head: string };
  },
): Promise<boolean> {
  const selected = entry.line?.selected === true;
  const series = { officeId: contest.officeId, prefix: context.prefix, year: context.year };
  return issueNumbered(
    deps,
    series,
    { contestId: contest.id, proposalId: entry.proposalId },
    (number, sequence) => {
      const notice: Notice = {
        contestId: contest.id,
        proposalId: entry.proposalId,
        ownerSub: context.owners.get(entry.proposalId) ?? '',
        teamId: entry.party?.teamId ?? '',
        number,
        sequence,
        kind: selected ? 'selected' : 'not-selected',
        title: entry.line?.title ?? entry.party?.title ?? '',
        contestTitle: locked.content.contestTitle,
        officeName: locked.content.officeName,
        ...(context.office?.contact ? { officeContact: context.office.contact } : {}),
        ...(selected
          ? { amountFen: entry.line!.amountFen, amountCapital: capitalYuan(entry.line!.amountFen) }
          : {}),
        score: entry.line?.score ?? null,
        rank: entry.line?.rank ?? null,
        reason: entry.line?.reason ?? { code: 'ineligible', reason: entry.party?.screenedOut ?? '' },
        verificationCode: verificationCode(deps.secret, contest.id, number),
        bundleSha256: locked.sha256,
        issuedAt: deps.clock.now().toISOString(),
        auditAnchor: context.auditAnchor,
      };
      return {
        ops: [phaseCheck(contest.id, 'notices'), createOp(noticeItem(notice))],
        note: {
          trail: contest.id,
          actor: principal.sub,
          action: 'notice.issue',
          subject: entry.proposalId,
          summary: { number, kind: notice.kind },
        },
      };
    },
  );
}

async function noticesOf(db: Db, contestId: string): Promise<Notice[]> {
  const items = await queryAll(db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'NOTICE#'),
  });
  return items.map(parseNotice).sort((a, b) => a.sequence - b.sequence);
}

export async function listNotices(deps: Deps, principal: Principal, contestId: string) {
  await contestForOfficer(deps, principal, contestId);
  return noticesOf(deps.db, contestId);
}

/** Access pattern: a resident's notices (gsi1). */
export function myNotices(deps: Deps, principal: Principal, page: PageRequest) {
  const input = {
    ...keyPrefix(keys.noticeByOwner(principal.sub, '', '').gsi1pk, 'NOTICE#', 'gsi1'),
  } as const;
  return queryPaged(deps.db, deps.cursors, `my-notices:${principal.sub}`, input, page, parseNotice);
}

/** The team that proposed it and the contest's officers read a notice. */
export async function readNotice(
  deps: Deps,
  principal: Principal | undefined,
  contestId: string,
  proposalId: string,
) {
  const item = await getItem(deps.db, keys.notice(contestId, proposalId));
  const notice = item ? parseNotice(item) : undefined;
  if (!notice) throw new NotFoundError('notice.notFound');
  const contest = await getContest(deps.db, contestId);
  if (notice.ownerSub === principal?.sub || (contest && isOfficerOf(principal, contest.officeId)))
    return notice;
  throw new ForbiddenError('http.forbidden');
}

/**
 * A notice as printed, for the team and the office (as `readNotice`): the notice, the contest
 * (for names of categories and communities), the team or organisation it is addressed to and
 * the proposal's line of the locked bundle (the amount requested, any trim with its reason), all
 * as the lock froze them, so a notice printed again later reads the same.
 */
export async function readPrintableNotice(
  deps: Deps,
  principal: Principal | undefined,
  contestId: string,
  proposalId: string,
) {
  const notice = await readNotice(deps, principal, contestId, proposalId);
  const [contest, locked] = await Promise.all([
    getContest(deps.db, contestId),
    readLockedBundle(deps, contestId),
  ]);
  if (!contest) throw new NotFoundError('contest.notFound');
  const lines = locked.content.bundle.lines;
  return {
    notice,
    contest,
    lines,
    line: lines.find((l) => l.proposalId === proposalId),
    addressee: locked.content.parties?.find((p) => p.proposalId === proposalId)?.teamName,
  };
}

/** Anyone can check a notice by its number and verification code; only public facts come back. */
export function verifyNotice(deps: Deps, typed: string, code: string) {
  return verifyByCode(
    deps,
    (number) => keys.noticeByNumber(number).gsi2pk,
    parseNotice,
    ({ title, contestTitle, bundleSha256 }) => ({ title, contestTitle, bundleSha256 }),
    typed,
    code,
  );
}

/** The awards as an OCDS release: public once the bundle is locked. */
export async function awardsRelease(deps: Deps, contestId: string) {
  const contest = await getContest(deps.db, contestId);
  const locked = await readLockedBundle(deps, contestId);
  if (!contest) throw new NotFoundError('contest.notFound');
  // Built from the frozen record only: names as they were at the lock, whatever changed since.
  const parties = new Map((locked.content.parties ?? []).map((p) => [p.proposalId, p]));
  const selected = locked.content.bundle.lines.filter((line) => line.selected);
  return ocdsRelease({
    ocidPrefix: OCID_PREFIX,
    contest: {
      id: contest.id,
      title: locked.content.contestTitle,
      budgetFen: locked.content.budgetFen ?? contest.budgetFen,
    },
    office: { id: locked.content.officeId ?? contest.officeId, name: locked.content.officeName },
    lockedAt: locked.lockedAt,
    submittedCount: parties.size,
    selected: selected.map((line) => ({
      proposalId: line.proposalId,
      title: line.title,
      teamId: parties.get(line.proposalId)?.teamId ?? '',
      teamName: parties.get(line.proposalId)?.teamName ?? '',
      amountFen: line.amountFen,
    })),
  });
}
