/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { myNotices, readPrintableNotice, verifyNotice } from '../../../shared/awards/actions.ts';
import { myProcurementNotices, verifyProcurementNotice } from '../../../shared/procurement/notices.ts';
import { createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { href } from '../../ui/href.ts';
import { definePage, pageParams, pageQuery } from '../../ui/page.tsx';
import { printedNoticeResponse } from '../../ui/print.tsx';
import { namesOf } from '../../ui/reasons.ts';
import { pick } from '../../ui/texts.ts';
import { exampleNoticeNumber, VerifyQuery } from '../../ui/verify.tsx';
import { NoticeParams } from '../schemas.ts';
import { NoticesPage } from './notices.tsx';
import { NoticePage } from './print.tsx';
import { noticesTexts, verifyTexts } from './texts.ts';
import { VerifyPage } from './verify.tsx';

/** The awards function's pages: notice verification, a resident's notices and the printed notice. */
export function awardsPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'verifyNoticePage', deps, async (c) => {
    const { number, code } = pageQuery(c, VerifyQuery) ?? { number: '', code: '' };
    const verdict = number && code ? await verifyNotice(deps, number, code) : undefined;
    // Contest and procurement notices share an office's numbers: a procurement's deal or result
    // notice checked here is shown where procurement notices are verified.
    if (verdict && !verdict.valid && (await verifyProcurementNotice(deps, number, code)).valid)
      return c.redirect(href('procurementNoticeVerifyPage', {}, { number, code }), 303);
    const locale = c.get('locale');
    return c.render(
      <VerifyPage
        locale={locale}
        number={number}
        code={code}
        exampleNumber={exampleNoticeNumber(deps.clock.now())}
        verdict={verdict}
      />,
      { title: pick(verifyTexts, locale).title },
    );
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
