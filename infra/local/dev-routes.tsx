/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { type AppEnv, SESSION_COOKIE, unrouted } from '../../functions/http/app.ts';
import { problemResponse } from '../../functions/http/problem.ts';
import { CountField } from '../../functions/ui/components.tsx';
import { errorPage, renderPage, wantsPage } from '../../functions/ui/error-page.tsx';
import { dateTime } from '../../functions/ui/format.ts';
import { pageLocale, safeNext } from '../../functions/ui/session.ts';
import { commonTexts } from '../../functions/ui/texts.ts';
import type { AdjustableClock } from '../../shared/clock.ts';
import { ValidationError } from '../../shared/errors.ts';
import { type Locale, negotiateLocale } from '../../shared/i18n.ts';
import type { DevIssuer, DevUser } from './dev-auth.ts';

const SIGN_IN_TEXT = {
  'zh-CN': {
    title: '演示登录',
    lead: '本机演示环境：选择一个身份登录，不需要密码。部署到 AWS 后，这里换成正式的统一登录。',
    what: {
      resident: '登记团队、填写和提交申报书、在公示期提出异议、查看和打印通知书。',
      judge: '查看分配给自己的项目（匿名），填写评分表。',
      officer: '设置和发布大赛、资格审查、分配评审、排名、组包、公示、锁定、发通知。',
    },
    signInAs: (name: string) => `以“${name}”登录`,
    clock: '演示时钟',
    clockLead: (now: string) =>
      `服务器现在是 ${now}。要走过截止时间和公示期，不必等待：把时钟向前拨几天（只在本机演示中有）。`,
    days: '向前拨的天数',
    advance: '拨动时钟',
  },
  en: {
    title: 'Demo sign-in',
    lead: 'Local demo: pick who to act as; no password. On AWS this is the hosted sign-in instead.',
    what: {
      resident:
        'Register a team, write and submit proposals, object during publicity, read and print notices.',
      judge: 'Read the proposals assigned to you (blind) and fill in score sheets.',
      officer:
        'Set up and open contests, screen, assign judges, rank, build the bundle, publish, lock, issue notices.',
    },
    signInAs: (name: string) => `Sign in as ${name}`,
    clock: 'Demo clock',
    clockLead: (now: string) =>
      `The server's time is ${now}. To pass deadlines and publicity without waiting, move the clock forward (local demo only).`,
    days: 'Days to move forward',
    advance: 'Move the clock',
  },
} satisfies Record<Locale, unknown>;

/**
 * Local-only routes: the demo sign-in page (the same kind of JWT Cognito issues on AWS) and a
 * clock control for moving past deadlines. None of this exists in the CDK stack.
 */
export function createDevRoutes(options: { issuer: DevIssuer; users: DevUser[]; clock: AdjustableClock }) {
  const { issuer, users, clock } = options;
  const app = new Hono<AppEnv>();
  app.use(csrf());
  app.use(async (c, next) => {
    c.set('principal', undefined);
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.set('locale', pageLocale(c));
    await next();
  });
  const find = (sub: unknown) => users.find((u) => u.sub === sub);
  const locale = (c: Context) => negotiateLocale(c.req.header('accept-language'));
  const invalid = (c: Context, path: string, message: 'dev.unknownUser' | 'dev.advanceDays') =>
    problemResponse(
      c,
      new ValidationError('validation.failed', {}, [
        { path, message, params: { users: users.map((u) => u.sub).join(', ') } },
      ]),
      locale(c),
    );
  app.onError((error, c) => problemResponse(c, error, locale(c)));
  app.notFound((c) =>
    wantsPage(c)
      ? errorPage(c, unrouted(c.req.method, c.req.path))
      : problemResponse(c, unrouted(c.req.method, c.req.path), locale(c)),
  );

  app.get('/dev/sign-in', (c) => {
    const locale = c.get('locale');
    const text = SIGN_IN_TEXT[locale];
    const roles = commonTexts[locale].roles;
    const next = safeNext(c.req.query('next'));
    return renderPage(
      c,
      text.title,
      <>
        <h1>{text.title}</h1>
        <p class="lead">{text.lead}</p>
        {(['resident', 'judge', 'officer'] as const).map((role) => (
          <section aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`}>{roles[role]}</h2>
            <p class="muted">{text.what[role]}</p>
            <ul class="cards">
              {users
                .filter((u) => u.roles.includes(role))
                .map((u) => (
                  <li>
                    <form method="post" action="/dev/sign-in" class="card actions">
                      <input type="hidden" name="user" value={u.sub} />
                      <input type="hidden" name="next" value={next} />
                      <button type="submit">{text.signInAs(u.name)}</button>
                    </form>
                  </li>
                ))}
            </ul>
          </section>
        ))}
        <section aria-labelledby="clock">
          <h2 id="clock">{text.clock}</h2>
          <p class="muted">{text.clockLead(dateTime(clock.now().toISOString(), locale))}</p>
          <form method="post" action="/dev/clock" class="card stack">
            <input type="hidden" name="next" value={next} />
            <CountField name="advanceDays" label={text.days} value="1" required />
            <div class="actions">
              <button type="submit" class="secondary">
                {text.advance}
              </button>
            </div>
          </form>
        </section>
      </>,
    );
  });

  app.post('/dev/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const user = find(form.user);
    if (!user) return invalid(c, 'user', 'dev.unknownUser');
    setCookie(c, SESSION_COOKIE, await issuer.sign(user), { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect(safeNext(typeof form.next === 'string' ? form.next : undefined), 303);
  });

  app.post('/dev/sign-out', (c) => {
    setCookie(c, SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 0 });
    return c.redirect('/', 303);
  });

  app.get('/dev/users', (c) => c.json(users));

  app.post('/dev/token', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { user?: unknown };
    const user = find(body.user);
    if (!user) return invalid(c, 'user', 'dev.unknownUser');
    return c.json({ token: await issuer.sign(user), user });
  });

  app.get('/dev/clock', (c) => c.json({ now: clock.now().toISOString() }));
  // JSON for scripts and tests; the sign-in page's form posts here too and comes back to it.
  app.post('/dev/clock', async (c) => {
    const fromPage = (c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
    const body = (fromPage ? await c.req.parseBody() : await c.req.json().catch(() => ({}))) as {
      advanceDays?: unknown;
      next?: unknown;
    };
    const typed = typeof body.advanceDays === 'string' ? body.advanceDays.trim() : body.advanceDays;
    const days = typed === '' ? Number.NaN : Number(typed);
    if (!Number.isInteger(days) || days < 0 || days > 365)
      return invalid(c, 'advanceDays', 'dev.advanceDays');
    clock.advance(days * 24 * 3600 * 1000);
    if (fromPage) {
      const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
      return c.redirect(`/dev/sign-in?${new URLSearchParams({ next })}#clock`, 303);
    }
    return c.json({ now: clock.now().toISOString() });
  });

  return app;
}
