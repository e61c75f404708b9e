/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Contest } from '../../shared/contest/model.ts';
import type { Locale } from '../../shared/i18n.ts';
import { formatYuan } from '../../shared/money.ts';
import { routeTable } from '../route-table.ts';
import { docsAssetUrl } from './docs-assets.ts';
import { formatDeadline, pageText } from './messages.ts';
import { portalAssetUrl } from './portal-assets.ts';

/** The local runtime's sign-in page; it has no route-table entry because AWS never serves it. */
export const DEV_SIGN_IN_PATH = '/dev/sign-in';

export type ContestSummary = Pick<
  Contest,
  'id' | 'title' | 'officeName' | 'status' | 'budgetFen' | 'submissionDeadline'
>;

async function renderDocument(page: Child): Promise<string> {
  return `<!DOCTYPE html>${await (page ?? '').toString()}`;
}

function homeHref(params: Record<string, string>): string {
  return `${routeTable.home.path}?${new URLSearchParams(params)}`;
}

function Layout(props: { locale: Locale; title: string; head?: Child; children?: Child }) {
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.head}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

function ContestCard({ contest, locale }: { contest: ContestSummary; locale: Locale }) {
  const text = pageText[locale];
  return (
    <li class="contest">
      <h3>{contest.title}</h3>
      <p class="office">{contest.officeName}</p>
      <span class={`status status-${contest.status}`}>{text.statuses[contest.status]}</span>
      <dl class="facts">
        <dt>{text.budget}</dt>
        <dd>¥{formatYuan(contest.budgetFen)}</dd>
        <dt>{text.deadline}</dt>
        <dd>
          <time datetime={contest.submissionDeadline}>
            {formatDeadline(contest.submissionDeadline, locale)}
          </time>
        </dd>
      </dl>
    </li>
  );
}

interface HomeProps {
  locale: Locale;
  contests: ContestSummary[];
  next: string | null;
}

function HomePage(props: HomeProps) {
  const { locale } = props;
  const text = pageText[locale];
  return (
    <Layout
      locale={locale}
      title={`${text.productName} ${text.productNameOther}`}
      head={
        <>
          <meta name="description" content={text.tagline} />
          <link rel="stylesheet" href={portalAssetUrl('portal.css')} />
          <link rel="alternate" hreflang="zh-CN" href={homeHref({ lang: 'zh-CN' })} />
          <link rel="alternate" hreflang="en" href={homeHref({ lang: 'en' })} />
        </>
      }
    >
      <header class="site">
        <div class="wrap">
          <a class="brand" href={homeHref({ lang: locale })}>
            {text.productName}
            <small>{text.productNameOther}</small>
          </a>
          <nav>
            <a href={homeHref({ lang: text.switchLanguageTo })} hreflang={text.switchLanguageTo}>
              {text.switchLanguage}
            </a>
            <a href={DEV_SIGN_IN_PATH}>{text.signIn}</a>
          </nav>
        </div>
      </header>
      <main class="wrap">
        <section class="intro">
          <h1>
            {text.productName} / {text.productNameOther}
          </h1>
          <p>{text.tagline}</p>
        </section>
        <section aria-labelledby="contests">
          <h2 id="contests">{text.contestsHeading}</h2>
          {props.contests.length === 0 ? (
            <p class="empty">{text.noContests}</p>
          ) : (
            <ul class="contests">
              {props.contests.map((contest) => (
                <ContestCard contest={contest} locale={locale} />
              ))}
            </ul>
          )}
          {props.next ? (
            <a class="more" href={homeHref({ lang: locale, next: props.next })}>
              {text.moreContests}
            </a>
          ) : null}
        </section>
        <section aria-labelledby="developers">
          <h2 id="developers">{text.developersHeading}</h2>
          <ul class="links">
            <li>
              <a href={routeTable.apiDocs.path}>{text.apiDocs}</a>
            </li>
            <li>
              <a href={routeTable.openapi.path}>{text.openapiJson}</a>
            </li>
          </ul>
        </section>
        <footer>{text.footer}</footer>
      </main>
    </Layout>
  );
}

/** Swagger UI, all of it served by this app: the docs work with no internet. */
function DocsPage({ locale }: { locale: Locale }) {
  const text = pageText[locale];
  return (
    <Layout
      locale={locale}
      title={text.docsTitle}
      head={
        <>
          <link rel="stylesheet" href={docsAssetUrl('swagger-ui.css')} />
          <link rel="stylesheet" href={docsAssetUrl('docs.css')} />
        </>
      }
    >
      <noscript>
        <p>
          {text.docsNoScript} <a href={routeTable.openapi.path}>{routeTable.openapi.path}</a>
        </p>
      </noscript>
      <div id="swagger-ui" />
      <script src={docsAssetUrl('swagger-ui-bundle.js')} />
      <script src={docsAssetUrl('swagger-ui-standalone-preset.js')} />
      <script src={docsAssetUrl('docs-init.js')} />
    </Layout>
  );
}

export const renderHomePage = (props: HomeProps) => renderDocument(<HomePage {...props} />);
export const renderDocsPage = (locale: Locale) => renderDocument(<DocsPage locale={locale} />);
