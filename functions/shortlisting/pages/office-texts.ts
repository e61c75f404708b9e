import type { Texts } from '../../ui/texts.ts';

type Policy = 'rank-fill' | 'rank-strict' | 'max-score';

export interface BundleText {
  title: string;
  lead: string;
  notInReview: string;
  proposed: (policy: string) => string;
  policies: Record<Policy, string>;
  head: { rank: string; title: string; score: string; requested: string; amount: string; result: string };
  selected: string;
  notSelected: string;
  compare: string;
  compareLead: string;
  metric: string;
  contestPolicy: string;
  selectedCount: string;
  used: string;
  left: string;
  totalScore: string;
  inBundle: string;
  decisions: string;
  decisionsLead: string;
  trim: string;
  trimHint: string;
  trimReason: string;
  manual: string;
  manualOptions: Record<'none' | 'add' | 'drop', string>;
  manualReason: string;
  group: string;
  groupHint: string;
  notAmount: string;
  notGroup: string;
  reasonNeeded: string;
  save: string;
  publish: string;
  publishLead: (days: number) => string;
  confirmPublish: string;
  openSheetsWarning: (count: number) => string;
  publicityTitle: string;
  publicityUntil: string;
  notPublished: string;
  objections: string;
  noObjections: string;
  objectionAbout: string;
  wholeBundle: string;
  filedAt: string;
  answer: string;
  answeredAt: string;
  sendAnswer: string;
  lock: string;
  lockLead: string;
  lockFrozen: (lines: number) => string;
  confirmLock: string;
  lockedAt: string;
  digest: string;
  budget: string;
}

export const bundleTexts: Texts<BundleText> = {
  'zh-CN': {
    title: '入围名单',
    lead: '按大赛的入围规则生成；可以调减金额、增补或剔除（须写明原因）、标记互斥项目，再公示。',
    notInReview: '只有评审阶段可以调整和公示入围名单。',
    proposed: (policy) => `按“${policy}”生成的入围名单`,
    policies: {
      'rank-fill': '按排名依次入围，放不下的跳过',
      'rank-strict': '按排名依次入围，放不下即停止',
      'max-score': '在预算内使总分最高',
    },
    head: {
      rank: '名次',
      title: '项目',
      score: '得分',
      requested: '申请金额',
      amount: '资助金额',
      result: '结果与原因',
    },
    selected: '入选',
    notSelected: '未入选',
    compare: '各入围方式对比',
    compareLead: '同一排名在三种入围方式下的结果，供研究参考；公示以大赛规则规定的方式为准。',
    metric: '项目',
    contestPolicy: '（本次大赛规则）',
    selectedCount: '入选项目数',
    used: '资助总额',
    left: '预算剩余',
    totalScore: '入选项目总分',
    inBundle: '入选',
    decisions: '调整',
    decisionsLead: '每项调整都须写明原因，原因将随名单公示。',
    trim: '调减后的金额（选填）',
    trimHint: '不超过申请金额',
    trimReason: '调减原因',
    manual: '增补或剔除',
    manualOptions: { none: '按规则', add: '增补入围', drop: '剔除' },
    manualReason: '增补或剔除的原因',
    group: '互斥组（选填）',
    groupHint: '填同一数字的项目互斥，最多入选一个',
    notAmount: '请填写金额（元），最多两位小数，例如 1,250.50',
    notGroup: '请填写 1 至 99 的数字',
    reasonNeeded: '请写明原因',
    save: '保存调整',
    publish: '公示入围名单',
    publishLead: (days) => `公示 ${days} 天，期间居民可以提出异议；公示后名单不能再调整。`,
    confirmPublish: '确认公示',
    openSheetsWarning: (n) => `还有 ${n} 份已分配的评分表未提交，公示后不再计入排名：`,
    publicityTitle: '公示与锁定',
    publicityUntil: '公示截止',
    notPublished: '入围名单尚未公示。',
    objections: '异议',
    noObjections: '暂无异议。',
    objectionAbout: '针对',
    wholeBundle: '整个名单',
    filedAt: '提出时间',
    answer: '答复',
    answeredAt: '答复时间',
    sendAnswer: '提交答复',
    lock: '锁定服务包',
    lockLead: '公示期满且所有异议均已答复后才能锁定。锁定后名单、金额和原因永久冻结，并公布其 SHA-256 摘要。',
    lockFrozen: (n) => `公示的 ${n} 个项目的名次、得分、金额和原因，以及截至此刻的审计记录`,
    confirmLock: '确认锁定',
    lockedAt: '锁定时间',
    digest: 'SHA-256 摘要',
    budget: '总预算',
  },
  en: {
    title: 'Shortlist',
    lead: "Built by the contest's shortlisting rules; trim amounts, add or drop by hand (with reasons), mark incompatible proposals, then publish.",
    notInReview: 'The shortlist can be changed and published only during review.',
    proposed: (policy) => `The shortlist by “${policy}”`,
    policies: {
      'rank-fill': 'By rank, skipping what does not fit',
      'rank-strict': 'By rank, stopping at the first that does not fit',
      'max-score': 'The highest total score within the budget',
    },
    head: {
      rank: 'Rank',
      title: 'Proposal',
      score: 'Score',
      requested: 'Requested',
      amount: 'Amount',
      result: 'Result and reason',
    },
    selected: 'Selected',
    notSelected: 'Not selected',
    compare: 'Policies compared',
    compareLead:
      "The same ranking under each policy, for discussion; publicity follows the contest's own policy.",
    metric: 'Measure',
    contestPolicy: " (the contest's rule)",
    selectedCount: 'Proposals selected',
    used: 'Amount funded',
    left: 'Budget left',
    totalScore: 'Total score selected',
    inBundle: 'Selected',
    decisions: 'Changes',
    decisionsLead: 'Every change needs a reason, which is published with the shortlist.',
    trim: 'Trimmed amount (optional)',
    trimHint: 'At most the requested amount',
    trimReason: 'Reason for the trim',
    manual: 'Add or drop',
    manualOptions: { none: 'By the rules', add: 'Add', drop: 'Drop' },
    manualReason: 'Reason for adding or dropping',
    group: 'Incompatible group (optional)',
    groupHint: 'Proposals with the same number exclude each other: at most one is selected',
    notAmount: 'Enter an amount in yuan with at most two decimals, e.g. 1,250.50',
    notGroup: 'Enter a number from 1 to 99',
    reasonNeeded: 'Give a reason',
    save: 'Save changes',
    publish: 'Publish the shortlist',
    publishLead: (days) =>
      `Published for ${days} days, during which residents may object; afterwards the shortlist cannot change.`,
    confirmPublish: 'Publish',
    openSheetsWarning: (n) =>
      `${n} assigned score sheets are still open; once published they no longer count:`,
    publicityTitle: 'Publicity and lock',
    publicityUntil: 'Publicity ends',
    notPublished: 'The shortlist is not published yet.',
    objections: 'Objections',
    noObjections: 'No objections.',
    objectionAbout: 'About',
    wholeBundle: 'The whole shortlist',
    filedAt: 'Filed',
    answer: 'Answer',
    answeredAt: 'Answered',
    sendAnswer: 'Send the answer',
    lock: 'Lock the bundle',
    lockLead:
      'Possible once publicity is over and every objection is answered. The list, amounts and reasons are then frozen for good and their SHA-256 published.',
    lockFrozen: (n) =>
      `The ranks, scores, amounts and reasons of the ${n} published proposals, and the audit trail so far`,
    confirmLock: 'Lock',
    lockedAt: 'Locked',
    digest: 'SHA-256 digest',
    budget: 'Budget',
  },
};
