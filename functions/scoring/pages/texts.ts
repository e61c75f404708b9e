import { TRIM_MIN_SHEETS } from '../../../shared/scoring.ts';
import type { Texts } from '../../ui/texts.ts';

export interface JudgeText {
  title: string;
  none: string;
  sheetStates: Record<'missing' | 'draft' | 'submitted', string>;
  open: string;
  blindNote: string;
  need: string;
  plan: string;
  schedule: string;
  beneficiaries: string;
  budget: string;
  requested: string;
  minViable: string;
  comment: string;
  overall: string;
  recommended: string;
  recommendedHint: string;
  saveDraft: string;
  confirmBody: string;
  saved: string;
  submitted: string;
  conflictHint: string;
  declared: string;
  category: string;
  community: string;
}

export const judgeTexts: Texts<JudgeText> = {
  'zh-CN': {
    title: '我的评审任务',
    none: '暂时没有分配给你的项目。',
    sheetStates: { missing: '未评分', draft: '草稿', submitted: '已提交' },
    open: '评分',
    blindNote: '匿名评审：这里不显示申报团队和联系人。',
    need: '需求',
    plan: '方案',
    schedule: '进度安排',
    beneficiaries: '预计受益人数',
    budget: '预算明细',
    requested: '申报金额',
    minViable: '最低可执行金额',
    comment: '评语',
    overall: '总体意见',
    recommended: '建议资助金额（元）',
    recommendedHint: '选填',
    saveDraft: '保存草稿',
    confirmBody: '提交后不能再修改，除非街道工作人员退回。',
    saved: '评分草稿已保存。',
    submitted: '评分已提交。',
    conflictHint: '例如：与申报团队成员是亲属、同事',
    declared: '已申报冲突，这个项目将改由其他评审专家评分。',
    category: '类别',
    community: '社区',
  },
  en: {
    title: 'My assignments',
    none: 'Nothing is assigned to you yet.',
    sheetStates: { missing: 'Not scored', draft: 'Draft', submitted: 'Submitted' },
    open: 'Score',
    blindNote: 'Blind review: the team and its contacts are not shown.',
    need: 'The need',
    plan: 'The plan',
    schedule: 'Schedule',
    beneficiaries: 'Expected beneficiaries',
    budget: 'Budget lines',
    requested: 'Requested',
    minViable: 'Minimum viable amount',
    comment: 'Comment',
    overall: 'Overall comment',
    recommended: 'Recommended amount (yuan)',
    recommendedHint: 'Optional',
    saveDraft: 'Save draft',
    confirmBody: 'Once submitted it cannot be changed unless an officer reopens it.',
    saved: 'Draft saved.',
    submitted: 'Sheet submitted.',
    conflictHint: 'For example: a relative or colleague of a team member',
    declared: 'Conflict declared; another judge will score this proposal.',
    category: 'Category',
    community: 'Community',
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
  removeJudge: (name: string) => string;
  shortOfJudges: (titles: string) => string;
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
    judgeAccountHint: '评审专家登录时使用的账号，例如 judge-1；可从登录过的评审专家中选择',
    addJudge: '加入评审组',
    removeJudge: (name) => `将${name}移出评审组`,
    shortOfJudges: (titles) => `以下项目的评审专家不足，请增加评审组成员后重新自动分配：${titles}`,
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
      'trimmed-mean': `去掉一个最高分和一个最低分后的平均分（有效评分不足 ${TRIM_MIN_SHEETS} 份时取平均分）`,
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
    judgeAccountHint:
      'The account the judge signs in with, e.g. judge-1; pick one of the judges who have signed in',
    addJudge: 'Add to the panel',
    removeJudge: (name) => `Take ${name} off the panel`,
    shortOfJudges: (titles) =>
      `These proposals are short of judges; add judges to the panel and assign again: ${titles}`,
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
      'trimmed-mean': `Mean without the highest and the lowest (the plain mean below ${TRIM_MIN_SHEETS} sheets)`,
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
