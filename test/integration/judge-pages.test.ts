import { beforeAll, describe, expect, it } from 'vitest';
import { readOwnSheet } from '../../shared/review/actions.ts';
import { listAssignmentsOfJudge } from '../../shared/review/store.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectReadable, fieldError, fieldValue, pageClient, pageText } from '../support/page-client.ts';
import { buildReviewWorld, type ReviewWorld } from '../support/review-world.ts';
import { asPrincipal } from '../support/world.ts';

let h: Harness;
let w: ReviewWorld;
/** The first judge's assignments, in the order of the world's proposals. */
let assigned: string[];

beforeAll(async () => {
  h = await createHarness();
  w = await buildReviewWorld(h, { proposals: 4, judges: 4, minJudges: 3 });
  const { items } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, w.judgeUsers[0]!.sub, {
    limit: 100,
  });
  assigned = w.proposalIds.filter((id) => items.some((a) => a.proposalId === id));
});

const sheetPath = (proposalId: string) => `/judging/${w.contestId}/${proposalId}`;
const FULL = {
  'need-fit': '22.5',
  feasibility: '20',
  'team-capacity': '12',
  budget: '13.5',
  participation: '17',
};
const scoreFields = (scores: Record<string, string>) =>
  Object.fromEntries(Object.entries(scores).map(([code, value]) => [`scores.${code}`, value]));

describe('the judge’s assignments page', () => {
  it('lists my assignments by title with “0 / n 已提交”, and never the teams or their phones', async () => {
    const judge = pageClient(w.tokens.judges[0]);
    const page = await judge.get(w.app, '/judging');

    expect(page.status).toBe(200);
    expect(page.body).toContain(`0 / ${assigned.length} 已提交`);
    for (const id of assigned) expect(page.body).toContain(`href="${sheetPath(id)}"`);
    expect(page.body).toContain('项目');
    for (const secret of [teamInput.name, teamInput.members[0]!.name, teamInput.members[0]!.phone!, '居民0'])
      expect(page.body).not.toContain(secret);
    expectReadable(page.body);
  });

  it('sends a visitor to sign in and refuses residents and officers', async () => {
    const anonymous = await pageClient(undefined).get(w.app, '/judging');
    const resident = await pageClient(w.tokens.resident).get(w.app, '/judging');
    const officer = await pageClient(w.tokens.officer).get(w.app, '/judging');

    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe('/sign-in?next=%2Fjudging');
    expect(resident.status).toBe(403);
    expect(officer.status).toBe(403);
    expect(officer.body).toContain('没有权限');
  });
});

describe('the score sheet page', () => {
  it('shows the blind proposal beside each criterion with its maximum, and no team, member or phone', async () => {
    const page = await pageClient(w.tokens.judges[0]).get(w.app, sheetPath(assigned[0]!));

    expect(page.status).toBe(200);
    expect(page.body).toContain('社区青少年课余缺少动手实践的场所。');
    expect(page.body).toContain('¥6,000.00');
    expect(page.body).toContain('青少年成长');
    expect(page.body).toContain('需求契合度');
    expect(page.body).toContain('满分 25.00 分，按 0.5 分递进');
    expect(page.body).toMatch(/<input[^>]*name="scores\.need-fit"[^>]*step="0\.5"/);
    for (const secret of [teamInput.name, teamInput.members[0]!.name, teamInput.members[0]!.phone!, '居民0'])
      expect(pageText(page.body)).not.toContain(secret);
    expectReadable(page.body, ['youth', 'xitun', 'need-fit']);
  });

  it('is refused to a judge it is not assigned to, a judge off the panel and an officer', async () => {
    const others = w.proposalIds.filter((id) => !assigned.includes(id));
    const unassigned =
      others.length > 0 ? await pageClient(w.tokens.judges[0]).get(w.app, sheetPath(others[0]!)) : undefined;
    const outsider = await pageClient(w.tokens.outsider).get(w.app, sheetPath(assigned[0]!));
    const officer = await pageClient(w.tokens.officer).get(w.app, sheetPath(assigned[0]!));

    if (unassigned) expect(unassigned.status).toBe(403);
    expect(outsider.status).toBe(403);
    expect(officer.status).toBe(403);
  });

  it('shows each refusal beside its field, the form refilled, and saves nothing', async () => {
    const judge = pageClient(w.tokens.judges[0]);
    await judge.get(w.app, sheetPath(assigned[0]!));
    const typed = {
      ...scoreFields({ ...FULL, 'need-fit': 'abc', feasibility: '30' }),
      overallComment: '很好',
    };

    const notPoints = await judge.post(w.app, sheetPath(assigned[0]!), { do: 'save', ...typed });
    const outOfRange = await judge.post(w.app, sheetPath(assigned[0]!), {
      do: 'save',
      ...scoreFields({ ...FULL, feasibility: '30' }),
    });
    const aboveRequest = await judge.post(w.app, sheetPath(assigned[0]!), {
      do: 'save',
      ...scoreFields(FULL),
      recommendedFen: '99,999',
    });

    expect(notPoints.status).toBe(422);
    expect(fieldError(notPoints.body, 'scores.need-fit')).toBe('请填写分数，例如 12.5');
    expect(fieldValue(notPoints.body, 'scores.need-fit')).toBe('abc');
    expect(fieldValue(notPoints.body, 'overallComment')).toBe('很好');
    expect(outOfRange.status).toBe(422);
    expect(fieldError(outOfRange.body, 'scores.feasibility')).toBe('“方案可行性”的得分须在 0 至 25 分之间');
    expect(fieldError(aboveRequest.body, 'recommendedFen')).toBeDefined();
    expect(fieldValue(aboveRequest.body, 'recommendedFen')).toBe('99,999');
    expect(fieldValue(outOfRange.body, 'scores.feasibility')).toBe('30');
    await expect(
      readOwnSheet(w.deps, asPrincipal(w.judgeUsers[0]!), w.contestId, assigned[0]!),
    ).rejects.toThrow();
  });

  it('refuses a post without the form token', async () => {
    const judge = pageClient(w.tokens.judges[0]);
    await judge.get(w.app, sheetPath(assigned[0]!));
    const forged = await judge.post(
      w.app,
      sheetPath(assigned[0]!),
      { do: 'save', ...scoreFields(FULL) },
      {
        withToken: false,
      },
    );

    expect(forged.status).toBe(403);
    await expect(
      readOwnSheet(w.deps, asPrincipal(w.judgeUsers[0]!), w.contestId, assigned[0]!),
    ).rejects.toThrow();
  });

  it('saves a draft, says what is missing before submitting, confirms with the total, then submits', async () => {
    const judge = pageClient(w.tokens.judges[0]);
    const path = sheetPath(assigned[0]!);
    await judge.get(w.app, path);
    const { participation: _p, ...partial } = FULL;

    const saved = await judge.post(w.app, path, {
      do: 'save',
      ...scoreFields(partial),
      recommendedFen: '5,000',
    });
    const reread = await judge.get(w.app, `${path}?done=sheetSaved`);
    const incomplete = await judge.post(w.app, path, { do: 'submit', ...scoreFields(partial) });
    const confirm = await judge.post(w.app, path, {
      do: 'submit',
      ...scoreFields(FULL),
      recommendedFen: '5000',
    });
    const draft = await readOwnSheet(w.deps, asPrincipal(w.judgeUsers[0]!), w.contestId, assigned[0]!);
    const submitted = await judge.post(w.app, path, { do: 'submit', confirmed: 'yes' });
    const home = await judge.get(w.app, submitted.location!);
    const after = await judge.get(w.app, path);

    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${path}?done=sheetSaved`);
    expect(reread.body).toContain('评分草稿已保存。');
    expect(fieldValue(reread.body, 'scores.need-fit')).toBe('22.50');
    expect(fieldValue(reread.body, 'recommendedFen')).toBe('5000.00');
    expect(incomplete.status).toBe(422);
    expect(fieldError(incomplete.body, 'scores.participation')).toBe('提交前须为“居民参与与可持续性”打分');
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('确认提交');
    expect(pageText(confirm.body)).toContain('85.00 / 100.00');
    expect(draft.status).toBe('draft');
    expect(draft.total).toBe(8500);
    expect(submitted.status).toBe(303);
    expect(home.body).toContain(`1 / ${assigned.length} 已提交`);
    expect(home.body).toContain('评分已提交。');
    expect(after.body).not.toContain('name="scores.need-fit"');
    expect(pageText(after.body)).toContain('85.00');
    const final = await readOwnSheet(w.deps, asPrincipal(w.judgeUsers[0]!), w.contestId, assigned[0]!);
    expect(final.status).toBe('submitted');
    expect(final.recommendedFen).toBe(500_000);
  });

  it('declares a conflict with a reason; the proposal leaves my list', async () => {
    const judge = pageClient(w.tokens.judges[0]);
    const path = sheetPath(assigned[1]!);
    await judge.get(w.app, path);

    const noReason = await judge.post(w.app, path, { do: 'conflict', reason: '' });
    const declared = await judge.post(w.app, path, { do: 'conflict', reason: '申报团队负责人是我的亲属' });
    const home = await judge.get(w.app, '/judging?done=conflict');
    const reopened = await judge.get(w.app, path);

    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, 'reason')).toBeDefined();
    expect(declared.status).toBe(303);
    expect(home.body).toContain('已声明利益冲突');
    expect(home.body).not.toContain(`href="${path}"`);
    expect(reopened.status).toBe(403);
  });

  it('reads in English when asked', async () => {
    const page = await pageClient(w.tokens.judges[0], 'en').get(w.app, sheetPath(assigned[2]!));

    expect(page.body).toMatch(/<html lang="en">/);
    expect(page.body).toContain('Out of 25.00 points, in steps of 0.5');
    expect(page.body).toContain('Declare a conflict');
    expectReadable(page.body);
  });
});
