import { assertNotOfficerOf, assertOfficer, isOfficerOf, type Principal } from '../auth.ts';
import { eachOnItsOwn } from '../bulk.ts';
import { contestForOfficer } from '../contest/actions.ts';
import { assertPhase, isPublicContest, phaseCheck } from '../contest/lifecycle.ts';
import { type Contest, codeNames } from '../contest/model.ts';
import { getContest, parseContest } from '../contest/store.ts';
import { creation, insertOnce } from '../create-once.ts';
import { getItems } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { keys } from '../keys.ts';
import type { PageRequest } from '../paging.ts';
import { takeQuota } from '../quota.ts';
import { teamOfOwner } from '../team/team.ts';
import { parseOrThrow } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import type { z } from '../zod.ts';
import {
  type BulkScreeningItem,
  contestChecks,
  type Proposal,
  type ProposalContent,
  type ProposalCreateInput,
  type ProposalStatus,
  proposalContent,
  type ScreeningInput,
  SubmittableContent,
} from './model.ts';
import {
  getProposal,
  listProposalsByOwner,
  listSubmittedProposals,
  parseProposal,
  proposalItem,
} from './store.ts';

const notFound = () => new NotFoundError('proposal.notFound');

async function openContestFor(deps: Deps, contestId: string): Promise<Contest> {
  return openContestOf(deps, await getContest(deps.db, contestId));
}

/** The contest a resident writes in: public, taking submissions, its deadline not passed. */
function openContestOf(deps: Deps, contest: Contest | undefined): Contest {
  if (!contest || !isPublicContest(contest)) throw new NotFoundError('contest.notFound');
  assertPhase(contest, 'submissions');
  assertBeforeDeadline(deps, contest.submissionDeadline);
  return contest;
}

function deadlineError(deps: Deps, deadline: string) {
  return deps.clock.now() >= new Date(deadline)
    ? new ConflictError('contest.deadlinePassed', { deadline })
    : undefined;
}

function assertBeforeDeadline(deps: Deps, deadline: string) {
  const error = deadlineError(deps, deadline);
  if (error) throw error;
}

/**
 * What every owner write commits on, in the same transaction: the contest is open and its
 * deadline has not passed (read from the contest item itself, so a cancel or a close that
 * commits first refuses the write: 409 naming the phase, or the deadline).
 */
function submissionWindow(deps: Deps, contestId: string) {
  return phaseCheck(contestId, 'submissions', {
    expression: 'submissionDeadline > :now',
    values: { ':now': deps.clock.now().toISOString() },
    explain: (old) => deadlineError(deps, String(old.submissionDeadline)),
  });
}

/** The owner's write: commits on the version, the open phase and the deadline, with its entry. */
function saveOwnerChange(
  deps: Deps,
  principal: Principal,
  next: Proposal,
  expectedVersion: IfMatch | undefined,
  action: string,
) {
  return saveNextVersion(
    deps,
    next,
    proposalItem,
    { expectedVersion },
    {
      trail: next.contestId,
      actor: principal.sub,
      action,
      subject: next.id,
      summary: { status: next.status },
    },
    [submissionWindow(deps, next.contestId)],
  );
}

/** Object check: the owner always; the contest's officers once it has been submitted. */
export async function readProposal(deps: Deps, principal: Principal, contestId: string, proposalId: string) {
  const proposal = await getProposal(deps.db, contestId, proposalId);
  if (!proposal) throw notFound();
  if (proposal.ownerSub === principal.sub) return proposal;
  if (isOfficerOf(principal, proposal.officeId) && proposal.status !== 'draft') return proposal;
  throw new ForbiddenError('http.forbidden');
}

async function ownProposal(deps: Deps, principal: Principal, contestId: string, proposalId: string) {
  return ownedProposal(principal, await getProposal(deps.db, contestId, proposalId));
}

/** Object check: only the proposal's owner acts on it (404 when there is none). */
function ownedProposal(principal: Principal, proposal: Proposal | undefined): Proposal {
  if (!proposal) throw notFound();
  if (proposal.ownerSub !== principal.sub) throw new ForbiddenError('auth.notTeamOwner');
  return proposal;
}

function assertProposalStatus(
  proposal: Proposal,
  allowed: readonly ProposalStatus[],
  code: 'proposal.notEditable' | 'proposal.wrongStatus',
) {
  if (!allowed.includes(proposal.status)) throw new ConflictError(code, { status: proposal.status });
}

export async function createProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  input: z.infer<typeof ProposalCreateInput>,
  idempotencyKey?: string,
): Promise<{ proposal: Proposal; created: boolean }> {
  const { teamId, ...content } = input;
  const contest = await openContestFor(deps, contestId);
  assertNotOfficerOf(principal, contest.officeId, 'auth.officerMayNotEnter');
  await teamOfOwner(deps, principal, teamId);
  const now = deps.clock.now().toISOString();
  const proposal: Proposal = {
    ...content,
    ...codeNames(contest, content),
    ...creation(`proposal:${contestId}`, principal.sub, input, idempotencyKey),
    contestId,
    officeId: contest.officeId,
    teamId,
    ownerSub: principal.sub,
    status: 'draft',
    contestDeadline: contest.submissionDeadline,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { entity, created } = await insertOnce(
    deps,
    proposal,
    proposalItem,
    () => getProposal(deps.db, contestId, proposal.id),
    (existing) => existing.ownerSub === principal.sub,
    { trail: contestId, actor: principal.sub, action: 'proposal.create', subject: proposal.id },
    [submissionWindow(deps, contestId), takeQuota('proposals', teamId, contestId)],
  );
  return { proposal: entity, created };
}

export async function updateProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  patch: ProposalContent,
  ifMatch: IfMatch,
) {
  const proposal = await ownProposal(deps, principal, contestId, proposalId);
  assertVersion(proposal, ifMatch);
  assertProposalStatus(proposal, ['draft', 'withdrawn'], 'proposal.notEditable');
  assertBeforeDeadline(deps, proposal.contestDeadline);
  const contest = await getContest(deps.db, contestId);
  if (!contest) throw new NotFoundError('contest.notFound');
  const { categoryName: _c, communityName: _m, ...rest } = { ...proposal, ...patch };
  const next = { ...rest, ...codeNames(contest, rest) };
  return saveOwnerChange(deps, principal, next, ifMatch, 'proposal.edit');
}

export async function submitProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  ifMatch?: IfMatch,
) {
  // The proposal and its contest in one request, the write in one more (issue 12: ≤ 2).
  const [proposalRow, contestRow] = await getItems(deps.db, [
    keys.proposal(contestId, proposalId),
    keys.contest(contestId),
  ]);
  const proposal = ownedProposal(principal, proposalRow && parseProposal(proposalRow));
  assertVersion(proposal, ifMatch);
  assertProposalStatus(proposal, ['draft', 'withdrawn'], 'proposal.wrongStatus');
  const contest = openContestOf(deps, contestRow && parseContest(contestRow));
  assertNotOfficerOf(principal, contest.officeId, 'auth.officerMayNotEnter');
  const complete = parseOrThrow(SubmittableContent, proposalContent(proposal), 'proposal.incomplete');
  const problems = contestChecks(contest, complete);
  const [first] = problems;
  if (first) {
    // Complete, but against the contest's rules: the first broken rule is the headline.
    throw new ValidationError(
      first.code,
      first.params,
      problems.map((p) => ({ path: p.path, message: p.code, params: p.params })),
    );
  }
  const next: Proposal = { ...proposal, status: 'submitted', submittedAt: deps.clock.now().toISOString() };
  return saveOwnerChange(deps, principal, next, ifMatch, 'proposal.submit');
}

export async function withdrawProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  ifMatch?: IfMatch,
) {
  const proposal = await ownProposal(deps, principal, contestId, proposalId);
  assertVersion(proposal, ifMatch);
  assertProposalStatus(proposal, ['submitted'], 'proposal.wrongStatus');
  assertBeforeDeadline(deps, proposal.contestDeadline);
  const { submittedAt: _s, ...rest } = proposal;
  return saveOwnerChange(
    deps,
    principal,
    { ...rest, status: 'withdrawn', withdrawnAt: deps.clock.now().toISOString() },
    ifMatch,
    'proposal.withdraw',
  );
}

export function listMyProposals(deps: Deps, principal: Principal, page: PageRequest) {
  return listProposalsByOwner(deps.db, deps.cursors, principal.sub, page);
}

export async function listSubmissions(
  deps: Deps,
  principal: Principal,
  contestId: string,
  page: PageRequest,
) {
  await contestForOfficer(deps, principal, contestId);
  return listSubmittedProposals(deps.db, deps.cursors, contestId, page);
}

/** Eligibility screening happens after submissions close, on submitted proposals only. */
export async function screenProposal(
  deps: Deps,
  principal: Principal,
  contestId: string,
  proposalId: string,
  input: z.infer<typeof ScreeningInput>,
  ifMatch?: IfMatch,
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'screening');
  const proposal = await getProposal(deps.db, contestId, proposalId);
  if (!proposal) throw notFound();
  assertOfficer(principal, proposal.officeId);
  // Separation of duties: an officer who entered a proposal (before taking office) never screens it.
  if (proposal.ownerSub === principal.sub) throw new ForbiddenError('auth.ownProposal');
  assertVersion(proposal, ifMatch);
  assertProposalStatus(proposal, ['submitted'], 'proposal.wrongStatus');
  const eligibility = {
    eligible: input.eligible,
    ...(input.reason ? { reason: input.reason } : {}),
    by: principal.sub,
    at: deps.clock.now().toISOString(),
  };
  const saved = await saveNextVersion(
    deps,
    { ...proposal, eligibility },
    proposalItem,
    {
      expectedVersion: ifMatch,
      condition: '#status = :submitted',
      names: { '#status': 'status' },
      values: { ':submitted': 'submitted' },
      explain: (old) => new ConflictError('proposal.wrongStatus', { status: String(old.status) }),
    },
    {
      trail: contestId,
      actor: principal.sub,
      action: 'proposal.screen',
      subject: proposalId,
      summary: {
        before: proposal.eligibility?.eligible ?? null,
        after: input.eligible,
        reason: input.reason ?? null,
      },
    },
    [phaseCheck(contestId, 'screening')],
  );
  return saved;
}

/**
 * Screens several submissions in one request, each on its own (shared/bulk.ts): every item is
 * the one-proposal screening above, its own transaction conditioned on the screening phase with
 * its audit entry. The contest is checked once first, refusing the whole request: 403 another
 * office, 404 no contest, 409 not in screening. Returns each item's outcome in request order:
 * the screened proposal, or its refusal (404 unknown, 409 not submitted, 412 stale `version`).
 */
export async function screenProposals(
  deps: Deps,
  principal: Principal,
  contestId: string,
  items: readonly BulkScreeningItem[],
) {
  const contest = await contestForOfficer(deps, principal, contestId);
  assertPhase(contest, 'screening');
  return eachOnItsOwn(items, ({ proposalId, version, ...input }) =>
    screenProposal(deps, principal, contestId, proposalId, input, version),
  );
}
