import { verifyChain } from '../audit.ts';
import { readAudit, recordAudit } from '../audit-log.ts';
import type { Principal } from '../auth.ts';
import { assertStatus, contestForOfficer, saveContest } from '../contest/actions.ts';
import type { Contest } from '../contest/model.ts';
import { SHORTLIST_POLICIES } from '../contest/model.ts';
import { getContest } from '../contest/store.ts';
import { getItem, keyPrefix, putIf, putItem, queryAll, updateIf } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { keys, withoutKeys } from '../keys.ts';
import { lockedBundleDigest } from '../notice.ts';
import { isEligible } from '../proposal/model.ts';
import { rankWholeContest, wholeContestForOfficer } from '../review/actions.ts';
import {
  type Candidate,
  ShortlistInfeasibleError,
  type ShortlistRules,
  ShortlistSearchLimitError,
  shortlist,
} from '../shortlist.ts';
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

/** Why no bundle can be made, as a 422 the officer can act on. */
function infeasibility(error: unknown): unknown {
  if (error instanceof ShortlistSearchLimitError) return new ValidationError('bundle.searchLimit');
  if (!(error instanceof ShortlistInfeasibleError)) return error;
  const { detail } = error;
  const ids = detail.proposalIds.join('、');
  switch (detail.code) {
    case 'category-min-unmet':
      return new ValidationError('bundle.quotaUnmet', {
        category: detail.category,
        min: detail.min,
        possible: detail.possible,
      });
    case 'manual-add-over-budget':
      return new ValidationError('bundle.manualOverBudget', {
        totalFen: detail.totalFen,
        budgetFen: detail.budgetFen,
      });
    case 'manual-conflict':
      return new ValidationError('bundle.manualConflict', { ids });
    case 'manual-unknown':
      return new ValidationError('bundle.manualUnknown', { ids });
    case 'approved-above-requested':
      return new ValidationError('bundle.trimAboveRequest', { value: ids });
    case 'min-viable-above-amount':
      return new ValidationError('bundle.minViableAboveAmount', { ids });
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
    throw infeasibility(error);
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

const SHORTLIST_PHASES = ['review', 'publicity', 'locked', 'awarded'] as const;

/** The bundle the contest's rules give now (or what another policy would give, to compare). */
export async function proposeBundle(deps: Deps, principal: Principal, contestId: string, policy?: Policy) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertStatus(whole.contest, SHORTLIST_PHASES);
  const decisions = await readDecisions(deps, contestId);
  return buildBundle(whole.contest, rankWholeContest(whole), decisions, policy);
}

export async function compareBundles(deps: Deps, principal: Principal, contestId: string) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertStatus(whole.contest, SHORTLIST_PHASES);
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
  assertStatus(whole.contest, ['review']);
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
        params: { value: p.requestedFen ?? 0 },
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
  if (current.version > 0) assertVersion(current, ifMatch);
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
  const item = (d: Decisions) => ({ ...keys.decisions(contestId), ...d });
  // The rules must still produce a bundle with these decisions (a quota, say): refuse them otherwise.
  buildBundle(whole.contest, rankWholeContest(whole), next);
  if (current.version === 0) {
    const first = { ...next, version: 1, updatedAt: now };
    if (!(await putIf(deps.db, item(first), 'attribute_not_exists(pk)')))
      throw new ConflictError('precondition.failed');
    return first;
  }
  return saveNextVersion(deps.db, deps.clock, next, item, { expectedVersion: ifMatch });
}

/** Publishing freezes the proposed bundle for the publicity days and opens objections. */
export async function publishBundle(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const whole = await wholeContestForOfficer(deps, principal, contestId);
  assertVersion(whole.contest, ifMatch);
  assertStatus(whole.contest, ['review']);
  const ranked = rankWholeContest(whole);
  const missing = ranked.items.filter((item) => item.status !== 'ranked').length;
  if (missing > 0) throw new ConflictError('bundle.reviewIncomplete', { count: missing });
  const bundle = buildBundle(whole.contest, ranked, await readDecisions(deps, contestId));
  const now = deps.clock.now();
  const publicity: Publicity = {
    contestId,
    publishedAt: now.toISOString(),
    endsAt: new Date(now.getTime() + whole.contest.publicityDays * DAY_MS).toISOString(),
    publishedBy: principal.sub,
    bundle,
  };
  // Written before the transition, which is the commit point: while the contest is still in
  // review nobody reads this item, and a publish that loses the race is simply rewritten.
  await putItem(deps.db, { ...keys.publicity(contestId), ...publicity });
  const contest = await saveContest(
    deps,
    principal.sub,
    { ...whole.contest, status: 'publicity' },
    ifMatch,
    'review',
  );
  return { contest, publicity };
}

const PUBLISHED = ['publicity', 'locked', 'awarded'] as const;

async function readPublicityItem(deps: Deps, contestId: string) {
  const item = await getItem(deps.db, keys.publicity(contestId));
  return item ? Publicity.parse(withoutKeys(item)) : undefined;
}

/** The public page of the proposed bundle: ranking, scores, amounts and reasons, no personal data. */
export async function readPublicity(deps: Deps, contestId: string) {
  const contest = await getContest(deps.db, contestId);
  const publicity =
    contest && (PUBLISHED as readonly string[]).includes(contest.status)
      ? await readPublicityItem(deps, contestId)
      : undefined;
  if (!contest || !publicity) throw new NotFoundError('bundle.notPublished');
  return { contest, publicity, objections: (await listObjectionItems(deps, contestId)).length };
}

async function listObjectionItems(deps: Deps, contestId: string): Promise<Objection[]> {
  const items = await queryAll(deps.db, {
    ...keyPrefix(keys.contestPartition(contestId).pk, 'OBJECTION#'),
  });
  return items.map((item) => Objection.parse(withoutKeys(item)));
}

/** A signed-in resident objects during the publicity days; the officer must answer before locking. */
export async function fileObjection(
  deps: Deps,
  principal: Principal,
  contestId: string,
  input: { proposalId?: string | undefined; text: string },
) {
  const contest = await getContest(deps.db, contestId);
  if (!contest) throw new NotFoundError('contest.notFound');
  assertStatus(contest, ['publicity']);
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
  const objection: Objection = {
    id: newId(),
    contestId,
    ...(input.proposalId ? { proposalId: input.proposalId } : {}),
    text: input.text,
    filedBy: principal.sub,
    filedAt: now.toISOString(),
  };
  await putIf(
    deps.db,
    { ...keys.objection(contestId, objection.id), ...objection },
    'attribute_not_exists(pk)',
  );
  await recordAudit(deps, contestId, {
    actor: principal.sub,
    action: 'objection.file',
    subject: objection.id,
    summary: { proposalId: objection.proposalId ?? null },
  });
  return objection;
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
  assertStatus(contest, ['publicity']);
  const updated = await updateIf(deps.db, {
    Key: keys.objection(contestId, objectionId),
    UpdateExpression: 'SET answer = :answer, answeredBy = :by, answeredAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
    ExpressionAttributeValues: {
      ':answer': answer,
      ':by': principal.sub,
      ':at': deps.clock.now().toISOString(),
    },
  });
  if (updated) {
    await recordAudit(deps, contestId, {
      actor: principal.sub,
      action: 'objection.answer',
      subject: objectionId,
      summary: {},
    });
    return Objection.parse(withoutKeys(updated));
  }
  const exists = await getItem(deps.db, keys.objection(contestId, objectionId));
  if (!exists) throw new NotFoundError('objection.notFound');
  throw new ConflictError('objection.answered');
}

/**
 * The lock: one conditional write of the bundle item commits it, so of any number of
 * concurrent attempts exactly one succeeds and the locked bundle never changes afterwards.
 */
export async function lockBundle(deps: Deps, principal: Principal, contestId: string) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertStatus(contest, ['publicity']);
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
  const chain = verifyChain(await readAudit(deps, contestId));
  if (!chain.ok) throw new ConflictError('audit.broken', { seq: chain.brokenAt });
  const content = {
    contestId,
    contestTitle: contest.title,
    officeName: contest.officeName,
    noticePrefix: contest.noticePrefix,
    aggregation: contest.aggregation,
    bundle: publicity.bundle,
    auditAnchor: { count: chain.count, head: chain.head },
  };
  const locked: LockedBundle = {
    contestId,
    lockedAt: now.toISOString(),
    lockedBy: principal.sub,
    content,
    sha256: lockedBundleDigest(content),
  };
  if (!(await putIf(deps.db, { ...keys.lockedBundle(contestId), ...locked }, 'attribute_not_exists(pk)'))) {
    throw new ConflictError('bundle.alreadyLocked');
  }
  await recordAudit(deps, contestId, {
    actor: principal.sub,
    action: 'bundle.lock',
    subject: contestId,
    summary: {
      sha256: locked.sha256,
      usedFen: publicity.bundle.usedFen,
      selected: publicity.bundle.selectedCount,
    },
  });
  await finishLock(deps, principal.sub, contest);
  return locked;
}

/** The contest follows its locked bundle; whoever finds it behind (a crash) moves it on. */
async function finishLock(deps: Deps, actor: string, contest: Contest) {
  try {
    await saveContest(deps, actor, { ...contest, status: 'locked' }, undefined, 'publicity');
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

export async function readLockedBundle(deps: Deps, contestId: string): Promise<LockedBundle> {
  const item = await getItem(deps.db, keys.lockedBundle(contestId));
  if (!item) throw new NotFoundError('bundle.notLocked');
  return LockedBundle.parse(withoutKeys(item));
}
