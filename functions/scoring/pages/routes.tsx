/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Principal } from '../../../shared/auth.ts';
import { readContest } from '../../../shared/contest/actions.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { t } from '../../../shared/i18n.ts';
import { parseYuan } from '../../../shared/money.ts';
import {
  declareConflict,
  myAssignments,
  readBlindProposal,
  readOwnSheet,
  saveSheet,
  submitSheet,
} from '../../../shared/review/actions.ts';
import { ConflictInput, type Sheet, type SheetInput } from '../../../shared/review/model.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import { Id } from '../../http/params.ts';
import { parsePoints } from '../../ui/format.ts';
import { doneMessage, formText, formValues, hrefOf } from '../../ui/office.tsx';
import { attempt, definePage, type FieldMessages, formOf, pageParams } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import {
  type AssignmentRow,
  AssignmentsPage,
  SheetPage,
  type SheetPageProps,
  sheetValues,
} from './judge.tsx';
import { officePages } from './office.tsx';
import { judgeTexts } from './texts.ts';

const SheetParams = z.object({ contestId: Id, proposalId: Id });

const unlessMissing = <T,>(read: Promise<T>): Promise<T | undefined> =>
  read.catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  });

/** Every assignment of the judge (a page of the API at a time), with the titles a judge may read. */
async function assignmentRows(deps: HttpDeps, principal: Principal): Promise<AssignmentRow[]> {
  const rows: AssignmentRow[] = [];
  const contests = new Map<string, Contest>();
  let cursor: string | undefined;
  do {
    const page = await myAssignments(deps, principal, { limit: 100, cursor });
    for (const item of page.items) {
      if (!contests.has(item.contestId))
        contests.set(item.contestId, await readContest(deps, principal, item.contestId));
      const blind = await readBlindProposal(deps, principal, item.contestId, item.proposalId).catch(
        () => undefined,
      );
      if (!blind) continue;
      rows.push({
        contestId: item.contestId,
        contestTitle: contests.get(item.contestId)!.title,
        proposalId: item.proposalId,
        title: blind.proposal.title ?? '—',
        sheet: item.sheet,
      });
    }
    cursor = page.next ?? undefined;
  } while (cursor);
  return rows;
}

/** The sheet as typed: points and yuan read into hundredths and fen, or the fields to fix. */
function readSheetForm(
  form: Record<string, string | string[]>,
  contest: Contest,
  text: (typeof judgeTexts)['en'],
): { input: SheetInput; errors: FieldMessages } {
  const errors: FieldMessages = {};
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const { code } of contest.rubric) {
    const typed = formText(form, `scores.${code}`);
    if (typed) {
      const value = parsePoints(typed);
      if (value === undefined) errors[`scores.${code}`] = text.notPoints;
      else scores[code] = value;
    }
    const comment = formText(form, `comments.${code}`);
    if (comment) comments[code] = comment;
  }
  const input: SheetInput = { scores, comments };
  const overall = formText(form, 'overallComment');
  if (overall) input.overallComment = overall;
  const recommended = formText(form, 'recommendedFen');
  if (recommended) {
    const fen = parseYuan(recommended);
    if (fen === undefined) errors.recommendedFen = text.notAmount;
    else input.recommendedFen = fen;
  }
  return { input, errors };
}

/** The action's field paths are the score's code alone; the form names it `scores.<code>`. */
function sheetErrors(fields: FieldMessages, contest: Contest): FieldMessages {
  const out: FieldMessages = { ...fields };
  for (const { code } of contest.rubric) {
    if (out[code] !== undefined) out[`scores.${code}`] ??= out[code]!;
  }
  return out;
}

/** The scoring function's pages: the judge's, then the office's panel, progress and ranking. */
export function scoringPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'judgeHome', deps, async (c) => {
    const locale = c.get('locale');
    const rows = await assignmentRows(deps, c.get('principal')!);
    return c.render(
      <AssignmentsPage locale={locale} rows={rows} done={doneMessage(c.req.query('done'), locale)} />,
      { title: pick(judgeTexts, locale).title },
    );
  });

  async function renderSheet(
    c: Context<AppEnv>,
    contestId: string,
    proposalId: string,
    extra: Partial<SheetPageProps> = {},
    status: 200 | 422 = 200,
  ) {
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const { proposal } = await readBlindProposal(deps, principal, contestId, proposalId);
    const contest = await readContest(deps, principal, contestId);
    const sheet = await unlessMissing(readOwnSheet(deps, principal, contestId, proposalId));
    c.status(status);
    return c.render(
      <SheetPage
        locale={locale}
        contest={contest}
        proposal={proposal}
        sheet={sheet}
        values={sheetValues(sheet)}
        errors={{}}
        done={doneMessage(c.req.query('done'), locale)}
        {...extra}
      />,
      { title: proposal.title ?? pick(judgeTexts, locale).sheet },
    );
  }

  definePage(app, 'judgeSheetPage', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, SheetParams);
    return renderSheet(c, contestId, proposalId);
  });

  definePage(app, 'judgeSheetPost', deps, async (c) => {
    const { contestId, proposalId } = pageParams(c, SheetParams);
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const text = pick(judgeTexts, locale);
    const form = await formOf(c);
    const op = formText(form, 'do');
    const here = hrefOf('judgeSheetPage', { contestId, proposalId });

    if (op === 'conflict') {
      const result = await attempt(locale, async () =>
        declareConflict(
          deps,
          principal,
          contestId,
          proposalId,
          parseOrThrow(ConflictInput, { reason: formText(form, 'reason') }).reason,
        ),
      );
      if (result.ok) return c.redirect(hrefOf('judgeHome', {}, { done: 'conflict' }), 303);
      return renderSheet(
        c,
        contestId,
        proposalId,
        { values: formValues(form), errors: result.fields, message: result.message },
        422,
      );
    }

    if (op === 'submit' && formText(form, 'confirmed') === 'yes') {
      const result = await attempt(locale, () => submitSheet(deps, principal, contestId, proposalId));
      if (result.ok) return c.redirect(hrefOf('judgeHome', {}, { done: 'sheetSubmitted' }), 303);
      const contest = await readContest(deps, principal, contestId);
      return renderSheet(
        c,
        contestId,
        proposalId,
        { errors: sheetErrors(result.fields, contest), message: result.message },
        422,
      );
    }

    const contest = await readContest(deps, principal, contestId);
    const { input, errors } = readSheetForm(form, contest, text);
    if (Object.keys(errors).length > 0) {
      return renderSheet(c, contestId, proposalId, { values: formValues(form), errors }, 422);
    }
    const current = await unlessMissing(readOwnSheet(deps, principal, contestId, proposalId));
    const saved = await attempt(locale, () =>
      saveSheet(deps, principal, contestId, proposalId, input, current?.version),
    );
    if (!saved.ok) {
      return renderSheet(
        c,
        contestId,
        proposalId,
        { values: formValues(form), errors: sheetErrors(saved.fields, contest), message: saved.message },
        422,
      );
    }
    if (op === 'submit') {
      const sheet: Sheet = saved.value.sheet;
      // The check of what is missing comes before the confirmation, not after it.
      const missing = Object.fromEntries(
        contest.rubric
          .filter((criterion) => sheet.scores[criterion.code] === undefined)
          .map((criterion) => [
            `scores.${criterion.code}`,
            t(locale, 'score.missing', { criterion: criterion.name }),
          ]),
      );
      if (Object.keys(missing).length > 0)
        return renderSheet(c, contestId, proposalId, { values: formValues(form), errors: missing }, 422);
      return renderSheet(c, contestId, proposalId, { values: formValues(form), confirm: sheet });
    }
    return c.redirect(`${here}?done=sheetSaved`, 303);
  });

  app.route('/', officePages(deps));
  return app;
}
