/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Notice } from '../../../shared/bundle/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { Money } from '../../ui/components.tsx';
import { date } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { pick } from '../../ui/texts.ts';
import { noticesTexts } from './texts.ts';

/** A resident's notices, each linking to its printable page. */
export function NoticesPage(props: { locale: Locale; notices: Notice[] }) {
  const text = pick(noticesTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      {props.notices.length === 0 ? <p>{text.none}</p> : null}
      <ul class="cards">
        {props.notices.map((notice) => (
          <li>
            <article class="card">
              <h2>{notice.title}</h2>
              <p class="muted">
                {notice.contestTitle} · {notice.number}
              </p>
              <p>
                <strong>{notice.kind === 'selected' ? text.selected : text.notSelected}</strong>
                {notice.amountFen !== undefined ? (
                  <>
                    {' · '}
                    <Money fen={notice.amountFen} />
                  </>
                ) : null}
                {' · '}
                {text.issued} {date(notice.issuedAt, props.locale)}
              </p>
              <a
                class="button"
                href={href('printNotice', { contestId: notice.contestId, proposalId: notice.proposalId })}
              >
                {text.print}
              </a>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
