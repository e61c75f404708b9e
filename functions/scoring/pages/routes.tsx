/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readContest } from '../../../shared/contest/actions.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { parseYuan } from '../../../shared/money.ts';
import {
  checkSheetSubmission,
  declareConflict,
  myAssignments,
  readBlindProposal,
  readOwnSheet,
  saveSheet,
  submitSheet,
} from '../../../shared/review/actions.ts';
import { ConflictInput, type Sheet } from '../../../shared/review/model.ts';
import { sheetTotal } from '../../../shared/scoring.ts';
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
  sheetTexts,
  sheetVersion,
} from '../../ui/sheet.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { AssignmentsPage, SheetPage, sheetDraftOf } from './judge.tsx';
import { officePages } from './office.tsx';
import { judgeTexts } from './texts.ts';

const ProposalParams = z.object({ contestId: Id, proposalId: Id });
const Done = z.object({ done: z.enum(['saved', 'submitted', 'declared']).optional() });

/** Absent rather than failing: a judge who has not saved a sheet yet. */
const sheetOrNothing = (read: Promise<Sheet>) =>
  read.catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });

/** The typed sheet as the action's input: points into hundredths, yuan into fen. */
/** The typed form's own errors (points that are not points, an amount that is not yuan), by field. */
class FormInvalid extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('the form has errors');
  }
}

function sheetInputOf(draft: SheetDraft, contest: Contest, locale: Locale) {
  const { scores, errors } = readScores(draft, contest.rubric, locale);
  const comments: Record<string, string> = {};
  for (const { code } of contest.rubric) {
    if (draft[`comments.${code}`]) comments[code] = draft[`comments.${code}`]!;
  }
  const input: {
    scores: Record<string, number>;
    comments: Record<string, string>;
    overallComment?: string;
    recommendedFen?: number;
  } = { scores, comments };
  if (draft.overallComment) input.overallComment = draft.overallComment;
  if (draft.recommended) {
    const fen = parseYuan(draft.recommended);
    if (fen === undefined) errors.recommendedFen = commonTexts[locale].notAnAmount;
    else input.recommendedFen = fen;
  }
  return { input, errors };
}

/** A judge's pages: assignments with progress, and the blind proposal beside the score sheet. */
export function scoringPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'judgePage', deps, async (c) => {
    const principal = principalOf(c);
    const { items } = await myAssignments(deps, principal, { limit: 100 });
    const contests = new Map<string, string>();
    const rows = [];
    for (const a of items) {
      if (!contests.has(a.contestId))
        contests.set(a.contestId, (await readContest(deps, principal, a.contestId)).title);
      const { proposal } = await readBlindProposal(deps, principal, a.contestId, a.proposalId);
      rows.push({ ...a, contestTitle: contests.get(a.contestId)!, title: proposal.title ?? '—' });
    }
    const locale = c.get('locale');
    // A declared conflict lands here (its sheet is closed to the judge now), saying so.
    const declared = pageQuery(c, Done)?.done === 'declared';
    return c.render(<AssignmentsPage locale={locale} rows={rows} declared={declared} />, {
      title: pick(judgeTexts, locale).title,
    });
  });

  const render = async (
    c: Context<AppEnv>,
    contestId: string,
    proposalId: string,
    extra: {
      draft?: SheetDraft;
      errors?: FieldMessages;
      message?: string;
      done?: 'saved' | 'submitted' | 'declared';
      confirmTotal?: number;
      confirmConflict?: string;
    } = {},
  ) => {
    const principal = principalOf(c);
    const [{ proposal }, contest, sheet] = await Promise.all([
      readBlindProposal(deps, principal, contestId, proposalId),
      readContest(deps, principal, contestId),
      sheetOrNothing(readOwnSheet(deps, principal, contestId, proposalId)),
    ]);
    if (extra.message) c.status(422);
    return c.render(
      <SheetPage
        locale={c.get('locale')}
        contest={contest}
        proposal={proposal}
        sheet={sheet}
        draft={extra.draft ?? sheetDraftOf(sheet, contest)}
        errors={extra.errors && scoreFieldErrors(extra.errors, contest.rubric)}
        message={extra.message}
        done={extra.done}
        confirmTotal={extra.confirmTotal}
        confirmConflict={extra.confirmConflict}
      />,
      { title: proposal.title ?? pick(sheetTexts, c.get('locale')).sheet },
    );
  };

  definePage(app, 'sheetPage', deps, (c) => {
    const { contestId, proposalId } = pageParams(c, ProposalParams);
    return render(c, contestId, proposalId, { done: pageQuery(c, Done)?.done });
  });

  definePage(app, 'saveSheetPage', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, ProposalParams);
    const principal = principalOf(c);
    const locale = c.get('locale');
    const form = await formOf(c);
    formAction(form, ['conflict', 'confirm-submit', 'submit', 'save']);
    const draft = sheetDraftOfForm(form);
    const done = (what: string) =>
      c.redirect(href('sheetPage', { contestId, proposalId }, { done: what }), 303);
    const version = sheetVersion(draft);
    if (draft.do === 'conflict') {
      // Final: the reason is checked, then confirmed, then recorded.
      const declared = await attempt(locale, async () => {
        const { reason } = parseOrThrow(ConflictInput, { reason: draft.reason ?? '' });
        if (draft.confirmed === 'yes') await declareConflict(deps, principal, contestId, proposalId, reason);
        return { reason, recorded: draft.confirmed === 'yes' };
      });
      if (!declared.ok)
        return render(c, contestId, proposalId, { errors: declared.fields, message: declared.message });
      if (!declared.value.recorded)
        return render(c, contestId, proposalId, { confirmConflict: declared.value.reason });
      return c.redirect(href('judgePage', {}, { done: 'declared' }), 303);
    }
    // The action reads the contest and turns the typed points into the sheet with its rubric:
    // a save or a submission is one read and one write, as through the API.
    const fromForm = (contest: Contest) => {
      const { input, errors } = sheetInputOf(draft, contest, locale);
      if (Object.keys(errors).length > 0) throw new FormInvalid(errors);
      return input;
    };
    try {
      const result = await attempt(locale, async () => {
        // Nothing is written before the judge confirms: the sheet is checked as its submission
        // will be, and the confirmation step shows its total.
        if (draft.do === 'submit')
          return sheetTotal(await checkSheetSubmission(deps, principal, contestId, proposalId, fromForm));
        // A confirmed submission carries the typed sheet: saved and submitted in one write.
        if (draft.do === 'confirm-submit')
          await submitSheet(deps, principal, contestId, proposalId, version, fromForm);
        else await saveSheet(deps, principal, contestId, proposalId, fromForm, version);
        return undefined;
      });
      // A final sheet shows what was submitted, not what was typed again (Back, a second tab).
      if (!result.ok)
        return render(c, contestId, proposalId, {
          ...(result.code === 'sheet.final' ? {} : { draft }),
          errors: result.fields,
          message: result.message,
        });
      if (result.value !== undefined)
        return render(c, contestId, proposalId, { draft, confirmTotal: result.value });
    } catch (error) {
      if (error instanceof FormInvalid)
        return render(c, contestId, proposalId, {
          draft,
          errors: error.errors,
          message: commonTexts[locale].fixErrors,
        });
      throw error;
    }
    return done(draft.do === 'confirm-submit' ? 'submitted' : 'saved');
  });

  app.route('/', officePages(deps));
  return app;
}
