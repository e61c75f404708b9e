/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Child } from 'hono/jsx';
import type { Locale } from '../../shared/i18n.ts';
import { noticeNumber, shanghaiYear } from '../../shared/notice.ts';
import { z } from '../../shared/zod.ts';
import type { AppEnv, HttpDeps } from '../http/app.ts';
import type { RouteName } from '../route-table.ts';
import { Money, Notice, TextField } from './components.tsx';
import { date } from './format.ts';
import { href } from './href.ts';
import { definePage, pageQuery } from './page.tsx';
import { pick, type Texts } from './texts.ts';

/*
 * A notice's public verification, whatever it notifies (a contest's award, a procurement's deal
 * or result): its number and code in (a plain GET form, so a result can be linked), whether it
 * is genuine out, then its public facts.
 */

/** The query a verification page reads: both fields, trimmed, empty when absent. */
export const VerifyQuery = z.object({
  number: z.string().trim().max(80).default(''),
  code: z.string().trim().max(40).default(''),
});

/** What each verification page says in its own words: what it checks, and an example number. */
export interface VerifyPageText {
  title: string;
  lead: string;
  numberHint: (example: string) => string;
  /** The amount's label (its kind's own facts are the page's). */
  facts: { amount: string };
}

/** The prefix the example number shows: the demo office's (infra/local/seed.ts), as people know it. */
export const EXAMPLE_NOTICE_PREFIX = '西屯微创投';

/**
 * The example a verification page gives: number 1 of this year (Beijing time), written by the
 * code that numbers notices (shared/notice.ts), so the example reads as a real number does.
 */
export const exampleNoticeNumber = (now: Date): string =>
  noticeNumber(EXAMPLE_NOTICE_PREFIX, shanghaiYear(now.toISOString()), 1);

interface VerifyText {
  number: string;
  code: string;
  codeHint: string;
  check: string;
  valid: string;
  invalid: string;
  office: string;
  issued: string;
}

const verifyTexts: Texts<VerifyText> = {
  'zh-CN': {
    number: '文号',
    code: '验证码',
    codeHint: '通知书底部的 10 位字符，大小写和空格不限',
    check: '核验',
    valid: '这份通知书真实有效。',
    invalid: '没有找到与这个文号和验证码相符的通知书。请核对后重试。',
    office: '发文单位',
    issued: '发出日期',
  },
  en: {
    number: 'Notice number',
    code: 'Verification code',
    codeHint: 'The 10 characters at the foot of the notice; case and spaces do not matter',
    check: 'Verify',
    valid: 'This notice is genuine.',
    invalid: 'No notice matches this number and code. Check them and try again.',
    office: 'Issued by',
    issued: 'Issued on',
  },
};

/** A genuine notice's public facts, as every kind of notice has them. */
export interface VerifiedNotice {
  number: string;
  officeName: string;
  amountFen?: number | undefined;
  amountCapital?: string | undefined;
  issuedAt: string;
}

export function VerifyForm(props: {
  locale: Locale;
  text: VerifyPageText;
  action: string;
  number: string;
  code: string;
  /** The example number the hint shows (exampleNoticeNumber). */
  exampleNumber: string;
  /** undefined before anything is checked. */
  verdict?: { valid: boolean };
  /** The genuine notice's facts: its kind and subject (facts, after the number), its amount's label. */
  notice?: VerifiedNotice | undefined;
  facts?: [string, Child][];
  amountLabel?: string;
  /** Facts after the date (the contest's bundle digest), and what follows the list. */
  more?: [string, Child][];
  children?: Child;
}) {
  const { locale, notice } = props;
  const text = pick(verifyTexts, locale);
  const rows: [string, Child][] = notice
    ? [
        [text.number, notice.number],
        ...(props.facts ?? []),
        [text.office, notice.officeName],
        ...(notice.amountFen !== undefined
          ? ([
              [
                props.amountLabel ?? '',
                <>
                  <Money fen={notice.amountFen} />
                  {locale === 'zh-CN' && notice.amountCapital ? `（${notice.amountCapital}）` : ''}
                </>,
              ],
            ] as [string, Child][])
          : []),
        [text.issued, date(notice.issuedAt, locale)],
        ...(props.more ?? []),
      ]
    : [];
  return (
    <>
      <h1>{props.text.title}</h1>
      <p class="lead">{props.text.lead}</p>
      <form method="get" action={props.action} class="stack card">
        <TextField
          name="number"
          label={text.number}
          hint={props.text.numberHint(props.exampleNumber)}
          value={props.number}
          required
          maxLength={80}
        />
        <TextField
          name="code"
          label={text.code}
          hint={text.codeHint}
          value={props.code}
          required
          maxLength={40}
        />
        <div class="actions">
          <button type="submit">{text.check}</button>
        </div>
      </form>
      {props.verdict && !props.verdict.valid ? <Notice tone="bad">{text.invalid}</Notice> : null}
      {props.verdict?.valid ? (
        <section aria-labelledby="verdict">
          <Notice tone="ok">
            <strong id="verdict">{text.valid}</strong>
          </Notice>
          <dl class="facts card">
            {rows.map(([label, value]) => (
              <>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
          {props.children}
        </section>
      ) : null}
    </>
  );
}

/** How one kind of notice is checked: genuine, with its public facts, or not. */
type Verdict = { valid: false } | { valid: true; notice: VerifiedNotice };
type Verify<V extends Verdict> = (deps: HttpDeps, typed: string, code: string) => Promise<V>;
type NoticeOf<V extends Verdict> = Extract<V, { valid: true }>['notice'];

/**
 * One kind of notice's verification page: the form, and once both fields are given the verdict
 * and the notice's facts. An office's contest and procurement notices share its numbers: a
 * genuine notice of the other kind is shown where that kind is verified (303).
 */
export function defineVerifyPage<V extends Verdict, T extends VerifyPageText>(
  app: OpenAPIHono<AppEnv>,
  deps: HttpDeps,
  page: {
    route: RouteName;
    verify: Verify<V>;
    other: { route: RouteName; verify: Verify<Verdict> };
    texts: Texts<T>;
    /** The notice's kind and subject, after its number. */
    facts: (notice: NoticeOf<V>, text: T) => [string, Child][];
    /** Facts after the date, and what follows the list. */
    more?: (notice: NoticeOf<V>, text: T) => [string, Child][];
    after?: (text: T) => Child;
  },
): void {
  definePage(app, page.route, deps, async (c) => {
    const { number, code } = pageQuery(c, VerifyQuery) ?? { number: '', code: '' };
    const verdict = number && code ? await page.verify(deps, number, code) : undefined;
    if (verdict && !verdict.valid && (await page.other.verify(deps, number, code)).valid)
      return c.redirect(href(page.other.route, {}, { number, code }), 303);
    const locale = c.get('locale');
    const text = pick(page.texts, locale);
    const notice = verdict?.valid ? verdict.notice : undefined;
    return c.render(
      <VerifyForm
        locale={locale}
        text={text}
        action={href(page.route)}
        number={number}
        code={code}
        exampleNumber={exampleNoticeNumber(deps.clock.now())}
        verdict={verdict}
        notice={notice}
        facts={notice ? page.facts(notice, text) : []}
        amountLabel={text.facts.amount}
        more={notice && page.more ? page.more(notice, text) : []}
      >
        {page.after?.(text)}
      </VerifyForm>,
      { title: text.title },
    );
  });
}
