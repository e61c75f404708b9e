/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { AuditEntry } from '../../../shared/audit.ts';
import { readAudit, verifyAudit } from '../../../shared/audit-log.ts';
import { issueNotices, listNotices } from '../../../shared/awards/actions.ts';
import type { Notice as AwardNotice } from '../../../shared/bundle/model.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { listPanel } from '../../../shared/review/actions.ts';
import { type AppEnv, createRouter, type HttpDeps } from '../../http/app.ts';
import { ContestParams } from '../../http/params.ts';
import { DateTime, Form, Money, Notice, Table } from '../../ui/components.tsx';
import { href } from '../../ui/href.ts';
import { doneMessage, OfficeHeader, officeContest, officePost } from '../../ui/office.tsx';
import { attempt, definePage, pageParams } from '../../ui/page.tsx';
import { pick } from '../../ui/texts.ts';
import { recordsTexts } from './records-texts.ts';

const LOCKED = ['locked', 'awarded'];

function RecordsPage(props: {
  locale: Locale;
  contest: Contest;
  notices: AwardNotice[];
  audit: AuditEntry[];
  chain: Awaited<ReturnType<typeof verifyAudit>>;
  who: (sub: string) => string;
  message?: string | undefined;
  done?: string | undefined;
}) {
  const { locale, contest } = props;
  const text = pick(recordsTexts, locale);
  const id = { contestId: contest.id };
  const locked = LOCKED.includes(contest.status);
  const downloads: [string, string][] = [
    [text.rankingCsv, href('rankingCsv', id)],
    ...(locked
      ? ([
          [text.awardsCsv, href('awardsCsv', id)],
          [text.ocds, href('ocdsRelease', id)],
          [text.lockedBundle, href('lockedBundleText', id)],
        ] as [string, string][])
      : []),
  ];
  return (
    <>
      <OfficeHeader contest={contest} locale={locale} current="officeRecordsPage" title={text.title} />
      {props.done ? <Notice tone="ok">{props.done}</Notice> : null}
      {props.message ? <Notice tone="bad">{props.message}</Notice> : null}
      <section aria-labelledby="notices">
        <h2 id="notices">{text.notices}</h2>
        <p>{locked ? text.noticesLead : text.notLocked}</p>
        {locked ? (
          <Form action={href('officeRecordsPost', id)} class="actions">
            <button type="submit">{text.issue}</button>
          </Form>
        ) : null}
        {props.notices.length === 0 ? (
          <p class="muted">{text.noNotices}</p>
        ) : (
          <Table
            label={text.notices}
            head={[text.head.number, text.head.title, text.head.result, text.head.amount, text.head.print]}
            numeric={[3]}
            rows={props.notices.map((notice) => [
              notice.number,
              notice.title,
              notice.kind === 'selected' ? text.selected : text.notSelected,
              notice.amountFen === undefined ? '—' : <Money fen={notice.amountFen} />,
              <a href={href('printNotice', { contestId: contest.id, proposalId: notice.proposalId })}>
                {text.print}
              </a>,
            ])}
          />
        )}
      </section>
      <section aria-labelledby="downloads">
        <h2 id="downloads">{text.downloads}</h2>
        <ul>
          {downloads.map(([label, url]) => (
            <li>
              <a href={url} download>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="audit">
        <h2 id="audit">{text.audit}</h2>
        <p class={props.chain.ok ? 'notice ok' : 'notice bad'}>
          {props.chain.ok ? text.auditOk(props.chain.count) : text.auditBroken(props.chain.brokenAt)}
        </p>
        <Table
          label={text.audit}
          head={[text.auditHead.seq, text.auditHead.at, text.auditHead.who, text.auditHead.what]}
          numeric={[0]}
          rows={props.audit.map((entry) => [
            entry.seq,
            <DateTime iso={entry.at} locale={locale} />,
            props.who(entry.actor),
            text.actions[entry.action] ?? text.otherAction,
          ])}
        />
      </section>
    </>
  );
}

/** "已发放 3 / 7 份通知书" after issuing, else the usual done message. */
function issuedMessage(c: Context<AppEnv>, locale: Locale): string | undefined {
  const issued = Number(c.req.query('issued'));
  const total = Number(c.req.query('total'));
  if (Number.isSafeInteger(issued) && Number.isSafeInteger(total) && total > 0)
    return `${doneMessage('issued', locale)} ${pick(recordsTexts, locale).issued(issued, total)}`;
  return doneMessage(c.req.query('done'), locale);
}

/** The awards function's office page: issuing notices, the downloads and the audit log. */
export function awardsOfficePages(deps: HttpDeps) {
  const app = createRouter();

  async function render(c: Context<AppEnv>, contestId: string, message?: string, status: 200 | 422 = 200) {
    const { principal, locale, contest } = await officeContest(deps, c, contestId);
    const [notices, audit, chain, panel] = await Promise.all([
      listNotices(deps, principal, contestId),
      readAudit(deps, contestId),
      verifyAudit(deps, contestId),
      listPanel(deps, principal, contestId),
    ]);
    const names = new Map(panel.map((judge) => [judge.judgeId, judge.name]));
    names.set(principal.sub, principal.name);
    c.status(status);
    return c.render(
      <RecordsPage
        locale={locale}
        contest={contest}
        notices={notices}
        audit={audit}
        chain={chain}
        who={(sub) => names.get(sub) ?? pick(recordsTexts, locale).someone}
        message={message}
        done={issuedMessage(c, locale)}
      />,
      { title: pick(recordsTexts, locale).title },
    );
  }

  definePage(app, 'officeRecordsPage', deps, async (c) => render(c, pageParams(c, ContestParams).contestId));

  definePage(app, 'officeRecordsPost', deps, async (c) => {
    const { contestId, principal, locale } = await officePost(c);
    const result = await attempt(locale, () => issueNotices(deps, principal, contestId));
    if (result.ok) {
      const { issued, total } = result.value;
      const query = { done: 'issued', issued: String(issued), total: String(total) };
      return c.redirect(href('officeRecordsPage', { contestId }, query), 303);
    }
    return render(c, contestId, result.message, 422);
  });

  return app;
}
