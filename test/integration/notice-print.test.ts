import { beforeAll, describe, expect, it } from 'vitest';
import { officialDate } from '../../functions/ui/format.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { DAY_MS } from '../support/world.ts';

let w: ScoredWorld;
let notices: { proposalId: string; number: string; verificationCode: string; kind: string }[];
const TRIM_REASON = '宣传物料费用按市场价核减';

beforeAll(async () => {
  // Six proposals of 6,000 yuan and 20,000 yuan: three funded, the fourth trimmed to what is left.
  w = await buildScoredWorld(await createHarness(), { rules: { budgetFen: 2_000_000 } });
  const c = `/api/contests/${w.contestId}`;
  const officer = w.tokens.officer;
  const steps = [
    await call(w.shortlisting, 'PUT', `${c}/bundle/decisions`, {
      token: officer,
      body: { trims: { [w.proposalIds[3]!]: { approvedFen: 200_000, reason: TRIM_REASON } } },
    }),
    await call(w.shortlisting, 'POST', `${c}/publish`, { token: officer }),
  ];
  w.clock.advance(8 * DAY_MS);
  steps.push(await call(w.shortlisting, 'POST', `${c}/lock`, { token: officer }));
  steps.push(await call(w.awards, 'POST', `${c}/notices/issue`, { token: officer }));
  expect(steps.map((s) => s.status)).toEqual([200, 200, 200, 200]);
  notices = (await call(w.awards, 'GET', `${c}/notices`, { token: officer })).body.items;
});

const print = (proposalId: string, lang: 'zh-CN' | 'en', token = w.tokens.officer) =>
  call<string>(w.awards, 'GET', `/notices/${w.contestId}/${proposalId}`, { token, lang });

const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

describe('the printed notice', () => {
  it('is addressed to the team, gives the approved and requested amounts, the trim’s reason and an official date', async () => {
    const notice = notices.find((n) => n.proposalId === w.proposalIds[3])!;
    const issuedOn = officialDate(w.clock.now().toISOString(), 'zh-CN');

    const res = await print(notice.proposalId, 'zh-CN');
    const text = textOf(res.body);

    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(text).toContain('立项通知书');
    expect(text).toContain(`${teamInput.name}：`);
    expect(text).toContain('核定资助金额人民币贰仟元整（¥2,000.00）');
    expect(text).toContain(`你团队的申报金额为¥6,000.00，核定金额有所调整，理由：${TRIM_REASON}。`);
    expect(issuedOn).toMatch(
      /^二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/,
    );
    expect(text).toContain(issuedOn);
    expect(text).not.toMatch(/\d{1,2}:\d{2}/);
    expect(text).toContain(`凭文号“${notice.number}”和验证码 ${notice.verificationCode}`);
    expect(res.body).toContain(
      '<a href="http://localhost/notices/verify">http://localhost/notices/verify</a>',
    );
  });

  it('reads the same in English, with an English date and the 中文 switch keeping the notice', async () => {
    const notice = notices.find((n) => n.proposalId === w.proposalIds[3])!;

    const res = await print(notice.proposalId, 'en');
    const text = textOf(res.body);

    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(text).toContain('Award notice');
    expect(text).toContain(`To ${teamInput.name}:`);
    expect(text).toContain('The approved funding is ¥2,000.00 (in words: 贰仟元整).');
    expect(text).toContain(
      `Your team requested ¥6,000.00; the approved amount differs because: ${TRIM_REASON}.`,
    );
    expect(text).toContain(officialDate(w.clock.now().toISOString(), 'en'));
    expect(officialDate(w.clock.now().toISOString(), 'en')).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(text).not.toMatch(/\d{1,2}:\d{2}|立项通知书|核定/);
    expect(res.body).toContain(`href="/notices/${w.contestId}/${notice.proposalId}?lang=zh-CN"`);
  });

  it('leaves the requested amount out when nothing was cut, and says in words why a proposal was not selected', async () => {
    const funded = await print(w.proposalIds[0]!, 'zh-CN');
    const unfunded = await print(w.proposalIds[4]!, 'zh-CN');
    const unfundedEn = await print(w.proposalIds[4]!, 'en');

    expect(textOf(funded.body)).toContain('核定资助金额人民币陆仟元整（¥6,000.00）');
    expect(textOf(funded.body)).not.toContain('申报金额');
    expect(textOf(unfunded.body)).toContain('评审结果通知书');
    expect(textOf(unfunded.body)).toMatch(/轮到本项目时剩余预算 ¥0\.00，不足以支持，本次未能入围。/);
    expect(textOf(unfundedEn.body)).toContain('it was not selected this time.');
    expect(unfunded.body).not.toMatch(/\b(budget|not-selected)\b/);
  });

  it('goes out gzipped to a browser that takes it', async () => {
    const res = await w.awards.request(`/notices/${w.contestId}/${w.proposalIds[0]}`, {
      headers: { authorization: `Bearer ${w.tokens.officer}`, 'accept-encoding': 'gzip' },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('is a readable page, not JSON, when someone else’s notice is asked for', async () => {
    const res = await print(w.proposalIds[3]!, 'zh-CN', w.tokens.judges[0]);

    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toContain('没有权限');
  });
});
