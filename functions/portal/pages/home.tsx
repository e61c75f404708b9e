/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Contest } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import type { Procurement } from '../../../shared/procurement/store.ts';
import { routeTable } from '../../route-table.ts';
import { DateTime, Money, ProcurementBadge, StatusBadge } from '../../ui/components.tsx';
import { href } from '../../ui/href.ts';
import { pick } from '../../ui/texts.ts';
import { homeTexts } from './texts.ts';

export type ContestSummary = Pick<
  Contest,
  'id' | 'title' | 'officeName' | 'status' | 'budgetFen' | 'submissionDeadline'
>;

/** Where a contest's public page is. */
export const contestHref = (id: string) => href('contestPage', { contestId: id });

export type ProcurementSummary = Pick<
  Procurement,
  'id' | 'title' | 'officeName' | 'status' | 'ceilingFen' | 'biddingDeadline'
>;

/** A contest or a purchase on the home page: its title linked, its office and phase, its amount and deadline. */
function Card(props: {
  class: string;
  href: string;
  summary: { title: string; officeName: string };
  badge: Child;
  amount: [label: string, fen: number];
  deadline: [label: string, iso: string];
  locale: Locale;
}) {
  return (
    <li>
      <article class={props.class}>
        <h3>
          <a href={props.href}>{props.summary.title}</a>
        </h3>
        <p class="muted">{props.summary.officeName}</p>
        {props.badge}
        <dl class="facts">
          <dt>{props.amount[0]}</dt>
          <dd>
            <Money fen={props.amount[1]} />
          </dd>
          <dt>{props.deadline[0]}</dt>
          <dd>
            <DateTime iso={props.deadline[1]} locale={props.locale} />
          </dd>
        </dl>
      </article>
    </li>
  );
}

/**
 * The published contests as cards, each linking to its page, then the announced purchases
 * (never a draft), each linking to its public announcement.
 */
export function HomePage(props: {
  locale: Locale;
  contests: ContestSummary[];
  next: string | null;
  procurements: ProcurementSummary[];
}) {
  const { locale } = props;
  const text = pick(homeTexts, locale);
  return (
    <>
      <h1>{text.title}</h1>
      <p class="lead">{text.tagline}</p>
      <section aria-labelledby="contests">
        <h2 id="contests">{text.contestsHeading}</h2>
        {props.contests.length === 0 ? (
          <p class="muted">{text.noContests}</p>
        ) : (
          <ul class="cards">
            {props.contests.map((contest) => (
              <Card
                class="card contest"
                href={contestHref(contest.id)}
                summary={contest}
                badge={<StatusBadge status={contest.status} locale={locale} />}
                amount={[text.budget, contest.budgetFen]}
                deadline={[text.deadline, contest.submissionDeadline]}
                locale={locale}
              />
            ))}
          </ul>
        )}
        {props.next ? (
          <p>
            <a
              class="button secondary"
              href={`${routeTable.home.path}?${new URLSearchParams({ next: props.next })}`}
            >
              {text.moreContests}
            </a>
          </p>
        ) : null}
      </section>
      {props.procurements.length > 0 ? (
        <section aria-labelledby="procurements">
          <h2 id="procurements">{text.procurementsHeading}</h2>
          <ul class="cards">
            {props.procurements.map((procurement) => (
              <Card
                class="card"
                href={href('procurementAnnouncementPage', { procurementId: procurement.id })}
                summary={procurement}
                badge={<ProcurementBadge status={procurement.status} locale={locale} />}
                amount={[text.ceiling, procurement.ceilingFen]}
                deadline={[text.biddingDeadline, procurement.biddingDeadline]}
                locale={locale}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="developers">
        <h2 id="developers">{text.developersHeading}</h2>
        <ul>
          <li>
            <a href={routeTable.apiDocs.path}>{text.apiDocs}</a>
          </li>
          <li>
            <a href={routeTable.openapi.path}>{text.openapiJson}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
