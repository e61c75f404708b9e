import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, routesOf, routeTable } from '../../functions/route-table.ts';
import { contestInput, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { ACTORS, type Actor, buildWorld, type Phase, type World } from '../support/world.ts';

interface Case {
  route: RouteName;
  label?: string;
  phase: Phase;
  request: (w: World) => { path: string; body?: unknown; headers?: Record<string, string> };
  expect: Record<Actor, number>;
}

const officeOnly = (ok: number) => ({
  anonymous: 401,
  owner: 403,
  otherResident: 403,
  judge: 403,
  officer: ok,
  otherOfficer: 403,
});
const ownerOnly = (ok: number) => ({
  anonymous: 401,
  owner: ok,
  otherResident: 403,
  judge: 403,
  officer: 403,
  otherOfficer: 403,
});
const anyResident = (ok: number) => ({
  anonymous: 401,
  owner: ok,
  otherResident: ok,
  judge: 403,
  officer: 403,
  otherOfficer: 403,
});
const everyone = (ok: number) => ({
  anonymous: ok,
  owner: ok,
  otherResident: ok,
  judge: ok,
  officer: ok,
  otherOfficer: ok,
});
const v1 = { 'if-match': '"1"' };

/** Every submissions route × every role, each case on a fresh world so none depends on another. */
const cases: Case[] = [
  {
    route: 'listPublicContests',
    phase: 'open',
    request: () => ({ path: '/api/contests' }),
    expect: everyone(200),
  },
  {
    route: 'getContest',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}` }),
    expect: everyone(200),
  },
  {
    route: 'getContest',
    label: 'a draft contest',
    phase: 'draft',
    request: (w) => ({ path: `/api/contests/${w.contestId}` }),
    expect: { anonymous: 404, owner: 404, otherResident: 404, judge: 404, officer: 200, otherOfficer: 404 },
  },
  {
    route: 'listOfficeContests',
    phase: 'draft',
    request: (w) => ({ path: `/api/offices/${w.office}/contests` }),
    expect: officeOnly(200),
  },
  {
    route: 'createContest',
    phase: 'draft',
    request: (w) => ({ path: `/api/offices/${w.office}/contests`, body: contestInput(w.clock.now()) }),
    expect: officeOnly(201),
  },
  {
    route: 'updateContest',
    phase: 'draft',
    request: (w) => ({ path: `/api/contests/${w.contestId}`, body: { title: '改名' }, headers: v1 }),
    expect: officeOnly(200),
  },
  {
    route: 'openContest',
    phase: 'draft',
    request: (w) => ({ path: `/api/contests/${w.contestId}/open` }),
    expect: officeOnly(200),
  },
  {
    route: 'closeContest',
    phase: 'after-deadline',
    request: (w) => ({ path: `/api/contests/${w.contestId}/close` }),
    expect: officeOnly(200),
  },
  {
    route: 'cancelContest',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}/cancel`, body: { reason: '疫情' } }),
    expect: officeOnly(200),
  },
  {
    route: 'createTeam',
    phase: 'draft',
    request: () => ({ path: '/api/teams', body: teamInput }),
    expect: anyResident(201),
  },
  {
    route: 'listMyTeams',
    phase: 'draft',
    request: () => ({ path: '/api/me/teams' }),
    expect: anyResident(200),
  },
  {
    route: 'getTeam',
    phase: 'draft',
    request: (w) => ({ path: `/api/teams/${w.teamId}` }),
    expect: ownerOnly(200),
  },
  {
    route: 'replaceTeam',
    phase: 'draft',
    request: (w) => ({ path: `/api/teams/${w.teamId}`, body: teamInput, headers: v1 }),
    expect: ownerOnly(200),
  },
  {
    route: 'createProposal',
    phase: 'open',
    request: (w) => ({
      path: `/api/contests/${w.contestId}/proposals`,
      body: { teamId: w.teamId, title: '新项目' },
    }),
    expect: ownerOnly(201),
  },
  {
    route: 'listMyProposals',
    phase: 'open',
    request: () => ({ path: '/api/me/proposals' }),
    expect: anyResident(200),
  },
  {
    route: 'getProposal',
    label: 'a submitted proposal',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}/proposals/${w.submittedId}` }),
    expect: { ...ownerOnly(200), officer: 200 },
  },
  {
    route: 'getProposal',
    label: 'a draft proposal',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}/proposals/${w.draftId}` }),
    expect: ownerOnly(200),
  },
  {
    route: 'updateProposal',
    phase: 'open',
    request: (w) => ({
      path: `/api/contests/${w.contestId}/proposals/${w.draftId}`,
      body: { title: '改' },
      headers: v1,
    }),
    expect: ownerOnly(200),
  },
  {
    route: 'submitProposal',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}/proposals/${w.draftId}/submit` }),
    expect: ownerOnly(200),
  },
  {
    route: 'withdrawProposal',
    phase: 'open',
    request: (w) => ({ path: `/api/contests/${w.contestId}/proposals/${w.submittedId}/withdraw` }),
    expect: ownerOnly(200),
  },
  {
    route: 'listSubmissions',
    phase: 'screening',
    request: (w) => ({ path: `/api/contests/${w.contestId}/submissions` }),
    expect: officeOnly(200),
  },
  {
    route: 'screenProposal',
    phase: 'screening',
    request: (w) => ({
      path: `/api/contests/${w.contestId}/proposals/${w.submittedId}/eligibility`,
      body: { eligible: true },
    }),
    expect: officeOnly(200),
  },
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('the authorization matrix of the submissions function', () => {
  it('covers every submissions route in the route table', () => {
    const covered = new Set(cases.map((c) => c.route));
    expect(
      routesOf('submissions', 'api')
        .map(([name]) => name)
        .filter((name) => !covered.has(name)),
    ).toEqual([]);
  });

  for (const c of cases) {
    const spec = routeTable[c.route];
    for (const actor of ACTORS) {
      it(`${spec.method.toUpperCase()} ${spec.path}${c.label ? ` on ${c.label}` : ''} as ${actor} → ${c.expect[actor]}`, async () => {
        const world = await buildWorld(h, c.phase);
        const request = c.request(world);
        const response = await call(world.app, spec.method.toUpperCase(), request.path, {
          token: world.tokens[actor],
          body: request.body,
          headers: request.headers ?? {},
        });
        expect(response.status, JSON.stringify(response.body)).toBe(c.expect[actor]);
        if (response.status >= 400)
          expect(response.headers.get('content-type')).toContain('application/problem+json');
      });
    }
  }
});
