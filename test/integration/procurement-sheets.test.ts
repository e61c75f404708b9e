import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildProcurementWorld, type ProcurementWorld } from '../support/procurement-world.ts';

/*
 * A panel member's procurement sheet has the review panel's life (shared/review/panel.ts), over
 * HTTP against DynamoDB Local: drafts that are the member's own, a final submission, and the
 * officer's reopening with a reason, before the recommendation only, on the record.
 */

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const base = (w: ProcurementWorld) => `/api/procurements/${w.procurementId}`;
const sheetPath = (w: ProcurementWorld, letter = 'A') => `${base(w)}/bids/${w.teams[letter]}/sheet`;
const reopenPath = (w: ProcurementWorld, member = 0, letter = 'A') =>
  `${base(w)}/bids/${w.teams[letter]}/sheets/${w.members[member]!.sub}/reopen`;

/** A refusal with `status`, the cause named, and nothing written to the procurement or its trail. */
async function refused(
  w: ProcurementWorld,
  method: string,
  path: string,
  options: Parameters<typeof call>[3],
  status: number,
  detail: RegExp,
) {
  const before = await w.snapshot();
  const response = await call(w.app, method, path, options);
  expectProblem(response, status);
  expect(`${response.body.detail} ${JSON.stringify(response.body.errors ?? [])}`).toMatch(detail);
  expect(await w.snapshot()).toEqual(before);
  return response;
}

const actions = async (w: ProcurementWorld, action: string) =>
  (await w.snapshot()).audit.filter((entry) => entry.action === action);

describe('a panel member’s procurement sheet: drafts, submission, the officer’s reopening', () => {
  it('keeps a draft the member’s own: saved in parts, unseen and uncounted, then submitted', async () => {
    // Prepare
    const w = await buildProcurementWorld(h, 'evaluation');
    const token = w.tokens.panelJudge;
    const { staffing: _later, ...part } = w.example.sheets[0]!.scores;
    // Act: a draft without one criterion yet
    const created = await call(w.app, 'PUT', sheetPath(w), { token, body: { scores: part } });
    // Assess
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ status: 'draft', version: 1, reopenings: [] });
    expect(created.body.submittedAt).toBeUndefined();
    const other = await call(w.app, 'GET', `${base(w)}/sheets/mine`, {
      token: await w.tokenFor(w.members[1]!),
    });
    expect(other.body.items).toEqual([]);
    const office = await call(w.app, 'GET', `${base(w)}/sheets`, { token: w.tokens.officer });
    expect(office.body.items).toEqual([
      expect.objectContaining({ judgeId: w.members[0]!.sub, status: 'draft', scores: {}, total: 0 }),
    ]);
    const evaluation = await call(w.app, 'GET', `${base(w)}/evaluation`, { token: w.tokens.officer });
    expect(evaluation.body.missingSheets).toHaveLength(9);
    // An incomplete draft is not submitted.
    await refused(w, 'POST', `${sheetPath(w)}/submit`, { token }, 422, /Give a score/);
    const saved = await call(w.app, 'PUT', sheetPath(w), {
      token,
      body: { scores: w.example.sheets[0]!.scores },
      headers: { 'if-match': '"1"' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    // Submitting without a body submits the stored draft.
    const submitted = await call(w.app, 'POST', `${sheetPath(w)}/submit`, {
      token,
      headers: { 'if-match': '"2"' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 3, total: saved.body.total });
    expect(submitted.body.submittedAt).toBe(w.clock.now().toISOString());
    const after = await call(w.app, 'GET', `${base(w)}/evaluation`, { token: w.tokens.officer });
    expect(after.body.missingSheets).toHaveLength(8);
    expect((await actions(w, 'sheet.save')).length).toBe(2);
    expect((await actions(w, 'sheet.submit')).length).toBe(1);
  });

  it('refuses a stale If-Match (412) and a member saving or submitting after submission (409)', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const token = w.tokens.panelJudge;
    const scores = w.example.sheets[0]!.scores;
    // An If-Match names a version; before the first save there is none (RFC 9110 §13.1.1).
    for (const tag of ['"1"', '*'])
      await refused(
        w,
        'PUT',
        sheetPath(w),
        { token, body: { scores }, headers: { 'if-match': tag } },
        412,
        /changed/i,
      );
    expect((await call(w.app, 'PUT', sheetPath(w), { token, body: { scores } })).status).toBe(201);
    expect(
      (await call(w.app, 'PUT', sheetPath(w), { token, body: { scores }, headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(200);
    await refused(
      w,
      'PUT',
      sheetPath(w),
      { token, body: { scores }, headers: { 'if-match': '"1"' } },
      412,
      /changed/i,
    );
    await refused(
      w,
      'POST',
      `${sheetPath(w)}/submit`,
      { token, headers: { 'if-match': '"1"' } },
      412,
      /changed/i,
    );
    expect((await call(w.app, 'POST', `${sheetPath(w)}/submit`, { token })).status).toBe(200);
    await refused(w, 'PUT', sheetPath(w), { token, body: { scores } }, 409, /already submitted.*reopen/);
    await refused(
      w,
      'PUT',
      sheetPath(w),
      { token, body: { scores }, lang: 'zh-CN' },
      409,
      /已提交.*重新开启/,
    );
    await refused(w, 'POST', `${sheetPath(w)}/submit`, { token }, 409, /already submitted/);
  });

  it('takes one of two concurrent submits of one sheet; the other is told it is submitted', async () => {
    const w = await buildProcurementWorld(h, 'evaluation');
    const token = w.tokens.panelJudge;
    const body = { scores: w.example.sheets[0]!.scores };
    const first = await Promise.all([
      call(w.app, 'POST', `${sheetPath(w)}/submit`, { token, body }),
      call(w.app, 'POST', `${sheetPath(w)}/submit`, { token, body }),
    ]);
    expect(first.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(first.find((r) => r.status === 409)!.body.code).toBe('procurement.sheetSubmitted');
    // And on a stored draft: both read version 1, one commits.
    const b = sheetPath(w, 'B');
    expect((await call(w.app, 'PUT', b, { token, body })).status).toBe(201);
    const second = await Promise.all([
      call(w.app, 'POST', `${b}/submit`, { token }),
      call(w.app, 'POST', `${b}/submit`, { token }),
    ]);
    expect(second.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(second.find((r) => r.status === 409)!.body.code).toBe('procurement.sheetSubmitted');
    expect((await actions(w, 'sheet.submit')).length).toBe(2);
    const mine = await call(w.app, 'GET', `${base(w)}/sheets/mine`, { token });
    expect(mine.body.items.map((s: { status: string }) => s.status)).toEqual(['submitted', 'submitted']);
  });

  it('lets the officer reopen a submitted sheet with a reason, on the sheet and in the trail', async () => {
    // Prepare: every sheet in
    const w = await buildProcurementWorld(h, 'scored');
    const officer = w.tokens.officer;
    const reason = '服务方案评分与响应文件不符，请核对后重新提交';
    // Act
    const reopened = await call(w.app, 'POST', reopenPath(w), {
      token: officer,
      body: { reason },
      headers: { 'if-match': '"1"' },
    });
    // Assess
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'draft',
      version: 2,
      reopenings: [{ by: w.users.officer.sub, at: w.clock.now().toISOString(), reason }],
    });
    expect(reopened.body.submittedAt).toBeUndefined();
    const [entry] = await actions(w, 'sheet.reopen');
    expect(entry).toMatchObject({ actor: w.users.officer.sub, subject: w.teams.A });
    expect(JSON.stringify(entry)).toContain(reason);
    // The reopened sheet no longer counts: the recommendation waits for it.
    await refused(w, 'POST', `${base(w)}/recommend`, { token: officer }, 409, /1 sheets are still missing/);
    // Its member corrects and submits it; the reopening stays on it.
    const token = w.tokens.panelJudge;
    const again = await call(w.app, 'POST', `${sheetPath(w)}/submit`, {
      token,
      body: { scores: w.example.sheets[0]!.scores },
      headers: { 'if-match': '"2"' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', version: 3, reopenings: [{ reason }] });
    expect((await call(w.app, 'POST', `${base(w)}/recommend`, { token: officer })).status).toBe(200);
  });

  it('refuses a reopening without a reason, of a draft, with a stale If-Match, by others, and after the recommendation', async () => {
    const w = await buildProcurementWorld(h, 'scored');
    const officer = w.tokens.officer;
    const reason = '请核对';
    await refused(w, 'POST', reopenPath(w), { token: officer, body: {} }, 422, /reason/i);
    await refused(
      w,
      'POST',
      reopenPath(w),
      { token: officer, body: { reason: ' \u3000\u200b' } },
      422,
      /visible/,
    );
    await refused(
      w,
      'POST',
      reopenPath(w),
      { token: officer, body: { reason }, headers: { 'if-match': '"7"' } },
      412,
      /changed/i,
    );
    for (const token of [w.tokens.otherOfficer, w.tokens.panelJudge, w.tokens.supplier])
      await refused(w, 'POST', reopenPath(w), { token, body: { reason } }, 403, /./);
    expect((await call(w.app, 'POST', reopenPath(w), { token: officer, body: { reason } })).status).toBe(200);
    await refused(w, 'POST', reopenPath(w), { token: officer, body: { reason } }, 409, /not been submitted/);
    await refused(
      w,
      'POST',
      reopenPath(w),
      { token: officer, body: { reason }, lang: 'zh-CN' },
      409,
      /尚未提交/,
    );
    await refused(
      w,
      'POST',
      `${base(w)}/bids/${w.teams.C}/sheets/${w.users.otherJudge.sub}/reopen`,
      { token: officer, body: { reason } },
      404,
      /not found/i,
    );
    const recommended = await buildProcurementWorld(h, 'recommended');
    await refused(
      recommended,
      'POST',
      reopenPath(recommended),
      { token: recommended.tokens.officer, body: { reason } },
      409,
      /recommended/i,
    );
  });
});
