import { readFileSync } from 'node:fs';
import { createProcurementApp } from '../../functions/procurement/app.ts';
import type { DevUser } from '../../infra/local/dev-auth.ts';
import { type Db, queryAll } from '../../shared/db.ts';
import { newId } from '../../shared/ids.ts';
import { keys } from '../../shared/keys.ts';
import {
  announceProcurement,
  callFinalQuotations,
  closeBidding,
  confirmCandidate,
  createProcurement,
  openBidding,
  recommend,
  startEvaluation,
  submitBid,
  submitFinalQuotation,
  submitSheet,
} from '../../shared/procurement/actions.ts';
import { PROCUREMENT_PHASES, type ProcurementPhase } from '../../shared/procurement/lifecycle.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { TEAM_OFFICE } from './fixtures.ts';
import { frozenClock, type Harness, seedOffices } from './harness.ts';
import { fenOf, hundredths, tablesUnder } from './markdown.ts';
import { asPrincipal, DAY_MS } from './world.ts';

export const PROCUREMENT_DOC = readFileSync(new URL('../../docs/procurement.md', import.meta.url), 'utf8');

/** The parts every bid must contain in the tests' procurements. */
export const PARTS = [
  { code: 'service-plan', name: '服务方案' },
  { code: 'staffing', name: '人员名单' },
];

/** The worked example of docs/procurement.md, read from its tables. */
export function workedExample() {
  const [criteriaTable] = tablesUnder(PROCUREMENT_DOC, '### Criteria');
  const [bidsTable] = tablesUnder(PROCUREMENT_DOC, '### Bids');
  const [sheetsTable] = tablesUnder(PROCUREMENT_DOC, '### Sheets');
  const criteria = criteriaTable!.map(([code, name, kind, max]) => ({
    code: code!,
    name: name!,
    kind: kind as 'technical' | 'business',
    maxPoints: hundredths(max!),
  }));
  const bids = bidsTable!.map(([letter, supplier, registered, price, final]) => ({
    letter: letter!,
    supplier: supplier!,
    registered: registered === 'yes',
    priceFen: fenOf(price!),
    finalFen: final === '–' ? undefined : fenOf(final!),
  }));
  const sheets = sheetsTable!.map(([letter, member, ...points]) => ({
    letter: letter!,
    member: member!,
    scores: Object.fromEntries(criteria.map((criterion, i) => [criterion.code, hundredths(points[i]!)])),
  }));
  return { criteria, bids, sheets };
}

/** A set-up as an officer sends it: the worked example's rules, deadlines from `now`. */
export function procurementInput(now: Date, panel: { judgeId: string; name: string }[], overrides = {}) {
  return {
    title: '西屯街道居家养老服务项目',
    description: '为辖区内符合条件的老人提供每人每月 200 元的居家养老服务，共 47 项服务内容。',
    kind: 'services' as const,
    governmentPurchasedService: true,
    ceilingFen: 15_000_000,
    priceWeightBp: 2000,
    criteria: workedExample().criteria,
    requiredParts: PARTS,
    minResponsive: 3 as const,
    panel,
    biddingDeadline: new Date(now.getTime() + 12 * DAY_MS).toISOString(),
    finalQuotationDeadline: new Date(now.getTime() + 20 * DAY_MS).toISOString(),
    ...overrides,
  };
}

/** A team for a supplier: registered organisations carry a certificate number (统一社会信用代码). */
export function supplierTeam(name: string, registered: boolean, n: number): TeamInput {
  return {
    name,
    officeId: TEAM_OFFICE.id,
    community: 'xitun',
    kind: registered ? 'registered-org' : 'resident-team',
    ...(registered ? { certificateNumber: `52150402MJ000000${n}X` } : {}),
    members: [{ name: `负责人${n}`, role: 'leader', phone: `1380000000${n}` }],
  };
}

export const PROCUREMENT_ACTORS = [
  'anonymous',
  'supplier',
  'otherResident',
  'panelJudge',
  'otherJudge',
  'officer',
  'otherOfficer',
] as const;
export type ProcurementActor = (typeof PROCUREMENT_ACTORS)[number];

/** Phases a world can be brought to, in order; `scored` is evaluation with every sheet in. */
export type WorldPhase = Exclude<ProcurementPhase, 'terminated'> | 'scored';
const ORDER: WorldPhase[] = PROCUREMENT_PHASES.flatMap((phase): WorldPhase[] =>
  phase === 'terminated' ? [] : phase === 'evaluation' ? [phase, 'scored'] : [phase],
);

export interface WorldOptions {
  /** Bring it to bidding (or later) without any bid sent. */
  noBids?: boolean;
  /** Bring it to final quotation without any quotation sent. */
  noQuotes?: boolean;
}

/**
 * The worked example's procurement brought to `phase` through the domain actions: three
 * panel members (m1–m3, judges), the four suppliers A–D (D a resident team), an office with
 * its officer and another office. Its own clock, its own app.
 */
export async function buildProcurementWorld(h: Harness, phase: WorldPhase, options: WorldOptions = {}) {
  const office = `office-${newId()}`;
  const otherOffice = `office-${newId()}`;
  await seedOffices(h, office, otherOffice);
  const clock = frozenClock();
  const deps = { ...h.deps, clock };
  const user = (sub: string, name: string, roles: DevUser['roles'], officeId?: string): DevUser => ({
    sub: `${sub}-${office}`,
    name,
    roles,
    ...(officeId ? { officeId } : {}),
  });
  const example = workedExample();
  const officerUser = user('officer', '王主任', ['officer'], office);
  const members = ['m1', 'm2', 'm3'].map((m, i) => user(m, `专家${i + 1}`, ['judge']));
  const supplierUsers = example.bids.map((bid) => user(`supplier-${bid.letter}`, bid.supplier, ['resident']));
  const users = {
    supplier: supplierUsers[0]!,
    otherResident: user('resident-other', '刘大爷', ['resident']),
    panelJudge: members[0]!,
    otherJudge: user('judge-outsider', '外聘专家', ['judge']),
    officer: officerUser,
    otherOfficer: user('officer-other', '李主任', ['officer'], otherOffice),
  };
  const officer = asPrincipal(officerUser);
  // The panel members have signed in once: the directory knows them as judges.
  for (const member of members) await h.tokenFor(member);
  const panel = members.map((m) => ({ judgeId: m.sub, name: m.name }));
  const { procurement } = await createProcurement(
    deps,
    officer,
    office,
    procurementInput(clock.now(), panel),
  );
  const teams: Record<string, string> = {};
  for (const [i, bid] of example.bids.entries()) {
    const { team } = await createTeam(
      deps,
      asPrincipal(supplierUsers[i]!),
      supplierTeam(bid.supplier, bid.registered, i + 1),
    );
    teams[bid.letter] = team.id;
  }
  const id = procurement.id;
  const reached = (p: WorldPhase) => ORDER.indexOf(phase) >= ORDER.indexOf(p);
  if (reached('announced')) await announceProcurement(deps, officer, id);
  if (reached('bidding')) {
    await openBidding(deps, officer, id);
    for (const [i, bid] of options.noBids ? [] : example.bids.entries()) {
      await submitBid(deps, asPrincipal(supplierUsers[i]!), id, {
        teamId: teams[bid.letter]!,
        priceFen: bid.priceFen,
        parts: Object.fromEntries(PARTS.map((part) => [part.code, `${bid.supplier}的${part.name}`])),
      });
    }
  }
  if (reached('consultation')) {
    clock.advance(13 * DAY_MS);
    await closeBidding(deps, officer, id);
  }
  if (reached('final-quotation')) {
    await callFinalQuotations(deps, officer, id);
    for (const [i, bid] of options.noQuotes ? [] : example.bids.entries()) {
      if (bid.finalFen === undefined) continue;
      await submitFinalQuotation(deps, asPrincipal(supplierUsers[i]!), id, {
        teamId: teams[bid.letter]!,
        quotationFen: bid.finalFen,
      });
    }
  }
  if (reached('evaluation')) {
    clock.advance(8 * DAY_MS);
    await startEvaluation(deps, officer, id);
  }
  if (reached('scored')) {
    for (const sheet of example.sheets) {
      const member = members[Number(sheet.member.slice(1)) - 1]!;
      await submitSheet(deps, asPrincipal(member), id, teams[sheet.letter]!, sheet.scores);
    }
  }
  if (reached('recommended')) await recommend(deps, officer, id);
  if (reached('awarded')) await confirmCandidate(deps, officer, id);

  const tokens: Record<ProcurementActor, string | undefined> = {
    anonymous: undefined,
    supplier: await h.tokenFor(users.supplier),
    otherResident: await h.tokenFor(users.otherResident),
    panelJudge: await h.tokenFor(users.panelJudge),
    otherJudge: await h.tokenFor(users.otherJudge),
    officer: await h.tokenFor(users.officer),
    otherOfficer: await h.tokenFor(users.otherOfficer),
  };
  return {
    app: createProcurementApp(deps),
    deps,
    clock,
    office,
    otherOffice,
    procurementId: id,
    teams,
    members,
    supplierUsers,
    users,
    tokens,
    example,
    panel,
    tokenFor: h.tokenFor,
    /** Every item of the procurement's partition and its audit trail, to prove a refusal wrote nothing. */
    snapshot: async () => ({
      items: await partition(deps.db, keys.procurementPartition(id).pk),
      audit: await partition(deps.db, keys.auditEntry(id, '').pk),
    }),
  };
}

function partition(db: Db, pk: string) {
  return queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ConsistentRead: true,
  });
}

export type ProcurementWorld = Awaited<ReturnType<typeof buildProcurementWorld>>;
