import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../functions/http/app.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { commonTexts } from '../../functions/ui/texts.ts';
import { readPublicity } from '../../shared/bundle/actions.ts';
import { formatBeijing } from '../../shared/clock.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { pageText } from '../support/page-client.ts';
import { browserSession, fieldError } from '../support/pages.ts';
import { DAY_MS } from '../support/world.ts';

let h: Harness;
let w: ScoredWorld;
let submissions: ReturnType<typeof createSubmissionsApp>;
let portal: ReturnType<typeof createPortalApp>;

const page = (
  app: typeof portal,
  path: string,
  headers: Record<string, string> = {},
  lang?: 'zh-CN' | 'en',
) => call<string>(app, 'GET', path, { headers: { accept: 'text/html', ...headers }, lang: lang ?? 'zh-CN' });

/** What a page must never show: fen, ISO-UTC times, internal status identifiers. */
function expectPeoplesUnits(html: string) {
  const text = html.replace(/<[^>]*>/g, ' ');
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  // Status and reason codes (English words in an English page are fine; codes are not).
  expect(text).not.toMatch(/\b(rank-fill|not-funded|not-selected|trimmed-mean|elderly|xitun)\b/);
  if (/<html lang="zh-CN">/.test(html)) expect(text).not.toMatch(/\b(publicity|screening|locked|awarded)\b/);
  expect(text).not.toMatch(/\b\d{6,}\b(?!\.)/);
}

beforeAll(async () => {
  h = await createHarness();
  // Six eligible proposals of 6,000 yuan; 20,000 yuan funds three.
  w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000 } });
  submissions = createSubmissionsApp(w.deps);
  portal = createPortalApp(w.deps);
});

describe('the contest page, phase by phase', () => {
  it('shows the call during review in people’s units, with the rubric, the names and today on the timeline', async () => {
    const res = await page(submissions, `/contests/${w.contestId}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(res.body).toContain('西屯街道第一届社区公益微创投大赛');
    expect(res.body).toContain('¥20,000.00');
    expect(res.body).toContain('¥15,000.00');
    expect(res.body).toContain('为老服务、青少年成长');
    expect(res.body).toContain('西屯社区、北城社区');
    expect(res.body).toContain('需求契合度');
    expect(res.body).toContain('评审中');
    expect(res.body).toMatch(/<li class="now" aria-current="date">今天/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expectPeoplesUnits(res.body);
  });

  it('shows the proposed bundle during publicity with amounts, reasons, the budget left and how to object', async () => {
    const published = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/publish`, {
      token: w.tokens.officer,
    });
    expect(published.status).toBe(200);

    const res = await page(submissions, `/contests/${w.contestId}`);

    expect(res.body).toContain('入围名单公示');
    expect(res.body).toContain('项目0');
    expect(res.body).toContain('¥6,000.00');
    expect(res.body).toContain('已用 ¥18,000.00 / ¥20,000.00');
    expect(res.body).toContain('剩余 ¥2,000.00');
    expect(res.body).toContain('轮到本项目时剩余预算 ¥2,000.00，不足以支持');
    expect(res.body).toContain('提出异议');
    expectPeoplesUnits(res.body);
  });

  it('lets a resident object on a page during publicity; others are sent to sign in or refused', async () => {
    const path = `/contests/${w.contestId}/objections/new`;
    const resident = browserSession(w.shortlisting, w.tokens.resident);
    const form = await resident.get(path);
    const anonymous = await browserSession(w.shortlisting).get(path);
    const judge = await browserSession(w.shortlisting, w.tokens.judges[0]).get(path);

    const empty = await resident.post(path, { proposalId: '', text: '' });
    const key = /name="key" value="([^"]+)"/.exec(empty.html)?.[1];
    const sent = { proposalId: w.proposalIds[1]!, text: '该项目与去年的项目重复', key: key! };
    const filed = await resident.post(path, sent);
    // The same form sent again later, from another tab (no repeated-post cookie): filed once.
    const again = browserSession(w.shortlisting, w.tokens.resident);
    await again.get(path);
    const twice = await again.post(path, sent);
    const objections = await call(w.shortlisting, 'GET', `/api/contests/${w.contestId}/objections`, {
      token: w.tokens.officer,
    });

    expect(form.status).toBe(200);
    expect(form.html).toContain('项目1');
    expect(anonymous.status).toBe(303);
    expect(judge.status).toBe(403);
    expect(empty.status).toBe(422);
    expect(fieldError(empty.html, 'text')).toBeTruthy();
    expect(filed.status).toBe(303);
    expect(filed.location).toBe(`${path}?done=filed`);
    expect(key).toMatch(/^[\w-]+$/);
    expect(twice.status).toBe(303);
    expect(objections.body.items.filter((o: { text: string }) => o.text === sent.text)).toHaveLength(1);
    const answered = await call(
      w.shortlisting,
      'PUT',
      `/api/contests/${w.contestId}/objections/${objections.body.items[0].id}/answer`,
      { token: w.tokens.officer, body: { answer: '经核实不重复' } },
    );
    expect(answered.status).toBe(200);
  });

  it('refuses an objection after publicity, naming when it ended in Beijing time, with no field to see', async () => {
    const path = `/contests/${w.contestId}/objections/new`;
    const { publicity } = await readPublicity(w.deps, w.contestId);
    w.clock.advance(8 * DAY_MS);
    const sent = { proposalId: w.proposalIds[2]!, text: '公示期过后才看到' };
    const zh = browserSession(w.shortlisting, w.tokens.resident);
    const en = browserSession(w.shortlisting, w.tokens.resident, 'en');
    const closed = await zh.get(path);
    await en.get(path);
    // A tab opened during publicity still posts the form.
    const late = await zh.post(path, sent);
    const lateEn = await en.post(path, sent);
    const alert = (html: string) => /<div class="notice bad" role="alert">([^<]*)<\/div>/.exec(html)?.[1];

    expect(late.status).toBe(422);
    expect(alert(late.html)).toBe(
      `公示期已于 ${formatBeijing(publicity.endsAt, 'zh-CN')} 结束，不再受理异议`,
    );
    expect(late.html).not.toContain(commonTexts['zh-CN'].fixErrors);
    expect(late.html).not.toContain('aria-invalid="true"');
    expect(lateEn.status).toBe(422);
    expect(alert(lateEn.html)).toBe(
      `Publicity ended at ${formatBeijing(publicity.endsAt, 'en')}; objections are closed`,
    );
    expect(lateEn.html).not.toContain(commonTexts.en.fixErrors);
    // The page opened after publicity says objections are closed and offers no form.
    expect(closed.status).toBe(200);
    expect(pageText(closed.html)).toContain(
      `公示期已于 ${formatBeijing(publicity.endsAt, 'zh-CN')} 结束，不再受理异议`,
    );
    expect(closed.html).not.toContain('name="text"');
    expect(late.html).not.toContain('name="text"');
  });

  it('after the lock, offers the canonical text whose SHA-256 is the digest on the page', async () => {
    w.clock.advance(8 * DAY_MS);
    const locked = await call(w.shortlisting, 'POST', `/api/contests/${w.contestId}/lock`, {
      token: w.tokens.officer,
    });
    expect(locked.status).toBe(200);

    const res = await page(submissions, `/contests/${w.contestId}`, {}, 'en');
    const digest = /<dd class="mono" id="digest">([0-9a-f]{64})<\/dd>/.exec(res.body)?.[1];
    const href = /href="(\/api\/contests\/[^"]+\/locked-bundle\.json)"/.exec(res.body)?.[1];
    const download = await w.shortlisting.request(href!);
    const bytes = Buffer.from(await download.arrayBuffer());

    expect(res.body).toContain('The locked bundle');
    expect(res.body).toContain('sha256sum');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="locked-bundle-/);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(digest);
    expect(digest).toBe(locked.body.sha256);
    expectPeoplesUnits(res.body);
  });

  it('after the notices, points to verification, and a notice’s number and code verify on the page', async () => {
    const issued = await call(w.awards, 'POST', `/api/contests/${w.contestId}/notices/issue`, {
      token: w.tokens.officer,
    });
    expect(issued.status).toBe(200);
    const notices = await call(w.awards, 'GET', `/api/contests/${w.contestId}/notices`, {
      token: w.tokens.officer,
    });
    const notice = notices.body.items.find((n: { kind: string }) => n.kind === 'selected');

    const contest = await page(submissions, `/contests/${w.contestId}`);
    const query = new URLSearchParams({ number: notice.number, code: notice.verificationCode.toLowerCase() });
    const verified = await page(w.awards, `/notices/verify?${query}`);
    const wrong = await page(
      w.awards,
      `/notices/verify?${new URLSearchParams({ number: notice.number, code: 'ABCDE12345' })}`,
    );

    expect(contest.body).toContain('href="/notices/verify"');
    expect(contest.body).toMatch(/审计记录链完整：共 \d+ 条记录/);
    expect(verified.status).toBe(200);
    expect(verified.body).toContain('这份通知书真实有效。');
    expect(verified.body).toContain(notice.number);
    expect(verified.body).toContain('¥6,000.00');
    expect(verified.body).toContain(notice.bundleSha256);
    expect(wrong.body).toContain('没有找到与这个文号和验证码相符的通知书');
    expect(wrong.body).not.toContain('真实有效');
  });

  it('lists a resident’s notices on their page, each linking to its printable page', async () => {
    const mine = await browserSession(w.awards, w.tokens.resident).get('/me/notices');
    const judge = await browserSession(w.awards, w.tokens.judges[0]).get('/me/notices');

    expect(mine.status).toBe(200);
    expect(mine.html).toContain('我的通知书');
    expect(mine.html).toMatch(new RegExp(`href="/notices/${w.contestId}/[0-9A-Z]+"`));
    expect(judge.status).toBe(403);
  });

  it('prints notices with a verification line that opens the verification page', async () => {
    const notices = await call(w.awards, 'GET', `/api/contests/${w.contestId}/notices`, {
      token: w.tokens.officer,
    });
    const notice = notices.body.items[0];

    const printed = await call<string>(w.awards, 'GET', `/notices/${w.contestId}/${notice.proposalId}`, {
      token: w.tokens.officer,
    });

    expect(printed.body).toContain('http://localhost/notices/verify');
    expect(printed.body).not.toContain('/api/notices/verify');
  });
});

describe('every page', () => {
  it('answers an unknown contest with a readable 404 page in the reader’s language', async () => {
    const zh = await page(submissions, '/contests/NOPE0000000000000000000000');
    const en = await page(submissions, '/contests/NOPE0000000000000000000000', {}, 'en');
    const malformed = await page(submissions, '/contests/not%20an%20id');

    expect(zh.status).toBe(404);
    expect(zh.headers.get('content-type')).toMatch(/^text\/html/);
    expect(zh.body).toContain('找不到页面');
    expect(en.body).toMatch(/<html lang="en">/);
    expect(malformed.status).toBe(404);
  });

  it('keeps the language the reader switched to on the next page, and the switch link keeps the page', async () => {
    const switched = await page(portal, '/?lang=en');
    const cookie = switched.headers.get('set-cookie')!.split(';')[0]!;
    const next = await page(submissions, `/contests/${w.contestId}`, { cookie }, 'zh-CN');

    expect(switched.body).toMatch(/<html lang="en">/);
    expect(cookie).toBe('mv_lang=en');
    expect(next.body).toMatch(/<html lang="en">/);
    expect(next.body).toContain(`href="/contests/${w.contestId}?lang=zh-CN"`);
  });

  it('signs out a person whose session cookie is broken or expired instead of failing the page', async () => {
    const broken = await page(portal, '/', { cookie: `${SESSION_COOKIE}=not-a-jwt` });

    expect(broken.status).toBe(200);
    expect(broken.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(broken.body).toContain('>登录</a>');
  });

  it('shows the signed-in person and role, and signs out only with the form token from our own page', async () => {
    const cookie = `${SESSION_COOKIE}=${w.tokens.resident}`;
    const home = await page(portal, '/', { cookie });
    const token = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1];
    const post = (body: string, headers: Record<string, string> = {}) =>
      portal.request('/sign-out', {
        method: 'POST',
        body,
        headers: {
          cookie,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
          ...headers,
        },
      });

    const withoutToken = await post('');
    const forged = await post(`_csrf=${token}`, { origin: 'https://evil.example' });
    const signedOut = await post(`_csrf=${token}`);

    expect(home.body).toContain('居民0（居民）');
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.text()).toContain('页面已过期');
    expect(forged.status).toBe(403);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/');
    expect(signedOut.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
  });

  it('sends sign-in to the demo page locally, coming back to a local path only', async () => {
    const local = await portal.request('/sign-in?next=%2Fcontests%2Fx');
    const offsite = await portal.request('/sign-in?next=%2F%2Fevil.example');

    expect(local.status).toBe(303);
    expect(local.headers.get('location')).toBe('/dev/sign-in?next=%2Fcontests%2Fx');
    expect(offsite.headers.get('location')).toBe('/dev/sign-in?next=%2F');
  });
});
