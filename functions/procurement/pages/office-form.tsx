/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Locale } from '../../../shared/i18n.ts';
import { parseYuan, yuanDecimal } from '../../../shared/money.ts';
import { PROCUREMENT_KINDS } from '../../../shared/procurement/model.ts';
import type { Procurement } from '../../../shared/procurement/store.ts';
import { FULL_MARKS, parsePoints } from '../../../shared/scoring.ts';
import { lines, withCodes } from '../../submissions/pages/contest-form.tsx';
import {
  DateTimeField,
  Form,
  fieldsOf,
  KNOWN_JUDGES,
  KnownJudges,
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
import { type OfficeProcurementText, officeProcurementTexts } from './office-texts.ts';

/** Rows of the criteria editor and of the panel: the ones there are, and blank rows to add more. */
const CRITERIA_ROWS = 8;
const PANEL_ROWS = 7;

type Values = Record<string, string>;
type Posted = Record<string, string | string[]>;

/** A stored procurement as the set-up form shows it: yuan, percent, points and Beijing time. */
export function procurementValues(procurement: Procurement): Values {
  const values: Values = {
    title: procurement.title,
    description: procurement.description,
    kind: procurement.kind,
    governmentPurchasedService: procurement.governmentPurchasedService ? 'yes' : '',
    ceilingFen: yuanDecimal(procurement.ceilingFen),
    priceWeightBp: points(procurement.priceWeightBp),
    'weightApproval.reason': procurement.weightApproval?.reason ?? '',
    'weightApproval.reference': procurement.weightApproval?.reference ?? '',
    requiredParts: procurement.requiredParts.map((part) => part.name).join('\n'),
    minResponsive: String(procurement.minResponsive),
    biddingDeadline: beijingInputValue(procurement.biddingDeadline),
    finalQuotationDeadline: beijingInputValue(procurement.finalQuotationDeadline),
    noticePrefix: procurement.noticePrefix ?? '',
    version: String(procurement.version),
  };
  procurement.criteria.forEach((criterion, i) => {
    values[`criteria.${i}.name`] = criterion.name;
    values[`criteria.${i}.kind`] = criterion.kind;
    values[`criteria.${i}.maxPoints`] = points(criterion.maxPoints);
  });
  procurement.panel.forEach((member, i) => {
    values[`panel.${i}.name`] = member.name;
    values[`panel.${i}.judgeId`] = member.judgeId;
  });
  return values;
}

/** A new procurement's form: services at 20 %, three responsive suppliers, deadlines ahead. */
export function newProcurementValues(now: Date, noticePrefix: string): Values {
  const day = 24 * 3600 * 1000;
  return {
    kind: 'services',
    governmentPurchasedService: 'yes',
    priceWeightBp: '20',
    minResponsive: '3',
    noticePrefix,
    'criteria.0.kind': 'technical',
    'criteria.1.kind': 'technical',
    'criteria.2.kind': 'business',
    biddingDeadline: beijingInputValue(new Date(now.getTime() + 15 * day).toISOString()),
    finalQuotationDeadline: beijingInputValue(new Date(now.getTime() + 25 * day).toISOString()),
  };
}

/**
 * The set-up form read into the rules' shape (fen, basis points, hundredths, ISO with +08:00), or
 * the fields a person must fix first. The rules themselves are the action's, as for the API.
 */
export function readProcurementForm(
  form: Posted,
  existing: Procurement | undefined,
  text: OfficeProcurementText,
) {
  const errors: FieldMessages = {};
  const get = (name: string) => formText(form, name);
  const hundredths = (name: string, message: string) => {
    const value = parsePoints(get(name));
    if (value === undefined) errors[name] = message;
    return value ?? 0;
  };
  const instant = (name: string) => {
    const value = parseBeijingInput(get(name));
    if (!value) errors[name] = text.notDate;
    return value;
  };
  const ceilingFen = parseYuan(get('ceilingFen'));
  if (ceilingFen === undefined) errors.ceilingFen = text.notAmount;

  const criteria = [];
  for (let i = 0; i < CRITERIA_ROWS; i++) {
    const name = get(`criteria.${i}.name`);
    if (!name && !get(`criteria.${i}.maxPoints`)) continue;
    const known = existing?.criteria.find((criterion) => criterion.name === name);
    criteria.push({
      code: known?.code ?? `c${i + 1}`,
      name,
      kind: get(`criteria.${i}.kind`),
      maxPoints: hundredths(`criteria.${i}.maxPoints`, text.notPoints),
    });
  }
  const panel = [];
  for (let i = 0; i < PANEL_ROWS; i++) {
    const name = get(`panel.${i}.name`);
    const judgeId = get(`panel.${i}.judgeId`);
    if (name || judgeId) panel.push({ name, judgeId });
  }
  const reason = get('weightApproval.reason');
  const reference = get('weightApproval.reference');
  const prefix = get('noticePrefix');
  const input = {
    title: get('title'),
    description: get('description'),
    kind: get('kind'),
    governmentPurchasedService: get('governmentPurchasedService') === 'yes',
    ceilingFen,
    priceWeightBp: hundredths('priceWeightBp', text.notPercent),
    ...(reason ? { weightApproval: { reason, ...(reference ? { reference } : {}) } } : {}),
    criteria,
    requiredParts: withCodes(lines(get('requiredParts')), existing?.requiredParts ?? [], 'part'),
    minResponsive: Number(get('minResponsive')),
    panel,
    biddingDeadline: instant('biddingDeadline'),
    finalQuotationDeadline: instant('finalQuotationDeadline'),
    ...(prefix ? { noticePrefix: prefix } : {}),
  };
  return { input, errors };
}

/** The action's field paths as the form names its fields (codes never reach the person). */
export function procurementFormErrors(fields: FieldMessages): FieldMessages {
  const out: FieldMessages = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = /^requiredParts/.test(path)
      ? 'requiredParts'
      : /^weightApproval$/.test(path)
        ? 'weightApproval.reason'
        : path.replace(/^criteria\.(\d+)\.code$/, 'criteria.$1.name');
    out[name] ??= message;
  }
  return out;
}

/** A refusal shown at the head of a group of rows (the criteria, the panel). */
function GroupError(props: { message?: string | undefined }) {
  return props.message ? (
    <p class="error" role="alert">
      {props.message}
    </p>
  ) : null;
}

/** The set-up form: every rule of the consultation documents, names instead of codes. */
export function ProcurementForm(props: {
  locale: Locale;
  action: string;
  values: Values;
  errors: FieldMessages;
  editing?: boolean;
  /** The judges the directory knows, offered by the members' account fields. */
  judges: readonly { sub: string; name: string }[];
}) {
  const text = pick(officeProcurementTexts, props.locale);
  const { values, errors, locale } = props;
  const f = fieldsOf(values, errors);
  const criteriaTotal = Array.from(
    { length: CRITERIA_ROWS },
    (_, i) => parsePoints(values[`criteria.${i}.maxPoints`] ?? '') ?? 0,
  ).reduce((sum, value) => sum + value, 0);
  const price = parsePoints(values.priceWeightBp ?? '') ?? 0;
  return (
    <Form action={props.action}>
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <input type="hidden" name="do" value="save" />
      <fieldset class="stack">
        <legend>{text.basics}</legend>
        <TextField {...f('title')} label={text.title} required maxLength={100} />
        <TextArea {...f('description')} label={text.description} required maxLength={20000} />
        <div class="row">
          <Select
            {...f('kind')}
            label={text.kind}
            options={PROCUREMENT_KINDS.map((value) => ({ value, label: text.kinds[value] }))}
          />
          <MoneyField {...f('ceilingFen')} label={text.ceiling} locale={locale} required />
        </div>
        <label class="check">
          <input
            type="checkbox"
            name="governmentPurchasedService"
            value="yes"
            checked={values.governmentPurchasedService === 'yes'}
          />
          {text.purchasedService}
        </label>
        <Select
          {...f('minResponsive')}
          label={text.minResponsive}
          options={[
            { value: '3', label: text.minResponsiveOptions.three },
            { value: '2', label: text.minResponsiveOptions.two },
          ]}
        />
        <TextArea {...f('requiredParts')} label={text.requiredParts} hint={text.requiredPartsHint} required />
      </fieldset>
      <fieldset class="stack">
        <legend>{text.criteria}</legend>
        <p class="hint">{text.criteriaHint}</p>
        <TextField
          {...f('priceWeightBp')}
          label={text.priceWeight}
          hint={text.priceWeightHint}
          inputMode="decimal"
          required
        />
        <div class="row">
          <TextArea
            {...f('weightApproval.reason')}
            label={text.approvalReason}
            hint={text.approvalReasonHint}
            maxLength={1000}
          />
          <TextField {...f('weightApproval.reference')} label={text.approvalReference} maxLength={100} />
        </div>
        <GroupError message={errors.criteria} />
        {Array.from({ length: CRITERIA_ROWS }, (_, i) => (
          <div class="row">
            <TextField {...f(`criteria.${i}.name`)} label={text.criterionName(i + 1)} maxLength={60} />
            <Select
              {...f(`criteria.${i}.kind`)}
              label={text.criterionKind(i + 1)}
              options={(['technical', 'business'] as const).map((value) => ({
                value,
                label: text.criterionKinds[value],
              }))}
            />
            <PointsField
              {...f(`criteria.${i}.maxPoints`)}
              label={text.criterionMax(i + 1)}
              max={FULL_MARKS}
            />
          </div>
        ))}
        <p>
          <strong>
            {text.pointsTotal(points(criteriaTotal), points(price), points(criteriaTotal + price))}
          </strong>
        </p>
      </fieldset>
      <fieldset class="stack">
        <legend>{text.panel}</legend>
        <p class="hint">{text.panelHint}</p>
        <GroupError message={errors.panel} />
        {Array.from({ length: PANEL_ROWS }, (_, i) => (
          <div class="row">
            <TextField {...f(`panel.${i}.name`)} label={text.memberName(i + 1)} maxLength={40} />
            <TextField
              {...f(`panel.${i}.judgeId`)}
              label={text.memberAccount(i + 1)}
              maxLength={128}
              list={KNOWN_JUDGES}
            />
          </div>
        ))}
        <KnownJudges judges={props.judges} />
      </fieldset>
      <fieldset class="stack">
        <legend>{text.dates}</legend>
        <div class="row">
          <DateTimeField
            {...f('biddingDeadline')}
            label={text.biddingDeadline}
            hint={text.beijingHint}
            required
          />
          <DateTimeField {...f('finalQuotationDeadline')} label={text.finalQuotationDeadline} required />
        </div>
        <TextField
          {...f('noticePrefix')}
          label={text.noticePrefix}
          hint={text.noticePrefixHint}
          maxLength={20}
        />
      </fieldset>
      <div class="actions">
        <button type="submit">{props.editing ? text.save : text.create}</button>
      </div>
    </Form>
  );
}
