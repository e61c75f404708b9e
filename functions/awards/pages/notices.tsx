/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Notice } from '../../../shared/bundle/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { ProcurementNotice } from '../../../shared/procurement/notices.ts';
import { Money } from '../../ui/components.tsx';
import { date } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { pick } from '../../ui/texts.ts';
import { noticesTexts } from './texts.ts';

/** One notice as a card: what it is about, its number, its outcome, amount and date, and print. */
function NoticeCard(props: {
  locale: Locale;
  heading: string;
  level: 'h2' | 'h3';
  subtitle: string;
  outcome: string;
  amountFen: number | undefined;
  issuedAt: string;
  printHref: string;
}) {
  const text = pick(noticesTexts, props.locale);
  const Heading = props.level;
  return (
    <li>
      <article class="card">
        <Heading>{props.heading}</Heading>
        <p class="muted">{props.subtitle}</p>
        <p>
          <strong>{props.outcome}</strong>
          {props.amountFen !== undefined ? (
            <>
              {' · '}
              <Money fen={props.amountFen} />
            </>
          ) : null}
          {' · '}
          {text.issued} {date(props.issuedAt, props.locale)}
        </p>
        <a class="button" href={props.printHref}>
          {text.print}
        </a>
      </article>
    </li>
  );
}

/** A resident's notices, each linking to its printable page: contests' and procurements'. */
export function NoticesPage(props: { locale: Locale; notices: Notice[]; procurements: ProcurementNotice[] }) {
  const text = pick(noticesTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      {props.notices.length === 0 && props.procurements.length === 0 ? <p>{text.none}</p> : null}
      <ul class="cards">
        {props.notices.map((notice) => (
          <NoticeCard
            locale={props.locale}
            heading={notice.title}
            level="h2"
            subtitle={`${notice.contestTitle} · ${notice.number}`}
            outcome={notice.kind === 'selected' ? text.selected : text.notSelected}
            amountFen={notice.amountFen}
            issuedAt={notice.issuedAt}
            printHref={href('printNotice', { contestId: notice.contestId, proposalId: notice.proposalId })}
          />
        ))}
      </ul>
      {props.procurements.length > 0 ? (
        <>
          <h2>{text.procurements}</h2>
          <ul class="cards">
            {props.procurements.map((notice) => (
              <NoticeCard
                locale={props.locale}
                heading={notice.procurementTitle}
                level="h3"
                subtitle={`${notice.supplierName} · ${notice.number}`}
                outcome={notice.kind === 'deal' ? text.deal : text.result}
                amountFen={notice.amountFen}
                issuedAt={notice.issuedAt}
                printHref={href('procurementNoticePrint', {
                  procurementId: notice.procurementId,
                  teamId: notice.teamId,
                })}
              />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
