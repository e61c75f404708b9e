/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Contest } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { BlindProposal, CellState, Sheet } from '../../../shared/review/model.ts';
import type { z } from '../../../shared/zod.ts';
import { namesOf } from '../../submissions/pages/contest.tsx';
import {
  ConfirmStep,
  DateTime,
  Form,
  Money,
  MoneyField,
  Notice,
  PointsField,
  ProgressBar,
  Table,
  TextArea,
} from '../../ui/components.tsx';
import { points } from '../../ui/format.ts';
import { hrefOf } from '../../ui/office.tsx';
import type { FieldMessages } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import { judgeTexts } from './texts.ts';

export interface AssignmentRow {
  contestId: string;
  contestTitle: string;
  proposalId: string;
  title: string;
  sheet: CellState;
}

/** The judge's assignments, contest by contest, each with "12 / 21 已提交". */
export function AssignmentsPage(props: { locale: Locale; rows: AssignmentRow[]; done?: string | undefined }) {
  const text = pick(judgeTexts, props.locale);
  const contests = [...new Map(props.rows.map((row) => [row.contestId, row.contestTitle])).entries()];
  return (
    <>
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {contests.length === 0 ? <p class="muted">{text.none}</p> : null}
      {contests.map(([contestId, contestTitle]) => {
        const rows = props.rows.filter((row) => row.contestId === contestId);
        return (
          <section class="card" aria-label={contestTitle}>
            <h2>{contestTitle}</h2>
            <ProgressBar
              done={rows.filter((row) => row.sheet === 'submitted').length}
              total={rows.length}
              locale={props.locale}
            />
            <Table
              label={contestTitle}
              head={[text.head.title, text.head.state, text.head.action]}
              rows={rows.map((row) => [
                row.title,
                text.sheetStates[row.sheet],
                <a
                  class="button secondary"
                  href={hrefOf('judgeSheetPage', { contestId: row.contestId, proposalId: row.proposalId })}
                >
                  {row.sheet === 'submitted' ? text.review : text.score}
                </a>,
              ])}
            />
          </section>
        );
      })}
    </>
  );
}

type Blind = z.infer<typeof BlindProposal>;

export interface SheetPageProps {
  locale: Locale;
  contest: Contest;
  proposal: Blind;
  sheet?: Sheet | undefined;
  /** What the form shows: the typed values when it comes back, else the saved sheet. */
  values: Record<string, string>;
  errors: FieldMessages;
  message?: string | undefined;
  done?: string | undefined;
  /** The saved draft to confirm before submitting. */
  confirm?: Sheet | undefined;
}

/** The form's values from a saved sheet. */
export function sheetValues(sheet: Sheet | undefined): Record<string, string> {
  if (!sheet) return {};
  const values: Record<string, string> = {};
  for (const [code, score] of Object.entries(sheet.scores)) values[`scores.${code}`] = points(score);
  for (const [code, comment] of Object.entries(sheet.comments)) values[`comments.${code}`] = comment;
  if (sheet.overallComment) values.overallComment = sheet.overallComment;
  return values;
}

function ProposalView(props: { locale: Locale; contest: Contest; proposal: Blind }) {
  const text = pick(judgeTexts, props.locale);
  const { proposal } = props;
  const names = namesOf(props.contest, []);
  return (
    <section class="card" aria-labelledby="proposal">
      <h2 id="proposal">{text.proposal}</h2>
      <p class="muted">{text.blindNote}</p>
      <dl class="facts">
        <dt>{text.category}</dt>
        <dd>{proposal.category ? names.category(proposal.category) : '—'}</dd>
        <dt>{text.community}</dt>
        <dd>{proposal.community ? names.community(proposal.community) : '—'}</dd>
        <dt>{text.beneficiaries}</dt>
        <dd>{proposal.expectedBeneficiaries ?? '—'}</dd>
        <dt>{text.requested}</dt>
        <dd>{proposal.requestedFen === undefined ? '—' : <Money fen={proposal.requestedFen} />}</dd>
        {proposal.minViableFen !== undefined ? (
          <>
            <dt>{text.minViable}</dt>
            <dd>
              <Money fen={proposal.minViableFen} />
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{text.need}</h3>
      <p class="prose">{proposal.need}</p>
      <h3>{text.plan}</h3>
      <p class="prose">{proposal.plan}</p>
      <h3>{text.schedule}</h3>
      <p class="prose">{proposal.schedule}</p>
      <h3>{text.budget}</h3>
      <Table
        label={text.budget}
        head={[
          text.budgetHead.item,
          text.budgetHead.unitPrice,
          text.budgetHead.quantity,
          text.budgetHead.amount,
        ]}
        numeric={[1, 2, 3]}
        rows={(proposal.budgetLines ?? []).map((line) => [
          line.item,
          <Money fen={line.unitPriceFen} />,
          line.quantity,
          <Money fen={line.amountFen} />,
        ])}
      />
    </section>
  );
}

/** The blind proposal beside the score sheet; the confirm step before a sheet becomes final. */
export function SheetPage(props: SheetPageProps) {
  const text = pick(judgeTexts, props.locale);
  const { contest, proposal, sheet, values, errors, locale } = props;
  const action = hrefOf('judgeSheetPost', { contestId: contest.id, proposalId: proposal.id });
  const submitted = sheet?.status === 'submitted';
  const here = hrefOf('judgeSheetPage', { contestId: contest.id, proposalId: proposal.id });
  return (
    <>
      <p>
        <a href={hrefOf('judgeHome')}>{text.back}</a>
      </p>
      <h1>{proposal.title ?? '—'}</h1>
      <p class="lead">{contest.title}</p>
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      {props.confirm ? (
        <ConfirmStep
          locale={locale}
          title={text.submit}
          action={action}
          confirmLabel={text.confirmSubmit}
          cancelHref={here}
          hidden={{ do: 'submit' }}
          facts={[
            ...contest.rubric.map((criterion): [string, string] => [
              criterion.name,
              `${props.confirm?.scores[criterion.code] === undefined ? '—' : points(props.confirm.scores[criterion.code]!)} / ${points(criterion.maxPoints)}`,
            ]),
            [text.total, `${points(props.confirm.total)} / 100.00`],
          ]}
        >
          <p>{text.confirmLead}</p>
        </ConfirmStep>
      ) : null}
      <div class="split">
        <ProposalView locale={locale} contest={contest} proposal={proposal} />
        <section class="card" aria-labelledby="sheet">
          <h2 id="sheet">{text.sheet}</h2>
          {submitted ? (
            <>
              <Table
                label={text.sheet}
                head={[text.sheet, text.total]}
                numeric={[1]}
                rows={[
                  ...contest.rubric.map((criterion) => [
                    criterion.name,
                    `${points(sheet.scores[criterion.code] ?? 0)} / ${points(criterion.maxPoints)}`,
                  ]),
                  [<strong>{text.total}</strong>, <strong>{points(sheet.total)}</strong>],
                ]}
              />
              {sheet.submittedAt ? (
                <p>
                  {text.submittedAt}: <DateTime iso={sheet.submittedAt} locale={locale} />
                </p>
              ) : null}
            </>
          ) : (
            <Form action={action}>
              {contest.rubric.map((criterion) => (
                <fieldset>
                  <legend>{criterion.name}</legend>
                  <PointsField
                    name={`scores.${criterion.code}`}
                    label={`${text.score}（${criterion.name}）`}
                    hint={text.maxPoints(points(criterion.maxPoints))}
                    max={criterion.maxPoints}
                    value={values[`scores.${criterion.code}`]}
                    errors={errors}
                  />
                  <TextArea
                    name={`comments.${criterion.code}`}
                    label={text.criterionComment(criterion.name)}
                    value={values[`comments.${criterion.code}`]}
                    maxLength={2000}
                    errors={errors}
                  />
                </fieldset>
              ))}
              <TextArea
                name="overallComment"
                label={text.overallComment}
                value={values.overallComment}
                maxLength={5000}
                errors={errors}
              />
              <MoneyField
                name="recommendedFen"
                label={text.recommended}
                hint={text.recommendedHint}
                locale={locale}
                value={values.recommendedFen}
                fen={values.recommendedFen === undefined ? sheet?.recommendedFen : undefined}
                errors={errors}
              />
              <div class="actions">
                <button type="submit" name="do" value="save" class="secondary">
                  {text.saveDraft}
                </button>
                <button type="submit" name="do" value="submit">
                  {text.submit}
                </button>
              </div>
            </Form>
          )}
        </section>
      </div>
      {submitted ? null : (
        <section class="card" aria-labelledby="conflict">
          <h2 id="conflict">{text.conflict}</h2>
          <p>{text.conflictLead}</p>
          <Form action={action}>
            <input type="hidden" name="do" value="conflict" />
            <TextArea
              name="reason"
              label={text.conflictReason}
              value={values.reason}
              maxLength={500}
              required
              errors={errors}
            />
            <div class="actions">
              <button type="submit" class="secondary">
                {text.declareConflict}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
