import { beforeAll, describe, expect, it } from 'vitest';
import { dateTime } from '../../functions/ui/format.ts';
import { createProcurement } from '../../shared/procurement/actions.ts';
import { getProcurementNotice, issueProcurementNotices } from '../../shared/procurement/notices.ts';
import { getBid, getFinalQuotation, getProcurement } from '../../shared/procurement/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectReadable, fieldError, fieldValue, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld, PARTS, procurementInput } from '../support/procurement-world.ts';
import { asPrincipal, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const BID = {
  do: 'bid',
  priceFen: '149,000',
  [`parts.${PARTS[0]!.code}`]: '每周上门两次，47 项服务。',
  [`parts.${PARTS[1]!.code}`]: '护理员 12 人，持证上岗。',
};

describe("the suppliers' procurement pages", () => {
  it('are for residents: a visitor signs in, officers and judges get 403; drafts are never listed', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const draft = await createProcurement(
      w.deps,
      asPrincipal(w.users.officer),
      w.office,
      procurementInput(w.clock.now(), w.panel, { title: '尚未公告的草稿项目' }),
    );
    const visitor = await pageClient(undefined).get(w.app, '/me/procurements');
    const officer = await pageClient(w.tokens.officer).get(w.app, '/me/procurements');
    const judge = await pageClient(w.tokens.panelJudge).get(w.app, `/me/procurements/${w.procurementId}`);
    const list = await pageClient(w.tokens.supplier).get(w.app, '/me/procurements');
    const hidden = await pageClient(w.tokens.supplier).get(w.app, `/me/procurements/${draft.procurement.id}`);

    expect(visitor.status).toBe(303);
    expect(officer.status).toBe(403);
    expect(judge.status).toBe(403);
    expect(list.status).toBe(200);
    expect(list.body).toContain(`href="/me/procurements/${w.procurementId}"`);
    expect(list.body).not.toContain('尚未公告的草稿项目');
    expect(hidden.status).toBe(404);
    expectReadable(list.body);
  });

  it('takes one sealed bid from a registered organisation, refusing bad amounts, missing parts and the ceiling beside their fields', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const path = `/me/procurements/${w.procurementId}`;
    const teamId = w.teams.A!;
    const supplier = pageClient(w.tokens.supplier, 'zh-CN', { keepCookies: true });
    const form = await supplier.get(w.app, path);
    const typos = await supplier.post(w.app, path, {
      ...BID,
      teamId,
      priceFen: '十四万',
      [`parts.${PARTS[1]!.code}`]: '',
    });
    const fractional = await supplier.post(w.app, path, { ...BID, teamId, priceFen: '149,000.001' });
    const ceiling = await supplier.post(w.app, path, { ...BID, teamId, priceFen: '150,000.01' });
    const english = pageClient(w.tokens.supplier, 'en');
    await english.get(w.app, `${path}?lang=en`);
    const ceilingEn = await english.post(w.app, path, { ...BID, teamId, priceFen: '150,000.01' });
    const nothing = await getBid(w.deps.db, w.procurementId, teamId);
    const sent = await supplier.post(w.app, path, { ...BID, teamId });
    const page = await supplier.get(w.app, sent.location!);
    // The same form again at once is a double click: it lands on the result, writing nothing.
    const doubleClick = await supplier.post(w.app, path, { ...BID, teamId });
    const again = await supplier.post(w.app, path, { ...BID, teamId, priceFen: '148,000' });
    const unregistered = await pageClient(await w.tokenFor(w.supplierUsers[3]!)).get(w.app, path);
    const notMine = pageClient(w.tokens.otherResident);
    await notMine.get(w.app, path);
    const forged = await notMine.post(w.app, path, { ...BID, teamId: w.teams.B! });

    expect(form.status).toBe(200);
    expect(form.body).toContain(`name="parts.${PARTS[0]!.code}"`);
    expect(typos.status).toBe(422);
    expect(fieldError(typos.body, 'priceFen')).toBe('请填写金额（元），最多两位小数，例如 146,800');
    expect(fieldError(typos.body, `parts.${PARTS[1]!.code}`)).toBe('请填写这一项');
    expect(fractional.status).toBe(422);
    expect(fieldError(fractional.body, 'priceFen')).toBeTruthy();
    expect(ceiling.status).toBe(422);
    expect(fieldError(ceiling.body, 'priceFen')).toContain('高于最高限价');
    expect(ceilingEn.status).toBe(422);
    expect(fieldError(ceilingEn.body, 'priceFen')).toContain('above the ceiling price');
    expect(nothing).toBeUndefined();
    expect(sent.status).toBe(303);
    expect(await getBid(w.deps.db, w.procurementId, teamId)).toMatchObject({ priceFen: 14_900_000 });
    expect(pageText(page.body)).toContain('响应文件已递交并密封。');
    expect(pageText(page.body)).toContain('¥149,000.00');
    // No second bid form; the bid itself can still be changed or withdrawn (Art. 13).
    expect(page.body).not.toContain('name="do" value="bid"');
    expect(page.body).toContain('name="do" value="amend"');
    expect([doubleClick.status, doubleClick.location]).toEqual([303, sent.location]);
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toContain('每家供应商只能递交一次');
    expect(pageText(unregistered.body)).toContain('只有依法登记的社会组织');
    expect(unregistered.body).not.toContain('name="priceFen"');
    expect(forged.status).toBe(403);
    expectReadable(page.body);
  });

  it('refuses a bid after the deadline', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const path = `/me/procurements/${w.procurementId}`;
    const supplier = pageClient(w.tokens.supplier);
    await supplier.get(w.app, path);
    w.clock.advance(13 * DAY_MS);
    const late = await supplier.get(w.app, path);
    const posted = await supplier.post(w.app, path, { ...BID, teamId: w.teams.A! });

    expect(late.body).not.toContain('name="priceFen"');
    expect(posted.status).toBe(422);
    expect(pageText(posted.body)).toContain('响应文件已于');
    expect(await getBid(w.deps.db, w.procurementId, w.teams.A!)).toBeUndefined();
  });

  it('takes one final quotation from a responsive supplier, never above the ceiling, after a confirmation', async () => {
    const w = await buildProcurementWorld(h, 'final-quotation', { noQuotes: true });
    const path = `/me/procurements/${w.procurementId}`;
    const teamId = w.teams.A!;
    const supplier = pageClient(w.tokens.supplier);
    const form = await supplier.get(w.app, path);
    const above = await supplier.post(w.app, path, { do: 'quote', teamId, quotationFen: '150,001' });
    const asked = await supplier.post(w.app, path, { do: 'quote', teamId, quotationFen: '146,800' });
    const storedWhenAsked = await getFinalQuotation(w.deps.db, w.procurementId, teamId);
    const english = pageClient(w.tokens.supplier, 'en');
    await english.get(w.app, `${path}?lang=en`);
    const askedEn = await english.post(w.app, `${path}?lang=en`, {
      do: 'quote',
      teamId,
      quotationFen: '146,800',
    });
    const sent = await supplier.post(w.app, path, {
      do: 'quote',
      teamId,
      quotationFen: fieldValue(asked.body, 'quotationFen')!,
      confirmed: 'yes',
    });
    const page = await supplier.get(w.app, sent.location!);
    const again = await supplier.post(w.app, path, { do: 'quote', teamId, quotationFen: '146,000' });
    const unregistered = pageClient(await w.tokenFor(w.supplierUsers[3]!));
    const dPage = await unregistered.get(w.app, path);
    const dPost = await unregistered.post(w.app, path, {
      do: 'quote',
      teamId: w.teams.D!,
      quotationFen: '100,000',
    });

    expect(form.body).toContain('name="quotationFen"');
    expect(above.status).toBe(422);
    expect(fieldError(above.body, 'quotationFen')).toContain('高于最高限价');
    // Nothing is written until the supplier confirms the amount, shown in figures and capitals.
    expect(asked.status).toBe(200);
    expect(storedWhenAsked).toBeUndefined();
    for (const words of ['最后报价只能提交一次，提交后不能修改或撤回', '¥146,800.00', '壹拾肆万陆仟捌佰元整'])
      expect(pageText(asked.body)).toContain(words);
    expect(asked.body).toContain('确认提交最后报价');
    // Asked at the top of the page, before the bid it follows.
    expect(asked.body.indexOf('确认提交最后报价')).toBeLessThan(asked.body.indexOf('id="mine"'));
    expect(pageText(askedEn.body)).toContain('it cannot be changed or withdrawn');
    expectReadable(asked.body);
    expect(sent.status).toBe(303);
    expect(await getFinalQuotation(w.deps.db, w.procurementId, teamId)).toMatchObject({
      quotationFen: 14_680_000,
    });
    expect(pageText(page.body)).toContain('¥146,800.00');
    expect(page.body).not.toContain('name="quotationFen"');
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toContain('只能提交一次');
    expect(pageText(dPage.body)).toContain('响应文件无效：不是依法登记的社会组织');
    expect(dPage.body).not.toContain('name="quotationFen"');
    expect(dPost.status).toBe(422);
    expect(pageText(dPost.body)).toContain('不能提交最后报价');
    expectReadable(page.body);
  });

  it('lists, for the supplier and the office, the deadline due next: the final quotations once the bids are open', async () => {
    const w = await buildProcurementWorld(h, 'final-quotation', { noQuotes: true });
    const { finalQuotationDeadline, biddingDeadline } = (await getProcurement(w.deps.db, w.procurementId))!;
    const read = async (token: string | undefined, path: string, lang?: 'en') =>
      pageText((await pageClient(token, lang).get(w.app, path)).body).replace(/\s+/g, ' ');
    const supplierList = await read(w.tokens.supplier, '/me/procurements');
    const officeList = await read(w.tokens.officer, '/office/procurements');
    const officeEn = await read(w.tokens.officer, '/office/procurements?lang=en', 'en');

    expect(supplierList).toContain(`最后报价截止 ${dateTime(finalQuotationDeadline, 'zh-CN')}`);
    expect(officeList).toContain(`最后报价截止 ${dateTime(finalQuotationDeadline, 'zh-CN')}`);
    // The office's list has this procurement only: the passed bidding deadline is not shown.
    expect(officeList).not.toContain(dateTime(biddingDeadline, 'zh-CN'));
    expect(officeEn).toContain(`Final quotations due ${dateTime(finalQuotationDeadline, 'en')}`);
  });

  it('says a missing final quotation is final once the final quotations close', async () => {
    const w = await buildProcurementWorld(h, 'final-quotation', { noQuotes: true });
    const path = `/me/procurements/${w.procurementId}`;
    const supplier = pageClient(w.tokens.supplier);
    const open = await supplier.get(w.app, path);
    w.clock.advance(8 * DAY_MS);
    const closed = await supplier.get(w.app, path);
    const closedEn = await pageClient(w.tokens.supplier, 'en').get(w.app, `${path}?lang=en`);

    expect(pageText(open.body)).toMatch(/最后报价\s+尚未提交/);
    expect(pageText(closed.body)).toMatch(/最后报价\s+未提交；最后报价已截止，视为退出/);
    expect(pageText(closed.body)).not.toContain('尚未提交');
    expect(closed.body).not.toContain('name="quotationFen"');
    expect(pageText(closedEn.body)).toContain('None given; final quotations have closed, so the bid is out');
  });

  it('links the supplier to its printable notice once the notices are issued', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const path = `/me/procurements/${w.procurementId}`;
    const supplier = pageClient(w.tokens.supplier);
    const link = `href="/procurements/${w.procurementId}/notices/${w.teams.A}"`;
    const before = await supplier.get(w.app, path);
    await issueProcurementNotices(w.deps, asPrincipal(w.users.officer), w.procurementId);
    const after = await supplier.get(w.app, path);
    const notice = await getProcurementNotice(w.deps.db, w.procurementId, w.teams.A!);

    expect(before.body).not.toContain(link);
    expect(after.body).toContain(link);
    expect(pageText(after.body)).toContain(notice!.number);
    expectReadable(after.body);
  });
});
