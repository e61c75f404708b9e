import { beforeAll, describe, expect, it } from 'vitest';
import { readAudit, verifyTrail } from '../../shared/audit-log.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { fenOf, hundredths, tablesUnder } from '../support/markdown.ts';
import {
  buildProcurementWorld,
  PARTS,
  PROCUREMENT_DOC,
  procurementInput,
} from '../support/procurement-world.ts';
import { DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('a competitive consultation through the HTTP API', () => {
  it('runs the worked example of docs/procurement.md from set-up to the award and gets its numbers', async () => {
    // Prepare: the office, the panel m1–m3 and the four suppliers with their teams.
    const w = await buildProcurementWorld(h, 'draft');
    const officer = w.tokens.officer;
    const memberTokens = await Promise.all(w.members.map((m) => w.tokenFor(m)));
    const supplierTokens = await Promise.all(w.supplierUsers.map((u) => w.tokenFor(u)));
    const ok = async (
      method: string,
      path: string,
      token: string | undefined,
      body?: unknown,
      status = 200,
    ) => {
      const response = await call(w.app, method, path, { token, body });
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
      return response.body;
    };

    // Act: set-up and announcement by the officer.
    const created = await ok(
      'POST',
      `/api/offices/${w.office}/procurements`,
      officer,
      procurementInput(w.clock.now(), w.panel),
      201,
    );
    const base = `/api/procurements/${created.id}`;
    await ok('POST', `${base}/announce`, officer);
    await ok('POST', `${base}/open-bidding`, officer);
    for (const [i, bid] of w.example.bids.entries()) {
      const parts = Object.fromEntries(PARTS.map((part) => [part.code, `${bid.supplier}：${part.name}`]));
      await ok(
        'PUT',
        `${base}/bids/${w.teams[bid.letter]}`,
        supplierTokens[i],
        { priceFen: bid.priceFen, parts },
        201,
      );
    }
    // Sealed until the deadline, for the officer and the panel alike.
    for (const token of [officer, memberTokens[0]]) {
      expect((await call(w.app, 'GET', `${base}/bids`, { token })).status).toBe(409);
    }
    w.clock.advance(13 * DAY_MS);
    await ok('POST', `${base}/close-bidding`, officer);
    const opened = await ok('GET', `${base}/bids`, officer);
    expect(opened.items).toHaveLength(4);
    // The panel reads the opened bids by supplier, never by its owner's account; the office does.
    const forPanel = await ok('GET', `${base}/bids`, memberTokens[0]);
    expect(forPanel.items.every((bid: Record<string, unknown>) => !('ownerSub' in bid))).toBe(true);
    expect(opened.items.every((bid: Record<string, unknown>) => typeof bid.ownerSub === 'string')).toBe(true);
    await ok('POST', `${base}/call-final-quotations`, officer);
    for (const [i, bid] of w.example.bids.entries()) {
      const path = `${base}/bids/${w.teams[bid.letter]}/final-quotation`;
      if (bid.finalFen === undefined) {
        // D is not a registered organisation: its bid is not responsive, it gives no final quotation.
        expect(
          (await call(w.app, 'PUT', path, { token: supplierTokens[i], body: { quotationFen: 1 } })).status,
        ).toBe(409);
      } else await ok('PUT', path, supplierTokens[i], { quotationFen: bid.finalFen }, 201);
    }
    w.clock.advance(8 * DAY_MS);
    await ok('POST', `${base}/start-evaluation`, officer);
    for (const sheet of w.example.sheets) {
      const token = memberTokens[Number(sheet.member.slice(1)) - 1];
      await ok(
        'POST',
        `${base}/bids/${w.teams[sheet.letter]}/sheet/submit`,
        token,
        { scores: sheet.scores },
        200,
      );
    }
    // Each member reads their own sheets only.
    const mine = await ok('GET', `${base}/sheets/mine`, memberTokens[0]);
    expect(mine.items.map((s: { judgeId: string }) => s.judgeId)).toEqual([
      w.members[0]!.sub,
      w.members[0]!.sub,
      w.members[0]!.sub,
    ]);
    const recommended = await ok('POST', `${base}/recommend`, officer);
    const awarded = await ok('POST', `${base}/award`, officer);

    // Assess: the result table of the document, row by row.
    const letterOf = Object.fromEntries(Object.entries(w.teams).map(([letter, teamId]) => [teamId, letter]));
    const [resultTable] = tablesUnder(PROCUREMENT_DOC, '### Result');
    const expected = resultTable!.map(([rank, letter, final, price, technical, total]) => ({
      rank: Number(rank),
      letter,
      finalQuotationFen: fenOf(final!),
      priceScore: hundredths(price!),
      technicalScore: hundredths(technical!),
      total: hundredths(total!),
    }));
    expect(recommended.candidates.map((id: string) => letterOf[id])).toEqual(
      expected.map((row) => row.letter),
    );
    expect(letterOf[awarded.awardedBidId]).toBe(expected[0]!.letter);
    expect(awarded.status).toBe('awarded');

    const evaluation = await ok('GET', `${base}/evaluation`, undefined);
    const ranked = evaluation.bids
      .filter((bid: { rank: number | null }) => bid.rank !== null)
      .map((bid: Record<string, unknown>) => ({
        rank: bid.rank,
        letter: letterOf[bid.bidId as string],
        finalQuotationFen: bid.finalQuotationFen,
        priceScore: bid.priceScore,
        technicalScore: bid.technicalScore,
        total: bid.total,
      }));
    expect(ranked).toEqual(expected);
    // The public does not read the members' sheets.
    expect(evaluation.bids.every((bid: { sheets: unknown[] }) => bid.sheets.length === 0)).toBe(true);

    // The result announcement in Chinese, as the document prints it.
    const zh = (await call(w.app, 'GET', `${base}/evaluation`, { lang: 'zh-CN' })).body;
    const [announcement] = tablesUnder(PROCUREMENT_DOC, '### Result announcement');
    const outcome = { awarded: '成交', candidate: '成交候选人', 'not-responsive': '无效响应' } as const;
    expect(
      zh.announcement.map((row: Record<string, any>) => [
        row.supplier,
        row.finalQuotationYuan ?? '–',
        row.priceScore ?? '–',
        row.technicalScore ?? '–',
        row.total ?? '–',
        row.rank === null ? '–' : String(row.rank),
        row.reasons.length > 0
          ? `${outcome[row.outcome as keyof typeof outcome]}：${row.reasons.join('；')}`
          : outcome[row.outcome as keyof typeof outcome],
      ]),
    ).toEqual(announcement);

    // The OCDS release: the tender at the ceiling, four bids, the award and contract at A's final quotation.
    const release = await ok('GET', `${base}/ocds.json`, undefined);
    expect(release.tender.value).toEqual({ amount: 150000, currency: 'CNY' });
    expect(release.bids.details).toHaveLength(4);
    expect(release.awards[0].value).toEqual({
      amount: fenOf(tablesUnder(PROCUREMENT_DOC, '### Result')[0]![0]![2]!) / 100,
      currency: 'CNY',
    });
    expect(release.contracts[0].awardID).toBe(release.awards[0].id);

    // The deal notice for A, result notices for the others, numbered and verifiable; a re-run issues nothing.
    const issue = await ok('POST', `${base}/notices/issue`, officer);
    expect(issue).toEqual({ issued: 4, alreadyIssued: 0, total: 4 });
    expect(await ok('POST', `${base}/notices/issue`, officer)).toEqual({
      issued: 0,
      alreadyIssued: 4,
      total: 4,
    });
    const notices = (await ok('GET', `${base}/notices`, officer)).items;
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual(['deal', 'result', 'result', 'result']);
    expect(notices.map((n: { number: string }) => n.number)).toEqual(
      [1, 2, 3, 4].map((n) => `西屯微创投〔2026〕${n}号`),
    );
    const deal = notices[0];
    expect(letterOf[deal.teamId]).toBe('A');
    expect(deal.amountFen).toBe(expected[0]!.finalQuotationFen);
    expect(PROCUREMENT_DOC).toContain(`(${deal.amountCapital})`);
    const dealOwner = supplierTokens[w.example.bids.findIndex((bid) => bid.letter === 'A')];
    expect((await ok('GET', `${base}/notices/${deal.teamId}`, dealOwner)).number).toBe(deal.number);
    expect(
      (await call(w.app, 'GET', `${base}/notices/${deal.teamId}`, { token: supplierTokens[1] })).status,
    ).toBe(403);
    const verify = (number: string, code: string) =>
      ok('GET', `/api/procurement-notices/verify?${new URLSearchParams({ number, code })}`, undefined);
    expect(
      await verify(deal.number.replace('〔', '[').replace('〕', ']'), deal.verificationCode.toLowerCase()),
    ).toMatchObject({
      valid: true,
      notice: { kind: 'deal', amountFen: deal.amountFen, supplierName: deal.supplierName },
    });
    expect(await verify(deal.number, notices[1].verificationCode)).toEqual({ valid: false });
    const verifyQuery = new URLSearchParams({ number: deal.number, code: deal.verificationCode });
    const verified = await call(w.app, 'GET', `/api/procurement-notices/verify?${verifyQuery}`);
    expect(verified.headers.get('cache-control'), 'the code in the URL is a secret').toBe('no-store');

    // Every change is on the procurement's audit trail, and the chain verifies.
    const verdict = await verifyTrail(w.deps, created.id, []);
    expect(verdict).toMatchObject({ ok: true });
    const actions = (await readAudit(w.deps, created.id)).map((entry) => entry.action);
    expect(actions.filter((a) => a === 'bid.submit')).toHaveLength(4);
    expect(actions.filter((a) => a === 'sheet.submit')).toHaveLength(9);
    expect(actions).toContain('procurement.awarded');
  });

  it('gives one award when the officer confirms twice at once', async () => {
    const w = await buildProcurementWorld(h, 'recommended');
    const path = `/api/procurements/${w.procurementId}/award`;
    const responses = await Promise.all(
      [0, 1, 2].map(() => call(w.app, 'POST', path, { token: w.tokens.officer })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const { audit } = await w.snapshot();
    expect(audit.filter((entry) => entry.action === 'procurement.awarded')).toHaveLength(1);
  });

  it('declines a candidate with the reason and confirms the next', async () => {
    const w = await buildProcurementWorld(h, 'recommended');
    const base = `/api/procurements/${w.procurementId}`;
    const declined = await call(w.app, 'POST', `${base}/decline`, {
      token: w.tokens.officer,
      body: { reason: '放弃成交' },
    });
    expect(declined.status).toBe(200);
    expect(declined.body.declined).toEqual([
      expect.objectContaining({ bidId: w.teams.A, reason: '放弃成交' }),
    ]);
    const awarded = await call(w.app, 'POST', `${base}/award`, { token: w.tokens.officer });
    expect(awarded.body.awardedBidId).toBe(w.teams.C);
  });
});
