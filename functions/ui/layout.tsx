/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Role } from '../../shared/auth.ts';
import { joinList } from '../../shared/i18n.ts';
import type { AppEnv } from '../http/app.ts';
import { type RouteName, routeTable } from '../route-table.ts';
import { uiAssetUrl } from './assets.ts';
import { CSRF_FIELD, currentPath, signInHref, switchLanguageHref } from './session.ts';
import { type CommonText, commonTexts } from './texts.ts';

/** The header's links: each a page route, shown to the roles that may open it. */
export const NAV: { route: RouteName; label: keyof CommonText['nav']; roles?: Role[] }[] = [
  { route: 'home', label: 'contests' },
  { route: 'myProposalsPage', label: 'mine', roles: ['resident'] },
  { route: 'myTeamsPage', label: 'teams', roles: ['resident'] },
  { route: 'myNoticesPage', label: 'notices', roles: ['resident'] },
  { route: 'supplierProcurementsPage', label: 'procurements', roles: ['resident'] },
  { route: 'judgePage', label: 'judging', roles: ['judge'] },
  { route: 'panelHomePage', label: 'panels', roles: ['judge'] },
  { route: 'officeHome', label: 'office', roles: ['officer'] },
];

/** Every page's frame: language, header (who is signed in, sign-out, 中文/English), main, footer. */
export function Layout(props: { c: Context<AppEnv>; title: string; children?: Child }) {
  const { c } = props;
  const locale = c.get('locale');
  const principal = c.get('principal');
  const text = commonTexts[locale];
  const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const links = NAV.filter(
    (item) => !item.roles || item.roles.some((role) => principal?.roles.includes(role)),
  );
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${text.productName}`}</title>
        <link rel="stylesheet" href={uiAssetUrl('ui.css')} />
        <script src={uiAssetUrl('ui.js')} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {text.skipToContent}
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href={routeTable.home.path}>
              {text.productName}
            </a>
            <nav aria-label={text.productName}>
              {links.map((item) => (
                <a href={routeTable[item.route].path}>{text.nav[item.label]}</a>
              ))}
              <a href={switchLanguageHref(c, other)} hreflang={other} lang={other}>
                {text.switchLanguage}
              </a>
              {principal ? (
                <>
                  <span class="who">
                    {text.signedInAs(
                      principal.name,
                      joinList(
                        locale,
                        principal.roles.map((role) => text.roles[role]),
                      ),
                    )}
                  </span>
                  <form method="post" action={routeTable.signOut.path}>
                    <input type="hidden" name={CSRF_FIELD} value={c.get('csrfToken') ?? ''} />
                    <button type="submit" class="link">
                      {text.signOut}
                    </button>
                  </form>
                </>
              ) : (
                <a href={signInHref(currentPath(c))}>{text.signIn}</a>
              )}
            </nav>
          </div>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-foot wrap">{text.footer}</footer>
      </body>
    </html>
  );
}
