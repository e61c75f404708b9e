/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listPublicContests, readContest } from '../../../shared/contest/actions.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import { newId } from '../../../shared/ids.ts';
import { officeWithCommunities } from '../../../shared/office/communities.ts';
import {
  createProposal,
  listMyProposals,
  readProposal,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from '../../../shared/proposal/actions.ts';
import { type Proposal, ProposalContentPatch } from '../../../shared/proposal/model.ts';
import {
  createTeam,
  listTeamsOfOwner,
  replaceTeam,
  TeamInput,
  teamOfOwner,
} from '../../../shared/team/team.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { ContestParams, Id } from '../../http/params.ts';
import { href } from '../../ui/href.ts';
import { attempt, definePage, formAction, formOf, pageParams, pageQuery } from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { ProposalFormPage, ProposalsPage } from './proposal.tsx';
import {
  markMissing,
  type ProposalDraft,
  proposalDraftFromForm,
  proposalDraftOf,
  proposalPatchOf,
} from './proposal-form.ts';
import { residentTexts } from './resident-texts.ts';
import {
  type CommunityChoice,
  officeOfChoice,
  type TeamDraft,
  TeamFormPage,
  TeamsPage,
  teamDraftFromForm,
  teamDraftOf,
  teamInputOf,
} from './team.tsx';

const LIST = { limit: 50 };
const TeamParams = z.object({ teamId: Id });
const ProposalParams = z.object({ contestId: Id, proposalId: Id });
const Done = z.object({ done: z.enum(['saved', 'submitted', 'withdrawn']).optional() });
const version = (form: Record<string, string | string[]>) => {
  const value = Number(form.version);
  return Number.isInteger(value) && value > 0 ? value : 0;
};
const key = (form: Record<string, string | string[]>) =>
  typeof form.key === 'string' && /^[\w-]{1,64}$/.test(form.key) ? form.key : undefined;

/**
 * The communities a resident can pick for a team: the lists of the offices with published
 * calls (and of the office of the team being edited), each a value `<office>/<code>`, named
 * with the office when there is more than one.
 */
async function communityChoices(deps: HttpDeps, draft: TeamDraft): Promise<CommunityChoice[]> {
  const { items } = await listPublicContests(deps, LIST);
  const offices = [...new Set([...items.map((contest) => contest.officeId), ...officeOfChoice(draft)])];
  const lists = await Promise.all(offices.map((officeId) => officeWithCommunities(deps.db, officeId)));
  const found = lists.flatMap((list) => (list ? [list] : []));
  return found.flatMap(({ office, communities }) =>
    communities.map((community) => ({
      value: `${office.id}/${community.code}`,
      label: found.length > 1 ? `${community.name}（${office.name}）` : community.name,
    })),
  );
}

/** What the team and proposal forms post as `do` (their buttons; none is a plain save). */
const TEAM_ACTIONS = ['add-member', /^remove-\d+$/, 'save'] as const;
const PROPOSAL_ACTIONS = ['add-line', /^remove-\d+$/, 'save', 'submit', 'withdraw'] as const;

/** A resident's pages: teams, proposals and the proposal form. */
export function residentPages(deps: HttpDeps) {
  const app = createRouter();
  const title = (c: Context<AppEnv>) => pick(residentTexts, c.get('locale'));

  definePage(app, 'myTeamsPage', deps, async (c) => {
    const { items } = await listTeamsOfOwner(deps, principalOf(c), LIST);
    return c.render(<TeamsPage locale={c.get('locale')} teams={items} />, { title: title(c).myTeams });
  });

  const teamForm = async (
    c: Context<AppEnv>,
    action: string,
    draft: TeamDraft,
    extra: {
      errors?: Record<string, string>;
      message?: string;
      saved?: boolean;
      version?: number;
      key?: string;
    },
    status: 200 | 422 = 200,
  ) => {
    c.status(status);
    return c.render(
      <TeamFormPage
        locale={c.get('locale')}
        action={action}
        draft={draft}
        communities={await communityChoices(deps, draft)}
        errors={extra.errors}
        message={extra.message}
        saved={extra.saved}
        version={extra.version}
        idempotencyKey={extra.key}
      />,
      { title: extra.version === undefined ? title(c).newTeam : title(c).editTeam },
    );
  };

  definePage(app, 'newTeamPage', deps, (c) =>
    teamForm(c, href('createTeamPage'), teamDraftOf(), { key: newId() }),
  );

  definePage(app, 'createTeamPage', deps, async (c) => {
    const form = await formOf(c);
    formAction(form, TEAM_ACTIONS);
    const { draft, edit } = teamDraftFromForm(form);
    if (edit) return teamForm(c, href('createTeamPage'), draft, { key: key(form) });
    const result = await attempt(c.get('locale'), () =>
      createTeam(deps, principalOf(c), parseOrThrow(TeamInput, teamInputOf(draft)), key(form)),
    );
    if (!result.ok)
      return teamForm(
        c,
        href('createTeamPage'),
        draft,
        { ...result, errors: result.fields, key: key(form) },
        422,
      );
    return c.redirect(href('teamPage', { teamId: result.value.team.id }, { done: 'saved' }), 303);
  });

  definePage(app, 'teamPage', deps, async (c) => {
    const { teamId } = pageParams(c, TeamParams);
    const team = await teamOfOwner(deps, principalOf(c), teamId);
    const saved = pageQuery(c, Done)?.done === 'saved';
    return teamForm(c, href('saveTeamPage', { teamId }), teamDraftOf(team), { saved, version: team.version });
  });

  definePage(app, 'saveTeamPage', deps, async (c) => {
    const { teamId } = pageParams(c, TeamParams);
    const form = await formOf(c);
    formAction(form, TEAM_ACTIONS);
    const { draft, edit } = teamDraftFromForm(form);
    const action = href('saveTeamPage', { teamId });
    if (edit) return teamForm(c, action, draft, { version: version(form) });
    const result = await attempt(c.get('locale'), () =>
      replaceTeam(deps, principalOf(c), teamId, parseOrThrow(TeamInput, teamInputOf(draft)), version(form)),
    );
    if (!result.ok)
      return teamForm(c, action, draft, { ...result, errors: result.fields, version: version(form) }, 422);
    return c.redirect(href('teamPage', { teamId }, { done: 'saved' }), 303);
  });

  definePage(app, 'myProposalsPage', deps, async (c) => {
    const principal = principalOf(c);
    const [{ items }, published] = await Promise.all([
      listMyProposals(deps, principal, LIST),
      listPublicContests(deps, LIST),
    ]);
    const contests = new Map(published.items.map((contest) => [contest.id, contest]));
    return c.render(
      <ProposalsPage
        locale={c.get('locale')}
        now={deps.clock.now()}
        proposals={items.map((proposal) => ({
          proposal,
          contestTitle: contests.get(proposal.contestId)?.title ?? '',
          phase: contests.get(proposal.contestId)?.status,
        }))}
        openContests={published.items.filter(
          (contest) =>
            contest.status === 'open' && deps.clock.now().toISOString() < contest.submissionDeadline,
        )}
      />,
      { title: title(c).myProposals },
    );
  });

  const proposalForm = async (
    c: Context<AppEnv>,
    contest: Contest,
    action: string,
    draft: ProposalDraft,
    extra: {
      proposal?: Proposal;
      errors?: Record<string, string>;
      message?: string;
      done?: 'saved' | 'submitted' | 'withdrawn';
      key?: string;
      withTeams?: boolean;
    },
    status: 200 | 422 = 200,
  ) => {
    const teams = extra.withTeams ? (await listTeamsOfOwner(deps, principalOf(c), LIST)).items : undefined;
    c.status(status);
    return c.render(
      <ProposalFormPage
        locale={c.get('locale')}
        now={deps.clock.now()}
        contest={contest}
        action={action}
        draft={draft}
        proposal={extra.proposal}
        teams={teams}
        errors={extra.errors && markMissing(extra.errors, draft, c.get('locale'))}
        message={extra.message}
        done={extra.done}
        idempotencyKey={extra.key}
      />,
      { title: extra.proposal?.title ?? title(c).proposal.new },
    );
  };

  definePage(app, 'newProposalPage', deps, async (c) => {
    const { contestId } = pageParams(c, ContestParams);
    const contest = await readContest(deps, principalOf(c), contestId);
    return proposalForm(c, contest, href('createProposalPage', { contestId }), proposalDraftOf(), {
      key: newId(),
      withTeams: true,
    });
  });

  definePage(app, 'createProposalPage', deps, async (c) => {
    const { contestId } = pageParams(c, ContestParams);
    const principal = principalOf(c);
    const locale = c.get('locale');
    const contest = await readContest(deps, principal, contestId);
    const form = await formOf(c);
    formAction(form, PROPOSAL_ACTIONS);
    const { draft, command } = proposalDraftFromForm(form);
    const action = href('createProposalPage', { contestId });
    const again = (extra: { errors?: Record<string, string>; message?: string }) =>
      proposalForm(
        c,
        contest,
        action,
        draft,
        { ...extra, key: key(form), withTeams: true },
        extra.message || extra.errors ? 422 : 200,
      );
    if (command === 'edit' || command === 'withdraw') return again({});
    const { patch, errors } = proposalPatchOf(draft, locale);
    if (!draft.teamId) errors.teamId = commonTexts[locale].fillIn;
    if (Object.keys(errors).length > 0) return again({ errors });
    const created = await attempt(locale, () =>
      createProposal(
        deps,
        principal,
        contestId,
        { teamId: draft.teamId, ...parseOrThrow(ProposalContentPatch, patch) },
        key(form),
      ),
    );
    if (!created.ok) return again({ errors: created.fields, message: created.message });
    const { proposal } = created.value;
    const target = (done: string) => href('proposalPage', { contestId, proposalId: proposal.id }, { done });
    if (command === 'save') return c.redirect(target('saved'), 303);
    const submitted = await attempt(locale, () =>
      submitProposal(deps, principal, contestId, proposal.id, proposal.version),
    );
    if (!submitted.ok)
      return proposalForm(
        c,
        contest,
        href('saveProposalPage', { contestId, proposalId: proposal.id }),
        draft,
        { proposal, errors: submitted.fields, message: submitted.message },
        422,
      );
    return c.redirect(target('submitted'), 303);
  });

  definePage(app, 'proposalPage', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, ProposalParams);
    const principal = principalOf(c);
    const proposal = await readProposal(deps, principal, contestId, proposalId);
    const contest = await readContest(deps, principal, contestId);
    return proposalForm(
      c,
      contest,
      href('saveProposalPage', { contestId, proposalId }),
      proposalDraftOf(proposal),
      {
        proposal,
        done: pageQuery(c, Done)?.done,
      },
    );
  });

  definePage(app, 'saveProposalPage', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, ProposalParams);
    const principal = principalOf(c);
    const locale = c.get('locale');
    const proposal = await readProposal(deps, principal, contestId, proposalId);
    const contest = await readContest(deps, principal, contestId);
    const form = await formOf(c);
    formAction(form, PROPOSAL_ACTIONS);
    const { draft, command } = proposalDraftFromForm(form);
    const action = href('saveProposalPage', { contestId, proposalId });
    const again = (extra: { errors?: Record<string, string>; message?: string }) =>
      proposalForm(
        c,
        contest,
        action,
        draft,
        { ...extra, proposal },
        extra.message || extra.errors ? 422 : 200,
      );
    const target = (done: string) => href('proposalPage', { contestId, proposalId }, { done });
    if (command === 'edit') return again({});
    if (command === 'withdraw') {
      const withdrawn = await attempt(locale, () =>
        withdrawProposal(deps, principal, contestId, proposalId, version(form)),
      );
      return withdrawn.ok ? c.redirect(target('withdrawn'), 303) : again({ message: withdrawn.message });
    }
    const { patch, errors } = proposalPatchOf(draft, locale);
    if (Object.keys(errors).length > 0) return again({ errors });
    const saved = await attempt(locale, () =>
      updateProposal(
        deps,
        principal,
        contestId,
        proposalId,
        parseOrThrow(ProposalContentPatch, patch),
        version(form),
      ),
    );
    if (!saved.ok) return again({ errors: saved.fields, message: saved.message });
    if (command === 'save') return c.redirect(target('saved'), 303);
    const submitted = await attempt(locale, () =>
      submitProposal(deps, principal, contestId, proposalId, saved.value.version),
    );
    if (!submitted.ok)
      return proposalForm(
        c,
        contest,
        action,
        draft,
        { proposal: saved.value, errors: submitted.fields, message: submitted.message },
        422,
      );
    return c.redirect(target('submitted'), 303);
  });

  return app;
}
