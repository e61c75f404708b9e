/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Notice } from '../../../shared/bundle/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { ProcurementNotice } from '../../../shared/procurement/notices.ts';
import { Money } from '../../ui/components.tsx';
import { date } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { pick } from '../../ui/texts.ts';
import { noticesTexts } from './texts.ts';

/** A resident's notices, each linking to its printable page: contests' and procurements'. */
export function NoticesPage(props: { locale: Locale; notices: Notice[]; procurements: ProcurementNotice[] }) {
  const text = pick(noticesTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      {props.notices.length === 0 && props.procurements.length === 0 ? <p>{text.none}</p> : null}
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
      {props.procurements.length > 0 ? (
        <>
          <h2>{text.procurements}</h2>
          <ul class="cards">
            {props.procurements.map((notice) => (
              <li>
                <article class="card">
                  <h3>{notice.procurementTitle}</h3>
                  <p class="muted">
                    {notice.supplierName} · {notice.number}
                  </p>
                  <p>
                    <strong>{notice.kind === 'deal' ? text.deal : text.result}</strong>
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
                    href={href('procurementNoticePrint', {
                      procurementId: notice.procurementId,
                      teamId: notice.teamId,
                    })}
                  >
                    {text.print}
                  </a>
                </article>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
