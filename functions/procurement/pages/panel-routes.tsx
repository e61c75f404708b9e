/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { declareConflict, saveSheet, submitSheet } from '../../../shared/procurement/actions.ts';
import { myPanelSeats, readPanelBid, readPanelWork } from '../../../shared/procurement/panel.ts';
import type { Procurement } from '../../../shared/procurement/store.ts';
import { getProcurement } from '../../../shared/procurement/store.ts';
import { sheetScoresSchema, sheetTotal } from '../../../shared/scoring.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps, principalOf } from '../../http/app.ts';
import { Id } from '../../http/params.ts';
import { href } from '../../ui/href.ts';
import {
  attempt,
  definePage,
  type FieldMessages,
  formAction,
  formOf,
  pageParams,
  pageQuery,
} from '../../ui/page.tsx';
import {
  readScores,
  type SheetDraft,
  scoreFieldErrors,
  sheetDraftOfForm,
  sheetVersion,
} from '../../ui/sheet.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { ReasonInput } from '../schemas.ts';
import { PanelHomePage, PanelProcurementPage, PanelSheetPage, panelDraftOf } from './panel.tsx';
import { panelTexts } from './panel-texts.ts';

const ProcurementParams = z.object({ procurementId: Id });
const BidParams = z.object({ procurementId: Id, teamId: Id });
const Done = z.object({ done: z.enum(['submitted', 'declared']).optional() });
const Saved = z.object({ done: z.enum(['saved']).optional() });

/** Only the sheet's own fields of a posted form, to carry through the confirm step. */
const scoresOf = (draft: SheetDraft, procurement: Procurement): SheetDraft =>
  Object.fromEntries(
    procurement.criteria.map(({ code }) => [`scores.${code}`, draft[`scores.${code}`] ?? '']),
  );

/**
 * A panel member's pages: the procurements they sit on; one procurement's bids with their own
 * state (sealed until the bidding deadline); a bid beside the member's score sheet. Saving a
 * draft is the API's `PUT …/sheet`; submitting is one write of the typed sheet (the API's
 * `POST …/sheet/submit`, final unless an officer reopens it), after a confirm step that shows the
 * total. Both are conditioned on the version the page was read at.
 */
export function panelPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'panelHomePage', deps, async (c) => {
    const { items } = await myPanelSeats(deps, principalOf(c), { limit: 100 });
    const seats = await Promise.all(
      items.map(async (seat) => ({
        seat,
        status: (await getProcurement(deps.db, seat.procurementId))?.status ?? 'terminated',
      })),
    );
    const locale = c.get('locale');
    return c.render(<PanelHomePage locale={locale} seats={seats} />, {
      title: pick(panelTexts, locale).title,
    });
  });

  definePage(app, 'panelProcurementPage', deps, async (c) => {
    const { procurementId } = pageParams(c, ProcurementParams);
    const work = await readPanelWork(deps, principalOf(c), procurementId);
    return c.render(
      <PanelProcurementPage locale={c.get('locale')} {...work} done={pageQuery(c, Done)?.done} />,
      { title: work.procurement.title },
    );
  });

  const render = async (
    c: Context<AppEnv>,
    ids: { procurementId: string; teamId: string },
    extra: {
      draft?: SheetDraft;
      errors?: FieldMessages;
      message?: string;
      confirmTotal?: number;
      confirmConflict?: string;
      saved?: boolean;
    } = {},
  ) => {
    const { procurement, bid } = await readPanelBid(deps, principalOf(c), ids.procurementId, ids.teamId);
    if (extra.message) c.status(422);
    return c.render(
      <PanelSheetPage
        locale={c.get('locale')}
        procurement={procurement}
        bid={bid}
        draft={extra.draft ?? panelDraftOf(procurement, bid)}
        errors={extra.errors && scoreFieldErrors(extra.errors, procurement.criteria)}
        message={extra.message}
        confirmTotal={extra.confirmTotal}
        confirmConflict={extra.confirmConflict}
        saved={extra.saved}
      />,
      { title: bid.supplierName },
    );
  };

  definePage(app, 'panelSheetPage', deps, (c) =>
    render(c, pageParams(c, BidParams), { saved: pageQuery(c, Saved)?.done === 'saved' }),
  );

  definePage(app, 'panelSheetPost', deps, async (c) => {
    const ids = pageParams(c, BidParams);
    const principal = principalOf(c);
    const locale = c.get('locale');
    const raw = await formOf(c);
    formAction(raw, ['conflict', 'save', 'submit', 'confirm-submit']);
    const form = sheetDraftOfForm(raw);
    if (form.do === 'conflict') {
      // Final: the reason is checked, then confirmed, then recorded.
      const declared = await attempt(locale, async () => {
        const { reason } = parseOrThrow(ReasonInput, { reason: form.reason ?? '' });
        if (form.confirmed === 'yes')
          await declareConflict(deps, principal, ids.procurementId, ids.teamId, reason);
        return { reason, recorded: form.confirmed === 'yes' };
      });
      if (!declared.ok) return render(c, ids, { errors: declared.fields, message: declared.message });
      if (!declared.value.recorded) return render(c, ids, { confirmConflict: declared.value.reason });
      return c.redirect(
        href('panelProcurementPage', { procurementId: ids.procurementId }, { done: 'declared' }),
        303,
      );
    }
    const { procurement } = await readPanelBid(deps, principal, ids.procurementId, ids.teamId);
    const draft = scoresOf(form, procurement);
    const { scores, errors } = readScores(draft, procurement.criteria, locale);
    if (Object.keys(errors).length > 0)
      return render(c, ids, { draft, errors, message: commonTexts[locale].fixErrors });
    const version = sheetVersion(form);
    // A submitted sheet shows what was submitted, not what was typed again (Back, a second tab).
    const refused = (result: { code: string; fields: FieldMessages; message: string }) =>
      render(c, ids, {
        ...(result.code === 'procurement.sheetSubmitted' ? {} : { draft }),
        errors: result.fields,
        message: result.message,
      });
    if (form.do === 'save') {
      const saved = await attempt(locale, () =>
        saveSheet(deps, principal, ids.procurementId, ids.teamId, scores, version),
      );
      if (!saved.ok) return refused(saved);
      return c.redirect(href('panelSheetPage', ids, { done: 'saved' }), 303);
    }
    if (form.do === 'confirm-submit' && form.confirmed === 'yes') {
      const submitted = await attempt(locale, () =>
        submitSheet(deps, principal, ids.procurementId, ids.teamId, scores, version),
      );
      if (!submitted.ok) return refused(submitted);
      return c.redirect(
        href('panelProcurementPage', { procurementId: ids.procurementId }, { done: 'submitted' }),
        303,
      );
    }
    // The first post checks the whole sheet and asks to confirm its total; nothing is written yet.
    const checked = await attempt(locale, async () =>
      parseOrThrow(sheetScoresSchema([...procurement.criteria], { complete: true }), scores),
    );
    if (!checked.ok) return render(c, ids, { draft, errors: checked.fields, message: checked.message });
    const total = sheetTotal(checked.value);
    return render(c, ids, { draft, confirmTotal: total });
  });

  return app;
}
