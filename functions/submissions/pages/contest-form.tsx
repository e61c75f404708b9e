/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import { type CodeName, type Contest, SHORTLIST_POLICIES } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { parseYuan, yuanDecimal } from '../../../shared/money.ts';
import { AGGREGATIONS, parsePoints } from '../../../shared/scoring.ts';
import {
  CountField,
  DateTimeField,
  Form,
  fieldsOf,
  MoneyField,
  PointsField,
  Select,
  TextArea,
  TextField,
} from '../../ui/components.tsx';
import { beijingInputValue, parseBeijingInput, points } from '../../ui/format.ts';
import { formText } from '../../ui/office.tsx';
import type { FieldMessages } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import { type OfficeContestText, officeContestTexts } from './office-texts.ts';

/** Rows of the rubric editor: the criteria there are, and blank rows to add more. */
const RUBRIC_ROWS = 8;

type Values = Record<string, string>;
type Posted = Record<string, string | string[]>;

/** A stored contest as the set-up form shows it: yuan, points, percent and Beijing time. */
export function contestValues(contest: Contest): Values {
  const values: Values = {
    title: contest.title,
    callText: contest.callText,
    budgetFen: yuanDecimal(contest.budgetFen),
    capFen: yuanDecimal(contest.capFen),
    categories: contest.categories.map((entry) => entry.name).join('\n'),
    communities: contest.communities.map((entry) => entry.name).join('\n'),
    aggregation: contest.aggregation,
    minJudges: String(contest.minJudges),
    judgesPerProposal: contest.judgesPerProposal === undefined ? '' : String(contest.judgesPerProposal),
    outlierMargin: points(contest.outlierMargin),
    'shortlisting.policy': contest.shortlisting.policy,
    submissionDeadline: beijingInputValue(contest.submissionDeadline),
    reviewDeadline: beijingInputValue(contest.reviewDeadline),
    publicityDays: String(contest.publicityDays),
    noticePrefix: contest.noticePrefix,
    version: String(contest.version),
  };
  contest.rubric.forEach((criterion, i) => {
    values[`rubric.${i}.name`] = criterion.name;
    values[`rubric.${i}.maxPoints`] = points(criterion.maxPoints);
  });
  const { minScore, communityMaxShareBp, partialFunding, categoryQuotas } = contest.shortlisting;
  if (minScore !== undefined) values['shortlisting.minScore'] = points(minScore);
  if (communityMaxShareBp !== undefined)
    values['shortlisting.communityMaxShareBp'] = points(communityMaxShareBp);
  if (partialFunding) values['shortlisting.partialFunding'] = 'yes';
  for (const [code, quota] of Object.entries(categoryQuotas ?? {})) {
    if (quota.min !== undefined) values[`quota.${code}.min`] = String(quota.min);
    if (quota.max !== undefined) values[`quota.${code}.max`] = String(quota.max);
  }
  return values;
}

/**
 * Names typed one per line → code and name; a name the contest already has keeps its code, a new
 * one gets the next free `<prefix>-<n>` (people never see or type codes).
 */
export function withCodes(names: string[], existing: readonly CodeName[], prefix: string): CodeName[] {
  const used = new Set(existing.map((entry) => entry.code));
  let n = 0;
  return names.map((name) => {
    const known = existing.find((entry) => entry.name === name);
    if (known) return known;
    do n++;
    while (used.has(`${prefix}-${n}`));
    used.add(`${prefix}-${n}`);
    return { code: `${prefix}-${n}`, name };
  });
}

export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The set-up form read into the rules' shape (fen, hundredths, ISO with +08:00), or the fields a
 * person must fix first. The rules themselves are checked by the action, as for the API.
 */
export function readContestForm(form: Posted, existing: Contest | undefined, text: OfficeContestText) {
  const errors: FieldMessages = {};
  const get = (name: string) => formText(form, name);
  const money = (name: string) => {
    const fen = parseYuan(get(name));
    if (fen === undefined) errors[name] = text.notAmount;
    return fen;
  };
  const whole = (name: string, optional = false) => {
    const typed = get(name);
    if (optional && !typed) return undefined;
    if (!/^\d{1,6}$/.test(typed)) errors[name] = text.notWhole;
    return Number(typed);
  };
  const pts = (name: string, optional = false, message = text.notPoints) => {
    const typed = get(name);
    if (optional && !typed) return undefined;
    const value = parsePoints(typed);
    if (value === undefined) errors[name] = message;
    return value;
  };
  const instant = (name: string) => {
    const value = parseBeijingInput(get(name));
    if (!value) errors[name] = text.notDate;
    return value;
  };

  const rubric = [];
  for (let i = 0; i < RUBRIC_ROWS; i++) {
    const name = get(`rubric.${i}.name`);
    if (!name && !get(`rubric.${i}.maxPoints`)) continue;
    const known = existing?.rubric.find((criterion) => criterion.name === name);
    rubric.push({ code: known?.code ?? `k${i + 1}`, name, maxPoints: pts(`rubric.${i}.maxPoints`) ?? 0 });
  }
  const codes = rubric.map((criterion) => criterion.code);
  const tieBreak = existing?.tieBreak.every((code) => codes.includes(code))
    ? existing.tieBreak
    : codes.slice(0, 2);
  const categories = withCodes(lines(get('categories')), existing?.categories ?? [], 'cat');
  const quotas: Record<string, { min?: number; max?: number }> = {};
  for (const { code } of categories) {
    const min = whole(`quota.${code}.min`, true);
    const max = whole(`quota.${code}.max`, true);
    if (min !== undefined || max !== undefined)
      quotas[code] = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  }
  const minScore = pts('shortlisting.minScore', true);
  const share = pts('shortlisting.communityMaxShareBp', true, text.notPercent);
  const input = {
    title: get('title'),
    callText: get('callText'),
    budgetFen: money('budgetFen'),
    capFen: money('capFen'),
    categories,
    // By name: the action places each on the office's list of communities (codes made there).
    communities: lines(get('communities')).map(
      (name) => existing?.communities.find((entry) => entry.name === name) ?? { name },
    ),
    rubric,
    aggregation: get('aggregation'),
    tieBreak,
    minJudges: whole('minJudges'),
    judgesPerProposal: whole('judgesPerProposal', true),
    outlierMargin: pts('outlierMargin'),
    shortlisting: {
      policy: get('shortlisting.policy'),
      ...(minScore !== undefined ? { minScore } : {}),
      ...(share !== undefined ? { communityMaxShareBp: share } : {}),
      ...(get('shortlisting.partialFunding') === 'yes' ? { partialFunding: true } : {}),
      ...(Object.keys(quotas).length > 0 ? { categoryQuotas: quotas } : {}),
    },
    submissionDeadline: instant('submissionDeadline'),
    reviewDeadline: instant('reviewDeadline'),
    publicityDays: whole('publicityDays'),
    noticePrefix: get('noticePrefix'),
  };
  return { input, errors };
}

/** The action's field paths as the form names its fields (codes never reach the person). */
export function contestFormErrors(fields: FieldMessages): FieldMessages {
  const out: FieldMessages = {};
  for (const [path, message] of Object.entries(fields)) {
    const quota = /^shortlisting\.categoryQuotas\.([^.]+)\.(min|max)$/.exec(path);
    const name =
      /^(categories|communities)\./.exec(path)?.[1] ??
      (/^tieBreak/.test(path) ? 'rubric' : undefined) ??
      (quota ? `quota.${quota[1]}.${quota[2]}` : undefined) ??
      path.replace(/^rubric\.(\d+)\.code$/, 'rubric.$1.name');
    out[name] ??= message;
  }
  return out;
}

/** The contest set-up form: every setting, names instead of codes, the rubric editor. */
export function ContestForm(props: {
  locale: Locale;
  action: string;
  values: Values;
  errors: FieldMessages;
  contest?: Contest | undefined;
}) {
  const text = pick(officeContestTexts, props.locale);
  const { values, errors, locale } = props;
  const f = fieldsOf(values, errors);
  const total = Array.from(
    { length: RUBRIC_ROWS },
    (_, i) => parsePoints(values[`rubric.${i}.maxPoints`] ?? '') ?? 0,
  ).reduce((sum, value) => sum + value, 0);
  return (
    <Form action={props.action}>
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <input type="hidden" name="do" value="save" />
      <fieldset class="stack">
        <legend>{text.basics}</legend>
        <TextField {...f('title')} label={text.title} required maxLength={100} />
        <TextArea {...f('callText')} label={text.callText} required maxLength={20000} />
        <div class="row">
          <MoneyField {...f('budgetFen')} label={text.budget} locale={locale} required />
          <MoneyField {...f('capFen')} label={text.cap} locale={locale} required />
        </div>
        <TextArea {...f('categories')} label={text.categories} hint={text.categoriesHint} required />
        <TextArea {...f('communities')} label={text.communities} hint={text.communitiesHint} required />
      </fieldset>
      <fieldset class="stack">
        <legend>{text.rubric}</legend>
        <p class="hint">{text.rubricHint}</p>
        {errors.rubric ? (
          <p class="error" role="alert">
            {errors.rubric}
          </p>
        ) : null}
        {Array.from({ length: RUBRIC_ROWS }, (_, i) => (
          <div class="row">
            <TextField {...f(`rubric.${i}.name`)} label={text.criterionName(i + 1)} maxLength={60} />
            <PointsField {...f(`rubric.${i}.maxPoints`)} label={text.criterionMax(i + 1)} max={10000} />
          </div>
        ))}
        <p>
          <strong>{text.rubricTotal(points(total))}</strong>
        </p>
      </fieldset>
      <fieldset class="stack">
        <legend>{text.judging}</legend>
        <Select
          {...f('aggregation')}
          label={text.aggregation}
          options={AGGREGATIONS.map((value) => ({ value, label: text.aggregations[value] }))}
        />
        <div class="row">
          <CountField {...f('minJudges')} label={text.minJudges} hint={text.minJudgesHint} required />
          <CountField
            {...f('judgesPerProposal')}
            label={text.judgesPerProposal}
            hint={text.judgesPerProposalHint}
          />
          <PointsField
            {...f('outlierMargin')}
            label={text.outlierMargin}
            hint={text.outlierMarginHint}
            required
          />
        </div>
      </fieldset>
      <fieldset class="stack">
        <legend>{text.shortlisting}</legend>
        <Select
          {...f('shortlisting.policy')}
          label={text.policy}
          options={SHORTLIST_POLICIES.map((value) => ({ value, label: text.policies[value] }))}
        />
        <div class="row">
          <PointsField {...f('shortlisting.minScore')} label={text.minScore} max={10000} />
          <TextField
            {...f('shortlisting.communityMaxShareBp')}
            label={text.communityShare}
            hint={text.communityShareHint}
            inputMode="decimal"
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            name="shortlisting.partialFunding"
            value="yes"
            checked={values['shortlisting.partialFunding'] === 'yes'}
          />
          {text.partialFunding}
        </label>
        {props.contest && props.contest.categories.length > 0 ? (
          <>
            <h3>{text.quotas}</h3>
            {props.contest.categories.map((category) => (
              <div class="row">
                <CountField {...f(`quota.${category.code}.min`)} label={text.quotaMin(category.name)} />
                <CountField {...f(`quota.${category.code}.max`)} label={text.quotaMax(category.name)} />
              </div>
            ))}
          </>
        ) : null}
      </fieldset>
      <fieldset class="stack">
        <legend>{text.dates}</legend>
        <div class="row">
          <DateTimeField
            {...f('submissionDeadline')}
            label={text.submissionDeadline}
            hint={text.beijingHint}
            required
          />
          <DateTimeField
            {...f('reviewDeadline')}
            label={text.reviewDeadline}
            hint={text.beijingHint}
            required
          />
        </div>
        <div class="row">
          <CountField {...f('publicityDays')} label={text.publicityDays} required />
          <TextField
            {...f('noticePrefix')}
            label={text.noticePrefix}
            hint={text.noticePrefixHint}
            maxLength={20}
          />
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit">{props.contest ? text.save : text.create}</button>
      </div>
    </Form>
  );
}
