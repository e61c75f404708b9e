import { createScoringApp } from '../../functions/scoring/app.ts';
import type { DevUser } from '../../infra/local/dev-auth.ts';
import { closeContest, createContest, openContest } from '../../shared/contest/actions.ts';
import { newId } from '../../shared/ids.ts';
import { createProposal, screenProposal, submitProposal } from '../../shared/proposal/actions.ts';
import { addJudge, autoAssign, startReview } from '../../shared/review/actions.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { completeProposal, contestInput, teamInput } from './fixtures.ts';
import { frozenClock, type Harness, seedOffices } from './harness.ts';
import { asPrincipal, DAY_MS } from './world.ts';

export interface ReviewWorldOptions {
  proposals?: number;
  judges?: number;
  minJudges?: number;
  /** Stop before review starts (assignments are made in screening too). */
  phase?: 'screening' | 'review';
  autoAssign?: boolean;
  aggregation?: 'mean' | 'trimmed-mean' | 'median' | 'z-score';
  /** Further contest rules (outlierMargin, tieBreak, capFen, …). */
  rules?: Record<string, unknown>;
  /** Requested amount of each eligible proposal, in order (one budget line each). */
  requestedFen?: number[];
  /** An office already seeded, to put a second contest in the same office. */
  office?: string;
  /** When the world's clock starts (TEST_EPOCH by default). */
  at?: Date;
}

/**
 * Two seeded offices (the first may be one already seeded), a clock of their own, and people
 * whose ids are unique to them.
 */
export async function twoOffices(h: Harness, existing?: string, at?: Date) {
  const office = existing ?? `office-${newId()}`;
  const otherOffice = `office-${newId()}`;
  await seedOffices(h, office, otherOffice);
  const clock = frozenClock(at);
  const deps = { ...h.deps, clock };
  const user = (sub: string, name: string, roles: DevUser['roles'], officeId?: string): DevUser => ({
    sub: `${sub}-${office}`,
    name,
    roles,
    ...(officeId ? { officeId } : {}),
  });
  return { office, otherOffice, clock, deps, user };
}

/**
 * A contest brought to screening or review: eligible proposals from different residents,
 * one ineligible one, a panel of judges, and (by default) automatic assignments.
 */
export async function buildReviewWorld(h: Harness, options: ReviewWorldOptions = {}) {
  const { proposals = 4, judges = 5, minJudges = 3, phase = 'review', aggregation = 'mean' } = options;
  const { office, otherOffice, clock, deps, user } = await twoOffices(h, options.office, options.at);
  const officerUser = user('officer', '王主任', ['officer'], office);
  const otherOfficerUser = user('officer-other', '李主任', ['officer'], otherOffice);
  const residents = Array.from({ length: proposals + 1 }, (_, i) =>
    user(`resident-${i}`, `居民${i}`, ['resident']),
  );
  const judgeUsers = Array.from({ length: judges }, (_, i) => user(`judge-${i}`, `专家${i}`, ['judge']));
  const outsiderJudge = user('judge-outsider', '外聘专家', ['judge']);
  const officer = asPrincipal(officerUser);

  const { contest } = await createContest(
    deps,
    officer,
    office,
    contestInput(clock.now(), { minJudges, aggregation, ...options.rules }),
  );
  await openContest(deps, officer, contest.id);
  const proposalIds: string[] = [];
  for (const [i, resident] of residents.entries()) {
    const owner = asPrincipal(resident);
    const { team } = await createTeam(deps, owner, teamInput as TeamInput);
    const requested = options.requestedFen?.[i];
    const budget = requested
      ? {
          budgetLines: [{ item: '服务费', unitPriceFen: requested, quantity: 1, amountFen: requested }],
          requestedFen: requested,
        }
      : {};
    const { proposal } = await createProposal(deps, owner, contest.id, {
      teamId: team.id,
      ...completeProposal,
      ...budget,
      title: `项目${i}`,
    });
    await submitProposal(deps, owner, contest.id, proposal.id);
    proposalIds.push(proposal.id);
  }
  clock.advance(15 * DAY_MS);
  await closeContest(deps, officer, contest.id);
  const ineligibleId = proposalIds.pop()!;
  for (const id of proposalIds) await screenProposal(deps, officer, contest.id, id, { eligible: true });
  await screenProposal(deps, officer, contest.id, ineligibleId, { eligible: false, reason: '不在服务范围' });
  // Everyone signs in first, so the directory knows the judges before they join the panel.
  const token = (u: DevUser) => h.tokenFor(u);
  const tokens = {
    officer: await token(officerUser),
    otherOfficer: await token(otherOfficerUser),
    resident: await token(residents[0]!),
    outsider: await token(outsiderJudge),
    judges: await Promise.all(judgeUsers.map(token)),
  };
  for (const judge of judgeUsers) await addJudge(deps, officer, contest.id, judge.sub, judge.name);
  if (options.autoAssign !== false) await autoAssign(deps, officer, contest.id);
  if (phase === 'review') await startReview(deps, officer, contest.id);

  return {
    app: createScoringApp(deps),
    deps,
    clock,
    office,
    contestId: contest.id,
    officer,
    officerUser,
    residents,
    judgeUsers,
    outsiderJudge,
    proposalIds,
    ineligibleId,
    tokens,
  };
}

export type ReviewWorld = Awaited<ReturnType<typeof buildReviewWorld>>;

/** Full marks minus `off` hundredths spread over the default rubric's criteria. */
export function scores(points: [number, number, number, number, number]) {
  const [needFit, feasibility, team, budget, participation] = points;
  return { 'need-fit': needFit, feasibility, 'team-capacity': team, budget, participation };
}
