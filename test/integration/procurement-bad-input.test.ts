import { beforeAll, describe, expect, it } from 'vitest';
import {
  callFinalQuotations,
  closeBidding,
  startEvaluation,
  submitBid,
  submitFinalQuotation,
} from '../../shared/procurement/actions.ts';
import { createTeam } from '../../shared/team/team.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem, fuzzRoutes } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import {
  buildProcurementWorld,
  PARTS,
  type ProcurementWorld,
  procurementInput,
  supplierTeam,
} from '../support/procurement-world.ts';
import { asPrincipal, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const parts = Object.fromEntries(PARTS.map((part) => [part.code, '内容']));
const base = (w: ProcurementWorld) => `/api/procurements/${w.procurementId}`;

/** What the procurement and its office hold: a refused request leaves all of it as it was. */
async function snapshot(w: ProcurementWorld) {
  const list = await call(w.app, 'GET', `/api/offices/${w.office}/procurements`, { token: w.tokens.officer });
  return { ...(await w.snapshot()), list: list.body };
}

/** Sends a request that must be refused with `status`, naming the cause in the detail, writing nothing. */
async function refused(
  w: ProcurementWorld,
  method: string,
  path: string,
  options: {
    token: string | undefined;
    body?: unknown;
    lang?: 'zh-CN' | 'en';
    headers?: Record<string, string>;
  },
  status: number,
  detail: RegExp,
) {
  const before = await snapshot(w);
  const response = await call(w.app, method, path, options);
  expectProblem(response, status);
  expect(`${response.body.detail} ${JSON.stringify(response.body.errors ?? [])}`).toMatch(detail);
  expect(await snapshot(w)).toEqual(before);
  return response;
}

/** The example's suppliers give their final quotations (the world is in final quotation). */
async function quoteAsInTheExample(w: ProcurementWorld) {
  for (const [i, bid] of w.example.bids.entries()) {
    if (bid.finalFen === undefined) continue;
    await submitFinalQuotation(w.deps, asPrincipal(w.supplierUsers[i]!), w.procurementId, {
      teamId: w.teams[bid.letter]!,
      quotationFen: bid.finalFen,
    });
  }
}

describe('bad input to the procurement function is refused with a clear 4xx and changes nothing', () => {
  it('refuses a price weight outside its band without an approval, and takes it with one', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    const path = `/api/offices/${w.office}/procurements`;
    const criteria = w.example.criteria.map((c, i) =>
      i === 0 ? { ...c, maxPoints: c.maxPoints - 2000 } : c,
    );
    const outside = procurementInput(w.clock.now(), w.panel, { priceWeightBp: 4000, criteria });
    await refused(
      w,
      'POST',
      path,
      { token: w.tokens.officer, body: outside },
      422,
      /40\.00%.*10\.00%.*30\.00%/,
    );
    const zh = await refused(
      w,
      'POST',
      path,
      { token: w.tokens.officer, body: outside, lang: 'zh-CN' },
      422,
      /财政部门/,
    );
    expect(zh.body.errors[0].path).toBe('priceWeightBp');
    const approved = await call(w.app, 'POST', path, {
      token: w.tokens.officer,
      body: { ...outside, weightApproval: { reason: '经区财政局审核同意', reference: '红财采〔2026〕3号' } },
    });
    expect(approved.status).toBe(201);
  });

  it('refuses a title with bidirectional controls or only invisible characters, and a bid part of only filler', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const path = `/api/offices/${w.office}/procurements`;
    for (const title of ['\u202e服务采购', '\u200b\u3000\u2800']) {
      const body = procurementInput(w.clock.now(), w.panel, { title });
      const r = await refused(w, 'POST', path, { token: w.tokens.officer, body }, 422, /title/i);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['title']);
    }
    const invisible = { ...parts, [Object.keys(parts)[0]!]: '\u200b\u3000' };
    const r = await refused(
      w,
      'PUT',
      `${base(w)}/bids/${w.teams.A}`,
      { token: w.tokens.supplier, body: { priceFen: 14_000_000, parts: invisible } },
      422,
      /./,
    );
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual([`parts.${Object.keys(parts)[0]}`]);
  });

  it('refuses an even or too small panel, and criteria that do not make 100 with the price points', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    const path = `/api/offices/${w.office}/procurements`;
    const four = [...w.panel, { judgeId: 'm4', name: '专家4' }];
    for (const panel of [four, w.panel.slice(0, 1), w.panel.slice(0, 2)]) {
      const body = procurementInput(w.clock.now(), panel);
      await refused(
        w,
        'POST',
        path,
        { token: w.tokens.officer, body },
        422,
        /odd number of members, at least 3 \(now \d\)/,
      );
    }
    const body = procurementInput(w.clock.now(), w.panel, { priceWeightBp: 3000 });
    await refused(w, 'POST', path, { token: w.tokens.officer, body }, 422, /80\.00 points.*30\.00.*100/);
  });

  it('refuses panel members the directory does not know as judges, and officers of the office, in words', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    const path = `/api/offices/${w.office}/procurements`;
    const officerJudge = {
      sub: `officer-judge-${w.office}`,
      name: '赵科长',
      roles: ['officer' as const, 'judge' as const],
      officeId: w.office,
    };
    await w.tokenFor(officerJudge);
    await w.tokenFor(w.users.otherResident);
    const member = (judgeId: string) => ({ judgeId, name: '某人' });
    const cases: [{ judgeId: string; name: string }, RegExp, RegExp, string][] = [
      [member('never-signed-in'), /has never signed in/, /尚未登录过本系统/, 'judge.unknownUser'],
      [member(w.users.otherResident.sub), /is not a judge/, /不是评审专家/, 'judge.notAJudge'],
      // The one rule with the contest's panel (shared/review/panel.ts seatRefusal), one code.
      [
        member(officerJudge.sub),
        /is an officer of this office and may not sit on its panels/,
        /本街道办事处的工作人员，不能担任本街道大赛的评审专家或采购项目的磋商小组成员/,
        'judge.officerOfOffice',
      ],
    ];
    for (const [stranger, en, zh, code] of cases) {
      const panel = [...w.panel.slice(0, 2), stranger];
      const body = procurementInput(w.clock.now(), panel);
      const response = await refused(w, 'POST', path, { token: w.tokens.officer, body }, 422, en);
      expect(response.body.code).toBe(code);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'panel.2.judgeId' })]);
      await refused(w, 'POST', path, { token: w.tokens.officer, body, lang: 'zh-CN' }, 422, zh);
      // An edit of the draft's panel is held to the same rule.
      const current = await call(w.app, 'GET', base(w), { token: w.tokens.officer });
      await refused(
        w,
        'PATCH',
        base(w),
        { token: w.tokens.officer, body: { panel }, headers: { 'if-match': current.headers.get('etag')! } },
        422,
        en,
      );
    }
  });

  it('refuses to announce with fewer than 10 days to the bidding deadline', async () => {
    const w = await buildProcurementWorld(h, 'draft');
    w.clock.advance(3 * DAY_MS);
    await refused(
      w,
      'POST',
      `${base(w)}/announce`,
      { token: w.tokens.officer },
      422,
      /at least 10 days.*Beijing time/,
    );
  });

  it('refuses to call the final quotations by a deadline already past, and takes a new one ahead', async () => {
    const w = await buildProcurementWorld(h, 'consultation');
    const path = `${base(w)}/call-final-quotations`;
    // The consultation ran past the final-quotation deadline set up at the announcement.
    w.clock.advance(30 * DAY_MS);
    await refused(w, 'POST', path, { token: w.tokens.officer }, 422, /deadline .*Beijing time.* has passed/);
    const past = new Date(w.clock.now().getTime() - 60_000).toISOString();
    const body = { finalQuotationDeadline: past };
    await refused(w, 'POST', path, { token: w.tokens.officer, body, lang: 'zh-CN' }, 422, /已过/);
    await refused(
      w,
      'POST',
      path,
      { token: w.tokens.officer, body: { finalQuotationDeadline: 'soon' } },
      422,
      /finalQuotationDeadline/,
    );

    const ahead = new Date(w.clock.now().getTime() + 3 * DAY_MS).toISOString();
    const called = await call(w.app, 'POST', path, {
      token: w.tokens.officer,
      body: { finalQuotationDeadline: ahead },
    });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ status: 'final-quotation', finalQuotationDeadline: ahead });
    const quote = await call(w.app, 'PUT', `${base(w)}/bids/${w.teams.A}/final-quotation`, {
      token: w.tokens.supplier,
      body: { quotationFen: 14_000_000 },
    });
    expect(quote.status).toBe(201);
  });

  it('refuses a bid above the ceiling or in fractional fen, naming the amounts in yuan', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const path = `${base(w)}/bids/${w.teams.A}`;
    const token = w.tokens.supplier;
    await refused(
      w,
      'PUT',
      path,
      { token, body: { priceFen: 15_000_001, parts } },
      422,
      /150,000\.01 yuan.*150,000\.00 yuan/,
    );
    await refused(w, 'PUT', path, { token, body: { priceFen: 14_000_000.5, parts } }, 422, /price/i);
    await refused(
      w,
      'PUT',
      path,
      { token, body: { priceFen: 14_000_000, parts: { ...parts, extra: 'x' } } },
      422,
      /extra/,
    );
    expect((await call(w.app, 'PUT', path, { token, body: { priceFen: 15_000_000, parts } })).status).toBe(
      201,
    );
  });

  it('refuses a second bid by one supplier, and a bid after the deadline, in Beijing time', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const path = `${base(w)}/bids/${w.teams.A}`;
    await refused(
      w,
      'PUT',
      path,
      { token: w.tokens.supplier, body: { priceFen: 1_000, parts } },
      409,
      /already sent its bid/,
    );
    // The same organisation again, through a second account's team under its certificate number.
    const registered = w.example.bids.findIndex((bid) => bid.registered);
    const twin = { sub: `twin-${w.procurementId}`, name: '李红梅', roles: ['resident' as const] };
    const { team } = await createTeam(
      w.deps,
      asPrincipal(twin),
      supplierTeam('同一机构的第二个账号', true, registered + 1),
    );
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${team.id}`,
      { token: await w.tokenFor(twin), body: { priceFen: 1_000, parts } },
      409,
      /certificate number 52150402MJ000000\dX has already sent a bid/,
    );
    const late = await buildProcurementWorld(h, 'bidding', { noBids: true });
    late.clock.advance(12 * DAY_MS);
    await refused(
      late,
      'PUT',
      `${base(late)}/bids/${late.teams.A}`,
      { token: late.tokens.supplier, body: { priceFen: 1_000, parts }, lang: 'zh-CN' },
      409,
      /已于 .*（北京时间） 截止递交/,
    );
  });

  it('keeps bids sealed before the deadline, saying until when', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    for (const token of [w.tokens.officer, w.tokens.panelJudge]) {
      await refused(
        w,
        'GET',
        `${base(w)}/bids`,
        { token },
        409,
        /sealed until the bidding deadline.*Beijing time/,
      );
    }
    const early = await call(w.app, 'POST', `${base(w)}/close-bidding`, { token: w.tokens.officer });
    expectProblem(early, 409);
  });

  it('refuses a final quotation above the ceiling, in fractional fen, twice, or from a non-responsive supplier', async () => {
    const w = await buildProcurementWorld(h, 'final-quotation', { noQuotes: true });
    const path = `${base(w)}/bids/${w.teams.A}/final-quotation`;
    const token = w.tokens.supplier;
    await refused(
      w,
      'PUT',
      path,
      { token, body: { quotationFen: 15_000_100 } },
      422,
      /150,001\.00 yuan.*150,000\.00 yuan/,
    );
    await refused(w, 'PUT', path, { token, body: { quotationFen: 1.25 } }, 422, /final quotation/i);
    expect((await call(w.app, 'PUT', path, { token, body: { quotationFen: 14_680_000 } })).status).toBe(201);
    await refused(
      w,
      'PUT',
      path,
      { token, body: { quotationFen: 14_000_000 } },
      409,
      /already given its final quotation/,
    );
    const dToken = await w.tokenFor(w.supplierUsers[3]!);
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${w.teams.D}/final-quotation`,
      { token: dToken, body: { quotationFen: 12_000_000 } },
      409,
      /not responsive/,
    );
  });

  it('refuses a sheet before evaluation, naming the phase', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const body = { scores: w.example.sheets[0]!.scores };
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${w.teams.A}/sheet`,
      { token: w.tokens.panelJudge, body },
      409,
      /bidding phase/,
    );
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${w.teams.A}/sheet`,
      { token: w.tokens.panelJudge, body, lang: 'zh-CN' },
      409,
      /“递交响应文件”阶段/,
    );
  });

  it('refuses scores outside the criteria, an incomplete submission, a second one, and a bid not scored', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const path = `${base(w)}/bids/${w.teams.A}/sheet`;
    const submit = `${path}/submit`;
    const token = w.tokens.panelJudge;
    const scores = w.example.sheets[0]!.scores;
    await refused(
      w,
      'PUT',
      path,
      { token, body: { scores: { ...scores, 'service-plan': 3100 } } },
      422,
      /between 0 and 30 points/,
    );
    await refused(
      w,
      'PUT',
      path,
      { token, body: { scores: { ...scores, 'service-plan': 2525 } } },
      422,
      /steps of 0\.5/,
    );
    const { staffing: _missing, ...incomplete } = scores;
    await refused(w, 'POST', submit, { token, body: { scores: incomplete } }, 422, /Give a score/);
    expect((await call(w.app, 'POST', submit, { token, body: { scores } })).status).toBe(200);
    await refused(w, 'POST', submit, { token, body: { scores } }, 409, /already submitted/);
    await refused(
      w,
      'POST',
      `${base(w)}/bids/${w.teams.D}/sheet/submit`,
      { token, body: { scores } },
      409,
      /not scored/,
    );
  });

  it('never lets a panel member score a supplier they declared a conflict with', async () => {
    const w = await buildProcurementWorld(h, 'consultation');
    const token = w.tokens.panelJudge;
    const declared = await call(w.app, 'POST', `${base(w)}/bids/${w.teams.B}/conflict`, {
      token,
      body: { reason: '曾在该机构任职' },
    });
    expect(declared.status).toBe(200);
    const officer = asPrincipal(w.users.officer);
    await callFinalQuotations(w.deps, officer, w.procurementId);
    await quoteAsInTheExample(w);
    w.clock.advance(8 * DAY_MS);
    await startEvaluation(w.deps, officer, w.procurementId);
    const scores = w.example.sheets[0]!.scores;
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${w.teams.B}/sheet`,
      { token, body: { scores } },
      403,
      /conflict of interest/,
    );
  });

  it('never lets a panel member score the supplier whose team they own', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const member = w.members[2]!;
    const { team } = await createTeam(w.deps, asPrincipal(member), supplierTeam('专家自办机构', true, 8));
    await submitBid(w.deps, asPrincipal(member), w.procurementId, {
      teamId: team.id,
      priceFen: 14_990_000,
      parts,
    });
    const officer = asPrincipal(w.users.officer);
    w.clock.advance(13 * DAY_MS);
    await closeBidding(w.deps, officer, w.procurementId);
    await callFinalQuotations(w.deps, officer, w.procurementId);
    await quoteAsInTheExample(w);
    await submitFinalQuotation(w.deps, asPrincipal(member), w.procurementId, {
      teamId: team.id,
      quotationFen: 14_900_000,
    });
    w.clock.advance(8 * DAY_MS);
    await startEvaluation(w.deps, officer, w.procurementId);
    const token = await w.tokenFor(member);
    const scores = w.example.sheets[0]!.scores;
    await refused(
      w,
      'PUT',
      `${base(w)}/bids/${team.id}/sheet`,
      { token, body: { scores } },
      403,
      /conflict of interest/,
    );
  });

  it('refuses to recommend while a sheet is missing, and to close bidding before its deadline', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    await refused(
      w,
      'POST',
      `${base(w)}/recommend`,
      { token: w.tokens.officer },
      409,
      /9 sheets are still missing/,
    );
    const b = await buildProcurementWorld(h, 'bidding');
    await refused(
      b,
      'POST',
      `${base(b)}/close-bidding`,
      { token: b.tokens.officer },
      409,
      /open until .*Beijing time/,
    );
  });

  it('survives generated invalid bodies on every procurement route that takes one', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const routes = [
      {
        method: 'POST',
        path: `/api/offices/${w.office}/procurements`,
        token: w.tokens.officer,
        valid: procurementInput(w.clock.now(), w.panel),
      },
      { method: 'PATCH', path: base(w), token: w.tokens.officer, valid: { title: 'x' } },
      { method: 'POST', path: `${base(w)}/terminate`, token: w.tokens.officer, valid: { reason: 'x' } },
      { method: 'POST', path: `${base(w)}/decline`, token: w.tokens.officer, valid: { reason: 'x' } },
      {
        method: 'PUT',
        path: `${base(w)}/bids/${w.teams.A}`,
        token: w.tokens.supplier,
        valid: { priceFen: 14_000_000, parts },
      },
      {
        method: 'PUT',
        path: `${base(w)}/bids/${w.teams.A}/final-quotation`,
        token: w.tokens.supplier,
        valid: { quotationFen: 14_000_000 },
      },
      {
        method: 'PUT',
        path: `${base(w)}/bids/${w.teams.A}/sheet`,
        token: w.tokens.panelJudge,
        valid: { scores: w.example.sheets[0]!.scores },
      },
      {
        method: 'POST',
        path: `${base(w)}/bids/${w.teams.B}/sheet/submit`,
        token: w.tokens.panelJudge,
        valid: { scores: w.example.sheets[0]!.scores },
      },
      {
        method: 'POST',
        path: `${base(w)}/bids/${w.teams.A}/sheets/${w.members[1]!.sub}/reopen`,
        token: w.tokens.officer,
        valid: { reason: 'x' },
      },
      {
        method: 'POST',
        path: `${base(w)}/bids/${w.teams.A}/conflict`,
        token: w.tokens.panelJudge,
        valid: { reason: 'x' },
      },
    ];
    await fuzzRoutes(w.app, routes, () => w.snapshot(), 80);
  });
});
