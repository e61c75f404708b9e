import { beforeAll, describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { getContest } from '../../shared/contest/store.ts';
import { newId } from '../../shared/ids.ts';
import { getProposal } from '../../shared/proposal/store.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness, personas, seedOffices } from '../support/harness.ts';
import { call } from '../support/http.ts';
import {
  datalistOptions,
  expectReadable,
  fieldError,
  fieldValue,
  pageClient,
  pageText,
} from '../support/page-client.ts';
import { buildReviewWorld } from '../support/review-world.ts';
import { buildWorld, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** Every field of a valid set-up form, as an officer types it. */
const SET_UP = {
  do: 'save',
  title: '东城街道 2027 年社区微创投',
  callText: '居民自己找需求、出项目。',
  budgetFen: '200,000',
  capFen: '20,000.50',
  categories: '为老服务\n青少年成长\n',
  communities: '东城社区\n南城社区',
  'rubric.0.name': '需求契合度',
  'rubric.0.maxPoints': '40',
  'rubric.1.name': '方案可行性',
  'rubric.1.maxPoints': '35.5',
  'rubric.2.name': '预算合理性',
  'rubric.2.maxPoints': '24.5',
  aggregation: 'median',
  minJudges: '3',
  judgesPerProposal: '5',
  outlierMargin: '12.5',
  'shortlisting.policy': 'max-score',
  'shortlisting.minScore': '60',
  'shortlisting.communityMaxShareBp': '40',
  'shortlisting.partialFunding': 'yes',
  submissionDeadline: '2026-03-31T18:00',
  reviewDeadline: '2026-04-30T18:00',
  publicityDays: '5',
  noticePrefix: '东城微创投',
};

describe('the office dashboard and contest set-up', () => {
  const office = `office-${newId()}`;
  const other = `office-${newId()}`;
  const people = personas(office, other);
  const apps = () => createSubmissionsApp(h.deps);

  it('is for officers only: a visitor signs in, residents and judges are refused', async () => {
    await seedOffices(h, office, other);
    const app = apps();
    const anonymous = await pageClient(undefined).get(app, '/office');
    const resident = await pageClient(await h.tokenFor(people.resident)).get(app, '/office');
    const judge = await pageClient(await h.tokenFor(people.judge)).get(app, '/office/new-contest');
    const officer = await pageClient(await h.tokenFor(people.officer)).get(app, '/office');

    expect(anonymous.status).toBe(303);
    expect(resident.status).toBe(403);
    expect(judge.status).toBe(403);
    expect(officer.status).toBe(200);
    expect(officer.body).toContain('还没有大赛。');
    expect(officer.body).toContain('href="/office/new-contest"');
  });

  it('keeps the office’s list of communities: names typed, codes made, a blank name refused beside the field', async () => {
    await seedOffices(h, office, other);
    const app = apps();
    const officer = pageClient(await h.tokenFor(people.otherOfficer));
    const dashboard = await officer.get(app, '/office');
    const empty = await officer.get(app, '/office/communities');
    const added = await officer.post(app, '/office/communities', { name: '  西屯社区 ' });
    const shown = await officer.get(app, added.location!);
    const blank = await officer.post(app, '/office/communities', { name: '' });
    const again = await officer.post(app, '/office/communities', { name: '西屯社区' });
    const list = await call(app, 'GET', `/api/offices/${other}/communities`);
    const english = await pageClient(await h.tokenFor(people.otherOfficer), 'en').get(
      app,
      '/office/communities',
    );

    expect(dashboard.body).toContain('href="/office/communities"');
    expect(empty.body).toContain('名单中还没有社区。');
    expect(added.status).toBe(303);
    expect(shown.body).toContain('已添加到社区名单。');
    expect(shown.body).toContain('<li>西屯社区</li>');
    expect(blank.status).toBe(422);
    expect(fieldError(blank.body, 'name')).toContain('名称');
    expect(again.status).toBe(303);
    expect(list.body.items).toEqual([{ code: 'community-1', name: '西屯社区' }]);
    expect(english.body).toContain('<li>西屯社区</li>');
    expectReadable(shown.body, ['community-1']);
  });

  it('shows every refusal beside its field with the form refilled, and creates nothing', async () => {
    const app = apps();
    const officer = pageClient(await h.tokenFor(people.officer));
    const blank = await officer.get(app, '/office/new-contest');

    const typos = await officer.post(app, '/office/new-contest', {
      ...SET_UP,
      budgetFen: '二十万',
      submissionDeadline: 'soon',
    });
    const rubric = await officer.post(app, '/office/new-contest', {
      ...SET_UP,
      'rubric.2.maxPoints': '14.5',
    });
    const cap = await officer.post(app, '/office/new-contest', { ...SET_UP, capFen: '300,000' });
    const fewJudges = await officer.post(app, '/office/new-contest', { ...SET_UP, judgesPerProposal: '2' });
    const dashboard = await officer.get(app, '/office');

    expect(blank.body).toContain('需求契合度');
    expect(fieldValue(blank.body, 'rubric.4.maxPoints')).toBe('20.00');
    expect(fieldValue(blank.body, 'noticePrefix')).toBe('西屯微创投');
    expect(typos.status).toBe(422);
    expect(fieldError(typos.body, 'budgetFen')).toBe('请填写金额（元），最多两位小数，例如 1,250.50');
    expect(fieldError(typos.body, 'submissionDeadline')).toBe('请选择日期和时间');
    expect(fieldValue(typos.body, 'budgetFen')).toBe('二十万');
    expect(fieldValue(typos.body, 'title')).toBe(SET_UP.title);
    expect(rubric.status).toBe(422);
    expect(pageText(rubric.body)).toContain('评分项满分合计必须为 100 分（当前 90 分）');
    expect(pageText(rubric.body)).toContain('当前合计 90.00 分');
    expect(cap.status).toBe(422);
    expect(fieldError(cap.body, 'capFen')).toBe('单个项目上限不能超过总预算');
    expect(fieldValue(cap.body, 'capFen')).toBe('300,000');
    expect(fewJudges.status).toBe(422);
    expect(fieldError(fewJudges.body, 'judgesPerProposal')).toBe(
      '每个项目分配的评审人数不能少于最少有效评分数 3',
    );
    expect(dashboard.body).toContain('还没有大赛。');
  });

  it('creates the draft with codes generated, yuan in fen and Beijing time, edits it and opens it after a confirmation', async () => {
    const app = apps();
    const officer = pageClient(await h.tokenFor(people.officer));
    await officer.get(app, '/office/new-contest');

    const created = await officer.post(app, '/office/new-contest', SET_UP);
    const contestId = /\/office\/contests\/([^?]+)/.exec(created.location ?? '')?.[1];
    const stored = await getContest(h.deps.db, contestId!);
    const page = await officer.get(app, created.location!);
    const otherOffice = await pageClient(await h.tokenFor(people.otherOfficer)).get(
      app,
      `/office/contests/${contestId}`,
    );
    const edited = await officer.post(app, `/office/contests/${contestId}`, {
      ...SET_UP,
      version: String(stored!.version),
      categories: '青少年成长\n环境与物业',
      'quota.cat-2.max': '3',
    });
    const afterEdit = await getContest(h.deps.db, contestId!);
    const confirm = await officer.post(app, `/office/contests/${contestId}`, { do: 'open' });
    const opened = await officer.post(app, `/office/contests/${contestId}`, {
      do: 'open',
      confirmed: 'yes',
      version: String(afterEdit!.version),
    });
    const dashboard = await officer.get(app, '/office');

    expect(created.status).toBe(303);
    expect(stored).toMatchObject({
      status: 'draft',
      budgetFen: 20_000_000,
      capFen: 2_000_050,
      categories: [
        { code: 'cat-1', name: '为老服务' },
        { code: 'cat-2', name: '青少年成长' },
      ],
      communities: [
        { code: 'community-1', name: '东城社区' },
        { code: 'community-2', name: '南城社区' },
      ],
      aggregation: 'median',
      minJudges: 3,
      judgesPerProposal: 5,
      outlierMargin: 1250,
      shortlisting: { policy: 'max-score', minScore: 6000, communityMaxShareBp: 4000, partialFunding: true },
      submissionDeadline: '2026-03-31T10:00:00.000Z',
      publicityDays: 5,
      noticePrefix: '东城微创投',
    });
    expect(stored!.rubric.map((c) => c.maxPoints)).toEqual([4000, 3550, 2450]);
    expect(page.body).toContain('已创建大赛草稿。');
    // A Chinese label runs into its value with a full-width colon.
    expect(pageText(page.body)).toMatch(/下一步：\s*\S/);
    expect(fieldValue(page.body, 'submissionDeadline')).toBe('2026-03-31T18:00');
    expect(fieldValue(page.body, 'budgetFen')).toBe('200000.00');
    expect(otherOffice.status).toBe(403);
    expect(edited.status).toBe(303);
    expect(afterEdit!.categories).toEqual([
      { code: 'cat-2', name: '青少年成长' },
      { code: 'cat-3', name: '环境与物业' },
    ]);
    expect(afterEdit!.shortlisting.categoryQuotas).toEqual({ 'cat-2': { max: 3 } });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('确认开放征集');
    expect(pageText(confirm.body)).toContain('¥200,000.00');
    expect((await getContest(h.deps.db, contestId!))!.status).toBe('open');
    expect(opened.status).toBe(303);
    expect(dashboard.body).toContain('征集中');
    expect(dashboard.body).toContain('征集截止后关闭征集');
    expectReadable(dashboard.body, ['cat-1', 'community-1']);
    expectReadable(page.body, ['cat-1', 'community-1']);
  });

  it('cancels only with a reason and a confirmation', async () => {
    const app = apps();
    const officer = pageClient(await h.tokenFor(people.officer));
    await officer.get(app, '/office/new-contest');
    const created = await officer.post(app, '/office/new-contest', { ...SET_UP, title: '要取消的大赛' });
    const path = created.location!.split('?')[0]!;

    const noReason = await officer.post(app, path, { do: 'cancel', reason: '' });
    const confirm = await officer.post(app, path, { do: 'cancel', reason: '经费调整' });
    const cancelled = await officer.post(app, path, { do: 'cancel', reason: '经费调整', confirmed: 'yes' });
    const id = path.split('/').pop()!;

    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, 'reason')).toBeDefined();
    expect(confirm.body).toContain('确认取消大赛');
    expect(cancelled.status).toBe(303);
    expect((await getContest(h.deps.db, id))!.cancelReason).toBe('经费调整');
  });
});

describe('screening', () => {
  it('marks several at once, needs a reason for ineligible, and refuses a forged post', async () => {
    const w = await buildWorld(h, 'screening');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/contests/${w.contestId}/screening`;
    const list = await officer.get(w.app, path);

    const forged = await officer.post(
      w.app,
      path,
      { pick: [w.submittedId], decision: 'eligible' },
      { withToken: false },
    );
    const none = await officer.post(w.app, path, { decision: 'eligible' });
    const noReason = await officer.post(w.app, path, { pick: [w.submittedId], decision: 'ineligible' });
    const marked = await officer.post(w.app, path, {
      pick: [w.submittedId],
      decision: 'ineligible',
      reason: '服务对象不在本街道',
    });
    const after = await officer.get(w.app, marked.location!);
    const judge = await pageClient(w.tokens.judge).get(w.app, path);
    const otherOffice = await pageClient(w.tokens.otherOfficer).get(w.app, path);

    expect(list.status).toBe(200);
    expect(list.body).toContain('待审查');
    expect(list.body).toContain('少年手工智造坊');
    expect(forged.status).toBe(403);
    expect(none.status).toBe(422);
    expect(none.body).toContain('请至少勾选一个项目。');
    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, 'reason')).toBeDefined();
    expect(noReason.body).toMatch(new RegExp(`value="${w.submittedId}" checked`));
    expect(marked.status).toBe(303);
    expect(after.body).toContain('不合格：服务对象不在本街道');
    expect((await getProposal(w.deps.db, w.contestId, w.submittedId))!.eligibility?.eligible).toBe(false);
    expect(judge.status).toBe(403);
    expect(otherOffice.status).toBe(403);
    expectReadable(after.body, ['youth', 'xitun']);
  });
});

describe('the panel, assignment and progress', () => {
  it('adds a judge, assigns automatically, starts review and shows the matrix', async () => {
    const w = await buildReviewWorld(h, {
      proposals: 3,
      judges: 2,
      minJudges: 3,
      phase: 'screening',
      autoAssign: false,
    });
    const officer = pageClient(w.tokens.officer, 'zh-CN', { keepCookies: true });
    const path = `/office/contests/${w.contestId}/review`;
    await officer.get(w.app, path);

    // The judges who have signed in are offered by the account field, by name.
    const offered = datalistOptions((await officer.get(w.app, path)).body, 'known-judges');
    expect(offered).toContainEqual([w.outsiderJudge.sub, '外聘专家']);
    expect(offered.map(([sub]) => sub)).not.toContain(w.officerUser.sub);
    expect(offered.map(([sub]) => sub)).not.toContain(w.residents[0]!.sub);
    const noName = await officer.post(w.app, path, { do: 'addJudge', name: '', judgeId: 'judge-x' });
    const added = await officer.post(w.app, path, {
      do: 'addJudge',
      name: '外聘专家',
      judgeId: w.outsiderJudge.sub,
    });
    const assigned = await officer.post(w.app, path, { do: 'autoAssign' });
    const started = await officer.post(w.app, path, { do: 'startReview' });
    const page = await officer.get(w.app, `${path}?done=reviewStarted`);
    // The same post at once is the double click: it lands where the first one did.
    const doubleClick = await officer.post(w.app, path, { do: 'startReview' });
    // Sent from another session (the repeat's cookie is the browser's), it is a new request,
    // refused in the phase's words.
    const elsewhere = pageClient(w.tokens.officer);
    await elsewhere.get(w.app, path);
    const again = await elsewhere.post(w.app, path, { do: 'startReview' });

    expect(noName.status).toBe(422);
    expect(fieldError(noName.body, 'name')).toBeDefined();
    expect(fieldValue(noName.body, 'judgeId')).toBe('judge-x');
    expect(added.status).toBe(303);
    expect(assigned.status).toBe(303);
    expect(started.status).toBe(303);
    expect(doubleClick.status).toBe(303);
    expect(doubleClick.location).toBe(started.location);
    expect(page.body).toContain('外聘专家');
    expect(page.body).toContain('0 / 9 已提交');
    expect(page.body).toContain('未开始');
    expect(page.body).toContain('评审中');
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toContain('大赛当前处于“评审中”阶段，不能执行此操作');
    expect((await pageClient(w.tokens.judges[0]).get(w.app, path)).status).toBe(403);
    expectReadable(page.body);
  });
});

describe('taking a judge off the panel', () => {
  it('removes a judge from the page, re-plans their proposals and warns of proposals short of judges', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 3, phase: 'screening' });
    const officer = pageClient(w.tokens.officer);
    const path = `/office/contests/${w.contestId}/review`;
    const before = await officer.get(w.app, path);
    expect(pageText(before.body)).toContain('将专家2移出评审组');
    expect(pageText(before.body)).not.toContain('评审专家不足');

    const removed = await officer.post(w.app, path, { do: 'removeJudge', leaving: w.judgeUsers[2]!.sub });
    const after = await officer.get(w.app, `${path}?done=judgeRemoved`);

    expect(removed.status).toBe(303);
    expect(pageText(after.body)).toContain('已移出评审组');
    expect(pageText(after.body)).not.toContain('将专家2移出评审组');
    expect(pageText(after.body)).toContain(
      '以下项目的评审专家不足，请增加评审组成员后重新自动分配：项目0、项目1',
    );
    expect(pageText(after.body)).toContain('0 / 4 已提交');
    expectReadable(after.body);
  });
});

describe('ranking, shortlist, publicity, lock and notices', () => {
  let w: ScoredWorld;
  let scoring: ReturnType<typeof createScoringApp>;
  let shortlisting: ReturnType<typeof createShortlistingApp>;
  let awards: ReturnType<typeof createAwardsApp>;
  const base = () => `/office/contests/${w.contestId}`;

  beforeAll(async () => {
    w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000 } });
    scoring = createScoringApp(w.deps);
    shortlisting = createShortlistingApp(w.deps);
    awards = createAwardsApp(w.deps);
  });

  it('ranks with each judge’s totals', async () => {
    const page = await pageClient(w.tokens.officer).get(scoring, `${base()}/ranking`);
    const judge = await pageClient(w.tokens.judges[0]).get(scoring, `${base()}/ranking`);
    const other = await pageClient(w.tokens.otherOfficer).get(scoring, `${base()}/ranking`);

    expect(page.status).toBe(200);
    expect(pageText(page.body)).toMatch(/专家\d：88\.00/);
    expect(page.body).toContain('项目0');
    expect(page.body).toContain(`href="/api/contests/${w.contestId}/ranking.csv"`);
    expect(judge.status).toBe(403);
    expect(other.status).toBe(403);
    expectReadable(page.body);
  });

  it('builds the shortlist: budget bar, policies side by side, a trim needs its reason, then publishes after a confirmation', async () => {
    const officer = pageClient(w.tokens.officer);
    const path = `${base()}/bundle`;
    const page = await officer.get(shortlisting, path);
    const first = w.proposalIds[0]!;

    const noReason = await officer.post(shortlisting, path, {
      do: 'save',
      version: '0',
      [`trims.${first}.approvedFen`]: '5,000',
    });
    const notAmount = await officer.post(shortlisting, path, {
      do: 'save',
      version: '0',
      [`trims.${first}.approvedFen`]: 'abc',
    });
    const trimmed = await officer.post(shortlisting, path, {
      do: 'save',
      version: '0',
      [`trims.${first}.approvedFen`]: '5,000',
      [`trims.${first}.reason`]: '材料费按市场价核减',
    });
    const after = await officer.get(shortlisting, trimmed.location!);
    const confirm = await officer.post(shortlisting, path, { do: 'publish' });
    const published = await officer.post(shortlisting, path, { do: 'publish', confirmed: 'yes' });

    expect(page.status).toBe(200);
    expect(page.body).toContain('已用 ¥18,000.00 / ¥20,000.00');
    expect(page.body).toContain('按排名依次入围，放不下的跳过（本次大赛规则）');
    expect(page.body).toContain('在预算内使总分最高');
    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, `trims.${first}.reason`)).toBeDefined();
    expect(fieldValue(noReason.body, `trims.${first}.approvedFen`)).toBe('5,000');
    expect(fieldError(notAmount.body, `trims.${first}.approvedFen`)).toBe(
      '请填写金额（元），最多两位小数，例如 1,250.50',
    );
    expect(trimmed.status).toBe(303);
    expect(after.body).toContain('材料费按市场价核减');
    expect(after.body).toContain('已用 ¥17,000.00 / ¥20,000.00');
    expect(confirm.body).toContain('确认公示');
    expect(published.status).toBe(303);
    expect(published.location).toContain('/publicity');
    expectReadable(after.body);
  });

  it('answers an objection on the record, refuses the lock until publicity ends, then locks after a confirmation', async () => {
    const officer = pageClient(w.tokens.officer);
    const path = `${base()}/publicity`;
    const objection = await call(shortlisting, 'POST', `/api/contests/${w.contestId}/objections`, {
      token: w.tokens.resident,
      body: { proposalId: w.proposalIds[3], text: '该项目与已有服务重复。' },
    });
    const page = await officer.get(shortlisting, path);
    // Publicity not over, an objection unanswered: refused at once, no confirmation to click first.
    const unanswered = await officer.post(shortlisting, path, { do: 'lock' });

    const empty = await officer.post(shortlisting, path, {
      do: 'answer',
      objectionId: objection.body.id,
      [`answer-${objection.body.id}`]: '',
    });
    const answered = await officer.post(shortlisting, path, {
      do: 'answer',
      objectionId: objection.body.id,
      [`answer-${objection.body.id}`]: '经核实不重复，维持原结果。',
    });
    const early = await officer.post(shortlisting, path, { do: 'lock', confirmed: 'yes' });
    w.clock.advance(8 * DAY_MS);
    const confirm = await officer.post(shortlisting, path, { do: 'lock' });
    const locked = await officer.post(shortlisting, path, { do: 'lock', confirmed: 'yes' });

    expect(page.body).toContain('该项目与已有服务重复。');
    expect(page.body).toContain('项目3');
    expect(empty.status).toBe(422);
    expect(fieldError(empty.body, `answer-${objection.body.id}`)).toBeDefined();
    expect(answered.status).toBe(303);
    expect(unanswered.status).toBe(422);
    expect(unanswered.body).not.toContain('确认锁定');
    expect(pageText(unanswered.body)).toMatch(/不能锁定/);
    expect(early.status).toBe(422);
    expect(confirm.body).toContain('确认锁定');
    expect(pageText(confirm.body)).toContain('¥17,000.00');
    expect(locked.status).toBe(303);
    expect(locked.location).toContain('/records');
    expect((await getContest(w.deps.db, w.contestId))!.status).toBe('locked');
  });

  it('issues the notices and offers the downloads and the audit log in words', async () => {
    const officer = pageClient(w.tokens.officer);
    const path = `${base()}/records`;
    await officer.get(awards, path);

    const issued = await officer.post(awards, path, {});
    const page = await officer.get(awards, issued.location!);
    const en = await pageClient(w.tokens.officer, 'en').get(awards, path);

    expect(issued.status).toBe(303);
    expect(page.body).toContain('已发放 7 / 7 份通知书');
    expect(page.body).toContain('西屯微创投〔2026〕1号');
    expect(page.body).toContain(`href="/notices/${w.contestId}/`);
    expect(page.body).toContain(`href="/api/contests/${w.contestId}/ocds.json"`);
    expect(page.body).toContain(`href="/api/contests/${w.contestId}/awards.csv"`);
    expect(page.body).toContain('审计记录链完整');
    expect(page.body).toContain('服务包锁定');
    expect(page.body).toContain('提交评分');
    expect(page.body).not.toContain('其他操作');
    expect(page.body).toContain('王主任');
    expect(en.body).toContain('Notices and records');
    expectReadable(page.body);
  });
});
