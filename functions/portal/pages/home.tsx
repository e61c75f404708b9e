/** @jsxRuntime automatic @jsxImportSource hono/jsx */
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
              <li>
                <article class="card contest">
                  <h3>
                    <a href={contestHref(contest.id)}>{contest.title}</a>
                  </h3>
                  <p class="muted">{contest.officeName}</p>
                  <StatusBadge status={contest.status} locale={locale} />
                  <dl class="facts">
                    <dt>{text.budget}</dt>
                    <dd>
                      <Money fen={contest.budgetFen} />
                    </dd>
                    <dt>{text.deadline}</dt>
                    <dd>
                      <DateTime iso={contest.submissionDeadline} locale={locale} />
                    </dd>
                  </dl>
                </article>
              </li>
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
              <li>
                <article class="card">
                  <h3>
                    <a href={href('procurementAnnouncementPage', { procurementId: procurement.id })}>
                      {procurement.title}
                    </a>
                  </h3>
                  <p class="muted">{procurement.officeName}</p>
                  <ProcurementBadge status={procurement.status} locale={locale} />
                  <dl class="facts">
                    <dt>{text.ceiling}</dt>
                    <dd>
                      <Money fen={procurement.ceilingFen} />
                    </dd>
                    <dt>{text.biddingDeadline}</dt>
                    <dd>
                      <DateTime iso={procurement.biddingDeadline} locale={locale} />
                    </dd>
                  </dl>
                </article>
              </li>
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
