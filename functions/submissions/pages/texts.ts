import type { Texts } from '../../ui/texts.ts';

export interface ContestText {
  office: string;
  budget: string;
  cap: string;
  capHint: string;
  deadline: string;
  reviewDeadline: string;
  publicityDays: (days: number) => string;
  call: string;
  categories: string;
  communities: string;
  rubric: string;
  criterion: string;
  maxPoints: string;
  total: string;
  timeline: string;
  events: Record<
    'opened' | 'deadline' | 'reviewDeadline' | 'published' | 'publicityEnds' | 'locked' | 'cancelled',
    string
  >;
  takePart: string;
  takePartSteps: string[];
  takePartClosed: string;
  publicity: string;
  publicityUntil: (until: string) => string;
  bundleHead: {
    rank: string;
    title: string;
    category: string;
    community: string;
    score: string;
    requested: string;
    amount: string;
    result: string;
  };
  selected: string;
  notSelected: string;
  /** Once the bundle is locked the amounts and selections are no longer proposals. */
  lockedAmount: string;
  lockedSelected: string;
  howToObject: string;
  fileObjection: string;
  objectionsSoFar: (n: number) => string;
  answers: string;
  answersLead: string;
  objectionAbout: string;
  objectionWhole: string;
  objectionText: string;
  officeAnswer: string;
  answeredAt: string;
  locked: string;
  lockedAt: string;
  digest: string;
  download: string;
  howToVerify: string;
  verifySteps: string[];
  results: string;
  resultsBody: string;
  verifyNotice: string;
  audit: string;
  auditOk: (count: number) => string;
  auditBroken: (at: number) => string;
  cancelled: (reason: string) => string;
  signInToTakePart: string;
}

export const contestTexts: Texts<ContestText> = {
  'zh-CN': {
    office: '主办',
    budget: '总预算',
    cap: '单个项目资助上限',
    capHint: '申报金额不能超过此上限',
    deadline: '申报截止',
    reviewDeadline: '评审截止',
    publicityDays: (days) => `入围名单公示 ${days} 天`,
    call: '征集公告',
    categories: '项目类别',
    communities: '覆盖社区',
    rubric: '评分标准',
    criterion: '评分项',
    maxPoints: '满分（分）',
    total: '合计',
    timeline: '进度',
    events: {
      opened: '开始征集',
      deadline: '申报截止',
      reviewDeadline: '评审截止',
      published: '入围名单公示',
      publicityEnds: '公示结束',
      locked: '锁定服务包',
      cancelled: '大赛取消',
    },
    takePart: '如何参加',
    takePartSteps: [
      '以居民身份登录。',
      '在“我的团队”登记团队：成员、负责人电话、所在社区。',
      '为本次大赛填写项目申报书：需求、方案、进度、受益人数和预算明细。',
      '在申报截止前提交。提交前可随时保存草稿，提交后截止前仍可撤回修改。',
    ],
    takePartClosed: '本次大赛已停止接收申报。',
    publicity: '入围名单公示',
    publicityUntil: (until) => `公示期至 ${until}。`,
    bundleHead: {
      rank: '排名',
      title: '项目',
      category: '类别',
      community: '社区',
      score: '得分',
      requested: '申报金额',
      amount: '拟资助金额',
      result: '结果与理由',
    },
    selected: '拟入选',
    notSelected: '未入选',
    lockedAmount: '资助金额',
    lockedSelected: '入选',
    howToObject: '对公示结果有异议的，请在公示期内以居民身份登录后提出，街道将公开答复。',
    fileObjection: '提出异议',
    objectionsSoFar: (n) => `目前已收到 ${n} 条异议。`,
    answers: '异议与街道答复',
    answersLead: '街道已答复的异议，原文公开，不含提出人的个人信息。',
    objectionAbout: '针对',
    objectionWhole: '整个入围名单',
    objectionText: '异议内容',
    officeAnswer: '街道答复',
    answeredAt: '答复时间',
    locked: '已锁定的服务包',
    lockedAt: '锁定时间',
    digest: 'SHA-256 摘要',
    download: '下载服务包原文（JSON）',
    howToVerify: '如何核验',
    verifySteps: [
      '下载上面的服务包原文，不要打开修改。',
      '在电脑上计算它的 SHA-256：Linux/macOS 运行 sha256sum 文件名（macOS 也可用 shasum -a 256 文件名），Windows 运行 certutil -hashfile 文件名 SHA256。',
      '算出的结果应与上面的摘要完全一致；每份通知书上也印有同一摘要。',
    ],
    results: '结果',
    resultsBody: '立项通知书已发放。收到通知书的团队和任何人都可以凭文号和验证码核验真伪。',
    verifyNotice: '核验通知书',
    audit: '审计记录',
    auditOk: (count) => `审计记录链完整：共 ${count} 条记录，逐条校验通过。`,
    auditBroken: (at) => `审计记录链校验未通过：从第 ${at} 条起对不上。`,
    cancelled: (reason) => `本次大赛已取消：${reason}`,
    signInToTakePart: '登录后参加',
  },
  en: {
    office: 'Run by',
    budget: 'Budget',
    cap: 'Cap per project',
    capHint: 'No proposal may ask for more',
    deadline: 'Submissions close',
    reviewDeadline: 'Review closes',
    publicityDays: (days) => `Shortlist publicity lasts ${days} days`,
    call: 'The call',
    categories: 'Categories',
    communities: 'Communities',
    rubric: 'Rubric',
    criterion: 'Criterion',
    maxPoints: 'Maximum (points)',
    total: 'Total',
    timeline: 'Timeline',
    events: {
      opened: 'Call opened',
      deadline: 'Submissions close',
      reviewDeadline: 'Review closes',
      published: 'Shortlist published',
      publicityEnds: 'Publicity ends',
      locked: 'Bundle locked',
      cancelled: 'Contest cancelled',
    },
    takePart: 'How to take part',
    takePartSteps: [
      'Sign in as a resident.',
      'Register your team under “My teams”: members, the leader’s phone, your community.',
      'Fill in a proposal for this contest: the need, the plan, the schedule, beneficiaries and budget lines.',
      'Submit before the deadline. Save drafts as often as you like; until the deadline you can withdraw and resubmit.',
    ],
    takePartClosed: 'This contest no longer takes proposals.',
    publicity: 'Shortlist publicity',
    publicityUntil: (until) => `Publicity runs until ${until}.`,
    bundleHead: {
      rank: 'Rank',
      title: 'Project',
      category: 'Category',
      community: 'Community',
      score: 'Score',
      requested: 'Requested',
      amount: 'Proposed amount',
      result: 'Result and reason',
    },
    selected: 'Proposed',
    notSelected: 'Not selected',
    lockedAmount: 'Funded amount',
    lockedSelected: 'Selected',
    howToObject:
      'If you object to the shortlist, sign in as a resident and file an objection during publicity; the office answers on the record.',
    fileObjection: 'File an objection',
    objectionsSoFar: (n) => `${n} objection(s) filed so far.`,
    answers: 'Objections and the office’s answers',
    answersLead:
      'The objections the office has answered, word for word, without anything about who filed them.',
    objectionAbout: 'About',
    objectionWhole: 'The shortlist as a whole',
    objectionText: 'Objection',
    officeAnswer: 'The office’s answer',
    answeredAt: 'Answered',
    locked: 'The locked bundle',
    lockedAt: 'Locked',
    digest: 'SHA-256 digest',
    download: 'Download the bundle text (JSON)',
    howToVerify: 'How to verify',
    verifySteps: [
      'Download the bundle text above; do not open and save it.',
      'Compute its SHA-256: on Linux/macOS run sha256sum FILE (or shasum -a 256 FILE on macOS); on Windows run certutil -hashfile FILE SHA256.',
      'The result must equal the digest above, which every notice carries too.',
    ],
    results: 'Results',
    resultsBody: 'Notices have been issued. Anyone can check a notice with its number and verification code.',
    verifyNotice: 'Verify a notice',
    audit: 'Audit trail',
    auditOk: (count) => `The audit trail is intact: ${count} entries, each checked.`,
    auditBroken: (at) => `The audit trail does not verify: it breaks at entry ${at}.`,
    cancelled: (reason) => `This contest was cancelled: ${reason}`,
    signInToTakePart: 'Sign in to take part',
  },
};
