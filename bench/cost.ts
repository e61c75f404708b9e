import type { RouteName } from '../functions/route-table.ts';
import { startDynamoDbLocal } from '../infra/local/engine.ts';
import { buildScoredWorld } from '../test/support/bundle-world.ts';
import { createHarness } from '../test/support/harness.ts';
import { call } from '../test/support/http.ts';
import { allApps } from '../test/support/matrix-world.ts';
import { countedDb } from '../test/support/request-counter.ts';
import { DAY_MS } from '../test/support/world.ts';
import { measureRoutes } from './requests.ts';

/**
 * One district contest, as its people use it: 100 teams each submitting one proposal, 7 judges
 * each scoring every proposal, one officer, and a public of 5,000 visits. Calls per route;
 * people work in the pages, which call the same actions as the API.
 */
const PROPOSALS = 100;
const JUDGES = 7;
const VISITS = 5_000;
const SHEETS = PROPOSALS * JUDGES;
const PROFILE: Partial<Record<RouteName, number>> = {
  // The public and the residents find the contest.
  home: VISITS + 5 * PROPOSALS,
  contestPage: VISITS / 2,
  getPublicity: VISITS / 2,
  objectionPage: 20,
  fileObjectionPage: 5,
  verifyNoticePage: 100,
  verifyNotice: 100,
  ocdsRelease: 10,
  getLockedBundle: 100,
  // Each team registers, drafts with ~10 saves and submits, then reads its notice.
  newTeamPage: PROPOSALS,
  createTeamPage: PROPOSALS,
  myTeamsPage: 3 * PROPOSALS,
  newProposalPage: PROPOSALS,
  createProposalPage: PROPOSALS,
  proposalPage: 10 * PROPOSALS,
  saveProposalPage: 10 * PROPOSALS,
  submitProposal: PROPOSALS,
  myProposalsPage: 5 * PROPOSALS,
  myNoticesPage: PROPOSALS,
  printNotice: PROPOSALS,
  // Each judge opens every sheet, saves a draft and submits it.
  judgePage: 10 * JUDGES,
  sheetPage: SHEETS,
  saveSheetPage: SHEETS,
  submitSheet: SHEETS,
  // The officer runs the contest.
  officeHome: 30,
  officeNewContestPage: 1,
  officeNewContestPost: 1,
  officeContestPage: 10,
  officeContestPost: 3,
  officeScreeningPage: 10,
  screenProposal: PROPOSALS,
  addJudge: JUDGES,
  autoAssign: 1,
  startReview: 1,
  officeReviewPage: 20,
  officeRankingPage: 10,
  officeBundlePage: 10,
  officeBundlePost: 5,
  publishBundle: 1,
  officePublicityPage: 10,
  answerObjection: 5,
  lockBundle: 1,
  issueNotices: 1,
  officeRecordsPage: 5,
  awardsCsv: 1,
};

/**
 * Routes whose work grows with the contest, measured on a contest of PROPOSALS proposals with
 * every sheet submitted (the matrix world has two). The officer's pages over the same data are
 * counted as their API calls (the pages call the same actions).
 */
const AT_SCALE: { route: RouteName; as?: RouteName[]; method: string; path: (c: string) => string }[] = [
  {
    route: 'listSubmissions',
    as: ['officeScreeningPage'],
    method: 'GET',
    path: (c) => `/api/contests/${c}/submissions`,
  },
  {
    route: 'reviewProgress',
    as: ['officeReviewPage'],
    method: 'GET',
    path: (c) => `/api/contests/${c}/progress`,
  },
  { route: 'ranking', as: ['officeRankingPage'], method: 'GET', path: (c) => `/api/contests/${c}/ranking` },
  {
    route: 'proposeBundle',
    as: ['officeBundlePage', 'officeBundlePost'],
    method: 'GET',
    path: (c) => `/api/contests/${c}/bundle/proposal`,
  },
  { route: 'publishBundle', method: 'POST', path: (c) => `/api/contests/${c}/publish` },
  {
    route: 'getPublicity',
    as: ['officePublicityPage'],
    method: 'GET',
    path: (c) => `/api/contests/${c}/publicity`,
  },
  { route: 'lockBundle', method: 'POST', path: (c) => `/api/contests/${c}/lock` },
  { route: 'getLockedBundle', method: 'GET', path: (c) => `/api/contests/${c}/bundle` },
  { route: 'issueNotices', method: 'POST', path: (c) => `/api/contests/${c}/notices/issue` },
  {
    route: 'listNotices',
    as: ['officeRecordsPage'],
    method: 'GET',
    path: (c) => `/api/contests/${c}/notices`,
  },
  { route: 'awardsCsv', method: 'GET', path: (c) => `/api/contests/${c}/awards.csv` },
  { route: 'ocdsRelease', method: 'GET', path: (c) => `/api/contests/${c}/ocds.json` },
];

interface Cost {
  requests: number;
  readUnits: number;
  writeUnits: number;
}

/** The AT_SCALE routes' DynamoDB requests and units, on a contest of PROPOSALS proposals. */
async function measureAtScale(): Promise<Map<RouteName, Cost>> {
  const engine = await startDynamoDbLocal();
  try {
    const plain = await createHarness(engine.endpoint);
    const { count, db } = countedDb(plain.tableName, engine.endpoint);
    const w = await buildScoredWorld(
      { ...plain, deps: { ...plain.deps, db } },
      {
        proposals: PROPOSALS,
        judges: JUDGES,
        minJudges: JUDGES,
      },
    );
    const app = allApps(w.deps);
    const measured = new Map<RouteName, Cost>();
    for (const { route, as = [], method, path } of AT_SCALE) {
      if (route === 'lockBundle') w.clock.advance(30 * DAY_MS);
      count.reset();
      const response = await call(app, method, path(w.contestId), { token: w.tokens.officer });
      if (response.status >= 400) throw new Error(`${route} answered ${response.status}`);
      const cost = { requests: count.total(), readUnits: count.units.read, writeUnits: count.units.write };
      for (const name of [route, ...as]) measured.set(name, cost);
    }
    return measured;
  } finally {
    await engine.stop();
  }
}

/**
 * List prices, USD, us-east-1 (November 2026): DynamoDB on demand, Lambda on arm64 at the
 * stack's 512 MB, the HTTP API, CloudFront requests and transfer, WAF requests.
 */
const PRICE = {
  writeUnit: 0.625 / 1e6,
  readUnit: 0.125 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecond: 0.0000133334,
  lambdaGb: 0.5,
  httpApiRequest: 1 / 1e6,
  cloudFrontRequest: 0.01 / 10_000,
  cloudFrontGb: 0.085,
  wafRequest: 0.6 / 1e6,
};
/**
 * Billed Lambda time per call: an assumption, not a measure (a call is a few DynamoDB round trips
 * of single-digit milliseconds each; local timings are DynamoDB Local's, not AWS's).
 */
const BILLED_MS = 100;
/** Bytes out per response: above the heaviest page's 6.6 KB gzipped (test-results/page-weights.json). */
const BYTES_PER_RESPONSE = 8_000;

const usd = (x: number) => `$${x.toFixed(x < 0.1 ? 4 : 2)}`;

/**
 * `npm run bench -- cost`: what one contest costs on AWS at list prices, from the DynamoDB
 * requests and capacity units each route's call consumes, measured on DynamoDB Local with
 * ReturnConsumedCapacity: each route once in the route matrix's world, and the routes whose
 * work grows with the contest on a contest of PROPOSALS proposals.
 */
export async function benchCost() {
  const measures = new Map<RouteName, Cost>(
    (await measureRoutes()).map((m) => [
      m.name,
      { requests: m.total, readUnits: m.readUnits, writeUnits: m.writeUnits },
    ]),
  );
  for (const [name, cost] of await measureAtScale()) measures.set(name, cost);
  let calls = 0;
  let requests = 0;
  let readUnits = 0;
  let writeUnits = 0;
  const missing: string[] = [];
  for (const [name, n] of Object.entries(PROFILE) as [RouteName, number][]) {
    const m = measures.get(name);
    if (!m) {
      missing.push(name);
      continue;
    }
    calls += n;
    requests += n * m.requests;
    readUnits += n * m.readUnits;
    writeUnits += n * m.writeUnits;
  }
  const seconds = (calls * BILLED_MS) / 1000;
  const lines = [
    [
      'DynamoDB write units',
      writeUnits * PRICE.writeUnit,
      `${Math.round(writeUnits).toLocaleString('en')} WRU`,
    ],
    ['DynamoDB read units', readUnits * PRICE.readUnit, `${Math.round(readUnits).toLocaleString('en')} RRU`],
    [
      'Lambda',
      calls * PRICE.lambdaRequest + seconds * PRICE.lambdaGb * PRICE.lambdaGbSecond,
      `${calls.toLocaleString('en')} invocations × ${BILLED_MS} ms at 512 MB`,
    ],
    ['HTTP API', calls * PRICE.httpApiRequest, `${calls.toLocaleString('en')} requests`],
    [
      'CloudFront',
      calls * PRICE.cloudFrontRequest + ((calls * BYTES_PER_RESPONSE) / 1e9) * PRICE.cloudFrontGb,
      `${calls.toLocaleString('en')} requests, ${((calls * BYTES_PER_RESPONSE) / 1e9).toFixed(2)} GB out`,
    ],
    ['WAF', calls * PRICE.wafRequest, `${calls.toLocaleString('en')} requests`],
  ] as const;
  const total = lines.reduce((a, [, cost]) => a + cost, 0);
  return {
    name: `Cost of one contest (${PROPOSALS} proposals, ${JUDGES} judges each scoring all, ${VISITS.toLocaleString('en')} public visits) at list prices`,
    lines: [
      `${calls.toLocaleString('en')} API and page calls, ${Math.round(requests).toLocaleString('en')} DynamoDB requests`,
      ...lines.map(([what, cost, detail]) => `${what.padEnd(21)} ${usd(cost).padStart(8)}  ${detail}`),
      `${'total'.padEnd(21)} ${usd(total).padStart(8)}`,
      ...(missing.length > 0
        ? [`not measured (no permitted call in the matrix): ${missing.join(', ')}`]
        : []),
    ],
  };
}
