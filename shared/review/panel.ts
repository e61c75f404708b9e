import { type ReviewProcess, reviewKeys } from '../keys.ts';
import { type Criterion, type SheetScores, sheetScoresSchema } from '../scoring.ts';
import type { CheckOp } from '../transact.ts';
import { parseOrThrow } from '../validation.ts';

/**
 * The review panel's rules, shared by every process a panel scores in: a contest (its subjects
 * are proposals; shared/review/actions.ts is its adapter) and a procurement by competitive
 * consultation (its subjects are the suppliers' bids; shared/procurement/actions.ts). What
 * differs between them (the partition, the phases, who is on the panel, the criteria, what a
 * member reads of a subject) stays with each adapter; what must not differ is here, once.
 */

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
 * member's final work is never silently undone (a procurement's sheets, which have no draft,
 * are final once they exist).
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
