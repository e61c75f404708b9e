/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Locale } from '../../shared/i18n.ts';
import type { AppEnv } from '../http/app.ts';
import type { RouteName } from '../route-table.ts';
import { officialDate } from './format.ts';
import { href } from './href.ts';
import { switchLanguageHref } from './session.ts';
import { commonTexts } from './texts.ts';

/*
 * A printed notice (通知书), whatever it notifies (a contest's award, a procurement's deal or
 * result): one A4 page, black on white, its own document without the site's layout. The page
 * writes its own paragraphs; this gives it the title and number, the addressee, the office's
 * contact, the office and the date as an official document writes them, and the line that
 * verifies it.
 */

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

/** The printed notice carries only its own inline print styles. */
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export interface PrintedNoticeProps {
  locale: Locale;
  title: string;
  number: string;
  /** Who it is addressed to, as the salutation names them. */
  addressee: string;
  officeName: string;
  officeContact?: string | undefined;
  issuedAt: string;
  verificationCode: string;
  /** The verification page's full URL, printed so a reader can type it. */
  verifyUrl: string;
  /** What the verification line adds after the URL (the contest's bundle digest). */
  verifyExtra?: Child;
  /** The same notice in the other language. */
  switchHref: string;
  /** The notice's own paragraphs. */
  children?: Child;
}

/** The notice's frame: its paragraphs between the heading and the office's signature. */
export function PrintedNotice(props: PrintedNoticeProps) {
  const { locale } = props;
  const text = commonTexts[locale].printed;
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const colon = commonTexts[locale].colon;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.number} ${props.title}`}</title>
        <style>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <main>
          <h1>{props.title}</h1>
          <p class="number">{props.number}</p>
          <p>{text.salutation(props.addressee)}</p>
          {props.children}
          {props.officeContact ? (
            <p>
              {text.contact}
              {colon}
              {props.officeContact}
            </p>
          ) : null}
          <p class="signature">
            {props.officeName}
            <br />
            {officialDate(props.issuedAt, locale)}
          </p>
          <p class="verify">
            {text.verify(props.number, props.verificationCode)}{' '}
            <a href={props.verifyUrl}>{props.verifyUrl}</a>
            {props.verifyExtra}
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

/**
 * What a printed notice's route answers: the notice's own page (not the layout) under its own
 * CSP, with the verification page's full URL and the language switch filled in.
 */
export async function printedNoticeResponse(
  c: Context<AppEnv>,
  verifyRoute: RouteName,
  render: (links: { verifyUrl: string; switchHref: string }) => Child,
) {
  const locale = c.get('locale');
  const page = render({
    verifyUrl: `${new URL(c.req.url).origin}${href(verifyRoute)}`,
    switchHref: switchLanguageHref(c, locale === 'zh-CN' ? 'en' : 'zh-CN'),
  });
  c.header('content-security-policy', PRINT_CSP);
  return c.html(`<!doctype html>${await (page as { toString(): string | Promise<string> }).toString()}`, 200);
}
