import { beforeAll, describe, expect, it } from 'vitest';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { listAssignmentsOfJudge } from '../../shared/review/store.ts';
import { auditActions } from '../support/faults.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { browserSession, fieldError } from '../support/pages.ts';
import { buildReviewWorld, type ReviewWorld } from '../support/review-world.ts';

let h: Harness;
let w: ReviewWorld;
let app: ReturnType<typeof createScoringApp>;
let mine: { contestId: string; proposalId: string }[];

beforeAll(async () => {
  h = await createHarness();
  w = await buildReviewWorld(h, { proposals: 7, judges: 5, minJudges: 3 });
  app = createScoringApp(w.deps);
  const { items } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, w.judgeUsers[0]!.sub, {
    limit: 100,
  });
  mine = items.filter((a) => a.contestId === w.contestId);
});

const judge = () => browserSession(app, w.tokens.judges[0]);
const sheetPath = (i = 0) => `/judge/${w.contestId}/${mine[i]!.proposalId}`;
const fullMarks = {
  'need-fit': '22.5',
  feasibility: '20',
  'team-capacity': '12',
  budget: '12.5',
  participation: '16',
};
const scoresForm = (scores: Record<string, string>) =>
  Object.fromEntries(Object.entries(scores).map(([code, value]) => [`scores.${code}`, value]));

describe('the judge pages', () => {
  it('let only a judge open the assignments, with the progress in words', async () => {
    const page = await judge().get('/judge');
    const resident = await browserSession(app, w.tokens.resident).get('/judge');
    const anonymous = await browserSession(app).get('/judge');

    expect(page.status).toBe(200);
    expect(page.html).toContain(`0 / ${mine.length} 已提交`);
    expect(resident.status).toBe(403);
    expect(anonymous.status).toBe(303);
  });

  it('show the proposal blind: no team name, no member, no phone', async () => {
    const page = await judge().get(sheetPath());

    expect(page.status).toBe(200);
    expect(page.html).toContain('匿名评审');
    expect(page.html).not.toContain(teamInput.name);
    expect(page.html).not.toContain(teamInput.members[0]!.name);
    expect(page.html).not.toContain(teamInput.members[0]!.phone);
  });

  it('refuse a judge who is not assigned, and a score that is not points beside its field', async () => {
    const outsider = await browserSession(app, w.tokens.outsider).get(sheetPath());
    const session = judge();
    await session.get(sheetPath());
    const bad = await session.post(sheetPath(), {
      do: 'save',
      ...scoresForm({ ...fullMarks, budget: '十二', feasibility: '99', participation: '12.3' }),
    });

    expect(outsider.status).toBe(403);
    expect(bad.status).toBe(422);
    expect(fieldError(bad.html, 'scores.budget')).toBe('请填写分数，例如 12.5');
    // The points that were read are checked in the same answer: every wrong field at once.
    expect(fieldError(bad.html, 'scores.feasibility')).toMatch(/25/);
    expect(fieldError(bad.html, 'scores.participation')).toMatch(/0\.5|半分|整分/);
    expect(fieldError(bad.html, 'scores.need-fit')).toBeUndefined();
  });

  it('save a draft, then submit after a confirmation that shows the total', async () => {
    const session = judge();
    await session.get(sheetPath());
    const saved = await session.post(sheetPath(), { do: 'save', ...scoresForm(fullMarks) });
    await session.get(saved.location!);
    const confirm = await session.post(sheetPath(), { do: 'submit', ...scoresForm(fullMarks) });
    const submitted = await session.post(sheetPath(), {
      do: 'confirm-submit',
      confirmed: 'yes',
      ...scoresForm(fullMarks),
      version: /name="version" value="(\d+)"/.exec(confirm.html)![1]!,
    });
    const list = await session.get('/judge');

    expect(saved.status).toBe(303);
    expect(confirm.html).toContain('确认提交评分');
    expect(confirm.html).toContain('83.00');
    expect(submitted.status).toBe(303);
    expect(list.html).toContain(`1 / ${mine.length} 已提交`);
  });

  it('submit a typed sheet in one write: nothing is saved before the confirmation, then one submission', async () => {
    const session = judge();
    await session.get(sheetPath(2));
    const before = await auditActions(w.deps.db, w.contestId);
    const typed = { ...scoresForm(fullMarks), 'comments.budget': '预算合理', overallComment: '值得支持' };
    const confirm = await session.post(sheetPath(2), { do: 'submit', ...typed });
    const afterConfirmStep = await auditActions(w.deps.db, w.contestId);
    const form = /<section class="confirm"[\s\S]*?<\/section>/.exec(confirm.html)![0];
    const carried = Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const submitted = await session.post(sheetPath(2), carried);
    const after = await auditActions(w.deps.db, w.contestId);
    const sheet = await session.get(sheetPath(2));

    expect(confirm.status).toBe(200);
    expect(afterConfirmStep).toEqual(before);
    expect(carried).toMatchObject({ do: 'confirm-submit', ...typed });
    expect(submitted.status).toBe(303);
    expect(after.slice(before.length)).toEqual(['sheet.submit']);
    expect(sheet.html).toContain('83.00');
  });

  it('check a typed sheet before the confirmation: a criterion left empty is named beside its field', async () => {
    const session = judge();
    await session.get(sheetPath(3));
    const before = await auditActions(w.deps.db, w.contestId);
    const { budget: _left, ...partial } = fullMarks;
    const refused = await session.post(sheetPath(3), { do: 'submit', ...scoresForm(partial) });

    expect(refused.status).toBe(422);
    expect(refused.html).not.toContain('确认提交评分');
    expect(fieldError(refused.html, 'scores.budget')).toBeTruthy();
    expect(await auditActions(w.deps.db, w.contestId)).toEqual(before);
  });

  it('check the recommended amount before the confirmation, in yuan; a final sheet typed again shows what was submitted', async () => {
    const session = judge();
    await session.get(sheetPath(3));
    const tooMuch = await session.post(sheetPath(3), {
      do: 'submit',
      ...scoresForm(fullMarks),
      recommended: '99999999',
    });
    // sheetPath(2) was submitted at 83.00 above; Back to its form, typed again and confirmed.
    const again = await session.post(sheetPath(2), {
      do: 'confirm-submit',
      ...scoresForm({
        'need-fit': '5',
        feasibility: '5',
        'team-capacity': '5',
        budget: '5',
        participation: '5',
      }),
    });

    expect(tooMuch.status).toBe(422);
    expect(tooMuch.html).not.toContain('确认提交评分');
    expect(tooMuch.html).toMatch(/建议金额不能高于申请金额 [\d,]+\.\d{2} 元/);
    expect(again.status).toBe(422);
    expect(again.html).toContain('评分表已提交');
    expect(again.html).toContain('83.00');
    expect(again.html).toContain('22.50 / 25.00');
    expect(again.html).not.toMatch(/>5(\.00)? \/ 25\.00/);
  });

  it('declares a conflict with a reason after a confirmation and returns to the assignments, saying it was recorded', async () => {
    const session = judge();
    await session.get(sheetPath(1));
    const empty = await session.post(sheetPath(1), { do: 'conflict', reason: '' });
    const asked = await session.post(sheetPath(1), { do: 'conflict', reason: '与申报团队负责人是亲属' });
    const stillScoring = await session.get(sheetPath(1));
    const declared = await session.post(sheetPath(1), {
      do: 'conflict',
      reason: '与申报团队负责人是亲属',
      confirmed: 'yes',
    });

    expect(empty.status).toBe(422);
    // Nothing is recorded until the judge confirms: the declaration cannot be withdrawn.
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('申报后你将回避，不再为它评分；申报不能撤回。');
    expect(asked.html).toContain('与申报团队负责人是亲属');
    expect(stillScoring.html).toContain('name="scores.');
    expect(declared.status).toBe(303);
    // The sheet is closed to the judge now: the assignments say the declaration was recorded.
    expect(declared.location).toBe('/judge?done=declared');
    const landed = await session.get(declared.location!);
    expect(landed.html).toContain('已申报冲突，这个项目将改由其他评审专家评分。');
    expect((await session.get('/judge')).html).not.toContain('已申报冲突');
  });
});
