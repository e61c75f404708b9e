/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { verifyNotice } from '../../../shared/awards/actions.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { href } from '../../ui/href.ts';
import { pick } from '../../ui/texts.ts';
import { VerifyForm } from '../../ui/verify.tsx';
import { verifyTexts } from './texts.ts';

type Verdict = Awaited<ReturnType<typeof verifyNotice>>;

/** Number and code in, a contest notice's facts out (functions/ui/verify.tsx). */
export function VerifyPage(props: {
  locale: Locale;
  number: string;
  code: string;
  exampleNumber: string;
  verdict?: Verdict;
}) {
  const text = pick(verifyTexts, props.locale);
  const notice = props.verdict?.valid ? props.verdict.notice : undefined;
  return (
    <VerifyForm
      locale={props.locale}
      text={text}
      action={href('verifyNoticePage')}
      number={props.number}
      code={props.code}
      exampleNumber={props.exampleNumber}
      verdict={props.verdict}
      notice={notice}
      facts={
        notice
          ? [
              [text.facts.kind, notice.kind === 'selected' ? text.facts.selected : text.facts.notSelected],
              [text.facts.project, notice.title],
              [text.facts.contest, notice.contestTitle],
            ]
          : []
      }
      amountLabel={text.facts.amount}
      more={notice ? [[text.facts.digest, <span class="mono">{notice.bundleSha256}</span>]] : []}
    >
      <p class="muted">{text.digestHint}</p>
    </VerifyForm>
  );
}
