/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import {
  answerObjection,
  compareBundles,
  getDecisions,
  listObjections,
  lockableBundle,
  lockBundle,
  proposeBundle,
  publishBundle,
  readLockedBundle,
  readPublicity,
  saveDecisions,
} from '../../../shared/bundle/actions.ts';
import {
  AnswerInput,
  type BundleLine,
  type BundleSummary,
  type Decisions,
  DecisionsInput,
  type LockedBundle,
  type Objection,
  type Publicity,
} from '../../../shared/bundle/model.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { parseYuan, yuanDecimal } from '../../../shared/money.ts';
import { openSheets } from '../../../shared/review/actions.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import { ContestParams } from '../../http/params.ts';
import {
  BudgetBar,
  ConfirmStep,
  DateTime,
  Form,
  Money,
  MoneyField,
  Notice,
  Select,
  Table,
  TextArea,
  TextField,
} from '../../ui/components.tsx';
import { points, yuan } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import {
  doneMessage,
  type FormState,
  formText,
  formValues,
  OfficeHeader,
  officeContest,
  officePost,
} from '../../ui/office.tsx';
import { attempt, definePage, type FieldMessages, formAction, pageParams } from '../../ui/page.tsx';
import { namesOf, reasonText } from '../../ui/reasons.ts';
import { commonTexts, pick } from '../../ui/texts.ts';
import { type BundleText, bundleTexts } from './office-texts.ts';

type Policy = keyof BundleText['policies'];
type Compared = Awaited<ReturnType<typeof compareBundles>>;

function LinesTable(props: { locale: Locale; contest: Contest; bundle: BundleSummary }) {
  const text = pick(bundleTexts, props.locale);
  const names = namesOf(props.contest, props.bundle.lines);
  return (
    <Table
      label={text.title}
      head={[
        text.head.rank,
        text.head.title,
        text.head.score,
        text.head.requested,
        text.head.amount,
        text.head.result,
      ]}
      numeric={[0, 2, 3, 4]}
      rows={props.bundle.lines.map((line) => [
        line.rank ?? '—',
        line.title,
        line.score === null ? '—' : points(line.score),
        <Money fen={line.requestedFen} />,
        line.selected ? <Money fen={line.amountFen} /> : '—',
        <>
          <strong>{line.selected ? text.selected : text.notSelected}</strong>
          {' · '}
          {reasonText(line.reason, props.locale, names)}
          {line.trim ? ` · ${line.trim.reason}` : ''}
        </>,
      ])}
    />
  );
}

function CompareTable(props: { locale: Locale; compared: Compared; lines: BundleLine[] }) {
  const text = pick(bundleTexts, props.locale);
  const { bundles, contestPolicy } = props.compared;
  const label = (policy: string) =>
    `${text.policies[policy as Policy]}${policy === contestPolicy ? text.contestPolicy : ''}`;
  const selected = (bundle: BundleSummary, id: string) =>
    bundle.lines.some((line) => line.proposalId === id && line.selected) ? `✓ ${text.inBundle}` : '—';
  return (
    <Table
      label={text.compare}
      head={[text.metric, ...bundles.map((bundle) => label(bundle.policy))]}
      rows={[
        [text.selectedCount, ...bundles.map((bundle) => bundle.selectedCount)],
        [text.used, ...bundles.map((bundle) => yuan(bundle.usedFen))],
        [text.left, ...bundles.map((bundle) => yuan(bundle.leftFen))],
        [text.totalScore, ...bundles.map((bundle) => points(bundle.totalScore))],
        ...props.lines
          .filter((line) => line.rank !== null)
          .map((line) => [line.title, ...bundles.map((bundle) => selected(bundle, line.proposalId))]),
      ]}
    />
  );
}

/** The decisions form's values from the saved decisions. */
function decisionValues(decisions: Decisions): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, trim] of Object.entries(decisions.trims)) {
    values[`trims.${id}.approvedFen`] = yuanDecimal(trim.approvedFen);
    values[`trims.${id}.reason`] = trim.reason;
  }
  for (const kind of ['add', 'drop'] as const) {
    for (const entry of decisions[kind]) {
      values[`manual.${entry.proposalId}`] = kind;
      values[`manualReason.${entry.proposalId}`] = entry.reason;
    }
  }
  decisions.incompatibleGroups.forEach((group, i) => {
    for (const id of group) values[`group.${id}`] = String(i + 1);
  });
  return values;
}

/** The decisions as typed, in DecisionsInput's shape, with the fields to fix and the paths back. */
function readDecisionsForm(form: Record<string, string | string[]>, lines: BundleLine[], text: BundleText) {
  const errors: FieldMessages = {};
  const trims: Record<string, { approvedFen: number; reason: string }> = {};
  const add: { proposalId: string; reason: string }[] = [];
  const drop: { proposalId: string; reason: string }[] = [];
  const groups = new Map<string, string[]>();
  /** An action's path ("add.0.reason") → the field it is about. */
  const paths: Record<string, string> = {};
  for (const { proposalId: id } of lines) {
    const typed = formText(form, `trims.${id}.approvedFen`);
    const reason = formText(form, `trims.${id}.reason`);
    if (typed) {
      const fen = parseYuan(typed);
      if (fen === undefined) errors[`trims.${id}.approvedFen`] = text.notAmount;
      else trims[id] = { approvedFen: fen, reason };
    }
    const manual = formText(form, `manual.${id}`);
    const manualReason = formText(form, `manualReason.${id}`);
    if (manual === 'add' || manual === 'drop') {
      const list = manual === 'add' ? add : drop;
      paths[`${manual}.${list.length}.reason`] = `manualReason.${id}`;
      paths[`${manual}.${list.length}.proposalId`] = `manual.${id}`;
      list.push({ proposalId: id, reason: manualReason });
    }
    const group = formText(form, `group.${id}`);
    if (group) {
      if (!/^\d{1,2}$/.test(group) || group === '0') errors[`group.${id}`] = text.notGroup;
      else groups.set(group, [...(groups.get(group) ?? []), id]);
    }
  }
  const incompatibleGroups = [...groups.values()].filter((ids) => ids.length >= 2);
  return { input: { trims, add, drop, incompatibleGroups }, errors, paths };
}

function BundlePage(props: {
  locale: Locale;
  contest: Contest;
  bundle?: BundleSummary | undefined;
  compared?: Compared | undefined;
  decisions?: Decisions | undefined;
  values: Record<string, string>;
  errors: FieldMessages;
  message?: string | undefined;
  done?: string | undefined;
  confirm?: boolean;
  /** Assigned sheets still open, shown in the confirmation step (publishing leaves them out). */
  openSheets?: { title: string; judgeName: string }[];
}) {
  const { locale, contest, bundle } = props;
  const open = props.openSheets ?? [];
  const text = pick(bundleTexts, locale);
  const action = href('officeBundlePost', { contestId: contest.id });
  const editable = contest.status === 'review';
  const field = { errors: props.errors };
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeBundlePage" title={text.title} />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      {props.confirm && bundle ? (
        <ConfirmStep
          locale={locale}
          title={text.publish}
          action={action}
          confirmLabel={text.confirmPublish}
          cancelHref={href('officeBundlePage', { contestId: contest.id })}
          hidden={{
            do: 'publish',
            version: String(contest.version),
            // What the officer confirms: this ranking (publishing refuses if a sheet moved it since).
            reviewRevision: String(contest.reviewRevision ?? 0),
          }}
          facts={[
            [text.selectedCount, String(bundle.selectedCount)],
            [text.used, <Money fen={bundle.usedFen} />],
            [text.left, <Money fen={bundle.leftFen} />],
          ]}
        >
          <p>{text.publishLead(contest.publicityDays)}</p>
          {open.length > 0 ? (
            <Notice tone="bad">
              {text.openSheetsWarning(open.length)}
              <ul>
                {open.map((sheet) => (
                  <li>
                    {locale === 'zh-CN'
                      ? `${sheet.title}（${sheet.judgeName}）`
                      : `${sheet.title} (${sheet.judgeName})`}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </ConfirmStep>
      ) : null}
      <p class="lead">{editable ? text.lead : text.notInReview}</p>
      {bundle ? (
        <section aria-labelledby="proposed">
          <h2 id="proposed">{text.proposed(text.policies[contest.shortlisting.policy])}</h2>
          <BudgetBar usedFen={bundle.usedFen} budgetFen={bundle.budgetFen} locale={locale} />
          <LinesTable locale={locale} contest={contest} bundle={bundle} />
          {editable ? (
            <Form action={action} class="actions">
              <button type="submit" name="do" value="publish">
                {text.publish}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {props.compared && bundle ? (
        <section aria-labelledby="compare">
          <h2 id="compare">{text.compare}</h2>
          <p class="muted">{text.compareLead}</p>
          <CompareTable locale={locale} compared={props.compared} lines={bundle.lines} />
        </section>
      ) : null}
      {editable && props.decisions && bundle ? (
        <section aria-labelledby="decisions">
          <h2 id="decisions">{text.decisions}</h2>
          <p>{text.decisionsLead}</p>
          <Form action={action}>
            <input type="hidden" name="do" value="save" />
            <input type="hidden" name="version" value={String(props.decisions.version)} />
            {bundle.lines
              .filter((line) => line.rank !== null)
              .map((line) => (
                <fieldset class="stack">
                  <legend>
                    {line.rank}. {line.title} · {yuan(line.requestedFen)}
                  </legend>
                  <div class="row">
                    <MoneyField
                      name={`trims.${line.proposalId}.approvedFen`}
                      label={text.trim}
                      hint={text.trimHint}
                      locale={locale}
                      value={props.values[`trims.${line.proposalId}.approvedFen`]}
                      {...field}
                    />
                    <TextField
                      name={`trims.${line.proposalId}.reason`}
                      label={text.trimReason}
                      value={props.values[`trims.${line.proposalId}.reason`]}
                      maxLength={500}
                      {...field}
                    />
                  </div>
                  <div class="row">
                    <Select
                      name={`manual.${line.proposalId}`}
                      label={text.manual}
                      value={props.values[`manual.${line.proposalId}`] ?? 'none'}
                      options={(['none', 'add', 'drop'] as const).map((value) => ({
                        value,
                        label: text.manualOptions[value],
                      }))}
                      {...field}
                    />
                    <TextField
                      name={`manualReason.${line.proposalId}`}
                      label={text.manualReason}
                      value={props.values[`manualReason.${line.proposalId}`]}
                      maxLength={500}
                      {...field}
                    />
                  </div>
                  <TextField
                    name={`group.${line.proposalId}`}
                    label={text.group}
                    hint={text.groupHint}
                    type="number"
                    inputMode="numeric"
                    value={props.values[`group.${line.proposalId}`]}
                    {...field}
                  />
                </fieldset>
              ))}
            <div class="actions">
              <button type="submit" class="secondary">
                {text.save}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function PublicityPage(props: {
  locale: Locale;
  contest: Contest;
  publicity?: Publicity | undefined;
  locked?: LockedBundle | undefined;
  objections: Objection[];
  values: Record<string, string>;
  errors: FieldMessages;
  answering?: string | undefined;
  message?: string | undefined;
  done?: string | undefined;
  confirm?: boolean;
}) {
  const { locale, contest, publicity } = props;
  const text = pick(bundleTexts, locale);
  const action = href('officePublicityPost', { contestId: contest.id });
  const titles = new Map(publicity?.bundle.lines.map((line) => [line.proposalId, line.title]) ?? []);
  return (
    <>
      <OfficeHeader
        contest={contest}
        locale={locale}
        current="officePublicityPage"
        title={text.publicityTitle}
      />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      {!publicity ? <p class="muted">{text.notPublished}</p> : null}
      {props.confirm && publicity ? (
        <ConfirmStep
          locale={locale}
          title={text.lock}
          action={action}
          confirmLabel={text.confirmLock}
          cancelHref={href('officePublicityPage', { contestId: contest.id })}
          hidden={{ do: 'lock' }}
          facts={[
            [text.used, <Money fen={publicity.bundle.usedFen} />],
            [text.budget, <Money fen={publicity.bundle.budgetFen} />],
            [text.selectedCount, String(publicity.bundle.selectedCount)],
            [text.lock, text.lockFrozen(publicity.bundle.lines.length)],
          ]}
        >
          <p>{text.lockLead}</p>
        </ConfirmStep>
      ) : null}
      {publicity ? (
        <>
          <dl class="facts card">
            <dt>{text.publicityUntil}</dt>
            <dd>
              <DateTime iso={publicity.endsAt} locale={locale} />
            </dd>
            {props.locked ? (
              <>
                <dt>{text.lockedAt}</dt>
                <dd>
                  <DateTime iso={props.locked.lockedAt} locale={locale} />
                </dd>
                <dt>{text.digest}</dt>
                <dd class="mono">{props.locked.sha256}</dd>
              </>
            ) : null}
          </dl>
          <BudgetBar
            usedFen={publicity.bundle.usedFen}
            budgetFen={publicity.bundle.budgetFen}
            locale={locale}
          />
          <LinesTable locale={locale} contest={contest} bundle={publicity.bundle} />
        </>
      ) : null}
      <section aria-labelledby="objections">
        <h2 id="objections">{text.objections}</h2>
        {props.objections.length === 0 ? <p class="muted">{text.noObjections}</p> : null}
        {props.objections.map((objection) => {
          const mine = props.answering === objection.id;
          return (
            <article class="card">
              <dl class="facts">
                <dt>{text.objectionAbout}</dt>
                <dd>{objection.proposalId ? (titles.get(objection.proposalId) ?? '—') : text.wholeBundle}</dd>
                <dt>{text.filedAt}</dt>
                <dd>
                  <DateTime iso={objection.filedAt} locale={locale} />
                </dd>
              </dl>
              <p class="prose">{objection.text}</p>
              {objection.answer ? (
                <>
                  <h3>{text.answer}</h3>
                  <p class="prose">{objection.answer}</p>
                  {objection.answeredAt ? (
                    <p class="muted">
                      {text.answeredAt}
                      {commonTexts[locale].colon}
                      <DateTime iso={objection.answeredAt} locale={locale} />
                    </p>
                  ) : null}
                </>
              ) : contest.status === 'publicity' ? (
                <Form action={action}>
                  <input type="hidden" name="do" value="answer" />
                  <input type="hidden" name="objectionId" value={objection.id} />
                  <TextArea
                    name={`answer-${objection.id}`}
                    errorPath="answer"
                    label={text.answer}
                    value={mine ? props.values[`answer-${objection.id}`] : ''}
                    maxLength={2000}
                    required
                    errors={mine ? props.errors : {}}
                  />
                  <div class="actions">
                    <button type="submit" class="secondary">
                      {text.sendAnswer}
                    </button>
                  </div>
                </Form>
              ) : null}
            </article>
          );
        })}
      </section>
      {contest.status === 'publicity' ? (
        <section class="card" aria-labelledby="lock">
          <h2 id="lock">{text.lock}</h2>
          <p>{text.lockLead}</p>
          <Form action={action} class="actions">
            <button type="submit" name="do" value="lock">
              {text.lock}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

const unlessMissing = <T,>(read: Promise<T>): Promise<T | undefined> =>
  read.catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });

/** The shortlisting function's office pages: the shortlist builder, publicity and the lock. */
export function shortlistingOfficePages(deps: HttpDeps) {
  const app = createRouter();

  async function renderBundle(
    c: Context<AppEnv>,
    contestId: string,
    extra: FormState = {},
    status: 200 | 422 = 200,
  ) {
    const { principal, locale, contest } = await officeContest(deps, c, contestId);
    const inPhase = ['review', 'publicity', 'locked', 'awarded'].includes(contest.status);
    let message = extra.message;
    let bundle: BundleSummary | undefined;
    let compared: Compared | undefined;
    if (inPhase) {
      const built = await attempt(locale, async () => ({
        bundle: await proposeBundle(deps, principal, contestId),
        compared: await compareBundles(deps, principal, contestId),
      }));
      if (built.ok) ({ bundle, compared } = built.value);
      else message ??= built.message;
    }
    const decisions = await getDecisions(deps, principal, contestId);
    c.status(status);
    return c.render(
      <BundlePage
        locale={locale}
        contest={contest}
        bundle={bundle}
        compared={compared}
        decisions={decisions}
        values={extra.values ?? decisionValues(decisions)}
        errors={extra.errors ?? {}}
        message={message}
        confirm={extra.confirm ?? false}
        openSheets={extra.confirm ? await openSheets(deps, principal, contestId) : []}
        done={doneMessage(c.req.query('done'), locale)}
      />,
      { title: pick(bundleTexts, locale).title },
    );
  }

  definePage(app, 'officeBundlePage', deps, async (c) =>
    renderBundle(c, pageParams(c, ContestParams).contestId),
  );

  definePage(app, 'officeBundlePost', deps, async (c) => {
    const { contestId, principal, locale, form } = await officePost(c);
    const text = pick(bundleTexts, locale);
    const op = formAction(form, ['publish', 'save']);
    const version = Number(formText(form, 'version')) || undefined;
    if (op === 'publish') {
      if (formText(form, 'confirmed') !== 'yes') return renderBundle(c, contestId, { confirm: true });
      // The confirmation step listed the open sheets, so confirming it confirms leaving them out.
      const shown = formText(form, 'reviewRevision');
      const result = await attempt(locale, () =>
        publishBundle(deps, principal, contestId, version, {
          confirmOpenSheets: true,
          shownReviewRevision: /^\d+$/.test(shown) ? Number(shown) : undefined,
        }),
      );
      if (result.ok)
        return c.redirect(href('officePublicityPage', { contestId }, { done: 'published' }), 303);
      // The ranking moved under the confirmation: show the new bundle and ask again.
      const again = result.code === 'bundle.rankingChanged';
      return renderBundle(c, contestId, { message: result.message, confirm: again }, 422);
    }
    const current = await proposeBundle(deps, principal, contestId).catch(() => undefined);
    const { input, errors, paths } = readDecisionsForm(form, current?.lines ?? [], text);
    if (Object.keys(errors).length > 0)
      return renderBundle(c, contestId, { values: formValues(form), errors }, 422);
    const result = await attempt(locale, async () =>
      saveDecisions(deps, principal, contestId, parseOrThrow(DecisionsInput, input), version),
    );
    if (result.ok) return c.redirect(href('officeBundlePage', { contestId }, { done: 'decisions' }), 303);
    const fields: FieldMessages = {};
    for (const [path, message] of Object.entries(result.fields)) fields[paths[path] ?? path] ??= message;
    return renderBundle(
      c,
      contestId,
      { values: formValues(form), errors: fields, message: result.message },
      422,
    );
  });

  async function renderPublicity(
    c: Context<AppEnv>,
    contestId: string,
    extra: FormState & { answering?: string } = {},
    status: 200 | 422 = 200,
  ) {
    const { principal, locale, contest } = await officeContest(deps, c, contestId);
    const [published, locked, objections] = await Promise.all([
      unlessMissing(readPublicity(deps, contestId)),
      unlessMissing(readLockedBundle(deps, contestId)),
      listObjections(deps, principal, contestId),
    ]);
    c.status(status);
    return c.render(
      <PublicityPage
        locale={locale}
        contest={contest}
        publicity={published?.publicity}
        locked={locked}
        objections={objections.sort((a, b) => a.filedAt.localeCompare(b.filedAt))}
        values={extra.values ?? {}}
        errors={extra.errors ?? {}}
        answering={extra.answering}
        message={extra.message}
        confirm={extra.confirm ?? false}
        done={doneMessage(c.req.query('done'), locale)}
      />,
      { title: pick(bundleTexts, locale).publicityTitle },
    );
  }

  definePage(app, 'officePublicityPage', deps, async (c) =>
    renderPublicity(c, pageParams(c, ContestParams).contestId),
  );

  definePage(app, 'officePublicityPost', deps, async (c) => {
    const { contestId, principal, locale, form } = await officePost(c);
    const op = formAction(form, ['lock', 'answer']);
    if (op === 'lock') {
      if (formText(form, 'confirmed') !== 'yes') {
        // Ask only what can happen: a lock that would be refused says why at once.
        const ready = await attempt(locale, () => lockableBundle(deps, principal, contestId));
        if (!ready.ok) return renderPublicity(c, contestId, { message: ready.message }, 422);
        return renderPublicity(c, contestId, { confirm: true });
      }
      const result = await attempt(locale, () => lockBundle(deps, principal, contestId));
      if (result.ok) return c.redirect(href('officeRecordsPage', { contestId }, { done: 'locked' }), 303);
      return renderPublicity(c, contestId, { message: result.message }, 422);
    }
    const objectionId = formText(form, 'objectionId');
    const result = await attempt(locale, async () => {
      const { answer } = parseOrThrow(AnswerInput, { answer: formText(form, `answer-${objectionId}`) });
      return answerObjection(deps, principal, contestId, objectionId, answer);
    });
    if (result.ok) return c.redirect(href('officePublicityPage', { contestId }, { done: 'answered' }), 303);
    return renderPublicity(
      c,
      contestId,
      { values: formValues(form), errors: result.fields, answering: objectionId, message: result.message },
      422,
    );
  });

  return app;
}
