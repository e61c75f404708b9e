import type { Principal } from '../../shared/auth.ts';
import { AdjustableClock } from '../../shared/clock.ts';
import { closeContest, createContest, openContest } from '../../shared/contest/actions.ts';
import { getContest } from '../../shared/contest/store.ts';
import type { Deps } from '../../shared/deps.ts';
import { idempotentId } from '../../shared/ids.ts';
import { addCommunity } from '../../shared/office/communities.ts';
import { createOfficeIfMissing } from '../../shared/office/office.ts';
import {
  createProposal,
  listSubmissions,
  screenProposal,
  submitProposal,
} from '../../shared/proposal/actions.ts';
import type { ProposalContent } from '../../shared/proposal/model.ts';
import { addJudge, autoAssign, startReview } from '../../shared/review/actions.ts';
import { createTeam, getTeam, replaceTeam, type TeamInput } from '../../shared/team/team.ts';
import { recordSignIn } from '../../shared/user/directory.ts';
import type { DevUser } from './dev-auth.ts';
import { seedProcurement } from './seed-procurement.ts';

/*
 * The demo, modelled on Xitun subdistrict's 2016 contest (see README): one office, its
 * officer, five judges, resident teams and an open contest with a 175,000-yuan budget.
 * People are fictional. Every step is idempotent, so seeding on each start is safe.
 */
export const DEMO_OFFICE = {
  id: 'xitun',
  name: '西屯街道办事处',
  noticePrefix: '西屯微创投',
  contact: '西屯街道社会事务办公室（演示号码 0476-0000000）',
};

/** The office's communities: the one list its teams and its contests take theirs from. */
export const DEMO_COMMUNITIES = [
  { code: 'xitun', name: '西屯社区' },
  { code: 'beicheng', name: '北城社区' },
  { code: 'nancheng', name: '南城社区' },
  { code: 'dongcheng', name: '东城社区' },
];

export const DEMO_USERS: DevUser[] = [
  { sub: 'officer-xitun', name: '王晓梅', roles: ['officer'], officeId: DEMO_OFFICE.id },
  ...[1, 2, 3, 4, 5].map((n) => ({ sub: `judge-${n}`, name: `评审专家 ${n} 号`, roles: ['judge' as const] })),
  { sub: 'resident-1', name: '赵建华（少年手工智造坊）', roles: ['resident'] },
  { sub: 'resident-2', name: '钱淑芬（停车自管志愿队）', roles: ['resident'] },
  { sub: 'resident-3', name: '孙立新（邻里助老服务队）', roles: ['resident'] },
  { sub: 'resident-4', name: '李红梅（尚未申报的居民）', roles: ['resident'] },
  { sub: 'supplier-1', name: '陈卫东（红山区社区服务中心）', roles: ['resident'] },
  { sub: 'supplier-2', name: '周丽娟（赤峰弘益社会组织服务中心）', roles: ['resident'] },
];

const DAY_MS = 24 * 3600 * 1000;

const principal = (user: DevUser): Principal => ({
  sub: user.sub,
  name: user.name,
  roles: user.roles,
  ...(user.officeId ? { officeId: user.officeId } : {}),
});

const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;

const teams: { owner: string; key: string; input: TeamInput }[] = [
  {
    owner: 'resident-1',
    key: 'demo-team-handcraft',
    input: {
      name: '少年手工智造坊',
      officeId: DEMO_OFFICE.id,
      community: 'xitun',
      kind: 'resident-team',
      members: [
        { name: '赵建华', role: 'leader', phone: '13900000001' },
        { name: '周敏', role: 'member' },
      ],
    },
  },
  {
    owner: 'resident-2',
    key: 'demo-team-parking',
    input: {
      name: '停车管理志愿服务队',
      officeId: DEMO_OFFICE.id,
      community: 'beicheng',
      kind: 'resident-team',
      members: [{ name: '钱淑芬', role: 'leader', phone: '13900000002' }],
    },
  },
  {
    owner: 'resident-3',
    key: 'demo-team-elderly',
    input: {
      name: '红山家园邻里助老服务中心',
      officeId: DEMO_OFFICE.id,
      community: 'nancheng',
      kind: 'registered-org',
      certificateNumber: '52150402MJ0000001X',
      members: [
        { name: '孙立新', role: 'leader', phone: '13900000003' },
        { name: '吴桂兰', role: 'volunteer' },
      ],
    },
  },
  {
    owner: 'supplier-1',
    key: 'demo-team-community-centre',
    input: {
      name: '红山区社区服务中心',
      officeId: DEMO_OFFICE.id,
      community: 'xitun',
      kind: 'registered-org',
      certificateNumber: '52150402MJ0000002A',
      members: [{ name: '陈卫东', role: 'leader', phone: '13900000011' }],
    },
  },
  {
    owner: 'supplier-2',
    key: 'demo-team-hongyi',
    input: {
      name: '赤峰弘益社会组织服务中心',
      officeId: DEMO_OFFICE.id,
      community: 'beicheng',
      kind: 'registered-org',
      certificateNumber: '52150402MJ0000003B',
      members: [{ name: '周丽娟', role: 'leader', phone: '13900000012' }],
    },
  },
];

const line = (item: string, unitPriceFen: number, quantity: number) => ({
  item,
  unitPriceFen,
  quantity,
  amountFen: unitPriceFen * quantity,
});

function proposal(content: Omit<ProposalContent, 'requestedFen'>): ProposalContent {
  const requestedFen = (content.budgetLines ?? []).reduce((sum, l) => sum + l.amountFen, 0);
  return { ...content, requestedFen };
}

const proposals: { owner: string; team: string; key: string; submit: boolean; content: ProposalContent }[] = [
  {
    owner: 'resident-1',
    team: 'demo-team-handcraft',
    key: 'demo-proposal-handcraft',
    submit: true,
    content: proposal({
      title: '少年手工智造坊',
      category: 'youth',
      community: 'xitun',
      need: '双职工家庭的孩子放学后缺少安全、有益的去处，家长希望孩子多动手。',
      plan: '每周六下午在社区活动室开设木工、编织与简易电子制作课，由退休技师与志愿者带领。',
      schedule: '3 月至 12 月，每周一次，共 40 次',
      expectedBeneficiaries: 60,
      budgetLines: [
        line('手工材料包', 4_500, 120),
        line('工具与耗材', 150_000, 1),
        line('技师课时补贴', 15_000, 40),
      ],
      minViableFen: 900_000,
    }),
  },
  {
    owner: 'resident-2',
    team: 'demo-team-parking',
    key: 'demo-proposal-parking',
    submit: true,
    content: proposal({
      title: '小区规范停车自管服务',
      category: 'environment',
      community: 'beicheng',
      need: '弃管小区乱停车严重，消防通道常被堵塞。',
      plan: '志愿者划定车位、制作标识，轮班疏导高峰时段停车，建立车主公约。',
      schedule: '4 月至 10 月',
      expectedBeneficiaries: 800,
      budgetLines: [line('车位划线与标识', 200_000, 1), line('志愿者餐补', 2_000, 150)],
    }),
  },
  {
    owner: 'resident-3',
    team: 'demo-team-elderly',
    key: 'demo-proposal-elderly',
    submit: true,
    content: proposal({
      title: '高龄独居老人陪伴探访',
      category: 'elderly',
      community: 'nancheng',
      need: '辖区高龄独居老人缺少日常照看与交流。',
      plan: '组建 20 人志愿队，每周两次上门陪聊、代购、安全检查，建立探访台账。',
      schedule: '全年',
      expectedBeneficiaries: 45,
      budgetLines: [
        line('志愿者交通补贴', 1_000, 800),
        line('探访慰问品', 5_000, 90),
        line('培训', 100_000, 1),
      ],
    }),
  },
  {
    owner: 'resident-1',
    team: 'demo-team-handcraft',
    key: 'demo-proposal-reading',
    submit: false,
    content: { title: '周末亲子读书会（草稿）', category: 'culture', community: 'xitun' },
  },
];

/** The call modelled on Xitun's: 175,000 yuan, 15,000 a project, five categories, four communities. */
function demoRules(title: string, opensAt: Date, deadlineDays: number) {
  return {
    title,
    callText:
      '请居民自己找需求、找方案、找团队、出项目。经评审入围的项目将打包为一个服务包，由街道统一购买。' +
      '单个项目申请金额不超过 1.5 万元，总预算 17.5 万元。',
    budgetFen: 17_500_000,
    capFen: 1_500_000,
    categories: [
      { code: 'elderly', name: '为老服务' },
      { code: 'youth', name: '青少年成长' },
      { code: 'environment', name: '环境与物业' },
      { code: 'culture', name: '文化娱乐' },
      { code: 'mutual-aid', name: '邻里互助' },
    ],
    communities: DEMO_COMMUNITIES,
    submissionDeadline: new Date(opensAt.getTime() + deadlineDays * DAY_MS).toISOString(),
    reviewDeadline: new Date(opensAt.getTime() + (deadlineDays + 30) * DAY_MS).toISOString(),
  };
}

async function createDemoContest(
  deps: Deps,
  key: string,
  rules: ReturnType<typeof demoRules>,
  minJudges: number,
) {
  const officer = principal(user('officer-xitun'));
  const contestId = idempotentId('contest', officer.sub, key);
  if (!(await getContest(deps.db, contestId))) {
    await createContest(deps, officer, DEMO_OFFICE.id, { ...rules, minJudges }, key);
  }
  const contest = await getContest(deps.db, contestId);
  if (contest?.status === 'draft') await openContest(deps, officer, contestId);
  // The panel is formed while the call is open; adding a judge twice is harmless.
  if (contest && ['draft', 'open', 'screening', 'review'].includes(contest.status)) {
    for (const judge of DEMO_USERS.filter((u) => u.roles.includes('judge'))) {
      await addJudge(deps, officer, contestId, judge.sub, judge.name);
    }
  }
  return contestId;
}

async function seedProposals(deps: Deps, contestId: string, teamIds: Map<string, string>, keyPrefix: string) {
  const ids: string[] = [];
  for (const p of proposals) {
    const owner = principal(user(p.owner));
    const { proposal: saved } = await createProposal(
      deps,
      owner,
      contestId,
      { teamId: teamIds.get(p.team)!, ...p.content },
      `${keyPrefix}${p.key}`,
    );
    if (p.submit && saved.status === 'draft') await submitProposal(deps, owner, contestId, saved.id);
    if (p.submit) ids.push(saved.id);
  }
  return ids;
}

/**
 * Last round's contest, already in review so judges can score at once: it was opened and
 * filled three weeks ago (a clock set back), then closed, screened and assigned today.
 */
async function seedReviewContest(deps: Deps, teamIds: Map<string, string>) {
  const officer = principal(user('officer-xitun'));
  const past = new AdjustableClock(deps.clock);
  past.advance(-21 * DAY_MS);
  const before = { ...deps, clock: past };
  const rules = demoRules('西屯街道社区公益微创投大赛（秋季评审演示）', past.now(), 14);
  const contestId = await createDemoContest(before, 'demo-contest-review', rules, 3);
  const contest = await getContest(deps.db, contestId);
  if (contest?.status === 'open') {
    await seedProposals(before, contestId, teamIds, 'review-');
    await closeContest(deps, officer, contestId);
  }
  if ((await getContest(deps.db, contestId))?.status === 'screening') {
    const { items } = await listSubmissions(deps, officer, contestId, { limit: 100 });
    for (const p of items.filter((item) => !item.eligibility)) {
      await screenProposal(deps, officer, contestId, p.id, { eligible: true });
    }
    await autoAssign(deps, officer, contestId);
    await startReview(deps, officer, contestId);
  }
  return contestId;
}

export async function seedDemo(
  deps: Deps,
): Promise<{ contestId: string; reviewContestId: string; procurementId: string }> {
  const now = deps.clock.now();
  await createOfficeIfMissing(deps.db, { ...DEMO_OFFICE, createdAt: now.toISOString() });
  // As if each demo user had signed in once: the directory knows who may sit on a panel.
  for (const demo of DEMO_USERS) await recordSignIn(deps, principal(demo));
  const officer = principal(user('officer-xitun'));
  for (const community of DEMO_COMMUNITIES) await addCommunity(deps, officer, DEMO_OFFICE.id, community);
  const teamIds = new Map<string, string>();
  for (const team of teams) {
    const owner = principal(user(team.owner));
    const id = idempotentId('team', owner.sub, team.key);
    const stored = await getTeam(deps.db, id);
    if (!stored) await createTeam(deps, owner, team.input, team.key);
    // A demo team seeded when its community was free text moves onto the office's list.
    else if (!stored.officeId) await replaceTeam(deps, owner, id, team.input, stored.version);
    teamIds.set(team.key, id);
  }
  const reviewContestId = await seedReviewContest(deps, teamIds);

  const contestId = await createDemoContest(
    deps,
    'demo-contest-2026',
    demoRules('西屯街道社区公益微创投大赛', now, 30),
    5,
  );
  // Proposals can be made only while the call is open; a month later the demo stays as it is.
  const current = await getContest(deps.db, contestId);
  if (current?.status === 'open' && new Date(current.submissionDeadline) > now) {
    await seedProposals(deps, contestId, teamIds, '');
  }
  const procurementId = await seedProcurement(
    deps,
    principal(user('officer-xitun')),
    DEMO_OFFICE.id,
    DEMO_USERS.filter((u) => ['judge-1', 'judge-2', 'judge-3'].includes(u.sub)),
    [
      {
        owner: principal(user('supplier-1')),
        teamId: teamIds.get('demo-team-community-centre')!,
        priceFen: 14_900_000,
      },
      {
        owner: principal(user('resident-3')),
        teamId: teamIds.get('demo-team-elderly')!,
        priceFen: 14_500_000,
      },
      {
        owner: principal(user('supplier-2')),
        teamId: teamIds.get('demo-team-hongyi')!,
        priceFen: 15_000_000,
      },
    ],
  );
  return { contestId, reviewContestId, procurementId };
}
