import { z } from './zod.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** zh-CN first: the product's users are Chinese street offices and residents. */
export function negotiateLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

type Params = Record<string, string | number>;
type Message = Record<Locale, string>;

/** Every message a client can read, keyed by a stable code. `{name}` marks a parameter. */
const messages = {
  'http.badRequest': { 'zh-CN': '请求无效', en: 'Bad request' },
  'http.malformedJson': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'http.payloadTooLarge': {
    'zh-CN': '请求体过大（上限 {limit} 字节）',
    en: 'Request body too large (limit {limit} bytes)',
  },
  'http.notFound': { 'zh-CN': '未找到该资源', en: 'Not found' },
  'http.methodNotAllowed': {
    'zh-CN': '该地址不支持 {method} 请求，可用的方法：{allowed}',
    en: 'This address does not take {method}; it takes {allowed}',
  },
  'http.tooManyRequests': {
    'zh-CN': '请求过于频繁，请 {seconds} 秒后再试',
    en: 'Too many requests; try again in {seconds} seconds',
  },
  'http.unauthorized': { 'zh-CN': '请先登录', en: 'Sign-in required' },
  'http.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'http.internal': { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  'http.unavailable': {
    'zh-CN': '服务暂时繁忙，请稍后重试',
    en: 'The service is busy; please retry shortly',
  },
  'http.unsupportedMediaType': {
    'zh-CN': '请以 application/json 发送请求体',
    en: 'Send the request body as application/json',
  },
  'validation.failed': { 'zh-CN': '输入校验未通过', en: 'The input is not valid' },
  'precondition.required': {
    'zh-CN': '修改需要 If-Match 请求头（取自最近一次读取的 ETag）',
    en: 'This change needs an If-Match header (the ETag of your last read)',
  },
  'precondition.failed': {
    'zh-CN': '内容已被他人修改，请刷新后重试',
    en: 'Someone else changed this since you read it; reload and try again',
  },
  'precondition.malformed': {
    'zh-CN': 'If-Match 请求头格式不正确：应为 *，或以逗号分隔的 ETag（如 "3"）',
    en: 'The If-Match header is malformed: send *, or comma-separated ETags such as "3"',
  },
  'idempotency.mismatch': {
    'zh-CN': '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  'cursor.invalid': { 'zh-CN': '分页游标无效', en: 'The pagination cursor is not valid' },
  'auth.invalidToken': { 'zh-CN': '登录凭证无效或已过期', en: 'The sign-in token is invalid or expired' },
  'auth.signInFailed': {
    'zh-CN': '登录未完成或已过期，请重新登录',
    en: 'The sign-in did not complete or has expired; please sign in again',
  },
  'auth.signInUnavailable': {
    'zh-CN': '登录服务暂不可用，请稍后再试',
    en: 'The sign-in service is not available; please try again later',
  },
  'auth.wrongOffice': {
    'zh-CN': '只能操作本街道办事处的事务',
    en: 'Officers may act only within their own office',
  },
  'auth.notTeamOwner': {
    'zh-CN': '只有申报团队的负责人可以操作',
    en: 'Only the team that owns it may do this',
  },
  'office.notFound': { 'zh-CN': '街道办事处不存在', en: 'Office not found' },
  'contest.notFound': { 'zh-CN': '大赛不存在', en: 'Contest not found' },
  'contest.notDraft': {
    'zh-CN': '大赛已开始征集，规则已冻结，不能再修改',
    en: 'The contest is no longer a draft: its rules are frozen',
  },
  'contest.wrongStatus': {
    'zh-CN': '大赛当前状态为“{status}”，不能执行此操作',
    en: 'The contest is {status}; this action is not possible now',
  },
  'contest.notOpen': { 'zh-CN': '大赛未在征集阶段', en: 'The contest is not open for proposals' },
  'contest.deadlinePassed': {
    'zh-CN': '申报已于 {deadline} 截止',
    en: 'Submissions closed at {deadline}',
  },
  'contest.deadlineNotPassed': {
    'zh-CN': '申报截止时间 {deadline} 未到，不能结束征集',
    en: 'Submissions are open until {deadline}; they cannot be closed before then',
  },
  'contest.deadlineInPast': {
    'zh-CN': '申报截止时间必须晚于当前时间',
    en: 'The submission deadline must be in the future',
  },
  'contest.datesOutOfOrder': {
    'zh-CN': '评审截止时间必须晚于申报截止时间',
    en: 'The review deadline must come after the submission deadline',
  },
  'contest.capAboveBudget': {
    'zh-CN': '单个项目上限不能超过总预算',
    en: 'The per-project cap cannot exceed the budget',
  },
  'contest.duplicateCode': { 'zh-CN': '编码“{value}”重复', en: 'The code “{value}” is repeated' },
  'contest.unknownCriterion': {
    'zh-CN': '“{value}”不是评分标准中的评分项',
    en: '“{value}” is not a criterion of the rubric',
  },
  'rubric.sum': {
    'zh-CN': '评分项满分合计必须为 100 分（当前 {total} 分）',
    en: 'Criteria maximums must add up to 100 points (now {total})',
  },
  'rubric.halfPoint': { 'zh-CN': '分值须为 0.5 分的整数倍', en: 'Points must be in steps of 0.5' },
  'score.range': {
    'zh-CN': '“{criterion}”的得分须在 0 至 {max} 分之间',
    en: 'The score for “{criterion}” must be between 0 and {max} points',
  },
  'score.halfPoint': {
    'zh-CN': '“{criterion}”的得分须为 0.5 分的整数倍',
    en: 'The score for “{criterion}” must be in steps of 0.5 points',
  },
  'score.missing': {
    'zh-CN': '提交前须为“{criterion}”打分',
    en: 'Give a score for “{criterion}” before submitting',
  },
  'team.notFound': { 'zh-CN': '申报团队不存在', en: 'Team not found' },
  'team.certificateRequired': {
    'zh-CN': '已登记的社会组织须填写登记证书编号',
    en: 'A registered organisation must give its certificate number',
  },
  'team.leaderRequired': {
    'zh-CN': '团队须有且仅有一名负责人',
    en: 'A team needs exactly one leader',
  },
  'team.leaderPhoneRequired': {
    'zh-CN': '团队负责人须留联系电话',
    en: 'The team leader must give a contact phone',
  },
  'proposal.notFound': { 'zh-CN': '项目申报书不存在', en: 'Proposal not found' },
  'proposal.notEditable': {
    'zh-CN': '申报书状态为“{status}”，不能修改；如需修改请先撤回',
    en: 'The proposal is {status} and cannot be edited; withdraw it first',
  },
  'proposal.wrongStatus': {
    'zh-CN': '申报书状态为“{status}”，不能执行此操作',
    en: 'The proposal is {status}; this action is not possible now',
  },
  'proposal.incomplete': {
    'zh-CN': '申报书尚不完整，不能提交',
    en: 'The proposal is incomplete and cannot be submitted',
  },
  'proposal.budgetSum': {
    'zh-CN': '预算明细合计 {sum} 分与申请金额 {requested} 分不一致',
    en: 'Budget lines add up to {sum} fen, not the requested {requested} fen',
  },
  'proposal.lineAmount': {
    'zh-CN': '金额应等于单价 × 数量（{expected} 分）',
    en: 'The amount must equal unit price × quantity ({expected} fen)',
  },
  'proposal.aboveCap': {
    'zh-CN': '申请金额超过单个项目上限 {cap} 分',
    en: 'The requested amount is above the per-project cap of {cap} fen',
  },
  'proposal.minViableAboveRequested': {
    'zh-CN': '最低可执行金额不能高于申请金额',
    en: 'The minimum viable amount cannot exceed the requested amount',
  },
  'proposal.unknownCategory': {
    'zh-CN': '类别“{value}”不在本次大赛的类别中',
    en: 'Category “{value}” is not one of this contest’s categories',
  },
  'proposal.unknownCommunity': {
    'zh-CN': '社区“{value}”不在本次大赛的范围内',
    en: 'Community “{value}” is not eligible in this contest',
  },
  'screening.reasonRequired': {
    'zh-CN': '判定不合格时必须填写理由',
    en: 'A reason is required when marking a proposal ineligible',
  },
  'judge.notOnPanel': { 'zh-CN': '您不是本次大赛的评审专家', en: 'You are not on this contest’s panel' },
  'judge.notAssigned': {
    'zh-CN': '该项目未分配给这位评审专家',
    en: 'This proposal is not assigned to this judge',
  },
  'judge.conflicted': {
    'zh-CN': '您与该项目存在利益冲突，不能查看或评分',
    en: 'You have a conflict of interest with this proposal and cannot see or score it',
  },
  'assignment.conflicted': {
    'zh-CN': '该评审专家与该项目存在利益冲突',
    en: 'This judge has a conflict of interest with this proposal',
  },
  'assignment.hasSheet': {
    'zh-CN': '该评审专家已提交评分表，不能撤销分配',
    en: 'The judge has submitted a sheet for it; the assignment cannot be withdrawn',
  },
  'proposal.notEligible': {
    'zh-CN': '只有资格审查合格的项目才进入评审',
    en: 'Only proposals screened as eligible are reviewed',
  },
  'review.screeningIncomplete': {
    'zh-CN': '还有 {count} 份申报书未完成资格审查，不能开始评审',
    en: '{count} submissions are not screened yet; review cannot start',
  },
  'sheet.notFound': { 'zh-CN': '评分表不存在', en: 'Score sheet not found' },
  'sheet.final': {
    'zh-CN': '评分表已提交，不能再修改；如需更正请联系街道工作人员重新开启',
    en: 'The sheet is submitted and final; an officer can reopen it',
  },
  'sheet.notSubmitted': { 'zh-CN': '评分表尚未提交', en: 'The sheet has not been submitted' },
  'conflict.sheetSubmitted': {
    'zh-CN': '您已提交该申报书的评分表，需由工作人员注明理由退回后才能申报回避',
    en: 'You have submitted your sheet for this proposal; an officer must reopen it, with a reason, before you can declare a conflict',
  },
  'sheet.recommendedAboveRequested': {
    'zh-CN': '建议金额不能高于申请金额 {value} 分',
    en: 'The recommended amount cannot exceed the requested {value} fen',
  },
  'bundle.quotaUnmet': {
    'zh-CN': '类别“{category}”至少须入围 {min} 个项目，按现有排名和预算最多只能入围 {possible} 个',
    en: 'Category “{category}” needs at least {min} selected proposals; at most {possible} are possible',
  },
  'bundle.manualOverBudget': {
    'zh-CN': '手动补入的项目合计 {totalFen} 分，超过预算 {budgetFen} 分',
    en: 'The proposals added by hand come to {totalFen} fen, over the budget of {budgetFen} fen',
  },
  'bundle.manualConflict': {
    'zh-CN': '手动决定相互矛盾（同一项目既补入又剔除，或补入了互斥的项目）：{ids}',
    en: 'The manual decisions contradict each other (added and dropped, or incompatible): {ids}',
  },
  'bundle.manualUnknown': {
    'zh-CN': '手动决定涉及的项目不在排名中：{ids}',
    en: 'The manual decisions name proposals that are not ranked: {ids}',
  },
  'bundle.minViableAboveAmount': {
    'zh-CN': '核定金额低于项目的最低可执行金额：{ids}',
    en: 'The approved amount is below the proposal’s minimum viable amount: {ids}',
  },
  'bundle.searchLimit': {
    'zh-CN': '总分最高组合的计算超出上限，未能证明最优，请联系管理员',
    en: 'The max-score search hit its limit before proving an optimum; contact the administrator',
  },
  'bundle.reviewIncomplete': {
    'zh-CN': '还有 {count} 个项目评审份数不足，不能发布公示',
    en: '{count} proposals do not have enough reviews yet; the bundle cannot be published',
  },
  'bundle.unknownProposal': {
    'zh-CN': '“{value}”不是本次大赛资格审查合格的项目',
    en: '“{value}” is not an eligible proposal of this contest',
  },
  'bundle.trimAboveRequest': {
    'zh-CN': '核定金额不能高于申请金额 {value} 分',
    en: 'The approved amount cannot exceed the requested {value} fen',
  },
  'bundle.reviewChanged': {
    'zh-CN': '评分、回避或取舍决定在发布前刚刚发生变化，请刷新后重新核对再发布',
    en: 'Scores, conflicts or decisions changed just before publishing; reload, check and publish again',
  },
  'bundle.notPublished': { 'zh-CN': '服务包尚未公示', en: 'The bundle has not been published' },
  'bundle.publicityOver': {
    'zh-CN': '公示期已于 {endsAt} 结束，不再受理异议',
    en: 'Publicity ended at {endsAt}; objections are closed',
  },
  'bundle.publicityNotOver': {
    'zh-CN': '公示期至 {endsAt} 结束，结束前不能锁定',
    en: 'Publicity runs until {endsAt}; the bundle cannot be locked before then',
  },
  'bundle.objectionsOpen': {
    'zh-CN': '还有 {count} 条异议未答复，不能锁定',
    en: '{count} objections are not answered yet; the bundle cannot be locked',
  },
  'bundle.overBudget': {
    'zh-CN': '服务包金额超过预算，不能锁定',
    en: 'The bundle is over budget and cannot be locked',
  },
  'bundle.alreadyLocked': {
    'zh-CN': '服务包已锁定，不能再次锁定或修改',
    en: 'The bundle is already locked; it cannot be locked again or changed',
  },
  'bundle.notLocked': { 'zh-CN': '服务包尚未锁定', en: 'The bundle has not been locked' },
  'audit.broken': {
    'zh-CN': '审计记录第 {seq} 条校验失败，不能锁定；请联系管理员核查',
    en: 'The audit trail fails verification at entry {seq}; the bundle cannot be locked until it is checked',
  },
  'objection.notFound': { 'zh-CN': '异议不存在', en: 'Objection not found' },
  'objection.answered': { 'zh-CN': '该异议已答复', en: 'This objection has already been answered' },
  'notice.notFound': { 'zh-CN': '通知书不存在', en: 'Notice not found' },
  'procurement.wrongPhase': {
    'zh-CN': '磋商项目当前处于“{phase}”阶段，不能执行此操作',
    en: 'The procurement is in its {phaseEn} phase; this action is not possible now',
  },
  'procurement.bidsSealed': {
    'zh-CN': '响应文件在 {deadline} 递交截止前密封，任何人（包括工作人员）都不能查看',
    en: 'Bids stay sealed until the bidding deadline, {deadline}; nobody, officers included, may read one before',
  },
  'procurement.weightOutsideBand': {
    'zh-CN': '价格分权重 {weight}% 超出本类项目 {min}%–{max}% 的范围，须记录财政部门审核同意的理由',
    en: 'A price weight of {weight}% is outside the {min}%–{max}% band; record the finance department’s approval',
  },
  'procurement.pointsSum': {
    'zh-CN': '评分项满分合计 {criteria} 分加价格分 {price} 分须等于 100 分',
    en: 'The criteria ({criteria} points) and the price points ({price}) must add up to 100',
  },
  'procurement.twoOnlyForPurchasedServices': {
    'zh-CN': '只有政府购买服务项目可以在符合要求的供应商只有 2 家时继续磋商',
    en: 'Only government-purchased services may go on with 2 responsive suppliers',
  },
  'procurement.panelSize': {
    'zh-CN': '磋商小组须为 3 人以上单数（当前 {count} 人）',
    en: 'The panel needs an odd number of members, at least 3 (now {count})',
  },
  'procurement.panelDuplicate': {
    'zh-CN': '磋商小组成员“{value}”重复',
    en: 'Panel member “{value}” is listed twice',
  },
  'procurement.datesOutOfOrder': {
    'zh-CN': '最后报价截止时间必须晚于响应文件递交截止时间',
    en: 'The final quotation deadline must come after the bidding deadline',
  },
  'procurement.biddingTooShort': {
    'zh-CN': '自发布磋商文件至响应文件递交截止不得少于 {days} 日，截止时间最早为 {earliest}',
    en: 'Bidding must stay open at least {days} days after the announcement; the earliest deadline is {earliest}',
  },
  'dev.unknownUser': {
    'zh-CN': '没有这位演示用户；可选：{users}',
    en: 'No such demo user; choose one of {users}',
  },
  'dev.advanceDays': {
    'zh-CN': '前进天数须为 0 至 365 之间的整数',
    en: 'advanceDays must be a whole number from 0 to 365',
  },
  'money.fen': {
    'zh-CN': '金额须为非负整数（单位：分）',
    en: 'Money must be a non-negative whole number of fen',
  },
} satisfies Record<string, Message>;

export type MessageCode = keyof typeof messages;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(messages, code);
}

export function t(locale: Locale, code: MessageCode, params: Params = {}): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/*
 * zod builds each issue's message once, when the input is still at hand, but the locale is
 * known only per request. So every message is rendered in both locales at that moment and
 * packed into the one message string; `issueMessage` unpacks the reader's locale.
 */
const zodLocales: Record<Locale, z.core.$ZodErrorMap> = {
  en: z.locales.en().localeError,
  'zh-CN': z.locales.zhCN().localeError,
};
const PACKED = '\u0000i18n:';

function renderIssue(issue: z.core.$ZodRawIssue, locale: Locale): string {
  const params = (issue as { params?: { code?: unknown } & Params }).params;
  if (issue.code === 'custom' && params && isMessageCode(params.code)) return t(locale, params.code, params);
  const rendered = zodLocales[locale](issue);
  return typeof rendered === 'string' ? rendered : (rendered?.message ?? '');
}

z.config({
  customError: (issue) =>
    PACKED + JSON.stringify({ en: renderIssue(issue, 'en'), 'zh-CN': renderIssue(issue, 'zh-CN') }),
});

export function issueMessage(message: string, locale: Locale): string {
  if (!message.startsWith(PACKED)) return message;
  try {
    const packed = JSON.parse(message.slice(PACKED.length)) as Message;
    return packed[locale];
  } catch {
    return message;
  }
}
