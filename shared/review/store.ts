import { Contest } from '../contest/model.ts';
import type { CursorCodec } from '../cursor.ts';
import { type Db, getItem, getItems, keyPrefix, queryAll } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { type PageOf, type PageRequest, queryPaged } from '../paging.ts';
import { Proposal } from '../proposal/model.ts';
import {
  type Assignment,
  Assignment as AssignmentSchema,
  type Conflict,
  Conflict as ConflictSchema,
  type PanelJudge,
  PanelJudge as PanelJudgeSchema,
  type Sheet,
  Sheet as SheetSchema,
} from './model.ts';

export function panelJudgeItem(judge: PanelJudge) {
  return {
    ...keys.panelJudge(judge.contestId, judge.judgeId),
    ...keys.panelByJudge(judge.judgeId, judge.contestId),
    entityType: ENTITY.panelJudge,
    ...judge,
  };
}

export function assignmentItem(assignment: Assignment) {
  return {
    ...keys.assignment(assignment.contestId, assignment.proposalId, assignment.judgeId),
    ...keys.assignmentByJudge(assignment.judgeId, assignment.contestId, assignment.proposalId),
    entityType: ENTITY.assignment,
    ...assignment,
  };
}

export function conflictItem(conflict: Conflict) {
  return {
    ...keys.conflict(conflict.contestId, conflict.proposalId, conflict.judgeId),
    entityType: ENTITY.conflict,
    ...conflict,
  };
}

export function sheetItem(sheet: Sheet) {
  return {
    ...keys.sheet(sheet.contestId, sheet.proposalId, sheet.judgeId),
    entityType: ENTITY.sheet,
    ...sheet,
  };
}

export interface WholeContest {
  contest: Contest;
  proposals: Proposal[];
  judges: PanelJudge[];
  assignments: Assignment[];
  conflicts: Conflict[];
  sheets: Sheet[];
}

const PARTS = [
  ['PROPOSAL#', 'proposals', Proposal],
  ['JUDGE#', 'judges', PanelJudgeSchema],
  ['ASSIGN#', 'assignments', AssignmentSchema],
  ['CONFLICT#', 'conflicts', ConflictSchema],
  ['SHEET#', 'sheets', SheetSchema],
] as const;

/**
 * Access pattern: everything in a contest's partition, in one paginated Query. Ranking,
 * progress and automatic assignment read a contest this way, never item by item.
 */
export async function readWholeContest(db: Db, contestId: string): Promise<WholeContest | undefined> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.contestPartition(contestId).pk },
  });
  const whole: Omit<WholeContest, 'contest'> = {
    proposals: [],
    judges: [],
    assignments: [],
    conflicts: [],
    sheets: [],
  };
  let contest: Contest | undefined;
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === keys.contest(contestId).sk) {
      contest = Contest.parse(withoutKeys(item));
      continue;
    }
    const part = PARTS.find(([prefix]) => sk.startsWith(prefix));
    if (part) (whole[part[1]] as unknown[]).push(part[2].parse(withoutKeys(item)));
  }
  return contest ? { contest, ...whole } : undefined;
}

export async function getPanelJudge(db: Db, contestId: string, judgeId: string) {
  const item = await getItem(db, keys.panelJudge(contestId, judgeId));
  return item ? PanelJudgeSchema.parse(withoutKeys(item)) : undefined;
}

export async function getAssignment(db: Db, contestId: string, proposalId: string, judgeId: string) {
  const item = await getItem(db, keys.assignment(contestId, proposalId, judgeId));
  return item ? AssignmentSchema.parse(withoutKeys(item)) : undefined;
}

export async function getConflict(db: Db, contestId: string, proposalId: string, judgeId: string) {
  const item = await getItem(db, keys.conflict(contestId, proposalId, judgeId));
  return item ? ConflictSchema.parse(withoutKeys(item)) : undefined;
}

export async function getSheet(db: Db, contestId: string, proposalId: string, judgeId: string) {
  const item = await getItem(db, keys.sheet(contestId, proposalId, judgeId));
  return item ? SheetSchema.parse(withoutKeys(item)) : undefined;
}

/**
 * Access pattern: what a judge's sheet write needs to read, in one BatchGetItem: the contest
 * (phase, rubric, office), the proposal (requested amount, owner) and the judge's sheet. The
 * panel entry, assignment and conflict are not read: the write's transaction checks them.
 */
export async function readSheetContext(db: Db, contestId: string, proposalId: string, judgeId: string) {
  const [contest, proposal, sheet] = await getItems(db, [
    keys.contest(contestId),
    keys.proposal(contestId, proposalId),
    keys.sheet(contestId, proposalId, judgeId),
  ]);
  return {
    contest: contest ? Contest.parse(withoutKeys(contest)) : undefined,
    proposal: proposal ? Proposal.parse(withoutKeys(proposal)) : undefined,
    sheet: sheet ? SheetSchema.parse(withoutKeys(sheet)) : undefined,
  };
}

/**
 * Access pattern: a judge's standing on a proposal, in one BatchGetItem: the contest, the panel
 * entry, the assignment, any recorded conflict, the proposal and the judge's sheet. What a
 * judge's read (the blind proposal, their sheet) checks, and what a refused sheet write reads to
 * name its cause.
 */
export async function readJudgeStanding(db: Db, contestId: string, proposalId: string, judgeId: string) {
  const [contest, judge, assignment, conflict, proposal, sheet] = await getItems(db, [
    keys.contest(contestId),
    keys.panelJudge(contestId, judgeId),
    keys.assignment(contestId, proposalId, judgeId),
    keys.conflict(contestId, proposalId, judgeId),
    keys.proposal(contestId, proposalId),
    keys.sheet(contestId, proposalId, judgeId),
  ]);
  const parsed = <T>(item: Record<string, unknown> | undefined, schema: { parse: (v: unknown) => T }) =>
    item ? schema.parse(withoutKeys(item)) : undefined;
  return {
    contest: parsed(contest, Contest),
    judge: parsed(judge, PanelJudgeSchema),
    assignment: parsed(assignment, AssignmentSchema),
    conflict: parsed(conflict, ConflictSchema),
    proposal: parsed(proposal, Proposal),
    sheet: parsed(sheet, SheetSchema),
  };
}

/** Access pattern: a judge's assignments across contests (gsi1). */
export function listAssignmentsOfJudge(
  db: Db,
  cursors: CursorCodec,
  judgeId: string,
  page: PageRequest,
): Promise<PageOf<Assignment>> {
  const input = {
    ...keyPrefix(keys.assignmentByJudge(judgeId, '', '').gsi1pk, 'ASSIGN#', 'gsi1'),
  } as const;
  return queryPaged(db, cursors, `my-assignments:${judgeId}`, input, page, (item) =>
    AssignmentSchema.parse(withoutKeys(item)),
  );
}

/** Access pattern: a judge's sheets in one contest (a key range of the contest partition). */
export async function listSheetsOfJudge(db: Db, contestId: string, judgeId: string): Promise<Sheet[]> {
  const range = keys.sheetsOfJudge(contestId, judgeId);
  const items = await queryAll(db, {
    ...keyPrefix(range.pk, range.skPrefix),
  });
  return items.map((item) => SheetSchema.parse(withoutKeys(item)));
}
