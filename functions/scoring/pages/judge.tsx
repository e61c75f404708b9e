/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Contest } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { BlindProposal, Sheet } from '../../../shared/review/model.ts';
import type { z } from '../../../shared/zod.ts';
import {
  DraftActions,
  Form,
  Money,
  Notice,
  ProgressBar,
  Refusal,
  TextArea,
  TextField,
} from '../../ui/components.tsx';
import { yuan } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import type { FieldMessages } from '../../ui/page.tsx';
import {
  ConfirmConflict,
  ConfirmSheet,
  ConflictDeclaration,
  ScoreFieldsets,
  type SheetDraft,
  SubmittedScores,
  scoresDraft,
  sheetTexts,
} from '../../ui/sheet.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { judgeTexts } from './texts.ts';

type Blind = z.infer<typeof BlindProposal>;

export interface AssignmentRow {
  contestId: string;
  contestTitle: string;
  proposalId: string;
  title: string;
  sheet: 'missing' | 'draft' | 'submitted';
}

/** A judge's assignments by contest, each with its progress ("12 / 21 已提交"). */
export function AssignmentsPage(props: { locale: Locale; rows: AssignmentRow[]; declared?: boolean }) {
  const text = pick(judgeTexts, props.locale);
  const contests = [...new Map(props.rows.map((row) => [row.contestId, row.contestTitle])).entries()];
  return (
    <>
      <h1>{text.title}</h1>
      {props.declared ? <Notice tone="ok">{text.declared}</Notice> : null}
      {props.rows.length === 0 ? <p>{text.none}</p> : null}
      {contests.map(([contestId, contestTitle]) => {
        const rows = props.rows.filter((row) => row.contestId === contestId);
        return (
          <section class="card">
            <h2>{contestTitle}</h2>
            <ProgressBar
              done={rows.filter((row) => row.sheet === 'submitted').length}
              total={rows.length}
              locale={props.locale}
            />
            <ul>
              {rows.map((row) => (
                <li>
                  <a href={href('sheetPage', { contestId, proposalId: row.proposalId })}>{row.title}</a> ·{' '}
                  {text.sheetStates[row.sheet]}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The typed sheet's own fields (no form plumbing), carried by the confirmation step. */
export function sheetFields(draft: SheetDraft): SheetDraft {
  return Object.fromEntries(
    Object.entries(draft).filter(
      ([name]) =>
        name.startsWith('scores.') ||
        name.startsWith('comments.') ||
        name === 'overallComment' ||
        name === 'recommended',
    ),
  );
}

export function sheetDraftOf(sheet: Sheet | undefined, contest: Contest): SheetDraft {
  const draft: SheetDraft = scoresDraft(contest.rubric, sheet?.scores);
  for (const criterion of contest.rubric) {
    draft[`comments.${criterion.code}`] = sheet?.comments[criterion.code] ?? '';
  }
  draft.overallComment = sheet?.overallComment ?? '';
  draft.recommended = sheet?.recommendedFen === undefined ? '' : yuan(sheet.recommendedFen).slice(1);
  return draft;
}

/** The blind proposal beside the score sheet; submitting asks for confirmation with the total. */
export function SheetPage(props: {
  locale: Locale;
  contest: Contest;
  proposal: Blind;
  sheet?: Sheet;
  draft: SheetDraft;
  errors?: FieldMessages;
  message?: string;
  done?: 'saved' | 'submitted' | 'declared';
  confirmTotal?: number;
  /** The reason of a conflict declaration to confirm. */
  confirmConflict?: string;
}) {
  const { locale, contest, proposal, draft, errors } = props;
  const text = pick(judgeTexts, locale);
  const sheet = pick(sheetTexts, locale);
  const action = href('saveSheetPage', { contestId: contest.id, proposalId: proposal.id });
  const name = (list: { code: string; name: string }[], code?: string) =>
    list.find((e) => e.code === code)?.name ?? '—';
  const submitted = props.sheet?.status === 'submitted';
  return (
    <>
      <h1>{proposal.title}</h1>
      <p class="muted">
        {contest.title} · {text.blindNote}
      </p>
      {props.done ? <Notice tone="ok">{text[props.done]}</Notice> : null}
      <Refusal locale={locale} message={props.message} errors={errors} />
      {props.confirmConflict !== undefined ? (
        <ConfirmConflict
          locale={locale}
          action={action}
          reason={props.confirmConflict}
          cancelHref={href('sheetPage', { contestId: contest.id, proposalId: proposal.id })}
        />
      ) : null}
      <section class="card">
        <dl class="facts">
          <dt>{text.category}</dt>
          <dd>{name(contest.categories, proposal.category)}</dd>
          <dt>{text.community}</dt>
          <dd>{name(contest.communities, proposal.community)}</dd>
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
        <h2>{text.need}</h2>
        <p class="prose">{proposal.need}</p>
        <h2>{text.plan}</h2>
        <p class="prose">{proposal.plan}</p>
        <h2>{text.schedule}</h2>
        <p class="prose">{proposal.schedule}</p>
        <h2>{text.budget}</h2>
        <ul>
          {(proposal.budgetLines ?? []).map((line) => (
            <li>
              {line.item}
              {commonTexts[locale].colon}
              {yuan(line.unitPriceFen)} × {line.quantity} = {yuan(line.amountFen)}
            </li>
          ))}
        </ul>
      </section>
      {props.confirmTotal !== undefined ? (
        <ConfirmSheet
          locale={locale}
          action={action}
          total={props.confirmTotal}
          cancelHref={href('sheetPage', { contestId: contest.id, proposalId: proposal.id })}
          hidden={{ ...sheetFields(draft), version: String(props.sheet?.version ?? 0) }}
        >
          <p>{text.confirmBody}</p>
        </ConfirmSheet>
      ) : null}
      <h2>{sheet.sheet}</h2>
      {submitted ? (
        <SubmittedScores
          locale={locale}
          criteria={contest.rubric}
          draft={draft}
          total={props.sheet?.total ?? 0}
        />
      ) : (
        <Form action={action}>
          <input type="hidden" name="version" value={String(props.sheet?.version ?? 0)} />
          <ScoreFieldsets
            locale={locale}
            criteria={contest.rubric}
            draft={draft}
            errors={errors}
            extra={(criterion) => (
              <TextArea
                name={`comments.${criterion.code}`}
                label={`${criterion.name} · ${text.comment}`}
                value={draft[`comments.${criterion.code}`]}
                errors={errors}
                maxLength={2000}
              />
            )}
          />
          <TextArea
            name="overallComment"
            label={text.overall}
            value={draft.overallComment}
            errors={errors}
            maxLength={5000}
          />
          <TextField
            name="recommended"
            errorPath="recommendedFen"
            label={text.recommended}
            hint={text.recommendedHint}
            value={draft.recommended}
            errors={errors}
            inputMode="decimal"
          />
          <DraftActions save={text.saveDraft} submit={sheet.submit} />
        </Form>
      )}
      {!submitted ? (
        <ConflictDeclaration locale={locale} action={action} hint={text.conflictHint} errors={errors} />
      ) : null}
    </>
  );
}
