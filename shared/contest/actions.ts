import { assertOfficer, isOfficerOf, type Principal } from '../auth.ts';
import type { CodeName, TypedCodeName } from '../codes.ts';
import { createDraftOnce } from '../create-once.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { keys } from '../keys.ts';
import { addCommunityOp, officeWithCommunities, placeCommunities } from '../office/communities.ts';
import type { PageRequest } from '../paging.ts';
import { commit, type Op, type PutOp } from '../transact.ts';
import { parseOrThrow, pickShape } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import type { z } from '../zod.ts';
import {
  assertPhase,
  type ContestCondition,
  explainPhase,
  isPublicContest,
  nextPhase,
  phaseCondition,
  TRANSITION_ACTIONS,
  type TransitionName,
  transitionUpdate,
} from './lifecycle.ts';
import {
  CONTEST_DEFAULTS,
  type Contest,
  type ContestCreateInput,
  type ContestPatchInput,
  ContestRules,
  ContestRulesFields,
} from './model.ts';
import { contestItem, getContest, listContestsByOffice, listPublishedContests } from './store.ts';

const notFound = () => new NotFoundError('contest.notFound');

/** A draft (and a draft cancelled) is visible only to its own office; once opened, the call is public. */
export async function readContest(
  deps: Deps,
  principal: Principal | undefined,
  contestId: string,
): Promise<Contest> {
  const contest = await getContest(deps.db, contestId);
  if (!contest || (!isPublicContest(contest) && !isOfficerOf(principal, contest.officeId))) throw notFound();
  return contest;
}

/** Loads a contest an officer is about to act on, checking the office. */
export async function contestForOfficer(
  deps: Deps,
  principal: Principal,
  contestId: string,
): Promise<Contest> {
  const contest = await getContest(deps.db, contestId);
  if (!contest) throw notFound();
  assertOfficer(principal, contest.officeId);
  return contest;
}

export async function createContest(
  deps: Deps,
  principal: Principal,
  officeId: string,
  input: z.infer<typeof ContestCreateInput>,
  idempotencyKey?: string,
): Promise<{ contest: Contest; created: boolean }> {
  assertOfficer(principal, officeId);
  const found = await officeWithCommunities(deps.db, officeId);
  if (!found) throw new NotFoundError('office.notFound');
  const { office } = found;
  const now = deps.clock.now().toISOString();
  const placed = placeOnOfficeList(found.communities, input.communities, officeId, principal, now);
  const rules = parseOrThrow(ContestRules, {
    ...CONTEST_DEFAULTS,
    noticePrefix: office.noticePrefix,
    ...input,
    ...placed.fields,
  });
  const { entity, created } = await createDraftOnce<Contest>(
    deps,
    'contest',
    { sub: principal.sub, office: { id: officeId, name: office.name } },
    { ...rules, communities: placed.fields.communities ?? [] },
    { input, idempotencyKey },
    { toItem: contestItem, get: (id) => getContest(deps.db, id) },
    { ...addedSummary(placed.ops), also: placed.ops },
  );
  return { contest: entity, created };
}

/** Edits the rules of a draft: one write conditioned on the version and the draft phase. */
export async function updateContest(
  deps: Deps,
  principal: Principal,
  contestId: string,
  patch: z.infer<typeof ContestPatchInput>,
  ifMatch: IfMatch,
): Promise<Contest> {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  assertPhase(contest, 'rules');
  const list = patch.communities ? (await officeWithCommunities(deps.db, contest.officeId))?.communities : [];
  const now = deps.clock.now().toISOString();
  const placed = placeOnOfficeList(list ?? [], patch.communities, contest.officeId, principal, now);
  const rules = parseOrThrow(ContestRules, {
    ...pickShape(ContestRulesFields, contest),
    ...patch,
    ...placed.fields,
  });
  const phase = phaseCondition('rules');
  return saveNextVersion(
    deps,
    { ...contest, ...rules, communities: placed.fields.communities ?? contest.communities },
    contestItem,
    { expectedVersion: ifMatch, ...phase, explain: explainPhase },
    {
      trail: contestId,
      actor: principal.sub,
      action: 'contest.edit',
      subject: contestId,
      summary: { version: contest.version + 1, ...addedSummary(placed.ops).summary },
    },
    placed.ops,
  );
}

/**
 * A contest's communities as typed, placed on its office's list (shared/office/communities.ts):
 * each becomes a community of the list, the new ones joining it in the contest's own write.
 * A list the rules refuse (empty, too long, malformed) is left to the rules' messages.
 */
function placeOnOfficeList(
  list: readonly CodeName[],
  typed: readonly TypedCodeName[] | undefined,
  officeId: string,
  principal: Principal,
  at: string,
): { fields: { communities?: CodeName[] }; ops: PutOp[] } {
  if (!typed) return { fields: {}, ops: [] };
  const placed = placeCommunities(list, typed);
  if (placed.errors.length > 0) {
    const [first] = placed.errors;
    throw new ValidationError(
      first!.message as 'community.codeTaken',
      first!.params,
      placed.errors.map((error) => ({ ...error, path: `communities.${error.path}` })),
    );
  }
  return {
    fields: { communities: placed.entries },
    ops: placed.added.map((entry) => addCommunityOp(officeId, entry, principal, at)),
  };
}

/** The audit summary of the communities a contest's write put on the office's list. */
function addedSummary(ops: readonly PutOp[]): { summary?: { communitiesAdded: string[] } } {
  return ops.length > 0 ? { summary: { communitiesAdded: ops.map((op) => String(op.item.code)) } } : {};
}

/**
 * Makes a transition of the lifecycle: one transaction of the contest's conditional phase
 * update (from the transition's phases, at the version read when `expectedVersion` is given),
 * the items the transition writes with it (`also`), and its audit entry. Returns the contest as
 * written. Errors: 409 naming the phase when the contest has moved; 412 on a stale If-Match;
 * the errors of `also`'s conditions; 503 after repeated transaction conflicts.
 */
export async function transitionContest(
  deps: Deps,
  actor: string,
  contest: Contest,
  name: TransitionName,
  options: {
    fields?: Partial<Contest>;
    /** Attributes of the item that are not the entity's (index keys). */
    indexKeys?: Record<string, string>;
    expectedVersion?: IfMatch | undefined;
    /** A further condition on the contest item (e.g. the ranking revision publish read). */
    extra?: ContestCondition;
    also?: readonly Op[];
    summary?: Record<string, unknown>;
  } = {},
): Promise<Contest> {
  const now = deps.clock.now().toISOString();
  const fields = options.fields ?? {};
  const update = transitionUpdate(contest, name, now, {
    fields: { ...fields, ...options.indexKeys },
    expectedVersion: options.expectedVersion,
    ...(options.extra ? { extra: options.extra } : {}),
  });
  const to = nextPhase(contest, name);
  await commit(deps, [update, ...(options.also ?? [])], {
    trail: contest.id,
    actor,
    action: TRANSITION_ACTIONS[name],
    subject: contest.id,
    summary: { from: contest.status, to, version: contest.version + 1, ...options.summary },
  });
  return { ...contest, ...fields, status: to, version: contest.version + 1, updatedAt: now };
}

/** Opening publishes the call and freezes the rules. */
export async function openContest(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  nextPhase(contest, 'open');
  const now = deps.clock.now();
  if (new Date(contest.submissionDeadline) <= now) {
    throw new ValidationError('contest.deadlineInPast', {}, [
      { path: 'submissionDeadline', message: 'contest.deadlineInPast' },
    ]);
  }
  return transitionContest(deps, principal.sub, contest, 'open', {
    fields: { openedAt: now.toISOString() },
    indexKeys: keys.publishedContest(contest.submissionDeadline, contest.id),
    expectedVersion: ifMatch,
  });
}

/** Closing ends submissions and starts eligibility screening; only once the deadline has passed. */
export async function closeContest(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  nextPhase(contest, 'close');
  const now = deps.clock.now();
  if (new Date(contest.submissionDeadline) > now) {
    throw new ConflictError('contest.deadlineNotPassed', { deadline: contest.submissionDeadline });
  }
  return transitionContest(deps, principal.sub, contest, 'close', {
    fields: { closedAt: now.toISOString() },
    expectedVersion: ifMatch,
  });
}

/** Cancelling is possible until the bundle is locked: a lock and a cancel never both win. */
export async function cancelContest(
  deps: Deps,
  principal: Principal,
  contestId: string,
  reason: string,
  ifMatch?: IfMatch,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  return transitionContest(deps, principal.sub, contest, 'cancel', {
    fields: { cancelledAt: deps.clock.now().toISOString(), cancelReason: reason },
    expectedVersion: ifMatch,
    summary: { reason },
  });
}

export function listOfficeContests(deps: Deps, principal: Principal, officeId: string, page: PageRequest) {
  assertOfficer(principal, officeId);
  return listContestsByOffice(deps.db, deps.cursors, officeId, page);
}

export function listPublicContests(deps: Deps, page: PageRequest) {
  return listPublishedContests(deps.db, deps.cursors, page);
}
