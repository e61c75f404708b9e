/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Principal } from '../../../shared/auth.ts';
import {
  cancelContest,
  closeContest,
  contestForOfficer,
  createContest,
  listOfficeContests,
  openContest,
  updateContest,
} from '../../../shared/contest/actions.ts';
import {
  CancelInput,
  CONTEST_DEFAULTS,
  type Contest,
  ContestCreateInput,
  ContestPatchInput,
  judgesPerProposal,
} from '../../../shared/contest/model.ts';
import { joinList, type Locale } from '../../../shared/i18n.ts';
import { getOffice } from '../../../shared/office/office.ts';
import { listSubmissions, screenProposals } from '../../../shared/proposal/actions.ts';
import { type Proposal, ScreeningInput } from '../../../shared/proposal/model.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import { ContestParams } from '../../http/params.ts';
import {
  ConfirmStep,
  DateTime,
  Form,
  Money,
  Notice,
  StatusBadge,
  Table,
  TextArea,
} from '../../ui/components.tsx';
import { beijingInputValue, nameList, points } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import {
  confirmedStep,
  doneMessage,
  type FormState,
  formList,
  formText,
  formValues,
  nextStepRoute,
  OfficeHeader,
  officeContest,
  officeOf,
  officePost,
  officeTexts,
  saveSetup,
  setUpPage,
} from '../../ui/office.tsx';
import {
  attempt,
  definePage,
  type FieldMessages,
  formAction,
  formOf,
  pageParams,
  refusalMessage,
} from '../../ui/page.tsx';
import { namesOf } from '../../ui/reasons.ts';
import { commonTexts, pick } from '../../ui/texts.ts';
import { communitiesTexts } from './communities.tsx';
import { ContestForm, contestFormErrors, contestValues, readContestForm } from './contest-form.tsx';
import { officeContestTexts } from './office-texts.ts';

const DAY_MS = 24 * 3600 * 1000;

function Dashboard(props: { locale: Locale; contests: Contest[] }) {
  const text = pick(officeContestTexts, props.locale);
  const office = pick(officeTexts, props.locale);
  return (
    <>
      <h1>{text.dashboard}</h1>
      <p class="lead">{text.dashboardLead}</p>
      <p>
        <a class="button" href={href('officeNewContestPage')}>
          {text.newContest}
        </a>{' '}
        <a class="button secondary" href={href('officeProcurementsPage')}>
          {text.procurements}
        </a>{' '}
        <a class="button secondary" href={href('officeCommunitiesPage')}>
          {pick(communitiesTexts, props.locale).title}
        </a>
      </p>
      {props.contests.length === 0 ? (
        <p class="muted">{text.noContests}</p>
      ) : (
        <Table
          label={text.dashboard}
          head={[text.head.title, text.head.status, text.head.deadline, text.head.next]}
          rows={props.contests.map((contest) => [
            <a href={href('officeContestPage', { contestId: contest.id })}>{contest.title}</a>,
            <StatusBadge status={contest.status} locale={props.locale} />,
            <DateTime iso={contest.submissionDeadline} locale={props.locale} />,
            contest.status === 'cancelled' ? (
              office.next.cancelled
            ) : (
              <a href={href(nextStepRoute(contest.status), { contestId: contest.id })}>
                {office.next[contest.status]}
              </a>
            ),
          ])}
        />
      )}
    </>
  );
}

type Confirming = { kind: 'open' | 'close' } | { kind: 'cancel'; reason: string };

function ContestOfficePage(props: {
  locale: Locale;
  contest: Contest;
  values: Record<string, string>;
  errors: FieldMessages;
  message?: string | undefined;
  done?: string | undefined;
  confirm?: Confirming | undefined;
}) {
  const { locale, contest } = props;
  const text = pick(officeContestTexts, locale);
  const office = pick(officeTexts, locale);
  const action = href('officeContestPost', { contestId: contest.id });
  const here = href('officeContestPage', { contestId: contest.id });
  const hidden = { version: String(contest.version) };
  const cancellable = ['draft', 'open', 'screening', 'review', 'publicity'].includes(contest.status);
  const confirm = props.confirm;
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeContestPage" title={text.settings} />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      {confirm ? (
        <ConfirmStep
          locale={locale}
          title={confirm.kind === 'open' ? text.open : confirm.kind === 'close' ? text.close : text.cancel}
          action={action}
          confirmLabel={
            confirm.kind === 'open'
              ? text.confirmOpen
              : confirm.kind === 'close'
                ? text.confirmClose
                : text.confirmCancel
          }
          cancelHref={here}
          hidden={{
            ...hidden,
            do: confirm.kind,
            ...(confirm.kind === 'cancel' ? { reason: confirm.reason } : {}),
          }}
          facts={[
            [text.title, contest.title],
            [text.budget, <Money fen={contest.budgetFen} />],
            [text.submissionDeadline, <DateTime iso={contest.submissionDeadline} locale={locale} />],
            ...(confirm.kind === 'cancel' ? [[text.cancelReason, confirm.reason] as [string, string]] : []),
          ]}
        >
          <p>
            {confirm.kind === 'open'
              ? text.openLead
              : confirm.kind === 'close'
                ? text.closeLead
                : text.cancelLead}
          </p>
        </ConfirmStep>
      ) : null}
      <section class="card" aria-labelledby="phase">
        <h2 id="phase">{text.phase}</h2>
        <p>
          {text.nextStep}
          {commonTexts[locale].colon}
          {office.next[contest.status]}
        </p>
        <div class="actions">
          {contest.status === 'draft' ? (
            <Form action={action} class="actions">
              <input type="hidden" name="do" value="open" />
              <button type="submit">{text.open}</button>
            </Form>
          ) : null}
          {contest.status === 'open' ? (
            <Form action={action} class="actions">
              <input type="hidden" name="do" value="close" />
              <button type="submit">{text.close}</button>
            </Form>
          ) : null}
          {contest.status !== 'draft' && contest.status !== 'open' && contest.status !== 'cancelled' ? (
            <a class="button" href={href(nextStepRoute(contest.status), { contestId: contest.id })}>
              {office.next[contest.status]}
            </a>
          ) : null}
        </div>
        {cancellable ? (
          <Form action={action}>
            <input type="hidden" name="do" value="cancel" />
            <TextArea
              name="reason"
              label={text.cancelReason}
              value={props.values.reason}
              maxLength={1000}
              errors={props.errors}
            />
            <div class="actions">
              <button type="submit" class="secondary">
                {text.cancel}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      <section aria-labelledby="settings">
        <h2 id="settings">{text.settings}</h2>
        {contest.status === 'draft' ? (
          <ContestForm
            locale={locale}
            action={action}
            values={props.values}
            errors={props.errors}
            contest={contest}
          />
        ) : (
          <RulesSummary locale={locale} contest={contest} />
        )}
      </section>
    </>
  );
}

function RulesSummary(props: { locale: Locale; contest: Contest }) {
  const text = pick(officeContestTexts, props.locale);
  const { contest, locale } = props;
  return (
    <>
      <p class="muted">{text.frozen}</p>
      <dl class="facts card">
        <dt>{text.budget}</dt>
        <dd>
          <Money fen={contest.budgetFen} />
        </dd>
        <dt>{text.cap}</dt>
        <dd>
          <Money fen={contest.capFen} />
        </dd>
        <dt>{text.categories}</dt>
        <dd>{nameList(locale, contest.categories)}</dd>
        <dt>{text.communities}</dt>
        <dd>{nameList(locale, contest.communities)}</dd>
        <dt>{text.rubric}</dt>
        <dd>
          {joinList(
            locale,
            contest.rubric.map((criterion) => `${criterion.name} ${points(criterion.maxPoints)}`),
            'clauses',
          )}
        </dd>
        <dt>{text.aggregation}</dt>
        <dd>{text.aggregations[contest.aggregation]}</dd>
        <dt>{text.minJudges}</dt>
        <dd>{contest.minJudges}</dd>
        <dt>{text.judgesPerProposal}</dt>
        <dd>{judgesPerProposal(contest)}</dd>
        <dt>{text.policy}</dt>
        <dd>{text.policies[contest.shortlisting.policy]}</dd>
        <dt>{text.submissionDeadline}</dt>
        <dd>
          <DateTime iso={contest.submissionDeadline} locale={locale} />
        </dd>
        <dt>{text.reviewDeadline}</dt>
        <dd>
          <DateTime iso={contest.reviewDeadline} locale={locale} />
        </dd>
        <dt>{text.publicityDays}</dt>
        <dd>{contest.publicityDays}</dd>
        <dt>{text.noticePrefix}</dt>
        <dd>{contest.noticePrefix}</dd>
      </dl>
    </>
  );
}

function ScreeningPage(props: {
  locale: Locale;
  contest: Contest;
  proposals: Proposal[];
  values: Record<string, string>;
  picked: string[];
  errors: FieldMessages;
  message?: string | undefined;
  done?: string | undefined;
}) {
  const { locale, contest } = props;
  const text = pick(officeContestTexts, locale);
  const names = namesOf(contest, []);
  const open = contest.status === 'screening';
  const result = (proposal: Proposal) =>
    !proposal.eligibility
      ? text.unscreened
      : proposal.eligibility.eligible
        ? text.eligible
        : text.ineligible(proposal.eligibility.reason ?? '');
  const rows = props.proposals.map((proposal) => [
    open ? (
      <label class="check">
        <input type="checkbox" name="pick" value={proposal.id} checked={props.picked.includes(proposal.id)} />
        {proposal.title ?? '—'}
      </label>
    ) : (
      (proposal.title ?? '—')
    ),
    proposal.category ? names.category(proposal.category) : '—',
    proposal.community ? names.community(proposal.community) : '—',
    proposal.requestedFen === undefined ? '—' : <Money fen={proposal.requestedFen} />,
    result(proposal),
  ]);
  const table = (
    <Table
      label={text.screening}
      head={[
        text.screenHead.pick,
        text.screenHead.category,
        text.screenHead.community,
        text.screenHead.requested,
        text.screenHead.result,
      ]}
      numeric={[3]}
      rows={rows}
    />
  );
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeScreeningPage" title={text.screening} />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      {open ? (
        <Form action={href('officeScreeningPost', { contestId: contest.id })}>
          <p>{text.screeningLead}</p>
          {table}
          <fieldset>
            <legend>{text.decision}</legend>
            <label class="check">
              <input
                type="radio"
                name="decision"
                value="eligible"
                checked={props.values.decision !== 'ineligible'}
              />
              {text.markEligible}
            </label>
            <label class="check">
              <input
                type="radio"
                name="decision"
                value="ineligible"
                checked={props.values.decision === 'ineligible'}
              />
              {text.markIneligible}
            </label>
          </fieldset>
          <TextArea
            name="reason"
            label={text.reason}
            hint={text.reasonHint}
            value={props.values.reason}
            maxLength={1000}
            errors={props.errors}
          />
          <div class="actions">
            <button type="submit">{text.applyScreening}</button>
          </div>
        </Form>
      ) : (
        <>
          <p class="muted">{text.screeningClosed}</p>
          {table}
        </>
      )}
    </>
  );
}

async function allSubmissions(deps: HttpDeps, principal: Principal, contestId: string) {
  const out: Proposal[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSubmissions(deps, principal, contestId, { limit: 100, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/** The office's pages of the submissions function: the dashboard, set-up, phases and screening. */
export function submissionsOfficePages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'officeHome', deps, async (c) => {
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const page = await listOfficeContests(deps, principal, officeOf(principal), { limit: 100 });
    return c.render(<Dashboard locale={locale} contests={page.items} />, {
      title: pick(officeContestTexts, locale).dashboard,
    });
  });

  function renderNew(
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: FieldMessages,
    message?: string,
  ) {
    const locale = c.get('locale');
    return setUpPage(
      c,
      pick(officeContestTexts, locale).setUp,
      message,
      <ContestForm locale={locale} action={href('officeNewContestPost')} values={values} errors={errors} />,
    );
  }

  definePage(app, 'officeNewContestPage', deps, async (c) => {
    const principal = c.get('principal')!;
    const office = await getOffice(deps.db, officeOf(principal));
    const now = deps.clock.now().getTime();
    const values: Record<string, string> = {
      aggregation: CONTEST_DEFAULTS.aggregation,
      minJudges: String(CONTEST_DEFAULTS.minJudges),
      outlierMargin: points(CONTEST_DEFAULTS.outlierMargin),
      'shortlisting.policy': CONTEST_DEFAULTS.shortlisting.policy,
      publicityDays: String(CONTEST_DEFAULTS.publicityDays),
      noticePrefix: office?.noticePrefix ?? '',
      submissionDeadline: beijingInputValue(new Date(now + 30 * DAY_MS).toISOString()),
      reviewDeadline: beijingInputValue(new Date(now + 60 * DAY_MS).toISOString()),
    };
    CONTEST_DEFAULTS.rubric.forEach((criterion, i) => {
      values[`rubric.${i}.name`] = criterion.name;
      values[`rubric.${i}.maxPoints`] = points(criterion.maxPoints);
    });
    return renderNew(c, values, {});
  });

  definePage(app, 'officeNewContestPost', deps, async (c) => {
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const form = await formOf(c);
    formAction(form, ['save']);
    const { input, errors } = readContestForm(form, undefined, pick(officeContestTexts, locale));
    return saveSetup(
      c,
      form,
      errors,
      () => createContest(deps, principal, officeOf(principal), parseOrThrow(ContestCreateInput, input)),
      {
        fieldErrors: contestFormErrors,
        again: (state) => renderNew(c, state.values, state.errors, state.message),
        saved: ({ contest }) =>
          c.redirect(href('officeContestPage', { contestId: contest.id }, { done: 'created' }), 303),
      },
    );
  });

  async function renderContest(
    c: Context<AppEnv>,
    contestId: string,
    extra: FormState<Confirming> = {},
    status: 200 | 422 = 200,
  ) {
    const { locale, contest } = await officeContest(deps, c, contestId);
    c.status(status);
    return c.render(
      <ContestOfficePage
        locale={locale}
        contest={contest}
        values={extra.values ?? contestValues(contest)}
        errors={extra.errors ?? {}}
        message={extra.message}
        confirm={extra.confirm}
        done={doneMessage(c.req.query('done'), locale)}
      />,
      { title: contest.title },
    );
  }

  definePage(app, 'officeContestPage', deps, async (c) =>
    renderContest(c, pageParams(c, ContestParams).contestId),
  );

  definePage(app, 'officeContestPost', deps, async (c) => {
    const { contestId, principal, locale, form } = await officePost(c);
    const op = formAction(form, ['open', 'close', 'cancel', 'save']);
    const confirmed = formText(form, 'confirmed') === 'yes';
    const version = Number(formText(form, 'version')) || undefined;
    const done = (key: string) => c.redirect(href('officeContestPage', { contestId }, { done: key }), 303);
    const refused = (result: { message: string; fields: FieldMessages }) =>
      renderContest(c, contestId, { message: result.message, errors: contestFormErrors(result.fields) }, 422);

    if (op === 'open' || op === 'close') {
      if (!confirmed) return renderContest(c, contestId, { confirm: { kind: op } });
      const result = await attempt(locale, () =>
        op === 'open'
          ? openContest(deps, principal, contestId, version)
          : closeContest(deps, principal, contestId, version),
      );
      return result.ok ? done(op === 'open' ? 'opened' : 'closed') : refused(result);
    }
    if (op === 'cancel')
      return confirmedStep(
        c,
        form,
        () => parseOrThrow(CancelInput, { reason: formText(form, 'reason') }),
        ({ reason }) => cancelContest(deps, principal, contestId, reason, version),
        {
          again: (state) => renderContest(c, contestId, state, 422),
          confirm: ({ reason }) => renderContest(c, contestId, { confirm: { kind: 'cancel', reason } }),
          done: () => done('cancelled'),
        },
      );
    const existing = await contestForOfficer(deps, principal, contestId);
    const { input, errors } = readContestForm(form, existing, pick(officeContestTexts, locale));
    return saveSetup(
      c,
      form,
      errors,
      () =>
        updateContest(
          deps,
          principal,
          contestId,
          parseOrThrow(ContestPatchInput, input),
          version ?? existing.version,
        ),
      {
        fieldErrors: contestFormErrors,
        again: (state) => renderContest(c, contestId, state, 422),
        saved: () => done('saved'),
      },
    );
  });

  async function renderScreening(
    c: Context<AppEnv>,
    contestId: string,
    extra: FormState & { picked?: string[] } = {},
    status: 200 | 422 = 200,
  ) {
    const { principal, locale, contest } = await officeContest(deps, c, contestId);
    const proposals = await allSubmissions(deps, principal, contestId);
    c.status(status);
    return c.render(
      <ScreeningPage
        locale={locale}
        contest={contest}
        proposals={proposals}
        values={extra.values ?? {}}
        picked={extra.picked ?? []}
        errors={extra.errors ?? {}}
        message={extra.message}
        done={doneMessage(c.req.query('done'), locale)}
      />,
      { title: pick(officeContestTexts, locale).screening },
    );
  }

  definePage(app, 'officeScreeningPage', deps, async (c) =>
    renderScreening(c, pageParams(c, ContestParams).contestId),
  );

  definePage(app, 'officeScreeningPost', deps, async (c) => {
    const { contestId, principal, locale, form } = await officePost(c);
    const text = pick(officeContestTexts, locale);
    const picked = formList(form, 'pick');
    const values = formValues(form);
    const eligible = formText(form, 'decision') !== 'ineligible';
    const reason = formText(form, 'reason');
    if (picked.length === 0)
      return renderScreening(c, contestId, { values, picked, message: text.pickNone }, 422);
    const checked = await attempt(locale, async () =>
      parseOrThrow(ScreeningInput, { eligible, ...(reason ? { reason } : {}) }),
    );
    if (!checked.ok)
      return renderScreening(
        c,
        contestId,
        { values, picked, errors: checked.fields, message: checked.message },
        422,
      );
    // The bulk action the API's POST …/screenings runs: each proposal on its own.
    const screened = await attempt(locale, () =>
      screenProposals(
        deps,
        principal,
        contestId,
        picked.map((proposalId) => ({ proposalId, ...checked.value })),
      ),
    );
    if (!screened.ok)
      return renderScreening(c, contestId, { values, picked, message: screened.message }, 422);
    const outcomes = screened.value;
    const proposals = new Map((await allSubmissions(deps, principal, contestId)).map((p) => [p.id, p]));
    const failures = outcomes.flatMap((outcome, i) =>
      outcome.ok
        ? []
        : [text.failedFor(proposals.get(picked[i]!)?.title ?? '—', refusalMessage(outcome.error, locale))],
    );
    if (failures.length > 0)
      return renderScreening(c, contestId, { values, picked, message: failures.join(' ') }, 422);
    return c.redirect(href('officeScreeningPage', { contestId }, { done: 'screened' }), 303);
  });

  return app;
}
