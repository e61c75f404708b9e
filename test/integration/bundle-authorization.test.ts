import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, routesOf, routeTable } from '../../functions/route-table.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { DAY_MS } from '../support/world.ts';

const ACTORS = ['anonymous', 'owner', 'otherResident', 'judge', 'officer', 'otherOfficer'] as const;
type Actor = (typeof ACTORS)[number];
type Phase = 'review' | 'publicity' | 'ended' | 'locked' | 'awarded';

interface World extends ScoredWorld {
  tokenOf: Record<Actor, string | undefined>;
  objectionId: string;
  notice: { proposalId: string; number: string; verificationCode: string };
}

/** A scored contest brought to the phase a route needs, with an objection filed on the way. */
async function world(h: Harness, phase: Phase): Promise<World> {
  const w = await buildScoredWorld(h, { proposals: 2, judges: 3, minJudges: 3, rules: { publicityDays: 1 } });
  const c = `/api/contests/${w.contestId}`;
  const officer = w.tokens.officer;
  let objectionId = '';
  let notice = { proposalId: '', number: '', verificationCode: '' };
  if (phase !== 'review') {
    await call(w.shortlisting, 'POST', `${c}/publish`, { token: officer });
    objectionId = (
      await call(w.shortlisting, 'POST', `${c}/objections`, {
        token: w.tokens.resident,
        body: { text: '请说明评分依据' },
      })
    ).body.id;
  }
  if (phase === 'ended' || phase === 'locked' || phase === 'awarded') {
    await call(w.shortlisting, 'PUT', `${c}/objections/${objectionId}/answer`, {
      token: officer,
      body: { answer: '已在公示中列明' },
    });
    w.clock.advance(2 * DAY_MS);
  }
  if (phase === 'locked' || phase === 'awarded')
    await call(w.shortlisting, 'POST', `${c}/lock`, { token: officer });
  if (phase === 'awarded') {
    await call(w.awards, 'POST', `${c}/notices/issue`, { token: officer });
    const notices = (await call(w.awards, 'GET', `${c}/notices`, { token: officer })).body.items;
    notice = notices.find((n: { proposalId: string }) => n.proposalId === w.proposalIds[0]);
  }
  return {
    ...w,
    objectionId,
    notice,
    tokenOf: {
      anonymous: undefined,
      owner: w.tokens.resident,
      otherResident: await h.tokenFor(w.residents[1]!),
      judge: w.tokens.judges[0],
      officer,
      otherOfficer: w.tokens.otherOfficer,
    },
  };
}

interface Case {
  route: RouteName;
  phase: Phase;
  request: (w: World) => { path: string; body?: unknown };
  expect: Record<Actor, number>;
}

const officerOnly = (ok: number) => ({
  anonymous: 401,
  owner: 403,
  otherResident: 403,
  judge: 403,
  officer: ok,
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
const residents = (ok: number) => ({
  anonymous: 401,
  owner: ok,
  otherResident: ok,
  judge: 403,
  officer: 403,
  otherOfficer: 403,
});
const teamOrOffice = {
  anonymous: 401,
  owner: 200,
  otherResident: 403,
  judge: 403,
  officer: 200,
  otherOfficer: 403,
};
const c = (w: World) => `/api/contests/${w.contestId}`;

const cases: Case[] = [
  {
    route: 'proposeBundle',
    phase: 'review',
    request: (w) => ({ path: `${c(w)}/bundle/proposal` }),
    expect: officerOnly(200),
  },
  {
    route: 'compareBundles',
    phase: 'review',
    request: (w) => ({ path: `${c(w)}/bundle/compare` }),
    expect: officerOnly(200),
  },
  {
    route: 'getDecisions',
    phase: 'review',
    request: (w) => ({ path: `${c(w)}/bundle/decisions` }),
    expect: officerOnly(200),
  },
  {
    route: 'saveDecisions',
    phase: 'review',
    request: (w) => ({
      path: `${c(w)}/bundle/decisions`,
      body: { drop: [{ proposalId: w.proposalIds[1], reason: '重复申报' }] },
    }),
    expect: officerOnly(200),
  },
  {
    route: 'publishBundle',
    phase: 'review',
    request: (w) => ({ path: `${c(w)}/publish` }),
    expect: officerOnly(200),
  },
  {
    route: 'getPublicity',
    phase: 'publicity',
    request: (w) => ({ path: `${c(w)}/publicity` }),
    expect: everyone(200),
  },
  {
    route: 'fileObjection',
    phase: 'publicity',
    request: (w) => ({ path: `${c(w)}/objections`, body: { text: '异议' } }),
    expect: residents(201),
  },
  {
    route: 'listObjections',
    phase: 'publicity',
    request: (w) => ({ path: `${c(w)}/objections` }),
    expect: officerOnly(200),
  },
  {
    route: 'answerObjection',
    phase: 'publicity',
    request: (w) => ({ path: `${c(w)}/objections/${w.objectionId}/answer`, body: { answer: '答复' } }),
    expect: officerOnly(200),
  },
  {
    route: 'lockBundle',
    phase: 'ended',
    request: (w) => ({ path: `${c(w)}/lock` }),
    expect: officerOnly(200),
  },
  {
    route: 'getLockedBundle',
    phase: 'locked',
    request: (w) => ({ path: `${c(w)}/bundle` }),
    expect: everyone(200),
  },
  {
    route: 'lockedBundleText',
    phase: 'locked',
    request: (w) => ({ path: `${c(w)}/bundle/locked-bundle.json` }),
    expect: everyone(200),
  },
  {
    route: 'issueNotices',
    phase: 'locked',
    request: (w) => ({ path: `${c(w)}/notices/issue` }),
    expect: officerOnly(200),
  },
  {
    route: 'listNotices',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/notices` }),
    expect: officerOnly(200),
  },
  {
    route: 'myNotices',
    phase: 'awarded',
    request: () => ({ path: '/api/me/notices' }),
    expect: residents(200),
  },
  {
    route: 'getNotice',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/notices/${w.notice.proposalId}` }),
    expect: teamOrOffice,
  },
  {
    route: 'printNotice',
    phase: 'awarded',
    request: (w) => ({ path: `/notices/${w.contestId}/${w.notice.proposalId}` }),
    expect: teamOrOffice,
  },
  {
    route: 'verifyNotice',
    phase: 'awarded',
    request: (w) => ({
      path: `/api/notices/verify?number=${encodeURIComponent(w.notice.number)}&code=${w.notice.verificationCode}`,
    }),
    expect: everyone(200),
  },
  {
    route: 'awardsCsv',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/awards.csv` }),
    expect: officerOnly(200),
  },
  {
    route: 'ocdsRelease',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/ocds.json` }),
    expect: everyone(200),
  },
  {
    route: 'auditLog',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/audit` }),
    expect: officerOnly(200),
  },
  {
    route: 'verifyAuditLog',
    phase: 'awarded',
    request: (w) => ({ path: `${c(w)}/audit/verify` }),
    expect: everyone(200),
  },
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('the authorization matrix of the shortlisting and awards functions', () => {
  it('covers every shortlisting and awards route in the route table', () => {
    const covered = new Set(cases.map((x) => x.route));
    const routes = [...routesOf('shortlisting', 'api'), ...routesOf('awards', 'api')].map(([name]) => name);
    expect(routes.filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const x of cases) {
    const spec = routeTable[x.route];
    it(`${spec.method.toUpperCase()} ${spec.path}: ${ACTORS.map((a) => `${a} ${x.expect[a]}`).join(', ')}`, async () => {
      const w = await world(h, x.phase);
      const app = spec.fn === 'awards' ? w.awards : w.shortlisting;
      // Refusals first: they must change nothing, so the one allowed actor still finds the world as built.
      const order = [...ACTORS].sort((a, b) => Number(x.expect[a] < 300) - Number(x.expect[b] < 300));
      for (const actor of order) {
        const request = x.request(w);
        const response = await call(app, spec.method.toUpperCase(), request.path, {
          token: w.tokenOf[actor],
          body: request.body,
        });
        expect(response.status, `${actor}: ${JSON.stringify(response.body)}`).toBe(x.expect[actor]);
      }
    });
  }
});
