import type { MEMBER_ROLES } from '../../../shared/team/team.ts';
import type { Texts } from '../../ui/texts.ts';

export interface ResidentText {
  myTeams: string;
  noTeams: string;
  newTeam: string;
  editTeam: string;
  team: {
    name: string;
    community: string;
    communityHint: string;
    kind: string;
    kinds: Record<'resident-team' | 'registered-org', string>;
    certificate: string;
    certificateHint: string;
    members: string;
    memberName: string;
    memberRole: string;
    memberPhone: string;
    memberPhoneHint: string;
    roles: Record<(typeof MEMBER_ROLES)[number], string>;
    addMember: string;
    removeMember: string;
    save: string;
    saved: string;
    member: (n: number) => string;
  };
  myProposals: string;
  noProposals: string;
  startProposal: string;
  openContests: string;
  noOpenContests: string;
  proposal: {
    new: string;
    team: string;
    teamHint: string;
    needTeam: string;
    title: string;
    category: string;
    community: string;
    choose: string;
    need: string;
    plan: string;
    schedule: string;
    beneficiaries: string;
    budget: string;
    line: (n: number) => string;
    item: string;
    unitPrice: string;
    quantity: string;
    amount: string;
    total: string;
    addLine: string;
    removeLine: string;
    minViable: string;
    minViableHint: string;
    cap: (cap: string) => string;
    deadline: (when: string, left: string) => string;
    saveDraft: string;
    submit: string;
    withdraw: string;
    withdrawConfirm: string;
    saved: string;
    submitted: string;
    withdrawn: string;
    readOnly: string;
    status: string;
    closedAt: (when: string) => string;
  };
  next: {
    draft: string;
    submitted: string;
    withdrawn: string;
    closed: string;
    ineligible: (reason: string) => string;
    /** A submitted proposal once the contest has moved on, by the contest's phase. */
    review: string;
    publicity: string;
    locked: string;
    awarded: string;
    cancelled: string;
    /** The link beside publicity's and awarded's step. */
    shortlist: string;
  };
  ineligible: string;
}

export const residentTexts: Texts<ResidentText> = {
  'zh-CN': {
    myTeams: '我的团队',
    noTeams: '还没有登记团队。申报项目前先登记一个团队。',
    newTeam: '登记新团队',
    editTeam: '修改团队信息',
    team: {
      name: '团队名称',
      community: '所在社区',
      communityHint: '从列表中选择',
      kind: '团队类型',
      kinds: { 'resident-team': '居民自组织团队', 'registered-org': '已登记的社会组织' },
      certificate: '统一社会信用代码',
      certificateHint: '已登记的社会组织填写，18 位',
      members: '团队成员',
      memberName: '姓名',
      memberRole: '角色',
      memberPhone: '手机号',
      memberPhoneHint: '负责人必填',
      roles: { leader: '负责人', member: '成员', volunteer: '志愿者', advisor: '顾问' },
      addMember: '再加一位成员',
      removeMember: '删除这位成员',
      save: '保存团队',
      saved: '团队信息已保存。',
      member: (n) => `成员 ${n}`,
    },
    myProposals: '我的申报',
    noProposals: '还没有申报书。',
    startProposal: '为这个大赛申报项目',
    openContests: '正在征集的大赛',
    noOpenContests: '现在没有正在征集的大赛。新的大赛开放后会列在这里和首页上。',
    proposal: {
      new: '新的申报书',
      team: '申报团队',
      teamHint: '以哪个团队的名义申报',
      needTeam: '请先登记团队，再来申报。',
      title: '项目名称',
      category: '项目类别',
      community: '服务社区',
      choose: '请选择',
      need: '需求：社区里有什么问题',
      plan: '方案：打算怎么做',
      schedule: '进度安排',
      beneficiaries: '预计受益人数',
      budget: '预算明细',
      line: (n) => `第 ${n} 项`,
      item: '用途',
      unitPrice: '单价（元）',
      quantity: '数量',
      amount: '小计',
      total: '申报金额合计',
      addLine: '再加一项预算',
      removeLine: '删除这一项',
      minViable: '最低可执行金额（元）',
      minViableHint: '选填：预算不够时，最少多少钱还能做成',
      cap: (cap) => `单个项目最多申报 ${cap}。`,
      deadline: (when, left) => `申报截止：${when}，${left}。`,
      saveDraft: '保存草稿',
      submit: '提交申报',
      withdraw: '撤回申报',
      withdrawConfirm: '撤回后这份申报书回到草稿，截止前可以修改后再提交。确定撤回吗？',
      saved: '草稿已保存。',
      submitted: '申报书已提交。截止前还可以撤回修改。',
      withdrawn: '申报书已撤回，现在是草稿。',
      readOnly: '这份申报书现在不能修改。',
      status: '状态',
      closedAt: (when) => `这个大赛的申报已于 ${when} 截止，不能再申报新项目。`,
    },
    next: {
      draft: '下一步：补全内容，在截止前提交。',
      submitted: '下一步：等待资格审查和评审结果。',
      withdrawn: '已撤回：截止前可以修改后重新提交。',
      closed: '申报已截止。',
      ineligible: (reason) => `资格审查未通过，不进入评审。街道说明的原因：${reason}`,
      review: '资格审查已结束，评审专家正在评分。',
      publicity: '入围名单正在公示：结果和理由在大赛页面上，有异议可在公示期内提出。',
      locked: '结果已锁定，街道将发出通知书。',
      awarded: '通知书已发出，入选与否都写在通知书上。',
      cancelled: '这个大赛已取消。',
      shortlist: '查看入围名单',
    },
    ineligible: '不合格',
  },
  en: {
    myTeams: 'My teams',
    noTeams: 'No team yet. Register a team before you submit a proposal.',
    newTeam: 'Register a team',
    editTeam: 'Edit the team',
    team: {
      name: 'Team name',
      community: 'Community',
      communityHint: 'Choose from the list',
      kind: 'Kind of team',
      kinds: { 'resident-team': 'Residents’ team', 'registered-org': 'Registered organisation' },
      certificate: 'Unified social credit code',
      certificateHint: 'For registered organisations: 18 characters',
      members: 'Members',
      memberName: 'Name',
      memberRole: 'Role',
      memberPhone: 'Mobile phone',
      memberPhoneHint: 'Required for the leader',
      roles: { leader: 'Leader', member: 'Member', volunteer: 'Volunteer', advisor: 'Advisor' },
      addMember: 'Add another member',
      removeMember: 'Remove this member',
      save: 'Save the team',
      saved: 'The team is saved.',
      member: (n) => `Member ${n}`,
    },
    myProposals: 'My proposals',
    noProposals: 'No proposals yet.',
    startProposal: 'Write a proposal for this contest',
    openContests: 'Contests open for proposals',
    noOpenContests:
      'No contest is open for proposals now. A new one will be listed here and on the home page.',
    proposal: {
      new: 'New proposal',
      team: 'Team',
      teamHint: 'The team the proposal is made by',
      needTeam: 'Register a team first, then come back to write a proposal.',
      title: 'Project title',
      category: 'Category',
      community: 'Community served',
      choose: 'Choose…',
      need: 'The need: what problem the community has',
      plan: 'The plan: what you will do',
      schedule: 'Schedule',
      beneficiaries: 'Expected beneficiaries (people)',
      budget: 'Budget lines',
      line: (n) => `Line ${n}`,
      item: 'What for',
      unitPrice: 'Unit price (yuan)',
      quantity: 'Quantity',
      amount: 'Amount',
      total: 'Total requested',
      addLine: 'Add a budget line',
      removeLine: 'Remove this line',
      minViable: 'Minimum viable amount (yuan)',
      minViableHint: 'Optional: the least the project can still be done with',
      cap: (cap) => `No proposal may ask for more than ${cap}.`,
      deadline: (when, left) => `Submissions close ${when}, ${left}.`,
      saveDraft: 'Save draft',
      submit: 'Submit',
      withdraw: 'Withdraw',
      withdrawConfirm:
        'Withdrawing turns the proposal back into a draft; you can change and resubmit it before the deadline. Withdraw?',
      saved: 'Draft saved.',
      submitted: 'Submitted. You can still withdraw it before the deadline.',
      withdrawn: 'Withdrawn: it is a draft again.',
      readOnly: 'This proposal cannot be changed now.',
      status: 'Status',
      closedAt: (when) => `Submissions to this contest closed on ${when}; no new proposals can be made.`,
    },
    next: {
      draft: 'Next: complete it and submit before the deadline.',
      submitted: 'Next: wait for screening and review.',
      withdrawn: 'Withdrawn: change it and resubmit before the deadline.',
      closed: 'Submissions have closed.',
      ineligible: (reason) =>
        `Screened ineligible: it does not go to review. The street office’s reason: ${reason}`,
      review: 'Screening is over; the judges are scoring.',
      publicity:
        'The shortlist is public: the results and reasons are on the contest page; objections can be made during publicity.',
      locked: 'The results are locked; the street office will issue the notices.',
      awarded: 'The notices are out: yours says whether the project was selected.',
      cancelled: 'This contest was cancelled.',
      shortlist: 'See the shortlist',
    },
    ineligible: 'Ineligible',
  },
};
