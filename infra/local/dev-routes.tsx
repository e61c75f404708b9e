import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { SESSION_COOKIE, unrouted } from '../../functions/http/app.ts';
import { problemResponse } from '../../functions/http/problem.ts';
import type { AdjustableClock } from '../../shared/clock.ts';
import { ValidationError } from '../../shared/errors.ts';
import { negotiateLocale } from '../../shared/i18n.ts';
import type { DevIssuer, DevUser } from './dev-auth.ts';

const ROLE_NAMES: Record<string, string> = { officer: '街道工作人员', judge: '评审专家', resident: '居民' };

/**
 * Local-only routes: the demo sign-in (the same kind of JWT Cognito issues on AWS) and a
 * clock control for moving past deadlines. None of this exists in the CDK stack.
 */
export function createDevRoutes(options: { issuer: DevIssuer; users: DevUser[]; clock: AdjustableClock }) {
  const { issuer, users, clock } = options;
  const app = new Hono();
  app.use(csrf());
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
  app.notFound((c) => problemResponse(c, unrouted(c.req.method, c.req.path), locale(c)));

  app.get('/dev/sign-in', (c) =>
    c.html(
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>演示登录 · 微创投</title>
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
          <h1>演示登录 / Demo sign-in</h1>
          <p>本机演示环境：选择一个身份登录。/ Local demo only: pick who to act as.</p>
          <ul style="list-style: none; padding: 0">
            {users.map((u) => (
              <li style="margin: 0.5rem 0">
                <form method="post" action="/dev/sign-in">
                  <input type="hidden" name="user" value={u.sub} />
                  <button type="submit" style="min-height: 2.75rem; width: 100%; text-align: left">
                    {u.name} · {u.roles.map((r) => ROLE_NAMES[r] ?? r).join('、')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p>
            API:{' '}
            <code>
              curl -X POST -H 'content-type: application/json' -d '{`{"user":"resident-1"}`}' /dev/token
            </code>
          </p>
        </body>
      </html>,
    ),
  );

  app.post('/dev/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const user = find(form.user);
    if (!user) return invalid(c, 'user', 'dev.unknownUser');
    setCookie(c, SESSION_COOKIE, await issuer.sign(user), { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect('/', 303);
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
  app.post('/dev/clock', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { advanceDays?: unknown };
    const days = Number(body.advanceDays);
    if (!Number.isInteger(days) || days < 0 || days > 365)
      return invalid(c, 'advanceDays', 'dev.advanceDays');
    clock.advance(days * 24 * 3600 * 1000);
    return c.json({ now: clock.now().toISOString() });
  });

  return app;
}
