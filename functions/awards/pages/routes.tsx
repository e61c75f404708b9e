/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import { myNotices, readPrintableNotice, verifyNotice } from '../../../shared/awards/actions.ts';
import { createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { routeTable } from '../../route-table.ts';
import { definePage, pageParams, pageQuery } from '../../ui/page.tsx';
import { namesOf } from '../../ui/reasons.ts';
import { switchLanguageHref } from '../../ui/session.ts';
import { pick } from '../../ui/texts.ts';
import { NoticeParams } from '../schemas.ts';
import { NoticesPage } from './notices.tsx';
import { NoticePage } from './print.tsx';
import { noticesTexts, verifyTexts } from './texts.ts';
import { VerifyPage } from './verify.tsx';

/** The printed notice carries only its own inline print styles. */
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const VerifyQuery = z.object({
  number: z.string().trim().max(80).default(''),
  code: z.string().trim().max(40).default(''),
});

/** The awards function's pages: notice verification, a resident's notices and the printed notice. */
export function awardsPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'verifyNoticePage', deps, async (c) => {
    const { number, code } = pageQuery(c, VerifyQuery) ?? { number: '', code: '' };
    const verdict = number && code ? await verifyNotice(deps, number, code) : undefined;
    const locale = c.get('locale');
    return c.render(<VerifyPage locale={locale} number={number} code={code} verdict={verdict} />, {
      title: pick(verifyTexts, locale).title,
    });
  });

  definePage(app, 'myNoticesPage', deps, async (c) => {
    const { items } = await myNotices(deps, principalOf(c), { limit: 100 });
    const locale = c.get('locale');
    return c.render(<NoticesPage locale={locale} notices={items} />, {
      title: pick(noticesTexts, locale).title,
    });
  });

  definePage(app, 'printNotice', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, NoticeParams);
    const locale = c.get('locale');
    const printable = await readPrintableNotice(deps, principalOf(c), contestId, proposalId);
    const page = (
      <NoticePage
        locale={locale}
        notice={printable.notice}
        addressee={printable.addressee}
        line={printable.line}
        names={namesOf(printable.contest, printable.lines)}
        verifyUrl={`${new URL(c.req.url).origin}${routeTable.verifyNoticePage.path}`}
        switchHref={switchLanguageHref(c, locale === 'zh-CN' ? 'en' : 'zh-CN')}
      />
    );
    // Its own page, not the layout: the notice and nothing else, as printed.
    c.header('content-security-policy', PRINT_CSP);
    return c.html(`<!doctype html>${await page.toString()}`, 200);
  });

  return app;
}
