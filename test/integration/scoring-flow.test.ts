import { beforeAll, describe, expect, it } from 'vitest';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { faultyDb } from '../support/faults.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, type ReviewWorld, scores } from '../support/review-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

async function assignmentsOf(w: ReviewWorld, judge: number) {
  const response = await call(w.app, 'GET', '/api/me/assignments?limit=100', {
    token: w.tokens.judges[judge],
  });
  expect(response.status).toBe(200);
  return response.body.items.filter((a: { contestId: string }) => a.contestId === w.contestId) as {
    proposalId: string;
    sheet: string;
  }[];
}

/** Judge j gives proposal p a total that depends on both, so the ranking is known. */
function sheetFor(judge: number, proposalIndex: number) {
  const base = 2000 - proposalIndex * 200;
  return scores([base, base, 1000 + judge * 50, 1000, 1500]);
}

describe('online judging', () => {
  it('takes a contest from assignment to a ranking the officer can export', async () => {
    const w = await buildReviewWorld(h, { proposals: 4, judges: 5, minJudges: 3 });
    const progress = await call(w.app, 'GET', `/api/contests/${w.contestId}/progress`, {
      token: w.tokens.officer,
    });
    expect(progress.body.expected).toBe(12);
    expect(progress.body.cells.filter((c: { state: string }) => c.state === 'missing')).toHaveLength(12);

    // Each judge opens the blind view and scores every assigned proposal.
    for (const [judge, token] of w.tokens.judges.entries()) {
      for (const assignment of await assignmentsOf(w, judge)) {
        const base = `/api/contests/${w.contestId}/proposals/${assignment.proposalId}`;
        const blind = await call(w.app, 'GET', `${base}/blind`, { token });
        expect(blind.status).toBe(200);
        expect(JSON.stringify(blind.body)).not.toContain(teamInput.members[0]!.name);
        expect(JSON.stringify(blind.body)).not.toContain(teamInput.members[0]!.phone!);
        expect(blind.body.proposal.teamId).toBeUndefined();

        const index = w.proposalIds.indexOf(assignment.proposalId);
        const draft = await call(w.app, 'PUT', `${base}/sheet`, {
          token,
          body: { scores: { 'need-fit': 1000 }, comments: { 'need-fit': '需求明确' } },
        });
        expect(draft.status).toBe(201);
        const saved = await call(w.app, 'PUT', `${base}/sheet`, {
          token,
          body: { scores: sheetFor(judge, index), overallComment: '建议立项' },
          headers: { 'if-match': draft.headers.get('etag')! },
        });
        expect(saved.status).toBe(200);
        const submitted = await call(w.app, 'POST', `${base}/sheet/submit`, { token });
        expect(submitted.status).toBe(200);
        expect(submitted.body.status).toBe('submitted');
      }
      expect((await assignmentsOf(w, judge)).every((a) => a.sheet === 'submitted')).toBe(true);
    }

    const ranking = await call(w.app, 'GET', `/api/contests/${w.contestId}/ranking`, {
      token: w.tokens.officer,
    });
    expect(ranking.status).toBe(200);
    expect(ranking.body.aggregation).toBe('mean');
    expect(ranking.body.items.map((i: { proposalId: string }) => i.proposalId)).toEqual(w.proposalIds);
    expect(ranking.body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4]);
    for (const item of ranking.body.items) {
      expect(item.sheetCount).toBe(3);
      expect(item.judges).toHaveLength(3);
    }

    const csv = await call(w.app, 'GET', `/api/contests/${w.contestId}/ranking.csv`, {
      token: w.tokens.officer,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.startsWith('排名,项目,')).toBe(true);
    // text() drops the byte-order mark while decoding, so look at the bytes Excel gets.
    const raw = await w.app.request(`/api/contests/${w.contestId}/ranking.csv`, {
      headers: { authorization: `Bearer ${w.tokens.officer}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);

    const finalProgress = await call(w.app, 'GET', `/api/contests/${w.contestId}/progress`, {
      token: w.tokens.officer,
    });
    expect(finalProgress.body.submitted).toBe(12);
  });

  it('keeps a submitted sheet final until an officer reopens it, with the reason on the record', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const [proposalId] = w.proposalIds;
    const base = `/api/contests/${w.contestId}/proposals/${proposalId}`;
    const token = w.tokens.judges[0];
    await call(w.app, 'PUT', `${base}/sheet`, { token, body: { scores: sheetFor(0, 0) } });
    await call(w.app, 'POST', `${base}/sheet/submit`, { token });

    const again = await call(w.app, 'PUT', `${base}/sheet`, { token, body: { scores: sheetFor(0, 1) } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('sheet.final');
    expect((await call(w.app, 'POST', `${base}/sheet/submit`, { token })).status).toBe(409);

    const judgeId = w.judgeUsers[0]!.sub;
    const reopened = await call(w.app, 'POST', `${base}/sheets/${judgeId}/reopen`, {
      token: w.tokens.officer,
      body: { reason: '评分项填写有误，经专家申请重新开启' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('draft');
    expect(reopened.body.reopenings).toEqual([
      expect.objectContaining({ by: w.officerUser.sub, reason: '评分项填写有误，经专家申请重新开启' }),
    ]);
    const fixed = await call(w.app, 'PUT', `${base}/sheet`, { token, body: { scores: sheetFor(0, 1) } });
    expect(fixed.status).toBe(200);
    expect((await call(w.app, 'POST', `${base}/sheet/submit`, { token })).body.total).toBe(fixed.body.total);

    const sheets = await call(w.app, 'GET', `${base}/sheets`, { token: w.tokens.officer });
    expect(sheets.body.items[0].reopenings).toHaveLength(1);
  });

  it('refuses bad sheets with a clear 4xx and writes nothing', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3 });
    const base = `/api/contests/${w.contestId}/proposals/${w.proposalIds[0]}`;
    const token = w.tokens.judges[0];
    for (const [body, status] of [
      [{ scores: { 'need-fit': 2550 } }, 422],
      [{ scores: { 'need-fit': -50 } }, 422],
      [{ scores: { 'need-fit': 1025 } }, 422],
      [{ scores: { 'need-fit': 10.5 } }, 422],
      [{ scores: { charisma: 500 } }, 422],
      [{ scores: {}, comments: { charisma: '好' } }, 422],
      [{ scores: {}, recommendedFen: 600_001 }, 422],
      [{ scores: {}, judgeId: 'someone-else' }, 422],
    ] as const) {
      const response = await call(w.app, 'PUT', `${base}/sheet`, { token, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers.get('content-type')).toContain('problem+json');
    }
    expect((await call(w.app, 'GET', `${base}/sheet`, { token })).status).toBe(404);

    const incomplete = await call(w.app, 'PUT', `${base}/sheet`, {
      token,
      body: { scores: { 'need-fit': 2000 } },
    });
    expect(incomplete.status).toBe(201);
    const refused = await call(w.app, 'POST', `${base}/sheet/submit`, { token });
    expect(refused.status).toBe(422);
    expect((await call(w.app, 'GET', `${base}/sheet`, { token })).body.status).toBe('draft');
  });

  it('lets judges score only assigned, unconflicted proposals, and only during review', async () => {
    const w = await buildReviewWorld(h, { proposals: 3, judges: 4, minJudges: 2 });
    const judge = 0;
    const mine = new Set((await assignmentsOf(w, judge)).map((a) => a.proposalId));
    const notMine = w.proposalIds.find((id) => !mine.has(id))!;
    const unassigned = await call(w.app, 'PUT', `/api/contests/${w.contestId}/proposals/${notMine}/sheet`, {
      token: w.tokens.judges[judge],
      body: { scores: sheetFor(0, 0) },
    });
    expect(unassigned.status).toBe(403);
    expect(unassigned.body.code).toBe('judge.notAssigned');

    const outsider = await call(w.app, 'GET', `/api/contests/${w.contestId}/proposals/${notMine}/blind`, {
      token: w.tokens.outsider,
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('judge.notOnPanel');

    const screening = await buildReviewWorld(h, {
      proposals: 2,
      judges: 3,
      minJudges: 3,
      phase: 'screening',
    });
    const early = await call(
      screening.app,
      'PUT',
      `/api/contests/${screening.contestId}/proposals/${screening.proposalIds[0]}/sheet`,
      { token: screening.tokens.judges[0], body: { scores: sheetFor(0, 0) } },
    );
    expect(early.status).toBe(409);
  });

  it('withdraws a conflicted judge and gives the proposal another judge', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 4, minJudges: 2 });
    const [assignment] = await assignmentsOf(w, 0);
    const base = `/api/contests/${w.contestId}/proposals/${assignment!.proposalId}`;
    const declared = await call(w.app, 'POST', `${base}/conflict`, {
      token: w.tokens.judges[0],
      body: { reason: '申报团队负责人是我的亲属' },
    });
    expect(declared.status).toBe(200);
    expect(declared.body.reassignedTo).toHaveLength(1);
    expect(declared.body.reassignedTo[0]).not.toBe(w.judgeUsers[0]!.sub);

    expect((await call(w.app, 'GET', `${base}/blind`, { token: w.tokens.judges[0] })).status).toBe(403);
    expect((await assignmentsOf(w, 0)).map((a) => a.proposalId)).not.toContain(assignment!.proposalId);
    const progress = await call(w.app, 'GET', `/api/contests/${w.contestId}/progress`, {
      token: w.tokens.officer,
    });
    const cells = progress.body.cells.filter(
      (c: { proposalId: string }) => c.proposalId === assignment!.proposalId,
    );
    expect(cells.map((c: { state: string }) => c.state).sort()).toEqual(['conflict', 'missing', 'missing']);
  });

  it('stores every sheet exactly once when 50 judges submit at the same moment', async () => {
    const w = await buildReviewWorld(h, { proposals: 1, judges: 50, minJudges: 5, autoAssign: false });
    const [proposalId] = w.proposalIds;
    for (const judge of w.judgeUsers) {
      const assigned = await call(w.app, 'POST', `/api/contests/${w.contestId}/assignments`, {
        token: w.tokens.officer,
        body: { proposalId, judgeId: judge.sub },
      });
      expect(assigned.status).toBe(201);
    }
    const base = `/api/contests/${w.contestId}/proposals/${proposalId}`;
    // 50 transactions at once queue for the local engine's sockets: the client waits for them.
    const app = createScoringApp({ ...w.deps, db: faultyDb(h, () => undefined, { patient: true }) });
    const saved = await Promise.all(
      w.tokens.judges.map((token, j) =>
        call(app, 'PUT', `${base}/sheet`, { token, body: { scores: sheetFor(j % 10, 0) } }),
      ),
    );
    expect(saved.map((r) => `${r.status} ${r.body?.code ?? ''}`)).toEqual(w.tokens.judges.map(() => '201 '));

    const results = await Promise.all(
      w.tokens.judges.map((token) => call(app, 'POST', `${base}/sheet/submit`, { token })),
    );

    expect(results.map((r) => r.status)).toEqual(w.tokens.judges.map(() => 200));
    const sheets = await call(w.app, 'GET', `${base}/sheets`, { token: w.tokens.officer });
    expect(sheets.body.items).toHaveLength(50);
    expect(new Set(sheets.body.items.map((s: { judgeId: string }) => s.judgeId)).size).toBe(50);
    const ranking = await call(w.app, 'GET', `/api/contests/${w.contestId}/ranking`, {
      token: w.tokens.officer,
    });
    expect(ranking.body.items[0].sheetCount).toBe(50);
  }, 120_000);
});
