/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PublicAnswer } from '../../../shared/bundle/actions.ts';
import type { LockedBundle, Publicity } from '../../../shared/bundle/model.ts';
import type { Contest } from '../../../shared/contest/model.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { routeTable } from '../../route-table.ts';
import { BudgetBar, DateTime, Money, StatusBadge, Table } from '../../ui/components.tsx';
import { beijingDay, dateTime, nameList, points, timeLeft } from '../../ui/format.ts';
import { href } from '../../ui/href.ts';
import { ObjectionCards } from '../../ui/objections.tsx';
import { namesOf, reasonText } from '../../ui/reasons.ts';
import { commonTexts, pick } from '../../ui/texts.ts';
import { type ContestText, contestTexts } from './texts.ts';

export interface ContestPageProps {
  locale: Locale;
  now: Date;
  contest: Contest;
  publicity?: { publicity: Publicity; objections: number; answered?: PublicAnswer[] };
  locked?: LockedBundle;
  audit?: { ok: true; count: number } | { ok: false; brokenAt: number };
  signedIn: boolean;
  /** Where a resident goes to take part (their proposals), or to sign in. */
  takePartHref: string;
  objectHref?: string;
}

type TimelineEvent = keyof ContestText['events'];

function Timeline(props: ContestPageProps & { text: ContestText }) {
  const { contest, text, locale } = props;
  const events: [string, TimelineEvent][] = [];
  if (contest.openedAt) events.push([contest.openedAt, 'opened']);
  events.push([contest.submissionDeadline, 'deadline']);
  events.push([contest.reviewDeadline, 'reviewDeadline']);
  if (props.publicity) {
    events.push([props.publicity.publicity.publishedAt, 'published']);
    events.push([props.publicity.publicity.endsAt, 'publicityEnds']);
  }
  if (props.locked) events.push([props.locked.lockedAt, 'locked']);
  if (contest.cancelledAt) events.push([contest.cancelledAt, 'cancelled']);
  const now = props.now.toISOString();
  // A phase's deadline still ahead is no next step once a later phase has begun (the bundle
  // published before the review deadline, locked before the publicity ends, a cancelled call).
  const cancelled = contest.status === 'cancelled';
  const phaseOver: Partial<Record<TimelineEvent, boolean>> = {
    deadline: contest.status !== 'open' && contest.status !== 'draft',
    reviewDeadline: props.publicity !== undefined || props.locked !== undefined || cancelled,
    publicityEnds: props.locked !== undefined || cancelled,
  };
  const shown = events
    .filter(([at, kind]) => at <= now || !phaseOver[kind])
    .map(([at, kind]): [string, string] => [at, text.events[kind]])
    .sort(([a], [b]) => a.localeCompare(b));
  const today = beijingDay(props.now);
  const before = shown.filter(([at]) => at <= now);
  const after = shown.filter(([at]) => at > now);
  const item = ([at, label]: [string, string], done: boolean) => (
    <li class={done ? 'done' : undefined}>
      {label} · <DateTime iso={at} locale={locale} />
    </li>
  );
  return (
    <ol class="timeline">
      {before.map((event) => item(event, true))}
      <li class="now" aria-current="date">
        {commonTexts[locale].today} · {dateTime(now, locale)}
        {beijingDay(contest.submissionDeadline) >= today && contest.status === 'open'
          ? ` · ${text.deadline}${commonTexts[locale].colon}${timeLeft(contest.submissionDeadline, props.now, locale)}`
          : ''}
      </li>
      {after.map((event) => item(event, false))}
    </ol>
  );
}

function BundleTable(props: {
  contest: Contest;
  lines: Publicity['bundle']['lines'];
  locale: Locale;
  text: ContestText;
  locked: boolean;
}) {
  const { text, locale } = props;
  const selected = props.locked ? text.lockedSelected : text.selected;
  const names = namesOf(props.contest, props.lines);
  const head = text.bundleHead;
  return (
    <Table
      label={props.locked ? text.lockedAmount : text.bundleHead.amount}
      head={[
        head.rank,
        head.title,
        head.category,
        head.community,
        head.score,
        head.requested,
        props.locked ? text.lockedAmount : head.amount,
        head.result,
      ]}
      numeric={[0, 4, 5, 6]}
      rows={props.lines.map((line) => [
        line.rank ?? '—',
        line.title,
        names.category(line.category),
        names.community(line.community),
        line.score === null ? '—' : points(line.score),
        <Money fen={line.requestedFen} />,
        line.selected ? <Money fen={line.amountFen} /> : '—',
        <>
          <strong>{line.selected ? selected : text.notSelected}</strong>
          {' · '}
          {reasonText(line.reason, locale, names)}
          {line.trim ? ` · ${line.trim.reason}` : ''}
        </>,
      ])}
    />
  );
}

/** The office's answers to objections, on the record: each objection's text and its answer. */
function Answers(props: {
  answered: PublicAnswer[];
  lines: Publicity['bundle']['lines'];
  locale: Locale;
  text: ContestText;
}) {
  const { text, locale } = props;
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{text.answers}</h2>
      <p class="muted">{text.answersLead}</p>
      <ObjectionCards
        objections={props.answered}
        lines={props.lines}
        about={text.objectionAbout}
        whole={text.objectionWhole}
        facts={(answer) => [
          [text.objectionText, answer.text, 'prose'],
          [text.officeAnswer, answer.answer, 'prose'],
          [text.answeredAt, <DateTime iso={answer.answeredAt} locale={locale} />],
        ]}
      />
    </section>
  );
}

/** The public page of a contest: everything a resident or a visitor needs, phase by phase. */
export function ContestPage(props: ContestPageProps) {
  const { contest, locale } = props;
  const text = pick(contestTexts, locale);
  const bundle = props.locked?.content.bundle ?? props.publicity?.publicity.bundle;
  const maxTotal = contest.rubric.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  return (
    <>
      <h1>{contest.title}</h1>
      <p>
        <StatusBadge status={contest.status} locale={locale} />
      </p>
      {contest.cancelReason ? <p class="notice bad">{text.cancelled(contest.cancelReason)}</p> : null}
      <dl class="facts card">
        <dt>{text.office}</dt>
        <dd>{contest.officeName}</dd>
        <dt>{text.budget}</dt>
        <dd>
          <Money fen={contest.budgetFen} />
        </dd>
        <dt>{text.cap}</dt>
        <dd>
          <Money fen={contest.capFen} />
        </dd>
        <dt>{text.deadline}</dt>
        <dd>
          <DateTime iso={contest.submissionDeadline} locale={locale} />
          {contest.status === 'open' ? ` (${timeLeft(contest.submissionDeadline, props.now, locale)})` : ''}
        </dd>
        <dt>{text.reviewDeadline}</dt>
        <dd>
          <DateTime iso={contest.reviewDeadline} locale={locale} />
        </dd>
        <dt>{text.timeline}</dt>
        <dd>{text.publicityDays(contest.publicityDays)}</dd>
      </dl>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{text.timeline}</h2>
        <Timeline {...props} text={text} />
      </section>

      {props.locked ? (
        <section aria-labelledby="locked">
          <h2 id="locked">{contest.status === 'awarded' ? text.results : text.locked}</h2>
          {contest.status === 'awarded' ? (
            <p>
              {text.resultsBody} <a href={routeTable.verifyNoticePage.path}>{text.verifyNotice}</a>
            </p>
          ) : null}
          <dl class="facts card">
            <dt>{text.lockedAt}</dt>
            <dd>
              <DateTime iso={props.locked.lockedAt} locale={locale} />
            </dd>
            <dt>{text.digest}</dt>
            <dd class="mono" id="digest">
              {props.locked.sha256}
            </dd>
          </dl>
          <p>
            <a class="button secondary" href={href('lockedBundleText', { contestId: contest.id })} download>
              {text.download}
            </a>
          </p>
          <h3>{text.howToVerify}</h3>
          <ol>
            {text.verifySteps.map((step) => (
              <li>{step}</li>
            ))}
          </ol>
        </section>
      ) : props.publicity ? (
        <section aria-labelledby="publicity">
          <h2 id="publicity">{text.publicity}</h2>
          <p>
            {text.publicityUntil(dateTime(props.publicity.publicity.endsAt, locale))}{' '}
            {text.objectionsSoFar(props.publicity.objections)}
          </p>
          <p class="notice">
            {text.howToObject} {props.objectHref ? <a href={props.objectHref}>{text.fileObjection}</a> : null}
          </p>
        </section>
      ) : null}

      {props.publicity?.answered && props.publicity.answered.length > 0 ? (
        <Answers
          answered={props.publicity.answered}
          lines={props.publicity.publicity.bundle.lines}
          locale={locale}
          text={text}
        />
      ) : null}

      {bundle ? (
        <section>
          <BudgetBar usedFen={bundle.usedFen} budgetFen={bundle.budgetFen} locale={locale} />
          <BundleTable
            contest={contest}
            lines={bundle.lines}
            locale={locale}
            text={text}
            locked={props.locked !== undefined}
          />
        </section>
      ) : null}

      <section aria-labelledby="call">
        <h2 id="call">{text.call}</h2>
        <div class="card prose">{contest.callText}</div>
      </section>

      <section aria-labelledby="take-part">
        <h2 id="take-part">{text.takePart}</h2>
        {contest.status === 'open' && props.now.toISOString() < contest.submissionDeadline ? (
          <>
            <ol>
              {text.takePartSteps.map((step) => (
                <li>{step}</li>
              ))}
            </ol>
            <p>
              <a class="button" href={props.takePartHref}>
                {props.signedIn ? text.takePart : text.signInToTakePart}
              </a>
            </p>
          </>
        ) : (
          <p class="muted">{text.takePartClosed}</p>
        )}
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">{text.categories}</h2>
        <p>{nameList(locale, contest.categories)}</p>
        <h2>{text.communities}</h2>
        <p>{nameList(locale, contest.communities)}</p>
        <h2>{text.rubric}</h2>
        <Table
          label={text.rubric}
          head={[text.criterion, text.maxPoints]}
          numeric={[1]}
          rows={[
            ...contest.rubric.map((criterion) => [criterion.name, points(criterion.maxPoints)]),
            [<strong>{text.total}</strong>, <strong>{points(maxTotal)}</strong>],
          ]}
        />
      </section>

      {props.audit ? (
        <section aria-labelledby="audit">
          <h2 id="audit">{text.audit}</h2>
          <p class={props.audit.ok ? 'notice ok' : 'notice bad'}>
            {props.audit.ok ? text.auditOk(props.audit.count) : text.auditBroken(props.audit.brokenAt)}
          </p>
        </section>
      ) : null}
    </>
  );
}
