import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../shared/i18n.ts';
import { getProcurement } from '../../shared/procurement/store.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectReadable, fieldError, pageClient, pageText as rawText } from '../support/page-client.ts';
import { buildProcurementWorld, type ProcurementWorld } from '../support/procurement-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const home = '/panel';
const procurementPage = (w: ProcurementWorld) => `/panel/${w.procurementId}`;
const sheetPage = (w: ProcurementWorld, letter: string) => `/panel/${w.procurementId}/${w.teams[letter]}`;
/** A member's typed sheet: the worked example's points as people type them. */
const typed = (scores: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(scores).map(([code, hundredths]) => [`scores.${code}`, String(hundredths / 100)]),
  );
const member = async (w: ProcurementWorld, n: number, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  pageClient(await w.tokenFor(w.members[n]!), lang);
/** What a person reads, spaces collapsed. */
const pageText = (html: string) => rawText(html).replace(/\s+/g, ' ');
const CODES = ['service-plan', 'unregistered', 'no-final-quotation', 'evaluation', 'technical'];

describe('a panel member’s procurements', () => {
  it('lists the procurements a member sits on, from the announcement, with the phase by name', async () => {
    const w = await buildProcurementWorld(h, 'bidding', { noBids: true });

    const mine = await (await member(w, 0)).get(w.app, home);
    const outsider = await pageClient(w.tokens.otherJudge).get(w.app, home);

    expect(mine.status).toBe(200);
    expect(pageText(mine.body)).toContain('西屯街道居家养老服务项目');
    expect(pageText(mine.body)).toContain('递交响应文件');
    expect(mine.body).toContain(`href="${procurementPage(w)}"`);
    expectReadable(mine.body, CODES);
    expect(outsider.status).toBe(200);
    expect(pageText(outsider.body)).toContain('你还没有被列入任何采购项目的磋商小组。');
  });

  it('shows nothing of the bids before they are opened: only the deadline they are sealed until', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const client = await member(w, 0);
    const { biddingDeadline } = (await getProcurement(w.deps.db, w.procurementId))!;

    const page = await client.get(w.app, procurementPage(w));
    const sheet = await client.get(w.app, sheetPage(w, 'A'));
    const outsider = await pageClient(w.tokens.otherJudge).get(w.app, procurementPage(w));

    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain(
      t('zh-CN', 'procurement.bidsSealed', { deadline: biddingDeadline }),
    );
    expect(pageText(page.body)).not.toMatch(/红山|夕阳红|弘益/);
    expect(sheet.status).toBe(409);
    expect(pageText(sheet.body)).not.toMatch(/红山|夕阳红|弘益/);
    expect(outsider.status).toBe(403);
  });
});

describe('scoring a bid', () => {
  it('checks the typed points, asks to confirm the total without writing, then submits the sheet in one write', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const client = await member(w, 0);
    const sheet = w.example.sheets.find((s) => s.letter === 'A' && s.member === 'm1')!;
    const before = await w.snapshot();

    const form = await client.get(w.app, sheetPage(w, 'A'));
    const notPoints = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'submit',
      ...typed(sheet.scores),
      'scores.service-plan': '二十',
    });
    const overMax = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'submit',
      ...typed(sheet.scores),
      'scores.service-plan': '31',
    });
    const incomplete = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'submit',
      ...typed(sheet.scores),
      'scores.management': '',
    });
    const confirm = await client.post(w.app, sheetPage(w, 'A'), { do: 'submit', ...typed(sheet.scores) });
    const unchanged = await w.snapshot();
    const submitted = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'confirm-submit',
      confirmed: 'yes',
      ...typed(sheet.scores),
    });
    const after = await client.get(w.app, sheetPage(w, 'A'));
    const list = await client.get(w.app, `${procurementPage(w)}?done=submitted`);
    // Back to the form, other scores typed and confirmed again: refused, the submitted ones shown.
    const again = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'confirm-submit',
      confirmed: 'yes',
      ...typed(sheet.scores),
      'scores.service-plan': '1',
    });
    const unknown = await client.post(w.app, sheetPage(w, 'A'), { do: 'publish', ...typed(sheet.scores) });

    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('红山区社区服务中心的服务方案');
    expect(pageText(form.body)).toMatch(/技术评分项[\s\S]*服务方案[\s\S]*商务评分项[\s\S]*类似项目业绩/);
    expect(pageText(form.body)).toContain('得分（满分 30.00 分）');
    expectReadable(form.body, CODES);
    expect([notPoints.status, overMax.status, incomplete.status]).toEqual([422, 422, 422]);
    expect(fieldError(notPoints.body, 'scores.service-plan')).toBe('请填写分数，例如 22.5');
    expect(fieldError(overMax.body, 'scores.service-plan')).toMatch(/30/);
    expect(fieldError(incomplete.body, 'scores.management')).toBeTruthy();
    expect(confirm.status).toBe(200);
    expect(pageText(confirm.body)).toContain('确认提交评分');
    expect(pageText(confirm.body)).toMatch(/总分\s*70\.00/);
    expect(unchanged).toEqual(before);
    expect(submitted.status).toBe(303);
    expect(submitted.location).toBe(`${procurementPage(w)}?done=submitted`);
    expect(pageText(after.body)).toContain('评分已提交，不能修改。');
    expect(pageText(after.body)).toMatch(/总分\s*70\.00/);
    expect(again.status).toBe(422);
    expect(pageText(again.body)).toMatch(/总分\s*70\.00/);
    expect(again.body).not.toMatch(/>1(\.00)? \/ 30\.00/);
    expect(unknown.status).toBe(400);
    expect(pageText(list.body)).toContain('1 / 3 已提交');
    expect(pageText(list.body)).toContain(
      '夕阳红助老志愿队 · 无效响应，不评分（不是依法登记的社会组织（无登记证书编号））',
    );
    expectReadable(list.body, CODES);
  });

  it('saves a draft in parts, shown only to its member and not counted, then submits it at the version read', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const client = await member(w, 0);
    const sheet = w.example.sheets.find((s) => s.letter === 'A' && s.member === 'm1')!;
    await client.get(w.app, sheetPage(w, 'A'));

    const saved = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'save',
      version: '0',
      ...typed(sheet.scores),
      'scores.management': '',
    });
    const draft = await client.get(w.app, saved.location!);
    const list = await client.get(w.app, procurementPage(w));
    const other = await (await member(w, 1)).get(w.app, sheetPage(w, 'A'));
    // Two tabs read at version 1: the first save wins, the second is told the sheet changed.
    await client.post(w.app, sheetPage(w, 'A'), { do: 'save', version: '1', ...typed(sheet.scores) });
    const stale = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'save',
      version: '1',
      ...typed(sheet.scores),
    });
    const confirm = await client.post(w.app, sheetPage(w, 'A'), { do: 'submit', ...typed(sheet.scores) });
    const submitted = await client.post(w.app, sheetPage(w, 'A'), {
      do: 'confirm-submit',
      confirmed: 'yes',
      version: '2',
      ...typed(sheet.scores),
    });
    const after = await client.get(w.app, sheetPage(w, 'A'));
    const { items } = await w.snapshot();

    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${sheetPage(w, 'A')}?done=saved`);
    expect(pageText(draft.body)).toContain('草稿已保存：只有你自己看得到，提交后才计入评分。');
    expect(draft.body).toMatch(/name="scores\.service-plan"[^>]*value="[0-9.]+"/);
    expect(draft.body).toMatch(/name="scores\.management"[^>]*value=""/);
    expect(draft.body).toContain('保存草稿');
    expect(pageText(list.body)).toContain('红山区社区服务中心 · 草稿，未提交');
    expect(pageText(list.body)).toContain('0 / 3 已提交');
    expect(other.body).toMatch(/name="scores\.service-plan"[^>]*value=""/);
    expect(stale.status).toBe(422);
    expect(pageText(stale.body)).toMatch(/修改|变化|刷新/);
    expect(confirm.body).toMatch(/name="version"[^>]*value="2"/);
    expect(submitted.status).toBe(303);
    expect(pageText(after.body)).toContain('评分已提交，不能修改。');
    const stored = items.filter((item) => item.entityType === 'bid-sheet');
    expect(stored).toEqual([expect.objectContaining({ status: 'submitted', version: 3 })]);
  });

  it('is blind: another member sees an empty sheet, and nobody else’s total', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const first = await member(w, 0);
    const sheet = w.example.sheets.find((s) => s.letter === 'A' && s.member === 'm1')!;
    await first.get(w.app, sheetPage(w, 'A'));
    await first.post(w.app, sheetPage(w, 'A'), {
      do: 'confirm-submit',
      confirmed: 'yes',
      ...typed(sheet.scores),
    });

    const second = await (await member(w, 1)).get(w.app, sheetPage(w, 'A'));
    const list = await (await member(w, 1)).get(w.app, procurementPage(w));

    expect(second.status).toBe(200);
    expect(pageText(second.body)).not.toContain('70.00');
    expect(second.body).toMatch(/name="scores\.service-plan"[^>]*value=""/);
    expect(pageText(list.body)).toContain('0 / 3 已提交');
  });

  it('lets a member declare a conflict with a supplier, who then drops out of their sheets', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const client = await member(w, 1);
    await client.get(w.app, sheetPage(w, 'C'));

    const empty = await client.post(w.app, sheetPage(w, 'C'), { do: 'conflict', reason: ' ' });
    const asked = await client.post(w.app, sheetPage(w, 'C'), { do: 'conflict', reason: '曾在该机构任职' });
    const before = await client.get(w.app, procurementPage(w));
    const declared = await client.post(w.app, sheetPage(w, 'C'), {
      do: 'conflict',
      reason: '曾在该机构任职',
      confirmed: 'yes',
    });
    const list = await client.get(w.app, procurementPage(w));
    const sheet = await client.get(w.app, sheetPage(w, 'C'));
    const scoring = await client.post(w.app, sheetPage(w, 'C'), {
      do: 'confirm-submit',
      confirmed: 'yes',
      ...typed(w.example.sheets[0]!.scores),
    });

    expect(empty.status).toBe(422);
    expect(fieldError(empty.body, 'reason')).toBeTruthy();
    // Nothing is recorded until the member confirms: the declaration cannot be withdrawn.
    expect(asked.status).toBe(200);
    expect(pageText(asked.body)).toContain('申报后你将回避，不再为它评分；申报不能撤回。');
    expect(asked.body).toContain('确认申报并回避');
    expect(asked.body.indexOf('确认申报并回避')).toBeLessThan(asked.body.indexOf('的服务方案'));
    expect(pageText(before.body)).toContain('0 / 3 已提交');
    expect(declared.status).toBe(303);
    expect(pageText(list.body)).toContain('赤峰弘益社会组织服务中心 · 已申报冲突，回避');
    expect(pageText(list.body)).toContain('0 / 2 已提交');
    expect(pageText(sheet.body)).toContain('你已申报与这家供应商存在利益冲突');
    expect(sheet.body).not.toContain('name="scores.');
    expect(scoring.status).toBe(403);
  });

  it('refuses a forged post, another procurement’s outsider, unknown and malformed ids', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const client = await member(w, 0);
    await client.get(w.app, sheetPage(w, 'A'));

    const forged = await client.post(w.app, sheetPage(w, 'A'), { do: 'submit' }, { withToken: false });
    const outsider = await pageClient(w.tokens.otherJudge).get(w.app, sheetPage(w, 'A'));
    const resident = await pageClient(w.tokens.supplier).get(w.app, sheetPage(w, 'A'));
    const unknownBid = await client.get(w.app, `/panel/${w.procurementId}/01HNOSUCHTEAM0000000000000`);
    const malformed = await client.get(w.app, `/panel/${w.procurementId}/%3Cb%3E`);

    expect(forged.status).toBe(403);
    expect(outsider.status).toBe(403);
    expect(pageText(outsider.body)).toContain('您不是本项目磋商小组的成员');
    expect(resident.status).toBe(403);
    expect([unknownBid.status, malformed.status]).toEqual([404, 404]);
  });

  it('reads in English', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const client = await member(w, 0, 'en');

    const list = await client.get(w.app, procurementPage(w));
    const sheet = await client.get(w.app, sheetPage(w, 'A'));

    expect(list.body).toMatch(/<html lang="en">/);
    expect(pageText(list.body)).toContain('0 / 3 submitted');
    expect(pageText(list.body)).toContain('Not responsive, not scored');
    expect(pageText(sheet.body)).toContain('Score (out of 30.00 points)');
    expect(pageText(sheet.body)).toContain('Technical criteria');
  });
});
