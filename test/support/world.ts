import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import type { DevUser } from '../../infra/local/dev-auth.ts';
import type { Principal } from '../../shared/auth.ts';
import { closeContest, createContest, openContest } from '../../shared/contest/actions.ts';
import { newId } from '../../shared/ids.ts';
import { createProposal, submitProposal } from '../../shared/proposal/actions.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { completeProposal, contestInput, teamInput } from './fixtures.ts';
import { frozenClock, type Harness, personas, seedOffices } from './harness.ts';

export const DAY_MS = 24 * 3600 * 1000;

export function asPrincipal(user: DevUser): Principal {
  return {
    sub: user.sub,
    name: user.name,
    roles: user.roles,
    ...(user.officeId ? { officeId: user.officeId } : {}),
  };
}

export type Phase = 'draft' | 'open' | 'after-deadline' | 'screening';

/**
 * A small world for one test: two offices with their officers, two residents and a judge,
 * and a contest brought to the phase asked for, with the owner's team, a submitted proposal
 * and a complete draft. It has its own clock, so tests can move time independently.
 */
export async function buildWorld(h: Harness, phase: Phase) {
  const office = `office-${newId()}`;
  const otherOffice = `office-${newId()}`;
  await seedOffices(h, office, otherOffice);
  const people = personas(office, otherOffice);
  const clock = frozenClock();
  const deps = { ...h.deps, clock };
  const officer = asPrincipal(people.officer);
  const owner = asPrincipal(people.resident);

  const { contest } = await createContest(deps, officer, office, contestInput(clock.now()));
  const { team } = await createTeam(deps, owner, teamInput as TeamInput);
  let submittedId = '';
  let draftId = '';
  if (phase !== 'draft') {
    await openContest(deps, officer, contest.id);
    const submitted = await createProposal(deps, owner, contest.id, { teamId: team.id, ...completeProposal });
    await submitProposal(deps, owner, contest.id, submitted.proposal.id);
    submittedId = submitted.proposal.id;
    const draft = await createProposal(deps, owner, contest.id, { teamId: team.id, ...completeProposal });
    draftId = draft.proposal.id;
  }
  if (phase === 'after-deadline' || phase === 'screening') clock.advance(15 * DAY_MS);
  if (phase === 'screening') await closeContest(deps, officer, contest.id);

  const tokens = {
    anonymous: undefined,
    owner: await h.tokenFor(people.resident),
    otherResident: await h.tokenFor(people.otherResident),
    judge: await h.tokenFor(people.judge),
    officer: await h.tokenFor(people.officer),
    otherOfficer: await h.tokenFor(people.otherOfficer),
  };
  return {
    app: createSubmissionsApp(deps),
    deps,
    clock,
    office,
    otherOffice,
    people,
    tokens,
    contestId: contest.id,
    teamId: team.id,
    submittedId,
    draftId,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type Actor = keyof World['tokens'];
export const ACTORS: Actor[] = ['anonymous', 'owner', 'otherResident', 'judge', 'officer', 'otherOfficer'];

export { createSubmissionsApp };
