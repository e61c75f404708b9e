import { assertOfficer, isOfficerOf, type Principal } from '../auth.ts';
import { createDraftOnce, createOp } from '../create-once.ts';
import { keyPrefix, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import {
  AppError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../errors.ts';
import { ENTITY, keys, type ReviewProcess, reviewKeys, withoutKeys } from '../keys.ts';
import { OCID_PREFIX } from '../notice.ts';
import { getOffice } from '../office/office.ts';
import type { PageRequest } from '../paging.ts';
import { type ProcessCondition, statusIn } from '../phase-conditions.ts';
import {
  assertOwnSheetWritable,
  assertReopenable,
  checkScores,
  conflictedPairs,
  isConflictedMember,
  isCountedSheet,
  noConflictRecorded,
  noFinalSheet,
  reopenedSheet,
  type SeatRefusal,
  seatRefusal,
  submittedOnly,
  writeOwnSheet,
} from '../review/panel.ts';
import { sheetTotal } from '../scoring.ts';
import { teamOfOwner } from '../team/team.ts';
import { AlreadyExists, commit, type Op } from '../transact.ts';
import { getUserEntries, holdsRole } from '../user/directory.ts';
import { parseOrThrow, pickShape } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion, versionMatches } from '../versioned.ts';
import type { z } from '../zod.ts';
import {
  type BidForEvaluation,
  bidReasons,
  evaluate,
  isRegisteredSupplier,
  nextCandidate,
} from './evaluation.ts';
import {
  assertBidsUnsealed,
  assertPhase,
  evaluationChange,
  explainPhase,
  inPhase,
  nextPhase,
  PHASES,
  phaseCheck,
  sameEvaluation,
  TRANSITION_ACTIONS,
  type TransitionName,
  transitionUpdate,
} from './lifecycle.ts';
import {
  announceIssues,
  type BidInput,
  type CallFinalQuotationsInput,
  type FinalQuotationInput,
  ProcurementSetup,
  ProcurementSetupFields,
} from './model.ts';
import { procurementRelease } from './ocds.ts';
import { panelSeatOps } from './panel.ts';
import {
  type Bid,
  type BidSheet,
  bidItem,
  conflictItem,
  type FinalQuotation,
  finalQuotationItem,
  getBid,
  getBidSheet,
  getFinalQuotation,
  getProcurement,
  listAnnouncedProcurements,
  listProcurementsByOffice,
  type Procurement,
  ProcurementConflict,
  parseBidSheet,
  procurementItem,
  readWholeProcurement,
  sheetItem,
  type WholeProcurement,
} from './store.ts';

/**
 * What people and programs do with a procurement by competitive consultation (财库〔2014〕214号),
 * each a domain action with its object checks; the rules are in model.ts, lifecycle.ts and
 * evaluation.ts, the HTTP routes in functions/procurement/. Every state change is one
 * transaction with its audit entry (shared/transact.ts), conditioned on the procurement's phase.
 * Money is whole fen, scores hundredths, times UTC ISO-8601.
 */

const notFound = () => new NotFoundError('procurement.notFound');

/** A draft is its office's alone; from the announcement on (a terminated one too, if announced) it is public. */
function isPublic(procurement: Procurement): boolean {
  return inPhase(procurement, 'public') || procurement.announcedAt !== undefined;
}

/** Reads a procurement as `principal` may see it: 404 for a draft of another office. */
export async function readProcurement(
  deps: Deps,
  principal: Principal | undefined,
  procurementId: string,
): Promise<Procurement> {
  const procurement = await getProcurement(deps.db, procurementId);
  if (!procurement || (!isPublic(procurement) && !isOfficerOf(principal, procurement.officeId)))
    throw notFound();
  return procurement;
}

/** Loads a procurement an officer is about to act on: 404 unknown, 403 another office. */
export async function procurementForOfficer(
  deps: Deps,
  principal: Principal,
  procurementId: string,
): Promise<Procurement> {
  const procurement = await getProcurement(deps.db, procurementId);
  if (!procurement) throw notFound();
  assertOfficer(principal, procurement.officeId);
  return procurement;
}

const isPanelMember = (procurement: Procurement, judgeId: string) =>
  procurement.panel.some((member) => member.judgeId === judgeId);

/** A panel member's procurement: 404 unless public, 403 `procurement.notOnPanel` for anyone else. */
export async function procurementForMember(deps: Deps, principal: Principal, procurementId: string) {
  const procurement = await readProcurement(deps, principal, procurementId);
  if (!isPanelMember(procurement, principal.sub)) throw new ForbiddenError('procurement.notOnPanel');
  return procurement;
}

/** A 422 naming each refused panel member on its `panel.<i>.judgeId`. */
function panelRefused(refusals: { index: number; judgeId: string; code: SeatRefusal }[]) {
  const errors: FieldError[] = refusals.map(({ index, judgeId, code }) => ({
    path: `panel.${index}.judgeId`,
    message: code,
    params: { judgeId },
  }));
  return new ValidationError(
    refusals.length === 1 ? refusals[0]!.code : 'validation.failed',
    { judgeId: refusals[0]!.judgeId },
    errors,
  );
}

/**
 * Who may sit on the panel (Art. 14, the directory of shared/user/directory.ts): each member a
 * user who has signed in with the judge role, and not an officer of the procurement's office
 * (the acting officer included). Reads the members' entries in one request; returns the
 * transaction's checks that they still hold the role. Errors: 422 on `panel.<i>.judgeId`,
 * `judge.unknownUser`, `judge.notAJudge` or `judge.officerOfOffice` (the panel's one rule, `seatRefusal`).
 */
async function panelChecks(
  deps: Deps,
  principal: Principal,
  officeId: string,
  panel: readonly { judgeId: string }[],
): Promise<Op[]> {
  const entries = await getUserEntries(
    deps.db,
    panel.map((member) => member.judgeId),
  );
  const refusals = panel.flatMap(({ judgeId }, index) => {
    const code = seatRefusal(entries[index], officeId, judgeId === principal.sub);
    return code ? [{ index, judgeId, code }] : [];
  });
  if (refusals.length > 0) throw panelRefused(refusals);
  return panel.map(({ judgeId }, index) =>
    holdsRole(judgeId, 'judge', () => panelRefused([{ index, judgeId, code: 'judge.notAJudge' }])),
  );
}

/**
 * Creates a draft in the officer's office. The set-up is checked whole (`ProcurementSetup`:
 * 422 with every field error, e.g. a price weight outside its band without approval, an even
 * panel). Idempotent with an Idempotency-Key.
 */
export async function createProcurement(
  deps: Deps,
  principal: Principal,
  officeId: string,
  input: z.input<typeof ProcurementSetupFields>,
  idempotencyKey?: string,
): Promise<{ procurement: Procurement; created: boolean }> {
  assertOfficer(principal, officeId);
  const office = await getOffice(deps.db, officeId);
  if (!office) throw new NotFoundError('office.notFound');
  const setup = parseOrThrow(ProcurementSetup, input);
  const members = await panelChecks(deps, principal, officeId, setup.panel);
  const { entity, created } = await createDraftOnce<Procurement>(
    deps,
    'procurement',
    { sub: principal.sub, office: { id: officeId, name: office.name } },
    { ...setup, noticePrefix: setup.noticePrefix ?? office.noticePrefix },
    { input, idempotencyKey },
    { toItem: procurementItem, get: (id) => getProcurement(deps.db, id) },
    { also: members },
  );
  return { procurement: entity, created };
}

/** The conditional write of the procurement item inside a phase set, as nextVersionPut takes it. */
function inPhaseCondition(set: keyof typeof PHASES) {
  const phase = statusIn(PHASES[set]);
  return { condition: phase.expression, names: phase.names, values: phase.values, explain: explainPhase };
}

/** Edits a draft's set-up: the merged set-up checked whole, one write on the version and the draft phase. */
export async function updateProcurement(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  patch: Partial<z.input<typeof ProcurementSetupFields>>,
  ifMatch: IfMatch,
): Promise<Procurement> {
  const procurement = await procurementForOfficer(deps, principal, procurementId);
  assertVersion(procurement, ifMatch);
  assertPhase(procurement, 'setup');
  const setup = parseOrThrow(ProcurementSetup, {
    ...pickShape(ProcurementSetupFields, procurement),
    ...patch,
  });
  const members = patch.panel ? await panelChecks(deps, principal, procurement.officeId, setup.panel) : [];
  return saveNextVersion(
    deps,
    { ...procurement, ...setup },
    procurementItem,
    { expectedVersion: ifMatch, ...inPhaseCondition('setup') },
    {
      trail: procurementId,
      actor: principal.sub,
      action: 'procurement.edit',
      subject: procurementId,
      summary: { version: procurement.version + 1 },
    },
    members,
  );
}

/** Every announced procurement (drafts never), for suppliers looking for one to bid on. */
export function listPublicProcurements(deps: Deps, page: PageRequest) {
  return listAnnouncedProcurements(deps.db, deps.cursors, page);
}

export function listOfficeProcurements(
  deps: Deps,
  principal: Principal,
  officeId: string,
  page: PageRequest,
) {
  assertOfficer(principal, officeId);
  return listProcurementsByOffice(deps.db, deps.cursors, officeId, page);
}

/**
 * Makes a transition: one transaction of the procurement's conditional phase update (at the
 * version read), the items written with it and the audit entry. Errors: 409 naming the phase
 * when the procurement has moved, 412 when it changed since it was read (or If-Match is stale).
 */
async function transition(
  deps: Deps,
  actor: string,
  procurement: Procurement,
  name: TransitionName,
  options: {
    fields?: Partial<Procurement>;
    /** Index keys the move writes beside the fields (the announcement's public listing). */
    indexKeys?: Record<string, string>;
    extra?: ProcessCondition;
    summary?: Record<string, unknown>;
    also?: readonly Op[];
  } = {},
): Promise<Procurement> {
  const now = deps.clock.now().toISOString();
  const fields = options.fields ?? {};
  const to = nextPhase(procurement, name);
  await commit(
    deps,
    [
      transitionUpdate(procurement, name, now, {
        fields: { ...fields, ...options.indexKeys },
        expectedVersion: procurement.version,
        ...(options.extra ? { extra: options.extra } : {}),
      }),
      ...(options.also ?? []),
    ],
    {
      trail: procurement.id,
      actor,
      action: TRANSITION_ACTIONS[name],
      subject: procurement.id,
      summary: { from: procurement.status, to, version: procurement.version + 1, ...options.summary },
    },
  );
  return { ...procurement, ...fields, status: to, version: procurement.version + 1, updatedAt: now };
}

/** An officer's transition: loads the procurement for the officer, checks If-Match and the phase. */
async function officerTransition(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  name: TransitionName,
  ifMatch: IfMatch | undefined,
  prepare: (procurement: Procurement, now: Date) => Promise<Parameters<typeof transition>[4]> | undefined,
) {
  const procurement = await procurementForOfficer(deps, principal, procurementId);
  assertVersion(procurement, ifMatch);
  nextPhase(procurement, name);
  const options = await prepare(procurement, deps.clock.now());
  return transition(deps, principal.sub, procurement, name, options);
}

/** Art. 10: announcing publishes the documents and freezes the set-up; bidding stays open ≥ 10 days. */
export function announceProcurement(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  ifMatch?: IfMatch,
) {
  return officerTransition(deps, principal, procurementId, 'announce', ifMatch, async (procurement, now) => {
    const issues = announceIssues(procurement, now);
    if (issues.length > 0) {
      const { code, ...params } = issues[0]!.params;
      throw new ValidationError(
        code as 'procurement.biddingTooShort',
        params,
        issues.map((issue) => ({ path: issue.path.join('.'), message: String(code), params })),
      );
    }
    const announcedAt = now.toISOString();
    return {
      fields: { announcedAt },
      indexKeys: keys.announcedProcurement(procurement.biddingDeadline, procurement.id),
      also: panelSeatOps(procurement, announcedAt),
    };
  });
}

export function openBidding(deps: Deps, principal: Principal, procurementId: string, ifMatch?: IfMatch) {
  return officerTransition(deps, principal, procurementId, 'openBidding', ifMatch, async () => ({}));
}

/** A bid as the evaluation reads it, with its final quotation when there is one. */
function forEvaluation(bid: Bid, quotation?: FinalQuotation): BidForEvaluation {
  return {
    bidId: bid.teamId,
    supplierId: bid.teamId,
    registered: bid.registered,
    priceFen: bid.priceFen,
    partCodes: Object.keys(bid.parts),
    ...(quotation ? { finalQuotationFen: quotation.quotationFen } : {}),
    submittedAt: bid.submittedAt,
  };
}

function tooFew(responsive: number, required: number) {
  return new ConflictError('procurement.tooFewResponsive', { responsive, required });
}

/** After the bidding deadline the bids are opened (Art. 17); before it, 409 with the deadline. */
export function closeBidding(deps: Deps, principal: Principal, procurementId: string, ifMatch?: IfMatch) {
  return officerTransition(
    deps,
    principal,
    procurementId,
    'closeBidding',
    ifMatch,
    async (procurement, now) => {
      if (now.getTime() < Date.parse(procurement.biddingDeadline))
        throw new ConflictError('procurement.biddingOpen', { deadline: procurement.biddingDeadline });
      return { fields: {} };
    },
  );
}

/**
 * Art. 21: every responsive supplier is asked for one final quotation, by the deadline the call
 * sets (`input.finalQuotationDeadline`, else the set-up's), which must still be ahead: 422
 * `procurement.quotationDeadlinePast` naming it otherwise. Refused (409) when fewer suppliers
 * respond than required: the officer then terminates with that reason (Art. 34).
 */
export function callFinalQuotations(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  ifMatch?: IfMatch,
  input: CallFinalQuotationsInput = {},
) {
  return officerTransition(
    deps,
    principal,
    procurementId,
    'callFinalQuotations',
    ifMatch,
    async (procurement, now) => {
      const whole = (await readWholeProcurement(deps.db, procurementId))!;
      const responsive = whole.bids.filter((bid) => bidReasons(procurement, forEvaluation(bid)).length === 0);
      if (responsive.length < procurement.minResponsive)
        throw tooFew(responsive.length, procurement.minResponsive);
      const deadline = input.finalQuotationDeadline ?? procurement.finalQuotationDeadline;
      if (Date.parse(deadline) <= now.getTime()) {
        const params = { deadline };
        throw new ValidationError('procurement.quotationDeadlinePast', params, [
          { path: 'finalQuotationDeadline', message: 'procurement.quotationDeadlinePast', params },
        ]);
      }
      return {
        fields: { finalQuotationDeadline: deadline },
        summary: { responsive: responsive.length, finalQuotationDeadline: deadline },
      };
    },
  );
}

/** Scoring starts once the final-quotation deadline has passed, with enough suppliers still in. */
export function startEvaluation(deps: Deps, principal: Principal, procurementId: string, ifMatch?: IfMatch) {
  return officerTransition(
    deps,
    principal,
    procurementId,
    'startEvaluation',
    ifMatch,
    async (procurement, now) => {
      if (now.getTime() < Date.parse(procurement.finalQuotationDeadline))
        throw new ConflictError('procurement.quotationOpen', {
          deadline: procurement.finalQuotationDeadline,
        });
      const result = evaluateWhole((await readWholeProcurement(deps.db, procurementId))!);
      if (result.outcome === 'terminated') throw tooFew(result.responsive, result.required);
      return {};
    },
  );
}

/**
 * Art. 25: the panel's recommendation, the candidates in rank order, frozen on the procurement.
 * Refused (409) while a sheet is missing; commits only on the evaluation revision it read, so a
 * sheet or conflict recorded meanwhile makes it fail rather than be left out.
 */
export function recommend(deps: Deps, principal: Principal, procurementId: string, ifMatch?: IfMatch) {
  return officerTransition(deps, principal, procurementId, 'recommend', ifMatch, async (procurement) => {
    const result = evaluateWhole((await readWholeProcurement(deps.db, procurementId))!);
    if (result.outcome === 'terminated') throw tooFew(result.responsive, result.required);
    if (result.outcome === 'incomplete')
      throw new ConflictError('procurement.evaluationIncomplete', {
        count: result.missingSheets.length + result.unscorable.length,
      });
    return {
      fields: { candidates: result.candidates },
      extra: sameEvaluation(procurement),
      summary: { candidates: result.candidates },
    };
  });
}

/**
 * Art. 28: the officer confirms the first candidate not declined. Commits on the version read:
 * two confirmations at once give one award and one 409 (the phase has moved), and a confirmation
 * racing a decline gets 412. 409 `procurement.noCandidate` when every candidate was declined.
 */
export function confirmCandidate(deps: Deps, principal: Principal, procurementId: string, ifMatch?: IfMatch) {
  return officerTransition(deps, principal, procurementId, 'award', ifMatch, async (procurement, now) => {
    const bidId = nextCandidate(procurement.candidates ?? [], declinedIds(procurement));
    if (!bidId) throw new ConflictError('procurement.noCandidate');
    return { fields: { awardedBidId: bidId, awardedAt: now.toISOString() }, summary: { bidId } };
  });
}

const declinedIds = (procurement: Procurement) => (procurement.declined ?? []).map((d) => d.bidId);

/**
 * Art. 28: the officer does not take the current candidate, and records why; the next one is then
 * the candidate. One write on the version read, in the award phase. 409 when none is left.
 */
export async function declineCandidate(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  reason: string,
  ifMatch?: IfMatch,
): Promise<Procurement> {
  const procurement = await procurementForOfficer(deps, principal, procurementId);
  assertVersion(procurement, ifMatch);
  assertPhase(procurement, 'award');
  const bidId = nextCandidate(procurement.candidates ?? [], declinedIds(procurement));
  if (!bidId) throw new ConflictError('procurement.noCandidate');
  const at = deps.clock.now().toISOString();
  const declined = [...(procurement.declined ?? []), { bidId, reason, by: principal.sub, at }];
  return saveNextVersion(
    deps,
    { ...procurement, declined },
    procurementItem,
    { expectedVersion: procurement.version, ...inPhaseCondition('award') },
    {
      trail: procurementId,
      actor: principal.sub,
      action: 'procurement.declined',
      subject: bidId,
      summary: { reason },
    },
  );
}

/** Art. 34: terminates, with the reason on the record, from any phase that is not final. */
export function terminateProcurement(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  reason: string,
  ifMatch?: IfMatch,
) {
  return officerTransition(deps, principal, procurementId, 'terminate', ifMatch, async (_, now) => ({
    fields: { terminatedAt: now.toISOString(), terminationReason: reason },
    summary: { reason },
  }));
}

/** The condition every write with a deadline carries: the deadline (on the procurement item) is still ahead. */
function beforeDeadline(
  field: 'biddingDeadline' | 'finalQuotationDeadline',
  now: string,
  error: () => Error,
) {
  return { expression: `:now < ${field}`, values: { ':now': now }, explain: error };
}

function aboveCeiling(path: string, amountFen: number, ceilingFen: number) {
  const params = { amount: amountFen, ceiling: ceilingFen };
  return new ValidationError('procurement.aboveCeiling', params, [
    { path, message: 'procurement.aboveCeiling', params },
  ]);
}

/**
 * What sending, amending and withdrawing a bid share: the procurement taking bids, the caller
 * owning the team, and the deadline not passed (409 `procurement.biddingClosed` naming it,
 * checked again in the write's transaction).
 */
async function whileBidding(deps: Deps, principal: Principal, procurementId: string, teamId: string) {
  const procurement = await readProcurement(deps, principal, procurementId);
  const team = await teamOfOwner(deps, principal, teamId);
  assertPhase(procurement, 'bids');
  const now = deps.clock.now().toISOString();
  const closed = () =>
    new ConflictError('procurement.biddingClosed', { deadline: procurement.biddingDeadline });
  if (now >= procurement.biddingDeadline) throw closed();
  return { procurement, team, now, closed };
}

/** A bid's content as sent or amended: at most the ceiling, only the parts the documents ask for (422). */
function checkBidContent(procurement: Procurement, input: BidInput) {
  if (input.priceFen > procurement.ceilingFen)
    throw aboveCeiling('priceFen', input.priceFen, procurement.ceilingFen);
  const known = new Set(procurement.requiredParts.map((part) => part.code));
  const unknown = Object.keys(input.parts).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new ValidationError(
      'procurement.unknownPart',
      { value: unknown.join(', ') },
      unknown.map((code) => ({
        path: `parts.${code}`,
        message: 'procurement.unknownPart',
        params: { value: code },
      })),
    );
  }
}

/** The supplier's own bid, before the deadline; 404 when it sent none (or withdrew it), 412 on a stale If-Match. */
async function ownBid(deps: Deps, procurementId: string, teamId: string, expected: IfMatch | undefined) {
  const bid = await getBid(deps.db, procurementId, teamId);
  if (!bid) throw new NotFoundError('procurement.bidNotFound');
  if (expected !== undefined && !versionMatches(bid.version, expected))
    throw new PreconditionFailedError('precondition.failed');
  return bid;
}

/** The bid's own condition in an amendment or withdrawal: still there at the version read. */
function sameBid(bid: Bid, expected: IfMatch | undefined) {
  return {
    expression: 'attribute_exists(pk) AND #version = :version',
    names: { '#version': 'version' },
    values: { ':version': bid.version },
    explain: (old: Record<string, unknown> | undefined) =>
      !old
        ? new NotFoundError('procurement.bidNotFound')
        : expected !== undefined
          ? new PreconditionFailedError('precondition.failed')
          : new ConflictError('precondition.failed'),
  };
}

/**
 * A supplier supplements or modifies its bid before the bidding deadline (财库〔2014〕214号
 * Art. 13: the amendment is part of the bid and prevails over it): the price and the parts,
 * replaced whole, still sealed. If-Match names the version read (the ETag of the bid's PUT or
 * last PATCH). Errors: 403 not the team's owner; 404 no bid; 409 wrong phase or after the
 * deadline; 412 stale; 422 above the ceiling or an unknown part. Audited without its content.
 */
export async function amendBid(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  input: BidInput & { teamId: string },
  expected: IfMatch,
): Promise<Bid> {
  const { procurement, now, closed } = await whileBidding(deps, principal, procurementId, input.teamId);
  checkBidContent(procurement, input);
  const bid = await ownBid(deps, procurementId, input.teamId, expected);
  const amended: Bid = {
    ...bid,
    priceFen: input.priceFen,
    parts: input.parts,
    version: bid.version + 1,
    amendedAt: now,
  };
  await commit(
    deps,
    [
      phaseCheck(procurementId, 'bids', beforeDeadline('biddingDeadline', now, closed)),
      { kind: 'put', item: bidItem(amended), ...sameBid(bid, expected) },
    ],
    // Sealed: the audit entry says that the bid changed, not how.
    { trail: procurementId, actor: principal.sub, action: 'bid.amend', subject: bid.teamId },
  );
  return amended;
}

/**
 * A supplier withdraws its bid before the bidding deadline (Art. 13), in one transaction with
 * its organisation's one-bid claim (BIDCERT#), so it may bid again, or another team of the same
 * organisation may. Errors as amendBid (If-Match optional).
 */
export async function withdrawBid(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  teamId: string,
  expected?: IfMatch,
): Promise<{ procurementId: string; teamId: string; withdrawnAt: string }> {
  const { now, closed } = await whileBidding(deps, principal, procurementId, teamId);
  const bid = await ownBid(deps, procurementId, teamId, expected);
  await commit(
    deps,
    [
      phaseCheck(procurementId, 'bids', beforeDeadline('biddingDeadline', now, closed)),
      { kind: 'delete', key: keys.bid(procurementId, teamId), ...sameBid(bid, expected) },
      ...(bid.certificateNumber
        ? [
            {
              kind: 'delete' as const,
              key: keys.bidCertificate(procurementId, bid.certificateNumber),
              expression: 'teamId = :team',
              values: { ':team': teamId },
            },
          ]
        : []),
    ],
    { trail: procurementId, actor: principal.sub, action: 'bid.withdraw', subject: teamId },
  );
  return { procurementId, teamId, withdrawnAt: now };
}

/**
 * A supplier's one bid (Art. 17: sealed until the deadline). Any team may send it through its
 * owner; only a registered organisation's bid is responsive, which the evaluation records.
 * Errors: 403 not the team's owner; 409 wrong phase, after the deadline (`procurement.biddingClosed`)
 * or a second bid (`procurement.alreadyBid`); 422 above the ceiling or naming an unknown part.
 */
export async function submitBid(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  input: BidInput & { teamId: string },
): Promise<Bid> {
  const { procurement, team, now, closed } = await whileBidding(deps, principal, procurementId, input.teamId);
  checkBidContent(procurement, input);
  const bid: Bid = {
    procurementId,
    teamId: team.id,
    supplierName: team.name,
    ownerSub: team.ownerSub,
    registered: isRegisteredSupplier(team),
    ...(team.certificateNumber ? { certificateNumber: team.certificateNumber } : {}),
    priceFen: input.priceFen,
    parts: input.parts,
    submittedAt: now,
    version: 1,
  };
  await commit(
    deps,
    [
      phaseCheck(procurementId, 'bids', beforeDeadline('biddingDeadline', now, closed)),
      { ...createOp(bidItem(bid)), explain: () => new ConflictError('procurement.alreadyBid') },
      ...(bid.certificateNumber
        ? [
            {
              ...createOp({
                ...keys.bidCertificate(procurementId, bid.certificateNumber),
                entityType: ENTITY.bidCertificate,
                teamId: team.id,
              }),
              explain: () =>
                new ConflictError('procurement.certificateAlreadyBid', { value: bid.certificateNumber! }),
            },
          ]
        : []),
    ],
    // The audit entry says that a bid came, not what it says: the bid is sealed.
    { trail: procurementId, actor: principal.sub, action: 'bid.submit', subject: team.id },
  );
  return bid;
}

/**
 * What a final quotation is refused for before its write, with the same errors as
 * `submitFinalQuotation` (a second one is refused again by the write's condition): the
 * supplier's page asks to confirm only a quotation that passes them.
 */
export async function checkFinalQuotation(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  input: z.infer<typeof FinalQuotationInput> & { teamId: string },
) {
  const procurement = await readProcurement(deps, principal, procurementId);
  const team = await teamOfOwner(deps, principal, input.teamId);
  assertPhase(procurement, 'finalQuotations');
  const now = deps.clock.now().toISOString();
  const closed = () =>
    new ConflictError('procurement.quotationClosed', { deadline: procurement.finalQuotationDeadline });
  if (now >= procurement.finalQuotationDeadline) throw closed();
  const bid = await getBid(deps.db, procurementId, team.id);
  if (!bid) throw new NotFoundError('procurement.bidNotFound');
  if (bidReasons(procurement, forEvaluation(bid)).length > 0)
    throw new ConflictError('procurement.notResponsive');
  if (input.quotationFen > procurement.ceilingFen)
    throw aboveCeiling('quotationFen', input.quotationFen, procurement.ceilingFen);
  if (await getFinalQuotation(deps.db, procurementId, team.id))
    throw new ConflictError('procurement.alreadyQuoted');
  return { team, now, closed };
}

/**
 * A responsive supplier's one final quotation (Art. 21), never above the ceiling. Errors: 403
 * not the owner; 404 no bid; 409 wrong phase, after the deadline, not responsive, or a second
 * quotation; 422 above the ceiling.
 */
export async function submitFinalQuotation(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  input: z.infer<typeof FinalQuotationInput> & { teamId: string },
): Promise<FinalQuotation> {
  const { team, now, closed } = await checkFinalQuotation(deps, principal, procurementId, input);
  const quotation: FinalQuotation = {
    procurementId,
    teamId: team.id,
    quotationFen: input.quotationFen,
    submittedAt: now,
  };
  await commit(
    deps,
    [
      phaseCheck(procurementId, 'finalQuotations', beforeDeadline('finalQuotationDeadline', now, closed)),
      {
        ...createOp(finalQuotationItem(quotation)),
        explain: () => new ConflictError('procurement.alreadyQuoted'),
      },
    ],
    {
      trail: procurementId,
      actor: principal.sub,
      action: 'final-quotation.submit',
      subject: team.id,
      summary: { quotationFen: input.quotationFen },
    },
  );
  return quotation;
}

/** A bid with its final quotation, as the officer and the panel read it once unsealed. */
export interface OpenedBid extends Bid {
  finalQuotationFen: number | null;
}

/**
 * The bids, once unsealed (`assertBidsUnsealed`: past the bidding deadline and out of the sealed
 * phases): 409 `procurement.bidsSealed` before, for every role alike. Then only the officers of
 * the office and the panel members read them (403 for anyone else).
 */
export async function listBids(
  deps: Deps,
  principal: Principal,
  procurementId: string,
): Promise<OpenedBid[]> {
  const procurement = await readProcurement(deps, principal, procurementId);
  assertBidsUnsealed(procurement, deps.clock.now());
  if (!isOfficerOf(principal, procurement.officeId) && !isPanelMember(procurement, principal.sub))
    throw new ForbiddenError('http.forbidden');
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  const quotations = new Map(whole.finalQuotations.map((q) => [q.teamId, q.quotationFen]));
  return whole.bids.map((bid) => ({ ...bid, finalQuotationFen: quotations.get(bid.teamId) ?? null }));
}

/**
 * The procurement as the review panel's process (shared/review/panel.ts): its subjects are the
 * bids, each by its supplier's team id, and its panel is fixed at set-up.
 */
const procurementProcess = (procurementId: string): ReviewProcess => ({
  kind: 'procurement',
  id: procurementId,
});

/** A bid as the panel's subject: the supplier's team and the account that owns it. */
const subjectOf = (bid: Pick<Bid, 'teamId' | 'ownerSub'>) => ({ id: bid.teamId, ownerSub: bid.ownerSub });

/**
 * A panel member declares a conflict with a supplier (from the opening of the bids until scoring
 * ends), before scoring it. Idempotent. Errors: 403 not on the panel; 404 no such bid; 409 wrong
 * phase, or the member has already submitted a sheet for it.
 */
export async function declareConflict(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  teamId: string,
  reason: string,
): Promise<ProcurementConflict> {
  const procurement = await procurementForMember(deps, principal, procurementId);
  assertPhase(procurement, 'conflicts');
  if (!(await getBid(deps.db, procurementId, teamId))) throw new NotFoundError('procurement.bidNotFound');
  const conflict: ProcurementConflict = {
    procurementId,
    teamId,
    judgeId: principal.sub,
    reason,
    declaredAt: deps.clock.now().toISOString(),
  };
  try {
    await commit(
      deps,
      [
        evaluationChange(procurementId, 'conflicts'),
        createOp(conflictItem(conflict)),
        noFinalSheet(
          procurementProcess(procurementId),
          teamId,
          principal.sub,
          () => new ConflictError('procurement.sheetSubmitted'),
        ),
      ],
      {
        trail: procurementId,
        actor: principal.sub,
        action: 'conflict.declare',
        subject: teamId,
        summary: { reason },
      },
    );
    return conflict;
  } catch (error) {
    if (!(error instanceof AlreadyExists)) throw error;
    return error.old ? ProcurementConflict.parse(withoutKeys(error.old)) : conflict;
  }
}

const sheetFinal = () => new ConflictError('procurement.sheetSubmitted');
const sheetNotSubmitted = () => new ConflictError('sheet.notSubmitted');

function sheetNote(actor: string, sheet: BidSheet, action: string, summary: Record<string, unknown> = {}) {
  return {
    trail: sheet.procurementId,
    actor,
    action,
    subject: sheet.teamId,
    summary: { judgeId: sheet.judgeId, total: sheet.total, ...summary },
  };
}

/**
 * The one write of a panel member's own sheet for one bid (Art. 24: each member scores on their
 * own), a draft save or a submission, the review panel's sheet life (shared/review/panel.ts).
 * Only in evaluation, only for a bid that is still in (responsive, with its final quotation),
 * never for a supplier the member is conflicted with. The content is `scores` (hundredths of a
 * point by criterion code; a draft may leave some out, a submission needs every one) or, for a
 * submission without them, the stored draft. A submission moves the evaluation revision, so a
 * recommendation read before it does not commit.
 * Errors: 403 not on the panel or conflicted; 404 no such bid, or no draft to submit; 409 wrong
 * phase, a bid not scored, or the sheet already submitted; 412 stale If-Match; 422 scores outside
 * the criteria.
 */
async function writeSheet(
  deps: Deps,
  principal: Principal,
  at: { procurementId: string; teamId: string },
  scores: Record<string, number> | undefined,
  submit: boolean,
  ifMatch: IfMatch | undefined,
): Promise<{ sheet: BidSheet; created: boolean }> {
  const { procurementId, teamId } = at;
  const judgeId = principal.sub;
  const procurement = await procurementForMember(deps, principal, procurementId);
  assertPhase(procurement, 'sheets');
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  const bid = whole.bids.find((b) => b.teamId === teamId);
  if (!bid) throw new NotFoundError('procurement.bidNotFound');
  const declared = whole.conflicts.some((c) => c.teamId === teamId && c.judgeId === judgeId);
  if (isConflictedMember(bid, judgeId, declared)) throw new ForbiddenError('procurement.conflicted');
  const result = evaluateWhole(whole).bids.find((b) => b.bidId === teamId);
  if (!result?.responsive) throw new ConflictError('procurement.notScored');
  const stored = whole.sheets.find((s) => s.teamId === teamId && s.judgeId === judgeId);
  const source = scores ?? stored?.scores;
  if (!source) throw new NotFoundError('sheet.notFound');
  const checked = checkScores(procurement.criteria, source, submit);
  assertOwnSheetWritable(stored, ifMatch, sheetFinal);
  const content = { scores: checked, total: sheetTotal(checked) };
  const guards: Op[] = [
    // A submission changes what the evaluation counts; a draft counts for nothing.
    submit ? evaluationChange(procurementId, 'sheets') : phaseCheck(procurementId, 'sheets'),
    noConflictRecorded(
      procurementProcess(procurementId),
      teamId,
      judgeId,
      () => new ForbiddenError('procurement.conflicted'),
    ),
  ];
  try {
    return await writeOwnSheet<BidSheet>(deps, {
      stored,
      fresh: () => ({ procurementId, teamId, judgeId, ...content }),
      content,
      submit,
      ifMatch,
      toItem: sheetItem,
      final: sheetFinal,
      note: (sheet, action) => sheetNote(judgeId, sheet, action),
      guards,
    });
  } catch (error) {
    // Another write of this sheet came first (a double-clicked submit, two tabs): say what it did.
    if (error instanceof AlreadyExists)
      throw error.old?.status === 'draft' ? new ConflictError('precondition.failed') : sheetFinal();
    if (error instanceof AppError && error.code === 'precondition.failed' && error.status === 409) {
      const current = await getBidSheet(deps.db, procurementId, judgeId, teamId);
      if (current?.status === 'submitted') throw sheetFinal();
    }
    throw error;
  }
}

/** Saves the member's draft (writeSheet): theirs alone, never counted; 201 when it creates the sheet. */
export function saveSheet(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  teamId: string,
  scores: Record<string, number>,
  ifMatch?: IfMatch,
): Promise<{ sheet: BidSheet; created: boolean }> {
  return writeSheet(deps, principal, { procurementId, teamId }, scores, false, ifMatch);
}

/**
 * Submits the member's sheet (writeSheet), final unless an officer reopens it: `scores` saved and
 * submitted in one write, or without them the stored draft.
 */
export async function submitSheet(
  deps: Deps,
  principal: Principal,
  procurementId: string,
  teamId: string,
  scores?: Record<string, number>,
  ifMatch?: IfMatch,
): Promise<BidSheet> {
  return (await writeSheet(deps, principal, { procurementId, teamId }, scores, true, ifMatch)).sheet;
}

/**
 * An officer of the office reopens a member's submitted sheet, with a reason (Art. 24 leaves the
 * scoring to the member; the reopening lets them correct it and leaves a record): the sheet is a
 * draft again, the reopening stays on it and in the trail. Only in evaluation, so never after
 * the recommendation; one transaction with its audit entry that moves the evaluation revision.
 * Errors: 403 another office; 404 no such sheet; 409 wrong phase (naming it) or a draft
 * (`sheet.notSubmitted`); 412 stale If-Match.
 */
export async function reopenSheet(
  deps: Deps,
  principal: Principal,
  at: { procurementId: string; teamId: string; judgeId: string },
  reason: string,
  ifMatch?: IfMatch,
): Promise<BidSheet> {
  const procurement = await procurementForOfficer(deps, principal, at.procurementId);
  assertPhase(procurement, 'sheets');
  const sheet = await getBidSheet(deps.db, at.procurementId, at.judgeId, at.teamId);
  if (!sheet) throw new NotFoundError('sheet.notFound');
  assertReopenable(sheet, ifMatch, sheetNotSubmitted);
  const reopening = { by: principal.sub, at: deps.clock.now().toISOString(), reason };
  return saveNextVersion(
    deps,
    reopenedSheet(sheet, reopening),
    sheetItem,
    { expectedVersion: ifMatch, ...submittedOnly(sheetNotSubmitted) },
    sheetNote(principal.sub, sheet, 'sheet.reopen', { reason }),
    [evaluationChange(at.procurementId, 'sheets')],
  );
}

/** A panel member's own sheets, drafts included, and nobody else's: members score blind to each other. */
export async function mySheets(deps: Deps, principal: Principal, procurementId: string): Promise<BidSheet[]> {
  await procurementForMember(deps, principal, procurementId);
  const { pk, skPrefix } = reviewKeys.sheetsOfJudge(procurementProcess(procurementId), principal.sub);
  const items = await queryAll(deps.db, { ...keyPrefix(pk, skPrefix), ConsistentRead: true });
  return items.map(parseBidSheet);
}

/**
 * The officers' view of the sheets once the bids are unsealed: every submitted sheet with its
 * scores, and of a draft only that it is one and its reopenings (a draft is its member's own).
 * Errors as readEvaluation for officers: 403 another office; 409 sealed.
 */
export async function officeSheets(deps: Deps, principal: Principal, procurementId: string) {
  const procurement = await procurementForOfficer(deps, principal, procurementId);
  assertBidsUnsealed(procurement, deps.clock.now());
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  return whole.sheets.map((sheet) =>
    sheet.status === 'submitted' ? sheet : { ...sheet, scores: {}, total: 0, status: 'draft' as const },
  );
}

/** The conflicts the evaluation honours: every conflicted (bid, member) pair, by the panel's predicate. */
function panelConflicts(whole: WholeProcurement) {
  return conflictedPairs(
    whole.bids.map(subjectOf),
    whole.procurement.panel.map((member) => member.judgeId),
    whole.conflicts.map((c) => ({ subjectId: c.teamId, judgeId: c.judgeId })),
  ).map(({ subjectId, judgeId }) => ({ judgeId, supplierId: subjectId }));
}

/** The evaluation (shared/procurement/evaluation.ts) of what is stored now. */
export function evaluateWhole(whole: WholeProcurement) {
  const { procurement } = whole;
  const quotations = new Map(whole.finalQuotations.map((q) => [q.teamId, q]));
  return evaluate(
    { ...procurement, panel: procurement.panel.map((member) => member.judgeId) },
    whole.bids.map((bid) => forEvaluation(bid, quotations.get(bid.teamId))),
    // Only submitted sheets count (a draft is its member's own); conflicted ones are dropped there.
    whole.sheets
      .filter((sheet) => isCountedSheet(sheet, false))
      .map((sheet) => ({ bidId: sheet.teamId, judgeId: sheet.judgeId, scores: sheet.scores })),
    panelConflicts(whole),
  );
}

/**
 * The evaluation as each reader may see it: the office's officers once the bids are unsealed
 * (progress, missing sheets, each member's totals); the panel once it has recommended; everyone
 * once the procurement is awarded (the result announcement, without the members' sheets).
 * Errors: 404 unknown or a draft; 409 `procurement.bidsSealed` for officers before the deadline;
 * 409 `procurement.resultNotPublished` for anyone else before it is public.
 */
export async function readEvaluation(deps: Deps, principal: Principal | undefined, procurementId: string) {
  const procurement = await readProcurement(deps, principal, procurementId);
  const officer = isOfficerOf(principal, procurement.officeId);
  const member = principal !== undefined && isPanelMember(procurement, principal.sub);
  if (officer) assertBidsUnsealed(procurement, deps.clock.now());
  else if (!(procurement.status === 'awarded' || (member && procurement.status === 'recommended')))
    throw new ConflictError('procurement.resultNotPublished');
  const whole = (await readWholeProcurement(deps.db, procurementId))!;
  const result = evaluateWhole(whole);
  const names = Object.fromEntries(whole.bids.map((bid) => [bid.teamId, bid.supplierName]));
  return {
    procurement: whole.procurement,
    evaluation: {
      ...result,
      bids: result.bids.map((bid) => ({
        ...bid,
        supplierName: names[bid.supplierId] ?? bid.supplierId,
        sheets: officer || member ? bid.sheets : [],
      })),
    },
    supplierNames: names,
    nextCandidate:
      procurement.status === 'recommended'
        ? (nextCandidate(procurement.candidates ?? [], declinedIds(procurement)) ?? null)
        : null,
  };
}

/**
 * The OCDS release of an awarded procurement (shared/procurement/ocds.ts); 409
 * `procurement.resultNotPublished` before the award.
 */
export async function procurementOcds(deps: Deps, procurementId: string) {
  const whole = await readWholeProcurement(deps.db, procurementId);
  const procurement = whole?.procurement;
  if (!whole || !procurement || !isPublic(procurement)) throw notFound();
  if (procurement.status !== 'awarded' || !procurement.awardedBidId || !procurement.awardedAt)
    throw new ConflictError('procurement.resultNotPublished');
  const result = evaluateWhole(whole);
  const byId = new Map(result.bids.map((bid) => [bid.bidId, bid]));
  const awarded = whole.bids.find((bid) => bid.teamId === procurement.awardedBidId)!;
  return procurementRelease({
    ocidPrefix: OCID_PREFIX,
    procurement: { ...procurement, awardedAt: procurement.awardedAt },
    office: { id: procurement.officeId, name: procurement.officeName },
    bids: whole.bids.map((bid) => ({
      teamId: bid.teamId,
      supplierName: bid.supplierName,
      submittedAt: bid.submittedAt,
      valueFen: byId.get(bid.teamId)?.finalQuotationFen ?? bid.priceFen,
      status: byId.get(bid.teamId)?.responsive ? 'valid' : 'disqualified',
    })),
    awarded: {
      teamId: awarded.teamId,
      supplierName: awarded.supplierName,
      amountFen: byId.get(awarded.teamId)!.finalQuotationFen!,
    },
  });
}
