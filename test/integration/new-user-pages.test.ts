import { beforeAll, describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import { SESSION_COOKIE } from '../../functions/http/app.ts';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { DEMO_USERS } from '../../infra/local/seed.ts';
import { getContest } from '../../shared/contest/store.ts';
import { parseNoticeNumber } from '../../shared/notice.ts';
import { issueProcurementNotices, listProcurementNotices } from '../../shared/procurement/notices.ts';
import { getBid } from '../../shared/procurement/store.ts';
import { readProposal } from '../../shared/proposal/actions.ts';
import { listAssignmentsOfJudge } from '../../shared/review/store.ts';
import { getTeam } from '../../shared/team/team.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { fieldError, fieldValue, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld, PARTS } from '../support/procurement-world.ts';
import { buildReviewWorld } from '../support/review-world.ts';
import { asPrincipal, buildWorld } from '../support/world.ts';

/*
 * What a new user trying the product found on its pages (one test per finding): a stale form
 * token, an unknown action, a double click, the judge's sheet, the header, English lists, bid
 * amounts and notice verification.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The owner's page of one of their proposals, opened: its path and the version it shows. */
async function openedProposal(w: Awaited<ReturnType<typeof buildWorld>>, proposalId: string) {
  const path = `/me/proposals/${w.contestId}/${proposalId}`;
  const owner = pageClient(w.tokens.owner);
  const page = await owner.get(w.app, path);
  return { owner, path, version: /name="version" value="(\d+)"/.exec(page.body)![1]! };
}

describe('a page post the server cannot take', () => {
  it('with a missing or stale form token says the page expired and to reload, in zh-CN and en', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/me/teams/${w.teamId}`;
    const zh = pageClient(w.tokens.owner);
    const en = pageClient(w.tokens.owner, 'en');
    await zh.get(w.app, path);
    await en.get(w.app, path);

    const missing = await zh.post(w.app, path, { do: 'save', name: '新名字' }, { withToken: false });
    const missingEn = await en.post(w.app, path, { do: 'save', name: 'New name' }, { withToken: false });

    expect([missing.status, missingEn.status]).toEqual([403, 403]);
    expect(pageText(missing.body)).toContain('页面已过期');
    expect(pageText(missing.body)).toContain('请刷新页面后重试');
    expect(pageText(missing.body)).not.toMatch(/无权|没有权限/);
    expect(missing.body).toContain(`<a href="${path}">刷新页面</a>`);
    expect(pageText(missingEn.body)).toContain('This page has expired');
    expect(pageText(missingEn.body)).toContain('reload it and try again');
    expect(pageText(missingEn.body)).not.toContain('Not allowed');
  });

  it('with an unknown action says the action is unknown, naming it, and changes nothing', async () => {
    const w = await buildWorld(h, 'draft');
    const path = `/office/contests/${w.contestId}`;
    const officer = pageClient(w.tokens.officer);
    const english = pageClient(w.tokens.officer, 'en');
    await officer.get(w.app, path);
    await english.get(w.app, path);
    const before = await getContest(w.deps.db, w.contestId);

    const unknown = await officer.post(w.app, path, { do: 'publish-now', title: '改过的标题' });
    const unknownEn = await english.post(w.app, path, { do: 'publish-now' });
    const team = pageClient(w.tokens.owner);
    await team.get(w.app, `/me/teams/${w.teamId}`);
    const teamUnknown = await team.post(w.app, `/me/teams/${w.teamId}`, { do: 'rename' });

    expect(unknown.status).toBe(400);
    expect(pageText(unknown.body)).toContain('页面提交了未知的操作“publish-now”');
    expect(pageText(unknown.body)).not.toContain('请看下面标出的字段');
    expect(unknownEn.status).toBe(400);
    expect(pageText(unknownEn.body)).toContain('an action this form does not know (“publish-now”)');
    expect(teamUnknown.status).toBe(400);
    expect(pageText(teamUnknown.body)).toContain('未知的操作“rename”');
    expect(await getContest(w.deps.db, w.contestId)).toEqual(before);
  });
});

describe('a form sent twice (a double click)', () => {
  it('lands the second identical post on the first one’s result, not on “changed by someone else”', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/me/teams/${w.teamId}`;
    const owner = pageClient(w.tokens.owner, 'zh-CN', { keepCookies: true });
    const form = await owner.get(w.app, path);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
    const fields = {
      version: version!,
      name: '少年手工智造坊（改名）',
      community: `${w.office}/xitun`,
      kind: 'resident-team',
      'members.0.name': '赵老师',
      'members.0.role': 'leader',
      'members.0.phone': '13800000001',
      do: 'save',
    };
    const current = /name="community"[\s\S]*?<option[^>]*value="([^"]+)"[^>]*selected/.exec(form.body)?.[1];
    if (current) fields.community = current;

    const first = await owner.post(w.app, path, fields);
    const second = await owner.post(w.app, path, fields);
    const changed = await owner.post(w.app, path, { ...fields, name: '又改了名字' });
    const team = await getTeam(w.deps.db, w.teamId);
    // Another session (without the first answer's cookie, kept a minute) sends a new request:
    // its version is stale now, in 412's words.
    const other = pageClient(w.tokens.owner);
    await other.get(w.app, path);
    const elsewhere = await other.post(w.app, path, fields);

    // A cookie not signed by the server for this very post (another answer's location) is ignored.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const forged = await w.app.request(path, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        cookie: `${SESSION_COOKIE}=${w.tokens.owner}; mv_post=${encodeURIComponent(`AAAA|/evil`)}`,
      },
    });

    expect(version).toBeDefined();
    expect(forged.status).toBe(422);
    expect(forged.headers.get('location')).toBeNull();
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.location).toBe(first.location);
    expect(team?.name).toBe('少年手工智造坊（改名）');
    expect(team?.version).toBe(Number(version) + 1);
    // A different form is not a repeat: it runs, and its stale version is refused.
    expect(changed.status).toBe(422);
    expect(pageText(changed.body)).toContain('内容已被他人修改');
    expect(elsewhere.status).toBe(422);
    expect(pageText(elsewhere.body)).toContain('内容已被他人修改');
  });
});

describe('the judge’s sheet', () => {
  it('says a refusal once, and gives each criterion a hint its maximum takes', async () => {
    const w = await buildReviewWorld(h);
    const app = createScoringApp(w.deps);
    const judge = pageClient(w.tokens.judges[0]);
    const { items } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, w.judgeUsers[0]!.sub, {
      limit: 100,
    });
    const path = `/judge/${w.contestId}/${items.find((a) => a.contestId === w.contestId)!.proposalId}`;
    const page = await judge.get(app, path);
    const criteria = (await getContest(w.deps.db, w.contestId))!.rubric;
    const small = criteria.find((c) => c.maxPoints < 2250)!;

    const bad = await judge.post(app, path, { do: 'save', [`scores.${small.code}`]: '很好' });

    expect(page.status).toBe(200);
    expect(small.maxPoints).toBe(1500);
    expect(pageText(page.body)).toContain('可以打半分，例如 12.5');
    expect(bad.status).toBe(422);
    expect(fieldError(bad.body, `scores.${small.code}`)).toBe('请填写分数，例如 12.5');
    expect(pageText(bad.body).split('有几处需要修改，请看下面标出的字段。').length - 1).toBe(1);
    expect(bad.body.match(/role="alert"/g)?.length).toBe(1);
  });
});

describe('the header and English lists', () => {
  it('names the demo officer’s role once', async () => {
    const officer = DEMO_USERS.find((u) => u.sub === 'officer-xitun')!;
    const w = await buildWorld(h, 'open');
    const token = await h.tokenFor({ ...officer, officeId: w.office });

    const page = await pageClient(token).get(w.app, '/office');

    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('王晓梅（街道工作人员）');
    expect(pageText(page.body)).not.toContain('（街道工作人员）（街道工作人员）');
  });

  it('joins lists with English punctuation on English pages, Chinese on Chinese ones', async () => {
    const w = await buildWorld(h, 'open');
    const officer = pageClient(w.tokens.officer, 'en');
    const zh = await pageClient(w.tokens.officer).get(w.app, `/office/contests/${w.contestId}`);
    const en = await officer.get(w.app, `/office/contests/${w.contestId}?lang=en`);
    const contest = (await getContest(w.deps.db, w.contestId))!;
    const names = contest.categories.map((c) => c.name);
    const p = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const procurementEn = await pageClient(p.tokens.officer, 'en').get(
      p.app,
      `/office/procurements/${p.procurementId}`,
    );

    expect(pageText(zh.body)).toContain(names.join('、'));
    expect(pageText(en.body)).toContain(names.join(', '));
    expect(pageText(en.body)).not.toMatch(/[、，；]/);
    expect(pageText(procurementEn.body)).toContain(PARTS.map((part) => part.name).join(', '));
    expect(pageText(procurementEn.body)).not.toMatch(/[、，；（）]/);
  });
});

describe('a bid’s price on the supplier’s page', () => {
  it('says what is wrong with each kind of amount, naming it in yuan', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const path = `/me/procurements/${w.procurementId}`;
    const supplier = pageClient(w.tokens.supplier);
    const english = pageClient(w.tokens.supplier, 'en');
    await supplier.get(w.app, path);
    await english.get(w.app, path);
    const bid = (priceFen: string) => ({
      do: 'bid',
      teamId: w.teams.A!,
      priceFen,
      ...Object.fromEntries(PARTS.map((part) => [`parts.${part.code}`, `${part.name}全文`])),
    });
    const price = async (client: typeof supplier, typed: string) =>
      fieldError((await client.post(w.app, path, bid(typed))).body, 'priceFen');

    expect(await price(supplier, '-100')).toBe('金额不能是负数（填写的是 -100 元）');
    expect(await price(supplier, '0')).toBe('金额须大于 0 元');
    expect(await price(supplier, '0.001')).toBe('金额最小到分，最多两位小数（填写的是 0.001 元）');
    expect(await price(supplier, '150,000.01')).toBe('报价 150,000.01 元高于最高限价 150,000.00 元');
    expect(await price(supplier, '二十万')).toBe('请填写金额（元），最多两位小数，例如 146,800');
    expect(await price(english, '-100')).toBe('An amount cannot be negative (-100 yuan was entered)');
    expect(await price(english, '0.001')).toBe(
      'An amount goes down to the fen, two decimals at most (0.001 yuan was entered)',
    );
    expect(await getBid(w.deps.db, w.procurementId, w.teams.A!)).toBeUndefined();
  });
});

describe('notice verification', () => {
  it('gives an example number as notices are numbered, and sends a procurement notice to its own check', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const officer = asPrincipal(w.users.officer);
    await issueProcurementNotices(w.deps, officer, w.procurementId);
    const [notice] = await listProcurementNotices(w.deps, officer, w.procurementId);
    const awards = createAwardsApp(w.deps);
    const visitor = pageClient(undefined);

    const empty = await visitor.get(awards, '/notices/verify');
    const hint = /例如：([^<]+)</.exec(empty.body)?.[1];
    const query = new URLSearchParams({ number: notice!.number, code: notice!.verificationCode });
    const typed = await visitor.get(awards, `/notices/verify?${query}`);
    const shown = await visitor.get(w.app, typed.location!);
    const procurementHint = /例如：([^<]+)</.exec(
      (await visitor.get(w.app, '/procurement-notices/verify')).body,
    )?.[1];

    expect(hint).toBe('西屯微创投〔2026〕1号');
    expect(parseNoticeNumber(hint!)?.number).toBe(hint);
    expect(procurementHint).toBe(hint);
    expect(typed.status).toBe(303);
    expect(typed.location).toBe(`/procurement-notices/verify?${query}`);
    expect(pageText(shown.body)).toContain('这份通知书真实有效。');
  });
});

describe('a resident without a team', () => {
  it('is sent to register one before writing a proposal, and a proposal sent anyway comes back as typed', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/contests/${w.contestId}/proposals/new`;
    const resident = pageClient(w.tokens.otherResident);
    const english = pageClient(w.tokens.otherResident, 'en');

    const page = await resident.get(w.app, path);
    const pageEn = await english.get(w.app, path);
    // A tab opened before the form was hidden, or a second tab: the text typed is not lost.
    const sent = await resident.post(w.app, path, {
      do: 'submit',
      title: '楼道互助角',
      need: '老人上下楼难',
    });

    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('请先登记团队，再来申报。');
    expect(page.body).toContain('href="/me/teams/new"');
    expect(page.body).not.toContain('name="title"');
    expect(page.body).not.toContain('value="submit"');
    expect(pageText(pageEn.body)).toContain('Register a team first');
    expect(pageEn.body).not.toContain('name="title"');
    expect(sent.status).toBe(422);
    expect(pageText(sent.body)).toContain('请先登记团队，再来申报。');
    expect(pageText(sent.body)).not.toContain('找不到页面');
    expect(fieldValue(sent.body, 'title')).toBe('楼道互助角');
    expect(fieldValue(sent.body, 'need')).toBe('老人上下楼难');
  });
});

describe('a label and its value', () => {
  it('run together with a full-width colon in Chinese and ": " in English (proposal form, contest timeline, blind budget)', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/me/proposals/${w.contestId}/${w.draftId}`;
    const zh = pageText((await pageClient(w.tokens.owner).get(w.app, path)).body);
    const en = pageText((await pageClient(w.tokens.owner, 'en').get(w.app, `${path}?lang=en`)).body);
    const contest = pageText((await pageClient(undefined).get(w.app, `/contests/${w.contestId}`)).body);
    const r = await buildReviewWorld(h, { proposals: 1, judges: 3 });
    const { items } = await listAssignmentsOfJudge(r.deps.db, r.deps.cursors, r.judgeUsers[0]!.sub, {
      limit: 100,
    });
    const proposalId = items.find((a) => a.contestId === r.contestId)!.proposalId;
    const sheet = pageText(
      (
        await pageClient(r.tokens.judges[0]).get(
          createScoringApp(r.deps),
          `/judge/${r.contestId}/${proposalId}`,
        )
      ).body,
    );

    expect(zh).toMatch(/状态：\s*草稿/);
    expect(zh).toContain('小计：');
    expect(zh).toContain('申报金额合计：');
    expect(zh).not.toMatch(/[\u4e00-\u9fff]: /);
    expect(en).toContain('Status: ');
    expect(en).toContain('Total requested: ');
    expect(contest).toMatch(/申报截止：还剩/);
    expect(contest).not.toMatch(/[\u4e00-\u9fff]: /);
    expect(sheet).toContain('材料包：¥50.00');
    expect(sheet).not.toMatch(/[\u4e00-\u9fff]: /);
  });
});

describe('the officer’s ranking and answered objections', () => {
  it('run a name or label into its value with a full-width colon in Chinese', async () => {
    const w = await buildScoredWorld(h, { proposals: 3 });
    const officer = pageClient(w.tokens.officer);
    const resident = pageClient(w.tokens.resident);
    const ranking = pageText((await officer.get(w.app, `/office/contests/${w.contestId}/ranking`)).body);
    await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, { token: w.tokens.officer });
    const objectionPath = `/contests/${w.contestId}/objections/new`;
    await resident.get(w.shortlisting, objectionPath);
    await resident.post(w.shortlisting, objectionPath, { text: '请说明评分依据', key: 'objection-1' });
    const publicityPath = `/office/contests/${w.contestId}/publicity`;
    const before = await officer.get(w.shortlisting, publicityPath);
    const objectionId = /name="objectionId" value="([^"]+)"/.exec(before.body)![1]!;
    await officer.post(w.shortlisting, publicityPath, {
      do: 'answer',
      objectionId,
      [`answer-${objectionId}`]: '评分依据见评分标准。',
    });
    const publicity = pageText((await officer.get(w.shortlisting, publicityPath)).body);

    expect(ranking).toMatch(/专家\d：\d+\.\d{2}/);
    expect(ranking).not.toMatch(/[\u4e00-\u9fff\d]: \d/);
    expect(publicity).toContain('评分依据见评分标准。');
    expect(publicity).toMatch(/答复时间：\s*2026年/);
  });
});

describe('numbers typed in full width (a Chinese input method)', () => {
  it('are read as typed: a budget line’s price and quantity, the beneficiaries, a judge’s points', async () => {
    const w = await buildWorld(h, 'open');
    const { owner, path, version } = await openedProposal(w, w.draftId);
    const saved = await owner.post(w.app, path, {
      do: 'save',
      version,
      expectedBeneficiaries: '３０',
      'budgetLines.0.item': '声控灯',
      'budgetLines.0.unitPrice': '１，２５０．５',
      'budgetLines.0.quantity': '４',
    });
    const r = await buildReviewWorld(h, { proposals: 1, judges: 3 });
    const scoring = createScoringApp(r.deps);
    const { items } = await listAssignmentsOfJudge(r.deps.db, r.deps.cursors, r.judgeUsers[0]!.sub, {
      limit: 100,
    });
    const sheetPath = `/judge/${r.contestId}/${items.find((a) => a.contestId === r.contestId)!.proposalId}`;
    const judge = pageClient(r.tokens.judges[0]);
    await judge.get(scoring, sheetPath);
    const scored = await judge.post(scoring, sheetPath, { do: 'save', 'scores.need-fit': '２２．５' });

    expect(saved.status).toBe(303);
    const proposal = await readProposal(w.deps, asPrincipal(w.people.resident), w.contestId, w.draftId);
    expect(proposal.expectedBeneficiaries).toBe(30);
    expect(proposal.budgetLines).toEqual([
      { item: '声控灯', unitPriceFen: 125_050, quantity: 4, amountFen: 500_200 },
    ]);
    expect(scored.status).toBe(303);
    expect(fieldValue((await judge.get(scoring, sheetPath)).body, 'scores.need-fit')).toBe('22.50');
  });
});

describe('taking a judge off the panel from a stale tab', () => {
  it('says the judge is no longer on the panel, on the panel page, not “page not found”', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 4, phase: 'screening' });
    const path = `/office/contests/${w.contestId}/review`;
    const first = pageClient(w.tokens.officer);
    const stale = pageClient(w.tokens.officer);
    await first.get(w.app, path);
    await stale.get(w.app, path);
    const leaving = w.judgeUsers[3]!.sub;

    const removed = await first.post(w.app, path, { do: 'removeJudge', leaving });
    const again = await stale.post(w.app, path, { do: 'removeJudge', leaving });

    expect(removed.status).toBe(303);
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toContain('该评审专家不在本次大赛的评审组中');
    expect(pageText(again.body)).not.toContain('找不到页面');
    expect(again.body).toContain('name="judgeId"');
  });
});

describe('the objection page before publicity', () => {
  it('says the shortlist is not public yet, with the contest, not “page not found”; an unknown contest is not found', async () => {
    const w = await buildWorld(h, 'open');
    const shortlisting = createShortlistingApp(w.deps);
    const resident = pageClient(w.tokens.owner);
    const english = pageClient(w.tokens.owner, 'en');

    const early = await resident.get(shortlisting, `/contests/${w.contestId}/objections/new`);
    const earlyEn = await english.get(shortlisting, `/contests/${w.contestId}/objections/new?lang=en`);
    const unknown = await resident.get(shortlisting, '/contests/01ARZ3NDEKTSV4RRFFQ69G5FAV/objections/new');

    expect(early.status).toBe(200);
    expect(pageText(early.body)).toContain('这个大赛的入围名单还没有公示');
    expect(early.body).toContain(`href="/contests/${w.contestId}"`);
    expect(early.body).not.toContain('name="text"');
    expect(pageText(earlyEn.body)).toContain('The shortlist of this contest is not public yet');
    expect(unknown.status).toBe(404);
    expect(pageText(unknown.body)).toContain('大赛不存在');
  });
});

describe('a refusal naming a time', () => {
  it('writes it as the page beside it does (年月日 in Chinese), not 2026/03/16', async () => {
    const w = await buildWorld(h, 'open');
    const { owner, path, version } = await openedProposal(w, w.submittedId);
    w.clock.advance(15 * 24 * 3600 * 1000);

    const late = await owner.post(w.app, path, { do: 'withdraw', version });

    expect(late.status).toBe(422);
    expect(pageText(late.body)).toContain('申报已于 2026年3月16日 09:00（北京时间） 截止');
    expect(pageText(late.body)).not.toMatch(/\d{4}\/\d{2}\/\d{2}/);
  });
});
