import type { ProcurementPhase } from '../../../shared/procurement/lifecycle.ts';
import type { Texts } from '../../ui/texts.ts';

/** The lifecycle moves an officer makes from the dashboard (terminate and decline carry a reason). */
export const MOVES = [
  'announce',
  'openBidding',
  'closeBidding',
  'callFinalQuotations',
  'startEvaluation',
  'recommend',
  'award',
] as const;
export type Move = (typeof MOVES)[number];

export interface OfficeProcurementText {
  list: string;
  listLead: string;
  newProcurement: string;
  noProcurements: string;
  head: { title: string; phase: string; ceiling: string; deadline: string; next: string };
  setUp: string;
  next: Record<ProcurementPhase, string>;
  /** The next step once the notices are issued: none, the result is public. */
  finished: string;
  // The set-up form.
  basics: string;
  title: string;
  description: string;
  kind: string;
  kinds: { services: string; goods: string };
  purchasedService: string;
  ceiling: string;
  priceWeight: string;
  priceWeightHint: string;
  approvalReason: string;
  approvalReasonHint: string;
  approvalReference: string;
  criteria: string;
  criteriaHint: string;
  criterionName: (n: number) => string;
  criterionKind: (n: number) => string;
  criterionMax: (n: number) => string;
  criterionKinds: { technical: string; business: string };
  pointsTotal: (criteria: string, price: string, total: string) => string;
  requiredParts: string;
  requiredPartsHint: string;
  minResponsive: string;
  minResponsiveOptions: { three: string; two: string };
  panel: string;
  panelHint: string;
  memberName: (n: number) => string;
  memberAccount: (n: number) => string;
  dates: string;
  biddingDeadline: string;
  finalQuotationDeadline: string;
  beijingHint: string;
  noticePrefix: string;
  noticePrefixHint: string;
  create: string;
  save: string;
  notAmount: string;
  notPercent: string;
  notPoints: string;
  notDate: string;
  // The dashboard.
  dashboard: string;
  publicPage: string;
  resultPage: string;
  phase: string;
  nextStep: string;
  moves: Record<Move, string>;
  confirmMove: (name: string) => string;
  moveLeads: Record<Move, string>;
  /** Said before opening the bids or calling the final quotations once their deadline has passed. */
  /** The set-up's final-quotation deadline has passed, said on opening the bids and on the call. */
  quotationWindowPassed: Record<'closeBidding' | 'callFinalQuotations', (deadline: string) => string>;
  quotationDeadlineHint: string;
  terminate: string;
  terminateLead: string;
  terminateReason: string;
  decline: string;
  declineLead: string;
  declineReason: string;
  reason: string;
  rules: string;
  frozen: string;
  bids: string;
  bidsSealed: (deadline: string) => string;
  noBids: string;
  bidHead: {
    supplier: string;
    certificate: string;
    price: string;
    finalQuotation: string;
    responsive: string;
  };
  responsiveYes: string;
  notResponsive: (reasons: string) => string;
  none: string;
  panelProgress: string;
  panelProgressLead: string;
  memberProgress: (name: string) => string;
  sheets: {
    title: string;
    lead: string;
    head: { supplier: string; member: string; state: string };
    submitted: (total: string) => string;
    draft: string;
    reopened: (reason: string, when: string) => string;
    sheet: string;
    reason: string;
    reopen: string;
    reopenLead: string;
  };
  conflictsNote: (count: number) => string;
  ranking: string;
  rankingPreview: string;
  rankingPending: string;
  rankHead: {
    rank: string;
    supplier: string;
    finalQuotation: string;
    priceScore: string;
    technicalScore: string;
    total: string;
  };
  candidates: string;
  candidateNow: (name: string) => string;
  declinedBy: (name: string, reason: string) => string;
  awardedTo: (name: string) => string;
  terminatedBecause: (reason: string) => string;
  notices: string;
  issueNotices: string;
  noticesLead: string;
  noticeHead: { number: string; supplier: string; kind: string; open: string };
  noticeKinds: { deal: string; result: string };
  openNotice: string;
  timeLeft: string;
  done: Record<string, string>;
}

const zhCN: OfficeProcurementText = {
  list: '服务采购（竞争性磋商）',
  listLead:
    '街道向依法登记的社会组织购买服务：发布磋商公告，接收密封的响应文件，磋商、最后报价、综合评分，确定成交供应商。',
  newProcurement: '新建采购项目',
  noProcurements: '还没有采购项目。',
  head: { title: '项目', phase: '阶段', ceiling: '最高限价', deadline: '响应文件递交截止', next: '下一步' },
  setUp: '新建采购项目',
  next: {
    draft: '完善磋商文件，然后发布公告',
    announced: '开始接收响应文件',
    bidding: '递交截止后开启响应文件',
    consultation: '核对响应情况，请供应商提交最后报价',
    'final-quotation': '最后报价截止后开始综合评分',
    evaluation: '磋商小组评分完成后推荐成交候选人',
    recommended: '确定成交供应商，或记录理由后不予确定',
    awarded: '发放成交通知书和结果通知书',
    terminated: '采购已终止，无需操作',
  },
  finished: '采购已完成：通知书已发放，成交结果已公告，无需操作',
  basics: '项目与磋商文件',
  title: '项目名称',
  description: '采购需求（服务内容）',
  kind: '项目类别',
  kinds: { services: '服务类', goods: '货物类' },
  purchasedService: '政府购买服务项目（符合要求的供应商只有 2 家时可以继续磋商）',
  ceiling: '最高限价',
  priceWeight: '价格分权重（%）',
  priceWeightHint: '服务类 10%–30%，货物类 30%–60%；价格分值即权重，例如 20% 为 20 分',
  approvalReason: '超出权重范围的审核理由',
  approvalReasonHint: '只有权重超出上述范围时填写：财政部门审核同意的理由',
  approvalReference: '审核文号',
  criteria: '技术和商务评分项',
  criteriaHint: '每项满分以 0.5 分为单位；各项满分与价格分合计须为 100 分。',
  criterionName: (n) => `评分项 ${n} 名称`,
  criterionKind: (n) => `评分项 ${n} 类别`,
  criterionMax: (n) => `评分项 ${n} 满分`,
  criterionKinds: { technical: '技术', business: '商务' },
  pointsTotal: (criteria, price, total) => `评分项 ${criteria} 分 + 价格分 ${price} 分 = ${total} 分`,
  requiredParts: '响应文件须包含的部分',
  requiredPartsHint: '每行一项，例如“服务方案”；缺少任何一项的响应文件无效',
  minResponsive: '最少实质性响应供应商',
  minResponsiveOptions: { three: '3 家', two: '2 家（仅政府购买服务项目）' },
  panel: '磋商小组',
  panelHint: '3 人以上单数；填写每位评审专家的姓名和登录账号，账号可从登录过的评审专家中选择',
  memberName: (n) => `成员 ${n} 姓名`,
  memberAccount: (n) => `成员 ${n} 账号`,
  dates: '时间安排',
  biddingDeadline: '响应文件递交截止',
  finalQuotationDeadline: '最后报价截止',
  beijingHint: '北京时间；自发布公告起不少于 10 日',
  noticePrefix: '通知书编号前缀',
  noticePrefixHint: '不填则用街道的前缀',
  create: '创建草稿',
  save: '保存',
  notAmount: '请填写金额（元），最多两位小数，例如 150,000',
  notPercent: '请填写百分比，例如 20',
  notPoints: '请填写分数，例如 30 或 12.5',
  notDate: '请选择日期和时间',
  dashboard: '采购项目',
  publicPage: '查看采购公告',
  resultPage: '查看成交结果公告',
  phase: '阶段与操作',
  nextStep: '下一步',
  confirmMove: (name) => `确认${name}`,
  moves: {
    announce: '发布公告',
    openBidding: '开始接收响应文件',
    closeBidding: '截止并开启响应文件',
    callFinalQuotations: '请供应商提交最后报价',
    startEvaluation: '开始综合评分',
    recommend: '推荐成交候选人',
    award: '确定成交供应商',
  },
  moveLeads: {
    announce: '发布后磋商文件冻结，不能再修改；响应文件递交截止须在 10 日以后。',
    openBidding: '供应商可以递交密封的响应文件，每家一份，截止前任何人都不能查看。',
    closeBidding: '开启全部响应文件，核对是否实质性响应。',
    callFinalQuotations: '每家实质性响应的供应商提交一次最后报价，不得高于最高限价。',
    startEvaluation: '磋商小组各自独立评分；价格分按低价优先法计算。',
    recommend: '按综合得分排序推荐成交候选人，推荐后评分不能再改变。',
    award: '确定当前候选人为成交供应商；确定后不能撤销，随后发放成交通知书。',
  },
  quotationWindowPassed: {
    closeBidding: (deadline) =>
      `最后报价截止时间 ${deadline} 已过：请供应商提交最后报价时，须另定一个尚未到来的截止时间。`,
    callFinalQuotations: (deadline) =>
      `原定的最后报价截止时间 ${deadline} 已过：请在下方另定一个尚未到来的截止时间。`,
  },
  quotationDeadlineHint: '北京时间；供应商在此之前提交最后报价，可改为较原定更晚的时间。',
  terminate: '终止采购',
  terminateLead: '终止后不能恢复，理由将记录在案并公开。',
  terminateReason: '终止理由',
  decline: '不确定该候选人',
  declineLead: '记录理由后，由下一位候选人递补。',
  declineReason: '不确定的理由',
  reason: '理由',
  rules: '磋商文件',
  frozen: '磋商文件已随公告发布，不能再修改。',
  bids: '响应文件',
  bidsSealed: (deadline) => `响应文件密封至 ${deadline}，截止并开启前任何人（包括工作人员）都不能查看。`,
  noBids: '没有供应商递交响应文件。',
  bidHead: {
    supplier: '供应商',
    certificate: '登记证书编号',
    price: '首次报价',
    finalQuotation: '最后报价',
    responsive: '响应情况',
  },
  responsiveYes: '实质性响应',
  notResponsive: (reasons) => `无效：${reasons}`,
  none: '—',
  panelProgress: '磋商小组评分进度',
  panelProgressLead: '每位成员独立评分，互相看不到评分；回避的供应商不评。',
  memberProgress: (name) => `${name}`,
  sheets: {
    title: '评分表',
    lead: '推荐成交候选人之前，可以注明理由重新开启某位成员已提交的评分表，由其更正后重新提交。',
    head: { supplier: '供应商', member: '成员', state: '状态' },
    submitted: (total) => `已提交，${total} 分`,
    draft: '草稿，未提交',
    reopened: (reason, when) => `${when} 重新开启：${reason}`,
    sheet: '要重新开启的评分表',
    reason: '重新开启的理由',
    reopen: '重新开启评分表',
    reopenLead: '评分表回到该成员的草稿，须重新提交后才计分；理由记入评分表和审计记录。',
  },
  conflictsNote: (count) => `已声明回避 ${count} 项。`,
  ranking: '综合评分排名',
  rankingPreview: '全部评分已提交；推荐后此排名即为成交候选人顺序。',
  rankingPending: '评分全部提交后显示排名。',
  rankHead: {
    rank: '名次',
    supplier: '供应商',
    finalQuotation: '最后报价',
    priceScore: '价格分',
    technicalScore: '技术商务分',
    total: '综合得分',
  },
  candidates: '成交候选人',
  candidateNow: (name) => `当前候选人：${name}`,
  declinedBy: (name, reason) => `${name}：不予确定（${reason}）`,
  awardedTo: (name) => `成交供应商：${name}`,
  terminatedBecause: (reason) => `终止理由：${reason}`,
  notices: '成交通知书与结果通知书',
  issueNotices: '发放通知书',
  noticesLead: '成交供应商收到成交通知书，其他供应商收到结果通知书；每份都有编号和验证码。',
  noticeHead: { number: '编号', supplier: '供应商', kind: '类别', open: '查看' },
  noticeKinds: { deal: '成交通知书', result: '结果通知书' },
  openNotice: '查看',
  timeLeft: '剩余时间',
  done: {
    created: '已创建采购项目草稿。',
    saved: '已保存。',
    announce: '公告已发布，磋商文件已冻结。',
    openBidding: '已开始接收响应文件。',
    closeBidding: '响应文件已开启。',
    callFinalQuotations: '已请供应商提交最后报价。',
    startEvaluation: '已开始综合评分。',
    recommend: '已推荐成交候选人。',
    award: '已确定成交供应商。',
    decline: '已记录不确定的理由，由下一位候选人递补。',
    reopen: '评分表已重新开启，等待该成员重新提交。',
    terminate: '采购已终止。',
    issued: '通知书已发放。',
  },
};

const en: OfficeProcurementText = {
  list: 'Service purchases (competitive consultation)',
  listLead:
    'The office buys services from registered organisations: announce, receive sealed bids, consult, take final quotations, score, and award.',
  newProcurement: 'New procurement',
  noProcurements: 'No procurements yet.',
  head: {
    title: 'Procurement',
    phase: 'Phase',
    ceiling: 'Ceiling price',
    deadline: 'Next deadline',
    next: 'Next',
  },
  setUp: 'Set up a procurement',
  next: {
    draft: 'Complete the documents, then announce',
    announced: 'Open bidding',
    bidding: 'Open the bids after the deadline',
    consultation: 'Check responsiveness, then call final quotations',
    'final-quotation': 'Start the evaluation after the final-quotation deadline',
    evaluation: 'Recommend the candidates once the panel has scored',
    recommended: 'Confirm the supplier, or decline with a reason',
    awarded: 'Issue the deal notice and the result notices',
    terminated: 'Terminated; nothing to do',
  },
  finished: 'Finished: the notices are issued and the result is announced; nothing to do',
  basics: 'Procurement and documents',
  title: 'Title',
  description: 'What is to be bought (service description)',
  kind: 'Kind',
  kinds: { services: 'Services', goods: 'Goods' },
  purchasedService: 'Government-purchased service (may go on with 2 responsive suppliers)',
  ceiling: 'Ceiling price',
  priceWeight: 'Price weight (%)',
  priceWeightHint: 'Services 10–30 %, goods 30–60 %; the price points equal the weight (20 % is 20 points)',
  approvalReason: 'Approval reason for a weight outside the band',
  approvalReasonHint: "Only when the weight is outside the band: the finance department's approval",
  approvalReference: 'Approval reference',
  criteria: 'Technical and business criteria',
  criteriaHint: 'Maximums in half points; the criteria and the price points add up to 100.',
  criterionName: (n) => `Criterion ${n} name`,
  criterionKind: (n) => `Criterion ${n} kind`,
  criterionMax: (n) => `Criterion ${n} maximum`,
  criterionKinds: { technical: 'Technical', business: 'Business' },
  pointsTotal: (criteria, price, total) => `Criteria ${criteria} + price ${price} = ${total} points`,
  requiredParts: 'Parts every bid must contain',
  requiredPartsHint: 'One per line, e.g. "Service plan"; a bid missing one is not responsive',
  minResponsive: 'Minimum responsive suppliers',
  minResponsiveOptions: { three: '3', two: '2 (government-purchased services only)' },
  panel: 'Panel',
  panelHint:
    "An odd number, at least 3; each judge's name and sign-in account, which may be picked from the judges who have signed in",
  memberName: (n) => `Member ${n} name`,
  memberAccount: (n) => `Member ${n} account`,
  dates: 'Dates',
  biddingDeadline: 'Bids due',
  finalQuotationDeadline: 'Final quotations due',
  beijingHint: 'Beijing time; at least 10 days after the announcement',
  noticePrefix: 'Notice number prefix',
  noticePrefixHint: "Leave empty for the office's prefix",
  create: 'Create the draft',
  save: 'Save',
  notAmount: 'Enter an amount in yuan with at most two decimals, e.g. 150,000',
  notPercent: 'Enter a percentage, e.g. 20',
  notPoints: 'Enter points, e.g. 30 or 12.5',
  notDate: 'Choose a date and time',
  dashboard: 'Procurement',
  publicPage: 'See the public announcement',
  resultPage: 'See the result announcement',
  phase: 'Phase and actions',
  nextStep: 'Next step',
  confirmMove: (name) => `Confirm: ${name}`,
  moves: {
    announce: 'Announce',
    openBidding: 'Open bidding',
    closeBidding: 'Close bidding and open the bids',
    callFinalQuotations: 'Call final quotations',
    startEvaluation: 'Start the evaluation',
    recommend: 'Recommend the candidates',
    award: 'Confirm the supplier',
  },
  moveLeads: {
    announce: 'The documents freeze; bids must be due at least 10 days from now.',
    openBidding: 'Suppliers send one sealed bid each; nobody reads one before the deadline.',
    closeBidding: 'Every bid is opened and checked for responsiveness.',
    callFinalQuotations: 'Each responsive supplier gives one final quotation, never above the ceiling.',
    startEvaluation: 'The panel scores independently; the price score is lowest-price-first.',
    recommend: 'The candidates in order of total score; the scores are then final.',
    award: 'The current candidate becomes the supplier; this cannot be undone, and the notices follow.',
  },
  quotationWindowPassed: {
    closeBidding: (deadline) =>
      `The final-quotation deadline, ${deadline}, has passed: when calling the final quotations, set a new one that is still ahead.`,
    callFinalQuotations: (deadline) =>
      `The final-quotation deadline set up, ${deadline}, has passed: set a new one below that is still ahead.`,
  },
  quotationDeadlineHint:
    'Beijing time; the suppliers give their final quotations by then. It may be later than planned.',
  terminate: 'Terminate',
  terminateLead: 'A termination cannot be undone; its reason is recorded and published.',
  terminateReason: 'Reason for terminating',
  decline: 'Decline this candidate',
  declineLead: 'With the reason recorded, the next candidate takes its place.',
  declineReason: 'Reason for declining',
  reason: 'Reason',
  rules: 'Documents',
  frozen: 'The documents went out with the announcement and can no longer change.',
  bids: 'Bids',
  bidsSealed: (deadline) =>
    `Bids stay sealed until ${deadline}; nobody, officers included, reads one before they are opened.`,
  noBids: 'No supplier sent a bid.',
  bidHead: {
    supplier: 'Supplier',
    certificate: 'Certificate number',
    price: 'First price',
    finalQuotation: 'Final quotation',
    responsive: 'Responsiveness',
  },
  responsiveYes: 'Responsive',
  notResponsive: (reasons) => `Not responsive: ${reasons}`,
  none: '—',
  panelProgress: "The panel's scoring",
  panelProgressLead:
    "Each member scores alone and sees nobody else's sheet; conflicted suppliers are skipped.",
  memberProgress: (name) => `${name}`,
  sheets: {
    title: 'Score sheets',
    lead: "Until the candidates are recommended, a member's submitted sheet can be reopened, with a reason, for them to correct and submit again.",
    head: { supplier: 'Supplier', member: 'Member', state: 'State' },
    submitted: (total) => `Submitted, ${total} points`,
    draft: 'Draft, not submitted',
    reopened: (reason, when) => `Reopened ${when}: ${reason}`,
    sheet: 'Sheet to reopen',
    reason: 'Reason for reopening',
    reopen: 'Reopen the sheet',
    reopenLead:
      'The sheet goes back to its member as a draft and counts once submitted again; the reason stays on the sheet and in the audit trail.',
  },
  conflictsNote: (count) => `${count} conflicts declared.`,
  ranking: 'Ranking',
  rankingPreview: 'Every sheet is in; once recommended, this is the order of the candidates.',
  rankingPending: 'The ranking shows once every sheet is in.',
  rankHead: {
    rank: 'Rank',
    supplier: 'Supplier',
    finalQuotation: 'Final quotation',
    priceScore: 'Price score',
    technicalScore: 'Technical score',
    total: 'Total',
  },
  candidates: 'Candidates',
  candidateNow: (name) => `Current candidate: ${name}`,
  declinedBy: (name, reason) => `${name}: declined (${reason})`,
  awardedTo: (name) => `Supplier: ${name}`,
  terminatedBecause: (reason) => `Terminated: ${reason}`,
  notices: 'Deal notice and result notices',
  issueNotices: 'Issue the notices',
  noticesLead:
    'The supplier gets the deal notice, every other bidder a result notice, each numbered with a verification code.',
  noticeHead: { number: 'Number', supplier: 'Supplier', kind: 'Kind', open: 'Open' },
  noticeKinds: { deal: 'Deal notice', result: 'Result notice' },
  openNotice: 'Open',
  timeLeft: 'Time left',
  done: {
    created: 'The procurement draft was created.',
    saved: 'Saved.',
    announce: 'Announced; the documents are frozen.',
    openBidding: 'Bidding is open.',
    closeBidding: 'The bids are open.',
    callFinalQuotations: 'Final quotations were called.',
    startEvaluation: 'The evaluation has started.',
    recommend: 'The candidates are recommended.',
    award: 'The supplier is confirmed.',
    decline: 'Declined with its reason; the next candidate takes its place.',
    reopen: 'The sheet is reopened; its member submits it again.',
    terminate: 'The procurement was terminated.',
    issued: 'The notices were issued.',
  },
};

export const officeProcurementTexts: Texts<OfficeProcurementText> = { 'zh-CN': zhCN, en };
