import { beforeAll, describe, expect, it } from 'vitest';
import { getItem } from '../../shared/db.ts';
import { t } from '../../shared/i18n.ts';
import { keys } from '../../shared/keys.ts';
import { getBid, getProcurement } from '../../shared/procurement/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { fieldValue, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld, PARTS } from '../support/procurement-world.ts';
import { DAY_MS } from '../support/world.ts';

/*
 * 财库〔2014〕214号 Art. 13: before the bidding deadline a supplier may supplement, modify or
 * withdraw its bid. Amending takes If-Match; withdrawing releases the organisation's one-bid claim
 * in the same write; both are audited without the bid's content, and the bids stay sealed.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const parts = (suffix: string) =>
  Object.fromEntries(PARTS.map((part) => [part.code, `${part.name}${suffix}`]));

describe('amending and withdrawing a bid before the deadline', () => {
  it('amends with If-Match (428 without, 412 stale), keeps it sealed and audits that it changed, not how', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const path = `/api/procurements/${w.procurementId}/bids/${w.teams.A}`;
    const body = { priceFen: 14_800_000, parts: parts('（修改后）') };
    const before = await w.snapshot();

    const missing = await call(w.app, 'PATCH', path, { token: w.tokens.supplier, body });
    const stale = await call(w.app, 'PATCH', path, {
      token: w.tokens.supplier,
      body,
      headers: { 'if-match': '"2"' },
    });
    const above = await call(w.app, 'PATCH', path, {
      token: w.tokens.supplier,
      body: { ...body, priceFen: 15_000_001 },
      headers: { 'if-match': '"1"' },
      lang: 'zh-CN',
    });
    const notMine = await call(w.app, 'PATCH', path, {
      token: w.tokens.otherResident,
      body,
      headers: { 'if-match': '"1"' },
    });
    const unchanged = await w.snapshot();
    const amended = await call(w.app, 'PATCH', path, {
      token: w.tokens.supplier,
      body,
      headers: { 'if-match': '"1"' },
    });
    const sealed = await call(w.app, 'GET', `/api/procurements/${w.procurementId}/bids`, {
      token: w.tokens.officer,
    });
    const after = await w.snapshot();
    const entry = after.audit.find((item) => item.action === 'bid.amend');

    expect([missing.status, stale.status, above.status, notMine.status]).toEqual([428, 412, 422, 403]);
    expect(above.body.detail).toBe('报价 150,000.01 元高于最高限价 150,000.00 元');
    expect(unchanged).toEqual(before);
    expect(amended.status).toBe(200);
    expect(amended.headers.get('etag')).toBe('"2"');
    expect(amended.body).toMatchObject({
      priceFen: 14_800_000,
      version: 2,
      amendedAt: w.clock.now().toISOString(),
    });
    expect(await getBid(w.deps.db, w.procurementId, w.teams.A!)).toMatchObject({
      priceFen: 14_800_000,
      parts: parts('（修改后）'),
      version: 2,
    });
    expect(sealed.status).toBe(409);
    expect(entry).toMatchObject({ actor: w.users.supplier.sub, subject: w.teams.A });
    expect(JSON.stringify(entry)).not.toMatch(/14800000|修改后/);
  });

  it('withdraws in one write with the organisation’s one-bid claim, so it may bid again', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const path = `/api/procurements/${w.procurementId}/bids/${w.teams.A}`;
    const bid = (await getBid(w.deps.db, w.procurementId, w.teams.A!))!;
    const claim = keys.bidCertificate(w.procurementId, bid.certificateNumber!);

    const stale = await call(w.app, 'DELETE', path, {
      token: w.tokens.supplier,
      headers: { 'if-match': '"7"' },
    });
    const notMine = await call(w.app, 'DELETE', path, { token: w.tokens.otherResident });
    const claimedBefore = await getItem(w.deps.db, claim);
    const withdrawn = await call(w.app, 'DELETE', path, {
      token: w.tokens.supplier,
      headers: { 'if-match': '"1"' },
    });
    const gone = await getBid(w.deps.db, w.procurementId, w.teams.A!);
    const released = await getItem(w.deps.db, claim);
    const twice = await call(w.app, 'DELETE', path, { token: w.tokens.supplier });
    const again = await call(w.app, 'PUT', path, {
      token: w.tokens.supplier,
      body: { priceFen: 14_700_000, parts: parts('') },
    });
    const audit = (await w.snapshot()).audit.map((item) => item.action);

    expect([stale.status, notMine.status]).toEqual([412, 403]);
    expect(claimedBefore).toMatchObject({ teamId: w.teams.A });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({
      procurementId: w.procurementId,
      teamId: w.teams.A,
      withdrawnAt: w.clock.now().toISOString(),
    });
    expect(gone).toBeUndefined();
    expect(released).toBeUndefined();
    expect(twice.status).toBe(404);
    expect(again.status).toBe(201);
    expect(again.headers.get('etag')).toBe('"1"');
    expect(audit).toContain('bid.withdraw');
    expect(await getItem(w.deps.db, claim)).toMatchObject({ teamId: w.teams.A });
  });

  it('refuses both after the deadline with 409 naming it in Beijing time, in zh-CN and en, writing nothing', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const path = `/api/procurements/${w.procurementId}/bids/${w.teams.A}`;
    const { biddingDeadline } = (await getProcurement(w.deps.db, w.procurementId))!;
    w.clock.advance(13 * DAY_MS);
    const before = await w.snapshot();

    const amend = await call(w.app, 'PATCH', path, {
      token: w.tokens.supplier,
      body: { priceFen: 14_000_000, parts: parts('') },
      headers: { 'if-match': '"1"' },
      lang: 'zh-CN',
    });
    const withdraw = await call(w.app, 'DELETE', path, { token: w.tokens.supplier, lang: 'en' });

    expect([amend.status, withdraw.status]).toEqual([409, 409]);
    expect(amend.body.detail).toBe(t('zh-CN', 'procurement.biddingClosed', { deadline: biddingDeadline }));
    expect(withdraw.body.detail).toBe(t('en', 'procurement.biddingClosed', { deadline: biddingDeadline }));
    expect(amend.body.detail).toContain('北京时间');
    expect(`${amend.body.detail} ${withdraw.body.detail}`).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(await w.snapshot()).toEqual(before);
  });
});

describe('the supplier’s page', () => {
  it('offers to change or withdraw the bid until the deadline, prefilled, and does it', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const path = `/me/procurements/${w.procurementId}`;
    const supplier = pageClient(w.tokens.supplier);
    const teamId = w.teams.A!;
    const page = await supplier.get(w.app, path);
    const amend = (priceFen: string, version: string) => ({
      do: 'amend',
      teamId,
      version,
      priceFen,
      ...Object.fromEntries(PARTS.map((part) => [`parts.${part.code}`, `${part.name}（补充）`])),
    });

    const amended = await supplier.post(w.app, path, amend('148,500', '1'));
    const shown = await supplier.get(w.app, amended.location!);
    const stale = await supplier.post(w.app, path, amend('148,000', '1'));
    const asked = await supplier.post(w.app, path, { do: 'withdraw', teamId, version: '2' });
    const nothingYet = await getBid(w.deps.db, w.procurementId, teamId);
    const withdrawn = await supplier.post(w.app, path, {
      do: 'withdraw',
      teamId,
      version: '2',
      confirmed: 'yes',
    });
    const after = await supplier.get(w.app, withdrawn.location!);

    expect(pageText(page.body)).toContain('补充、修改响应文件');
    expect(fieldValue(page.body, 'priceFen')).toBe('149000.00');
    expect(amended.status).toBe(303);
    expect(pageText(shown.body)).toContain('响应文件已修改，仍然密封。');
    expect(pageText(shown.body)).toContain('¥148,500.00');
    expect(pageText(shown.body)).toContain('最后修改');
    expect(stale.status).toBe(422);
    expect(pageText(stale.body)).toContain('内容已被他人修改');
    expect(asked.status).toBe(200);
    expect(pageText(asked.body)).toContain('确认撤回');
    expect(nothingYet).toMatchObject({ priceFen: 14_850_000, version: 2 });
    expect(withdrawn.status).toBe(303);
    expect(await getBid(w.deps.db, w.procurementId, teamId)).toBeUndefined();
    expect(pageText(after.body)).toContain('响应文件已撤回。');
    expect(after.body).toContain('name="priceFen"');
  });

  it('offers neither after the deadline', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    w.clock.advance(13 * DAY_MS);
    const page = await pageClient(w.tokens.supplier).get(w.app, `/me/procurements/${w.procurementId}`);

    expect(page.status).toBe(200);
    expect(pageText(page.body)).not.toContain('补充、修改响应文件');
    expect(page.body).not.toContain('value="withdraw"');
  });
});
