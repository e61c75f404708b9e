/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { AppError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/i18n.ts';
import { checkScores } from '../../shared/review/panel.ts';
import { parsePoints } from '../../shared/scoring.ts';
import { ConfirmStep, Form, Notice, TextArea, TextField } from './components.tsx';
import { points } from './format.ts';
import { type FieldMessages, fieldMessages } from './page.tsx';
import { pick, type Texts } from './texts.ts';

/*
 * A score sheet, whoever scores what (a judge a contest's proposal, a panel member a
 * procurement's bid): one field of points per criterion, typed as people type points ("22.5")
 * and read into hundredths; the submitted sheet read-only with its total; the conflict
 * declaration. Each page adds its own subject beside it.
 */

/** A criterion as a sheet shows it. */
export interface SheetCriterion {
  code: string;
  name: string;
  /** Hundredths of a point. */
  maxPoints: number;
}

/** The sheet as typed: strings by field name (`scores.<code>`), so it comes back as it was sent. */
export type SheetDraft = Record<string, string>;

export interface SheetText {
  sheet: string;
  points: (max: string) => string;
  pointsHint: (example: string) => string;
  notPoints: (example: string) => string;
  total: string;
  readOnly: string;
  submit: string;
  confirmTitle: string;
  confirmSubmit: string;
  submitted: string;
  conflict: string;
  conflictReason: string;
  declare: string;
  /** The confirm step before a declaration, which cannot be withdrawn. */
  conflictConfirmLead: string;
  confirmConflict: string;
}

export const sheetTexts: Texts<SheetText> = {
  'zh-CN': {
    sheet: '评分表',
    points: (max) => `得分（满分 ${max} 分）`,
    pointsHint: (example) => `可以打半分，例如 ${example}`,
    notPoints: (example) => `请填写分数，例如 ${example}`,
    total: '总分',
    readOnly: '评分已提交，不能修改。',
    submit: '提交评分',
    confirmTitle: '确认提交评分',
    confirmSubmit: '确认提交',
    submitted: '评分已提交。',
    conflict: '申报利益冲突',
    conflictReason: '冲突原因',
    declare: '申报冲突并回避',
    conflictConfirmLead: '申报后你将回避，不再为它评分；申报不能撤回。',
    confirmConflict: '确认申报并回避',
  },
  en: {
    sheet: 'Score sheet',
    points: (max) => `Score (out of ${max} points)`,
    pointsHint: (example) => `Half points are fine, e.g. ${example}`,
    notPoints: (example) => `Enter a score, e.g. ${example}`,
    total: 'Total',
    readOnly: 'This sheet is submitted and cannot be changed.',
    submit: 'Submit the sheet',
    confirmTitle: 'Submit the sheet?',
    confirmSubmit: 'Yes, submit',
    submitted: 'Sheet submitted.',
    conflict: 'Declare a conflict of interest',
    conflictReason: 'Reason',
    declare: 'Declare and step aside',
    conflictConfirmLead:
      'Once declared you step aside and never score it; a declaration cannot be withdrawn.',
    confirmConflict: 'Yes, declare and step aside',
  },
};

/**
 * The example score a criterion's hint gives, as typed: 22.5 where it fits, else 2.5 below
 * the maximum (from 5 points), 0.5 below it (from 1 point) or the maximum itself, so the example
 * is always a score the criterion takes (15 points: "e.g. 12.5").
 */
export function exampleScore(maxPoints: number): string {
  const example = exampleHundredths(maxPoints);
  // As people type points: 12.5, 22.5, 9 (never 12.50).
  return example % 100 === 0 ? String(example / 100) : points(example).replace(/0$/, '');
}

function exampleHundredths(maxPoints: number): number {
  if (maxPoints >= 2250) return 2250;
  if (maxPoints >= 500) return Math.floor((maxPoints - 250) / 50) * 50;
  if (maxPoints >= 100) return Math.floor((maxPoints - 50) / 50) * 50;
  return maxPoints;
}

/** A posted form as the sheet's draft: every text field, trimmed. */
export const sheetDraftOfForm = (form: Record<string, string | string[]>): SheetDraft =>
  Object.fromEntries(
    Object.entries(form).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value.trim()]] : [])),
  );

/** The sheet version the form was read at (its If-Match), none before the first save. */
export const sheetVersion = (draft: SheetDraft): number | undefined =>
  Number(draft.version) > 0 ? Number(draft.version) : undefined;

/** Stored hundredths as typed points, by field name; a criterion not scored is empty. */
export function scoresDraft(criteria: readonly SheetCriterion[], scores: Record<string, number> | undefined) {
  const draft: SheetDraft = {};
  for (const { code } of criteria) {
    const score = scores?.[code];
    draft[`scores.${code}`] = score === undefined ? '' : points(score);
  }
  return draft;
}

/**
 * The typed points as hundredths by criterion; what is not points is an error beside its field.
 * With such an error the page answers before the action, so the points that were read are checked
 * here too (`checkScores`: within the criterion, in half points), and every wrong field is named
 * at once rather than over two sends.
 */
export function readScores(draft: SheetDraft, criteria: readonly SheetCriterion[], locale: Locale) {
  const errors: FieldMessages = {};
  const scores: Record<string, number> = {};
  for (const { code, maxPoints } of criteria) {
    const typed = draft[`scores.${code}`] ?? '';
    if (!typed) continue;
    const value = parsePoints(typed);
    if (value === undefined)
      errors[`scores.${code}`] = pick(sheetTexts, locale).notPoints(exampleScore(maxPoints));
    else scores[code] = value;
  }
  if (Object.keys(errors).length > 0) {
    try {
      checkScores(criteria, scores, false);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const named = scoreFieldErrors(fieldMessages(error, locale), criteria);
      for (const { code } of criteria) {
        const message = named[`scores.${code}`];
        if (message) errors[`scores.${code}`] ??= message;
      }
    }
  }
  return { scores, errors };
}

/** The action names a criterion's error by its code; the form by `scores.<code>`. */
export function scoreFieldErrors(fields: FieldMessages, criteria: readonly SheetCriterion[]): FieldMessages {
  const out = { ...fields };
  for (const { code } of criteria) {
    const own = fields[code] ?? fields[`scores.${code}`];
    if (own) out[`scores.${code}`] = own;
  }
  return out;
}

/** One fieldset per criterion: its points, and whatever the page adds (a comment). */
export function ScoreFieldsets(props: {
  locale: Locale;
  criteria: readonly SheetCriterion[];
  draft: SheetDraft;
  errors?: FieldMessages | undefined;
  extra?: (criterion: SheetCriterion) => Child;
}) {
  const text = pick(sheetTexts, props.locale);
  return (
    <>
      {props.criteria.map((criterion) => (
        <fieldset>
          <legend>{criterion.name}</legend>
          <TextField
            name={`scores.${criterion.code}`}
            label={text.points(points(criterion.maxPoints))}
            hint={text.pointsHint(exampleScore(criterion.maxPoints))}
            value={props.draft[`scores.${criterion.code}`]}
            errors={props.errors}
            inputMode="decimal"
          />
          {props.extra?.(criterion)}
        </fieldset>
      ))}
    </>
  );
}

/** A submitted sheet, read-only: each criterion's points out of its maximum, and the total. */
export function SubmittedScores(props: {
  locale: Locale;
  criteria: readonly SheetCriterion[];
  draft: SheetDraft;
  total: number;
}) {
  const text = pick(sheetTexts, props.locale);
  return (
    <>
      <Notice>{text.readOnly}</Notice>
      <dl class="facts card">
        {props.criteria.map((criterion) => (
          <>
            <dt>{criterion.name}</dt>
            <dd>
              {props.draft[`scores.${criterion.code}`]} / {points(criterion.maxPoints)}
            </dd>
          </>
        ))}
        <dt>{text.total}</dt>
        <dd>{points(props.total)}</dd>
      </dl>
    </>
  );
}

/** Declaring a conflict of interest (and stepping aside): a reason, posted as `do=conflict`. */
export function ConflictDeclaration(props: {
  locale: Locale;
  action: string;
  hint: string;
  errors?: FieldMessages | undefined;
}) {
  const text = pick(sheetTexts, props.locale);
  return (
    <details class="card">
      <summary>{text.conflict}</summary>
      <Form action={props.action}>
        <input type="hidden" name="do" value="conflict" />
        <TextArea
          name="reason"
          label={text.conflictReason}
          hint={props.hint}
          errors={props.errors}
          maxLength={500}
        />
        <button type="submit" class="secondary">
          {text.declare}
        </button>
      </Form>
    </details>
  );
}

/** The confirm step before a conflict is declared (final): the reason, and a second post with `confirmed`. */
export function ConfirmConflict(props: {
  locale: Locale;
  action: string;
  reason: string;
  cancelHref: string;
}) {
  const text = pick(sheetTexts, props.locale);
  return (
    <ConfirmStep
      locale={props.locale}
      title={text.conflict}
      action={props.action}
      facts={[[text.conflictReason, props.reason]]}
      confirmLabel={text.confirmConflict}
      cancelHref={props.cancelHref}
      hidden={{ do: 'conflict', reason: props.reason }}
    >
      <p>{text.conflictConfirmLead}</p>
    </ConfirmStep>
  );
}

/** The confirm step before a sheet is submitted (final): its total, and a second post of `do=confirm-submit`. */
export function ConfirmSheet(props: {
  locale: Locale;
  action: string;
  total: number;
  cancelHref: string;
  /** What the second post carries besides `do` (the version read, or the typed scores). */
  hidden: Record<string, string>;
  children?: Child;
}) {
  const text = pick(sheetTexts, props.locale);
  return (
    <ConfirmStep
      locale={props.locale}
      title={text.confirmTitle}
      action={props.action}
      facts={[[text.total, points(props.total)]]}
      confirmLabel={text.confirmSubmit}
      cancelHref={props.cancelHref}
      hidden={{ do: 'confirm-submit', ...props.hidden }}
    >
      {props.children}
    </ConfirmStep>
  );
}
