import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, routesOf, routeTable } from '../../functions/route-table.ts';
import { readProposal } from '../../shared/proposal/actions.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { browserSession, fieldError, fieldValue } from '../support/pages.ts';
import { type Actor, asPrincipal, buildWorld, type World } from '../support/world.ts';

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h, 'open');
});

const as = (actor: Actor) => browserSession(w.app, w.tokens[actor]);

/** Every resident page, filled in for this world; each GET answers the owner with 200. */
function residentPaths(): Record<string, string> {
  return {
    myTeamsPage: '/me/teams',
    newTeamPage: '/me/teams/new',
    teamPage: `/me/teams/${w.teamId}`,
    myProposalsPage: '/me/proposals',
    newProposalPage: `/contests/${w.contestId}/proposals/new`,
    proposalPage: `/me/proposals/${w.contestId}/${w.draftId}`,
  };
}

describe('who may open the resident pages', () => {
  it('covers every GET page of the submissions function that needs a resident', () => {
    const gets = routesOf('submissions', 'page')
      .filter(([, spec]) => spec.method === 'get' && spec.roles.includes('resident'))
      .map(([name]) => name);
    expect(gets.sort()).toEqual(Object.keys(residentPaths()).sort());
  });

  it.each(['myTeamsPage', 'newTeamPage', 'teamPage', 'myProposalsPage', 'newProposalPage', 'proposalPage'])(
    '%s: the owner 200, anonymous to sign-in, judge and officer 403',
    async (name) => {
      const path = residentPaths()[name as RouteName]!;
      expect(routeTable[name as RouteName].kind).toBe('page');

      const owner = await as('owner').get(path);
      const anonymous = await as('anonymous').get(path);
      const judge = await as('judge').get(path);
      const officer = await as('officer').get(path);

      expect(owner.status, owner.html.slice(0, 300)).toBe(200);
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toBe(`/sign-in?${new URLSearchParams({ next: path })}`);
      expect(judge.status).toBe(403);
      expect(judge.html).toContain('没有权限');
      expect(officer.status).toBe(403);
    },
  );

  it('does not let a resident open another resident’s team or proposal page', async () => {
    const team = await as('otherResident').get(`/me/teams/${w.teamId}`);
    const proposal = await as('otherResident').get(`/me/proposals/${w.contestId}/${w.submittedId}`);
    const save = await as('otherResident').post(`/me/proposals/${w.contestId}/${w.draftId}`, {
      do: 'save',
      title: '改掉别人的标题',
    });

    expect(team.status).toBe(403);
    expect(proposal.status).toBe(403);
    expect(proposal.html).not.toContain('少年手工智造坊</h1>');
    expect(save.status).toBe(403);
  });
});

describe('a resident’s team', () => {
  it('is registered from the form, and a missing leader phone comes back beside the members, the form filled', async () => {
    const resident = as('otherResident');
    await resident.get('/me/teams/new');
    const fields = {
      do: 'save',
      name: '邻里互助队',
      community: 'xitun/xitun',
      kind: 'resident-team',
      certificateNumber: '',
      'members.0.name': '刘大爷',
      'members.0.role': 'leader',
      'members.0.phone': '',
      'members.1.name': '',
      'members.1.role': 'member',
      'members.1.phone': '',
    };

    const refused = await resident.post('/me/teams/new', fields);
    const created = await resident.post('/me/teams/new', { ...fields, 'members.0.phone': '13900001111' });
    const shown = await resident.get(created.location!);

    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/负责人/);
    expect(fieldValue(refused.html, 'name')).toBe('邻里互助队');
    expect(fieldValue(refused.html, 'members.0.name')).toBe('刘大爷');
    expect(created.status).toBe(303);
    expect(created.location).toMatch(/^\/me\/teams\/[0-9A-Z]+\?done=saved$/);
    expect(shown.html).toContain('团队信息已保存。');
    expect(fieldValue(shown.html, 'members.0.phone')).toBe('13900001111');
  });

  it('adds and removes member rows without JavaScript, saving nothing until asked', async () => {
    const resident = as('owner');
    const page = await resident.get(`/me/teams/${w.teamId}`);
    const version = fieldValue(page.html, 'version')!;

    const added = await resident.post(`/me/teams/${w.teamId}`, {
      do: 'add-member',
      version,
      name: '少年手工智造坊团队',
      community: 'xitun/xitun',
      kind: 'resident-team',
      'members.0.name': '赵老师',
      'members.0.role': 'leader',
      'members.0.phone': '13800000001',
    });

    expect(added.status).toBe(200);
    expect(added.html).toContain('name="members.1.name"');
    expect(fieldValue(added.html, 'members.0.name')).toBe('赵老师');
  });

  it('refuses a form post without the page’s token, changing nothing', async () => {
    const refused = await as('owner').post(
      `/me/teams/${w.teamId}`,
      { do: 'save', name: '被伪造的名字' },
      { withToken: false },
    );
    const team = await as('owner').get(`/me/teams/${w.teamId}`);

    expect(refused.status).toBe(403);
    expect(fieldValue(team.html, 'name')).not.toBe('被伪造的名字');
  });
});

describe('the proposal form', () => {
  const complete = () => ({
    teamId: w.teamId,
    title: '楼道微光照明',
    category: 'elderly',
    community: 'beicheng',
    need: '老旧楼道夜间没有照明，老人上下楼容易摔倒。',
    plan: '为 12 栋楼安装声控灯，组织志愿者每月巡查。',
    schedule: '2026 年 4 月至 9 月',
    expectedBeneficiaries: '300',
    'budgetLines.0.item': '声控灯',
    'budgetLines.0.unitPrice': '1,250.5',
    'budgetLines.0.quantity': '4',
    minViable: '',
  });

  it('shows the cap and the deadline with the time left, categories and communities by name', async () => {
    const page = await as('owner').get(`/contests/${w.contestId}/proposals/new`);

    expect(page.html).toContain('单个项目最多申报 ¥15,000.00。');
    expect(page.html).toMatch(/申报截止：\d{4}年\d{1,2}月\d{1,2}日 [\d:]+（北京时间），还剩 \d+ 天/);
    expect(page.html).toContain('<option value="elderly">为老服务</option>');
    expect(page.html).toContain('<option value="beicheng">北城社区</option>');
    expect(page.html).toContain('data-budget');
  });

  it('submits only when complete: what is missing comes back beside the fields, the rest as typed', async () => {
    const resident = as('owner');
    await resident.get(`/contests/${w.contestId}/proposals/new`);
    const { need: _need, ...withoutNeed } = complete();

    const refused = await resident.post(`/contests/${w.contestId}/proposals/new`, {
      ...withoutNeed,
      need: '',
      do: 'submit',
    });

    // The draft was saved; the submission was refused with the missing field marked.
    expect(refused.status).toBe(422);
    expect(fieldError(refused.html, 'need')).toBe('请填写这一项');
    expect(fieldValue(refused.html, 'title')).toBe('楼道微光照明');
    expect(fieldValue(refused.html, 'budgetLines.0.unitPrice')).toBe('1,250.5');
  });

  it('reads amounts typed in yuan into fen, refuses one with three decimals beside its field, and submits', async () => {
    const resident = as('owner');
    await resident.get(`/contests/${w.contestId}/proposals/new`);

    const badAmount = await resident.post(`/contests/${w.contestId}/proposals/new`, {
      ...complete(),
      'budgetLines.0.unitPrice': '12.345',
      do: 'save',
    });
    const submitted = await resident.post(`/contests/${w.contestId}/proposals/new`, {
      ...complete(),
      do: 'submit',
    });
    const proposalId = /\/me\/proposals\/[^/]+\/([^?]+)\?done=submitted/.exec(submitted.location ?? '')?.[1];
    const stored = await readProposal(w.deps, asPrincipal(w.people.resident), w.contestId, proposalId!);
    const page = await resident.get(submitted.location!);

    expect(badAmount.status).toBe(422);
    expect(fieldError(badAmount.html, 'budgetLines.0.unitPrice')).toContain('最多两位小数');
    expect(submitted.status).toBe(303);
    expect(stored.status).toBe('submitted');
    expect(stored.budgetLines?.[0]?.unitPriceFen).toBe(125_050);
    expect(stored.requestedFen).toBe(500_200);
    expect(page.html).toContain('申报书已提交');
    expect(page.html).toContain('¥5,002.00');
    expect(page.html).not.toContain('500200');
  });

  it('withdraws a submitted proposal back to an editable draft', async () => {
    const resident = as('owner');
    const page = await resident.get(`/me/proposals/${w.contestId}/${w.submittedId}`);

    const withdrawn = await resident.post(`/me/proposals/${w.contestId}/${w.submittedId}`, {
      do: 'withdraw',
      version: fieldValue(page.html, 'version')!,
    });
    const after = await resident.get(withdrawn.location!);

    expect(page.html).toContain('撤回申报');
    expect(withdrawn.status).toBe(303);
    expect(after.html).toContain('申报书已撤回');
    expect(after.html).toContain('name="title"');
  });

  it('lists my proposals with their status and the next step, in English too', async () => {
    const zh = await as('owner').get('/me/proposals');
    const en = await browserSession(w.app, w.tokens.owner, 'en').get('/me/proposals?lang=en');

    expect(zh.html).toContain('少年手工智造坊');
    expect(zh.html).toMatch(/草稿|已提交/);
    expect(zh.html).toContain('下一步');
    expect(en.html).toMatch(/<html lang="en">/);
    expect(en.html).toContain('Next:');
  });
});
