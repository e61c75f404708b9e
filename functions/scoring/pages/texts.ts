import type { CellState } from '../../../shared/review/model.ts';
import type { Texts } from '../../ui/texts.ts';

export interface JudgeText {
  title: string;
  lead: string;
  none: string;
  sheetStates: Record<CellState, string>;
  head: { title: string; state: string; action: string };
  score: string;
  review: string;
  proposal: string;
  category: string;
  community: string;
  need: string;
  plan: string;
  schedule: string;
  beneficiaries: string;
  budget: string;
  budgetHead: { item: string; unitPrice: string; quantity: string; amount: string };
  requested: string;
  minViable: string;
  sheet: string;
  maxPoints: (max: string) => string;
  criterionComment: (name: string) => string;
  overallComment: string;
  recommended: string;
  recommendedHint: string;
  notPoints: string;
  notAmount: string;
  saveDraft: string;
  submit: string;
  confirmSubmit: string;
  confirmLead: string;
  total: string;
  submittedAt: string;
  conflict: string;
  conflictLead: string;
  conflictReason: string;
  declareConflict: string;
  blindNote: string;
  back: string;
}

export const judgeTexts: Texts<JudgeText> = {
  'zh-CN': {
    title: '我的评审任务',
    lead: '按评分标准逐项打分，可先保存草稿，提交后不能再修改。项目信息已隐去申报团队。',
    none: '目前没有分配给您的项目。',
    sheetStates: { missing: '未开始', draft: '草稿', submitted: '已提交', conflict: '利益冲突' },
    head: { title: '项目', state: '评分状态', action: '操作' },
    score: '评分',
    review: '查看',
    proposal: '项目内容',
    category: '类别',
    community: '服务社区',
    need: '需求',
    plan: '实施方案',
    schedule: '进度安排',
    beneficiaries: '预计受益人数',
    budget: '预算明细',
    budgetHead: { item: '支出项目', unitPrice: '单价', quantity: '数量', amount: '金额' },
    requested: '申请金额',
    minViable: '最低可执行金额',
    sheet: '评分表',
    maxPoints: (max) => `满分 ${max} 分，按 0.5 分递进`,
    criterionComment: (name) => `“${name}”评语（选填）`,
    overallComment: '总体评语（选填）',
    recommended: '建议资助金额（选填）',
    recommendedHint: '不超过申请金额',
    notPoints: '请填写分数，例如 12.5',
    notAmount: '请填写金额（元），最多两位小数，例如 1,250.50',
    saveDraft: '保存草稿',
    submit: '提交评分',
    confirmSubmit: '确认提交',
    confirmLead: '提交后评分不能再修改（如需更正须由街道重新开放）。',
    total: '总分',
    submittedAt: '提交时间',
    conflict: '利益冲突',
    conflictLead: '如果您与申报团队有利害关系，请声明并说明原因；项目将改由其他评审专家评审。',
    conflictReason: '原因',
    declareConflict: '声明利益冲突',
    blindNote: '为保证公正，评审时不显示申报团队、成员姓名和联系方式。',
    back: '返回我的评审任务',
  },
  en: {
    title: 'My reviews',
    lead: 'Score each criterion of the rubric; save a draft first if you like. Once submitted, a sheet cannot be changed. Teams are hidden.',
    none: 'No proposals are assigned to you yet.',
    sheetStates: {
      missing: 'Not started',
      draft: 'Draft',
      submitted: 'Submitted',
      conflict: 'Conflict of interest',
    },
    head: { title: 'Proposal', state: 'Sheet', action: 'Action' },
    score: 'Score',
    review: 'View',
    proposal: 'The proposal',
    category: 'Category',
    community: 'Community',
    need: 'Need',
    plan: 'Plan',
    schedule: 'Schedule',
    beneficiaries: 'Expected beneficiaries',
    budget: 'Budget',
    budgetHead: { item: 'Item', unitPrice: 'Unit price', quantity: 'Quantity', amount: 'Amount' },
    requested: 'Requested',
    minViable: 'Minimum viable amount',
    sheet: 'Score sheet',
    maxPoints: (max) => `Out of ${max} points, in steps of 0.5`,
    criterionComment: (name) => `Comment on “${name}” (optional)`,
    overallComment: 'Overall comment (optional)',
    recommended: 'Recommended amount (optional)',
    recommendedHint: 'At most the requested amount',
    notPoints: 'Enter a score, e.g. 12.5',
    notAmount: 'Enter an amount in yuan with at most two decimals, e.g. 1,250.50',
    saveDraft: 'Save draft',
    submit: 'Submit scores',
    confirmSubmit: 'Submit',
    confirmLead: 'Once submitted, your scores cannot be changed (the office can reopen a sheet).',
    total: 'Total',
    submittedAt: 'Submitted',
    conflict: 'Conflict of interest',
    conflictLead:
      'If you have an interest in the proposing team, declare it with the reason; another judge will review this proposal.',
    conflictReason: 'Reason',
    declareConflict: 'Declare a conflict',
    blindNote: 'To keep review fair, the team, its members and their phone numbers are not shown.',
    back: 'Back to my reviews',
  },
};

export interface ReviewText {
  title: string;
  rankingTitle: string;
  panel: string;
  panelEmpty: string;
  judgeName: string;
  judgeAccount: string;
  judgeAccountHint: string;
  addJudge: string;
  assign: string;
  assignLead: (perProposal: number) => string;
  autoAssign: string;
  startReview: string;
  startReviewLead: string;
  progress: string;
  matrixProposal: string;
  cellStates: Record<'missing' | 'draft' | 'submitted' | 'conflict' | 'none', string>;
  head: {
    rank: string;
    title: string;
    score: string;
    sheets: string;
    judges: string;
    flags: string;
  };
  aggregation: string;
  aggregations: Record<'mean' | 'trimmed-mean' | 'median' | 'z-score', string>;
  minJudges: (n: number) => string;
  outlier: string;
  dropped: string;
  notEnough: string;
  downloadCsv: string;
}

export const reviewTexts: Texts<ReviewText> = {
  'zh-CN': {
    title: '评审组与评审进度',
    rankingTitle: '排名',
    panel: '评审组',
    panelEmpty: '评审组还没有成员。',
    judgeName: '评审专家姓名',
    judgeAccount: '评审专家账号',
    judgeAccountHint: '评审专家登录时使用的账号，例如 judge-1',
    addJudge: '加入评审组',
    assign: '分配评审',
    assignLead: (n) => `每个合格项目分配 ${n} 位评审专家，避开利益冲突，尽量均衡。`,
    autoAssign: '自动分配',
    startReview: '开始评审',
    startReviewLead: '所有项目审查完毕、分配完成后开始评审，评审专家即可打分。',
    progress: '评审进度',
    matrixProposal: '项目',
    cellStates: { missing: '未开始', draft: '草稿', submitted: '已提交', conflict: '回避', none: '—' },
    head: {
      rank: '名次',
      title: '项目',
      score: '得分',
      sheets: '有效评分份数',
      judges: '各评审专家总分',
      flags: '标记',
    },
    aggregation: '计分方式',
    aggregations: {
      mean: '平均分',
      'trimmed-mean': '去掉最高分和最低分后的平均分',
      median: '中位数',
      'z-score': '标准分',
    },
    minJudges: (n) => `每个项目至少 ${n} 份有效评分`,
    outlier: '偏离均值较大',
    dropped: '去掉的最高或最低分',
    notEnough: '有效评分不足，暂不排名',
    downloadCsv: '下载排名（CSV）',
  },
  en: {
    title: 'Panel and review progress',
    rankingTitle: 'Ranking',
    panel: 'The panel',
    panelEmpty: 'The panel has no judges yet.',
    judgeName: "Judge's name",
    judgeAccount: "Judge's account",
    judgeAccountHint: 'The account the judge signs in with, e.g. judge-1',
    addJudge: 'Add to the panel',
    assign: 'Assignment',
    assignLead: (n) =>
      `Each eligible proposal gets ${n} judges, avoiding conflicts, balanced across the panel.`,
    autoAssign: 'Assign automatically',
    startReview: 'Start review',
    startReviewLead: 'Once every submission is screened and assigned, start review so judges can score.',
    progress: 'Progress',
    matrixProposal: 'Proposal',
    cellStates: {
      missing: 'Not started',
      draft: 'Draft',
      submitted: 'Submitted',
      conflict: 'Recused',
      none: '—',
    },
    head: {
      rank: 'Rank',
      title: 'Proposal',
      score: 'Score',
      sheets: 'Sheets counted',
      judges: "Each judge's total",
      flags: 'Flags',
    },
    aggregation: 'Aggregation',
    aggregations: {
      mean: 'Mean',
      'trimmed-mean': 'Mean without the highest and lowest',
      median: 'Median',
      'z-score': 'Standardised (z-score)',
    },
    minJudges: (n) => `At least ${n} sheets per proposal`,
    outlier: 'Far from the mean',
    dropped: 'Dropped as highest or lowest',
    notEnough: 'Not enough sheets to rank yet',
    downloadCsv: 'Download the ranking (CSV)',
  },
};
