import { beforeAll, describe, expect, it } from 'vitest';
import { dateTime } from '../../functions/ui/format.ts';
import { getProcurement } from '../../shared/procurement/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectReadable, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld, type ProcurementWorld } from '../support/procurement-world.ts';

let h: Harness;
let awarded: ProcurementWorld;
beforeAll(async () => {
  h = await createHarness();
  awarded = await buildProcurementWorld(h, 'awarded');
});

const announcement = (w: ProcurementWorld) => `/procurements/${w.procurementId}`;
const result = (w: ProcurementWorld) => `/procurements/${w.procurementId}/result`;
/** Phase words and codes a page must never show a person. */
const CODES = ['services', 'unregistered', 'not-responsive', 'service-plan', 'technical', 'business'];

describe('the procurement announcement (采购公告)', () => {
  it('tells an anonymous visitor the service, the ceiling in yuan, the deadlines in Beijing time and the minimum suppliers', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });
    const procurement = (await getProcurement(w.deps.db, w.procurementId))!;

    const page = await pageClient(undefined).get(w.app, announcement(w));
    const text = pageText(page.body);

    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="zh-CN">/);
    expect(text).toContain('采购公告');
    expect(text).toContain('西屯街道居家养老服务项目');
    expect(text).toContain('竞争性磋商');
    expect(text).toContain('¥150,000.00');
    expect(text).toContain(dateTime(procurement.biddingDeadline, 'zh-CN'));
    expect(text).toContain(dateTime(procurement.finalQuotationDeadline, 'zh-CN'));
    expect(text).toContain('北京时间');
    expect(text).toContain('不少于 3 家');
    expect(text).toContain('递交响应文件');
    expect(text).toMatch(/服务方案\s+技术\s+30\.00/);
    expect(text).toMatch(/价格分（以最低有效最后报价为基准价）\s+价格\s+20\.00/);
    expect(text).toContain('人员名单');
    // The panel is not published before the result, nor are bids.
    expect(text).not.toContain('专家1');
    expectReadable(page.body, CODES);
  });

  it('reads in English with the same facts', async () => {
    const page = await pageClient(undefined, 'en').get(awarded.app, announcement(awarded));
    const text = pageText(page.body);

    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="en">/);
    expect(text).toContain('Procurement announcement');
    expect(text).toContain('Ceiling price');
    expect(text).toContain('¥150,000.00');
    expect(text).toContain('Beijing time');
    expect(text).toContain('At least 3');
    expect(text).toContain('Awarded');
    expect(page.body).toContain(`href="${result(awarded)}"`);
  });

  it('is 404 for a draft except to its office, and for an unknown or malformed id', async () => {
    const w = await buildProcurementWorld(h, 'draft');

    const anonymous = await pageClient(undefined).get(w.app, announcement(w));
    const otherOfficer = await pageClient(w.tokens.otherOfficer).get(w.app, announcement(w));
    const officer = await pageClient(w.tokens.officer).get(w.app, announcement(w));
    const unknown = await pageClient(undefined).get(w.app, '/procurements/01HNOSUCHPROCUREMENT000000');
    const malformed = await pageClient(undefined).get(w.app, '/procurements/%3Cscript%3E');

    expect([anonymous.status, otherOfficer.status, officer.status]).toEqual([404, 404, 200]);
    expect(pageText(anonymous.body)).toContain('找不到页面');
    expect(pageText(officer.body)).toContain('草稿');
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
    expect(malformed.body).not.toContain('<script>');
  });
});

describe('the result announcement (成交结果公告)', () => {
  it('lists every supplier with its final quotation, scores, total and rank, or why it was not scored, as docs/procurement.md works it', async () => {
    const page = await pageClient(undefined).get(awarded.app, result(awarded));
    const text = pageText(page.body).replace(/\s+/g, ' ');

    expect(page.status).toBe(200);
    expect(text).toContain('成交结果公告');
    expect(text).toContain('成交供应商 红山区社区服务中心，成交金额 ¥146,800.00');
    expect(text).toContain('1 红山区社区服务中心 ¥146,800.00 19.01 69.50 88.51 成交');
    expect(text).toContain('2 赤峰弘益社会组织服务中心 ¥148,600.00 18.78 67.33 86.11 成交候选人');
    expect(text).toContain('3 红山家园托管服务中心 ¥139,500.00 20.00 63.50 83.50 成交候选人');
    expect(text).toContain('— 夕阳红助老志愿队 — — — — 无效响应：不是依法登记的社会组织（无登记证书编号）');
    // The panel is named (Art. 29); its members' sheets stay with the office: no sheet total is published.
    expect(text).toContain('磋商小组成员 专家1、专家2、专家3');
    expect(text).not.toMatch(/70\.00|71\.50/);
    expectReadable(page.body, CODES);
  });

  it('reads in English', async () => {
    const page = await pageClient(undefined, 'en').get(awarded.app, result(awarded));
    const text = pageText(page.body).replace(/\s+/g, ' ');

    expect(page.status).toBe(200);
    expect(text).toContain('Result announcement');
    expect(text).toContain('Awarded to 红山区社区服务中心, for ¥146,800.00');
    expect(text).toContain('19.01 69.50 88.51 Awarded');
    expect(text).toContain('Not responsive:');
    expect(text).toContain('Panel members 专家1, 专家2, 专家3');
  });

  it('is refused (409) to everyone, the office included, before the award', async () => {
    const w = await buildProcurementWorld(h, 'recommended');

    const statuses = await Promise.all(
      [undefined, w.tokens.officer, w.tokens.panelJudge, w.tokens.supplier].map(async (token) => {
        const page = await pageClient(token).get(w.app, result(w));
        expect(pageText(page.body)).toContain('成交结果尚未公告');
        return page.status;
      }),
    );

    expect(statuses).toEqual([409, 409, 409, 409]);
  });
});
