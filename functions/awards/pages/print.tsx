/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from 'hono/html';
import type { BundleLine, Notice } from '../../../shared/bundle/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { officialDate, points, yuan } from '../../ui/format.ts';
import { type Names, reasonText } from '../../ui/reasons.ts';
import { commonTexts, pick } from '../../ui/texts.ts';
import { printTexts } from './texts.ts';

/** A4, black on white, nothing but the notice when printed. */
const PRINT_CSS = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Songti SC", serif; color: #000; max-width: 170mm; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin: 0 0 0.5rem; }
.number { text-align: center; margin-bottom: 2rem; }
.amount { font-weight: bold; }
.signature { text-align: right; margin-top: 3rem; }
.verify { margin-top: 3rem; font-size: 10pt; border-top: 1px solid #000; padding-top: 0.5rem; word-break: break-all; }
.verify a { color: #000; }
.print { margin: 1rem 0; }
.print a { display: inline-block; min-height: 44px; line-height: 44px; color: #00e; }
@media print { .print { display: none; } body { margin: 0; } }
`;

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
 * The printable notice (通知书), one A4 page: addressed to the team or organisation, the approved
 * amount in figures and capital numerals (with the requested amount and the reason when it was
 * cut), or the result and why; the office and the date as an official document writes it (no
 * clock time); the number, code and page that verify it. See docs/awards.md.
 */
export function NoticePage(props: NoticePageProps) {
  const { notice, locale, line } = props;
  const text = pick(printTexts, locale);
  const selected = notice.kind === 'selected';
  const title = selected ? text.title.selected : text.title.notSelected;
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const amountFen = notice.amountFen ?? 0;
  const cut = selected && line !== undefined && line.requestedFen > amountFen;
  const cutReason = line?.trim?.reason ?? (line ? reasonText(line.reason, locale, props.names) : '');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${notice.number} ${title}`}</title>
        <style>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p class="number">{notice.number}</p>
          <p>{text.salutation(props.addressee || text.unknownTeam(notice.title))}</p>
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
          {notice.officeContact ? (
            <p>
              {text.contact}
              {locale === 'zh-CN' ? '：' : ': '}
              {notice.officeContact}
            </p>
          ) : null}
          <p class="signature">
            {notice.officeName}
            <br />
            {officialDate(notice.issuedAt, locale)}
          </p>
          <p class="verify">
            {text.verify(notice.number, notice.verificationCode)}{' '}
            <a href={props.verifyUrl}>{props.verifyUrl}</a>
            <br />
            {text.digest}
            {locale === 'zh-CN' ? '：' : ': '}
            {notice.bundleSha256}
          </p>
        </main>
        <p class="print">
          <a href={props.switchHref} hreflang={other} lang={other}>
            {commonTexts[locale].switchLanguage}
          </a>
          {' · '}
          {text.printHint}
        </p>
      </body>
    </html>
  );
}
