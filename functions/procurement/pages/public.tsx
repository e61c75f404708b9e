/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { joinList, type Locale } from '../../../shared/i18n.ts';
import type { AnnouncementRow } from '../../../shared/procurement/announcement.ts';
import { nextDeadline } from '../../../shared/procurement/lifecycle.ts';
import type { Procurement } from '../../../shared/procurement/store.ts';
import { DateTime, Money, ProcurementBadge, Table } from '../../ui/components.tsx';
import { date, nameList, points } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { commonTexts, pick } from '../../ui/texts.ts';
import { publicProcurementTexts } from './public-texts.ts';

/**
 * What the public reads of a procurement: its frozen set-up, never the panel or the bids; once it
 * is awarded, the result announcement adds the panel's names and every bid's result.
 */
export type PublicProcurement = Pick<
  Procurement,
  | 'id'
  | 'title'
  | 'description'
  | 'kind'
  | 'officeName'
  | 'status'
  | 'ceilingFen'
  | 'priceWeightBp'
  | 'criteria'
  | 'requiredParts'
  | 'minResponsive'
  | 'biddingDeadline'
  | 'finalQuotationDeadline'
  | 'announcedAt'
  | 'terminationReason'
>;

/** A list's deadline cell: the one people look to next, named (bids or final quotations), or —. */
export function NextDeadline(props: {
  locale: Locale;
  procurement: Pick<Procurement, 'status' | 'biddingDeadline' | 'finalQuotationDeadline'>;
  labels: { biddingDeadline: string; finalQuotationDeadline: string };
}) {
  const deadline = nextDeadline(props.procurement);
  if (!deadline) return <>—</>;
  const label =
    deadline.kind === 'bidding' ? props.labels.biddingDeadline : props.labels.finalQuotationDeadline;
  return (
    <>
      {label} <DateTime iso={deadline.at} locale={props.locale} />
    </>
  );
}

/** The price weight in basis points is the price's full points in hundredths (2000 bp → 20.00 points). */
const pricePoints = (procurement: Pick<Procurement, 'priceWeightBp'>) => points(procurement.priceWeightBp);

/**
 * The procurement announcement (采购公告): who buys what, the ceiling price in yuan, the deadlines
 * in Beijing time, the scoring rules and what a bid must contain, as frozen when it was announced.
 */
export function AnnouncementPage(props: { locale: Locale; procurement: PublicProcurement }) {
  const { locale, procurement } = props;
  const text = pick(publicProcurementTexts, locale);
  const f = text.facts;
  return (
    <>
      <p class="muted">{text.announcement}</p>
      <h1>{procurement.title}</h1>
      <p>
        {text.phase}
        {commonTexts[locale].colon}
        <ProcurementBadge status={procurement.status} locale={locale} />
      </p>
      {procurement.status === 'terminated' && procurement.terminationReason ? (
        <p class="notice bad">{text.terminated(procurement.terminationReason)}</p>
      ) : null}
      {procurement.status === 'awarded' ? (
        <p>
          <a href={href('procurementResultPage', { procurementId: procurement.id })}>{text.resultLink}</a>
        </p>
      ) : null}
      <dl class="facts card">
        <dt>{f.office}</dt>
        <dd>{procurement.officeName}</dd>
        <dt>{f.method}</dt>
        <dd>{f.methodValue}</dd>
        <dt>{f.kind}</dt>
        <dd>{f.kinds[procurement.kind]}</dd>
        <dt>{f.ceiling}</dt>
        <dd>
          <Money fen={procurement.ceilingFen} />
        </dd>
        <dt>{f.scoring}</dt>
        <dd>{f.scoringValue(pricePoints(procurement))}</dd>
        <dt>{f.minSuppliers}</dt>
        <dd>{f.minSuppliersValue(procurement.minResponsive)}</dd>
        <dt>{f.biddingDeadline}</dt>
        <dd>
          <DateTime iso={procurement.biddingDeadline} locale={locale} />
        </dd>
        <dt>{f.quotationDeadline}</dt>
        <dd>
          <DateTime iso={procurement.finalQuotationDeadline} locale={locale} />
        </dd>
        {procurement.announcedAt ? (
          <>
            <dt>{f.announcedAt}</dt>
            <dd>{date(procurement.announcedAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{text.description}</h2>
      <p class="prose">{procurement.description}</p>
      <h2>{text.criteria}</h2>
      <Table
        label={text.criteria}
        head={[text.criteriaHead.criterion, text.criteriaHead.kind, text.criteriaHead.points]}
        numeric={[2]}
        rows={[
          ...procurement.criteria.map((criterion) => [
            criterion.name,
            text.criterionKinds[criterion.kind],
            points(criterion.maxPoints),
          ]),
          [text.priceCriterion, text.criterionKinds.price, pricePoints(procurement)],
        ]}
      />
      <h2>{text.parts}</h2>
      <p class="muted">{text.partsLead}</p>
      <ul>
        {procurement.requiredParts.map((part) => (
          <li>{part.name}</li>
        ))}
      </ul>
      <h2>{text.howToBid}</h2>
      <p>{text.howToBidBody}</p>
    </>
  );
}

/**
 * The result announcement (成交结果公告, Art. 29): the awarded supplier and amount, then every
 * supplier that bid with its final quotation, price, technical and total score and rank, or why
 * it was not scored (shared/procurement/announcement.ts gives the rows).
 */
export function ResultPage(props: {
  locale: Locale;
  procurement: PublicProcurement & Pick<Procurement, 'awardedAt' | 'panel'>;
  rows: AnnouncementRow[];
}) {
  const { locale, procurement, rows } = props;
  const text = pick(publicProcurementTexts, locale);
  const head = text.resultHead;
  const awarded = rows.find((row) => row.outcome === 'awarded');
  const yuanOf = (amount: string | null) => (amount === null ? '—' : `¥${amount}`);
  const outcome = (row: AnnouncementRow) =>
    row.outcome === 'not-responsive'
      ? text.outcomes.notResponsive(joinList(locale, row.reasons, 'clauses'))
      : row.outcome === 'awarded'
        ? text.outcomes.awarded
        : text.outcomes.candidate;
  return (
    <>
      <p class="muted">{text.result}</p>
      <h1>{procurement.title}</h1>
      <dl class="facts card">
        <dt>{text.facts.office}</dt>
        <dd>{procurement.officeName}</dd>
        <dt>{text.facts.method}</dt>
        <dd>{text.facts.methodValue}</dd>
        {awarded ? (
          <>
            <dt>{text.awarded}</dt>
            <dd>{text.awardedValue(awarded.supplier, yuanOf(awarded.finalQuotationYuan))}</dd>
          </>
        ) : null}
        {procurement.awardedAt ? (
          <>
            <dt>{text.awardedAt}</dt>
            <dd>{date(procurement.awardedAt, locale)}</dd>
          </>
        ) : null}
        {/* The result announcement names the panel (Art. 29), never its members' sheets. */}
        <dt>{text.panel}</dt>
        <dd>{nameList(locale, procurement.panel)}</dd>
      </dl>
      <p class="lead">{text.resultLead}</p>
      <Table
        label={text.result}
        head={[
          head.rank,
          head.supplier,
          head.quotation,
          head.price,
          head.technical,
          head.total,
          head.outcome,
        ]}
        numeric={[0, 2, 3, 4, 5]}
        rows={rows.map((row) => [
          row.rank === null ? '—' : String(row.rank),
          row.supplier,
          yuanOf(row.finalQuotationYuan),
          row.priceScore ?? '—',
          row.technicalScore ?? '—',
          row.total ?? '—',
          outcome(row),
        ])}
      />
      <p class="muted">{text.rules}</p>
      <p>
        <a href={href('procurementAnnouncementPage', { procurementId: procurement.id })}>
          {text.announcementLink}
        </a>
        {' · '}
        <a href={href('procurementNoticeVerifyPage')}>{text.verifyLink}</a>
      </p>
    </>
  );
}
