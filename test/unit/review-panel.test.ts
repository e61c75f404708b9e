import { describe, expect, it } from 'vitest';
import { keys, reviewKeys } from '../../shared/keys.ts';
import {
  checkScores,
  conflictedPairs,
  isConflictedMember,
  isOpenCell,
  progressCells,
} from '../../shared/review/panel.ts';

const contest = { kind: 'contest', id: 'c1' } as const;
const procurement = { kind: 'procurement', id: 'p1' } as const;

describe('the review panel of a contest and of a procurement', () => {
  it('keeps the contest’s stored key strings as they always were', () => {
    expect(keys.panelJudge('c1', 'j1')).toEqual({ pk: 'CONTEST#c1', sk: 'JUDGE#j1' });
    expect(keys.assignment('c1', 'prop1', 'j1')).toEqual({ pk: 'CONTEST#c1', sk: 'ASSIGN#j1#prop1' });
    expect(keys.conflict('c1', 'prop1', 'j1')).toEqual({ pk: 'CONTEST#c1', sk: 'CONFLICT#prop1#j1' });
    expect(keys.sheet('c1', 'prop1', 'j1')).toEqual({ pk: 'CONTEST#c1', sk: 'SHEET#j1#prop1' });
    expect(keys.sheetsOfJudge('c1', 'j1')).toEqual({ pk: 'CONTEST#c1', skPrefix: 'SHEET#j1#' });
    expect(keys.contestPartition('c1')).toEqual({ pk: 'CONTEST#c1' });
  });

  it('keeps the procurement’s stored key strings, and gives both processes the same shape of keys', () => {
    expect(keys.procurementConflict('p1', 't1', 'j1')).toEqual({
      pk: 'PROCUREMENT#p1',
      sk: 'CONFLICT#t1#j1',
    });
    expect(keys.bidSheet('p1', 'j1', 't1')).toEqual({ pk: 'PROCUREMENT#p1', sk: 'SHEET#j1#t1' });
    expect(keys.procurementPartition('p1')).toEqual({ pk: 'PROCUREMENT#p1' });
    expect(reviewKeys.conflict(procurement, 't1', 'j1')).toEqual(keys.procurementConflict('p1', 't1', 'j1'));
    expect(reviewKeys.sheet(contest, 'prop1', 'j1')).toEqual(keys.sheet('c1', 'prop1', 'j1'));
  });

  it('finds a member conflicted with a subject they declared or whose team they are of, and no other', () => {
    const subjects = [
      { id: 's1', ownerSub: 'resident-1' },
      { id: 's2', ownerSub: 'j2' },
      { id: 's3', ownerSub: 'resident-3' },
    ];
    expect(isConflictedMember(subjects[1]!, 'j2', false)).toBe(true);
    expect(isConflictedMember(subjects[0]!, 'j1', true)).toBe(true);
    expect(isConflictedMember(subjects[0]!, 'j1', false)).toBe(false);
    expect(conflictedPairs(subjects, ['j1', 'j2'], [{ subjectId: 's3', judgeId: 'j1' }])).toEqual([
      { subjectId: 's2', judgeId: 'j2' },
      { subjectId: 's3', judgeId: 'j1' },
    ]);
  });

  it('checks a sheet’s scores against the criteria the same way for both', () => {
    const criteria = [
      { code: 'plan', name: '方案', maxPoints: 6000 },
      { code: 'team', name: '团队', maxPoints: 4000 },
    ];
    expect(checkScores(criteria, { plan: 5000, team: 3000 }, true)).toEqual({ plan: 5000, team: 3000 });
    expect(checkScores(criteria, { plan: 5000 }, false)).toEqual({ plan: 5000 });
    expect(() => checkScores(criteria, { plan: 5000 }, true)).toThrow();
    expect(() => checkScores(criteria, { plan: 7000, team: 1 }, true)).toThrow();
  });
  it('states the progress of both the same way: conflicts owe nothing, a draft is still open', () => {
    const expected = [
      { subjectId: 's2', judgeId: 'j1' },
      { subjectId: 's1', judgeId: 'j2' },
      { subjectId: 's1', judgeId: 'j1' },
      { subjectId: 's2', judgeId: 'j2' },
    ];
    const cells = progressCells(
      expected,
      [{ subjectId: 's2', judgeId: 'j2' }],
      [
        { subjectId: 's1', judgeId: 'j1', status: 'submitted' },
        { subjectId: 's1', judgeId: 'j2', status: 'draft' },
        // A sheet of a conflicted pair (written before the conflict was recorded) stays a conflict.
        { subjectId: 's2', judgeId: 'j2', status: 'submitted' },
      ],
    );
    expect(cells).toEqual([
      { subjectId: 's1', judgeId: 'j1', state: 'submitted' },
      { subjectId: 's1', judgeId: 'j2', state: 'draft' },
      { subjectId: 's2', judgeId: 'j1', state: 'missing' },
      { subjectId: 's2', judgeId: 'j2', state: 'conflict' },
    ]);
    expect(cells.filter(isOpenCell).map((c) => `${c.subjectId}/${c.judgeId}`)).toEqual(['s1/j2', 's2/j1']);
  });
});
