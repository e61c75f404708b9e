/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inPhase } from '../../../shared/contest/lifecycle.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { joinList, type Locale } from '../../../shared/i18n.ts';
import {
  addJudge,
  autoAssign,
  listPanel,
  progress,
  ranking,
  removeJudge,
  startReview,
} from '../../../shared/review/actions.ts';
import { AddJudgeInput, type PanelJudge } from '../../../shared/review/model.ts';
import { knownJudges } from '../../../shared/user/directory.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import { ContestParams } from '../../http/params.ts';
import {
  Form,
  KNOWN_JUDGES,
  KnownJudges,
  Notice,
  ProgressBar,
  Table,
  TextField,
} from '../../ui/components.tsx';
import { points } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import {
  doneMessage,
  type FormState,
  formText,
  OfficeHeader,
  officeContest,
  officePost,
  officerOf,
  retyped,
} from '../../ui/office.tsx';
import {
  attempt,
  definePage,
  type FieldMessages,
  formAction,
  pageParams,
  refusalMessage,
} from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { reviewTexts } from './texts.ts';

const JudgeAccount = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,128}$/);

type Progress = Awaited<ReturnType<typeof progress>>;

function ReviewPage(props: {
  locale: Locale;
  contest: Contest;
  panel: PanelJudge[];
  /** The judges the directory knows, offered by the account field. */
  judges: { sub: string; name: string }[];
  progress: Progress;
  values: Record<string, string>;
  errors: FieldMessages;
  message?: string | undefined;
  done?: string | undefined;
}) {
  const { locale, contest } = props;
  const text = pick(reviewTexts, locale);
  const action = href('officeReviewPost', { contestId: contest.id });
  const titles = new Map(props.progress.proposals.map((p) => [p.id, p.title]));
  const short = props.progress.shortOfJudges.map((s) => titles.get(s.proposalId) ?? '—');
  const state = new Map(
    props.progress.cells.map((cell) => [`${cell.proposalId} ${cell.judgeId}`, cell.state]),
  );
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeReviewPage" title={text.title} />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      <section class="card" aria-labelledby="panel">
        <h2 id="panel">{text.panel}</h2>
        {props.panel.length === 0 ? (
          <p class="muted">{text.panelEmpty}</p>
        ) : (
          <ul class="plain">
            {props.panel.map((judge) => (
              <li>
                <Form action={action} class="row">
                  <span>{judge.name}</span>
                  <input type="hidden" name="leaving" value={judge.judgeId} />
                  <button type="submit" name="do" value="removeJudge" class="secondary">
                    {text.removeJudge(judge.name)}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form action={action}>
          <input type="hidden" name="do" value="addJudge" />
          <div class="row">
            <TextField
              name="name"
              label={text.judgeName}
              value={props.values.name}
              required
              maxLength={40}
              errors={props.errors}
            />
            <TextField
              name="judgeId"
              label={text.judgeAccount}
              hint={text.judgeAccountHint}
              value={props.values.judgeId}
              required
              maxLength={128}
              list={KNOWN_JUDGES}
              errors={props.errors}
            />
            <KnownJudges judges={props.judges} />
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              {text.addJudge}
            </button>
          </div>
        </Form>
      </section>
      <section class="card" aria-labelledby="assign">
        <h2 id="assign">{text.assign}</h2>
        <p>{text.assignLead(props.progress.judgesPerProposal)}</p>
        {short.length > 0 && inPhase(contest, 'assignments') ? (
          <Notice tone="bad">{text.shortOfJudges(joinList(locale, short))}</Notice>
        ) : null}
        <Form action={action} class="actions">
          <button type="submit" name="do" value="autoAssign" class="secondary">
            {text.autoAssign}
          </button>
          {contest.status === 'screening' ? (
            <button type="submit" name="do" value="startReview">
              {text.startReview}
            </button>
          ) : null}
        </Form>
        {contest.status === 'screening' ? <p class="muted">{text.startReviewLead}</p> : null}
      </section>
      <section aria-labelledby="progress">
        <h2 id="progress">{text.progress}</h2>
        <ProgressBar done={props.progress.submitted} total={props.progress.expected} locale={locale} />
        <Table
          label={text.progress}
          head={[text.matrixProposal, ...props.progress.judges.map((judge) => judge.name)]}
          rows={props.progress.proposals.map((proposal) => [
            proposal.title,
            ...props.progress.judges.map(
              (judge) => text.cellStates[state.get(`${proposal.id} ${judge.judgeId}`) ?? 'none'],
            ),
          ])}
        />
      </section>
    </>
  );
}

type Ranked = Awaited<ReturnType<typeof ranking>>;

function RankingPage(props: { locale: Locale; contest: Contest; ranked: Ranked }) {
  const { locale, contest, ranked } = props;
  const text = pick(reviewTexts, locale);
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeRankingPage" title={text.rankingTitle} />
      <dl class="facts card">
        <dt>{text.aggregation}</dt>
        <dd>{text.aggregations[ranked.aggregation]}</dd>
        <dt>{text.head.sheets}</dt>
        <dd>{text.minJudges(ranked.minJudges)}</dd>
      </dl>
      <p>
        <a class="button secondary" href={href('rankingCsv', { contestId: contest.id })} download>
          {text.downloadCsv}
        </a>
      </p>
      <Table
        label={text.rankingTitle}
        head={[
          text.head.rank,
          text.head.title,
          text.head.score,
          text.head.sheets,
          text.head.judges,
          text.head.flags,
        ]}
        numeric={[0, 2, 3]}
        rows={ranked.items.map((item) => [
          item.rank ?? '—',
          item.title,
          item.score === null ? '—' : points(item.score),
          item.sheetCount,
          <ul class="plain">
            {item.judges.map((judge) => (
              <li>
                {judge.name}
                {commonTexts[locale].colon}
                {points(judge.total)}
                {judge.outlier ? ` ⚑ ${text.outlier}` : ''}
                {judge.dropped ? ` · ${text.dropped}` : ''}
              </li>
            ))}
          </ul>,
          [
            item.status === 'ranked' ? '' : text.notEnough,
            item.judges.some((judge) => judge.outlier) ? text.outlier : '',
          ]
            .filter(Boolean)
            .join(' · ') || '—',
        ])}
      />
    </>
  );
}

/** The office's pages of the scoring function: the panel, assignment, progress and the ranking. */
export function officePages(deps: HttpDeps) {
  const app = createRouter();

  async function renderReview(
    c: Context<AppEnv>,
    contestId: string,
    extra: FormState = {},
    status: 200 | 422 = 200,
  ) {
    const { principal, locale, contest } = await officeContest(deps, c, contestId);
    const [panel, matrix, judges] = await Promise.all([
      listPanel(deps, principal, contestId),
      progress(deps, principal, contestId),
      knownJudges(deps.db, principal),
    ]);
    c.status(status);
    return c.render(
      <ReviewPage
        locale={locale}
        contest={contest}
        panel={panel}
        judges={judges}
        progress={matrix}
        values={extra.values ?? {}}
        errors={extra.errors ?? {}}
        message={extra.message}
        done={doneMessage(c.req.query('done'), locale)}
      />,
      { title: pick(reviewTexts, locale).title },
    );
  }

  definePage(app, 'officeReviewPage', deps, async (c) =>
    renderReview(c, pageParams(c, ContestParams).contestId),
  );

  definePage(app, 'officeReviewPost', deps, async (c) => {
    const { contestId, principal, locale, form } = await officePost(c);
    const op = formAction(form, ['addJudge', 'removeJudge', 'autoAssign', 'startReview']);
    const done = (key: string) => c.redirect(href('officeReviewPage', { contestId }, { done: key }), 303);
    if (op === 'addJudge') {
      const result = await attempt(locale, async () => {
        const { name } = parseOrThrow(AddJudgeInput, { name: formText(form, 'name') });
        const judgeId = parseOrThrow(z.object({ judgeId: JudgeAccount }), {
          judgeId: formText(form, 'judgeId'),
        }).judgeId;
        return addJudge(deps, principal, contestId, judgeId, name);
      });
      if (result.ok) return done('judgeAdded');
      return renderReview(c, contestId, retyped(form, result), 422);
    }
    if (op === 'removeJudge') {
      const result = await attempt(locale, () =>
        removeJudge(deps, principal, contestId, formText(form, 'leaving')),
      ).catch((error: unknown) => {
        // Off the panel already (a stale tab, another officer): said on the panel as it is now.
        if (error instanceof NotFoundError)
          return { ok: false as const, message: refusalMessage(error, locale) };
        throw error;
      });
      if (result.ok) return done('judgeRemoved');
      return renderReview(c, contestId, { message: result.message }, 422);
    }
    const result = await attempt(locale, async () => {
      if (op === 'startReview') await startReview(deps, principal, contestId);
      else await autoAssign(deps, principal, contestId);
    });
    if (result.ok) return done(op === 'startReview' ? 'reviewStarted' : 'assigned');
    return renderReview(c, contestId, { message: result.message }, 422);
  });

  definePage(app, 'officeRankingPage', deps, async (c) => {
    const { contestId } = pageParams(c, ContestParams);
    const { principal, locale } = officerOf(c);
    const ranked = await ranking(deps, principal, contestId);
    return c.render(<RankingPage locale={locale} contest={ranked.contest} ranked={ranked} />, {
      title: pick(reviewTexts, locale).rankingTitle,
    });
  });

  return app;
}
