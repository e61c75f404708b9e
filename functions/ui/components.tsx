/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ContestStatus } from '../../shared/contest/model.ts';
import type { Locale } from '../../shared/i18n.ts';
import { yuanDecimal } from '../../shared/money.ts';
import { PHASE_NAMES, type ProcurementPhase } from '../../shared/procurement/lifecycle.ts';
import type { ProposalStatus } from '../../shared/proposal/model.ts';
import type { AppEnv } from '../http/app.ts';
import { dateTime, yuan } from './format.ts';
import type { FieldMessages } from './page.tsx';
import { CSRF_FIELD } from './session.ts';
import { commonTexts } from './texts.ts';

/*
 * The building blocks of every page. Each shows people's units only: yuan, points, Beijing time,
 * phase names. Inputs always have a label and, when refused, their message beside them.
 */

/** A form that posts to this site with the session's form token. */
export function Form(props: { action: string; class?: string; children?: Child; budget?: boolean }) {
  const c = useRequestContext<AppEnv>();
  return (
    <form
      method="post"
      action={props.action}
      class={props.class ?? 'stack'}
      data-budget={props.budget ? '' : undefined}
    >
      <input type="hidden" name={CSRF_FIELD} value={c.get('csrfToken') ?? ''} />
      {props.children}
    </form>
  );
}

const fieldId = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldMessages;
  /** The path its error comes under, if not the name (a budget line's "budgetLines.0.item"). */
  errorPath?: string;
  hint?: string;
  /** The form's name where one page has two fields of the same name: their ids must differ. */
  form?: string;
}

/** A label, the control, a hint and the refusal message; the control is described by both. */
export function Field(props: FieldProps & { children: (attrs: Record<string, string | boolean>) => Child }) {
  const id = fieldId(props.form ? `${props.form}.${props.name}` : props.name);
  const error = props.errors?.[props.errorPath ?? props.name];
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs: Record<string, string | boolean> = { id, name: props.name };
  if (described) attrs['aria-describedby'] = described;
  if (error) attrs['aria-invalid'] = 'true';
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.children(attrs)}
      {error ? (
        <span class="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string;
    required?: boolean;
    type?: string;
    maxLength?: number;
    inputMode?: 'decimal' | 'numeric' | 'tel' | 'email' | 'text';
    /** Marks the input for the budget script: `data-price` or `data-qty`. */
    data?: 'price' | 'qty';
    /** A datalist's id whose options the field offers (KnownJudges). */
    list?: string;
  },
) {
  return (
    <Field {...props}>
      {(attrs) => (
        <input
          {...attrs}
          {...(props.data ? { [`data-${props.data}`]: '' } : {})}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          required={props.required}
          maxlength={props.maxLength}
          inputmode={props.inputMode}
          list={props.list}
        />
      )}
    </Field>
  );
}

/**
 * What every field of one form shares, bound once: `const f = fieldsOf(values, errors)`, then
 * `<TextField {...f('title')} label={…} />` gives the field its name, the value as typed (or
 * stored) and the form's errors.
 */
export const fieldsOf =
  (values: Record<string, string | undefined>, errors: FieldMessages) =>
  (name: string): { name: string; value: string | undefined; errors: FieldMessages } => ({
    name,
    value: values[name],
    errors,
  });

/** A draft form's two buttons: save the draft (secondary) or submit it; the post's `do` says which. */
export function DraftActions(props: { save: string; submit: string }) {
  return (
    <div class="actions">
      <button type="submit" name="do" value="save" class="secondary">
        {props.save}
      </button>
      <button type="submit" name="do" value="submit">
        {props.submit}
      </button>
    </div>
  );
}

/** A whole number (a count, days, a rank), with the phone's number keypad. */
export function CountField(props: FieldProps & { value?: string; required?: boolean }) {
  return <TextField {...props} type="number" inputMode="numeric" />;
}

export function TextArea(props: FieldProps & { value?: string; required?: boolean; maxLength?: number }) {
  return (
    <Field {...props}>
      {(attrs) => (
        <textarea {...attrs} required={props.required} maxlength={props.maxLength}>
          {props.value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

/** A choice by name; the value sent is the code, which the person never sees. */
export function Select(
  props: FieldProps & { value?: string; options: { value: string; label: string }[]; placeholder?: string },
) {
  return (
    <Field {...props}>
      {(attrs) => (
        <select {...attrs}>
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * An amount typed in yuan ("1,250.5"); `parseYuanField` turns it into fen on the server. Shows
 * what was typed when the form comes back, or the stored amount in yuan.
 */
export function MoneyField(
  props: FieldProps & { value?: string; fen?: number; locale: Locale; required?: boolean },
) {
  const shown = props.value ?? (props.fen === undefined ? '' : yuanDecimal(props.fen));
  return (
    <Field {...props}>
      {(attrs) => (
        <span class="money">
          <span aria-hidden="true">¥</span>
          <input
            {...attrs}
            type="text"
            inputmode="decimal"
            autocomplete="off"
            value={shown}
            required={props.required}
          />
          <span>{commonTexts[props.locale].yuanSuffix}</span>
        </span>
      )}
    </Field>
  );
}

/** A stored instant in Beijing time; the machine-readable value stays in the attribute. */
export function DateTime(props: { iso: string; locale: Locale }) {
  return <time datetime={props.iso}>{dateTime(props.iso, props.locale)}</time>;
}

/** An amount in yuan with separators. */
export const Money = (props: { fen: number }) => <span class="money-text">{yuan(props.fen)}</span>;

const CONTEST_TONE: Record<ContestStatus, '' | 'ok' | 'warn' | 'bad'> = {
  draft: '',
  open: 'ok',
  screening: 'warn',
  review: 'warn',
  publicity: 'warn',
  locked: 'ok',
  awarded: 'ok',
  cancelled: 'bad',
};

/** The contest's phase in words. */
export function StatusBadge(props: { status: ContestStatus; locale: Locale }) {
  return (
    <span class={`badge ${CONTEST_TONE[props.status]}`}>
      {commonTexts[props.locale].contestStatuses[props.status]}
    </span>
  );
}

const PROCUREMENT_TONE: Record<ProcurementPhase, '' | 'ok' | 'warn' | 'bad'> = {
  draft: '',
  announced: 'ok',
  bidding: 'ok',
  consultation: 'warn',
  'final-quotation': 'warn',
  evaluation: 'warn',
  recommended: 'warn',
  awarded: 'ok',
  terminated: 'bad',
};

/** A procurement's phase in words (竞争性磋商's phases, shared/procurement/lifecycle.ts). */
export function ProcurementBadge(props: { status: ProcurementPhase; locale: Locale }) {
  const name = PHASE_NAMES[props.status][props.locale];
  return (
    <span class={`badge ${PROCUREMENT_TONE[props.status]}`}>
      {props.locale === 'en' ? name.charAt(0).toUpperCase() + name.slice(1) : name}
    </span>
  );
}

const PROPOSAL_TONE: Record<ProposalStatus, '' | 'ok' | 'bad'> = {
  draft: '',
  submitted: 'ok',
  withdrawn: 'bad',
};

export function ProposalBadge(props: { status: ProposalStatus; locale: Locale }) {
  return (
    <span class={`badge ${PROPOSAL_TONE[props.status]}`}>
      {commonTexts[props.locale].proposalStatuses[props.status]}
    </span>
  );
}

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;

/** "12 / 21 已提交" with a bar. */
export function ProgressBar(props: { done: number; total: number; locale: Locale }) {
  const text = commonTexts[props.locale].progress(props.done, props.total);
  return (
    <div class="progress">
      <div class="bar" aria-hidden="true">
        <span class={`w${percent(props.done, props.total)}`} />
      </div>
      <div class="bar-legend">
        <span>{text}</span>
      </div>
    </div>
  );
}

/** Budget used and left (or over), in yuan. */
export function BudgetBar(props: { usedFen: number; budgetFen: number; locale: Locale }) {
  const text = commonTexts[props.locale];
  const over = props.usedFen > props.budgetFen;
  const left = props.budgetFen - props.usedFen;
  return (
    <div class="budget">
      <div class="bar" aria-hidden="true">
        <span class={`w${percent(props.usedFen, props.budgetFen)}${over ? ' over' : ''}`} />
      </div>
      <div class="bar-legend">
        <span>
          {text.budgetUsed} {yuan(props.usedFen)} / {yuan(props.budgetFen)}
        </span>
        <span>{over ? `${text.budgetOver} ${yuan(-left)}` : `${text.budgetLeft} ${yuan(left)}`}</span>
      </div>
    </div>
  );
}

/**
 * A table that scrolls inside itself on a phone instead of widening the page; the scrolling
 * region is named (`label`) and reachable by keyboard.
 */
export function Table(props: {
  label: string;
  caption?: string;
  head: Child[];
  rows: Child[][];
  numeric?: number[];
}) {
  const numeric = new Set(props.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? 'num' : undefined);
  return (
    <section class="table-wrap" aria-label={props.label} tabindex={0}>
      <table>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.head.map((cell, i) => (
              <th scope="col" class={cls(i)}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell, i) => (
                <td class={cls(i)}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The confirm step of a grave action (open, lock, submit a sheet): what will happen, in facts,
 * and a second post with `confirmed=yes`. Cancelling goes back without changing anything.
 */
export function ConfirmStep(props: {
  locale: Locale;
  title: string;
  action: string;
  facts: [string, Child][];
  confirmLabel: string;
  cancelHref: string;
  hidden?: Record<string, string>;
  children?: Child;
  /** Fields sent with the confirmation (a deadline set with the step). */
  fields?: Child;
}) {
  const text = commonTexts[props.locale];
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{props.title}</h2>
      <dl class="facts">
        {props.facts.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {props.children}
      <Form action={props.action} class="actions">
        <input type="hidden" name="confirmed" value="yes" />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {props.fields}
        <button type="submit">{props.confirmLabel}</button>
        <a class="button secondary" href={props.cancelHref}>
          {text.cancel}
        </a>
      </Form>
    </section>
  );
}

/** A message at the top of a form or page. */
export function Notice(props: { tone?: 'ok' | 'bad'; children?: Child }) {
  return (
    <div class={`notice ${props.tone ?? ''}`} role={props.tone === 'bad' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/**
 * A refused form's alert, said once: the refusal, then "see the fields marked below" only when
 * a field is marked and the refusal is not already that sentence.
 */
export function Refusal(props: {
  locale: Locale;
  message?: string | undefined;
  errors?: FieldMessages | undefined;
}) {
  const fixErrors = commonTexts[props.locale].fixErrors;
  const marked = Object.keys(props.errors ?? {}).length > 0;
  if (!props.message && !marked) return null;
  const sentences = [props.message, marked ? fixErrors : undefined].filter(
    (sentence, index, all): sentence is string => !!sentence && all.indexOf(sentence) === index,
  );
  return <Notice tone="bad">{sentences.join(' ')}</Notice>;
}

/** A date and time typed in Beijing time (`parseBeijingInput` reads it on the server). */
export function DateTimeField(props: FieldProps & { value?: string; required?: boolean }) {
  return (
    <Field {...props}>
      {(attrs) => (
        <input {...attrs} type="datetime-local" value={props.value ?? ''} required={props.required} />
      )}
    </Field>
  );
}

/** Points typed in half-point steps ("12.5"); `parsePoints` reads them into hundredths. */
export function PointsField(props: FieldProps & { value?: string; max?: number; required?: boolean }) {
  return (
    <Field {...props}>
      {(attrs) => (
        <input
          {...attrs}
          type="number"
          inputmode="decimal"
          min="0"
          max={props.max === undefined ? undefined : String(props.max / 100)}
          step="0.5"
          value={props.value ?? ''}
          required={props.required}
        />
      )}
    </Field>
  );
}

/** The id of the judges' datalist: an account field with `list={KNOWN_JUDGES}` offers them. */
export const KNOWN_JUDGES = 'known-judges';

/**
 * The judges the directory knows, offered by the panel forms' account fields (each option the
 * account, labelled with the name); typing an account still works, with or without a browser's
 * datalist support.
 */
export function KnownJudges(props: { judges: readonly { sub: string; name: string }[] }) {
  return (
    <datalist id={KNOWN_JUDGES}>
      {props.judges.map((judge) => (
        <option value={judge.sub}>{judge.name}</option>
      ))}
    </datalist>
  );
}
