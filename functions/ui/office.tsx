/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Principal } from '../../shared/auth.ts';
import { contestForOfficer } from '../../shared/contest/actions.ts';
import type { Contest, ContestStatus } from '../../shared/contest/model.ts';
import type { Deps } from '../../shared/deps.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { AppEnv } from '../http/app.ts';
import { ContestParams } from '../http/params.ts';
import type { RouteName } from '../route-table.ts';
import { Notice, StatusBadge } from './components.tsx';
import { href } from './href.ts';
import { attempt, type FieldMessages, formOf, pageParams } from './page.tsx';
import { commonTexts, pick, type Texts } from './texts.ts';

/** The office pages of one contest, in the order of the work. */
const TABS = [
  ['officeContestPage', 'settings'],
  ['officeScreeningPage', 'screening'],
  ['officeReviewPage', 'review'],
  ['officeRankingPage', 'ranking'],
  ['officeBundlePage', 'bundle'],
  ['officePublicityPage', 'publicity'],
  ['officeRecordsPage', 'records'],
] as const satisfies readonly (readonly [RouteName, string])[];

type Tab = (typeof TABS)[number][1];

interface OfficeText {
  tabs: Record<Tab, string>;
  tabsLabel: string;
  next: Record<ContestStatus, string>;
  publicPage: string;
  done: Record<string, string>;
}

export const officeTexts: Texts<OfficeText> = {
  'zh-CN': {
    tabs: {
      settings: '设置与阶段',
      screening: '资格审查',
      review: '评审组与进度',
      ranking: '排名',
      bundle: '入围名单',
      publicity: '公示与锁定',
      records: '通知书与记录',
    },
    tabsLabel: '本次大赛的工作',
    next: {
      draft: '完善设置，然后开放征集',
      open: '征集截止后关闭征集',
      screening: '资格审查，组建评审组并分配，然后开始评审',
      review: '跟进评审进度，生成入围名单并公示',
      publicity: '答复异议，公示期满后锁定',
      locked: '发放通知书',
      awarded: '查看通知书、下载与审计记录',
      cancelled: '大赛已取消，无需操作',
    },
    publicPage: '查看公开页面',
    done: {
      created: '已创建大赛草稿。',
      saved: '已保存。',
      opened: '已开放征集，大赛规则已冻结。',
      closed: '已关闭征集，进入资格审查。',
      cancelled: '大赛已取消。',
      screened: '已保存审查结果。',
      judgeAdded: '已加入评审组。',
      judgeRemoved: '已移出评审组，其评审的项目已改由其他评审专家评审。',
      assigned: '已自动分配评审。',
      reviewStarted: '已开始评审。',
      decisions: '已保存调整。',
      published: '入围名单已公示。',
      answered: '已答复异议。',
      locked: '服务包已锁定。',
      issued: '通知书已发放。',
      sheetSaved: '评分草稿已保存。',
      sheetSubmitted: '评分已提交。',
      conflict: '已声明利益冲突，该项目已改由其他评审专家评审。',
    },
  },
  en: {
    tabs: {
      settings: 'Settings and phase',
      screening: 'Screening',
      review: 'Panel and progress',
      ranking: 'Ranking',
      bundle: 'Shortlist',
      publicity: 'Publicity and lock',
      records: 'Notices and records',
    },
    tabsLabel: "This contest's work",
    next: {
      draft: 'Complete the settings, then open the call',
      open: 'Close the call after the deadline',
      screening: 'Screen, form the panel and assign, then start review',
      review: 'Follow the review, build the shortlist and publish it',
      publicity: 'Answer objections; lock when publicity ends',
      locked: 'Issue the notices',
      awarded: 'See the notices, downloads and audit log',
      cancelled: 'Cancelled; nothing to do',
    },
    publicPage: 'See the public page',
    done: {
      created: 'The contest draft was created.',
      saved: 'Saved.',
      opened: 'The call is open; its rules are now frozen.',
      closed: 'The call is closed; screening has started.',
      cancelled: 'The contest was cancelled.',
      screened: 'The screening was saved.',
      judgeAdded: 'Added to the panel.',
      judgeRemoved: 'Taken off the panel; their proposals went to other judges.',
      assigned: 'Judges were assigned automatically.',
      reviewStarted: 'Review has started.',
      decisions: 'The changes were saved.',
      published: 'The shortlist is published.',
      answered: 'The objection was answered.',
      locked: 'The bundle is locked.',
      issued: 'The notices were issued.',
      sheetSaved: 'Your draft was saved.',
      sheetSubmitted: 'Your scores were submitted.',
      conflict: 'Your conflict was recorded; another judge will review this proposal.',
    },
  },
};

/** Where the office goes next for a contest in this phase. */
export function nextStepRoute(status: ContestStatus): RouteName {
  const routes: Record<ContestStatus, RouteName> = {
    draft: 'officeContestPage',
    open: 'officeContestPage',
    screening: 'officeScreeningPage',
    review: 'officeReviewPage',
    publicity: 'officePublicityPage',
    locked: 'officeRecordsPage',
    awarded: 'officeRecordsPage',
    cancelled: 'officeContestPage',
  };
  return routes[status];
}

/** A contest office page's heading: title, phase, the next step and the tabs. */
export function OfficeHeader(props: { contest: Contest; locale: Locale; current: RouteName; title: string }) {
  const text = pick(officeTexts, props.locale);
  const { contest } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">
        {contest.title} · <StatusBadge status={contest.status} locale={props.locale} /> ·{' '}
        <a href={href('contestPage', { contestId: contest.id })}>{text.publicPage}</a>
      </p>
      <nav aria-label={text.tabsLabel}>
        <ul class="tabs">
          {TABS.map(([route, label]) => (
            <li>
              <a
                href={href(route, { contestId: contest.id })}
                aria-current={route === props.current ? 'page' : undefined}
              >
                {text.tabs[label]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** The "done" notice after a post-redirect-get (`?done=saved`), in the reader's language. */
export function doneMessage(done: string | undefined, locale: Locale): string | undefined {
  return done ? pick(officeTexts, locale).done[done] : undefined;
}

/** One text field of a posted form (`formOf`), trimmed; a repeated name gives its first value. */
export function formText(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Every value of a repeated field (checkboxes). */
export function formList(form: Record<string, string | string[]>, name: string): string[] {
  const value = form[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** Every text field of a posted form, to show the form again as it was typed. */
export function formValues(form: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.keys(form).map((name) => [name, formText(form, name)]));
}

/**
 * What an office page shows again when a post is refused or needs confirming: the form as
 * typed, the errors beside the fields, a message at the top, the confirmation asked for.
 */
export interface FormState<Confirm = boolean> {
  values?: Record<string, string>;
  errors?: FieldMessages;
  message?: string;
  confirm?: Confirm;
}

/** A refused form, to show again as it was typed with the refusal's messages. */
export const retyped = (
  form: Record<string, string | string[]>,
  refusal: { message: string; fields: FieldMessages },
): FormState<never> => ({ values: formValues(form), errors: refusal.fields, message: refusal.message });

/** The officer's own office; an officer without one is refused (403). */
export const officeOf = (principal: Principal): string => {
  if (!principal.officeId) throw new ForbiddenError('http.forbidden');
  return principal.officeId;
};

/** The signed-in officer and the page's language (office pages let only officers in). */
export const officerOf = (c: Context<AppEnv>) => ({
  principal: c.get('principal')!,
  locale: c.get('locale'),
});

/** An office page's contest: the officer, the language and the contest, which must be their office's. */
export async function officeContest(deps: Deps, c: Context<AppEnv>, contestId: string) {
  const { principal, locale } = officerOf(c);
  return { principal, locale, contest: await contestForOfficer(deps, principal, contestId) };
}

/** A post to a contest's office page: the contest id of the path, the officer, the language, the form. */
export async function officePost(c: Context<AppEnv>) {
  const { contestId } = pageParams(c, ContestParams);
  return { contestId, ...officerOf(c), form: await formOf(c) };
}

/** A set-up form shown again as typed: its values, the errors beside its fields, the message. */
type Retyped = Required<Pick<FormState, 'values' | 'errors' | 'message'>>;

/**
 * A set-up form (a contest's, a procurement's) saved: what was read wrong comes back beside its
 * fields, then the save's refusal beside the fields it names (`fieldErrors` maps them); saved,
 * `saved` answers.
 */
export async function saveSetup<T>(
  c: Context<AppEnv>,
  form: Record<string, string | string[]>,
  errors: FieldMessages,
  save: () => Promise<T>,
  then: {
    fieldErrors: (fields: FieldMessages) => FieldMessages;
    again: (state: Retyped) => Response | Promise<Response>;
    saved: (value: T) => Response;
  },
): Promise<Response> {
  const locale = c.get('locale');
  if (Object.keys(errors).length > 0)
    return then.again({ values: formValues(form), errors, message: commonTexts[locale].fixErrors });
  const result = await attempt(locale, save);
  if (result.ok) return then.saved(result.value);
  return then.again({
    values: formValues(form),
    errors: then.fieldErrors(result.fields),
    message: result.message,
  });
}

/**
 * A step taken with a reason, after a confirmation: what the form says is read first (refused,
 * the form comes back as typed, 422); unconfirmed, the confirmation is asked for; confirmed,
 * the step is taken (refused, the same).
 */
export async function confirmedStep<R>(
  c: Context<AppEnv>,
  form: Record<string, string | string[]>,
  read: () => R,
  act: (read: R) => Promise<unknown>,
  then: {
    again: (state: FormState<never>) => Response | Promise<Response>;
    confirm: (read: R) => Response | Promise<Response>;
    done: () => Response;
  },
): Promise<Response> {
  const confirmed = formText(form, 'confirmed') === 'yes';
  const result = await attempt(c.get('locale'), async () => {
    const value = read();
    if (confirmed) await act(value);
    return value;
  });
  if (!result.ok) return then.again(retyped(form, result));
  return confirmed ? then.done() : then.confirm(result.value);
}

/**
 * A new set-up form's page (a contest's, a procurement's): its heading, what refused it
 * (422), the form.
 */
export function setUpPage(c: Context<AppEnv>, title: string, message: string | undefined, form: Child) {
  if (message) c.status(422);
  return c.render(
    <>
      <h1>{title}</h1>
      {message ? <Notice tone="bad">{message}</Notice> : null}
      {form}
    </>,
    { title },
  );
}
