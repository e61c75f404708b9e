import { beforeAll, describe, expect, it } from 'vitest';
import { beijingInputValue } from '../../functions/ui/format.ts';
import { putIf } from '../../shared/db.ts';
import { submitFinalQuotation } from '../../shared/procurement/actions.ts';
import { issueProcurementNotices } from '../../shared/procurement/notices.ts';
import { finalQuotationItem, getProcurement } from '../../shared/procurement/store.ts';
import { faultyDb } from '../support/faults.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { fieldError, fieldValue, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld } from '../support/procurement-world.ts';
import { asPrincipal, DAY_MS } from '../support/world.ts';

/* The office's procurement dashboard as a new user read it: what it says after each deadline and at the end. */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The text of the bids table's row of a supplier. */
const rowOf = (html: string, supplier: string) =>
  pageText(
    [...html.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(supplier)) ?? '',
  );

describe('the office’s procurement dashboard', () => {
  it('reads responsiveness from the final quotations once their deadline passes', async () => {
    const w = await buildProcurementWorld(h, 'final-quotation', { noQuotes: true });
    const path = `/office/procurements/${w.procurementId}`;
    const officer = pageClient(w.tokens.officer);
    await submitFinalQuotation(w.deps, asPrincipal(w.users.supplier), w.procurementId, {
      teamId: w.teams.A!,
      quotationFen: 14_680_000,
    });
    // A final quotation above the ceiling, as the API refuses it but older data may hold it.
    await putIf(
      w.deps.db,
      finalQuotationItem({
        procurementId: w.procurementId,
        teamId: w.teams.C!,
        quotationFen: 15_100_000,
        submittedAt: w.clock.now().toISOString(),
      }),
      'attribute_not_exists(pk)',
    );
    const supplier = (letter: string) => w.example.bids.find((bid) => bid.letter === letter)!.supplier;

    const open = await officer.get(w.app, path);
    w.clock.advance(8 * DAY_MS);
    const due = await officer.get(w.app, path);

    expect(rowOf(open.body, supplier('A'))).toContain('实质性响应');
    expect(rowOf(open.body, supplier('B'))).toContain('实质性响应');
    expect(rowOf(due.body, supplier('A'))).toContain('实质性响应');
    expect(rowOf(due.body, supplier('B'))).toContain('无效：未提交最后报价');
    expect(rowOf(due.body, supplier('C'))).toContain(
      '无效：最后报价 151,000.00 元高于最高限价 150,000.00 元',
    );
    expect(rowOf(due.body, supplier('D'))).toContain('无效');
  });

  it('says the process is finished and links the result announcement once the notices are issued', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const path = `/office/procurements/${w.procurementId}`;
    const officer = pageClient(w.tokens.officer);
    const english = pageClient(w.tokens.officer, 'en');

    const awarded = await officer.get(w.app, path);
    await issueProcurementNotices(w.deps, asPrincipal(w.users.officer), w.procurementId);
    const issued = await officer.get(w.app, path);
    const issuedEn = await english.get(w.app, `${path}?lang=en`);
    const nextStep = (html: string) =>
      /(?:下一步：|Next step: )([^<]*(?:<a[^>]*>[^<]*<\/a>)?)/.exec(html)?.[1] ?? '';

    expect(pageText(nextStep(awarded.body))).toContain('发放成交通知书和结果通知书');
    expect(pageText(nextStep(issued.body))).toContain('采购已完成：通知书已发放，成交结果已公告，无需操作');
    expect(pageText(nextStep(issued.body))).not.toContain('发放成交通知书');
    expect(nextStep(issued.body)).toContain(`href="/procurements/${w.procurementId}/result"`);
    expect(pageText(nextStep(issuedEn.body))).toContain('Finished: the notices are issued');
  });

  it('keeps offering the notices, on the list too, until the last one is issued, then says finished', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const path = `/office/procurements/${w.procurementId}`;
    const officer = pageClient(w.tokens.officer);
    const english = pageClient(w.tokens.officer, 'en');
    const listRow = async (client: typeof officer, query = '') =>
      rowOf((await client.get(w.app, `/office/procurements${query}`)).body, '西屯街道居家养老服务项目');
    const nextStep = (html: string) =>
      pageText(/(?:下一步：|Next step: )([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
    // The issuing stops after the first notice (a crash between two notices' transactions).
    let notices = 0;
    const db = faultyDb(h, (command, input) => {
      if (command === 'TransactWriteItemsCommand' && input.includes('"NOTICE#') && ++notices > 1)
        throw new Error('crashed (injected)');
    });
    await expect(
      issueProcurementNotices({ ...w.deps, db }, asPrincipal(w.users.officer), w.procurementId),
    ).rejects.toThrow('crashed');

    const partList = await listRow(officer);
    const partDashboard = await officer.get(w.app, path);
    const issued = await officer.post(w.app, path, { do: 'issue' });
    const doneList = await listRow(officer);
    const doneListEn = await listRow(english, '?lang=en');
    const doneDashboard = await officer.get(w.app, path);

    expect(partList).toContain('发放成交通知书和结果通知书');
    expect(nextStep(partDashboard.body)).toContain('发放成交通知书和结果通知书');
    expect(partDashboard.body).toContain('name="do" value="issue"');
    expect(issued.status).toBe(303);
    expect(doneList).toContain('采购已完成：通知书已发放，成交结果已公告，无需操作');
    expect(doneList).not.toContain('发放成交通知书');
    expect(doneListEn).toContain('Finished: the notices are issued');
    expect(nextStep(doneDashboard.body)).toContain('采购已完成');
    expect(doneDashboard.body).not.toContain('name="do" value="issue"');
  });

  it('sets the final quotations’ deadline with the call, refusing one already past', async () => {
    const w = await buildProcurementWorld(h, 'consultation');
    const path = `/office/procurements/${w.procurementId}`;
    const officer = pageClient(w.tokens.officer);
    await officer.get(w.app, path);
    const { finalQuotationDeadline } = (await getProcurement(w.deps.db, w.procurementId))!;
    const inTime = await officer.post(w.app, path, { do: 'callFinalQuotations' });
    w.clock.advance(30 * DAY_MS);
    const late = await officer.post(w.app, path, { do: 'callFinalQuotations' });
    const english = pageClient(w.tokens.officer, 'en');
    await english.get(w.app, `${path}?lang=en`);
    const lateEn = await english.post(w.app, `${path}?lang=en`, { do: 'callFinalQuotations' });
    // Confirmed with the deadline as set up (the field's value), then with a new one ahead.
    const version = String((await getProcurement(w.deps.db, w.procurementId))!.version);
    const confirm = (deadline: string) =>
      officer.post(w.app, path, {
        do: 'callFinalQuotations',
        confirmed: 'yes',
        version,
        finalQuotationDeadline: deadline,
      });
    const stale = await confirm(fieldValue(late.body, 'finalQuotationDeadline')!);
    const unreadable = await confirm('next week');
    const ahead = new Date(w.clock.now().getTime() + 3 * DAY_MS).toISOString();
    const called = await confirm(beijingInputValue(ahead));

    expect(pageText(inTime.body)).not.toContain('已过');
    expect(fieldValue(inTime.body, 'finalQuotationDeadline')).toBe(beijingInputValue(finalQuotationDeadline));
    expect(pageText(late.body)).toMatch(
      /原定的最后报价截止时间 \d{4}年\d+月\d+日 \d\d:\d\d（北京时间） 已过：请在下方另定/,
    );
    expect(pageText(lateEn.body)).toContain('has passed: set a new one below');
    expect(stale.status).toBe(422);
    expect(pageText(stale.body)).toMatch(/最后报价截止时间 .*已过，请定一个尚未到来的截止时间/);
    expect(fieldValue(stale.body, 'finalQuotationDeadline')).toBe(beijingInputValue(finalQuotationDeadline));
    expect(unreadable.status).toBe(422);
    expect(fieldError(unreadable.body, 'finalQuotationDeadline')).toBe('请选择日期和时间');
    expect(called.status).toBe(303);
    expect(await getProcurement(w.deps.db, w.procurementId)).toMatchObject({
      status: 'final-quotation',
      finalQuotationDeadline: ahead,
    });
  });
});
