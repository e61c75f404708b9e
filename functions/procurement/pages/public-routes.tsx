/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import { verifyNotice } from '../../../shared/awards/actions.ts';
import { ConflictError } from '../../../shared/errors.ts';
import { readEvaluation, readProcurement } from '../../../shared/procurement/actions.ts';
import { announcementRows } from '../../../shared/procurement/announcement.ts';
import { readProcurementNotice, verifyProcurementNotice } from '../../../shared/procurement/notices.ts';
import { createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { Id } from '../../http/params.ts';
import { definePage, pageParams } from '../../ui/page.tsx';
import { printedNoticeResponse } from '../../ui/print.tsx';
import { pick } from '../../ui/texts.ts';
import { defineVerifyPage } from '../../ui/verify.tsx';
import { ProcurementNoticePage } from './print.tsx';
import { AnnouncementPage, ResultPage } from './public.tsx';
import { procurementVerifyTexts, publicProcurementTexts } from './public-texts.ts';

const ProcurementParams = z.object({ procurementId: Id });
const NoticeParams = z.object({ procurementId: Id, teamId: Id });

/**
 * The public procurement pages, read as the API reads them: the announcement once announced (a
 * draft only by its office, 404 for anyone else), the result once awarded (409 before, for
 * everyone: the evaluation is final only then), notice verification; and the printed notice,
 * for its supplier and the office.
 */
export function publicPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'procurementAnnouncementPage', deps, async (c) => {
    const { procurementId } = pageParams(c, ProcurementParams);
    const procurement = await readProcurement(deps, c.get('principal'), procurementId);
    const locale = c.get('locale');
    return c.render(<AnnouncementPage locale={locale} procurement={procurement} />, {
      title: `${procurement.title} · ${pick(publicProcurementTexts, locale).announcement}`,
    });
  });

  definePage(app, 'procurementResultPage', deps, async (c) => {
    const { procurementId } = pageParams(c, ProcurementParams);
    const principal = c.get('principal');
    const locale = c.get('locale');
    const current = await readProcurement(deps, principal, procurementId);
    if (current.status !== 'awarded') throw new ConflictError('procurement.resultNotPublished');
    const { procurement, evaluation, supplierNames } = await readEvaluation(deps, principal, procurementId);
    const partNames = Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));
    const rows = announcementRows(evaluation, supplierNames, procurement.awardedBidId, locale, partNames);
    return c.render(<ResultPage locale={locale} procurement={procurement} rows={rows} />, {
      title: `${procurement.title} · ${pick(publicProcurementTexts, locale).result}`,
    });
  });

  defineVerifyPage(app, deps, {
    route: 'procurementNoticeVerifyPage',
    verify: verifyProcurementNotice,
    other: { route: 'verifyNoticePage', verify: verifyNotice },
    texts: procurementVerifyTexts,
    facts: (notice, text) => [
      [text.facts.kind, notice.kind === 'deal' ? text.facts.deal : text.facts.result],
      [text.facts.supplier, notice.supplierName],
      [text.facts.procurement, notice.procurementTitle],
    ],
  });

  definePage(app, 'procurementNoticePrint', deps, async (c) => {
    const { procurementId, teamId } = pageParams(c, NoticeParams);
    const principal = principalOf(c);
    const notice = await readProcurementNotice(deps, principal, procurementId, teamId);
    const procurement = await readProcurement(deps, principal, procurementId);
    const partNames = Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));
    return printedNoticeResponse(c, 'procurementNoticeVerifyPage', (links) => (
      <ProcurementNoticePage locale={c.get('locale')} notice={notice} partNames={partNames} {...links} />
    ));
  });

  return app;
}
