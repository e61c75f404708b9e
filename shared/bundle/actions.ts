import { sealAudit, verifyTrail } from '../audit-log.ts';
import type { Principal } from '../auth.ts';
import { contestForOfficer, transitionContest } from '../contest/actions.ts';
import {
  assertPhase,
  inPhase,
  isPublicContest,
  noOpenObjections,
  objectionChange,
  phaseCheck,
  sameReviewRevision,
} from '../contest/lifecycle.ts';
import type { Contest } from '../contest/model.ts';
import { SHORTLIST_POLICIES } from '../contest/model.ts';
import { getContest } from '../contest/store.ts';
import { createOp, creation, insertOnce } from '../create-once.ts';
import { getItem, keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { listParam } from '../i18n.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { lockedBundleDigest } from '../notice.ts';
import { isEligible } from '../proposal/model.ts';
import { takeQuota } from '../quota.ts';
import { openSheetsOf, rankWholeContest, wholeContestForOfficer } from '../review/actions.ts';
import { readWholeContest } from '../review/store.ts';
import {
  type Candidate,
  ShortlistInfeasibleError,
  type ShortlistRules,
  ShortlistSearchLimitError,
  shortlist,
} from '../shortlist.ts';
import { getTeam } from '../team/team.ts';
import { AlreadyExists, type CheckOp, commit } from '../transact.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import {
  type BundleLine,
  type BundleSummary,
  Decisions,
  type DecisionsInput,
  LockedBundle,
  Objection,
  Publicity,
} from './model.ts';

type Ranked = ReturnType<typeof rankWholeContest>;
type Policy = (typeof SHORTLIST_POLICIES)[number];

const DAY_MS = 24 * 3600 * 1000;

function emptyDecisions(contestId: string): Decisions {
  return {
    contestId,
    trims: {},
    add: [],
    drop: [],
    incompatibleGroups: [],
    version: 0,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
  };
}

async function readDecisions(deps: Deps, contestId: string): Promise<Decisions> {
  const item = await getItem(deps.db, keys.decisions(contestId));
  return item ? Decisions.parse(withoutKeys(item)) : emptyDecisions(contestId);
}

function rulesOf(contest: Contest, decisions: Decisions, policy?: Policy): ShortlistRules {
  const { shortlisting } = contest;
  return {
    policy: policy ?? shortlisting.policy,
    budgetFen: contest.budgetFen,
    ...(shortlisting.minScore !== undefined ? { minScore: shortlisting.minScore } : {}),
    ...(shortlisting.categoryQuotas ? { categoryQuotas: shortlisting.categoryQuotas } : {}),
    ...(shortlisting.communityMaxShareBp ? { communityMaxShareBp: shortlisting.communityMaxShareBp } : {}),
    partialFunding: shortlisting.partialFunding ?? false,
    incompatibleGroups: decisions.incompatibleGroups,
    manual: { add: decisions.add, drop: decisions.drop },
  };
}

/**
 * Why no bundle can be made, as a 422 the officer can act on, naming proposals by title and
 * categories by name (an id the ranking does not know is shown as given).
 */
function infeasibility(error: unknown, contest: Contest, ranked: Ranked): unknown {
  if (error instanceof ShortlistSearchLimitError) return new ValidationError('bundle.searchLimit');
  if (!(error instanceof ShortlistInfeasibleError)) return error;
  const { detail } = error;
  const titleOf = new Map(ranked.items.map((item) => [item.proposalId, item.title]));
  const titles = listParam(detail.proposalIds.map((id) => `“${titleOf.get(id) || id}”`));
  switch (detail.code) {
    case 'category-min-unmet':
      return new ValidationError('bundle.quotaUnmet', {
        category: contest.categories.find((c) => c.code === detail.category)?.name ?? detail.category,
        min: detail.min,
        possible: detail.possible,
      });
    case 'manual-add-over-budget':
      return new ValidationError('bundle.manualOverBudget', {
        titles,
        totalFen: detail.totalFen,
        budgetFen: detail.budgetFen,
      });
    case 'manual-conflict':
      return new ValidationError('bundle.manualConflict', { titles });
    case 'manual-unknown':
      return new ValidationError('bundle.manualUnknown', { titles });
    case 'approved-above-requested':
      return new ValidationError('bundle.trimAboveRequest', { titles });
    case 'min-viable-above-amount':
      return new ValidationError('bundle.minViableAboveAmount', { titles });
  }
}

/** Runs the contest's shortlisting rules over its ranking and explains every proposal. */
function buildBundle(contest: Contest, ranked: Ranked, decisions: Decisions, policy?: Policy): BundleSummary {
  const rankedItems = ranked.items.filter((item) => item.status === 'ranked');
  const candidates: Candidate[] = rankedItems.map((item) => ({
    proposalId: item.proposalId,
    rank: item.rank!,
    score: item.score!,
    requestedFen: item.requestedFen,
    ...(decisions.trims[item.proposalId]
      ? { approvedFen: decisions.trims[item.proposalId]!.approvedFen }
      : {}),
    ...(item.minViableFen !== undefined ? { minViableFen: item.minViableFen } : {}),
    category: item.category,
    community: item.community,
  }));
  let result: ReturnType<typeof shortlist>;
  try {
    result = shortlist(rulesOf(contest, decisions, policy), candidates);
  } catch (error) {
    throw infeasibility(error, contest, ranked);
  }
  const byId = new Map(ranked.items.map((item) => [item.proposalId, item]));
  const lines: BundleLine[] = result.decisions.map((decision) => {
    const item = byId.get(decision.proposalId)!;
    const trim = decisions.trims[decision.proposalId];
    return {
      proposalId: decision.proposalId,
      title: item.title,
      category: item.category,
      community: item.community,
      categoryName: item.categoryName,
      communityName: item.communityName,
      rank: decision.rank,
      score: decision.score,
      requestedFen: item.requestedFen,
      amountFen: decision.amountFen,
      selected: decision.selected,
      group: decision.group,
      reason: decision.reason,
      ...(trim ? { trim } : {}),
    };
  });
  // Proposals without enough reviews were never candidates; they are listed with that reason.
  for (const item of ranked.items.filter((i) => i.status !== 'ranked')) {
    lines.push({
      proposalId: item.proposalId,
      title: item.title,
      category: item.category,
      community: item.community,
      categoryName: item.categoryName,
      communityName: item.communityName,
      rank: null,
      score: null,
      requestedFen: item.requestedFen,
      amountFen: item.requestedFen,
      selected: false,
      group: 'excluded',
      reason: { code: 'not-enough-reviews', sheetCount: item.sheetCount, minJudges: ranked.minJudges },
    });
  }
  return {
    policy: result.policy,
    budgetFen: contest.budgetFen,
    usedFen: result.usedFen,
    leftFen: result.leftFen,
    totalScore: result.totalScore,
    selectedCount: result.selectedCount,
    lines,
  };
}

/** The bundle the contest's rules give now (or what another policy would give, to compare). */
export async function proposeBundle(deps: Deps, principal: Principal, contestId: string, policy?: Policy) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertPhase(whole.contest, 'shortlist');
  const decisions = await readDecisions(deps, contestId);
  return buildBundle(whole.contest, rankWholeContest(whole), decisions, policy);
}

export async function compareBundles(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertPhase(whole.contest, 'shortlist');
  const decisions = await readDecisions(deps, contestId);
  const ranked = rankWholeContest(whole);
  return {
    contestPolicy: whole.contest.shortlisting.policy,
    bundles: SHORTLIST_POLICIES.map((policy) => buildBundle(whole.contest, ranked, decisions, policy)),
  };
}

export async function getDecisions(deps: Deps, principal: Principal, contestId: string) {
  await contestForOfficer(deps, principal, contestId);
  return readDecisions(deps, contestId);
}

/** Decisions change only in review: once published, the bundle is what the public saw. */
export async function saveDecisions(
  deps: Deps,
  principal: Principal,
  contestId: string,
  input: DecisionsInput,
  ifMatch?: IfMatch,
) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertPhase(whole.contest, 'decisions');
  const proposals = new Map(whole.proposals.map((p) => [p.id, p]));
  const errors: {
    path: string;
    message: 'bundle.unknownProposal' | 'bundle.trimAboveRequest';
    params: Record<string, string | number>;
  }[] = [];
  const known = (id: string, path: string) => {
    const p = proposals.get(id);
    if (!p || !isEligible(p)) {
      errors.push({ path, message: 'bundle.unknownProposal', params: { value: id } });
    }
    return p;
  };
  for (const [id, trim] of Object.entries(input.trims ?? {})) {
    const p = known(id, `trims.${id}`);
    if (p && trim.approvedFen > (p.requestedFen ?? 0)) {
      errors.push({
        path: `trims.${id}.approvedFen`,
        message: 'bundle.trimAboveRequest',
        params: { titles: `“${p.title || id}”` },
      });
    }
  }
  for (const [i, a] of (input.add ?? []).entries()) known(a.proposalId, `add.${i}.proposalId`);
  for (const [i, d] of (input.drop ?? []).entries()) known(d.proposalId, `drop.${i}.proposalId`);
  for (const [i, group] of (input.incompatibleGroups ?? []).entries()) {
    for (const [k, id] of group.entries()) known(id, `incompatibleGroups.${i}.${k}`);
  }
  if (errors.length > 0) throw new ValidationError('validation.failed', {}, errors);

  const current = await readDecisions(deps, contestId);
  // A stale If-Match fails on the first save too: there is no version "999" of decisions not yet made.
  assertVersion(current, ifMatch);
  const now = deps.clock.now().toISOString();
  const next: Decisions = {
    ...current,
    trims: input.trims ?? {},
    add: input.add ?? [],
    drop: input.drop ?? [],
    incompatibleGroups: input.incompatibleGroups ?? [],
    createdAt: current.createdAt || now,
    updatedBy: principal.sub,
  };
  // The rules must still produce a bundle with these decisions (a quota, say): refuse them otherwise.
  buildBundle(whole.contest, rankWholeContest(whole), next);
  const note = {
    trail: contestId,
    actor: principal.sub,
    action: 'decisions.save',
    subject: contestId,
    summary: {
      trims: Object.keys(next.trims).length,
      add: next.add.map((a) => a.proposalId),
      drop: next.drop.map((d) => d.proposalId),
      incompatibleGroups: next.incompatibleGroups.length,
    },
  };
  const phase = phaseCheck(contestId, 'decisions');
  if (current.version === 0) {
    const first = { ...next, version: 1, updatedAt: now };
    try {
      await commit(deps, [phase, createOp(decisionsItem(first))], note);
    } catch (error) {
      if (error instanceof AlreadyExists) throw new ConflictError('precondition.failed');
      throw error;
    }
    return first;
  }
  return saveNextVersion(deps, next, decisionsItem, { expectedVersion: ifMatch }, note, [phase]);
}

function decisionsItem(decisions: Decisions) {
  return { ...keys.decisions(decisions.contestId), entityType: ENTITY.decisions, ...decisions };
}

/** Publish commits on the decisions it read: unchanged version, or still none saved. */
function sameDecisions(decisions: Decisions): CheckOp {
  return {
    kind: 'check',
    key: keys.decisions(decisions.contestId),
    expression: decisions.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
    ...(decisions.version === 0 ? {} : { values: { ':version': decisions.version } }),
    explain: () => new ConflictError('bundle.reviewChanged'),
  };
}

/**
 * Publishing freezes the proposed bundle for the publicity days and opens objections. One
 * transaction writes the publicity record (once: its key can be written only once) and moves
 * the contest from review to publicity, on condition that nothing ranking reads (sheets,
 * conflicts: the review revision) and no decision changed since they were read; the record
 * anchors the audit trail's head as sealed just before. Of concurrent publishes one wins; the
 * others, and any sheet or decision that loses the race, get 409 and write nothing.
 */
/** How many open sheets a refusal names before it says "and n more". */
const OPEN_SHEETS_NAMED = 10;

/**
 * Publishes the bundle the rules give now, with the ranking it rests on, for the publicity days.
 * Every proposal must have its quorum; assigned sheets still open (judges per proposal above the
 * quorum, a judge who did not finish) are left out of the ranking, so publishing with any needs
 * `confirmOpenSheets`: without it, 409 `bundle.openSheets` names them (proposal and judge).
 * Errors: 403 another office; 409 wrong phase, quorum missing, open sheets, a sheet submitted or reopened since the page showed the bundle (`shownReviewRevision`), a sheet submitted
 * meanwhile; 412 stale If-Match; 422 the rules cannot be met.
 */
export async function publishBundle(
  deps: Deps,
  principal: Principal,
  contestId: string,
  ifMatch?: IfMatch,
  options: { confirmOpenSheets?: boolean | undefined; shownReviewRevision?: number | undefined } = {},
) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertVersion(whole.contest, ifMatch);
  assertPhase(whole.contest, 'decisions');
  // The officer confirmed the bundle a page showed; a sheet submitted or reopened since then
  // changes the ranking (the contest's version stays), so what would be published differs.
  if (
    options.shownReviewRevision !== undefined &&
    options.shownReviewRevision !== (whole.contest.reviewRevision ?? 0)
  )
    throw new ConflictError('bundle.rankingChanged');
  const ranked = rankWholeContest(whole);
  const missing = ranked.items.filter((item) => item.status !== 'ranked').length;
  if (missing > 0) throw new ConflictError('bundle.reviewIncomplete', { count: missing });
  const open = openSheetsOf(whole);
  if (open.length > 0 && !options.confirmOpenSheets) {
    const named = open.slice(0, OPEN_SHEETS_NAMED).map((o) => [o.title, o.judgeName] as const);
    const more = open.length - named.length;
    throw new ConflictError(
      'bundle.openSheets',
      { count: open.length, sheets: listParam([...named, ...(more > 0 ? [`…(+${more})`] : [])]) },
      [{ path: 'confirmOpenSheets', message: 'bundle.openSheetsConfirm' }],
    );
  }
  const decisions = await readDecisions(deps, contestId);
  const bundle = buildBundle(whole.contest, ranked, decisions);
  const auditAnchor = await sealAudit(deps, contestId);
  const now = deps.clock.now();
  const publicity: Publicity = {
    contestId,
    publishedAt: now.toISOString(),
    endsAt: new Date(now.getTime() + whole.contest.publicityDays * DAY_MS).toISOString(),
    publishedBy: principal.sub,
    bundle,
    auditAnchor,
  };
  const contest = await transitionContest(deps, principal.sub, whole.contest, 'publish', {
    expectedVersion: ifMatch,
    extra: sameReviewRevision(whole.contest),
    also: [
      sameDecisions(decisions),
      {
        ...createOp({ ...keys.publicity(contestId), entityType: ENTITY.publicity, ...publicity }),
        explain: () => new ConflictError('contest.wrongStatus', { status: 'publicity' }),
      },
    ],
    summary: { usedFen: bundle.usedFen, selected: bundle.selectedCount },
  });
  return { contest, publicity };
}

async function readPublicityItem(deps: Deps, contestId: string) {
  const item = await getItem(deps.db, keys.publicity(contestId));
  return item ? Publicity.parse(withoutKeys(item)) : undefined;
}

/** The public page of the proposed bundle: ranking, scores, amounts and reasons, no personal data. */
export async function readPublicity(deps: Deps, contestId: string) {
  const contest = await getContest(deps.db, contestId);
  const publicity =
    contest && inPhase(contest, 'published') ? await readPublicityItem(deps, contestId) : undefined;
  if (!contest || !publicity) throw new NotFoundError('bundle.notPublished');
  const objections = await listObjectionItems(deps, contestId);
  return { contest, publicity, objections: objections.length, answered: answeredInPublic(objections) };
}

/** An answered objection as the public reads it: what was said and the answer, never who. */
export interface PublicAnswer {
  id: string;
  proposalId?: string;
  text: string;
  filedAt: string;
  answer: string;
  answeredAt: string;
}

function answeredInPublic(objections: Objection[]): PublicAnswer[] {
  return objections
    .flatMap(({ id, proposalId, text, filedAt, answer, answeredAt }) =>
      answer === undefined
        ? []
        : [
            {
              id,
              ...(proposalId ? { proposalId } : {}),
              text,
              filedAt,
              answer,
              answeredAt: answeredAt ?? filedAt,
            },
          ],
    )
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt));
}

/** A resident's own objections on a published contest, with the office's answers so far. */
export async function listMyObjections(deps: Deps, principal: Principal, contestId: string) {
  const objections = await listObjectionItems(deps, contestId);
  return objections
    .filter((objection) => objection.filedBy === principal.sub)
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt));
}

async function listObjectionItems(deps: Deps, contestId: string): Promise<Objection[]> {
  const items = await queryAll(deps.db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'OBJECTION#'),
  });
  return items.map((item) => Objection.parse(withoutKeys(item)));
}

/**
 * A signed-in resident objects during the publicity days; the officer must answer before locking.
 * With an Idempotency-Key (the page's form carries one), the same objection sent again (Back and
 * submit, a retry) returns the first one instead of filing, counting and blocking the lock twice;
 * the same key with other content is refused (422 `idempotency.mismatch`).
 */
export async function fileObjection(
  deps: Deps,
  principal: Principal,
  contestId: string,
  input: { proposalId?: string | undefined; text: string },
  idempotencyKey?: string,
) {
  const contest = await getContest(deps.db, contestId);
  // A resident cannot learn that a contest never opened exists: 404, not a phase refusal.
  if (!contest || !isPublicContest(contest)) throw new NotFoundError('contest.notFound');
  assertPhase(contest, 'objections');
  const publicity = await readPublicityItem(deps, contestId);
  if (!publicity) throw new NotFoundError('bundle.notPublished');
  const now = deps.clock.now();
  if (now >= new Date(publicity.endsAt))
    throw new ConflictError('bundle.publicityOver', { endsAt: publicity.endsAt });
  if (input.proposalId && !publicity.bundle.lines.some((line) => line.proposalId === input.proposalId)) {
    throw new ValidationError('validation.failed', {}, [
      { path: 'proposalId', message: 'bundle.unknownProposal', params: { value: input.proposalId } },
    ]);
  }
  const { id, requestHash } = creation('objection', `${principal.sub}#${contestId}`, input, idempotencyKey);
  const objection: Objection = {
    id,
    contestId,
    ...(input.proposalId ? { proposalId: input.proposalId } : {}),
    text: input.text,
    filedBy: principal.sub,
    filedAt: now.toISOString(),
    requestHash,
  };
  const { entity } = await insertOnce(
    deps,
    objection,
    (o) => ({ ...keys.objection(contestId, o.id), entityType: ENTITY.objection, ...o }),
    () => readObjection(deps, contestId, id),
    (existing) => existing.filedBy === principal.sub,
    {
      trail: contestId,
      actor: principal.sub,
      action: 'objection.file',
      subject: objection.id,
      summary: { proposalId: objection.proposalId ?? null },
    },
    [
      objectionChange(contestId, 1),
      {
        kind: 'check',
        key: keys.publicity(contestId),
        expression: 'endsAt > :now',
        values: { ':now': now.toISOString() },
        explain: () => new ConflictError('bundle.publicityOver', { endsAt: publicity.endsAt }),
      },
      takeQuota('objections', principal.sub, contestId),
    ],
  );
  return entity;
}

async function readObjection(deps: Deps, contestId: string, objectionId: string) {
  const item = await getItem(deps.db, keys.objection(contestId, objectionId));
  return item ? Objection.parse(withoutKeys(item)) : undefined;
}

export async function listObjections(deps: Deps, principal: Principal, contestId: string) {
  await contestForOfficer(deps, principal, contestId);
  return listObjectionItems(deps, contestId);
}

/** An answer goes on the record once; the objection item is its commit point. */
export async function answerObjection(
  deps: Deps,
  principal: Principal,
  contestId: string,
  objectionId: string,
  answer: string,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'objections');
  const answered = { answer, answeredBy: principal.sub, answeredAt: deps.clock.now().toISOString() };
  await commit(
    deps,
    [
      objectionChange(contestId, -1),
      {
        kind: 'update',
        key: keys.objection(contestId, objectionId),
        set: answered,
        expression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
        explain: (old) =>
          old ? new ConflictError('objection.answered') : new NotFoundError('objection.notFound'),
      },
    ],
    { trail: contestId, actor: principal.sub, action: 'objection.answer', subject: objectionId, summary: {} },
  );
  const item = await getItem(deps.db, keys.objection(contestId, objectionId));
  return Objection.parse(withoutKeys(item ?? {}));
}

/**
 * What locking needs, checked without changing the contest (reading the trail seals it, as any
 * read of it does): the publicity is over, every objection answered,
 * the bundle within the budget and the audit trail intact. The page asks before it shows its
 * confirmation, so that an officer is never asked to confirm what cannot happen.
 * Errors: 403 another office; 404 not published; 409 wrong phase, publicity not over (its end in
 * Beijing time), objections unanswered, over budget, a broken audit trail.
 */
export async function lockableBundle(deps: Deps, principal: Principal, contestId: string) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'objections');
  const publicity = await readPublicityItem(deps, contestId);
  if (!publicity) throw new NotFoundError('bundle.notPublished');
  const now = deps.clock.now();
  if (now < new Date(publicity.endsAt))
    throw new ConflictError('bundle.publicityNotOver', { endsAt: publicity.endsAt });
  const open = (await listObjectionItems(deps, contestId)).filter((o) => o.answer === undefined).length;
  if (open > 0) throw new ConflictError('bundle.objectionsOpen', { count: open });
  const used = publicity.bundle.lines.filter((l) => l.selected).reduce((sum, l) => sum + l.amountFen, 0);
  if (used > contest.budgetFen || used !== publicity.bundle.usedFen)
    throw new ConflictError('bundle.overBudget');
  const chain = await verifyTrail(deps, contestId, publicity.auditAnchor ? [publicity.auditAnchor] : []);
  if (!chain.ok) throw new ConflictError('audit.broken', { seq: chain.brokenAt });
  return { contest, publicity, now, chain };
}

/**
 * The lock: one transaction writes the locked bundle (its key can be written only once), moves
 * the contest from publicity to locked (so a cancel and a lock never both win) on condition
 * that no objection is open (the contest's `openObjections`, moved by every objection's own
 * transaction, so one filed after the objections were read refuses the lock) and writes the
 * audit entry. The bundle is the frozen public record: it holds what the public sees from now
 * on (titles, teams' names as they are now, amounts, scores, reasons, the proposals screened
 * out) and the audit trail's head as sealed just before; its SHA-256 covers all of it.
 */
export async function lockBundle(deps: Deps, principal: Principal, contestId: string) {
  const { contest, publicity, now, chain } = await lockableBundle(deps, principal, contestId);
  const content = {
    contestId,
    contestTitle: contest.title,
    officeId: contest.officeId,
    officeName: contest.officeName,
    noticePrefix: contest.noticePrefix,
    budgetFen: contest.budgetFen,
    aggregation: contest.aggregation,
    bundle: publicity.bundle,
    parties: await frozenParties(deps, contestId),
    auditAnchor: { count: chain.count, head: chain.head },
  };
  const locked: LockedBundle = {
    contestId,
    lockedAt: now.toISOString(),
    lockedBy: principal.sub,
    content,
    sha256: lockedBundleDigest(content),
  };
  await transitionContest(deps, principal.sub, contest, 'lock', {
    extra: noOpenObjections(),
    also: [
      {
        ...createOp({ ...keys.lockedBundle(contestId), entityType: ENTITY.lockedBundle, ...locked }),
        explain: () => new ConflictError('bundle.alreadyLocked'),
      },
    ],
    summary: {
      sha256: locked.sha256,
      usedFen: publicity.bundle.usedFen,
      selected: publicity.bundle.selectedCount,
    },
  });
  return locked;
}

/**
 * Every submitted proposal as the public record keeps it from the lock on: its title, the team
 * and the team's name as they are at the lock, and, for those screened out, the reason. Later
 * edits of a team do not reach the record (issue: names followed live renames).
 */
async function frozenParties(deps: Deps, contestId: string) {
  const whole = await readWholeContest(deps.db, contestId);
  const submitted = (whole?.proposals ?? []).filter((p) => p.status === 'submitted');
  const teams = new Map<string, string>();
  for (const teamId of new Set(submitted.map((p) => p.teamId))) {
    teams.set(teamId, (await getTeam(deps.db, teamId))?.name ?? '');
  }
  return submitted
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id))
    .map((p) => ({
      proposalId: p.id,
      title: p.title ?? '',
      teamId: p.teamId,
      teamName: teams.get(p.teamId) ?? '',
      ...(p.eligibility?.eligible === false ? { screenedOut: p.eligibility.reason ?? '' } : {}),
    }));
}

export async function readLockedBundle(deps: Deps, contestId: string): Promise<LockedBundle> {
  const item = await getItem(deps.db, keys.lockedBundle(contestId));
  if (!item) throw new NotFoundError('bundle.notLocked');
  return LockedBundle.parse(withoutKeys(item));
}
