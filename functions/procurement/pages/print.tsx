/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { joinList, type Locale } from '../../../shared/i18n.ts';
import { reasonText } from '../../../shared/procurement/announcement.ts';
import type { NonResponsiveReason } from '../../../shared/procurement/evaluation.ts';
import type { ProcurementNotice } from '../../../shared/procurement/notices.ts';
import { points, yuan } from '../../ui/format.ts';
import { PrintedNotice } from '../../ui/print.tsx';
import { pick } from '../../ui/texts.ts';
import { procurementPrintTexts } from './print-texts.ts';

/**
 * The printable deal notice (成交通知书) or result notice, one A4 page (functions/ui/print.tsx):
 * to the supplier, the amount in figures and capitals, or its quotation, total and rank, or why
 * its bid was not scored; the office and the official date; the number and code that verify it.
 */
export function ProcurementNoticePage(props: {
  locale: Locale;
  notice: ProcurementNotice;
  /** The required parts by code, to name a missing one. */
  partNames: Record<string, string>;
  verifyUrl: string;
  switchHref: string;
}) {
  const { locale, notice } = props;
  const text = pick(procurementPrintTexts, locale);
  const deal = notice.kind === 'deal';
  const reasons = joinList(
    locale,
    notice.reasons.map((reason) => reasonText(reason as NonResponsiveReason, locale, props.partNames)),
    'clauses',
  );
  return (
    <PrintedNotice
      locale={locale}
      title={deal ? text.title.deal : text.title.result}
      number={notice.number}
      addressee={notice.supplierName}
      officeName={notice.officeName}
      officeContact={notice.officeContact}
      issuedAt={notice.issuedAt}
      verificationCode={notice.verificationCode}
      verifyUrl={props.verifyUrl}
      switchHref={props.switchHref}
    >
      {deal ? (
        <p>
          {text.deal(notice.procurementTitle)}
          <span class="amount">{text.amount(yuan(notice.amountFen ?? 0), notice.amountCapital ?? '')}</span>
          {text.contract}
        </p>
      ) : (
        <p>
          {text.took(notice.procurementTitle)}
          {notice.rank !== null && notice.total !== null && notice.finalQuotationFen !== null
            ? text.scored(yuan(notice.finalQuotationFen), points(notice.total), notice.rank)
            : text.notScored(reasons)}
          {text.thanks}
        </p>
      )}
    </PrintedNotice>
  );
}
