/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import { myNotices, verifyNotice } from '../../../shared/awards/actions.ts';
import { createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { definePage, pageQuery } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import { NoticesPage } from './notices.tsx';
import { noticesTexts, verifyTexts } from './texts.ts';
import { VerifyPage } from './verify.tsx';

const VerifyQuery = z.object({
  number: z.string().trim().max(80).default(''),
  code: z.string().trim().max(40).default(''),
});

/** The awards function's pages: notice verification and a resident's notices. */
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

  return app;
}
