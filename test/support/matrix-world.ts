import { Hono } from 'hono';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import type { HttpDeps } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import type { FunctionName } from '../../functions/route-table.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { createDispatcher, type FetchApp } from '../../infra/local/dispatch.ts';
import { issueNotices, listNotices } from '../../shared/awards/actions.ts';
import { answerObjection, fileObjection, lockBundle, publishBundle } from '../../shared/bundle/actions.ts';
import { closeContest, createContest, openContest } from '../../shared/contest/actions.ts';
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
export type MatrixPhase = (typeof MATRIX_PHASES)[number];

/** Every function app behind the local runtime's dispatcher, so any route-table path answers. */
export function allApps(deps: HttpDeps): Hono {
  const apps: Record<FunctionName, FetchApp> = {
    submissions: createSubmissionsApp(deps),
    scoring: createScoringApp(deps),
    shortlisting: createShortlistingApp(deps),
    awards: createAwardsApp(deps),
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
 * - two offices: the contest belongs to the officer's, the other officer's office has none.
 */
export async function buildMatrixWorld(h: Harness, phase: MatrixPhase) {
  const at = (p: MatrixPhase) => MATRIX_PHASES.indexOf(phase) >= MATRIX_PHASES.indexOf(p);
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
    ...ids,
    notice,
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
