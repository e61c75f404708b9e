import type { ContestStatus } from '../../shared/contest/model.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { ProposalStatus } from '../../shared/proposal/model.ts';

/**
 * Page texts shared by every page: the layout, the components and the error pages. A page's own
 * texts live beside it (`functions/<fn>/pages/texts.ts`) as another `Texts<…>` record, so two
 * people adding pages never edit the same catalogue. API messages (problems) stay in
 * shared/i18n.ts; pages show those too when an action refuses something.
 */
export type Texts<T> = Record<Locale, T>;

/** Picks the reader's texts: `const text = pick(myTexts, locale)`. */
export const pick = <T>(texts: Texts<T>, locale: Locale): T => texts[locale];

export interface CommonText {
  productName: string;
  productNameOther: string;
  switchLanguage: string;
  signIn: string;
  signOut: string;
  signedInAs: (name: string, role: string) => string;
  roles: Record<'resident' | 'judge' | 'officer', string>;
  nav: {
    contests: string;
    mine: string;
    teams: string;
    notices: string;
    procurements: string;
    judging: string;
    panels: string;
    office: string;
  };
  skipToContent: string;
  contestStatuses: Record<ContestStatus, string>;
  proposalStatuses: Record<ProposalStatus, string>;
  yes: string;
  no: string;
  save: string;
  cancel: string;
  back: string;
  confirm: string;
  confirmTitle: string;
  required: string;
  optional: string;
  yuanSuffix: string;
  fixErrors: string;
  /** What follows a label run into its value ("下一步：…", "Next step: …"). */
  colon: string;
  notAnAmount: string;
  /** A typed amount's problem, by kind, naming the amount in yuan (shared/money.ts readYuan). */
  amount: {
    negative: (typed: string) => string;
    zero: string;
    tooManyDecimals: (typed: string) => string;
    tooLarge: (typed: string) => string;
  };
  notAWholeNumber: string;
  fillIn: string;
  progress: (done: number, total: number) => string;
  budgetUsed: string;
  budgetLeft: string;
  budgetOver: string;
  closed: string;
  timeLeft: (days: number, hours: number, minutes: number) => string;
  today: string;
  empty: string;
  errors: Record<
    '400' | '401' | '403' | '404' | '409' | '422' | '500' | '503',
    { title: string; body: string }
  >;
  /** The page a post with a stale form token gets (functions/ui/error-page.tsx). */
  expired: { title: string; body: string };
  reload: string;
  home: string;
  footer: string;
  /** A printed notice's frame (functions/ui/print.tsx). */
  printed: {
    salutation: (addressee: string) => string;
    contact: string;
    verify: (number: string, code: string) => string;
    printHint: string;
  };
}

const zhCN: CommonText = {
  productName: '微创投',
  productNameOther: 'Micro-Venture',
  switchLanguage: 'English',
  signIn: '登录',
  signOut: '退出',
  signedInAs: (name, role) => `${name}（${role}）`,
  roles: { resident: '居民', judge: '评审专家', officer: '街道工作人员' },
  nav: {
    contests: '大赛',
    mine: '我的申报',
    teams: '我的团队',
    notices: '我的通知书',
    procurements: '服务采购',
    judging: '评审',
    panels: '磋商评审',
    office: '街道后台',
  },
  skipToContent: '跳到正文',
  contestStatuses: {
    draft: '草稿',
    open: '征集中',
    screening: '资格审查',
    review: '评审中',
    publicity: '入围公示',
    locked: '锁定采购',
    awarded: '已发放通知',
    cancelled: '已取消',
  },
  proposalStatuses: { draft: '草稿', submitted: '已提交', withdrawn: '已撤回' },
  yes: '是',
  no: '否',
  save: '保存',
  cancel: '取消',
  back: '返回',
  confirm: '确认',
  confirmTitle: '请确认',
  required: '必填',
  optional: '选填',
  yuanSuffix: '元',
  fixErrors: '有几处需要修改，请看下面标出的字段。',
  colon: '：',
  notAnAmount: '请填写金额（元），最多两位小数，例如 1,250.50',
  amount: {
    negative: (typed) => `金额不能是负数（填写的是 ${typed} 元）`,
    zero: '金额须大于 0 元',
    tooManyDecimals: (typed) => `金额最小到分，最多两位小数（填写的是 ${typed} 元）`,
    tooLarge: (typed) => `金额 ${typed} 元超过本系统的上限 100,000,000 元`,
  },
  notAWholeNumber: '请填写整数，例如 40',
  fillIn: '请填写这一项',
  progress: (done, total) => `${done} / ${total} 已提交`,
  budgetUsed: '已用',
  budgetLeft: '剩余',
  budgetOver: '超出',
  closed: '已截止',
  timeLeft: (days, hours, minutes) =>
    days > 0
      ? `还剩 ${days} 天 ${hours} 小时`
      : hours > 0
        ? `还剩 ${hours} 小时 ${minutes} 分`
        : `还剩 ${minutes} 分钟`,
  today: '今天',
  empty: '暂无。',
  errors: {
    '400': { title: '请求有误', body: '这个请求无法处理，请返回重试。' },
    '401': { title: '请先登录', body: '这个页面需要登录后查看。' },
    '403': { title: '没有权限', body: '你的账号不能查看或操作这个页面。' },
    '404': { title: '找不到页面', body: '页面不存在，或已被移除。请检查网址，或回到首页。' },
    '409': { title: '现在不能这样做', body: '大赛所处阶段不允许这个操作。' },
    '422': { title: '内容需要修改', body: '提交的内容没有通过检查。' },
    '500': { title: '出错了', body: '服务器出了问题，我们已经记录。请稍后再试。' },
    '503': { title: '暂时繁忙', body: '请稍等几秒再试。' },
  },
  expired: { title: '页面已过期', body: '页面已过期，请刷新页面后重试。' },
  reload: '刷新页面',
  home: '回到首页',
  footer: '微创投 · 社区公益微创投大赛与服务购买',
  printed: {
    salutation: (addressee) => `${addressee}：`,
    contact: '联系方式',
    verify: (number, code) => `真伪查验：凭文号“${number}”和验证码 ${code} 在以下网页查询：`,
    printHint: '请使用浏览器的“打印”功能打印本通知书（A4）。',
  },
};

const en: CommonText = {
  productName: 'Micro-Venture',
  productNameOther: '微创投',
  switchLanguage: '中文',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: (name, role) => `${name} (${role})`,
  roles: { resident: 'Resident', judge: 'Judge', officer: 'Street-office officer' },
  nav: {
    contests: 'Contests',
    mine: 'My proposals',
    teams: 'My teams',
    notices: 'My notices',
    procurements: 'Service purchases',
    judging: 'Judging',
    panels: 'Panels',
    office: 'Office',
  },
  skipToContent: 'Skip to content',
  contestStatuses: {
    draft: 'Draft',
    open: 'Open for proposals',
    screening: 'Eligibility screening',
    review: 'Under review',
    publicity: 'Shortlist publicity',
    locked: 'Bundle locked',
    awarded: 'Notices issued',
    cancelled: 'Cancelled',
  },
  proposalStatuses: { draft: 'Draft', submitted: 'Submitted', withdrawn: 'Withdrawn' },
  yes: 'Yes',
  no: 'No',
  save: 'Save',
  cancel: 'Cancel',
  back: 'Back',
  confirm: 'Confirm',
  confirmTitle: 'Please confirm',
  required: 'required',
  optional: 'optional',
  yuanSuffix: 'yuan',
  fixErrors: 'A few things need changing; see the fields marked below.',
  colon: ': ',
  notAnAmount: 'Enter an amount in yuan with at most two decimals, e.g. 1,250.50',
  amount: {
    negative: (typed) => `An amount cannot be negative (${typed} yuan was entered)`,
    zero: 'The amount must be more than 0 yuan',
    tooManyDecimals: (typed) =>
      `An amount goes down to the fen, two decimals at most (${typed} yuan was entered)`,
    tooLarge: (typed) => `${typed} yuan is above the system's limit of 100,000,000 yuan`,
  },
  notAWholeNumber: 'Enter a whole number, e.g. 40',
  fillIn: 'Please fill this in',
  progress: (done, total) => `${done} / ${total} submitted`,
  budgetUsed: 'Used',
  budgetLeft: 'Left',
  budgetOver: 'Over',
  closed: 'Closed',
  timeLeft: (days, hours, minutes) =>
    days > 0
      ? `${days} d ${hours} h left`
      : hours > 0
        ? `${hours} h ${minutes} min left`
        : `${minutes} min left`,
  today: 'Today',
  empty: 'Nothing yet.',
  errors: {
    '400': { title: 'Bad request', body: 'This request cannot be handled. Go back and try again.' },
    '401': { title: 'Please sign in', body: 'You need to sign in to see this page.' },
    '403': { title: 'Not allowed', body: 'Your account cannot see or do this.' },
    '404': {
      title: 'Page not found',
      body: 'This page does not exist or was removed. Check the address or go to the home page.',
    },
    '409': { title: 'Not possible now', body: "The contest's phase does not allow this." },
    '422': { title: 'Please check the input', body: 'What was sent did not pass the checks.' },
    '500': { title: 'Something went wrong', body: 'The server failed; it has been logged. Try again later.' },
    '503': { title: 'Busy', body: 'Please try again in a few seconds.' },
  },
  expired: { title: 'This page has expired', body: 'This page has expired; reload it and try again.' },
  reload: 'Reload the page',
  home: 'Home page',
  footer: 'Micro-Venture · community micro-venture contests and service purchasing',
  printed: {
    salutation: (addressee) => `To ${addressee}:`,
    contact: 'Contact',
    verify: (number, code) => `To check this notice, enter its number “${number}” and code ${code} at:`,
    printHint: 'Use the browser’s Print command to print this notice (A4).',
  },
};

export const commonTexts: Texts<CommonText> = { 'zh-CN': zhCN, en };
