/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { verifyNotice } from '../../../shared/awards/actions.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { routeTable } from '../../route-table.ts';
import { Money, Notice, TextField } from '../../ui/components.tsx';
import { date } from '../../ui/format.ts';
import { pick } from '../../ui/texts.ts';
import { verifyTexts } from './texts.ts';

type Verdict = Awaited<ReturnType<typeof verifyNotice>>;

/** Number and code in (a plain GET form, so a result can be linked), the notice's facts out. */
export function VerifyPage(props: { locale: Locale; number: string; code: string; verdict?: Verdict }) {
  const text = pick(verifyTexts, props.locale);
  const notice = props.verdict?.valid ? props.verdict.notice : undefined;
  return (
    <>
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      <form method="get" action={routeTable.verifyNoticePage.path} class="stack card">
        <TextField
          name="number"
          label={text.number}
          hint={text.numberHint}
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
      {props.verdict && !notice ? <Notice tone="bad">{text.invalid}</Notice> : null}
      {notice ? (
        <section aria-labelledby="verdict">
          <Notice tone="ok">
            <strong id="verdict">{text.valid}</strong>
          </Notice>
          <dl class="facts card">
            <dt>{text.number}</dt>
            <dd>{notice.number}</dd>
            <dt>{text.facts.kind}</dt>
            <dd>{notice.kind === 'selected' ? text.facts.selected : text.facts.notSelected}</dd>
            <dt>{text.facts.project}</dt>
            <dd>{notice.title}</dd>
            <dt>{text.facts.contest}</dt>
            <dd>{notice.contestTitle}</dd>
            <dt>{text.facts.office}</dt>
            <dd>{notice.officeName}</dd>
            {notice.amountFen !== undefined ? (
              <>
                <dt>{text.facts.amount}</dt>
                <dd>
                  <Money fen={notice.amountFen} />
                  {props.locale === 'zh-CN' && notice.amountCapital ? `（${notice.amountCapital}）` : ''}
                </dd>
              </>
            ) : null}
            <dt>{text.facts.issued}</dt>
            <dd>{date(notice.issuedAt, props.locale)}</dd>
            <dt>{text.facts.digest}</dt>
            <dd class="mono">{notice.bundleSha256}</dd>
          </dl>
          <p class="muted">{text.digestHint}</p>
        </section>
      ) : null}
    </>
  );
}
