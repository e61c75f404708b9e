import type { Texts } from '../../ui/texts.ts';

export interface RecordsText {
  title: string;
  notices: string;
  noticesLead: string;
  notLocked: string;
  issue: string;
  issued: (count: number, total: number) => string;
  noNotices: string;
  head: { number: string; title: string; result: string; amount: string; print: string };
  selected: string;
  notSelected: string;
  print: string;
  downloads: string;
  rankingCsv: string;
  awardsCsv: string;
  ocds: string;
  lockedBundle: string;
  audit: string;
  auditOk: (count: number) => string;
  auditBroken: (seq: number) => string;
  auditHead: { seq: string; at: string; who: string; what: string };
  actions: Record<string, string>;
  otherAction: string;
  someone: string;
}

export const recordsTexts: Texts<RecordsText> = {
  'zh-CN': {
    title: '通知书与记录',
    notices: '通知书',
    noticesLead: '锁定后向每个申报团队发放通知书（入选或未入选），可重复执行，已发放的不会重复。',
    notLocked: '服务包锁定后才能发放通知书。',
    issue: '发放通知书',
    issued: (count, total) => `已发放 ${count} / ${total} 份通知书`,
    noNotices: '尚未发放通知书。',
    head: { number: '文号', title: '项目', result: '结果', amount: '资助金额', print: '打印' },
    selected: '入选',
    notSelected: '未入选',
    print: '打印通知书',
    downloads: '下载',
    rankingCsv: '排名（CSV）',
    awardsCsv: '资助结果（CSV）',
    ocds: '开放合同数据（OCDS JSON）',
    lockedBundle: '锁定的服务包原文（JSON）',
    audit: '审计记录',
    auditOk: (count) => `审计记录链完整：共 ${count} 条记录。`,
    auditBroken: (seq) => `审计记录链在第 ${seq} 条处断开。`,
    auditHead: { seq: '序号', at: '时间', who: '操作人', what: '操作' },
    actions: {
      'contest.edit': '修改大赛设置',
      'contest.open': '开放征集',
      'contest.screening': '关闭征集，进入资格审查',
      'contest.review': '开始评审',
      'contest.publicity': '公示入围名单',
      'contest.locked': '服务包锁定',
      'contest.awarded': '通知书已发放',
      'contest.cancelled': '取消大赛',
      'proposal.screen': '资格审查',
      'assignment.add': '分配评审',
      'assignment.remove': '撤回评审分配',
      'sheet.reopen': '重新开放评分表',
      'conflict.declare': '声明利益冲突',
      'objection.file': '提出异议',
      'objection.answer': '答复异议',
      'bundle.lock': '锁定服务包',
      'notices.issue': '发放通知书',
      'contest.create': '创建大赛',
      'proposal.create': '创建申报书',
      'proposal.edit': '修改申报书',
      'proposal.submit': '提交申报书',
      'proposal.withdraw': '撤回申报书',
      'sheet.save': '保存评分草稿',
      'sheet.submit': '提交评分',
      'panel.add': '加入评审组',
      'assignment.auto': '自动分配评审',
      'assignment.replan': '重新分配评审',
      'decisions.save': '调整入围名单',
      'notice.issue': '发放通知书',
      'team.create': '登记团队',
      'team.edit': '修改团队',
    },
    otherAction: '其他操作',
    someone: '其他用户',
  },
  en: {
    title: 'Notices and records',
    notices: 'Notices',
    noticesLead:
      'Once locked, every proposing team gets a notice (selected or not). Running it again is safe: nothing is issued twice.',
    notLocked: 'Notices can be issued once the bundle is locked.',
    issue: 'Issue the notices',
    issued: (count, total) => `${count} / ${total} notices issued`,
    noNotices: 'No notices issued yet.',
    head: { number: 'Number', title: 'Proposal', result: 'Result', amount: 'Amount', print: 'Print' },
    selected: 'Selected',
    notSelected: 'Not selected',
    print: 'Print the notice',
    downloads: 'Downloads',
    rankingCsv: 'Ranking (CSV)',
    awardsCsv: 'Awards (CSV)',
    ocds: 'Open contracting data (OCDS JSON)',
    lockedBundle: 'The locked bundle text (JSON)',
    audit: 'Audit log',
    auditOk: (count) => `The audit chain is intact: ${count} entries.`,
    auditBroken: (seq) => `The audit chain is broken at entry ${seq}.`,
    auditHead: { seq: 'No.', at: 'When', who: 'Who', what: 'What' },
    actions: {
      'contest.edit': 'Settings changed',
      'contest.open': 'Call opened',
      'contest.screening': 'Call closed; screening',
      'contest.review': 'Review started',
      'contest.publicity': 'Shortlist published',
      'contest.locked': 'Bundle locked',
      'contest.awarded': 'Notices issued',
      'contest.cancelled': 'Contest cancelled',
      'proposal.screen': 'Screening',
      'assignment.add': 'Judge assigned',
      'assignment.remove': 'Assignment withdrawn',
      'sheet.reopen': 'Sheet reopened',
      'conflict.declare': 'Conflict declared',
      'objection.file': 'Objection filed',
      'objection.answer': 'Objection answered',
      'bundle.lock': 'Bundle locked',
      'notices.issue': 'Notices issued',
      'contest.create': 'Contest created',
      'proposal.create': 'Proposal started',
      'proposal.edit': 'Proposal edited',
      'proposal.submit': 'Proposal submitted',
      'proposal.withdraw': 'Proposal withdrawn',
      'sheet.save': 'Sheet draft saved',
      'sheet.submit': 'Sheet submitted',
      'panel.add': 'Judge added to the panel',
      'assignment.auto': 'Judges assigned automatically',
      'assignment.replan': 'Assignments re-planned',
      'decisions.save': 'Shortlist changed',
      'notice.issue': 'Notice issued',
      'team.create': 'Team registered',
      'team.edit': 'Team edited',
    },
    otherAction: 'Other',
    someone: 'Another user',
  },
};
