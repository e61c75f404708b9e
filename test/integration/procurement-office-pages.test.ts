import { beforeAll, describe, expect, it } from 'vitest';
import { beijingInputValue } from '../../functions/ui/format.ts';
import { getProcurement } from '../../shared/procurement/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  datalistOptions,
  expectReadable,
  fieldError,
  fieldValue,
  pageClient,
  pageText,
} from '../support/page-client.ts';
import { buildProcurementWorld, type ProcurementWorld, workedExample } from '../support/procurement-world.ts';
import { DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The worked example's set-up as an officer types it: yuan, percent, points, Beijing time. */
function setUpForm(w: ProcurementWorld): Record<string, string> {
  const form: Record<string, string> = {
    do: 'save',
    title: '西屯街道居家养老服务项目（页面）',
    description: '为辖区内符合条件的老人提供居家养老服务。',
    kind: 'services',
    governmentPurchasedService: 'yes',
    ceilingFen: '150,000',
    priceWeightBp: '20',
    requiredParts: '服务方案\n人员名单',
    minResponsive: '3',
    biddingDeadline: beijingInputValue(new Date(w.clock.now().getTime() + 12 * DAY_MS).toISOString()),
    finalQuotationDeadline: beijingInputValue(new Date(w.clock.now().getTime() + 20 * DAY_MS).toISOString()),
  };
  workedExample().criteria.forEach((criterion, i) => {
    form[`criteria.${i}.name`] = criterion.name;
    form[`criteria.${i}.kind`] = criterion.kind;
    form[`criteria.${i}.maxPoints`] = String(criterion.maxPoints / 100);
  });
  w.panel.forEach((member, i) => {
    form[`panel.${i}.name`] = member.name;
    form[`panel.${i}.judgeId`] = member.judgeId;
  });
  return form;
}

describe("the office's procurement pages", () => {
  it('are for officers only: a visitor signs in, residents and judges get 403, another office 403', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const dashboard = `/office/procurements/${w.procurementId}`;
    const visitor = await pageClient(undefined).get(w.app, '/office/procurements');
    const supplier = await pageClient(w.tokens.supplier).get(w.app, '/office/procurements');
    const judge = await pageClient(w.tokens.panelJudge).get(w.app, '/office/new-procurement');
    const other = await pageClient(w.tokens.otherOfficer).get(w.app, dashboard);
    const list = await pageClient(w.tokens.officer).get(w.app, '/office/procurements');

    expect(visitor.status).toBe(303);
    expect(supplier.status).toBe(403);
    expect(judge.status).toBe(403);
    expect(other.status).toBe(403);
    expect(list.status).toBe(200);
    expect(list.body).toContain(`href="${dashboard}"`);
    expect(pageText(list.body)).toContain('递交响应文件');
    expect(pageText(list.body)).toContain('¥150,000.00');
    expectReadable(list.body);
  });

  it('offers the judges who have signed in on the panel rows, by name, and nobody else', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    await h.tokenFor(w.users.otherJudge);
    const officer = pageClient(w.tokens.officer);
    const fresh = await officer.get(w.app, '/office/new-procurement');
    const draft = await officer.get(w.app, `/office/procurements/${w.procurementId}`);

    const offered = datalistOptions(fresh.body, 'known-judges');
    const mine = offered.filter(([sub]) => sub.endsWith(w.office));
    expect(mine).toEqual(
      [...w.members, w.users.otherJudge]
        .map((judge): [string, string] => [judge.sub, judge.name])
        .sort(([a, x], [b, y]) => (`${x}#${a}` < `${y}#${b}` ? -1 : 1)),
    );
    expect(offered.map(([sub]) => sub)).not.toContain(w.users.supplier.sub);
    expect(offered.map(([sub]) => sub)).not.toContain(w.users.officer.sub);
    expect(fresh.body).toMatch(/<input[^>]*name="panel\.0\.judgeId"[^>]*list="known-judges"/);
    expect(datalistOptions(draft.body, 'known-judges')).toEqual(offered);
  });

  it('shows every refusal beside its field with the form refilled, in zh-CN and en, and creates nothing', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    const officer = pageClient(w.tokens.officer);
    const blank = await officer.get(w.app, '/office/new-procurement');
    const form = setUpForm(w);

    const typos = await officer.post(w.app, '/office/new-procurement', {
      ...form,
      ceilingFen: '十五万',
      biddingDeadline: 'soon',
    });
    const rules = await officer.post(w.app, '/office/new-procurement', {
      ...form,
      priceWeightBp: '40',
      'panel.2.name': '',
      'panel.2.judgeId': '',
    });
    const english = await pageClient(w.tokens.officer, 'en');
    await english.get(w.app, '/office/new-procurement?lang=en');
    const inEnglish = await english.post(w.app, '/office/new-procurement', { ...form, priceWeightBp: '40' });
    const list = await officer.get(w.app, '/office/procurements');

    expect(blank.status).toBe(200);
    expect(fieldValue(blank.body, 'priceWeightBp')).toBe('20');
    expect(typos.status).toBe(422);
    expect(fieldError(typos.body, 'ceilingFen')).toBe('请填写金额（元），最多两位小数，例如 150,000');
    expect(fieldError(typos.body, 'biddingDeadline')).toBe('请选择日期和时间');
    expect(fieldValue(typos.body, 'ceilingFen')).toBe('十五万');
    expect(fieldValue(typos.body, 'title')).toBe(form.title);
    expect(rules.status).toBe(422);
    expect(fieldError(rules.body, 'priceWeightBp')).toContain('价格分权重 40.00% 超出本类项目 10.00%–30.00%');
    expect(pageText(rules.body)).toContain('评分项满分合计 80.00 分加价格分 40.00 分须等于 100 分');
    expect(pageText(rules.body)).toContain('磋商小组须为 3 人以上单数（当前 2 人）');
    expect(inEnglish.status).toBe(422);
    expect(fieldError(inEnglish.body, 'priceWeightBp')).toContain('outside the 10.00%–30.00% band');
    // Only the world's own procurement is there: nothing was created.
    expect(list.body.match(/href="\/office\/procurements\/[^"]+"/g)?.length).toBe(1);
  });

  it('creates the draft in fen, hundredths and Beijing time, edits it and announces it after a confirmation', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    const officer = pageClient(w.tokens.officer);
    await officer.get(w.app, '/office/new-procurement');
    const form = setUpForm(w);

    const created = await officer.post(w.app, '/office/new-procurement', form);
    const id = /\/office\/procurements\/([^?]+)/.exec(created.location ?? '')?.[1];
    const stored = await getProcurement(w.deps.db, id!);
    const page = await officer.get(w.app, created.location!);
    const saved = await officer.post(w.app, `/office/procurements/${id}`, {
      ...form,
      ceilingFen: '149,000.50',
      version: '1',
    });
    const asked = await officer.post(w.app, `/office/procurements/${id}`, { do: 'announce', version: '2' });
    const announced = await officer.post(w.app, `/office/procurements/${id}`, {
      do: 'announce',
      version: '2',
      confirmed: 'yes',
    });
    const after = await officer.get(w.app, announced.location!);

    expect(created.status).toBe(303);
    expect(stored).toMatchObject({
      ceilingFen: 15_000_000,
      priceWeightBp: 2000,
      minResponsive: 3,
      status: 'draft',
      requiredParts: [
        { code: 'part-1', name: '服务方案' },
        { code: 'part-2', name: '人员名单' },
      ],
      biddingDeadline: new Date(Date.parse(`${form.biddingDeadline}:00+08:00`)).toISOString(),
    });
    expect(stored!.criteria.map((c) => c.maxPoints)).toEqual(
      workedExample().criteria.map((c) => c.maxPoints),
    );
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('已创建采购项目草稿。');
    expect(fieldValue(page.body, 'ceilingFen')).toBe('150000.00');
    expect(saved.status).toBe(303);
    expect((await getProcurement(w.deps.db, id!))!.ceilingFen).toBe(14_900_050);
    expect(asked.status).toBe(200);
    expect(pageText(asked.body)).toContain('发布后磋商文件冻结');
    expect(announced.status).toBe(303);
    expect((await getProcurement(w.deps.db, id!))!.status).toBe('announced');
    expect(pageText(after.body)).toContain('公告已发布，磋商文件已冻结。');
    expect(after.body).not.toContain('name="title"');
    expectReadable(after.body);
  });

  it('keeps the bids sealed while bidding, refuses closing before the deadline, then opens them with their responsiveness', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    const sealed = await officer.get(w.app, path);
    const early = await officer.post(w.app, path, { do: 'closeBidding', confirmed: 'yes' });
    w.clock.advance(13 * DAY_MS);
    const closed = await officer.post(w.app, path, { do: 'closeBidding', confirmed: 'yes' });
    const opened = await officer.get(w.app, path);

    expect(pageText(sealed.body)).toContain('响应文件密封至');
    for (const bid of w.example.bids) expect(sealed.body).not.toContain(bid.supplier);
    expect(early.status).toBe(422);
    expect(pageText(early.body)).toContain('未到，不能开启响应文件');
    expect(closed.status).toBe(303);
    expect(pageText(opened.body)).toContain('红山区社区服务中心');
    expect(pageText(opened.body)).toContain('¥149,000.00');
    expect(pageText(opened.body)).toContain('无效：不是依法登记的社会组织（无登记证书编号）');
    expect(pageText(opened.body)).toContain('实质性响应');
    expectReadable(opened.body);
  });

  it('shows the ranking of the worked example, recommends, declines with a reason, awards and issues the notices', async () => {
    const w = await buildProcurementWorld(h, 'scored');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    const scored = await officer.get(w.app, path);
    await officer.post(w.app, path, { do: 'recommend', confirmed: 'yes' });
    const noReason = await officer.post(w.app, path, { do: 'decline', reason: '' });
    const ask = await officer.post(w.app, path, { do: 'decline', reason: '放弃成交' });
    const recommended = await officer.get(w.app, path);
    const awarded = await officer.post(w.app, path, { do: 'award', confirmed: 'yes' });
    const issued = await officer.post(w.app, path, { do: 'issue' });
    const notices = await officer.get(w.app, issued.location!);
    const english = pageClient(w.tokens.officer, 'en');
    const inEnglish = await english.get(w.app, `${path}?lang=en`);

    const text = pageText(scored.body);
    expect(text).toContain('88.51');
    expect(text).toContain('86.11');
    expect(text).toContain('83.50');
    expect(text).toContain('19.01');
    expect(text).toContain('69.50');
    expect(text).toContain('3 / 3 已提交');
    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, 'decline.reason')).toBeTruthy();
    expect(ask.status).toBe(200);
    expect(pageText(ask.body)).toContain('放弃成交');
    // Two reason fields on one page (decline, terminate), each its own id for its label.
    expect(noReason.body.match(/id="f-reason"/g)).toHaveLength(1);
    expect(noReason.body.match(/id="f-decline-reason"/g)).toHaveLength(1);
    expect(pageText(recommended.body)).toContain('当前候选人：红山区社区服务中心');
    expect(awarded.status).toBe(303);
    expect(issued.status).toBe(303);
    expect(pageText(notices.body)).toContain('成交通知书');
    expect(pageText(notices.body)).toContain('结果通知书');
    expect(pageText(notices.body)).toContain('成交供应商：红山区社区服务中心');
    expect(inEnglish.body).toContain('<html lang="en">');
    expect(pageText(inEnglish.body)).toContain('Deal notice');
    expectReadable(notices.body);
  });

  it('answers a set-up form sent after the announcement with the phase, not with fields to fix', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    await officer.get(w.app, path);
    const before = await getProcurement(w.deps.db, w.procurementId);
    // A tab opened while it was a draft: the form as typed there, with a typo.
    const stale = await officer.post(w.app, path, { ...setUpForm(w), ceilingFen: '十五万' });

    expect(stale.status).toBe(422);
    expect(pageText(stale.body)).toContain('当前处于“递交响应文件”阶段');
    expect(pageText(stale.body)).not.toContain('请看下面标出的字段');
    expect(await getProcurement(w.deps.db, w.procurementId)).toEqual(before);
  });

  it('names the candidate, its rank, final quotation and total when asking to decline or confirm it', async () => {
    const w = await buildProcurementWorld(h, 'scored');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    await officer.get(w.app, path);
    await officer.post(w.app, path, { do: 'recommend', confirmed: 'yes' });
    const confirmStep = (html: string) =>
      pageText(/<section class="confirm"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
    const askDecline = await officer.post(w.app, path, { do: 'decline', reason: '放弃成交' });
    await officer.post(w.app, path, { do: 'decline', reason: '放弃成交', confirmed: 'yes' });
    const askAward = await officer.post(w.app, path, { do: 'award' });
    const english = pageClient(w.tokens.officer, 'en');
    await english.get(w.app, `${path}?lang=en`);
    const askAwardEn = await english.post(w.app, `${path}?lang=en`, { do: 'award' });

    // The first candidate, A, is the one being declined.
    expect(confirmStep(askDecline.body)).toMatch(
      /供应商\s+红山区社区服务中心\s+名次\s+1\s+最后报价\s+¥146,800\.00\s+综合得分\s+88\.51/,
    );
    // After A is declined the award is C's, ranked 2: the confirmation says so, not "the first".
    expect(confirmStep(askAward.body)).toMatch(
      /供应商\s+赤峰弘益社会组织服务中心\s+名次\s+2\s+最后报价\s+¥148,600\.00\s+综合得分\s+86\.11/,
    );
    expect(confirmStep(askAward.body)).toContain('确定当前候选人为成交供应商；确定后不能撤销');
    expect(confirmStep(askAward.body)).not.toContain('排名第一');
    expect(confirmStep(askAwardEn.body)).toMatch(/Supplier\s+赤峰弘益社会组织服务中心\s+Rank\s+2/);
    expect(confirmStep(askAwardEn.body)).toContain('The current candidate becomes the supplier');
    expectReadable(askAward.body);
  });

  it('reopens a submitted sheet with a reason after a confirmation; its member sees why', async () => {
    const w = await buildProcurementWorld(h, 'scored');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    const page = await officer.get(w.app, path);
    const sheet = `${w.teams.A}/${w.members[0]!.sub}/1`;
    const before = await w.snapshot();
    const noReason = await officer.post(w.app, path, { do: 'reopen', sheet, reopenReason: ' ' });
    const ask = await officer.post(w.app, path, {
      do: 'reopen',
      sheet,
      reopenReason: '服务方案分数录入有误',
    });
    const unchanged = await w.snapshot();
    const done = await officer.post(w.app, path, {
      do: 'reopen',
      sheet,
      reopenReason: '服务方案分数录入有误',
      confirmed: 'yes',
    });
    const after = await officer.get(w.app, done.location!);
    const again = await officer.post(w.app, path, {
      do: 'reopen',
      sheet,
      reopenReason: '再次开启',
      confirmed: 'yes',
    });
    const memberPage = await pageClient(await w.tokenFor(w.members[0]!)).get(
      w.app,
      `/panel/${w.procurementId}/${w.teams.A}`,
    );

    expect(pageText(page.body)).toContain('重新开启评分表');
    expect(page.body).toContain(`value="${sheet}"`);
    expect(noReason.status).toBe(422);
    expect(fieldError(noReason.body, 'reopenReason')).toBeTruthy();
    expect(ask.status).toBe(200);
    expect(pageText(ask.body)).toContain('服务方案分数录入有误');
    expect(pageText(ask.body)).toContain('专家1');
    expect(unchanged).toEqual(before);
    expect(done.status).toBe(303);
    expect(pageText(after.body)).toContain('评分表已重新开启，等待该成员重新提交。');
    expect(pageText(after.body)).toMatch(/草稿，未提交.*重新开启：服务方案分数录入有误/);
    expect(pageText(after.body)).toContain('2 / 3 已提交');
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toMatch(/修改|刷新/);
    expect(pageText(memberPage.body)).toContain('重新开启了你的评分表，理由：服务方案分数录入有误');
    expect(memberPage.body).toContain('保存草稿');
    expectReadable(after.body);
  });

  it('terminates with a reason after a confirmation', async () => {
    const w = await buildProcurementWorld(h, 'announced');
    const officer = pageClient(w.tokens.officer);
    const path = `/office/procurements/${w.procurementId}`;
    await officer.get(w.app, path);
    const ask = await officer.post(w.app, path, { do: 'terminate', reason: '预算调整' });
    const done = await officer.post(w.app, path, { do: 'terminate', reason: '预算调整', confirmed: 'yes' });
    const page = await officer.get(w.app, path);

    expect(ask.status).toBe(200);
    expect((await getProcurement(w.deps.db, w.procurementId))!.status).toBe('terminated');
    expect(done.status).toBe(303);
    expect(pageText(page.body)).toContain('终止理由：预算调整');
  });
});
