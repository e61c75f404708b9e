import { recordAudit } from '../audit-log.ts';
import { assertOfficer, isOfficerOf, type Principal } from '../auth.ts';
import { creation, insertOnce } from '../create-once.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { getOffice } from '../office/office.ts';
import type { PageRequest } from '../paging.ts';
import { parseOrThrow, pickShape } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import type { z } from '../zod.ts';
import {
  CANCELLABLE,
  CONTEST_DEFAULTS,
  type Contest,
  type ContestCreateInput,
  type ContestPatchInput,
  ContestRules,
  ContestRulesFields,
  type ContestStatus,
} from './model.ts';
import { contestItem, getContest, listContestsByOffice, listPublishedContests } from './store.ts';

const notFound = () => new NotFoundError('contest.notFound');

/** A draft is visible only to its own office; once opened, the call is public. */
export async function readContest(
  deps: Deps,
  principal: Principal | undefined,
  contestId: string,
): Promise<Contest> {
  const contest = await getContest(deps.db, contestId);
  if (!contest || (contest.status === 'draft' && !isOfficerOf(principal, contest.officeId))) throw notFound();
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
  const office = await getOffice(deps.db, officeId);
  if (!office) throw new NotFoundError('office.notFound');
  const rules = parseOrThrow(ContestRules, {
    ...CONTEST_DEFAULTS,
    noticePrefix: office.noticePrefix,
    ...input,
  });
  const now = deps.clock.now().toISOString();
  const contest: Contest = {
    ...rules,
    ...creation('contest', principal.sub, input, idempotencyKey),
    officeId,
    officeName: office.name,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: principal.sub,
  };
  const { entity, created } = await insertOnce(
    deps.db,
    contest,
    contestItem,
    () => getContest(deps.db, contest.id),
    (existing) => existing.createdBy === principal.sub,
  );
  return { contest: entity, created };
}

export async function updateContest(
  deps: Deps,
  principal: Principal,
  contestId: string,
  patch: z.infer<typeof ContestPatchInput>,
  ifMatch: IfMatch,
): Promise<Contest> {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  if (contest.status !== 'draft') throw new ConflictError('contest.notDraft');
  const rules = parseOrThrow(ContestRules, { ...pickShape(ContestRulesFields, contest), ...patch });
  return saveContest(deps, principal.sub, { ...contest, ...rules }, ifMatch, 'draft');
}

/**
 * Each change commits on the contest item, conditioned on the status it leaves; a change of
 * status is then appended to the contest's audit trail.
 */
export async function saveContest(
  deps: Deps,
  actor: string,
  next: Contest,
  expectedVersion: IfMatch | undefined,
  from: ContestStatus,
) {
  const saved = await saveNextVersion(deps.db, deps.clock, next, contestItem, {
    expectedVersion,
    condition: '#status = :from',
    names: { '#status': 'status' },
    values: { ':from': from },
  });
  await recordAudit(deps, saved.id, {
    actor,
    action: saved.status === from ? 'contest.edit' : `contest.${saved.status}`,
    subject: saved.id,
    summary: { from, to: saved.status, version: saved.version },
  });
  return saved;
}

export function assertStatus(contest: Contest, allowed: readonly ContestStatus[]) {
  if (!allowed.includes(contest.status))
    throw new ConflictError('contest.wrongStatus', { status: contest.status });
}

/** Opening publishes the call and freezes the rules. */
export async function openContest(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  assertStatus(contest, ['draft']);
  const now = deps.clock.now();
  if (new Date(contest.submissionDeadline) <= now) {
    throw new ValidationError('contest.deadlineInPast', {}, [
      { path: 'submissionDeadline', message: 'contest.deadlineInPast' },
    ]);
  }
  return saveContest(
    deps,
    principal.sub,
    { ...contest, status: 'open', openedAt: now.toISOString() },
    ifMatch,
    'draft',
  );
}

/** Closing ends submissions and starts eligibility screening; only once the deadline has passed. */
export async function closeContest(deps: Deps, principal: Principal, contestId: string, ifMatch?: IfMatch) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  assertStatus(contest, ['open']);
  const now = deps.clock.now();
  if (new Date(contest.submissionDeadline) > now) {
    throw new ConflictError('contest.deadlineNotPassed', { deadline: contest.submissionDeadline });
  }
  return saveContest(
    deps,
    principal.sub,
    { ...contest, status: 'screening', closedAt: now.toISOString() },
    ifMatch,
    'open',
  );
}

export async function cancelContest(
  deps: Deps,
  principal: Principal,
  contestId: string,
  reason: string,
  ifMatch?: IfMatch,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertVersion(contest, ifMatch);
  assertStatus(contest, CANCELLABLE);
  const next: Contest = {
    ...contest,
    status: 'cancelled',
    cancelledAt: deps.clock.now().toISOString(),
    cancelReason: reason,
  };
  return saveContest(deps, principal.sub, next, ifMatch, contest.status);
}

export function listOfficeContests(deps: Deps, principal: Principal, officeId: string, page: PageRequest) {
  assertOfficer(principal, officeId);
  return listContestsByOffice(deps.db, deps.cursors, officeId, page);
}

export function listPublicContests(deps: Deps, page: PageRequest) {
  return listPublishedContests(deps.db, deps.cursors, page);
}
