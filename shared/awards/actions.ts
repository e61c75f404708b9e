import { recordAudit } from '../audit-log.ts';
import type { Principal } from '../auth.ts';
import { isOfficerOf } from '../auth.ts';
import { readLockedBundle } from '../bundle/actions.ts';
import type { BundleLine, LockedBundle } from '../bundle/model.ts';
import { Notice } from '../bundle/model.ts';
import { assertStatus, contestForOfficer, saveContest } from '../contest/actions.ts';
import { getContest } from '../contest/store.ts';
import { type Db, getItem, keyPrefix, putIf, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { keys, withoutKeys } from '../keys.ts';
import { capitalYuan } from '../money.ts';
import {
  assignNoticeNumbers,
  noticeNumber,
  ocdsRelease,
  parseNoticeNumber,
  sameCode,
  shanghaiYear,
  verificationCode,
} from '../notice.ts';
import { getOffice } from '../office/office.ts';
import { type PageRequest, queryPaged } from '../paging.ts';
import type { Proposal } from '../proposal/model.ts';
import { readWholeContest } from '../review/store.ts';
import { getTeam } from '../team/team.ts';

const parseNotice = (item: Record<string, unknown>) => Notice.parse(withoutKeys(item));

function noticeItem(notice: Notice) {
  return {
    ...keys.notice(notice.contestId, notice.proposalId),
    ...keys.noticeByOwner(notice.ownerSub, notice.contestId, notice.proposalId),
    ...keys.noticeByNumber(notice.number),
    ...notice,
  };
}

/**
 * Every submitted proposal gets one notice, in the locked bundle's order: the selected first,
 * then the others as the bundle lists them, then those screened out. Numbers come from that
 * order, never from a counter, so they have no gaps and a re-run gives the same numbers.
 */
function noticeOrder(locked: LockedBundle, proposals: Proposal[]) {
  const lines = locked.content.bundle.lines;
  const screenedOut = proposals
    .filter((p) => p.status === 'submitted' && p.eligibility?.eligible === false)
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id));
  const ordered: { proposalId: string; line?: BundleLine; screenedOut?: Proposal }[] = [
    ...lines.filter((l) => l.selected).map((line) => ({ proposalId: line.proposalId, line })),
    ...lines.filter((l) => !l.selected).map((line) => ({ proposalId: line.proposalId, line })),
    ...screenedOut.map((p) => ({ proposalId: p.id, screenedOut: p })),
  ];
  return { ordered, numbers: assignNoticeNumbers(ordered.map((o) => o.proposalId)) };
}

/**
 * Issues the notices. Each notice is its own conditional put, so the fan-out is idempotent and
 * resumable: run twice, or crash half-way and run again, and every proposal has exactly one.
 */
export async function issueNotices(deps: Deps, principal: Principal, contestId: string) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, ['locked', 'awarded']);
  const locked = await readLockedBundle(deps, contestId);
  const whole = (await readWholeContest(deps.db, contestId))!;
  const office = await getOffice(deps.db, contest.officeId);
  const proposals = new Map(whole.proposals.map((p) => [p.id, p]));
  const { ordered, numbers } = noticeOrder(locked, whole.proposals);
  const year = shanghaiYear(locked.lockedAt);
  const issuedAt = deps.clock.now().toISOString();
  let issued = 0;
  for (const entry of ordered) {
    const proposal = proposals.get(entry.proposalId)!;
    const sequence = numbers.get(entry.proposalId)!;
    const number = noticeNumber(contest.noticePrefix, year, sequence);
    const selected = entry.line?.selected === true;
    const notice: Notice = {
      contestId,
      proposalId: proposal.id,
      ownerSub: proposal.ownerSub,
      teamId: proposal.teamId,
      number,
      sequence,
      kind: selected ? 'selected' : 'not-selected',
      title: proposal.title ?? '',
      contestTitle: contest.title,
      officeName: contest.officeName,
      ...(office?.contact ? { officeContact: office.contact } : {}),
      ...(selected
        ? { amountFen: entry.line!.amountFen, amountCapital: capitalYuan(entry.line!.amountFen) }
        : {}),
      score: entry.line?.score ?? null,
      rank: entry.line?.rank ?? null,
      reason: entry.line?.reason ?? {
        code: 'ineligible',
        reason: entry.screenedOut?.eligibility?.reason ?? '',
      },
      verificationCode: verificationCode(deps.secret, contestId, number),
      bundleSha256: locked.sha256,
      issuedAt,
    };
    if (await putIf(deps.db, noticeItem(notice), 'attribute_not_exists(pk)')) issued++;
  }
  if (contest.status === 'locked') {
    try {
      await saveContest(deps, principal.sub, { ...contest, status: 'awarded' }, undefined, 'locked');
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  if (issued > 0) {
    await recordAudit(deps, contestId, {
      actor: principal.sub,
      action: 'notices.issue',
      subject: contestId,
      summary: { issued, total: ordered.length },
    });
  }
  return { issued, alreadyIssued: ordered.length - issued, total: ordered.length };
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

/** Anyone can check a notice by its number and verification code; only public facts come back. */
export async function verifyNotice(deps: Deps, typed: string, code: string) {
  // People type numbers with [] or 【】 and without 号; look up the canonical spelling.
  const number = parseNoticeNumber(typed)?.number;
  if (!number) return { valid: false as const };
  const items = await queryAll(deps.db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.noticeByNumber(number).gsi2pk },
  });
  const notice = items.map(parseNotice).find((n) => sameCode(n.verificationCode, code));
  if (!notice) return { valid: false as const };
  return {
    valid: true as const,
    notice: {
      number: notice.number,
      kind: notice.kind,
      title: notice.title,
      contestTitle: notice.contestTitle,
      officeName: notice.officeName,
      amountFen: notice.amountFen,
      amountCapital: notice.amountCapital,
      issuedAt: notice.issuedAt,
      bundleSha256: notice.bundleSha256,
    },
  };
}

/**
 * OCDS needs a publisher prefix registered with the Open Contracting Partnership; until a
 * deployment registers its own, releases carry this one, which marks them as unregistered.
 */
const OCID_PREFIX = 'ocds-mvdemo';

/** The awards as an OCDS release: public once the bundle is locked. */
export async function awardsRelease(deps: Deps, contestId: string) {
  const contest = await getContest(deps.db, contestId);
  const locked = await readLockedBundle(deps, contestId);
  if (!contest) throw new NotFoundError('contest.notFound');
  const whole = (await readWholeContest(deps.db, contestId))!;
  const proposals = new Map(whole.proposals.map((p) => [p.id, p]));
  const selected = locked.content.bundle.lines.filter((line) => line.selected);
  const teams = await Promise.all(
    selected.map((line) => getTeam(deps.db, proposals.get(line.proposalId)!.teamId)),
  );
  return ocdsRelease({
    ocidPrefix: OCID_PREFIX,
    contest: { id: contest.id, title: contest.title, budgetFen: contest.budgetFen },
    office: { id: contest.officeId, name: contest.officeName },
    lockedAt: locked.lockedAt,
    submittedCount: whole.proposals.filter((p) => p.status === 'submitted').length,
    selected: selected.map((line, i) => ({
      proposalId: line.proposalId,
      title: line.title,
      teamId: teams[i]?.id ?? proposals.get(line.proposalId)!.teamId,
      teamName: teams[i]?.name ?? '',
      amountFen: line.amountFen,
    })),
  });
}
