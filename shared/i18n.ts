import { formatBeijing } from './clock.ts';
import { fieldName } from './field-names.ts';
import { formatYuan } from './money.ts';
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

/**
 * Every message a client can read, keyed by a stable code. `{name}` marks a parameter shown as
 * given; `{name:kind}` one shown in people's units: `yuan` (given in fen), `time` (given as
 * UTC ISO-8601, shown in Beijing time), `phase` (a contest status, shown by its name),
 * `proposalStatus`, `bytes`, `list` (items made by `listParam`, joined in the reader's language).
 */
const messages = {
  'http.badRequest': { 'zh-CN': '请求无效', en: 'Bad request' },
  'http.malformedJson': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'http.payloadTooLarge': {
    'zh-CN': '请求体过大（上限 {limit:bytes}）',
    en: 'Request body too large (limit {limit:bytes})',
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
  'quota.objections': {
    'zh-CN': '每位居民对同一大赛最多提出 {limit} 条异议，您已达到上限',
    en: 'A resident may file at most {limit} objections on one contest; you have reached that limit',
  },
  'quota.teams': {
    'zh-CN': '每位居民最多登记 {limit} 个申报团队，您已达到上限',
    en: 'A resident may register at most {limit} teams; you have reached that limit',
  },
  'quota.proposals': {
    'zh-CN': '每个团队在同一大赛中最多创建 {limit} 份申报书，该团队已达到上限',
    en: 'A team may create at most {limit} proposals in one contest; this team has reached that limit',
  },
  'http.unauthorized': { 'zh-CN': '请先登录', en: 'Sign-in required' },
  'http.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'http.internal': { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  'page.expired': {
    'zh-CN': '页面已过期（或来自另一次登录），请刷新页面后重试',
    en: 'This page has expired (or belongs to another sign-in); reload it and try again',
  },
  'page.unknownAction': {
    'zh-CN': '页面提交了未知的操作“{action}”，请刷新页面后重试',
    en: 'The page sent an action this form does not know (“{action}”); reload it and try again',
  },
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
  'auth.officerMayNotEnter': {
    'zh-CN': '您是本街道办事处的工作人员，不能在本街道的大赛中申报项目',
    en: 'As an officer of this office you may not enter its contests',
  },
  'auth.officerMayNotJudge': {
    'zh-CN': '您是本街道办事处的工作人员，不能担任本街道大赛的评审专家',
    en: 'As an officer of this office you may not judge in its contests',
  },
  'auth.ownProposal': {
    'zh-CN': '不能审查自己申报的项目，请由其他工作人员审查',
    en: 'You may not screen a proposal you entered; another officer must screen it',
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
    'zh-CN': '大赛当前处于“{status:phase}”阶段，不能执行此操作',
    en: 'The contest is in its “{status:phase}” phase; this action is not possible now',
  },
  'contest.notOpen': { 'zh-CN': '大赛未在征集阶段', en: 'The contest is not open for proposals' },
  'contest.deadlinePassed': {
    'zh-CN': '申报已于 {deadline:time} 截止',
    en: 'Submissions closed at {deadline:time}',
  },
  'contest.deadlineNotPassed': {
    'zh-CN': '申报截止时间 {deadline:time} 未到，不能结束征集',
    en: 'Submissions are open until {deadline:time}; they cannot be closed before then',
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
  'contest.judgesBelowQuorum': {
    'zh-CN': '每个项目分配的评审人数不能少于最少有效评分数 {minJudges}',
    en: 'Judges per proposal cannot be fewer than the quorum of {minJudges}',
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
    'zh-CN': '申报书状态为“{status:proposalStatus}”，不能修改；如需修改请先撤回',
    en: 'The proposal is {status:proposalStatus} and cannot be edited; withdraw it first',
  },
  'proposal.wrongStatus': {
    'zh-CN': '申报书状态为“{status:proposalStatus}”，不能执行此操作',
    en: 'The proposal is {status:proposalStatus}; this action is not possible now',
  },
  'proposal.incomplete': {
    'zh-CN': '申报书尚不完整，不能提交',
    en: 'The proposal is incomplete and cannot be submitted',
  },
  'proposal.budgetSum': {
    'zh-CN': '预算明细合计 {sum:yuan}，与申请金额 {requested:yuan}不一致',
    en: 'Budget lines add up to {sum:yuan}, not the requested {requested:yuan}',
  },
  'proposal.lineAmount': {
    'zh-CN': '金额应等于单价 × 数量（{expected:yuan}）',
    en: 'The amount must equal unit price × quantity ({expected:yuan})',
  },
  'proposal.aboveCap': {
    'zh-CN': '申请金额 {requested:yuan}超过单个项目上限 {cap:yuan}',
    en: 'The requested amount of {requested:yuan} is above the per-project cap of {cap:yuan}',
  },
  'proposal.minViableAboveRequested': {
    'zh-CN': '最低可执行金额不能高于申请金额',
    en: 'The minimum viable amount cannot exceed the requested amount',
  },
  'proposal.unknownCategory': {
    'zh-CN': '类别“{value}”不在本次大赛的类别中',
    en: 'Category “{value}” is not one of this contest’s categories',
  },
  'community.codeTaken': {
    'zh-CN': '社区编码“{value}”已属于社区“{name}”',
    en: 'The community code “{value}” already belongs to “{name}”',
  },
  'community.nameTaken': {
    'zh-CN': '社区“{value}”已在社区名单中，编码为“{code}”',
    en: 'Community “{value}” is already on the list, with the code “{code}”',
  },
  'community.repeated': {
    'zh-CN': '社区“{value}”重复',
    en: 'Community “{value}” is listed twice',
  },
  'community.tooMany': {
    'zh-CN': '每个街道办事处最多登记 {limit} 个社区',
    en: 'An office may list at most {limit} communities',
  },
  'team.unknownCommunity': {
    'zh-CN': '社区“{value}”不在该街道办事处的社区名单中',
    en: 'Community “{value}” is not on the office’s list of communities',
  },
  'proposal.unknownCommunity': {
    'zh-CN': '社区“{value}”不在本次大赛的范围内',
    en: 'Community “{value}” is not eligible in this contest',
  },
  'screening.reasonRequired': {
    'zh-CN': '判定不合格时必须填写理由',
    en: 'A reason is required when marking a proposal ineligible',
  },
  'screening.repeated': {
    'zh-CN': '同一份申报书在本次请求中出现了不止一次',
    en: 'The same proposal appears more than once in this request',
  },
  'judge.notOnPanel': { 'zh-CN': '您不是本次大赛的评审专家', en: 'You are not on this contest’s panel' },
  'judge.unknownUser': {
    'zh-CN': '账号“{judgeId}”尚未登录过本系统：评审专家须先登录一次，才能加入评审组',
    en: 'Account “{judgeId}” has never signed in: a judge signs in once before joining a panel',
  },
  'judge.notAJudge': {
    'zh-CN': '账号“{judgeId}”不是评审专家，不能加入评审组',
    en: 'Account “{judgeId}” is not a judge and cannot join a panel',
  },
  'judge.officerOfOffice': {
    'zh-CN': '账号“{judgeId}”是本街道办事处的工作人员，不能担任本街道大赛的评审专家或采购项目的磋商小组成员',
    en: 'Account “{judgeId}” is an officer of this office and may not sit on its panels (contest judging or a procurement’s panel)',
  },
  'judge.notOnPanelOf': {
    'zh-CN': '该评审专家不在本次大赛的评审组中',
    en: 'This judge is not on the contest’s panel',
  },
  'judge.hasSubmittedSheets': {
    'zh-CN': '该评审专家已提交评分表，不能移出评审组；如确需移出，请先注明理由退回其评分表',
    en: 'This judge has submitted sheets and stays on the panel; reopen them, with a reason, first',
  },
  'judge.tooManyToReplan': {
    'zh-CN': '该评审专家有 {count} 项分配，超出一次调整的上限；请先手动撤销部分分配',
    en: 'This judge has {count} assignments, more than one change can move; withdraw some by hand first',
  },
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
    'zh-CN': '建议金额不能高于申请金额 {value:yuan}',
    en: 'The recommended amount cannot exceed the requested {value:yuan}',
  },
  'bundle.rankingChanged': {
    'zh-CN':
      '确认页显示之后又有评分表提交或退回，排名和入围名单可能已经变化；请看下面更新后的名单，再确认公示',
    en: 'A score sheet was submitted or reopened after the confirmation was shown, so the ranking and the bundle may have changed; check the updated bundle below and confirm again',
  },
  'bundle.openSheets': {
    'zh-CN': '还有 {count} 份已分配的评分表未提交：{sheets:list}；这些评分不计入排名，确认后才能公示',
    en: '{count} assigned score sheets are still open: {sheets:list}; they will not count, so publishing needs a confirmation',
  },
  'bundle.openSheetsConfirm': {
    'zh-CN': '确认不等待未提交的评分表即公示时，请设为 true',
    en: 'Set to true to publish without the open sheets',
  },
  'bundle.quotaUnmet': {
    'zh-CN': '类别“{category}”至少须入围 {min} 个项目，按现有排名和预算最多只能入围 {possible} 个',
    en: 'Category “{category}” needs at least {min} selected proposals; at most {possible} are possible',
  },
  'bundle.manualOverBudget': {
    'zh-CN': '手动补入的项目 {titles:list} 合计 {totalFen:yuan}，超过预算 {budgetFen:yuan}',
    en: 'The proposals added by hand, {titles:list}, come to {totalFen:yuan}, over the budget of {budgetFen:yuan}',
  },
  'bundle.manualConflict': {
    'zh-CN': '手动决定相互矛盾（同一项目既补入又剔除，或补入了互斥的项目）：{titles:list}',
    en: 'The manual decisions contradict each other (added and dropped, or incompatible): {titles:list}',
  },
  'bundle.manualUnknown': {
    'zh-CN': '手动决定涉及的项目不在排名中：{titles:list}',
    en: 'The manual decisions name proposals that are not ranked: {titles:list}',
  },
  'bundle.minViableAboveAmount': {
    'zh-CN': '核定金额低于项目的最低可执行金额：{titles:list}',
    en: 'The approved amount is below the proposal’s minimum viable amount: {titles:list}',
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
    'zh-CN': '以下项目的核定金额高于其申请金额：{titles:list}',
    en: 'The approved amount is above the requested amount for: {titles:list}',
  },
  'bundle.reviewChanged': {
    'zh-CN': '评分、回避或取舍决定在发布前刚刚发生变化，请刷新后重新核对再发布',
    en: 'Scores, conflicts or decisions changed just before publishing; reload, check and publish again',
  },
  'bundle.notPublished': { 'zh-CN': '服务包尚未公示', en: 'The bundle has not been published' },
  'bundle.publicityOver': {
    'zh-CN': '公示期已于 {endsAt:time} 结束，不再受理异议',
    en: 'Publicity ended at {endsAt:time}; objections are closed',
  },
  'bundle.publicityNotOver': {
    'zh-CN': '公示期至 {endsAt:time} 结束，结束前不能锁定',
    en: 'Publicity runs until {endsAt:time}; the bundle cannot be locked before then',
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
    'zh-CN': '响应文件在 {deadline:time} 递交截止前密封，任何人（包括工作人员）都不能查看',
    en: 'Bids stay sealed until the bidding deadline, {deadline:time}; nobody, officers included, may read one before',
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
  'procurement.reason.unregistered': {
    'zh-CN': '不是依法登记的社会组织（无登记证书编号）',
    en: 'not a registered organisation (no certificate number)',
  },
  'procurement.reason.aboveCeiling': {
    'zh-CN': '报价 {amount} 元高于最高限价 {ceiling} 元',
    en: 'its price of {amount} yuan is above the ceiling of {ceiling} yuan',
  },
  'procurement.reason.missingParts': {
    'zh-CN': '响应文件缺少：{parts}',
    en: 'the bid lacks: {parts}',
  },
  'procurement.reason.noFinalQuotation': { 'zh-CN': '未提交最后报价', en: 'no final quotation' },
  'procurement.reason.finalAboveCeiling': {
    'zh-CN': '最后报价 {amount} 元高于最高限价 {ceiling} 元',
    en: 'its final quotation of {amount} yuan is above the ceiling of {ceiling} yuan',
  },
  'procurement.biddingTooShort': {
    'zh-CN': '自发布磋商文件至响应文件递交截止不得少于 {days} 日，截止时间最早为 {earliest:time}',
    en: 'Bidding must stay open at least {days} days after the announcement; the earliest deadline is {earliest:time}',
  },
  'procurement.notFound': { 'zh-CN': '磋商项目不存在', en: 'Procurement not found' },
  'procurement.bidNotFound': {
    'zh-CN': '该供应商没有递交响应文件',
    en: 'This supplier has not sent a bid',
  },
  'procurement.notOnPanel': {
    'zh-CN': '您不是本项目磋商小组的成员',
    en: 'You are not on this procurement’s panel',
  },
  'procurement.biddingClosed': {
    'zh-CN': '响应文件已于 {deadline:time} 截止递交',
    en: 'Bids closed at {deadline:time}',
  },
  'procurement.biddingOpen': {
    'zh-CN': '响应文件递交截止时间 {deadline:time} 未到，不能开启响应文件',
    en: 'Bidding is open until {deadline:time}; the bids cannot be opened before then',
  },
  'procurement.alreadyBid': {
    'zh-CN': '该供应商已递交响应文件，每家供应商只能递交一次',
    en: 'This supplier has already sent its bid; each supplier bids once',
  },
  'procurement.certificateAlreadyBid': {
    'zh-CN': '统一社会信用代码为 {value} 的机构已递交响应文件，同一机构只能递交一次',
    en: 'The organisation with certificate number {value} has already sent a bid; each organisation bids once',
  },
  'procurement.aboveCeiling': {
    'zh-CN': '报价 {amount:yuan}高于最高限价 {ceiling:yuan}',
    en: 'The price of {amount:yuan} is above the ceiling price of {ceiling:yuan}',
  },
  'procurement.unknownPart': {
    'zh-CN': '“{value}”不是磋商文件要求的响应文件组成部分',
    en: '“{value}” is not a part the consultation documents ask for',
  },
  'procurement.notResponsive': {
    'zh-CN': '该供应商的响应文件未实质性响应磋商文件，不能提交最后报价',
    en: 'This supplier’s bid is not responsive; it cannot give a final quotation',
  },
  'procurement.alreadyQuoted': {
    'zh-CN': '该供应商已提交最后报价，只能提交一次',
    en: 'This supplier has already given its final quotation; it is given once',
  },
  'procurement.quotationClosed': {
    'zh-CN': '最后报价已于 {deadline:time} 截止',
    en: 'Final quotations closed at {deadline:time}',
  },
  'procurement.quotationDeadlinePast': {
    'zh-CN': '最后报价截止时间 {deadline:time} 已过，请定一个尚未到来的截止时间',
    en: 'The final-quotation deadline {deadline:time} has passed; set one that is still ahead',
  },
  'procurement.quotationOpen': {
    'zh-CN': '最后报价截止时间 {deadline:time} 未到，不能开始评分',
    en: 'Final quotations are open until {deadline:time}; scoring cannot start before then',
  },
  'procurement.tooFewResponsive': {
    'zh-CN': '实质性响应的供应商只有 {responsive} 家，少于要求的 {required} 家，应终止采购',
    en: 'Only {responsive} suppliers respond, fewer than the {required} required; the procurement must be terminated',
  },
  'procurement.conflicted': {
    'zh-CN': '您与该供应商存在利益关系，应当回避，不能评分',
    en: 'You have a conflict of interest with this supplier and cannot score it',
  },
  'procurement.notScored': {
    'zh-CN': '该响应文件无效或没有最后报价，不参加评分',
    en: 'This bid is not responsive or has no final quotation; it is not scored',
  },
  'procurement.sheetSubmitted': {
    'zh-CN': '您已提交对该供应商的评分，不能再修改或回避；如需更正，须由街道工作人员注明理由重新开启',
    en: 'You have already submitted your sheet for this supplier; it is final unless an officer reopens it, with a reason',
  },
  'procurement.evaluationIncomplete': {
    'zh-CN': '还有 {count} 份评分未提交，不能推荐成交候选人',
    en: '{count} sheets are still missing; the candidates cannot be recommended yet',
  },
  'procurement.evaluationChanged': {
    'zh-CN': '推荐前刚有评分或回避发生变化，请刷新后重新核对再推荐',
    en: 'A sheet or a conflict changed just before the recommendation; reload, check and recommend again',
  },
  'procurement.noCandidate': {
    'zh-CN': '已没有可确定的成交候选人，请终止采购并记录理由',
    en: 'No candidate is left to confirm; terminate the procurement with the reason',
  },
  'procurement.resultNotPublished': {
    'zh-CN': '成交结果尚未公告',
    en: 'The result has not been announced yet',
  },
  'text.invisible': {
    'zh-CN': '{field}须包含至少一个看得见的字符（空格、零宽字符、盲文空白等填充字符不算）',
    en: '{field} needs at least one visible character (spaces, zero-width and blank filler characters do not count)',
  },
  'text.bidi': {
    'zh-CN': '{field}不能包含改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069）',
    en: '{field} cannot contain characters that change the text direction (U+202A–U+202E, U+2066–U+2069)',
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
    'zh-CN': '金额须为不小于 0 的金额，最多精确到分',
    en: 'Amounts must be zero or more, to the fen at most',
  },
} satisfies Record<string, Message>;

export type MessageCode = keyof typeof messages;

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(messages, code);
}

/** What people call each phase of a contest. */
export const PHASE_NAMES: Record<string, Message> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  open: { 'zh-CN': '征集中', en: 'open for proposals' },
  screening: { 'zh-CN': '资格审查', en: 'eligibility screening' },
  review: { 'zh-CN': '评审中', en: 'review' },
  publicity: { 'zh-CN': '入围公示', en: 'shortlist publicity' },
  locked: { 'zh-CN': '锁定采购', en: 'bundle locked' },
  awarded: { 'zh-CN': '已发放通知', en: 'notices issued' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** What people call each status of a proposal. */
export const PROPOSAL_STATUS_NAMES: Record<string, Message> = {
  draft: { 'zh-CN': '草稿', en: 'a draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const LIST_ITEM = '\u001f';
const LIST_NOTE = '\u001e';

/**
 * A list parameter (`{name:list}`): its items, each with an optional note shown in brackets
 * ("项目0（专家2）" / "项目0 (专家2)"), joined in the reader's language when the message is read.
 */
export const listParam = (items: readonly (string | readonly [string, string])[]): string =>
  items.map((item) => (typeof item === 'string' ? item : item.join(LIST_NOTE))).join(LIST_ITEM);

/** A parameter in people's units (see `messages`); a value of an unexpected type is shown as is. */
function formatParam(value: string | number, kind: string | undefined, locale: Locale): string {
  if (kind === 'yuan' && typeof value === 'number' && Number.isSafeInteger(value))
    return locale === 'zh-CN' ? `${formatYuan(value)} 元` : `${formatYuan(value)} yuan`;
  if (kind === 'time' && typeof value === 'string' && ISO_TIME.test(value))
    return formatBeijing(value, locale);
  if (kind === 'phase') return PHASE_NAMES[value]?.[locale] ?? String(value);
  if (kind === 'list' && typeof value === 'string')
    return joinList(
      locale,
      value.split(LIST_ITEM).map((item) => {
        const [text = '', note] = item.split(LIST_NOTE);
        return note === undefined ? text : locale === 'zh-CN' ? `${text}（${note}）` : `${text} (${note})`;
      }),
    );
  if (kind === 'proposalStatus') return PROPOSAL_STATUS_NAMES[value]?.[locale] ?? String(value);
  if (kind === 'bytes' && typeof value === 'number')
    return value % 1024 === 0 ? `${value / 1024} KB` : `${value} ${locale === 'zh-CN' ? '字节' : 'bytes'}`;
  return String(value);
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The parameters a message takes, with the kind each is shown as. */
export function placeholders(code: MessageCode): { name: string; kind: string | undefined }[] {
  const found = new Map<string, string | undefined>();
  for (const locale of LOCALES) {
    for (const match of messages[code][locale].matchAll(PLACEHOLDER)) found.set(match[1]!, match[2]);
  }
  return [...found].map(([name, kind]) => ({ name, kind }));
}

export function messageCodes(): MessageCode[] {
  return Object.keys(messages) as MessageCode[];
}

/** The message in the reader's language, every parameter in people's units. */
export function t(locale: Locale, code: MessageCode, params: Params = {}): string {
  return messages[code][locale].replace(PLACEHOLDER, (whole, name: string, kind: string | undefined) =>
    name in params ? formatParam(params[name]!, kind, locale) : whole,
  );
}

/**
 * A list in the reader's language: 甲、乙、丙 in Chinese, "a, b, c" in English (Intl.ListFormat,
 * no conjunction); `clauses` for items that hold commas of their own: 甲；乙 / "a; b".
 */
export function joinList(
  locale: Locale,
  items: readonly string[],
  kind: 'items' | 'clauses' = 'items',
): string {
  if (kind === 'clauses') return items.join(locale === 'zh-CN' ? '；' : '; ');
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items);
}

/** Problem titles for messages that take parameters: a title stays the same for every occurrence. */
const STATUS_TITLES: Record<number, Message> = {
  400: { 'zh-CN': '请求无效', en: 'Bad request' },
  405: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  409: { 'zh-CN': '与当前状态冲突', en: 'Conflict with the current state' },
  412: { 'zh-CN': '前提条件不成立', en: 'Precondition failed' },
  413: { 'zh-CN': '请求体过大', en: 'Request body too large' },
  422: { 'zh-CN': '输入校验未通过', en: 'The input is not valid' },
  429: { 'zh-CN': '请求过于频繁', en: 'Too many requests' },
};

/**
 * RFC 9457's title: the message itself when it takes no parameters, else the status's own
 * title, so no title ever shows a placeholder and the detail carries the particulars.
 */
export function problemTitle(locale: Locale, code: MessageCode, status: number): string {
  if (placeholders(code).length === 0) return t(locale, code);
  return (STATUS_TITLES[status] ?? STATUS_TITLES[400]!)[locale];
}

/*
 * zod builds each issue's message once, when the input is still at hand, but the locale is
 * known only per request. So every message is rendered in both locales at that moment and
 * packed into the one message string; `issueMessage` unpacks the reader's locale.
 */
const PACKED = '\u0000i18n:';

const TYPE_NAMES: Record<string, Message> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
};

/** A size limit in the field's own units: characters, items, yuan for money (fen), or plain numbers. */
function limitOf(issue: { origin?: string; path?: PropertyKey[] }, value: unknown, locale: Locale): string {
  const n = typeof value === 'bigint' ? Number(value) : (value as number);
  const key = String(issue.path?.filter((k) => typeof k === 'string').at(-1) ?? '');
  if (issue.origin === 'string') return locale === 'zh-CN' ? `${n} 个字符` : `${n} characters`;
  if (issue.origin === 'array' || issue.origin === 'set')
    return locale === 'zh-CN' ? `${n} 项` : `${n} items`;
  if (/Fen$/.test(key) && Number.isSafeInteger(n)) return formatParam(n, 'yuan', locale);
  return String(n);
}

/** What is wrong with one field, in words, naming the field (never zod's `expected string, received undefined`). */
function describeIssue(issue: z.core.$ZodRawIssue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const raw = issue as z.core.$ZodRawIssue & {
    path?: PropertyKey[];
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    format?: string;
    values?: unknown[];
    keys?: string[];
    divisor?: number;
  };
  const field = fieldName(raw.path ?? [], locale);
  const Field = zh ? field : capitalize(field);
  switch (raw.code) {
    case 'invalid_type': {
      if (raw.input === undefined) return zh ? `请填写${field}` : `${Field} is required`;
      const type = TYPE_NAMES[raw.expected ?? '']?.[locale] ?? raw.expected ?? '';
      return zh ? `${field}应为${type}` : `${Field} must be ${type}`;
    }
    case 'too_small': {
      if (raw.origin === 'string' && Number(raw.minimum) === 1)
        return zh ? `${field}不能为空` : `${Field} cannot be empty`;
      const limit = limitOf(raw, raw.minimum, locale);
      return zh ? `${field}至少为 ${limit}` : `${Field} must be at least ${limit}`;
    }
    case 'too_big': {
      const limit = limitOf(raw, raw.maximum, locale);
      return zh ? `${field}最多为 ${limit}` : `${Field} must be at most ${limit}`;
    }
    case 'not_multiple_of':
      return zh ? `${field}须为 ${raw.divisor} 的整数倍` : `${Field} must be a multiple of ${raw.divisor}`;
    case 'invalid_format': {
      if (raw.format === 'datetime')
        return zh
          ? `${field}应为带时区的 ISO-8601 时间，如 2026-03-16T09:00:00+08:00`
          : `${Field} must be an ISO-8601 time with its zone, such as 2026-03-16T09:00:00+08:00`;
      return zh ? `${field}的格式不正确` : `${Field} is not in the right format`;
    }
    case 'invalid_value': {
      const options = (raw.values ?? []).map(String).join(zh ? '、' : ', ');
      return zh ? `${field}应为以下之一：${options}` : `${Field} must be one of: ${options}`;
    }
    case 'unrecognized_keys': {
      const keys = (raw.keys ?? []).join(zh ? '、' : ', ');
      return zh ? `不认识的字段：${keys}` : `Unknown field: ${keys}`;
    }
    default:
      return zh ? `${field}的值不正确` : `${Field} is not valid`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderIssue(issue: z.core.$ZodRawIssue, locale: Locale): string {
  const params = (issue as { params?: Params }).params;
  if (issue.code === 'custom' && params && isMessageCode(params.code)) {
    const field = fieldName((issue as { path?: PropertyKey[] }).path ?? [], locale);
    return t(locale, params.code, { field: locale === 'en' ? capitalize(field) : field, ...params });
  }
  return describeIssue(issue, locale);
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
