/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { joinList, type Locale, t } from '../../../shared/i18n.ts';
import { reasonText } from '../../../shared/procurement/announcement.ts';
import type { PanelBid, PanelSeat } from '../../../shared/procurement/panel.ts';
import type { Procurement } from '../../../shared/procurement/store.ts';
import { DraftActions, Form, Notice, ProcurementBadge, ProgressBar, Refusal } from '../../ui/components.tsx';
import { date, dateTime } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import type { FieldMessages } from '../../ui/page.tsx';
import {
  ConfirmConflict,
  ConfirmSheet,
  ConflictDeclaration,
  ScoreFieldsets,
  type SheetDraft,
  SubmittedScores,
  scoresDraft,
  sheetTexts,
} from '../../ui/sheet.tsx';
import { pick } from '../../ui/texts.ts';
import { panelTexts } from './panel-texts.ts';

/** The procurements a member sits on, newest first, each with its phase. */
export function PanelHomePage(props: {
  locale: Locale;
  seats: { seat: PanelSeat; status: Procurement['status'] }[];
}) {
  const text = pick(panelTexts, props.locale);
  return (
    <>
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      {props.seats.length === 0 ? <p>{text.none}</p> : null}
      <ul class="cards">
        {props.seats.map(({ seat, status }) => (
          <li>
            <section class="card">
              <h2>
                <a href={href('panelProcurementPage', { procurementId: seat.procurementId })}>{seat.title}</a>
              </h2>
              <p>
                {seat.officeName} · {date(seat.announcedAt, props.locale)} ·{' '}
                <ProcurementBadge status={status} locale={props.locale} />
              </p>
            </section>
          </li>
        ))}
      </ul>
    </>
  );
}

const partNamesOf = (procurement: Procurement) =>
  Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));

/** Where a bid stands for this member, in words. */
function bidState(bid: PanelBid, procurement: Procurement, locale: Locale): string {
  const text = pick(panelTexts, locale);
  if (isSubmitted(bid)) return text.states.submitted;
  if (bid.conflict) return text.states[bid.conflict];
  if (bid.reasons.length > 0)
    return text.states.out(
      joinList(
        locale,
        bid.reasons.map((reason) => reasonText(reason, locale, partNamesOf(procurement))),
        'clauses',
      ),
    );
  return bid.sheet ? text.states.draft : text.states.missing;
}

/** A bid the member is to score: responsive, not conflicted. */
const toScore = (bid: PanelBid) => bid.conflict === undefined && bid.reasons.length === 0;

/** The member's sheet for the bid is submitted (a draft is not). */
const isSubmitted = (bid: PanelBid) => bid.sheet?.status === 'submitted';

/**
 * One procurement for a member: sealed until the bidding deadline (nothing shown); then the
 * suppliers, each with this member's state, and the progress of the member's own sheets.
 */
export function PanelProcurementPage(props: {
  locale: Locale;
  procurement: Procurement;
  sealed: boolean;
  bids: PanelBid[];
  done?: 'submitted' | 'declared' | undefined;
}) {
  const { locale, procurement } = props;
  const text = pick(panelTexts, locale);
  const scoring = procurement.status === 'evaluation';
  const mine = props.bids.filter(toScore);
  return (
    <>
      <p class="muted">
        <a href={href('procurementAnnouncementPage', { procurementId: procurement.id })}>
          {text.announcement}
        </a>{' '}
        · <ProcurementBadge status={procurement.status} locale={locale} />
      </p>
      <h1>{procurement.title}</h1>
      {props.done ? (
        <Notice tone="ok">
          {props.done === 'declared' ? text.declared : pick(sheetTexts, locale).submitted}
        </Notice>
      ) : null}
      {props.sealed ? (
        <Notice>
          {text.sealed}
          {t(locale, 'procurement.bidsSealed', { deadline: procurement.biddingDeadline })}
        </Notice>
      ) : (
        <>
          <p class="lead">{scoring ? text.lead : text.waiting}</p>
          {scoring ? (
            <ProgressBar done={mine.filter(isSubmitted).length} total={mine.length} locale={locale} />
          ) : null}
          <ul>
            {props.bids.map((bid) => (
              <li>
                <a href={href('panelSheetPage', { procurementId: procurement.id, teamId: bid.teamId })}>
                  {bid.supplierName}
                </a>{' '}
                · {bidState(bid, procurement, locale)}
              </li>
            ))}
          </ul>
          {procurement.status === 'awarded' ? (
            <p>
              <a href={href('procurementResultPage', { procurementId: procurement.id })}>{text.result}</a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

/** The member's sheet as stored (a draft or the submitted sheet), empty before the first save. */
export const panelDraftOf = (procurement: Procurement, bid: PanelBid): SheetDraft =>
  scoresDraft(procurement.criteria, bid.sheet?.scores);

/**
 * A supplier's bid beside the member's score sheet: the technical and business criteria in
 * points, blind to the other members; read-only once submitted; the conflict declaration.
 */
export function PanelSheetPage(props: {
  locale: Locale;
  procurement: Procurement;
  bid: PanelBid;
  draft: SheetDraft;
  errors?: FieldMessages | undefined;
  message?: string | undefined;
  confirmTotal?: number | undefined;
  /** The reason of a conflict declaration to confirm. */
  confirmConflict?: string | undefined;
  saved?: boolean | undefined;
}) {
  const { locale, procurement, bid, draft, errors } = props;
  const text = pick(panelTexts, locale);
  const sheet = pick(sheetTexts, locale);
  const ids = { procurementId: procurement.id, teamId: bid.teamId };
  const action = href('panelSheetPost', ids);
  const submitted = isSubmitted(bid);
  const scorable = procurement.status === 'evaluation' && !submitted && toScore(bid);
  const conflictOpen =
    ['consultation', 'final-quotation', 'evaluation'].includes(procurement.status) &&
    !submitted &&
    !bid.conflict;
  // The version the member's next write is conditioned on (If-Match); 0 before the first save.
  const version = String(bid.sheet?.version ?? 0);
  const reopening = bid.sheet?.status === 'draft' ? bid.sheet.reopenings.at(-1) : undefined;
  const kinds = [
    ['technical', text.technical],
    ['business', text.business],
  ] as const;
  return (
    <>
      <p class="muted">
        <a href={href('panelProcurementPage', { procurementId: procurement.id })}>{text.back}</a> ·{' '}
        {procurement.title}
      </p>
      <h1>{bid.supplierName}</h1>
      <p class="muted">{text.blindNote}</p>
      {props.saved ? <Notice tone="ok">{text.saved}</Notice> : null}
      {reopening ? <Notice>{text.reopened(reopening.reason, dateTime(reopening.at, locale))}</Notice> : null}
      <Refusal locale={locale} message={props.message} errors={errors} />
      {props.confirmConflict !== undefined ? (
        <ConfirmConflict
          locale={locale}
          action={action}
          reason={props.confirmConflict}
          cancelHref={href('panelSheetPage', ids)}
        />
      ) : null}
      <section class="card">
        <h2>{text.bid}</h2>
        {procurement.requiredParts.map((part) => (
          <>
            <h3>{part.name}</h3>
            <p class="prose">{bid.parts[part.code] ?? '—'}</p>
          </>
        ))}
      </section>
      {props.confirmTotal !== undefined ? (
        <ConfirmSheet
          locale={locale}
          action={action}
          total={props.confirmTotal}
          cancelHref={href('panelSheetPage', ids)}
          hidden={{ ...draft, version }}
        >
          <p>{text.confirmBody}</p>
        </ConfirmSheet>
      ) : null}
      <h2>{sheet.sheet}</h2>
      {submitted && bid.sheet ? (
        <SubmittedScores
          locale={locale}
          criteria={procurement.criteria}
          draft={draft}
          total={bid.sheet.total}
        />
      ) : bid.conflict ? (
        <Notice>{text.conflicted[bid.conflict]}</Notice>
      ) : bid.reasons.length > 0 && procurement.status === 'evaluation' ? (
        <Notice>{text.notScored}</Notice>
      ) : !scorable ? (
        <Notice>{text.notYet}</Notice>
      ) : (
        <Form action={action}>
          <input type="hidden" name="version" value={version} />
          {kinds.map(([kind, label]) => {
            const criteria = procurement.criteria.filter((criterion) => criterion.kind === kind);
            return criteria.length === 0 ? null : (
              <>
                <h3>{label}</h3>
                <ScoreFieldsets locale={locale} criteria={criteria} draft={draft} errors={errors} />
              </>
            );
          })}
          <DraftActions save={text.saveDraft} submit={sheet.submit} />
        </Form>
      )}
      {conflictOpen ? (
        <ConflictDeclaration locale={locale} action={action} hint={text.conflictHint} errors={errors} />
      ) : null}
    </>
  );
}
