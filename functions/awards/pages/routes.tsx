/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { myNotices, readPrintableNotice, verifyNotice } from '../../../shared/awards/actions.ts';
import { myProcurementNotices, verifyProcurementNotice } from '../../../shared/procurement/notices.ts';
import { createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { definePage, pageParams } from '../../ui/page.tsx';
import { printedNoticeResponse } from '../../ui/print.tsx';
import { namesOf } from '../../ui/reasons.ts';
import { pick } from '../../ui/texts.ts';
import { defineVerifyPage } from '../../ui/verify.tsx';
import { NoticeParams } from '../schemas.ts';
import { NoticesPage } from './notices.tsx';
import { NoticePage } from './print.tsx';
import { noticesTexts, verifyTexts } from './texts.ts';

/** The awards function's pages: notice verification, a resident's notices and the printed notice. */
export function awardsPages(deps: HttpDeps) {
  const app = createRouter();

  defineVerifyPage(app, deps, {
    route: 'verifyNoticePage',
    verify: verifyNotice,
    other: { route: 'procurementNoticeVerifyPage', verify: verifyProcurementNotice },
    texts: verifyTexts,
    facts: (notice, text) => [
      [text.facts.kind, notice.kind === 'selected' ? text.facts.selected : text.facts.notSelected],
      [text.facts.project, notice.title],
      [text.facts.contest, notice.contestTitle],
    ],
    more: (notice, text) => [[text.facts.digest, <span class="mono">{notice.bundleSha256}</span>]],
    after: (text) => <p class="muted">{text.digestHint}</p>,
  });

  definePage(app, 'myNoticesPage', deps, async (c) => {
    const [{ items }, procurements] = await Promise.all([
      myNotices(deps, principalOf(c), { limit: 100 }),
      myProcurementNotices(deps, principalOf(c), { limit: 100 }),
    ]);
    const locale = c.get('locale');
    return c.render(<NoticesPage locale={locale} notices={items} procurements={procurements.items} />, {
      title: pick(noticesTexts, locale).title,
    });
  });

  definePage(app, 'printNotice', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, NoticeParams);
    const printable = await readPrintableNotice(deps, principalOf(c), contestId, proposalId);
    return printedNoticeResponse(c, 'verifyNoticePage', (links) => (
      <NoticePage
        locale={c.get('locale')}
        notice={printable.notice}
        addressee={printable.addressee}
        line={printable.line}
        names={namesOf(printable.contest, printable.lines)}
        {...links}
      />
    ));
  });

  return app;
}
