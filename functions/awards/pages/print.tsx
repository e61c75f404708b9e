/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { BundleLine, Notice } from '../../../shared/bundle/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { points, yuan } from '../../ui/format.ts';
import { PrintedNotice } from '../../ui/print.tsx';
import { type Names, reasonText } from '../../ui/reasons.ts';
import { pick } from '../../ui/texts.ts';
import { printTexts } from './texts.ts';

export interface NoticePageProps {
  locale: Locale;
  notice: Notice;
  /** The team or organisation as the locked bundle froze its name; unknown on old bundles. */
  addressee: string | undefined;
  /** The proposal's line of the locked bundle: the amount requested and the officer's trim. */
  line: BundleLine | undefined;
  names: Names;
  /** The verification page's full URL, printed so a reader can type it. */
  verifyUrl: string;
  /** The same notice in the other language. */
  switchHref: string;
}

/**
 * The printable notice (通知书), one A4 page (functions/ui/print.tsx): addressed to the team or
 * organisation, the approved amount in figures and capital numerals (with the requested amount
 * and the reason when it was cut), or the result and why; the bundle's digest on the
 * verification line. See docs/awards.md.
 */
export function NoticePage(props: NoticePageProps) {
  const { notice, locale, line } = props;
  const text = pick(printTexts, locale);
  const selected = notice.kind === 'selected';
  const amountFen = notice.amountFen ?? 0;
  const cut = selected && line !== undefined && line.requestedFen > amountFen;
  const cutReason = line?.trim?.reason ?? (line ? reasonText(line.reason, locale, props.names) : '');
  return (
    <PrintedNotice
      locale={locale}
      title={selected ? text.title.selected : text.title.notSelected}
      number={notice.number}
      addressee={props.addressee || text.unknownTeam(notice.title)}
      officeName={notice.officeName}
      officeContact={notice.officeContact}
      issuedAt={notice.issuedAt}
      verificationCode={notice.verificationCode}
      verifyUrl={props.verifyUrl}
      verifyExtra={
        <>
          <br />
          {text.digest}
          {locale === 'zh-CN' ? '：' : ': '}
          {notice.bundleSha256}
        </>
      }
      switchHref={props.switchHref}
    >
      {selected ? (
        <p>
          {text.selected(notice.title, notice.contestTitle)}
          <span class="amount">{text.amount(yuan(amountFen), notice.amountCapital ?? '')}</span>
          {cut ? text.trimmed(yuan(line.requestedFen), cutReason) : null}
          {text.carryOut}
        </p>
      ) : (
        <p>
          {text.took(notice.title, notice.contestTitle)}
          {notice.score !== null && notice.rank !== null
            ? text.scored(points(notice.score), notice.rank)
            : null}
          {text.notSelected(reasonText(notice.reason, locale, props.names))}
          {text.thanks}
        </p>
      )}
    </PrintedNotice>
  );
}
