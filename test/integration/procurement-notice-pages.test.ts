import { beforeAll, describe, expect, it } from 'vitest';
import { officialDate } from '../../functions/ui/format.ts';
import { issueProcurementNotices, listProcurementNotices } from '../../shared/procurement/notices.ts';
import { createHarness } from '../support/harness.ts';
import { expectReadable, pageClient, pageText } from '../support/page-client.ts';
import { buildProcurementWorld, type ProcurementWorld } from '../support/procurement-world.ts';
import { asPrincipal } from '../support/world.ts';

let w: ProcurementWorld;
let notices: Awaited<ReturnType<typeof listProcurementNotices>>;
beforeAll(async () => {
  w = await buildProcurementWorld(await createHarness(), 'awarded');
  const officer = asPrincipal(w.users.officer);
  await issueProcurementNotices(w.deps, officer, w.procurementId);
  notices = await listProcurementNotices(w.deps, officer, w.procurementId);
});

const noticeOf = (letter: string) => notices.find((n) => n.teamId === w.teams[letter])!;
const print = (letter: string, lang: 'zh-CN' | 'en' = 'zh-CN', token = w.tokens.officer) =>
  pageClient(token, lang).get(w.app, `/procurements/${w.procurementId}/notices/${w.teams[letter]}`);
const text = (html: string) => pageText(html).replace(/\s+/g, ' ');

describe('the printed deal notice (成交通知书) and result notices', () => {
  it('addresses the deal notice to the supplier with the amount in capitals and figures, an official date and the verification line', async () => {
    const notice = noticeOf('A');

    const page = await print('A');

    expect(page.status).toBe(200);
    expect(page.body).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(text(page.body)).toContain('成交通知书');
    expect(text(page.body)).toContain(notice.number);
    expect(text(page.body)).toContain('红山区社区服务中心：');
    expect(text(page.body)).toContain('成交金额人民币壹拾肆万陆仟捌佰元整（¥146,800.00）');
    expect(text(page.body)).toContain(officialDate(notice.issuedAt, 'zh-CN'));
    expect(text(page.body)).not.toMatch(/\d{1,2}:\d{2}/);
    expect(text(page.body)).toContain(`凭文号“${notice.number}”和验证码 ${notice.verificationCode}`);
    expect(page.body).toContain(
      '<a href="http://localhost/procurement-notices/verify">http://localhost/procurement-notices/verify</a>',
    );
    expectReadable(page.body);
  });

  it('reads in English, with the 中文 switch keeping the notice', async () => {
    const page = await print('A', 'en');

    expect(page.body).toMatch(/<html lang="en">/);
    expect(text(page.body)).toContain('Deal notice');
    expect(text(page.body)).toContain('To 红山区社区服务中心:');
    expect(text(page.body)).toContain('The contract amount is ¥146,800.00 (in words: 壹拾肆万陆仟捌佰元整).');
    expect(text(page.body)).toContain(officialDate(noticeOf('A').issuedAt, 'en'));
    expect(page.body).toContain(`href="/procurements/${w.procurementId}/notices/${w.teams.A}?lang=zh-CN"`);
  });

  it('gives every other supplier its quotation, total and rank, or why its bid was not scored', async () => {
    const ranked = await print('C');
    const unregistered = await print('D');

    expect(text(ranked.body)).toContain('成交结果通知书');
    expect(text(ranked.body)).toContain(
      '贵单位的最后报价为¥148,600.00，综合得分 86.11 分，排名第 2 位，未被确定为成交供应商。',
    );
    expect(text(unregistered.body)).toContain(
      '贵单位的响应文件为无效响应（不是依法登记的社会组织（无登记证书编号）），未参加综合评分。',
    );
    expect(unregistered.body).not.toMatch(/unregistered/);
  });

  it('is the supplier’s own and the office’s: anyone else gets the 403 page', async () => {
    const own = await print('A', 'zh-CN', w.tokens.supplier);
    const otherSupplier = await print('A', 'zh-CN', await w.tokenFor(w.supplierUsers[1]!));
    const judge = await print('A', 'zh-CN', w.tokens.panelJudge);
    const otherOfficer = await print('A', 'zh-CN', w.tokens.otherOfficer);
    const anonymous = await pageClient(undefined).get(
      w.app,
      `/procurements/${w.procurementId}/notices/${w.teams.A}`,
    );

    expect(own.status).toBe(200);
    expect([otherSupplier.status, judge.status, otherOfficer.status]).toEqual([403, 403, 403]);
    expect(pageText(otherSupplier.body)).toContain('没有权限');
    expect(anonymous.status).toBe(303);
  });
});

describe('verifying a procurement notice', () => {
  const verify = (query: Record<string, string>, lang: 'zh-CN' | 'en' = 'zh-CN') =>
    pageClient(undefined, lang).get(w.app, `/procurement-notices/verify?${new URLSearchParams(query)}`);

  it('tells anyone a genuine notice’s public facts, with the code typed in any case', async () => {
    const notice = noticeOf('A');

    const page = await verify({ number: notice.number, code: notice.verificationCode.toLowerCase() });

    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('这份通知书真实有效。');
    expect(text(page.body)).toContain('成交通知书');
    expect(text(page.body)).toContain('红山区社区服务中心');
    expect(text(page.body)).toMatch(/¥146,800\.00\s*（壹拾肆万陆仟捌佰元整）/);
    expectReadable(page.body);
  });

  it('is never kept by a cache: the code in the address is a secret', async () => {
    const notice = noticeOf('A');
    const query = new URLSearchParams({ number: notice.number, code: notice.verificationCode });

    const response = await w.app.request(`/procurement-notices/verify?${query}`, {
      headers: { accept: 'text/html' },
    });

    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('says so when nothing matches, and shows only the form when nothing was typed', async () => {
    const wrong = await verify({ number: noticeOf('A').number, code: 'AAAAAAAAAA' });
    const empty = await verify({});
    const english = await verify(
      { number: noticeOf('C').number, code: noticeOf('C').verificationCode },
      'en',
    );

    expect(text(wrong.body)).toContain('没有找到与这个文号和验证码相符的通知书');
    expect(text(empty.body)).not.toMatch(/真实有效|没有找到/);
    expect(text(english.body)).toContain('This notice is genuine.');
    expect(text(english.body)).toContain('Notice of the procurement result');
  });
});
