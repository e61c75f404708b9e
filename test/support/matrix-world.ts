import { Hono } from 'hono';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import type { HttpDeps } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { createProcurementApp } from '../../functions/procurement/app.ts';
import type { FunctionName } from '../../functions/route-table.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import type { DevUser } from '../../infra/local/dev-auth.ts';
import { createDispatcher, type FetchApp } from '../../infra/local/dispatch.ts';
import { issueNotices, listNotices } from '../../shared/awards/actions.ts';
import { answerObjection, fileObjection, lockBundle, publishBundle } from '../../shared/bundle/actions.ts';
import type { AdjustableClock } from '../../shared/clock.ts';
import { closeContest, createContest, openContest } from '../../shared/contest/actions.ts';
import type { Deps } from '../../shared/deps.ts';
import {
  announceProcurement,
  callFinalQuotations,
  closeBidding,
  confirmCandidate,
  createProcurement,
  declareConflict as declareBidConflict,
  openBidding,
  recommend,
  startEvaluation,
  submitBid,
  submitFinalQuotation,
  submitSheet as submitProcurementSheet,
} from '../../shared/procurement/actions.ts';
import { issueProcurementNotices, listProcurementNotices } from '../../shared/procurement/notices.ts';
import { createProposal, screenProposal, submitProposal } from '../../shared/proposal/actions.ts';
import {
  addJudge,
  assignManually,
  declareConflict,
  saveSheet,
  startReview,
  submitSheet,
} from '../../shared/review/actions.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { recordSignIn } from '../../shared/user/directory.ts';
import { completeProposal, contestInput, teamInput } from './fixtures.ts';
import type { Harness } from './harness.ts';
import { PARTS, procurementInput, supplierTeam, workedExample } from './procurement-world.ts';
import { scores, twoOffices } from './review-world.ts';
import { asPrincipal, DAY_MS } from './world.ts';

/**
 * Who the route matrix acts as. A new kind of person (a supplier, a procurement panel member)
 * is one more name here and one more token in `buildMatrixWorld`; every expectation that does
 * not name them refuses them.
 */
export const MATRIX_ACTORS = [
  'anonymous',
  'teamResident',
  'otherResident',
  'assignedJudge',
  'unassignedJudge',
  'conflictedJudge',
  'outsiderJudge',
  'officer',
  'otherOfficer',
  'officerResident',
] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

/** The contest's phases in order; a world is built up to the one asked for. */
export const MATRIX_PHASES = [
  'draft',
  'open',
  'after-deadline',
  'screening',
  'screened',
  'review',
  'scored',
  'publicity',
  'ended',
  'locked',
  'awarded',
] as const;

/**
 * A procurement's steps in order (a world in one of them has its contest in draft): `open` is
 * bidding before any bid, `due` bidding past its deadline, `quoting` final quotation before any
 * quotation, `quoted-due` past the final-quotation deadline, `scored` evaluation with every sheet.
 */
export const PROCUREMENT_STEPS = [
  'p-draft',
  'p-announced',
  'p-open',
  'p-bidding',
  'p-due',
  'p-consultation',
  'p-quoting',
  'p-quoted',
  'p-quoted-due',
  'p-evaluation',
  'p-scored',
  'p-recommended',
  'p-awarded',
  'p-notified',
] as const;
export type ProcurementStep = (typeof PROCUREMENT_STEPS)[number];
export type MatrixPhase = (typeof MATRIX_PHASES)[number] | ProcurementStep;
const isStep = (phase: MatrixPhase): phase is ProcurementStep => phase.startsWith('p-');

/** Every function app behind the local runtime's dispatcher, so any route-table path answers. */
export function allApps(deps: HttpDeps): Hono {
  const apps: Record<FunctionName, FetchApp> = {
    submissions: createSubmissionsApp(deps),
    scoring: createScoringApp(deps),
    shortlisting: createShortlistingApp(deps),
    awards: createAwardsApp(deps),
    procurement: createProcurementApp(deps),
    portal: createPortalApp(deps),
  };
  const dispatch = createDispatcher(apps, undefined);
  return new Hono().all('*', (c) => dispatch(c.req.raw));
}

/**
 * One contest brought to `phase`, with every kind of person the matrix needs:
 * - the team resident owns team T with proposals P (submitted) and D (a draft);
 * - another resident owns team U with proposal Q (submitted): another team's proposal;
 * - from `screened` on, both are eligible and the panel is set:
 *   judges: `assignedJudge` is assigned P and Q, judge B (no token) too, `conflictedJudge` was
 *   assigned P and declared a conflict, `unassignedJudge` sits on the panel with nothing,
 *   `outsiderJudge` is on no panel;
 * - from review on, the assigned judge has a draft sheet for P and a submitted one for Q; from
 *   `scored` on, every sheet is submitted; publicity has an objection by the other resident;
 * - two offices: the contest belongs to the officer's, the other officer's office has none;
 * - `officerResident` is one person who is an officer of the contest's office and a resident with
 *   a team of their own (issue 9: the officer who is also a resident).
 */
export async function buildMatrixWorld(h: Harness, phase: MatrixPhase) {
  const contestPhase = isStep(phase) ? 'draft' : phase;
  const at = (p: (typeof MATRIX_PHASES)[number]) =>
    MATRIX_PHASES.indexOf(contestPhase) >= MATRIX_PHASES.indexOf(p);
  const { office, otherOffice, clock, deps, user } = await twoOffices(h);
  const users = {
    teamResident: user('resident', '张阿姨', ['resident']),
    otherResident: user('resident-other', '刘大爷', ['resident']),
    assignedJudge: user('judge-a', '陈教授', ['judge']),
    secondJudge: user('judge-b', '周老师', ['judge']),
    conflictedJudge: user('judge-c', '吴律师', ['judge']),
    unassignedJudge: user('judge-u', '郑会计', ['judge']),
    outsiderJudge: user('judge-x', '外聘专家', ['judge']),
    officer: user('officer', '王主任', ['officer'], office),
    otherOfficer: user('officer-other', '李主任', ['officer'], otherOffice),
    /** One person, an officer of the office who is also a resident with a team of their own. */
    officerResident: user('officer-resident', '兼任居民的赵干事', ['officer', 'resident'], office),
  };
  // As if everyone had signed in once: the user directory knows who the judges are.
  for (const person of Object.values(users)) await recordSignIn(deps, person);
  const as = (who: keyof typeof users) => asPrincipal(users[who]);
  const officer = as('officer');

  const { contest } = await createContest(
    deps,
    officer,
    office,
    contestInput(clock.now(), { minJudges: 2, publicityDays: 1 }),
  );
  const contestId = contest.id;
  const { team } = await createTeam(deps, as('teamResident'), teamInput as TeamInput);
  const { team: otherTeam } = await createTeam(deps, as('otherResident'), teamInput as TeamInput);
  const { team: officerResidentTeam } = await createTeam(deps, as('officerResident'), teamInput as TeamInput);
  const ids = { proposal: '', draft: '', otherProposal: '', objection: '' };
  if (at('open')) {
    await openContest(deps, officer, contestId);
    const start = async (who: 'teamResident' | 'otherResident', teamId: string, submit: boolean) => {
      const { proposal } = await createProposal(deps, as(who), contestId, { teamId, ...completeProposal });
      if (submit) await submitProposal(deps, as(who), contestId, proposal.id);
      return proposal.id;
    };
    ids.proposal = await start('teamResident', team.id, true);
    ids.draft = await start('teamResident', team.id, false);
    ids.otherProposal = await start('otherResident', otherTeam.id, true);
  }
  if (at('after-deadline')) clock.advance(15 * DAY_MS);
  if (at('screening')) await closeContest(deps, officer, contestId);
  const sheet = (who: 'assignedJudge' | 'secondJudge', proposalId: string, submit: boolean) =>
    saveSheet(deps, as(who), contestId, proposalId, {
      scores: scores([2000, 2000, 1000, 1000, 1500]),
    }).then(() => (submit ? submitSheet(deps, as(who), contestId, proposalId) : undefined));
  if (at('screened')) {
    for (const id of [ids.proposal, ids.otherProposal])
      await screenProposal(deps, officer, contestId, id, { eligible: true });
    for (const who of ['assignedJudge', 'secondJudge', 'conflictedJudge', 'unassignedJudge'] as const)
      await addJudge(deps, officer, contestId, users[who].sub, users[who].name);
    const assign = (proposalId: string, who: keyof typeof users) =>
      assignManually(deps, officer, contestId, { proposalId, judgeId: users[who].sub });
    for (const who of ['assignedJudge', 'secondJudge', 'conflictedJudge'] as const)
      await assign(ids.proposal, who);
    for (const who of ['assignedJudge', 'secondJudge'] as const) await assign(ids.otherProposal, who);
    await declareConflict(deps, as('conflictedJudge'), contestId, ids.proposal, '亲属关系');
  }
  if (at('review')) {
    await startReview(deps, officer, contestId);
    await sheet('assignedJudge', ids.proposal, at('scored'));
    await sheet('assignedJudge', ids.otherProposal, true);
  }
  if (at('scored')) {
    await sheet('secondJudge', ids.proposal, true);
    await sheet('secondJudge', ids.otherProposal, true);
  }
  if (at('publicity')) {
    await publishBundle(deps, officer, contestId);
    const objection = await fileObjection(deps, as('otherResident'), contestId, { text: '请说明评分依据' });
    ids.objection = objection.id;
  }
  if (at('ended')) {
    await answerObjection(deps, officer, contestId, ids.objection, '已在公示中列明');
    clock.advance(2 * DAY_MS);
  }
  if (at('locked')) await lockBundle(deps, officer, contestId);
  let notice = { number: '', verificationCode: '' };
  if (at('awarded')) {
    await issueNotices(deps, officer, contestId);
    const notices = await listNotices(deps, officer, contestId);
    notice = notices.find((n) => n.proposalId === ids.proposal)!;
  }

  const procurement = isStep(phase)
    ? await buildMatrixProcurement(deps, clock, office, users, user, phase)
    : {
        procurementId: '',
        supplierTeamId: '',
        otherSupplierTeamId: '',
        procurementNotice: { number: '', verificationCode: '' },
      };

  const tokens: Record<MatrixActor, string | undefined> = {
    anonymous: undefined,
    teamResident: await h.tokenFor(users.teamResident),
    otherResident: await h.tokenFor(users.otherResident),
    assignedJudge: await h.tokenFor(users.assignedJudge),
    unassignedJudge: await h.tokenFor(users.unassignedJudge),
    conflictedJudge: await h.tokenFor(users.conflictedJudge),
    outsiderJudge: await h.tokenFor(users.outsiderJudge),
    officer: await h.tokenFor(users.officer),
    otherOfficer: await h.tokenFor(users.otherOfficer),
    officerResident: await h.tokenFor(users.officerResident),
  };
  return {
    app: allApps(deps),
    deps,
    clock,
    office,
    otherOffice,
    users,
    tokens,
    contestId,
    teamId: team.id,
    otherTeamId: otherTeam.id,
    officerResidentTeamId: officerResidentTeam.id,
    ...ids,
    ...procurement,
    notice,
  };
}

/**
 * A procurement of the officer's office brought to `step`: the panel is the assigned, the
 * unassigned and the conflicted judge (the outsider is on none); the team resident, the other
 * resident and a third supplier (no token) bid with registered organisations; the conflicted
 * judge declares a conflict with the team resident's organisation once the bids are open.
 */
async function buildMatrixProcurement(
  deps: Deps,
  clock: AdjustableClock,
  office: string,
  users: Record<
    'teamResident' | 'otherResident' | 'assignedJudge' | 'unassignedJudge' | 'conflictedJudge' | 'officer',
    DevUser
  >,
  user: (sub: string, name: string, roles: DevUser['roles']) => DevUser,
  step: ProcurementStep,
) {
  const at = (s: ProcurementStep) => PROCUREMENT_STEPS.indexOf(step) >= PROCUREMENT_STEPS.indexOf(s);
  const officer = asPrincipal(users.officer);
  const panel = [users.assignedJudge, users.unassignedJudge, users.conflictedJudge];
  const { procurement } = await createProcurement(
    deps,
    officer,
    office,
    procurementInput(
      clock.now(),
      panel.map((judge) => ({ judgeId: judge.sub, name: judge.name })),
    ),
  );
  const id = procurement.id;
  const suppliers = [
    { who: users.teamResident, priceFen: 14_900_000, finalFen: 14_680_000 },
    { who: users.otherResident, priceFen: 14_500_000, finalFen: 13_950_000 },
    { who: user('supplier-third', '弘益中心', ['resident']), priceFen: 15_000_000, finalFen: 14_860_000 },
  ];
  const teams: string[] = [];
  for (const [i, s] of suppliers.entries()) {
    const { team } = await createTeam(deps, asPrincipal(s.who), supplierTeam(`供应商${i + 1}`, true, i + 1));
    teams.push(team.id);
  }
  const parts = Object.fromEntries(PARTS.map((part) => [part.code, part.name]));
  if (at('p-announced')) await announceProcurement(deps, officer, id);
  if (at('p-open')) await openBidding(deps, officer, id);
  if (at('p-bidding')) {
    for (const [i, s] of suppliers.entries())
      await submitBid(deps, asPrincipal(s.who), id, { teamId: teams[i]!, priceFen: s.priceFen, parts });
  }
  if (at('p-due')) clock.advance(13 * DAY_MS);
  if (at('p-consultation')) {
    await closeBidding(deps, officer, id);
    await declareBidConflict(deps, asPrincipal(users.conflictedJudge), id, teams[0]!, '曾在该机构任职');
  }
  if (at('p-quoting')) await callFinalQuotations(deps, officer, id);
  if (at('p-quoted')) {
    for (const [i, s] of suppliers.entries())
      await submitFinalQuotation(deps, asPrincipal(s.who), id, {
        teamId: teams[i]!,
        quotationFen: s.finalFen,
      });
  }
  if (at('p-quoted-due')) clock.advance(8 * DAY_MS);
  if (at('p-evaluation')) await startEvaluation(deps, officer, id);
  if (at('p-scored')) {
    const { scores: sheet } = workedExample().sheets[0]!;
    for (const judge of panel) {
      for (const [i, teamId] of teams.entries()) {
        if (judge === users.conflictedJudge && i === 0) continue;
        await submitProcurementSheet(deps, asPrincipal(judge), id, teamId, sheet);
      }
    }
  }
  if (at('p-recommended')) await recommend(deps, officer, id);
  if (at('p-awarded')) await confirmCandidate(deps, officer, id);
  let procurementNotice = { number: '', verificationCode: '' };
  if (at('p-notified')) {
    await issueProcurementNotices(deps, officer, id);
    procurementNotice = (await listProcurementNotices(deps, officer, id)).find((n) => n.teamId === teams[0])!;
  }
  return { procurementId: id, supplierTeamId: teams[0]!, otherSupplierTeamId: teams[1]!, procurementNotice };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
