/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Principal } from '../../../shared/auth.ts';
import { joinList, type Locale } from '../../../shared/i18n.ts';
import { capitalYuan, readYuan, yuanDecimal } from '../../../shared/money.ts';
import {
  amendBid,
  checkFinalQuotation,
  listPublicProcurements,
  readProcurement,
  submitBid,
  submitFinalQuotation,
  withdrawBid,
} from '../../../shared/procurement/actions.ts';
import { reasonText } from '../../../shared/procurement/announcement.ts';
import { bidReasons, isRegisteredSupplier } from '../../../shared/procurement/evaluation.ts';
import { BidInput, FinalQuotationInput } from '../../../shared/procurement/model.ts';
import { getProcurementNotice, type ProcurementNotice } from '../../../shared/procurement/notices.ts';
import {
  type Bid,
  type FinalQuotation,
  getBid,
  getFinalQuotation,
  type Procurement,
} from '../../../shared/procurement/store.ts';
import { listTeamsOfOwner, type Team } from '../../../shared/team/team.ts';
import { parseOrThrow } from '../../../shared/validation.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import {
  ConfirmStep,
  DateTime,
  Form,
  fieldsOf,
  Money,
  MoneyField,
  Notice,
  ProcurementBadge,
  Select,
  Table,
  TextArea,
} from '../../ui/components.tsx';
import { criteriaList, nameList, points, timeLeft, yuan } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { type FormState, formText, formValues, retyped } from '../../ui/office.tsx';
import { attempt, definePage, type FieldMessages, formAction, formOf, pageParams } from '../../ui/page.tsx';
import { commonTexts, pick } from '../../ui/texts.ts';
import { ProcurementParams } from '../schemas.ts';
import { officeProcurementTexts } from './office-texts.ts';
import { NextDeadline } from './public.tsx';
import { supplierTexts } from './supplier-texts.ts';

function ProcurementsPage(props: { locale: Locale; procurements: Procurement[] }) {
  const text = pick(supplierTexts, props.locale);
  return (
    <>
      <h1>{text.list}</h1>
      <p class="lead">{text.listLead}</p>
      <p class="muted">
        {text.onlyRegistered} <a href={href('myTeamsPage')}>{text.registerTeam}</a>
      </p>
      {props.procurements.length === 0 ? (
        <p class="muted">{text.noProcurements}</p>
      ) : (
        <Table
          label={text.list}
          head={[text.head.title, text.head.office, text.head.phase, text.head.ceiling, text.head.deadline]}
          numeric={[3]}
          rows={props.procurements.map((procurement) => [
            <a href={href('supplierProcurementPage', { procurementId: procurement.id })}>
              {procurement.title}
            </a>,
            procurement.officeName,
            <ProcurementBadge status={procurement.status} locale={props.locale} />,
            <Money fen={procurement.ceilingFen} />,
            <NextDeadline procurement={procurement} locale={props.locale} labels={text} />,
          ])}
        />
      )}
    </>
  );
}

/** One of my organisations in this procurement: its bid and final quotation, if any. */
interface Mine {
  team: Team;
  bid: Bid | undefined;
  quotation: FinalQuotation | undefined;
  /** Its deal or result notice, once the award is made and the notices issued. */
  notice: ProcurementNotice | undefined;
}

/** Why a bid is not responsive (none when it is), as the evaluation reads it. */
const reasonsOf = (procurement: Procurement, bid: Bid) =>
  bidReasons(procurement, {
    bidId: bid.teamId,
    supplierId: bid.teamId,
    registered: bid.registered,
    priceFen: bid.priceFen,
    partCodes: Object.keys(bid.parts),
    submittedAt: bid.submittedAt,
  });

function ProcurementPage(props: {
  locale: Locale;
  now: Date;
  procurement: Procurement;
  mine: Mine[];
  state: FormState<never>;
  /** The bid whose withdrawal is being confirmed (its team). */
  withdrawing?: string | undefined;
  /** The final quotation being confirmed, checked and not yet written. */
  quoting?: { teamId: string; quotationFen: number } | undefined;
  done?: string | undefined;
}) {
  const { locale, procurement, mine, state, now } = props;
  const text = pick(supplierTexts, locale);
  const office = pick(officeProcurementTexts, locale);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const f = fieldsOf(values, errors);
  const action = href('supplierProcurementPost', { procurementId: procurement.id });
  const partNames = Object.fromEntries(procurement.requiredParts.map((part) => [part.code, part.name]));
  const registered = mine.filter((m) => isRegisteredSupplier(m.team));
  const canBid = procurement.status === 'bidding' && now.toISOString() < procurement.biddingDeadline;
  const bidders = registered.filter((m) => !m.bid);
  const quoting =
    procurement.status === 'final-quotation' && now.toISOString() < procurement.finalQuotationDeadline;
  // From the final-quotation deadline on, a missing final quotation is final too.
  const quotesClosed =
    ['evaluation', 'recommended', 'awarded'].includes(procurement.status) ||
    (procurement.status === 'final-quotation' && !quoting);
  const quoters = mine.filter((m) => m.bid && !m.quotation && reasonsOf(procurement, m.bid).length === 0);
  const teamChoice = (list: Mine[]) => (
    <Select
      {...f('teamId')}
      label={text.team}
      options={list.map((m) => ({ value: m.team.id, label: m.team.name }))}
    />
  );
  return (
    <>
      <h1>{procurement.title}</h1>
      <p class="lead">
        {procurement.officeName} · <ProcurementBadge status={procurement.status} locale={locale} /> ·{' '}
        <a href={href('procurementAnnouncementPage', { procurementId: procurement.id })}>{text.publicPage}</a>
        {procurement.status === 'awarded' ? (
          <>
            {' · '}
            <a href={href('procurementResultPage', { procurementId: procurement.id })}>{text.resultPage}</a>
          </>
        ) : null}
      </p>
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {state.message ? <Notice tone="bad">{state.message}</Notice> : null}
      {/* Asked at the top, where the page opens after the post. */}
      {quoting && props.quoting ? (
        <ConfirmStep
          locale={locale}
          title={text.quoteForm}
          action={action}
          facts={[
            [text.team, mine.find((m) => m.team.id === props.quoting!.teamId)?.team.name ?? ''],
            [text.quotation, <Money fen={props.quoting.quotationFen} />],
            [text.inCapitals, capitalYuan(props.quoting.quotationFen)],
          ]}
          confirmLabel={text.confirmQuote}
          cancelHref={href('supplierProcurementPage', { procurementId: procurement.id })}
          hidden={{
            do: 'quote',
            teamId: props.quoting.teamId,
            quotationFen: yuanDecimal(props.quoting.quotationFen),
          }}
        >
          <p>{text.confirmQuoteLead}</p>
        </ConfirmStep>
      ) : null}
      <section aria-labelledby="mine">
        <h2 id="mine">{text.myBids}</h2>
        {mine.every((m) => !m.bid) ? <p class="muted">{text.noBid}</p> : null}
        {mine
          .filter((m) => m.bid)
          .map(({ team, bid, quotation, notice }) => {
            const reasons = reasonsOf(procurement, bid!);
            return (
              <article class="card">
                <h3>{text.bidOf(team.name)}</h3>
                <dl class="facts">
                  <dt>{text.price}</dt>
                  <dd>
                    <Money fen={bid!.priceFen} />
                  </dd>
                  <dt>{text.sentAt}</dt>
                  <dd>
                    <DateTime iso={bid!.submittedAt} locale={locale} />
                  </dd>
                  {bid!.amendedAt ? (
                    <>
                      <dt>{text.amendedAt}</dt>
                      <dd>
                        <DateTime iso={bid!.amendedAt} locale={locale} />
                      </dd>
                    </>
                  ) : null}
                  {procurement.requiredParts.map((part) => (
                    <>
                      <dt>{part.name}</dt>
                      <dd>{bid!.parts[part.code] ?? '—'}</dd>
                    </>
                  ))}
                  <dt>{text.finalQuotation}</dt>
                  <dd>
                    {quotation ? (
                      <Money fen={quotation.quotationFen} />
                    ) : quotesClosed && reasons.length === 0 ? (
                      text.noQuotationClosed
                    ) : (
                      text.noQuotation
                    )}
                  </dd>
                </dl>
                {notice ? (
                  <p>
                    <a
                      href={href('procurementNoticePrint', {
                        procurementId: procurement.id,
                        teamId: team.id,
                      })}
                    >
                      {text.noticeLink(notice.kind, notice.number)}
                    </a>
                  </p>
                ) : null}
                {canBid ? (
                  <BidChanges
                    locale={locale}
                    procurement={procurement}
                    bid={bid!}
                    state={state}
                    withdrawing={props.withdrawing === team.id}
                  />
                ) : null}
                {reasons.length > 0 ? (
                  <p class="error">
                    {text.notResponsive(
                      joinList(
                        locale,
                        reasons.map((r) => reasonText(r, locale, partNames)),
                        'clauses',
                      ),
                    )}
                  </p>
                ) : null}
              </article>
            );
          })}
        {procurement.status === 'bidding' ? <p class="muted">{text.sealedNote}</p> : null}
      </section>
      {canBid && registered.length === 0 ? (
        <p>
          {text.onlyRegistered} <a href={href('newTeamPage')}>{text.registerTeam}</a>
        </p>
      ) : null}
      {canBid && bidders.length > 0 ? (
        <section aria-labelledby="bid">
          <h2 id="bid">{text.bidForm}</h2>
          <p>
            {text.bidLead} {timeLeft(procurement.biddingDeadline, now, locale)}
          </p>
          <BidForm locale={locale} procurement={procurement} op="bid" f={f}>
            {teamChoice(bidders)}
          </BidForm>
        </section>
      ) : null}
      {quoting && !props.quoting && quoters.length > 0 ? (
        <section aria-labelledby="quote">
          <h2 id="quote">{text.quoteForm}</h2>
          <p>
            {text.quoteLead} {timeLeft(procurement.finalQuotationDeadline, now, locale)}
          </p>
          <Form action={action}>
            <input type="hidden" name="do" value="quote" />
            {teamChoice(quoters)}
            <MoneyField
              {...f('quotationFen')}
              label={text.quotation}
              hint={text.priceHint(yuan(procurement.ceilingFen))}
              locale={locale}
              required
            />
            <div class="actions">
              <button type="submit">{text.sendQuote}</button>
            </div>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="documents">
        <h2 id="documents">{text.documents}</h2>
        <p class="prose">{procurement.description}</p>
        <dl class="facts card">
          <dt>{text.ceiling}</dt>
          <dd>
            <Money fen={procurement.ceilingFen} />
          </dd>
          <dt>{text.priceWeight}</dt>
          <dd>{points(procurement.priceWeightBp)}</dd>
          <dt>{text.criteria}</dt>
          <dd>{criteriaList(locale, procurement.criteria, office.criterionKinds)}</dd>
          <dt>{text.requiredParts}</dt>
          <dd>{nameList(locale, procurement.requiredParts)}</dd>
          <dt>{text.biddingDeadline}</dt>
          <dd>
            <DateTime iso={procurement.biddingDeadline} locale={locale} />
          </dd>
          <dt>{text.finalQuotationDeadline}</dt>
          <dd>
            <DateTime iso={procurement.finalQuotationDeadline} locale={locale} />
          </dd>
        </dl>
      </section>
    </>
  );
}

/**
 * A bid's changes before the deadline (Art. 13): the whole bid again, prefilled, sent with the
 * version read; and its withdrawal, after a confirmation.
 */
function BidChanges(props: {
  locale: Locale;
  procurement: Procurement;
  bid: Bid;
  state: FormState<never>;
  withdrawing: boolean;
}) {
  const { locale, procurement, bid, state } = props;
  const text = pick(supplierTexts, locale);
  const action = href('supplierProcurementPost', { procurementId: procurement.id });
  const hidden = { teamId: bid.teamId, version: String(bid.version) };
  // What was typed comes back only to the form it was typed in.
  const typed = state.values?.do === 'amend' && state.values.teamId === bid.teamId;
  const f = fieldsOf(
    typed
      ? (state.values ?? {})
      : {
          priceFen: yuanDecimal(bid.priceFen),
          ...Object.fromEntries(Object.entries(bid.parts).map(([code, value]) => [`parts.${code}`, value])),
        },
    typed ? (state.errors ?? {}) : {},
  );
  if (props.withdrawing)
    return (
      <ConfirmStep
        locale={locale}
        title={text.withdraw}
        action={action}
        facts={[[text.price, <Money fen={bid.priceFen} />]]}
        confirmLabel={text.confirmWithdraw}
        cancelHref={href('supplierProcurementPage', { procurementId: procurement.id })}
        hidden={{ ...hidden, do: 'withdraw' }}
      >
        <p>{text.withdrawLead}</p>
      </ConfirmStep>
    );
  return (
    <>
      <details open={typed}>
        <summary>{text.amendForm}</summary>
        <p class="muted">{text.amendLead}</p>
        <BidForm locale={locale} procurement={procurement} op="amend" f={f}>
          <input type="hidden" name="teamId" value={hidden.teamId} />
          <input type="hidden" name="version" value={hidden.version} />
        </BidForm>
      </details>
      <Form action={action} class="actions">
        <input type="hidden" name="do" value="withdraw" />
        <input type="hidden" name="teamId" value={hidden.teamId} />
        <input type="hidden" name="version" value={hidden.version} />
        <button type="submit" class="secondary">
          {text.withdraw}
        </button>
      </Form>
    </>
  );
}

/**
 * A whole bid, each required part and the price: sent as a new bid or, prefilled, as an
 * amendment. The children say whose bid it is (the organisation's choice, or hidden fields).
 */
function BidForm(props: {
  locale: Locale;
  procurement: Procurement;
  op: 'bid' | 'amend';
  f: ReturnType<typeof fieldsOf>;
  children: Child;
}) {
  const { locale, procurement, f } = props;
  const text = pick(supplierTexts, locale);
  return (
    <Form action={href('supplierProcurementPost', { procurementId: procurement.id })}>
      <input type="hidden" name="do" value={props.op} />
      {props.children}
      {procurement.requiredParts.map((part) => (
        <TextArea {...f(`parts.${part.code}`)} label={text.part(part.name)} required maxLength={20000} />
      ))}
      <MoneyField
        {...f('priceFen')}
        label={text.price}
        hint={text.priceHint(yuan(procurement.ceilingFen))}
        locale={locale}
        required
      />
      <div class="actions">
        <button type="submit">{props.op === 'bid' ? text.sendBid : text.sendAmend}</button>
      </div>
    </Form>
  );
}

async function myTeams(deps: HttpDeps, principal: Principal): Promise<Team[]> {
  return (await listTeamsOfOwner(deps, principal, { limit: 100 })).items;
}

/** The suppliers' pages: the procurements announced, and one procurement's bid and final quotation. */
export function procurementSupplierPages(deps: HttpDeps) {
  const app = createRouter();

  definePage(app, 'supplierProcurementsPage', deps, async (c) => {
    const locale = c.get('locale');
    const page = await listPublicProcurements(deps, { limit: 100 });
    return c.render(<ProcurementsPage locale={locale} procurements={page.items} />, {
      title: pick(supplierTexts, locale).list,
    });
  });

  async function render(
    c: Context<AppEnv>,
    procurementId: string,
    state: FormState<never> = {},
    status: 200 | 422 = 200,
    confirming: { withdrawing?: string; quoting?: { teamId: string; quotationFen: number } } = {},
  ) {
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const procurement = await readProcurement(deps, principal, procurementId);
    const teams = await myTeams(deps, principal);
    const mine = await Promise.all(
      teams.map(async (team) => ({
        team,
        bid: await getBid(deps.db, procurementId, team.id),
        quotation: await getFinalQuotation(deps.db, procurementId, team.id),
        notice:
          procurement.status === 'awarded'
            ? await getProcurementNotice(deps.db, procurementId, team.id)
            : undefined,
      })),
    );
    const done = c.req.query('done');
    c.status(status);
    return c.render(
      <ProcurementPage
        locale={locale}
        now={deps.clock.now()}
        procurement={procurement}
        mine={mine}
        state={state}
        withdrawing={confirming.withdrawing}
        quoting={confirming.quoting}
        done={
          done === 'bid' || done === 'quote' || done === 'amend' || done === 'withdraw'
            ? pick(supplierTexts, locale).done[done]
            : undefined
        }
      />,
      { title: procurement.title },
    );
  }

  definePage(app, 'supplierProcurementPage', deps, async (c) =>
    render(c, pageParams(c, ProcurementParams).procurementId),
  );

  definePage(app, 'supplierProcurementPost', deps, async (c) => {
    const { procurementId } = pageParams(c, ProcurementParams);
    const principal = c.get('principal')!;
    const locale = c.get('locale');
    const text = pick(supplierTexts, locale);
    const form = await formOf(c);
    const op = formAction(form, ['bid', 'amend', 'withdraw', 'quote']);
    const teamId = formText(form, 'teamId');
    const errors: FieldMessages = {};
    // Each wrong kind of amount in its own words, naming the amount; above the ceiling is the
    // action's refusal (procurement.aboveCeiling, in yuan), shown beside the same field.
    const money = (name: string) => {
      const read = readYuan(formText(form, name));
      const amount = commonTexts[locale].amount;
      if ('fen' in read) {
        if (read.fen === 0) errors[name] = amount.zero;
        return read.fen;
      }
      errors[name] = read.problem === 'notAnAmount' ? text.notAmount : amount[read.problem](read.typed);
      return undefined;
    };
    const retype = () =>
      render(
        c,
        procurementId,
        { values: formValues(form), errors, message: commonTexts[locale].fixErrors },
        422,
      );
    const done = (key: string) =>
      c.redirect(href('supplierProcurementPage', { procurementId }, { done: key }), 303);
    const version = Number(formText(form, 'version')) || undefined;
    if (op === 'bid' || op === 'amend') {
      const procurement = await readProcurement(deps, principal, procurementId);
      const priceFen = money('priceFen');
      const parts: Record<string, string> = {};
      for (const part of procurement.requiredParts) {
        const typed = formText(form, `parts.${part.code}`);
        if (typed) parts[part.code] = typed;
        else errors[`parts.${part.code}`] = commonTexts[locale].fillIn;
      }
      if (Object.keys(errors).length > 0) return retype();
      const result = await attempt(locale, () => {
        const input = { teamId, ...parseOrThrow(BidInput, { priceFen, parts }) };
        return op === 'bid'
          ? submitBid(deps, principal, procurementId, input)
          : amendBid(deps, principal, procurementId, input, version ?? []);
      });
      if (!result.ok) return render(c, procurementId, retyped(form, result), 422);
      return done(op);
    }
    if (op === 'withdraw') {
      if (formText(form, 'confirmed') !== 'yes')
        return render(c, procurementId, {}, 200, { withdrawing: teamId });
      const result = await attempt(locale, () =>
        withdrawBid(deps, principal, procurementId, teamId, version),
      );
      if (!result.ok) return render(c, procurementId, { message: result.message }, 422);
      return done('withdraw');
    }
    if (op === 'quote') {
      const quotationFen = money('quotationFen');
      if (Object.keys(errors).length > 0) return retype();
      // Given once and binding: checked, then confirmed with the amount in capitals, then written.
      const confirmed = formText(form, 'confirmed') === 'yes';
      const result = await attempt(locale, async () => {
        const input = { teamId, ...parseOrThrow(FinalQuotationInput, { quotationFen }) };
        if (confirmed) await submitFinalQuotation(deps, principal, procurementId, input);
        else await checkFinalQuotation(deps, principal, procurementId, input);
        return input;
      });
      if (!result.ok) return render(c, procurementId, retyped(form, result), 422);
      if (!confirmed) return render(c, procurementId, {}, 200, { quoting: result.value });
      return c.redirect(href('supplierProcurementPage', { procurementId }, { done: 'quote' }), 303);
    }
    return render(c, procurementId);
  });

  return app;
}
