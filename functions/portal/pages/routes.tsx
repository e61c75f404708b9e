/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { listPublicContests } from '../../../shared/contest/actions.ts';
import { listAnnouncedProcurements } from '../../../shared/procurement/store.ts';
import { createRouter, type HttpDeps, SESSION_COOKIE } from '../../http/app.ts';
import { routeTable } from '../../route-table.ts';
import { definePage, pageQuery } from '../../ui/page.tsx';
import { signInTarget } from '../../ui/session.ts';
import { pick } from '../../ui/texts.ts';
import { HomePage } from './home.tsx';
import { homeTexts } from './texts.ts';

const HOME_PAGE_SIZE = 20;
/** The latest announced purchases on the home page (by bidding deadline, latest first). */
const HOME_PROCUREMENTS = 10;

/** The portal's pages: the home page and the sign-in seam. */
export function portalPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'home', deps, async (c) => {
    const query = pageQuery(c, z.object({ next: z.string().min(1).max(2048).optional() }));
    const [page, procurements] = await Promise.all([
      listPublicContests(deps, { limit: HOME_PAGE_SIZE, cursor: query?.next }),
      listAnnouncedProcurements(deps.db, deps.cursors, { limit: HOME_PROCUREMENTS }),
    ]);
    const locale = c.get('locale');
    return c.render(
      <HomePage locale={locale} contests={page.items} next={page.next} procurements={procurements.items} />,
      {
        title: pick(homeTexts, locale).title,
      },
    );
  });

  definePage(app, 'signIn', deps, (c) => c.redirect(signInTarget(deps, c.req.query('next') ?? '/'), 303));

  definePage(app, 'signOut', deps, (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(deps.signIn?.signedOutUrl ?? routeTable.home.path, 303);
  });

  return app;
}
