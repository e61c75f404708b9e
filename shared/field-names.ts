import type { Locale } from './i18n.ts';

/**
 * What each request field is called, so a message about a field names it in words. A test
 * checks that every field of every request body and parameter in the API document has a name.
 */
export const FIELD_NAMES: Record<string, Record<Locale, string>> = {
  add: { 'zh-CN': '补入的项目', en: 'proposals added' },
  aggregation: { 'zh-CN': '计分方法', en: 'aggregation' },
  amountFen: { 'zh-CN': '金额', en: 'amount' },
  answer: { 'zh-CN': '答复', en: 'answer' },
  approvedFen: { 'zh-CN': '核定金额', en: 'approved amount' },
  biddingDeadline: { 'zh-CN': '响应文件递交截止时间', en: 'bidding deadline' },
  budgetFen: { 'zh-CN': '总预算', en: 'budget' },
  budgetLines: { 'zh-CN': '预算明细', en: 'budget lines' },
  callText: { 'zh-CN': '征集公告', en: 'call text' },
  capFen: { 'zh-CN': '单个项目上限', en: 'per-project cap' },
  categories: { 'zh-CN': '项目类别', en: 'categories' },
  category: { 'zh-CN': '项目类别', en: 'category' },
  categoryQuotas: { 'zh-CN': '类别名额', en: 'category quotas' },
  ceilingFen: { 'zh-CN': '最高限价', en: 'ceiling price' },
  certificateNumber: { 'zh-CN': '登记证书编号', en: 'certificate number' },
  code: { 'zh-CN': '编码', en: 'code' },
  comments: { 'zh-CN': '评语', en: 'comments' },
  communities: { 'zh-CN': '社区', en: 'communities' },
  community: { 'zh-CN': '社区', en: 'community' },
  communityMaxShareBp: { 'zh-CN': '单个社区最高占比', en: 'largest share of one community' },
  contestId: { 'zh-CN': '大赛编号', en: 'contest id' },
  criteria: { 'zh-CN': '评分项', en: 'criteria' },
  description: { 'zh-CN': '服务需求说明', en: 'service description' },
  drop: { 'zh-CN': '剔除的项目', en: 'proposals dropped' },
  eligible: { 'zh-CN': '是否合格', en: 'eligible' },
  expectedBeneficiaries: { 'zh-CN': '预计受益人数', en: 'expected beneficiaries' },
  finalQuotationDeadline: { 'zh-CN': '最后报价截止时间', en: 'final quotation deadline' },
  governmentPurchasedService: { 'zh-CN': '是否政府购买服务项目', en: 'government-purchased service' },
  'idempotency-key': { 'zh-CN': 'Idempotency-Key 请求头', en: 'Idempotency-Key header' },
  'if-match': { 'zh-CN': 'If-Match 请求头', en: 'If-Match header' },
  incompatibleGroups: { 'zh-CN': '互斥项目组', en: 'incompatible groups' },
  item: { 'zh-CN': '预算项目', en: 'budget item' },
  judgeId: { 'zh-CN': '评审专家', en: 'judge' },
  kind: { 'zh-CN': '类型', en: 'kind' },
  limit: { 'zh-CN': '每页条数', en: 'page size' },
  max: { 'zh-CN': '最多', en: 'maximum' },
  maxPoints: { 'zh-CN': '满分', en: 'maximum points' },
  members: { 'zh-CN': '团队成员', en: 'team members' },
  min: { 'zh-CN': '最少', en: 'minimum' },
  minJudges: { 'zh-CN': '每个项目最少评审人数', en: 'minimum judges per proposal' },
  judgesPerProposal: { 'zh-CN': '每个项目分配评审人数', en: 'judges assigned per proposal' },
  items: { 'zh-CN': '条目', en: 'items' },
  version: { 'zh-CN': '版本号', en: 'version' },
  confirmOpenSheets: { 'zh-CN': '确认不等待未提交的评分表', en: 'confirmation to leave open sheets out' },
  minResponsive: { 'zh-CN': '最少响应供应商数', en: 'minimum responsive suppliers' },
  minScore: { 'zh-CN': '最低入围分数', en: 'minimum score' },
  minViableFen: { 'zh-CN': '最低可执行金额', en: 'minimum viable amount' },
  name: { 'zh-CN': '名称', en: 'name' },
  need: { 'zh-CN': '社区需求', en: 'need' },
  next: { 'zh-CN': '分页游标', en: 'page cursor' },
  noticePrefix: { 'zh-CN': '文号前缀', en: 'notice prefix' },
  number: { 'zh-CN': '文号', en: 'notice number' },
  objectionId: { 'zh-CN': '异议编号', en: 'objection id' },
  officeId: { 'zh-CN': '街道办事处', en: 'office' },
  outlierMargin: { 'zh-CN': '偏离分差', en: 'outlier margin' },
  overallComment: { 'zh-CN': '总体评语', en: 'overall comment' },
  panel: { 'zh-CN': '磋商小组', en: 'panel' },
  partialFunding: { 'zh-CN': '是否接受部分资助', en: 'partial funding' },
  parts: { 'zh-CN': '响应文件内容', en: 'bid parts' },
  phone: { 'zh-CN': '联系电话', en: 'phone' },
  plan: { 'zh-CN': '实施方案', en: 'plan' },
  policy: { 'zh-CN': '入围方式', en: 'policy' },
  priceFen: { 'zh-CN': '报价', en: 'price' },
  priceWeightBp: { 'zh-CN': '价格分权重', en: 'price weight' },
  procurementId: { 'zh-CN': '磋商项目编号', en: 'procurement id' },
  proposalId: { 'zh-CN': '项目编号', en: 'proposal id' },
  publicityDays: { 'zh-CN': '公示天数', en: 'publicity days' },
  quantity: { 'zh-CN': '数量', en: 'quantity' },
  quotationFen: { 'zh-CN': '最后报价', en: 'final quotation' },
  reason: { 'zh-CN': '理由', en: 'reason' },
  recommendedFen: { 'zh-CN': '建议金额', en: 'recommended amount' },
  reference: { 'zh-CN': '审批文号', en: 'approval reference' },
  requestedFen: { 'zh-CN': '申请金额', en: 'requested amount' },
  requiredParts: { 'zh-CN': '响应文件组成部分', en: 'required parts' },
  reviewDeadline: { 'zh-CN': '评审截止时间', en: 'review deadline' },
  role: { 'zh-CN': '角色', en: 'role' },
  rubric: { 'zh-CN': '评分标准', en: 'rubric' },
  schedule: { 'zh-CN': '实施周期', en: 'schedule' },
  scores: { 'zh-CN': '各项得分', en: 'scores' },
  shortlisting: { 'zh-CN': '入围规则', en: 'shortlisting rules' },
  submissionDeadline: { 'zh-CN': '申报截止时间', en: 'submission deadline' },
  teamId: { 'zh-CN': '申报团队', en: 'team' },
  text: { 'zh-CN': '内容', en: 'text' },
  tieBreak: { 'zh-CN': '同分排序规则', en: 'tie-break order' },
  title: { 'zh-CN': '标题', en: 'title' },
  trims: { 'zh-CN': '核减', en: 'trims' },
  unitPriceFen: { 'zh-CN': '单价', en: 'unit price' },
  user: { 'zh-CN': '演示用户', en: 'demo user' },
  advanceDays: { 'zh-CN': '前进天数', en: 'days to advance' },
  weightApproval: { 'zh-CN': '价格分权重审批', en: 'approval of the price weight' },
};

/**
 * The words for the field a path points at: its last named segment (`budgetLines.2.amountFen`
 * → “金额”), with the list position when it is in one (“预算明细第 3 项的金额”).
 */
export function fieldName(path: readonly PropertyKey[], locale: Locale): string {
  const keys = path.map(String);
  let last = keys.length - 1;
  while (last >= 0 && /^\d+$/.test(keys[last]!)) last--;
  if (last < 0) return locale === 'zh-CN' ? '请求体' : 'the request body';
  const name = (key: string) => FIELD_NAMES[key]?.[locale] ?? key;
  const here = name(keys[last]!);
  const index = keys[last - 1];
  const parent = keys[last - 2];
  if (index !== undefined && parent !== undefined && /^\d+$/.test(index)) {
    const position = Number(index) + 1;
    return locale === 'zh-CN'
      ? `${name(parent)}第 ${position} 项的${here}`
      : `the ${here} of ${name(parent)} item ${position}`;
  }
  return locale === 'zh-CN' ? `“${here}”` : here;
}
