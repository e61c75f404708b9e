/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Contest, ContestStatus } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { Proposal } from '../../../shared/proposal/model.ts';
import type { Team } from '../../../shared/team/team.ts';
import {
  DateTime,
  DraftActions,
  Form,
  Money,
  Notice,
  ProposalBadge,
  Refusal,
  Select,
  TextArea,
  TextField,
} from '../../ui/components.tsx';
import { dateTime, timeLeft, yuan } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import type { FieldMessages } from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { draftTotalFen, type ProposalDraft } from './proposal-form.ts';
import { type ResidentText, residentTexts } from './resident-texts.ts';

export const isEditable = (proposal?: Proposal) => proposal?.status !== 'submitted';

/** The proposal's status for its team: screened ineligible beside 已提交 once the office said so. */
function StatusOf(props: { proposal: Proposal; locale: Locale; text: ResidentText }) {
  return (
    <>
      <ProposalBadge status={props.proposal.status} locale={props.locale} />
      {props.proposal.status === 'submitted' && props.proposal.eligibility?.eligible === false ? (
        <>
          {' '}
          <span class="badge bad" data-eligibility="ineligible">
            {props.text.ineligible}
          </span>
        </>
      ) : null}
    </>
  );
}

const LATER_PHASES = ['review', 'publicity', 'locked', 'awarded', 'cancelled'] as const;

/** What the person should do next with a proposal, in words; a submitted one by its contest's phase. */
export function nextStep(proposal: Proposal, now: Date, text: ResidentText, phase?: ContestStatus): string {
  if (proposal.status === 'submitted' && proposal.eligibility?.eligible === false)
    return text.next.ineligible(proposal.eligibility.reason ?? '—');
  const later = LATER_PHASES.find((p) => p === phase);
  if (proposal.status === 'submitted' && later) return text.next[later];
  if (now.toISOString() >= proposal.contestDeadline)
    return proposal.status === 'submitted' ? text.next.submitted : text.next.closed;
  return text.next[proposal.status];
}

/** The next step, with where to read the outcome: the shortlist in publicity, the notice once out. */
function NextStep(props: { proposal: Proposal; now: Date; locale: Locale; phase?: ContestStatus }) {
  const { proposal, phase } = props;
  const text = pick(residentTexts, props.locale);
  const step = nextStep(proposal, props.now, text, phase);
  const outcome = proposal.status === 'submitted' && proposal.eligibility?.eligible !== false;
  const link =
    outcome && phase === 'publicity' ? (
      <a href={href('contestPage', { contestId: proposal.contestId })}>{text.next.shortlist}</a>
    ) : outcome && phase === 'awarded' ? (
      <a href={href('myNoticesPage')}>{commonTexts[props.locale].nav.notices}</a>
    ) : null;
  return (
    <>
      {step}
      {link ? <> {link}</> : null}
    </>
  );
}

export function ProposalsPage(props: {
  locale: Locale;
  now: Date;
  proposals: { proposal: Proposal; contestTitle: string; phase?: ContestStatus }[];
  openContests: Pick<Contest, 'id' | 'title' | 'submissionDeadline'>[];
}) {
  const text = pick(residentTexts, props.locale);
  return (
    <>
      <h1>{text.myProposals}</h1>
      {props.proposals.length === 0 ? <p>{text.noProposals}</p> : null}
      <ul class="cards">
        {props.proposals.map(({ proposal, contestTitle, phase }) => (
          <li>
            <article class="card">
              <h2>
                <a href={href('proposalPage', { contestId: proposal.contestId, proposalId: proposal.id })}>
                  {proposal.title ?? text.proposal.new}
                </a>
              </h2>
              <p class="muted">{contestTitle}</p>
              <p>
                <StatusOf proposal={proposal} locale={props.locale} text={text} />{' '}
                {proposal.requestedFen !== undefined ? <Money fen={proposal.requestedFen} /> : null}
              </p>
              <p>
                <NextStep proposal={proposal} now={props.now} locale={props.locale} phase={phase} />
              </p>
            </article>
          </li>
        ))}
      </ul>
      <h2>{text.openContests}</h2>
      {props.openContests.length === 0 ? <p>{text.noOpenContests}</p> : null}
      <ul class="cards">
        {props.openContests.map((contest) => (
          <li>
            <article class="card">
              <h3>
                <a href={href('contestPage', { contestId: contest.id })}>{contest.title}</a>
              </h3>
              <p class="muted">
                {text.proposal.deadline(
                  dateTime(contest.submissionDeadline, props.locale),
                  timeLeft(contest.submissionDeadline, props.now, props.locale),
                )}
              </p>
              <a class="button" href={href('newProposalPage', { contestId: contest.id })}>
                {text.startProposal}
              </a>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

function BudgetLines(props: {
  draft: ProposalDraft;
  errors?: FieldMessages;
  text: ResidentText;
  locale: Locale;
}) {
  const { draft, errors, text } = props;
  const p = text.proposal;
  return (
    <fieldset class="card">
      <legend>{p.budget}</legend>
      {errors?.budgetLines ? <p class="error">{errors.budgetLines}</p> : null}
      {draft.lines.map((line, i) => (
        <fieldset class="line" data-line="">
          <legend>{p.line(i + 1)}</legend>
          <TextField
            name={`budgetLines.${i}.item`}
            label={p.item}
            value={line.item}
            errors={errors}
            maxLength={100}
          />
          <TextField
            name={`budgetLines.${i}.unitPrice`}
            errorPath={`budgetLines.${i}.unitPriceFen`}
            label={p.unitPrice}
            value={line.unitPrice}
            errors={errors}
            inputMode="decimal"
            data="price"
          />
          <TextField
            name={`budgetLines.${i}.quantity`}
            label={p.quantity}
            value={line.quantity}
            errors={errors}
            inputMode="numeric"
            data="qty"
          />
          {errors?.[`budgetLines.${i}.amountFen`] ? (
            <p class="error">{errors[`budgetLines.${i}.amountFen`]}</p>
          ) : null}
          <p>
            {p.amount}
            {commonTexts[props.locale].colon}
            <output data-amount="">{yuan(lineFen(line))}</output>
          </p>
          <button type="submit" name="do" value={`remove-${i}`} class="secondary" formnovalidate>
            {p.removeLine}
          </button>
        </fieldset>
      ))}
      <button type="submit" name="do" value="add-line" class="secondary" formnovalidate>
        {p.addLine}
      </button>
      <p class="total">
        {p.total}
        {commonTexts[props.locale].colon}
        <output data-total="">{yuan(draftTotalFen(draft))}</output>
      </p>
      {errors?.requestedFen ? <p class="error">{errors.requestedFen}</p> : null}
    </fieldset>
  );
}

const lineFen = (line: ProposalDraft['lines'][number]) => draftTotalFen({ lines: [line] } as ProposalDraft);

/**
 * The proposal form: title, category and community by name, need, plan, schedule,
 * beneficiaries, budget lines in yuan with their total; the cap and the deadline with the time
 * left; save draft, submit (with what is missing beside the fields), withdraw.
 */
export function ProposalFormPage(props: {
  locale: Locale;
  now: Date;
  contest: Contest;
  action: string;
  draft: ProposalDraft;
  proposal?: Proposal;
  teams?: Team[];
  errors?: FieldMessages;
  message?: string;
  done?: 'saved' | 'submitted' | 'withdrawn';
  idempotencyKey?: string;
}) {
  const text = pick(residentTexts, props.locale);
  const p = text.proposal;
  const { contest, draft, errors, proposal, locale } = props;
  const open = props.now.toISOString() < contest.submissionDeadline;
  const editable = isEditable(proposal) && open;
  // Without a team nothing can be saved: the form opens once one is registered (a form sent
  // anyway comes back with what was typed, beside the same notice).
  const teamFirst = (
    <Notice tone="bad">
      {p.needTeam} <a href={href('newTeamPage')}>{text.newTeam}</a>
    </Notice>
  );
  if (!proposal && !open)
    return (
      <>
        <h1>{p.new}</h1>
        <p>
          <a href={href('contestPage', { contestId: contest.id })}>{contest.title}</a>
        </p>
        <Notice tone="bad">{p.closedAt(dateTime(contest.submissionDeadline, locale))}</Notice>
        <p>
          <a href={href('myProposalsPage')}>{text.myProposals}</a>
        </p>
      </>
    );
  if (props.teams?.length === 0 && !props.errors && !props.message)
    return (
      <>
        <h1>{p.new}</h1>
        <p>
          <a href={href('contestPage', { contestId: contest.id })}>{contest.title}</a>
        </p>
        {teamFirst}
      </>
    );
  return (
    <>
      <h1>{proposal?.title ?? p.new}</h1>
      <p>
        <a href={href('contestPage', { contestId: contest.id })}>{contest.title}</a>
      </p>
      {proposal ? (
        <p>
          {p.status}
          {commonTexts[locale].colon}
          <StatusOf proposal={proposal} locale={locale} text={text} /> ·{' '}
          <NextStep proposal={proposal} now={props.now} locale={locale} phase={contest.status} />
        </p>
      ) : null}
      <p class="notice">
        {p.cap(yuan(contest.capFen))}{' '}
        {p.deadline(
          dateTime(contest.submissionDeadline, locale),
          timeLeft(contest.submissionDeadline, props.now, locale),
        )}
      </p>
      {props.done ? <Notice tone="ok">{p[props.done]}</Notice> : null}
      <Refusal locale={locale} message={props.message} errors={errors} />
      {!editable && proposal ? (
        <>
          <ReadOnlyProposal proposal={proposal} contest={contest} locale={locale} text={text} />
          {proposal.status === 'submitted' && props.now.toISOString() < contest.submissionDeadline ? (
            <Form action={props.action}>
              <input type="hidden" name="version" value={String(proposal.version)} />
              <p>{p.withdrawConfirm}</p>
              <div class="actions">
                <button type="submit" name="do" value="withdraw" class="secondary">
                  {p.withdraw}
                </button>
              </div>
            </Form>
          ) : null}
        </>
      ) : (
        <Form action={props.action} budget>
          {proposal ? <input type="hidden" name="version" value={String(proposal.version)} /> : null}
          {props.idempotencyKey ? <input type="hidden" name="key" value={props.idempotencyKey} /> : null}
          {props.teams ? (
            props.teams.length === 0 ? (
              teamFirst
            ) : (
              <Select
                name="teamId"
                label={p.team}
                hint={p.teamHint}
                value={draft.teamId}
                errors={errors}
                options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
              />
            )
          ) : null}
          <TextField name="title" label={p.title} value={draft.title} errors={errors} maxLength={100} />
          <Select
            name="category"
            label={p.category}
            value={draft.category}
            errors={errors}
            placeholder={p.choose}
            options={contest.categories.map((c) => ({ value: c.code, label: c.name }))}
          />
          <Select
            name="community"
            label={p.community}
            value={draft.community}
            errors={errors}
            placeholder={p.choose}
            options={contest.communities.map((c) => ({ value: c.code, label: c.name }))}
          />
          <TextArea name="need" label={p.need} value={draft.need} errors={errors} maxLength={5000} />
          <TextArea name="plan" label={p.plan} value={draft.plan} errors={errors} maxLength={10000} />
          <TextArea
            name="schedule"
            label={p.schedule}
            value={draft.schedule}
            errors={errors}
            maxLength={5000}
          />
          <TextField
            name="expectedBeneficiaries"
            label={p.beneficiaries}
            value={draft.expectedBeneficiaries}
            errors={errors}
            inputMode="numeric"
          />
          <BudgetLines draft={draft} errors={errors} text={text} locale={locale} />
          <TextField
            name="minViable"
            errorPath="minViableFen"
            label={p.minViable}
            hint={p.minViableHint}
            value={draft.minViable}
            errors={errors}
            inputMode="decimal"
          />
          <DraftActions save={p.saveDraft} submit={p.submit} />
        </Form>
      )}
    </>
  );
}

function ReadOnlyProposal(props: {
  proposal: Proposal;
  contest: Contest;
  locale: Locale;
  text: ResidentText;
}) {
  const { proposal, contest, text } = props;
  const p = text.proposal;
  const name = (list: { code: string; name: string }[], code?: string) =>
    list.find((e) => e.code === code)?.name ?? '—';
  return (
    <dl class="facts card">
      <dt>{p.category}</dt>
      <dd>{name(contest.categories, proposal.category)}</dd>
      <dt>{p.community}</dt>
      <dd>{name(contest.communities, proposal.community)}</dd>
      <dt>{p.need}</dt>
      <dd class="prose">{proposal.need}</dd>
      <dt>{p.plan}</dt>
      <dd class="prose">{proposal.plan}</dd>
      <dt>{p.schedule}</dt>
      <dd class="prose">{proposal.schedule}</dd>
      <dt>{p.beneficiaries}</dt>
      <dd>{proposal.expectedBeneficiaries}</dd>
      {(proposal.budgetLines ?? []).map((line) => (
        <>
          <dt>{line.item}</dt>
          <dd>
            {yuan(line.unitPriceFen)} × {line.quantity} = <Money fen={line.amountFen} />
          </dd>
        </>
      ))}
      <dt>{p.total}</dt>
      <dd>{proposal.requestedFen !== undefined ? <Money fen={proposal.requestedFen} /> : '—'}</dd>
      {proposal.submittedAt ? (
        <>
          <dt>{commonTexts[props.locale].proposalStatuses.submitted}</dt>
          <dd>
            <DateTime iso={proposal.submittedAt} locale={props.locale} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
