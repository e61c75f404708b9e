import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, routesOf, routeTable } from '../../functions/route-table.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import {
  buildProcurementWorld,
  PARTS,
  PROCUREMENT_ACTORS,
  type ProcurementActor,
  type ProcurementWorld,
  procurementInput,
  type WorldOptions,
  type WorldPhase,
} from '../support/procurement-world.ts';
import { DAY_MS } from '../support/world.ts';

interface Case {
  route: RouteName;
  label?: string;
  phase: WorldPhase;
  options?: WorldOptions;
  /** Moves the world's clock before the request (past a deadline). */
  advanceDays?: number;
  request: (w: ProcurementWorld) => { path: string; body?: unknown; headers?: Record<string, string> };
  expect: Record<ProcurementActor, number>;
}

const base = (w: ProcurementWorld) => `/api/procurements/${w.procurementId}`;
const officeOnly = (ok: number) => ({
  anonymous: 401,
  supplier: 403,
  otherResident: 403,
  panelJudge: 403,
  otherJudge: 403,
  officer: ok,
  otherOfficer: 403,
});
/** A resident route whose object check is the team's owner. */
const supplierOnly = (ok: number) => ({
  anonymous: 401,
  supplier: ok,
  otherResident: 403,
  panelJudge: 403,
  otherJudge: 403,
  officer: 403,
  otherOfficer: 403,
});
/** A judge route whose object check is membership of the panel. */
const panelOnly = (ok: number) => ({
  anonymous: 401,
  supplier: 403,
  otherResident: 403,
  panelJudge: ok,
  otherJudge: 403,
  officer: 403,
  otherOfficer: 403,
});
const everyone = (status: number) =>
  Object.fromEntries(PROCUREMENT_ACTORS.map((actor) => [actor, status])) as Record<ProcurementActor, number>;
const parts = Object.fromEntries(PARTS.map((part) => [part.code, '内容']));

/** Every procurement route × every role, each case on a fresh world so none depends on another. */
const cases: Case[] = [
  {
    route: 'listOfficeProcurements',
    phase: 'draft',
    request: (w) => ({ path: `/api/offices/${w.office}/procurements` }),
    expect: officeOnly(200),
  },
  {
    route: 'createProcurement',
    phase: 'draft',
    request: (w) => ({
      path: `/api/offices/${w.office}/procurements`,
      body: procurementInput(w.clock.now(), w.panel),
    }),
    expect: officeOnly(201),
  },
  {
    route: 'getProcurement',
    label: 'a draft',
    phase: 'draft',
    request: (w) => ({ path: base(w) }),
    expect: { ...everyone(404), officer: 200 },
  },
  {
    route: 'getProcurement',
    phase: 'bidding',
    request: (w) => ({ path: base(w) }),
    expect: everyone(200),
  },
  {
    route: 'updateProcurement',
    phase: 'draft',
    request: (w) => ({ path: base(w), body: { title: '改名' }, headers: { 'if-match': '"1"' } }),
    expect: officeOnly(200),
  },
  {
    route: 'announceProcurement',
    phase: 'draft',
    request: (w) => ({ path: `${base(w)}/announce` }),
    expect: officeOnly(200),
  },
  {
    route: 'openBidding',
    phase: 'announced',
    request: (w) => ({ path: `${base(w)}/open-bidding` }),
    expect: officeOnly(200),
  },
  {
    route: 'closeBidding',
    phase: 'bidding',
    advanceDays: 13,
    request: (w) => ({ path: `${base(w)}/close-bidding` }),
    expect: officeOnly(200),
  },
  {
    route: 'callFinalQuotations',
    phase: 'consultation',
    request: (w) => ({ path: `${base(w)}/call-final-quotations` }),
    expect: officeOnly(200),
  },
  {
    route: 'startEvaluation',
    phase: 'final-quotation',
    advanceDays: 8,
    request: (w) => ({ path: `${base(w)}/start-evaluation` }),
    expect: officeOnly(200),
  },
  {
    route: 'recommendCandidates',
    phase: 'scored',
    request: (w) => ({ path: `${base(w)}/recommend` }),
    expect: officeOnly(200),
  },
  {
    route: 'confirmCandidate',
    phase: 'recommended',
    request: (w) => ({ path: `${base(w)}/award` }),
    expect: officeOnly(200),
  },
  {
    route: 'declineCandidate',
    phase: 'recommended',
    request: (w) => ({ path: `${base(w)}/decline`, body: { reason: '放弃成交' } }),
    expect: officeOnly(200),
  },
  {
    route: 'terminateProcurement',
    phase: 'bidding',
    request: (w) => ({ path: `${base(w)}/terminate`, body: { reason: '预算调整' } }),
    expect: officeOnly(200),
  },
  {
    route: 'submitBid',
    phase: 'bidding',
    options: { noBids: true },
    request: (w) => ({ path: `${base(w)}/bids/${w.teams.A}`, body: { priceFen: 14_900_000, parts } }),
    expect: supplierOnly(201),
  },
  {
    route: 'listBids',
    label: 'sealed: before the deadline nobody reads a bid, officers included',
    phase: 'bidding',
    request: (w) => ({ path: `${base(w)}/bids` }),
    expect: {
      anonymous: 401,
      supplier: 403,
      otherResident: 403,
      panelJudge: 409,
      otherJudge: 409,
      officer: 409,
      otherOfficer: 409,
    },
  },
  {
    route: 'listBids',
    label: 'sealed: past the deadline but not yet opened',
    phase: 'bidding',
    advanceDays: 13,
    request: (w) => ({ path: `${base(w)}/bids` }),
    expect: {
      anonymous: 401,
      supplier: 403,
      otherResident: 403,
      panelJudge: 409,
      otherJudge: 409,
      officer: 409,
      otherOfficer: 409,
    },
  },
  {
    route: 'listBids',
    phase: 'consultation',
    request: (w) => ({ path: `${base(w)}/bids` }),
    expect: { ...officeOnly(200), panelJudge: 200 },
  },
  {
    route: 'submitFinalQuotation',
    phase: 'final-quotation',
    options: { noQuotes: true },
    request: (w) => ({
      path: `${base(w)}/bids/${w.teams.A}/final-quotation`,
      body: { quotationFen: 14_680_000 },
    }),
    expect: supplierOnly(201),
  },
  {
    route: 'declareBidConflict',
    phase: 'consultation',
    request: (w) => ({ path: `${base(w)}/bids/${w.teams.B}/conflict`, body: { reason: '曾在该机构任职' } }),
    expect: panelOnly(200),
  },
  {
    route: 'submitBidSheet',
    phase: 'evaluation',
    request: (w) => ({
      path: `${base(w)}/bids/${w.teams.A}/sheet`,
      body: { scores: w.example.sheets[0]!.scores },
    }),
    expect: panelOnly(201),
  },
  {
    route: 'myBidSheets',
    phase: 'evaluation',
    request: (w) => ({ path: `${base(w)}/sheets/mine` }),
    expect: panelOnly(200),
  },
  {
    route: 'procurementEvaluation',
    label: 'before the award: the office only',
    phase: 'consultation',
    request: (w) => ({ path: `${base(w)}/evaluation` }),
    expect: { ...everyone(409), officer: 200 },
  },
  {
    route: 'procurementEvaluation',
    label: 'recommended: the office and the panel',
    phase: 'recommended',
    request: (w) => ({ path: `${base(w)}/evaluation` }),
    expect: { ...everyone(409), officer: 200, panelJudge: 200 },
  },
  {
    route: 'procurementEvaluation',
    phase: 'awarded',
    request: (w) => ({ path: `${base(w)}/evaluation` }),
    expect: everyone(200),
  },
  {
    route: 'procurementOcds',
    label: 'before the award',
    phase: 'recommended',
    request: (w) => ({ path: `${base(w)}/ocds.json` }),
    expect: everyone(409),
  },
  {
    route: 'procurementOcds',
    phase: 'awarded',
    request: (w) => ({ path: `${base(w)}/ocds.json` }),
    expect: everyone(200),
  },
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('the authorization matrix of the procurement function', () => {
  it('covers every procurement route in the route table', () => {
    const covered = new Set(cases.map((c) => c.route));
    expect(
      routesOf('procurement', 'api')
        .map(([name]) => name)
        .filter((name) => !covered.has(name)),
    ).toEqual([]);
  });

  for (const c of cases) {
    const spec = routeTable[c.route];
    for (const actor of PROCUREMENT_ACTORS) {
      it(`${spec.method.toUpperCase()} ${spec.path}${c.label ? ` (${c.label})` : ''} as ${actor} → ${c.expect[actor]}`, async () => {
        const w = await buildProcurementWorld(h, c.phase, c.options);
        if (c.advanceDays) w.clock.advance(c.advanceDays * DAY_MS);
        const request = c.request(w);
        const before = await w.snapshot();
        const response = await call(w.app, spec.method.toUpperCase(), request.path, {
          token: w.tokens[actor],
          body: request.body,
          ...(request.headers ? { headers: request.headers } : {}),
        });
        expect(response.status, JSON.stringify(response.body)).toBe(c.expect[actor]);
        // A refusal writes nothing.
        if (response.status >= 400) expect(await w.snapshot()).toEqual(before);
      });
    }
  }
});
