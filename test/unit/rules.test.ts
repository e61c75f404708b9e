import { describe, expect, it } from 'vitest';
import { CONTEST_DEFAULTS, ContestRules } from '../../shared/contest/model.ts';
import { SubmittableContent } from '../../shared/proposal/model.ts';
import { DEFAULT_RUBRIC, Rubric } from '../../shared/scoring.ts';
import { TeamInput } from '../../shared/team/team.ts';
import { completeProposal, contestInput, teamInput } from '../support/fixtures.ts';

describe('the rubric', () => {
  it('accepts the default rubric, which adds up to 100 points', () => {
    expect(Rubric.safeParse(DEFAULT_RUBRIC).success).toBe(true);
    expect(DEFAULT_RUBRIC.reduce((sum, c) => sum + c.maxPoints, 0)).toBe(10_000);
  });

  it('refuses maximums that do not add up to 100, are not half points, or repeat a code', () => {
    const codes = (rubric: unknown) =>
      Rubric.safeParse(rubric).error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code);
    expect(codes([{ code: 'a', name: 'A', maxPoints: 9_950 }])).toEqual(['rubric.sum']);
    expect(
      codes([
        { code: 'a', name: 'A', maxPoints: 5_025 },
        { code: 'b', name: 'B', maxPoints: 4_975 },
      ]),
    ).toEqual(['rubric.halfPoint', 'rubric.halfPoint']);
    expect(
      codes([
        { code: 'a', name: 'A', maxPoints: 5_000 },
        { code: 'a', name: 'B', maxPoints: 5_000 },
      ]),
    ).toEqual(['contest.duplicateCode']);
  });
});

describe('contest rules', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const valid = { ...CONTEST_DEFAULTS, noticePrefix: '西屯微创投', ...contestInput(now) };

  it('accepts the defaults with a budget, a cap and deadlines in order', () => {
    expect(ContestRules.safeParse(valid).success).toBe(true);
  });

  it('stores deadlines given with an offset as UTC', () => {
    const parsed = ContestRules.parse({ ...valid, submissionDeadline: '2026-03-20T18:00:00+08:00' });
    expect(parsed.submissionDeadline).toBe('2026-03-20T10:00:00.000Z');
  });

  it('refuses a tie-break criterion that is not in the rubric and a repeated category', () => {
    const result = ContestRules.safeParse({
      ...valid,
      tieBreak: ['need-fit', 'charisma'],
      categories: [
        { code: 'youth', name: '青少年' },
        { code: 'youth', name: '青少年 2' },
      ],
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['categories.1.code', 'tieBreak.1']);
  });
});

describe('a submittable proposal', () => {
  it('accepts lines that add up to the request', () => {
    expect(SubmittableContent.safeParse(completeProposal).success).toBe(true);
  });

  it('refuses a minimum viable amount above the request', () => {
    const result = SubmittableContent.safeParse({ ...completeProposal, minViableFen: 600_001 });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['minViableFen']);
  });
});

describe('a team', () => {
  it('needs exactly one leader with a phone, and a certificate if registered', () => {
    expect(TeamInput.safeParse(teamInput).success).toBe(true);
    const noLeader = { ...teamInput, members: [{ name: '甲', role: 'member' }] };
    expect(TeamInput.safeParse(noLeader).success).toBe(false);
    const registered = { ...teamInput, kind: 'registered-org' };
    expect(TeamInput.safeParse(registered).error?.issues[0]?.path).toEqual(['certificateNumber']);
    expect(TeamInput.safeParse({ ...registered, certificateNumber: '52150402MJ0000001X' }).success).toBe(
      true,
    );
  });
});
