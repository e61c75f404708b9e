/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Principal } from '../../../shared/auth.ts';
import { joinList, type Locale } from '../../../shared/i18n.ts';
import { getOffice } from '../../../shared/office/office.ts';
import {
  announceProcurement,
  callFinalQuotations,
  closeBidding,
  confirmCandidate,
  createProcurement,
  declineCandidate,
  listBids,
  listOfficeProcurements,
  type OpenedBid,
  officeSheets,
  openBidding,
  procurementForOfficer,
  readEvaluation,
  recommend,
  reopenSheet,
  startEvaluation,
  terminateProcurement,
  updateProcurement,
} from '../../../shared/procurement/actions.ts';
import { reasonText } from '../../../shared/procurement/announcement.ts';
import { assertPhase, inPhase, type ProcurementPhase } from '../../../shared/procurement/lifecycle.ts';
import { ProcurementSetup } from '../../../shared/procurement/model.ts';
import {
  issueProcurementNotices,
  listProcurementNotices,
  type ProcurementNotice,
} from '../../../shared/procurement/notices.ts';
import type { BidSheet, Procurement } from '../../../shared/procurement/store.ts';
import { ReopenInput } from '../../../shared/review/panel.ts';
import { knownJudges } from '../../../shared/user/directory.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import {
  ConfirmStep,
  DateTime,
  DateTimeField,
  Form,
  Money,
  Notice,
  ProcurementBadge,
  ProgressBar,
  Select,
  Table,
  TextArea,
} from '../../ui/components.tsx';
import {
  beijingInputValue,
  criteriaList,
  dateTime,
  nameList,
  parseBeijingInput,
  points,
  timeLeft,
} from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import {
  confirmedStep,
  type FormState,
  formText,
  officeOf,
  officerOf,
  retyped,
  saveSetup,
  setUpPage,
} from '../../ui/office.tsx';
import { attempt, definePage, type FieldMessages, formAction, formOf, pageParams } from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { ProcurementParams, ReasonInput } from '../schemas.ts';
import {
  newProcurementValues,
  ProcurementForm,
  procurementFormErrors,
  procurementValues,
  readProcurementForm,
} from './office-form.tsx';
import { MOVES, type Move, officeProcurementTexts } from './office-texts.ts';
import { NextDeadline } from './public.tsx';

/** The move the dashboard offers in each phase (terminate is offered apart). */
const MOVE_OF: Partial<Record<ProcurementPhase, Move>> = {
  draft: 'announce',
  announced: 'openBidding',
  bidding: 'closeBidding',
  consultation: 'callFinalQuotations',
  'final-quotation': 'startEvaluation',
  evaluation: 'recommend',
  recommended: 'award',
};

const ACTIONS: Record<
  Move,
  (deps: HttpDeps, principal: Principal, id: string, version?: number) => Promise<unknown>
> = {
  announce: announceProcurement,
  openBidding,
  closeBidding,
  callFinalQuotations,
  startEvaluation,
  recommend,
  award: confirmCandidate,
};

/** Whether nothing is left to do: awarded, and every notice issued (the stored fact). */
const finished = (procurement: Procurement) =>
  procurement.status === 'awarded' && procurement.noticesIssuedAt !== undefined;

function ProcurementList(props: { locale: Locale; procurements: Procurement[] }) {
  const text = pick(officeProcurementTexts, props.locale);
  return (
    <>
      <h1>{text.list}</h1>
      <p class="lead">{text.listLead}</p>
      <p>
        <a class="button" href={href('officeNewProcurementPage')}>
          {text.newProcurement}
        </a>
      </p>
      {props.procurements.length === 0 ? (
        <p class="muted">{text.noProcurements}</p>
      ) : (
        <Table
          label={text.list}
          head={[text.head.title, text.head.phase, text.head.ceiling, text.head.deadline, text.head.next]}
          numeric={[2]}
          rows={props.procurements.map((procurement) => [
            <a href={href('officeProcurementPage', { procurementId: procurement.id })}>
              {procurement.title}
            </a>,
            <ProcurementBadge status={procurement.status} locale={props.locale} />,
            <Money fen={procurement.ceilingFen} />,
            <NextDeadline procurement={procurement} locale={props.locale} labels={text} />,
            finished(procurement) ? text.finished : text.next[procurement.status],
          ])}
        />
      )}
    </>
  );
}

type Confirming =
  | { kind: Move }
  | { kind: 'terminate' | 'decline'; reason: string }
  /** `sheet` names the sheet and the version read: `<teamId>/<judgeId>/<version>`. */
  | { kind: 'reopen'; reason: string; sheet: string };

/** A sheet as the reopen form names it, with the version it was read at (its If-Match). */
const SheetRef = z
  .string()
  .regex(/^([0-9A-Za-z-]{1,64})\/([\w@.:-]{1,128})\/(\d{1,9})$/)
  .transform((value) => {
    const [teamId, judgeId, version] = value.split('/') as [string, string, string];
    return { teamId, judgeId, version: Number(version) };
  });

/** What the dashboard reads once the bids are open: the bids, the evaluation, the notices. */
interface Opened {
  bids: OpenedBid[];
  /** The sheets as the office reads them (officeSheets): drafts by state only. */
  sheets: BidSheet[];
  evaluation: Awaited<ReturnType<typeof readEvaluation>>['evaluation'];
  nextCandidate: string | null;
  notices: ProcurementNotice[];
}

function Facts(props: { locale: Locale; procurement: Procurement; now: Date }) {
  const text = pick(officeProcurementTexts, props.locale);
  const { procurement, locale } = props;
  return (
    <dl class="facts card">
      <dt>{text.ceiling}</dt>
      <dd>
        <Money fen={procurement.ceilingFen} />
      </dd>
      <dt>{text.priceWeight}</dt>
      <dd>
        {points(procurement.priceWeightBp)}
        {procurement.weightApproval ? ` · ${procurement.weightApproval.reason}` : ''}
      </dd>
      <dt>{text.criteria}</dt>
      <dd>{criteriaList(locale, procurement.criteria, text.criterionKinds)}</dd>
      <dt>{text.requiredParts}</dt>
      <dd>{nameList(locale, procurement.requiredParts)}</dd>
      <dt>{text.minResponsive}</dt>
      <dd>{procurement.minResponsive}</dd>
      <dt>{text.panel}</dt>
      <dd>{nameList(locale, procurement.panel)}</dd>
      <dt>{text.biddingDeadline}</dt>
      <dd>
        <DateTime iso={procurement.biddingDeadline} locale={locale} /> ·{' '}
        {timeLeft(procurement.biddingDeadline, props.now, locale)}
      </dd>
      <dt>{text.finalQuotationDeadline}</dt>
      <dd>
        <DateTime iso={procurement.finalQuotationDeadline} locale={locale} /> ·{' '}
        {timeLeft(procurement.finalQuotationDeadline, props.now, locale)}
      </dd>
    </dl>
  );
}

function BidsSection(props: {
  locale: Locale;
  now: Date;
  procurement: Procurement;
  opened: Opened | undefined;
}) {
  const text = pick(officeProcurementTexts, props.locale);
  const { procurement, opened, locale } = props;
  const partNames = Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));
  // A missing final quotation counts only once none can come: from the final-quotation deadline
  // on, the final quotations are what responsiveness reads (one above the ceiling is out too).
  const quotesToCome =
    inPhase(procurement, 'sealed') ||
    procurement.status === 'consultation' ||
    (procurement.status === 'final-quotation' &&
      props.now.getTime() < Date.parse(procurement.finalQuotationDeadline));
  const results = new Map(opened?.evaluation.bids.map((bid) => [bid.bidId, bid]) ?? []);
  const responsiveness = (bid: OpenedBid) => {
    const reasons = (results.get(bid.teamId)?.reasons ?? []).filter(
      (reason) => !quotesToCome || reason.code !== 'no-final-quotation',
    );
    return reasons.length === 0
      ? text.responsiveYes
      : text.notResponsive(
          joinList(
            locale,
            reasons.map((reason) => reasonText(reason, locale, partNames)),
            'clauses',
          ),
        );
  };
  return (
    <section aria-labelledby="bids">
      <h2 id="bids">{text.bids}</h2>
      {!opened ? (
        <p class="muted">{text.bidsSealed(dateTime(procurement.biddingDeadline, locale))}</p>
      ) : opened.bids.length === 0 ? (
        <p class="muted">{text.noBids}</p>
      ) : (
        <Table
          label={text.bids}
          head={[
            text.bidHead.supplier,
            text.bidHead.certificate,
            text.bidHead.price,
            text.bidHead.finalQuotation,
            text.bidHead.responsive,
          ]}
          numeric={[2, 3]}
          rows={opened.bids.map((bid) => [
            bid.supplierName,
            bid.certificateNumber ?? text.none,
            <Money fen={bid.priceFen} />,
            bid.finalQuotationFen === null ? text.none : <Money fen={bid.finalQuotationFen} />,
            responsiveness(bid),
          ])}
        />
      )}
    </section>
  );
}

function PanelProgress(props: { locale: Locale; procurement: Procurement; opened: Opened }) {
  const text = pick(officeProcurementTexts, props.locale);
  const { evaluation } = props.opened;
  if (evaluation.outcome === 'terminated') return null;
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{text.panelProgress}</h2>
      <p class="muted">{text.panelProgressLead}</p>
      <ul class="stack">
        {props.procurement.panel.map((member) => {
          const done = evaluation.bids.filter((bid) =>
            bid.sheets.some((sheet) => sheet.judgeId === member.judgeId),
          ).length;
          const missing = evaluation.missingSheets.filter((m) => m.judgeId === member.judgeId).length;
          return (
            <li>
              <strong>{text.memberProgress(member.name)}</strong>
              <ProgressBar done={done} total={done + missing} locale={props.locale} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Every sheet there is, by supplier and member, with its state and reopenings; in evaluation,
 * before the recommendation, a submitted one can be reopened with a reason (confirmed next).
 */
function Sheets(props: {
  locale: Locale;
  procurement: Procurement;
  opened: Opened;
  values: FormState<Confirming>;
}) {
  const text = pick(officeProcurementTexts, props.locale).sheets;
  const { procurement, opened, locale } = props;
  if (opened.sheets.length === 0) return null;
  const suppliers = new Map(opened.bids.map((bid) => [bid.teamId, bid.supplierName]));
  const members = new Map(procurement.panel.map((member) => [member.judgeId, member.name]));
  const label = (sheet: BidSheet) =>
    `${suppliers.get(sheet.teamId) ?? sheet.teamId} · ${members.get(sheet.judgeId) ?? sheet.judgeId}`;
  const submitted = opened.sheets.filter((sheet) => sheet.status === 'submitted');
  const typed = props.values.values?.do === 'reopen' ? props.values : {};
  return (
    <section aria-labelledby="sheets">
      <h2 id="sheets">{text.title}</h2>
      <Table
        label={text.title}
        head={[text.head.supplier, text.head.member, text.head.state]}
        rows={opened.sheets.map((sheet) => [
          suppliers.get(sheet.teamId) ?? sheet.teamId,
          members.get(sheet.judgeId) ?? sheet.judgeId,
          <>
            {sheet.status === 'submitted' ? text.submitted(points(sheet.total)) : text.draft}
            {sheet.reopenings.map((reopening) => (
              <p class="muted">{text.reopened(reopening.reason, dateTime(reopening.at, locale))}</p>
            ))}
          </>,
        ])}
      />
      {procurement.status === 'evaluation' && submitted.length > 0 ? (
        <Form action={href('officeProcurementPost', { procurementId: procurement.id })}>
          <input type="hidden" name="do" value="reopen" />
          <p class="muted">{text.lead}</p>
          <Select
            name="sheet"
            label={text.sheet}
            value={typed.values?.sheet ?? ''}
            options={submitted.map((sheet) => ({
              value: `${sheet.teamId}/${sheet.judgeId}/${sheet.version}`,
              label: label(sheet),
            }))}
            errors={typed.errors ?? {}}
          />
          {/* Its own name: the terminate form's reason is on the same page (one id per field). */}
          <TextArea
            name="reopenReason"
            errorPath="reason"
            label={text.reason}
            value={typed.values?.reopenReason ?? ''}
            maxLength={1000}
            errors={typed.errors ?? {}}
          />
          <div class="actions">
            <button type="submit" class="secondary">
              {text.reopen}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function Ranking(props: { locale: Locale; procurement: Procurement; opened: Opened }) {
  const text = pick(officeProcurementTexts, props.locale);
  const { evaluation, bids } = props.opened;
  const names = new Map(bids.map((bid) => [bid.teamId, bid.supplierName]));
  const ranked = evaluation.bids.filter((bid) => bid.rank !== null);
  return (
    <section aria-labelledby="ranking">
      <h2 id="ranking">{text.ranking}</h2>
      {evaluation.outcome !== 'recommended' ? (
        <p class="muted">{text.rankingPending}</p>
      ) : (
        <>
          {props.procurement.status === 'evaluation' ? <p class="muted">{text.rankingPreview}</p> : null}
          <Table
            label={text.ranking}
            head={[
              text.rankHead.rank,
              text.rankHead.supplier,
              text.rankHead.finalQuotation,
              text.rankHead.priceScore,
              text.rankHead.technicalScore,
              text.rankHead.total,
            ]}
            numeric={[0, 2, 3, 4, 5]}
            rows={ranked.map((bid) => [
              String(bid.rank),
              names.get(bid.bidId) ?? text.none,
              <Money fen={bid.finalQuotationFen!} />,
              points(bid.priceScore!),
              points(bid.technicalScore!),
              <strong>{points(bid.total!)}</strong>,
            ])}
          />
        </>
      )}
    </section>
  );
}

function Award(props: {
  locale: Locale;
  procurement: Procurement;
  opened: Opened;
  values: FormState<Confirming>;
}) {
  const text = pick(officeProcurementTexts, props.locale);
  const { procurement, opened } = props;
  const names = new Map(opened.bids.map((bid) => [bid.teamId, bid.supplierName]));
  const name = (id: string) => names.get(id) ?? text.none;
  const action = href('officeProcurementPost', { procurementId: procurement.id });
  return (
    <section aria-labelledby="candidates">
      <h2 id="candidates">{text.candidates}</h2>
      <ol>
        {(procurement.candidates ?? []).map((id) => (
          <li>{name(id)}</li>
        ))}
      </ol>
      {(procurement.declined ?? []).map((declined) => (
        <p class="muted">{text.declinedBy(name(declined.bidId), declined.reason)}</p>
      ))}
      {procurement.awardedBidId ? <p>{text.awardedTo(name(procurement.awardedBidId))}</p> : null}
      {procurement.status === 'recommended' && opened.nextCandidate ? (
        <>
          <p>
            <strong>{text.candidateNow(name(opened.nextCandidate))}</strong>
          </p>
          <Form action={action}>
            <input type="hidden" name="do" value="decline" />
            <input type="hidden" name="version" value={String(procurement.version)} />
            <p class="muted">{text.declineLead}</p>
            <TextArea
              form="decline"
              name="reason"
              label={text.declineReason}
              value={props.values.values?.do === 'decline' ? props.values.values.reason : ''}
              maxLength={1000}
              errors={props.values.values?.do === 'decline' ? (props.values.errors ?? {}) : {}}
            />
            <div class="actions">
              <button type="submit" class="secondary">
                {text.decline}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function Notices(props: { locale: Locale; procurement: Procurement; notices: ProcurementNotice[] }) {
  const text = pick(officeProcurementTexts, props.locale);
  const { procurement } = props;
  return (
    <section aria-labelledby="notices">
      <h2 id="notices">{text.notices}</h2>
      <p class="muted">{text.noticesLead}</p>
      <p>
        <a href={href('procurementResultPage', { procurementId: procurement.id })}>{text.resultPage}</a>
      </p>
      {finished(procurement) ? null : (
        <Form action={href('officeProcurementPost', { procurementId: procurement.id })} class="actions">
          <input type="hidden" name="do" value="issue" />
          <button type="submit">{text.issueNotices}</button>
        </Form>
      )}
      {props.notices.length === 0 ? null : (
        <Table
          label={text.notices}
          head={[
            text.noticeHead.number,
            text.noticeHead.supplier,
            text.noticeHead.kind,
            text.noticeHead.open,
          ]}
          rows={props.notices.map((notice) => [
            notice.number,
            notice.supplierName,
            text.noticeKinds[notice.kind],
            <a
              href={href('procurementNoticePrint', { procurementId: procurement.id, teamId: notice.teamId })}
            >
              {text.openNotice}
            </a>,
          ])}
        />
      )}
    </section>
  );
}

function Dashboard(props: {
  locale: Locale;
  now: Date;
  procurement: Procurement;
  opened: Opened | undefined;
  state: FormState<Confirming>;
  done?: string | undefined;
  /** The judges the directory knows, for a draft's set-up form. */
  judges: readonly { sub: string; name: string }[];
}) {
  const { locale, procurement, opened, state } = props;
  const text = pick(officeProcurementTexts, locale);
  const action = href('officeProcurementPost', { procurementId: procurement.id });
  const here = href('officeProcurementPage', { procurementId: procurement.id });
  const version = String(procurement.version);
  const move = MOVE_OF[procurement.status];
  const confirm = state.confirm;
  const confirmTitle = confirm ? (confirm.kind in text.moves ? text.moves[confirm.kind as Move] : '') : '';
  const reasonErrors = state.values?.do === 'terminate' ? (state.errors ?? {}) : {};
  const reopening = confirm?.kind === 'reopen' ? confirm : undefined;
  const reopened = reopening && SheetRef.safeParse(reopening.sheet).data;
  const suppliers = new Map((opened?.bids ?? []).map((bid) => [bid.teamId, bid.supplierName]));
  const members = new Map(procurement.panel.map((member) => [member.judgeId, member.name]));
  // Confirming or declining names the candidate it is about, with its quotation and scores.
  const candidate =
    (confirm?.kind === 'award' || confirm?.kind === 'decline') && opened?.nextCandidate
      ? opened.evaluation.bids.find((bid) => bid.bidId === opened.nextCandidate)
      : undefined;
  const candidateFacts: [string, Child][] = candidate
    ? [
        [text.rankHead.supplier, suppliers.get(candidate.bidId) ?? candidate.bidId],
        [text.rankHead.rank, String(candidate.rank)],
        [text.rankHead.finalQuotation, <Money fen={candidate.finalQuotationFen!} />],
        [text.rankHead.total, points(candidate.total!)],
      ]
    : [];
  return (
    <>
      <h1>{procurement.title}</h1>
      <p class="lead">
        {procurement.officeName} · <ProcurementBadge status={procurement.status} locale={locale} />
        {procurement.announcedAt ? (
          <>
            {' · '}
            <a href={href('procurementAnnouncementPage', { procurementId: procurement.id })}>
              {text.publicPage}
            </a>
          </>
        ) : null}
      </p>
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {state.message ? <Notice tone="bad">{state.message}</Notice> : null}
      {reopening && reopened ? (
        <ConfirmStep
          locale={locale}
          title={text.sheets.reopen}
          action={action}
          confirmLabel={text.confirmMove(text.sheets.reopen)}
          cancelHref={here}
          hidden={{ do: 'reopen', sheet: reopening.sheet, reopenReason: reopening.reason }}
          facts={[
            [text.sheets.head.supplier, suppliers.get(reopened.teamId) ?? reopened.teamId],
            [text.sheets.head.member, members.get(reopened.judgeId) ?? reopened.judgeId],
            [text.reason, reopening.reason],
          ]}
        >
          <p>{text.sheets.reopenLead}</p>
        </ConfirmStep>
      ) : confirm && confirm.kind !== 'reopen' ? (
        <ConfirmStep
          locale={locale}
          title={
            confirm.kind === 'terminate'
              ? text.terminate
              : confirm.kind === 'decline'
                ? text.decline
                : confirmTitle
          }
          action={action}
          confirmLabel={text.confirmMove(
            confirm.kind === 'terminate'
              ? text.terminate
              : confirm.kind === 'decline'
                ? text.decline
                : confirmTitle,
          )}
          cancelHref={here}
          hidden={{ version, do: confirm.kind, ...('reason' in confirm ? { reason: confirm.reason } : {}) }}
          fields={
            confirm.kind === 'callFinalQuotations' ? (
              <DateTimeField
                name="finalQuotationDeadline"
                label={text.finalQuotationDeadline}
                hint={text.quotationDeadlineHint}
                value={
                  state.values?.finalQuotationDeadline ??
                  beijingInputValue(procurement.finalQuotationDeadline)
                }
                errors={state.errors ?? {}}
                required
              />
            ) : undefined
          }
          facts={[
            [text.title, procurement.title],
            ...(candidate
              ? candidateFacts
              : ([
                  [text.ceiling, <Money fen={procurement.ceilingFen} />],
                  [text.biddingDeadline, <DateTime iso={procurement.biddingDeadline} locale={locale} />],
                ] as [string, Child][])),
            ...('reason' in confirm ? [[text.reason, confirm.reason] as [string, string]] : []),
          ]}
        >
          <p>
            {confirm.kind === 'terminate'
              ? text.terminateLead
              : confirm.kind === 'decline'
                ? text.declineLead
                : text.moveLeads[confirm.kind]}
          </p>
          {/* The set-up's final-quotation deadline passed: the call sets a new one (Art. 21). */}
          {(confirm.kind === 'closeBidding' || confirm.kind === 'callFinalQuotations') &&
          props.now.getTime() >= Date.parse(procurement.finalQuotationDeadline) ? (
            <Notice tone="bad">
              {text.quotationWindowPassed[confirm.kind](dateTime(procurement.finalQuotationDeadline, locale))}
            </Notice>
          ) : null}
        </ConfirmStep>
      ) : null}
      <section class="card" aria-labelledby="phase">
        <h2 id="phase">{text.phase}</h2>
        <p>
          {text.nextStep}
          {commonTexts[locale].colon}
          {finished(procurement) ? (
            <>
              {text.finished} ·{' '}
              <a href={href('procurementResultPage', { procurementId: procurement.id })}>{text.resultPage}</a>
            </>
          ) : (
            text.next[procurement.status]
          )}
        </p>
        {procurement.terminationReason ? (
          <p>{text.terminatedBecause(procurement.terminationReason)}</p>
        ) : null}
        {move ? (
          <Form action={action} class="actions">
            <input type="hidden" name="do" value={move} />
            <input type="hidden" name="version" value={version} />
            <button type="submit">{text.moves[move]}</button>
          </Form>
        ) : null}
        {inPhase(procurement, 'terminable') ? (
          <Form action={action}>
            <input type="hidden" name="do" value="terminate" />
            <TextArea
              name="reason"
              label={text.terminateReason}
              value={state.values?.do === 'terminate' ? state.values.reason : ''}
              maxLength={1000}
              errors={reasonErrors}
            />
            <div class="actions">
              <button type="submit" class="secondary">
                {text.terminate}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      {opened && inPhase(procurement, 'award') ? (
        <Award locale={locale} procurement={procurement} opened={opened} values={state} />
      ) : null}
      {opened && procurement.status === 'awarded' ? (
        <>
          <Award locale={locale} procurement={procurement} opened={opened} values={state} />
          <Notices locale={locale} procurement={procurement} notices={opened.notices} />
        </>
      ) : null}
      {opened && ['evaluation', 'recommended', 'awarded'].includes(procurement.status) ? (
        <>
          <Ranking locale={locale} procurement={procurement} opened={opened} />
          <PanelProgress locale={locale} procurement={procurement} opened={opened} />
          <Sheets locale={locale} procurement={procurement} opened={opened} values={state} />
        </>
      ) : null}
      {procurement.status === 'draft' ? null : (
        <BidsSection locale={locale} now={props.now} procurement={procurement} opened={opened} />
      )}
      <section aria-labelledby="rules">
        <h2 id="rules">{text.rules}</h2>
        {procurement.status === 'draft' ? (
          <ProcurementForm
            locale={locale}
            action={action}
            values={
              state.confirm
                ? procurementValues(procurement)
                : (state.values ?? procurementValues(procurement))
            }
            errors={state.confirm ? {} : (state.errors ?? {})}
            editing
            judges={props.judges}
          />
        ) : (
          <>
            <p class="muted">{text.frozen}</p>
            <Facts locale={locale} procurement={procurement} now={props.now} />
          </>
        )}
      </section>
    </>
  );
}

/** The office's procurement pages: the list, the set-up form and each procurement's dashboard. */
export function procurementOfficePages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'officeProcurementsPage', deps, async (c) => {
    const { principal, locale } = officerOf(c);
    const page = await listOfficeProcurements(deps, principal, officeOf(principal), { limit: 100 });
    return c.render(<ProcurementList locale={locale} procurements={page.items} />, {
      title: pick(officeProcurementTexts, locale).list,
    });
  });

  async function renderNew(
    c: Context<AppEnv>,
    values: Record<string, string>,
    errors: FieldMessages,
    message?: string,
  ) {
    const { principal, locale } = officerOf(c);
    return setUpPage(
      c,
      pick(officeProcurementTexts, locale).setUp,
      message,
      <ProcurementForm
        locale={locale}
        action={href('officeNewProcurementPost')}
        values={values}
        errors={errors}
        judges={await knownJudges(deps.db, principal)}
      />,
    );
  }

  definePage(app, 'officeNewProcurementPage', deps, async (c) => {
    const { principal } = officerOf(c);
    const office = await getOffice(deps.db, officeOf(principal));
    return renderNew(c, newProcurementValues(deps.clock.now(), office?.noticePrefix ?? ''), {});
  });

  definePage(app, 'officeNewProcurementPost', deps, async (c) => {
    const { principal, locale } = officerOf(c);
    const form = await formOf(c);
    formAction(form, ['save']);
    const { input, errors } = readProcurementForm(form, undefined, pick(officeProcurementTexts, locale));
    return saveSetup(
      c,
      form,
      errors,
      () => createProcurement(deps, principal, officeOf(principal), parseOrThrow(ProcurementSetup, input)),
      {
        fieldErrors: procurementFormErrors,
        again: (state) => renderNew(c, state.values, state.errors, state.message),
        saved: ({ procurement }) =>
          c.redirect(
            href('officeProcurementPage', { procurementId: procurement.id }, { done: 'created' }),
            303,
          ),
      },
    );
  });

  async function renderDashboard(
    c: Context<AppEnv>,
    procurementId: string,
    state: FormState<Confirming> = {},
    status: 200 | 422 = 200,
  ) {
    const { principal, locale } = officerOf(c);
    const procurement = await procurementForOfficer(deps, principal, procurementId);
    let opened: Opened | undefined;
    const unsealed =
      !inPhase(procurement, 'sealed') &&
      deps.clock.now().getTime() >= Date.parse(procurement.biddingDeadline);
    if (unsealed) {
      const [bids, read, notices, sheets] = await Promise.all([
        listBids(deps, principal, procurementId),
        readEvaluation(deps, principal, procurementId),
        procurement.status === 'awarded' ? listProcurementNotices(deps, principal, procurementId) : [],
        officeSheets(deps, principal, procurementId),
      ]);
      opened = { bids, sheets, evaluation: read.evaluation, nextCandidate: read.nextCandidate, notices };
    }
    const done = c.req.query('done');
    c.status(status);
    return c.render(
      <Dashboard
        locale={locale}
        now={deps.clock.now()}
        procurement={procurement}
        opened={opened}
        state={state}
        done={done ? pick(officeProcurementTexts, locale).done[done] : undefined}
        judges={procurement.status === 'draft' ? await knownJudges(deps.db, principal) : []}
      />,
      { title: procurement.title },
    );
  }

  definePage(app, 'officeProcurementPage', deps, async (c) =>
    renderDashboard(c, pageParams(c, ProcurementParams).procurementId),
  );

  definePage(app, 'officeProcurementPost', deps, async (c) => {
    const { procurementId } = pageParams(c, ProcurementParams);
    const { principal, locale } = officerOf(c);
    const form = await formOf(c);
    const op = formAction(form, [...MOVES, 'terminate', 'decline', 'reopen', 'issue', 'save']);
    const confirmed = formText(form, 'confirmed') === 'yes';
    const version = Number(formText(form, 'version')) || undefined;
    const done = (key: string) =>
      c.redirect(href('officeProcurementPage', { procurementId }, { done: key }), 303);
    const refused = (result: { message: string; fields: FieldMessages }) =>
      renderDashboard(c, procurementId, { message: result.message }, 422);

    if ((MOVES as readonly string[]).includes(op)) {
      const move = op as Move;
      if (!confirmed) return renderDashboard(c, procurementId, { confirm: { kind: move } });
      if (move === 'callFinalQuotations') {
        // The call sets the final quotations' deadline, typed in Beijing time (Art. 21).
        const finalQuotationDeadline = parseBeijingInput(formText(form, 'finalQuotationDeadline'));
        const notDate = pick(officeProcurementTexts, locale).notDate;
        const result = finalQuotationDeadline
          ? await attempt(locale, () =>
              callFinalQuotations(deps, principal, procurementId, version, { finalQuotationDeadline }),
            )
          : { ok: false as const, message: notDate, fields: { finalQuotationDeadline: notDate } };
        if (result.ok) return done(move);
        return renderDashboard(c, procurementId, { ...retyped(form, result), confirm: { kind: move } }, 422);
      }
      const result = await attempt(locale, () => ACTIONS[move](deps, principal, procurementId, version));
      return result.ok ? done(move) : refused(result);
    }
    const again = (state: FormState<never>) => renderDashboard(c, procurementId, state, 422);
    if (op === 'terminate' || op === 'decline')
      return confirmedStep(
        c,
        form,
        () => parseOrThrow(ReasonInput, { reason: formText(form, 'reason') }),
        ({ reason }) =>
          op === 'terminate'
            ? terminateProcurement(deps, principal, procurementId, reason, version)
            : declineCandidate(deps, principal, procurementId, reason, version),
        {
          again,
          confirm: ({ reason }) => renderDashboard(c, procurementId, { confirm: { kind: op, reason } }),
          done: () => done(op),
        },
      );
    if (op === 'reopen')
      return confirmedStep(
        c,
        form,
        () => {
          const { reason } = parseOrThrow(ReopenInput, { reason: formText(form, 'reopenReason') });
          const sheet = formText(form, 'sheet');
          return { reason, sheet, ref: parseOrThrow(z.object({ sheet: SheetRef }), { sheet }).sheet };
        },
        ({ reason, ref: { teamId, judgeId, version } }) =>
          reopenSheet(deps, principal, { procurementId, teamId, judgeId }, reason, version),
        {
          again,
          confirm: ({ reason, sheet }) =>
            renderDashboard(c, procurementId, { confirm: { kind: 'reopen', reason, sheet } }),
          done: () => done('reopen'),
        },
      );
    if (op === 'issue') {
      const result = await attempt(locale, () => issueProcurementNotices(deps, principal, procurementId));
      return result.ok ? done('issued') : refused(result);
    }
    const existing = await procurementForOfficer(deps, principal, procurementId);
    // A set-up form sent after the draft was announced (a second tab) hears the phase, not typos.
    const editable = await attempt(locale, async () => assertPhase(existing, 'setup'));
    if (!editable.ok) return refused(editable);
    const { input, errors } = readProcurementForm(form, existing, pick(officeProcurementTexts, locale));
    return saveSetup(
      c,
      form,
      errors,
      () =>
        updateProcurement(
          deps,
          principal,
          procurementId,
          parseOrThrow(ProcurementSetup, input),
          version ?? existing.version,
        ),
      {
        fieldErrors: procurementFormErrors,
        again: (state) => renderDashboard(c, procurementId, state, 422),
        saved: () => done('saved'),
      },
    );
  });

  return app;
}
