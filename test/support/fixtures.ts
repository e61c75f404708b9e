/** Inputs modelled on Xitun's 2016 contest: 175,000 yuan for about twenty projects. */
export function contestInput(now: Date, overrides: Record<string, unknown> = {}) {
  const day = 24 * 3600 * 1000;
  return {
    title: '西屯街道第一届社区公益微创投大赛',
    callText: '居民自己找需求、找方案、找团队、出项目。',
    budgetFen: 17_500_000,
    capFen: 1_500_000,
    categories: [
      { code: 'elderly', name: '为老服务' },
      { code: 'youth', name: '青少年成长' },
    ],
    communities: [
      { code: 'xitun', name: '西屯社区' },
      { code: 'beicheng', name: '北城社区' },
    ],
    submissionDeadline: new Date(now.getTime() + 14 * day).toISOString(),
    reviewDeadline: new Date(now.getTime() + 28 * day).toISOString(),
    ...overrides,
  };
}

/**
 * The office every test's teams belong to, with its communities: each test table has it
 * (createHarness), as the demo has Xitun's.
 */
export const TEAM_OFFICE = {
  id: 'xitun',
  name: '西屯街道办事处',
  communities: [
    { code: 'xitun', name: '西屯社区' },
    { code: 'beicheng', name: '北城社区' },
  ],
};

export const teamInput = {
  name: '少年手工智造坊团队',
  officeId: TEAM_OFFICE.id,
  community: 'xitun',
  kind: 'resident-team',
  members: [
    { name: '赵老师', role: 'leader', phone: '13800000001' },
    { name: '孙同学', role: 'volunteer' },
  ],
};

export const completeProposal = {
  title: '少年手工智造坊',
  category: 'youth',
  community: 'xitun',
  need: '社区青少年课余缺少动手实践的场所。',
  plan: '每周六开展手工与简单编程课程，共 20 次。',
  schedule: '2026 年 3 月至 7 月',
  expectedBeneficiaries: 40,
  budgetLines: [
    { item: '材料包', unitPriceFen: 5_000, quantity: 40, amountFen: 200_000 },
    { item: '讲师课时费', unitPriceFen: 20_000, quantity: 20, amountFen: 400_000 },
  ],
  requestedFen: 600_000,
};
