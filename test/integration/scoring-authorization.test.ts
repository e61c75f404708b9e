import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, routesOf, routeTable } from '../../functions/route-table.ts';
import { assignManually, declareConflict, saveSheet, submitSheet } from '../../shared/review/actions.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, type ReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal } from '../support/world.ts';

const ACTORS = [
  'anonymous',
  'resident',
  'assignedJudge',
  'unassignedJudge',
  'conflictedJudge',
  'outsiderJudge',
  'officer',
  'otherOfficer',
] as const;
type Actor = (typeof ACTORS)[number];

/**
 * A review world where proposal P has judges 0 and 1 assigned by hand, judge 2 was assigned and
 * then declared a conflict with it, judge 3 sits on the panel unassigned, and the outsider is on
 * no panel.
 */
async function world(h: Harness, phase: 'screening' | 'review', sheet: 'none' | 'draft' | 'submitted') {
  const w = await buildReviewWorld(h, {
    proposals: 2,
    judges: 4,
    minJudges: 2,
    autoAssign: false,
    phase: 'screening',
  });
  const proposalId = w.proposalIds[0]!;
  for (const judge of [0, 1, 2]) {
    await assignManually(w.deps, w.officer, w.contestId, { proposalId, judgeId: w.judgeUsers[judge]!.sub });
  }
  await declareConflict(w.deps, asPrincipal(w.judgeUsers[2]!), w.contestId, proposalId, '亲属关系');
  if (phase === 'review') {
    await call(w.app, 'POST', `/api/contests/${w.contestId}/start-review`, { token: w.tokens.officer });
  }
  const judge0 = asPrincipal(w.judgeUsers[0]!);
  if (sheet !== 'none') {
    const full = scores([2000, 2000, 1000, 1000, 1500]);
    await saveSheet(w.deps, judge0, w.contestId, proposalId, { scores: full });
  }
  if (sheet === 'submitted') await submitSheet(w.deps, judge0, w.contestId, proposalId);
  const tokens: Record<Actor, string | undefined> = {
    anonymous: undefined,
    resident: w.tokens.resident,
    assignedJudge: w.tokens.judges[0],
    unassignedJudge: w.tokens.judges[3],
    conflictedJudge: w.tokens.judges[2],
    outsiderJudge: w.tokens.outsider,
    officer: w.tokens.officer,
    otherOfficer: w.tokens.otherOfficer,
  };
  return { w, proposalId, tokens };
}

type World = Awaited<ReturnType<typeof world>>;

interface Case {
  route: RouteName;
  phase: 'screening' | 'review';
  sheet?: 'none' | 'draft' | 'submitted';
  request: (x: World & { w: ReviewWorld }) => { path: string; body?: unknown };
  expect: Record<Actor, number>;
}

const officerOnly = (ok: number): Record<Actor, number> => ({
  anonymous: 401,
  resident: 403,
  assignedJudge: 403,
  unassignedJudge: 403,
  conflictedJudge: 403,
  outsiderJudge: 403,
  officer: ok,
  otherOfficer: 403,
});
const judgeRoute = (judges: Partial<Record<Actor, number>>): Record<Actor, number> => ({
  anonymous: 401,
  resident: 403,
  assignedJudge: 403,
  unassignedJudge: 403,
  conflictedJudge: 403,
  outsiderJudge: 403,
  officer: 403,
  otherOfficer: 403,
  ...judges,
});
const p = (x: World) => `/api/contests/${x.w.contestId}/proposals/${x.proposalId}`;

const cases: Case[] = [
  {
    route: 'addJudge',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/judges/new-judge`, body: { name: '新专家' } }),
    expect: officerOnly(201),
  },
  {
    route: 'listPanel',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/judges` }),
    expect: officerOnly(200),
  },
  {
    route: 'assignJudge',
    phase: 'review',
    request: (x) => ({
      path: `/api/contests/${x.w.contestId}/assignments`,
      body: { proposalId: x.proposalId, judgeId: x.w.judgeUsers[3]!.sub },
    }),
    expect: officerOnly(201),
  },
  {
    route: 'unassignJudge',
    phase: 'review',
    request: (x) => ({
      path: `/api/contests/${x.w.contestId}/assignments/${x.proposalId}/${x.w.judgeUsers[1]!.sub}`,
    }),
    expect: officerOnly(204),
  },
  {
    route: 'autoAssign',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/assignments/auto` }),
    expect: officerOnly(200),
  },
  {
    route: 'startReview',
    phase: 'screening',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/start-review` }),
    expect: officerOnly(200),
  },
  {
    route: 'reviewProgress',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/progress` }),
    expect: officerOnly(200),
  },
  {
    route: 'ranking',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/ranking` }),
    expect: officerOnly(200),
  },
  {
    route: 'rankingCsv',
    phase: 'review',
    request: (x) => ({ path: `/api/contests/${x.w.contestId}/ranking.csv` }),
    expect: officerOnly(200),
  },
  {
    route: 'proposalSheets',
    phase: 'review',
    sheet: 'submitted',
    request: (x) => ({ path: `${p(x)}/sheets` }),
    expect: officerOnly(200),
  },
  {
    route: 'reopenSheet',
    phase: 'review',
    sheet: 'submitted',
    request: (x) => ({ path: `${p(x)}/sheets/${x.w.judgeUsers[0]!.sub}/reopen`, body: { reason: '更正' } }),
    expect: officerOnly(200),
  },
  {
    route: 'myAssignments',
    phase: 'review',
    request: () => ({ path: '/api/me/assignments' }),
    expect: judgeRoute({
      assignedJudge: 200,
      unassignedJudge: 200,
      conflictedJudge: 200,
      outsiderJudge: 200,
    }),
  },
  {
    route: 'blindProposal',
    phase: 'review',
    request: (x) => ({ path: `${p(x)}/blind` }),
    expect: judgeRoute({ assignedJudge: 200 }),
  },
  {
    route: 'getSheet',
    phase: 'review',
    sheet: 'draft',
    request: (x) => ({ path: `${p(x)}/sheet` }),
    expect: judgeRoute({ assignedJudge: 200 }),
  },
  {
    route: 'saveSheet',
    phase: 'review',
    request: (x) => ({ path: `${p(x)}/sheet`, body: { scores: { 'need-fit': 2000 } } }),
    expect: judgeRoute({ assignedJudge: 201 }),
  },
  {
    route: 'submitSheet',
    phase: 'review',
    sheet: 'draft',
    request: (x) => ({ path: `${p(x)}/sheet/submit` }),
    expect: judgeRoute({ assignedJudge: 200 }),
  },
  {
    route: 'declareConflict',
    phase: 'review',
    request: (x) => ({ path: `${p(x)}/conflict`, body: { reason: '曾指导该团队' } }),
    expect: judgeRoute({ assignedJudge: 200, conflictedJudge: 200 }),
  },
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('the authorization matrix of the scoring function', () => {
  it('covers every scoring route in the route table', () => {
    const covered = new Set(cases.map((c) => c.route));
    expect(
      routesOf('scoring', 'api')
        .map(([name]) => name)
        .filter((name) => !covered.has(name)),
    ).toEqual([]);
  });

  for (const c of cases) {
    const spec = routeTable[c.route];
    for (const actor of ACTORS) {
      it(`${spec.method.toUpperCase()} ${spec.path} as ${actor} → ${c.expect[actor]}`, async () => {
        const x = await world(h, c.phase, c.sheet ?? 'none');
        const request = c.request(x);
        const response = await call(x.w.app, spec.method.toUpperCase(), request.path, {
          token: x.tokens[actor],
          body: request.body,
        });
        expect(response.status, JSON.stringify(response.body)).toBe(c.expect[actor]);
      });
    }
  }
});
