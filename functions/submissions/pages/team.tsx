/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Locale } from '../../../shared/i18n.ts';
import { MEMBER_ROLES, type Team } from '../../../shared/team/team.ts';
import { Form, Notice, Refusal, Select, TextField } from '../../ui/components.tsx';
import { href } from '../../ui/href.ts';
import type { FieldMessages } from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { residentTexts } from './resident-texts.ts';

/** A team form as typed: every value a string, members as rows, so it comes back as it was sent. */
export interface TeamDraft {
  name: string;
  /** The choice of community: `<office id>/<community code>` (one select for both). */
  community: string;
  kind: string;
  certificateNumber: string;
  members: { name: string; role: string; phone: string }[];
}

const EMPTY_MEMBER = { name: '', role: 'member', phone: '' };

export function teamDraftOf(team?: Team): TeamDraft {
  if (!team) {
    return {
      name: '',
      community: '',
      kind: 'resident-team',
      certificateNumber: '',
      members: [{ ...EMPTY_MEMBER, role: 'leader' }, { ...EMPTY_MEMBER }],
    };
  }
  return {
    name: team.name,
    community: team.officeId ? `${team.officeId}/${team.community}` : '',
    kind: team.kind,
    certificateNumber: team.certificateNumber ?? '',
    members: team.members.map((m) => ({ name: m.name, role: m.role, phone: m.phone ?? '' })),
  };
}

/** Reads the posted form back into a draft; `do` may add a member row or remove one. */
export function teamDraftFromForm(form: Record<string, string | string[]>): {
  draft: TeamDraft;
  edit: boolean;
} {
  const one = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
  const members: TeamDraft['members'] = [];
  for (let i = 0; i < 50 && `members.${i}.name` in form; i++) {
    members.push({
      name: one(`members.${i}.name`),
      role: one(`members.${i}.role`),
      phone: one(`members.${i}.phone`),
    });
  }
  const action = one('do');
  const draft = {
    name: one('name'),
    community: one('community'),
    kind: one('kind'),
    certificateNumber: one('certificateNumber'),
    members,
  };
  if (action === 'add-member') {
    draft.members.push({ ...EMPTY_MEMBER });
    return { draft, edit: true };
  }
  const removed = /^remove-(\d+)$/.exec(action);
  if (removed) {
    draft.members.splice(Number(removed[1]), 1);
    return { draft, edit: true };
  }
  return { draft, edit: false };
}

/** A community to pick: its value `<office id>/<code>` and its name. */
export interface CommunityChoice {
  value: string;
  label: string;
}

/** The office of the chosen community, if one is chosen. */
export function officeOfChoice(draft: TeamDraft): string[] {
  const [officeId] = draft.community.split('/');
  return officeId && draft.community.includes('/') ? [officeId] : [];
}

/** The draft as the action's input: empty optional fields left out, empty member rows dropped. */
export function teamInputOf(draft: TeamDraft) {
  const [officeId = '', community = ''] = draft.community.split('/');
  return {
    name: draft.name,
    officeId,
    community,
    kind: draft.kind,
    ...(draft.certificateNumber ? { certificateNumber: draft.certificateNumber } : {}),
    members: draft.members
      .filter((m) => m.name || m.phone)
      .map((m) => ({ name: m.name, role: m.role, ...(m.phone ? { phone: m.phone } : {}) })),
  };
}

export function TeamsPage(props: { locale: Locale; teams: Team[] }) {
  const text = pick(residentTexts, props.locale);
  return (
    <>
      <h1>{text.myTeams}</h1>
      {props.teams.length === 0 ? <p>{text.noTeams}</p> : null}
      <ul class="cards">
        {props.teams.map((team) => (
          <li>
            <article class="card">
              <h2>
                <a href={href('teamPage', { teamId: team.id })}>{team.name}</a>
              </h2>
              <p class="muted">
                {team.communityName ?? team.community} · {text.team.kinds[team.kind]} · {team.members.length}
              </p>
            </article>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={href('newTeamPage')}>
          {text.newTeam}
        </a>
      </p>
    </>
  );
}

/** Create or edit a team; errors beside the fields; works without JavaScript. */
export function TeamFormPage(props: {
  locale: Locale;
  action: string;
  draft: TeamDraft;
  communities: CommunityChoice[];
  errors?: FieldMessages;
  message?: string;
  saved?: boolean;
  version?: number;
  idempotencyKey?: string;
}) {
  const text = pick(residentTexts, props.locale);
  const t = text.team;
  const { draft, errors } = props;
  return (
    <>
      <h1>{props.version === undefined ? text.newTeam : text.editTeam}</h1>
      {props.saved ? <Notice tone="ok">{t.saved}</Notice> : null}
      <Refusal locale={props.locale} message={props.message} errors={props.errors} />
      <Form action={props.action}>
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        {props.idempotencyKey ? <input type="hidden" name="key" value={props.idempotencyKey} /> : null}
        <TextField name="name" label={t.name} value={draft.name} errors={errors} required maxLength={60} />
        <Select
          name="community"
          label={t.community}
          hint={t.communityHint}
          value={draft.community}
          errors={errors}
          placeholder={text.proposal.choose}
          options={props.communities}
        />
        <Select
          name="kind"
          label={t.kind}
          value={draft.kind}
          errors={errors}
          options={(['resident-team', 'registered-org'] as const).map((k) => ({
            value: k,
            label: t.kinds[k],
          }))}
        />
        <TextField
          name="certificateNumber"
          label={t.certificate}
          hint={t.certificateHint}
          value={draft.certificateNumber}
          errors={errors}
          maxLength={18}
        />
        <fieldset class="card">
          <legend>{t.members}</legend>
          {errors?.members ? <p class="error field">{errors.members}</p> : null}
          {draft.members.map((member, i) => (
            <fieldset class="member">
              <legend>{t.member(i + 1)}</legend>
              <TextField
                name={`members.${i}.name`}
                label={t.memberName}
                value={member.name}
                errors={errors}
                maxLength={40}
              />
              <Select
                name={`members.${i}.role`}
                label={t.memberRole}
                value={member.role}
                errors={errors}
                options={MEMBER_ROLES.map((role) => ({ value: role, label: t.roles[role] }))}
              />
              <TextField
                name={`members.${i}.phone`}
                label={t.memberPhone}
                hint={t.memberPhoneHint}
                value={member.phone}
                errors={errors}
                type="tel"
                inputMode="tel"
                maxLength={11}
              />
              <button type="submit" name="do" value={`remove-${i}`} class="secondary" formnovalidate>
                {t.removeMember}
              </button>
            </fieldset>
          ))}
          <button type="submit" name="do" value="add-member" class="secondary" formnovalidate>
            {t.addMember}
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit" name="do" value="save">
            {t.save}
          </button>
          <a class="button secondary" href={href('myTeamsPage')}>
            {commonTexts[props.locale].back}
          </a>
        </div>
      </Form>
    </>
  );
}
