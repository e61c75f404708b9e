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
  sheet: string;
  points: (max: string) => string;
  pointsHint: string;
  comment: string;
  overall: string;
  recommended: string;
  recommendedHint: string;
  saveDraft: string;
  submit: string;
  confirmTitle: string;
  confirmTotal: string;
  confirmBody: string;
  confirmSubmit: string;
  saved: string;
  submitted: string;
  readOnly: string;
  conflict: string;
  conflictReason: string;
  conflictHint: string;
  declare: string;
  declared: string;
  notPoints: string;
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
    sheet: '评分表',
    points: (max) => `得分（满分 ${max} 分）`,
    pointsHint: '可以打半分，例如 22.5',
    comment: '评语',
    overall: '总体意见',
    recommended: '建议资助金额（元）',
    recommendedHint: '选填',
    saveDraft: '保存草稿',
    submit: '提交评分',
    confirmTitle: '确认提交评分',
    confirmTotal: '总分',
    confirmBody: '提交后不能再修改，除非街道工作人员退回。',
    confirmSubmit: '确认提交',
    saved: '评分草稿已保存。',
    submitted: '评分已提交。',
    readOnly: '评分已提交，不能修改。',
    conflict: '申报利益冲突',
    conflictReason: '冲突原因',
    conflictHint: '例如：与申报团队成员是亲属、同事',
    declare: '申报冲突并回避',
    declared: '已申报冲突，这个项目将改由其他评审专家评分。',
    notPoints: '请填写分数，例如 22.5',
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
    sheet: 'Score sheet',
    points: (max) => `Score (out of ${max} points)`,
    pointsHint: 'Half points are fine, e.g. 22.5',
    comment: 'Comment',
    overall: 'Overall comment',
    recommended: 'Recommended amount (yuan)',
    recommendedHint: 'Optional',
    saveDraft: 'Save draft',
    submit: 'Submit the sheet',
    confirmTitle: 'Submit the sheet?',
    confirmTotal: 'Total',
    confirmBody: 'Once submitted it cannot be changed unless an officer reopens it.',
    confirmSubmit: 'Yes, submit',
    saved: 'Draft saved.',
    submitted: 'Sheet submitted.',
    readOnly: 'This sheet is submitted and cannot be changed.',
    conflict: 'Declare a conflict of interest',
    conflictReason: 'Reason',
    conflictHint: 'For example: a relative or colleague of a team member',
    declare: 'Declare and step aside',
    declared: 'Conflict declared; another judge will score this proposal.',
    notPoints: 'Enter a score, e.g. 22.5',
    category: 'Category',
    community: 'Community',
  },
};
