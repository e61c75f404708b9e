import type { AuditNote } from '../audit-log.ts';
import { createOp } from '../create-once.ts';
import type { Key } from '../db.ts';
import type { Deps } from '../deps.ts';
import { PreconditionFailedError } from '../errors.ts';
import { type ReviewProcess, reviewKeys } from '../keys.ts';
import { type Criterion, compareIds, type SheetScores, sheetScoresSchema } from '../scoring.ts';
import { RequiredText } from '../text.ts';
import { type CheckOp, commit, type Op } from '../transact.ts';
import { parseOrThrow } from '../validation.ts';
import { assertVersion, type IfMatch, saveNextVersion } from '../versioned.ts';
import { z } from '../zod.ts';

/**
 * The review panel's rules, shared by every process a panel scores in: a contest (its subjects
 * are proposals; shared/review/actions.ts is its adapter) and a procurement by competitive
 * consultation (its subjects are the suppliers' bids; shared/procurement/actions.ts). What
 * differs between them (the partition, the phases, who is on the panel, the criteria, what a
 * member reads of a subject) stays with each adapter; what must not differ is here, once.
 */

/** Why an account may not take a seat on a panel (422 on its `judgeId`). */
export type SeatRefusal = 'judge.unknownUser' | 'judge.notAJudge' | 'judge.officerOfOffice';

/**
 * The one rule of who sits on a panel of an office's process (a contest's judges, a procurement's
 * 磋商小组, 财库〔2014〕214号 Art. 14): an account the user directory knows (it has signed in),
 * with the judge role, and not an officer of the office (separation of duties: those who run
 * the process never score in it; `self` says the account is the acting officer's own). The
 * entry is the directory's (shared/user/directory.ts); the refusal's code, or undefined.
 */
export function seatRefusal(
  entry: { roles: readonly string[]; officeId?: string | undefined } | undefined,
  officeId: string,
  self = false,
): SeatRefusal | undefined {
  if (!entry) return 'judge.unknownUser';
  if (!entry.roles.includes('judge')) return 'judge.notAJudge';
  if (self || (entry.roles.includes('officer') && entry.officeId === officeId))
    return 'judge.officerOfOffice';
  return undefined;
}

/** A subject a panel scores (a proposal, a supplier's bid) and the people behind it. */
export interface PanelSubject {
  id: string;
  /** The account that owns the team behind the subject: the team's member who has one. */
  ownerSub: string;
}

/** A panel member and a subject. */
export interface MemberPair {
  subjectId: string;
  judgeId: string;
}

/**
 * The one conflicted-member predicate: the member declared a conflict with the subject (or the
 * system recorded one), or the member is of the team behind it. A conflicted member is never
 * assigned, never scores the subject, and no sheet of theirs for it counts.
 */
export function isConflictedMember(
  subject: Pick<PanelSubject, 'ownerSub'>,
  judgeId: string,
  declared: boolean,
): boolean {
  return declared || subject.ownerSub === judgeId;
}

/** Every conflicted (subject, member) pair of a panel, by the one predicate, subjects in order. */
export function conflictedPairs(
  subjects: readonly PanelSubject[],
  judgeIds: readonly string[],
  declared: readonly MemberPair[],
): MemberPair[] {
  const recorded = new Set(declared.map((d) => `${d.subjectId}\u0000${d.judgeId}`));
  return subjects.flatMap((subject) =>
    judgeIds
      .filter((judgeId) =>
        isConflictedMember(subject, judgeId, recorded.has(`${subject.id}\u0000${judgeId}`)),
      )
      .map((judgeId) => ({ subjectId: subject.id, judgeId })),
  );
}

/** A sheet's state in the panel's progress: none yet, a draft, submitted, or none due (a conflict). */
export const CELL_STATES = ['missing', 'draft', 'submitted', 'conflict'] as const;
export type CellState = (typeof CELL_STATES)[number];

/** One (subject, member) pair of the panel's progress and its sheet's state. */
export interface ProgressCell extends MemberPair {
  state: CellState;
}

const pairId = (pair: MemberPair) => `${pair.subjectId}\u0000${pair.judgeId}`;

/**
 * The panel's progress, the same for every process: each conflicted pair as `conflict` (no sheet
 * is due from it), and each pair the process expects a sheet for (a contest's assignments; in a
 * procurement, every member for every responsive bid) by its sheet's state, `missing` without
 * one. Pairs in subject-then-member order (code units).
 */
export function progressCells(
  expected: readonly MemberPair[],
  conflicts: readonly MemberPair[],
  sheets: readonly (MemberPair & { status: SheetStatus })[],
): ProgressCell[] {
  const states = new Map<string, CellState>(sheets.map((sheet) => [pairId(sheet), sheet.status]));
  const conflicted = new Set(conflicts.map(pairId));
  const cells: ProgressCell[] = [
    ...conflicts.map(({ subjectId, judgeId }) => ({ subjectId, judgeId, state: 'conflict' as const })),
    ...expected
      .filter((pair) => !conflicted.has(pairId(pair)))
      .map((pair) => ({
        subjectId: pair.subjectId,
        judgeId: pair.judgeId,
        state: states.get(pairId(pair)) ?? 'missing',
      })),
  ];
  return cells.sort((a, b) => compareIds(a.subjectId, b.subjectId) || compareIds(a.judgeId, b.judgeId));
}

/** A cell still owed its sheet: none written yet, or only a draft. */
export function isOpenCell(cell: ProgressCell): boolean {
  return cell.state === 'missing' || cell.state === 'draft';
}

/**
 * A sheet's scores checked against the criteria: integer hundredths within each criterion's
 * points, no unknown criterion, and every criterion when `complete` (a submission). 422 naming
 * each wrong field.
 */
export function checkScores(criteria: readonly Criterion[], scores: unknown, complete: boolean): SheetScores {
  return parseOrThrow(sheetScoresSchema([...criteria], { complete }), scores);
}

/** The transaction's check that no conflict of the member with the subject is recorded. */
export function noConflictRecorded(
  process: ReviewProcess,
  subjectId: string,
  judgeId: string,
  error: () => Error,
): CheckOp {
  return {
    kind: 'check',
    key: reviewKeys.conflict(process, subjectId, judgeId),
    expression: 'attribute_not_exists(pk)',
    explain: error,
  };
}

/**
 * The transaction's check that the member's sheet for the subject is absent or still a draft: a
 * member's final work is never silently undone.
 */
export function noFinalSheet(
  process: ReviewProcess,
  subjectId: string,
  judgeId: string,
  error: () => Error,
): CheckOp {
  return {
    kind: 'check',
    key: reviewKeys.sheet(process, subjectId, judgeId),
    expression: 'attribute_not_exists(pk) OR #status = :draft',
    names: { '#status': 'status' },
    values: { ':draft': 'draft' },
    explain: error,
  };
}

/*
 * A score sheet's life, the same for every process: the member saves drafts (their own: nobody
 * else reads one, and a draft never counts), submits it (final, the only state that counts),
 * and only an officer reopens a submitted sheet, with a reason that stays on the sheet and in
 * the trail, while the process still takes sheets (a contest in review, a procurement in
 * evaluation: before the recommendation). Each write is one transaction with its audit entry,
 * on the version read (If-Match: 412 when stale).
 */

export const SHEET_STATUSES = ['draft', 'submitted'] as const;
export const SheetStatus = z.enum(SHEET_STATUSES);
export type SheetStatus = z.infer<typeof SheetStatus>;

/** An officer's reopening of a submitted sheet: who, when (UTC ISO-8601) and why. */
export const Reopening = z.object({ by: z.string(), at: z.string(), reason: z.string() });
export type Reopening = z.infer<typeof Reopening>;

/** The officer's reason for reopening: required, visible text, at most 1,000 characters (422 otherwise). */
export const ReopenInput = z.strictObject({ reason: RequiredText(1_000) });

/** What every process's sheet carries for its life; the subject and the scores are the adapter's. */
export interface SheetState {
  status: SheetStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string | undefined;
  reopenings: Reopening[];
}

/** The one "counted sheet" predicate: submitted, by a member not conflicted on the subject. */
export function isCountedSheet(sheet: Pick<SheetState, 'status'>, conflicted: boolean): boolean {
  return sheet.status === 'submitted' && !conflicted;
}

/**
 * A member's write to their own stored sheet (a draft save or a submission): the stored one, if
 * any, must still be a draft and match If-Match; with none stored, an If-Match (even `*`) names
 * nothing there is (RFC 9110 §13.1.1). Errors: 412 If-Match not met; `final()` (409) once
 * submitted.
 */
export function assertOwnSheetWritable(
  stored: Pick<SheetState, 'status' | 'version' | 'createdAt' | 'updatedAt'> | undefined,
  ifMatch: IfMatch | undefined,
  final: () => Error,
): void {
  if (!stored) {
    if (ifMatch !== undefined) throw new PreconditionFailedError('precondition.failed');
    return;
  }
  assertVersion(stored, ifMatch);
  if (stored.status !== 'draft') throw final();
}

/** The condition the write of a stored sheet by its member commits on: still a draft (`final()` otherwise). */
export function draftOnly(final: () => Error) {
  return {
    condition: '#status = :draft',
    names: { '#status': 'status' },
    values: { ':draft': 'draft' },
    explain: final,
  };
}

/**
 * The one write of a member's own sheet, for every process: a draft save or a submission, one
 * transaction of the sheet, the adapter's `guards` (its phase, the member's standing) and the
 * audit entry (`sheet.save` / `sheet.submit`). With no sheet stored it creates `fresh()` (the
 * subject, the member and the content) at version 1; otherwise it writes `content` over the
 * stored sheet at the version read, while it is still a draft. A submission is stamped
 * `submittedAt`. Errors: the guards' own; `final()` (409) when the sheet was submitted meanwhile;
 * 412 (with If-Match) or 409 (without) when it changed; AlreadyExists when a first write raced
 * another. Callers check `assertOwnSheetWritable` first.
 */
export async function writeOwnSheet<S extends SheetState>(
  deps: Deps,
  write: {
    stored: S | undefined;
    fresh: () => Omit<S, keyof SheetState>;
    content: Partial<S>;
    submit: boolean;
    ifMatch: IfMatch | undefined;
    toItem: (sheet: S) => Record<string, unknown> & Key;
    final: () => Error;
    note: (sheet: S, action: 'sheet.save' | 'sheet.submit') => AuditNote;
    guards: readonly Op[];
  },
): Promise<{ sheet: S; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const action = write.submit ? 'sheet.submit' : 'sheet.save';
  const submitted = write.submit ? { status: 'submitted' as const, submittedAt: now } : {};
  if (!write.stored) {
    const sheet = {
      ...write.fresh(),
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
      reopenings: [],
      ...submitted,
    } as unknown as S;
    await commit(deps, [...write.guards, createOp(write.toItem(sheet))], write.note(sheet, action));
    return { sheet, created: true };
  }
  const next: S = { ...write.stored, ...write.content, ...submitted };
  const sheet = await saveNextVersion(
    deps,
    next,
    write.toItem,
    { expectedVersion: write.ifMatch, ...draftOnly(write.final) },
    write.note(next, action),
    write.guards,
  );
  return { sheet, created: false };
}

/**
 * An officer may reopen only a submitted sheet, at the version read. Errors: 412 stale If-Match;
 * `notSubmitted()` (409) for a draft.
 */
export function assertReopenable(
  sheet: Pick<SheetState, 'status' | 'version' | 'createdAt' | 'updatedAt'>,
  ifMatch: IfMatch | undefined,
  notSubmitted: () => Error,
): void {
  assertVersion(sheet, ifMatch);
  if (sheet.status !== 'submitted') throw notSubmitted();
}

/** The reopened sheet: a draft again for its member, the reopening appended to its record. */
export function reopenedSheet<S extends SheetState>(sheet: S, reopening: Reopening): S {
  const { submittedAt: _submitted, ...rest } = sheet;
  return { ...rest, status: 'draft', reopenings: [...sheet.reopenings, reopening] } as S;
}

/** The condition a reopening commits on: the sheet is still submitted (`notSubmitted()` otherwise). */
export function submittedOnly(notSubmitted: () => Error) {
  return {
    condition: '#status = :submitted',
    names: { '#status': 'status' },
    values: { ':submitted': 'submitted' },
    explain: notSubmitted,
  };
}
