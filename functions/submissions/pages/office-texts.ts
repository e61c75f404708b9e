import { TRIM_MIN_SHEETS } from '../../../shared/scoring.ts';
import type { Texts } from '../../ui/texts.ts';

export interface OfficeContestText {
  dashboard: string;
  dashboardLead: string;
  newContest: string;
  /** The dashboard's link to the special purchases (the procurement function's list). */
  procurements: string;
  noContests: string;
  head: { title: string; status: string; deadline: string; next: string };
  setUp: string;
  settings: string;
  basics: string;
  title: string;
  callText: string;
  budget: string;
  cap: string;
  categories: string;
  categoriesHint: string;
  communities: string;
  communitiesHint: string;
  rubric: string;
  rubricHint: string;
  criterionName: (n: number) => string;
  criterionMax: (n: number) => string;
  rubricTotal: (total: string) => string;
  judging: string;
  aggregation: string;
  aggregations: Record<'mean' | 'trimmed-mean' | 'median' | 'z-score', string>;
  minJudges: string;
  minJudgesHint: string;
  judgesPerProposal: string;
  judgesPerProposalHint: string;
  outlierMargin: string;
  outlierMarginHint: string;
  shortlisting: string;
  policy: string;
  policies: Record<'rank-fill' | 'rank-strict' | 'max-score', string>;
  minScore: string;
  communityShare: string;
  communityShareHint: string;
  partialFunding: string;
  quotas: string;
  quotaMin: (name: string) => string;
  quotaMax: (name: string) => string;
  dates: string;
  submissionDeadline: string;
  reviewDeadline: string;
  beijingHint: string;
  publicityDays: string;
  noticePrefix: string;
  noticePrefixHint: string;
  create: string;
  save: string;
  notAmount: string;
  notPoints: string;
  notWhole: string;
  notDate: string;
  notPercent: string;
  phase: string;
  open: string;
  openLead: string;
  confirmOpen: string;
  close: string;
  closeLead: string;
  confirmClose: string;
  cancel: string;
  cancelReason: string;
  confirmCancel: string;
  cancelLead: string;
  frozen: string;
  nothingToDo: string;
  screening: string;
  screeningLead: string;
  pickNone: string;
  screenHead: { pick: string; category: string; community: string; requested: string; result: string };
  unscreened: string;
  eligible: string;
  ineligible: (reason: string) => string;
  decision: string;
  markEligible: string;
  markIneligible: string;
  reason: string;
  reasonHint: string;
  applyScreening: string;
  screeningClosed: string;
  failedFor: (title: string, message: string) => string;
  nextStep: string;
}

export const officeContestTexts: Texts<OfficeContestText> = {
  'zh-CN': {
    dashboard: '街道后台',
    dashboardLead: '本街道的大赛，以及每个大赛下一步要做的事。',
    newContest: '新建大赛',
    procurements: '服务采购（竞争性磋商）',
    noContests: '还没有大赛。',
    head: { title: '大赛', status: '阶段', deadline: '申报截止', next: '下一步' },
    setUp: '新建大赛',
    settings: '大赛设置',
    basics: '基本信息',
    title: '大赛名称',
    callText: '征集公告正文',
    budget: '总预算',
    cap: '单个项目资助上限',
    categories: '项目类别',
    categoriesHint: '每行一个类别名称',
    communities: '服务社区',
    communitiesHint: '每行一个社区名称',
    rubric: '评分标准',
    rubricHint: '各评分项满分合计必须为 100 分；留空的行不计入',
    criterionName: (n) => `评分项 ${n} 名称`,
    criterionMax: (n) => `评分项 ${n} 满分（分）`,
    rubricTotal: (total) => `当前合计 ${total} 分`,
    judging: '评审规则',
    aggregation: '计分方式',
    aggregations: {
      mean: '平均分',
      'trimmed-mean': `去掉一个最高分和一个最低分后的平均分（有效评分不足 ${TRIM_MIN_SHEETS} 份时取平均分）`,
      median: '中位数',
      'z-score': '标准分',
    },
    minJudges: '每个项目的最少有效评分份数',
    minJudgesHint: '有效评分少于此数的项目不排名',
    judgesPerProposal: '每个项目分配的评审专家人数',
    judgesPerProposalHint: '自动分配时每个项目分给几位专家，不少于最少有效评分份数；不填则与之相同',
    outlierMargin: '偏离提示阈值（分）',
    outlierMarginHint: '某位评审总分偏离平均分超过此值时标记',
    shortlisting: '入围规则',
    policy: '入围方式',
    policies: {
      'rank-fill': '按排名依次入围，放不下的跳过',
      'rank-strict': '按排名依次入围，放不下即停止',
      'max-score': '在预算内使总分最高',
    },
    minScore: '入围最低分（选填）',
    communityShare: '单个社区最多占预算的百分比（选填）',
    communityShareHint: '例如 30 表示 30%',
    partialFunding: '剩余预算可按最低可执行金额资助下一个项目',
    quotas: '各类别入围数量（选填）',
    quotaMin: (name) => `“${name}”最少`,
    quotaMax: (name) => `“${name}”最多`,
    dates: '时间安排（北京时间）',
    submissionDeadline: '申报截止时间',
    reviewDeadline: '评审截止时间',
    beijingHint: '北京时间',
    publicityDays: '公示天数',
    noticePrefix: '通知书文号前缀',
    noticePrefixHint: '文号形如“前缀〔2026〕1号”',
    create: '创建草稿',
    save: '保存设置',
    notAmount: '请填写金额（元），最多两位小数，例如 1,250.50',
    notPoints: '请填写分数，例如 25 或 12.5',
    notWhole: '请填写整数',
    notDate: '请选择日期和时间',
    notPercent: '请填写百分比，例如 30',
    phase: '阶段与操作',
    open: '开放征集',
    openLead: '开放后大赛公开，居民可以申报；评分标准、预算和入围规则将冻结，不能再修改。',
    confirmOpen: '确认开放征集',
    close: '关闭征集',
    closeLead: '关闭后不再接受申报，进入资格审查。只能在申报截止后关闭。',
    confirmClose: '确认关闭征集',
    cancel: '取消大赛',
    cancelReason: '取消原因',
    confirmCancel: '确认取消大赛',
    cancelLead: '取消后大赛终止，不能恢复；原因将公开。',
    frozen: '大赛已开放，规则已冻结。',
    nothingToDo: '此阶段在本页没有操作。',
    screening: '资格审查',
    screeningLead: '勾选项目，标记为合格或不合格（不合格须写明原因），可一次处理多个。',
    pickNone: '请至少勾选一个项目。',
    screenHead: {
      pick: '项目',
      category: '类别',
      community: '社区',
      requested: '申请金额',
      result: '审查结果',
    },
    unscreened: '待审查',
    eligible: '合格',
    ineligible: (reason) => `不合格：${reason}`,
    decision: '审查结论',
    markEligible: '合格',
    markIneligible: '不合格',
    reason: '不合格原因',
    reasonHint: '标记不合格时必填，会告知申报团队',
    applyScreening: '标记所选项目',
    screeningClosed: '现在不是资格审查阶段，只能查看。',
    failedFor: (title, message) => `“${title}”：${message}`,
    nextStep: '下一步',
  },
  en: {
    dashboard: 'Office',
    dashboardLead: "Your office's contests and the next step for each.",
    newContest: 'New contest',
    procurements: 'Service purchases (competitive consultation)',
    noContests: 'No contests yet.',
    head: { title: 'Contest', status: 'Phase', deadline: 'Submission deadline', next: 'Next step' },
    setUp: 'New contest',
    settings: 'Settings',
    basics: 'The call',
    title: 'Title',
    callText: 'Call text',
    budget: 'Budget',
    cap: 'Cap per proposal',
    categories: 'Categories',
    categoriesHint: 'One category name per line',
    communities: 'Communities',
    communitiesHint: 'One community name per line',
    rubric: 'Rubric',
    rubricHint: 'The maximums must add up to 100 points; empty rows are ignored',
    criterionName: (n) => `Criterion ${n}: name`,
    criterionMax: (n) => `Criterion ${n}: maximum (points)`,
    rubricTotal: (total) => `Total now ${total} points`,
    judging: 'Judging',
    aggregation: 'Aggregation',
    aggregations: {
      mean: 'Mean',
      'trimmed-mean': `Mean without the highest and the lowest (the plain mean below ${TRIM_MIN_SHEETS} sheets)`,
      median: 'Median',
      'z-score': 'Standardised (z-score)',
    },
    minJudges: 'Quorum of sheets per proposal',
    minJudgesHint: 'A proposal with fewer submitted sheets is not ranked',
    judgesPerProposal: 'Judges assigned per proposal',
    judgesPerProposalHint:
      'How many judges automatic assignment gives each proposal, at least the quorum; empty means the quorum',
    outlierMargin: 'Outlier margin (points)',
    outlierMarginHint: "A judge's total further than this from the mean is flagged",
    shortlisting: 'Shortlisting',
    policy: 'Policy',
    policies: {
      'rank-fill': 'By rank, skipping what does not fit',
      'rank-strict': 'By rank, stopping at the first that does not fit',
      'max-score': 'The highest total score within the budget',
    },
    minScore: 'Minimum score (optional)',
    communityShare: 'Largest share of the budget per community, % (optional)',
    communityShareHint: 'e.g. 30 for 30%',
    partialFunding: 'The leftover may fund one more proposal at its minimum viable amount',
    quotas: 'Proposals per category (optional)',
    quotaMin: (name) => `“${name}”: at least`,
    quotaMax: (name) => `“${name}”: at most`,
    dates: 'Dates (Beijing time)',
    submissionDeadline: 'Submission deadline',
    reviewDeadline: 'Review deadline',
    beijingHint: 'Beijing time',
    publicityDays: 'Publicity days',
    noticePrefix: 'Notice number prefix',
    noticePrefixHint: 'Numbers read “prefix〔2026〕1号”',
    create: 'Create the draft',
    save: 'Save settings',
    notAmount: 'Enter an amount in yuan with at most two decimals, e.g. 1,250.50',
    notPoints: 'Enter points, e.g. 25 or 12.5',
    notWhole: 'Enter a whole number',
    notDate: 'Choose a date and time',
    notPercent: 'Enter a percentage, e.g. 30',
    phase: 'Phase and actions',
    open: 'Open the call',
    openLead:
      'Once open, the call is public and residents can submit; the rubric, budget and shortlisting rules freeze.',
    confirmOpen: 'Open the call',
    close: 'Close the call',
    closeLead: 'Closing ends submissions and starts screening; possible only after the deadline.',
    confirmClose: 'Close the call',
    cancel: 'Cancel the contest',
    cancelReason: 'Reason for cancelling',
    confirmCancel: 'Cancel the contest',
    cancelLead: 'A cancelled contest cannot be resumed; the reason is published.',
    frozen: 'The call is open; its rules are frozen.',
    nothingToDo: 'Nothing to do on this page in this phase.',
    screening: 'Screening',
    screeningLead:
      'Tick proposals and mark them eligible or ineligible (with a reason); several at once is fine.',
    pickNone: 'Tick at least one proposal.',
    screenHead: {
      pick: 'Proposal',
      category: 'Category',
      community: 'Community',
      requested: 'Requested',
      result: 'Result',
    },
    unscreened: 'Not screened',
    eligible: 'Eligible',
    ineligible: (reason) => `Ineligible: ${reason}`,
    decision: 'Decision',
    markEligible: 'Eligible',
    markIneligible: 'Ineligible',
    reason: 'Reason (if ineligible)',
    reasonHint: 'Needed when marking ineligible; the team is told',
    applyScreening: 'Mark the ticked proposals',
    screeningClosed: 'This is not the screening phase; the list is read-only.',
    failedFor: (title, message) => `“${title}”: ${message}`,
    nextStep: 'Next step',
  },
};
