import type { Locale } from '../../../shared/i18n.ts';
import { halfWidthDigits, parseYuan, yuanDecimal } from '../../../shared/money.ts';
import type { Proposal } from '../../../shared/proposal/model.ts';
import type { FieldMessages } from '../../ui/page.tsx';
import { commonTexts } from '../../ui/texts.ts';

/** A proposal form as typed: strings only, so it comes back exactly as it was sent. */
export interface ProposalDraft {
  teamId: string;
  title: string;
  category: string;
  community: string;
  need: string;
  plan: string;
  schedule: string;
  expectedBeneficiaries: string;
  lines: { item: string; unitPrice: string; quantity: string }[];
  minViable: string;
}

/** A typed count of at most `digits` digits (full-width ones too), or undefined. */
const wholeNumber = (typed: string, digits: number) => {
  const text = halfWidthDigits(typed);
  return text.length <= digits && /^\d+$/.test(text) ? Number(text) : undefined;
};

const EMPTY_LINE = { item: '', unitPrice: '', quantity: '1' };
const TEXT_FIELDS = ['title', 'category', 'community', 'need', 'plan', 'schedule'] as const;

export function proposalDraftOf(proposal?: Proposal): ProposalDraft {
  return {
    teamId: proposal?.teamId ?? '',
    title: proposal?.title ?? '',
    category: proposal?.category ?? '',
    community: proposal?.community ?? '',
    need: proposal?.need ?? '',
    plan: proposal?.plan ?? '',
    schedule: proposal?.schedule ?? '',
    expectedBeneficiaries: proposal?.expectedBeneficiaries?.toString() ?? '',
    lines: proposal?.budgetLines?.length
      ? proposal.budgetLines.map((line) => ({
          item: line.item,
          unitPrice: yuanDecimal(line.unitPriceFen),
          quantity: String(line.quantity),
        }))
      : [{ ...EMPTY_LINE }],
    minViable: proposal?.minViableFen === undefined ? '' : yuanDecimal(proposal.minViableFen),
  };
}

/** Reads the posted form; `do` may add a budget line or remove one instead of saving. */
export function proposalDraftFromForm(form: Record<string, string | string[]>) {
  const one = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
  const lines: ProposalDraft['lines'] = [];
  for (let i = 0; i < 100 && `budgetLines.${i}.item` in form; i++) {
    lines.push({
      item: one(`budgetLines.${i}.item`),
      unitPrice: one(`budgetLines.${i}.unitPrice`),
      quantity: one(`budgetLines.${i}.quantity`),
    });
  }
  const draft: ProposalDraft = {
    teamId: one('teamId'),
    title: one('title'),
    category: one('category'),
    community: one('community'),
    need: one('need'),
    plan: one('plan'),
    schedule: one('schedule'),
    expectedBeneficiaries: one('expectedBeneficiaries'),
    lines,
    minViable: one('minViable'),
  };
  const action = one('do');
  if (action === 'add-line') draft.lines.push({ ...EMPTY_LINE });
  const removed = /^remove-(\d+)$/.exec(action);
  if (removed) draft.lines.splice(Number(removed[1]), 1);
  const command = action === 'submit' || action === 'withdraw' ? action : action === 'save' ? 'save' : 'edit';
  return { draft, command: command as 'save' | 'submit' | 'withdraw' | 'edit' };
}

/**
 * The draft as the actions' patch, amounts turned from yuan into fen (shared/money.ts
 * parseYuan). What cannot be read (an amount with three decimals, a count with letters) comes
 * back as field errors in the page's language; empty fields are left out, as a draft may be
 * incomplete. The requested amount is the sum of the lines.
 */
export function proposalPatchOf(draft: ProposalDraft, locale: Locale) {
  const text = commonTexts[locale];
  const errors: FieldMessages = {};
  const patch: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) if (draft[field]) patch[field] = draft[field];
  if (draft.expectedBeneficiaries) {
    const beneficiaries = wholeNumber(draft.expectedBeneficiaries, 7);
    if (beneficiaries !== undefined) patch.expectedBeneficiaries = beneficiaries;
    else errors.expectedBeneficiaries = text.notAWholeNumber;
  }
  const budgetLines: Record<string, unknown>[] = [];
  draft.lines.forEach((line, i) => {
    if (!line.item && !line.unitPrice) return;
    const unitPriceFen = parseYuan(line.unitPrice);
    const quantity = wholeNumber(line.quantity, 6);
    if (unitPriceFen === undefined) errors[`budgetLines.${i}.unitPriceFen`] = text.notAnAmount;
    if (quantity === undefined) errors[`budgetLines.${i}.quantity`] = text.notAWholeNumber;
    budgetLines.push({
      item: line.item,
      unitPriceFen: unitPriceFen ?? 0,
      quantity: quantity ?? 0,
      amountFen: (unitPriceFen ?? 0) * (quantity ?? 0),
    });
  });
  if (budgetLines.length > 0) {
    patch.budgetLines = budgetLines;
    patch.requestedFen = budgetLines.reduce((sum, line) => sum + Number(line.amountFen), 0);
  }
  if (draft.minViable) {
    const fen = parseYuan(draft.minViable);
    if (fen === undefined) errors.minViableFen = text.notAnAmount;
    else patch.minViableFen = fen;
  }
  return { patch, errors };
}

/** The total of the lines as typed, in fen (lines that cannot be read count as nothing). */
export function draftTotalFen(draft: ProposalDraft): number {
  return draft.lines.reduce((sum, line) => {
    const price = parseYuan(line.unitPrice);
    const quantity = wholeNumber(line.quantity, 6) ?? 0;
    return sum + (price ?? 0) * quantity;
  }, 0);
}

/**
 * A field the person left empty gets "please fill this in" rather than the schema's wording
 * (which speaks of types): what is missing reads as missing.
 */
export function markMissing(errors: FieldMessages, draft: ProposalDraft, locale: Locale): FieldMessages {
  const out = { ...errors };
  for (const field of [...TEXT_FIELDS, 'expectedBeneficiaries', 'teamId'] as const) {
    if (out[field] && !draft[field]) out[field] = commonTexts[locale].fillIn;
  }
  if (out.budgetLines && draft.lines.every((line) => !line.item && !line.unitPrice))
    out.budgetLines = commonTexts[locale].fillIn;
  return out;
}
