import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../../functions/portal/app.ts';
import { type RouteSpec, routeTable } from '../../functions/route-table.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { dateTime } from '../../functions/ui/format.ts';
import { newId } from '../../shared/ids.ts';
import { contestInput } from '../support/fixtures.ts';
import { createHarness, type Harness, personas, seedOffices } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildProcurementWorld, procurementInput } from '../support/procurement-world.ts';

let h: Harness;
let portal: ReturnType<typeof createPortalApp>;
let submissions: ReturnType<typeof createSubmissionsApp>;
const office = `office-${newId()}`;
const people = personas(office, `other-${office}`);
let officerToken: string;

beforeAll(async () => {
  h = await createHarness();
  await seedOffices(h, office);
  portal = createPortalApp(h.deps);
  submissions = createSubmissionsApp(h.deps);
  officerToken = await h.tokenFor(people.officer);
});

/** An officer drafts a contest through the submissions API, and opens it unless told not to. */
async function contestTitled(title: string, { open = true } = {}) {
  const created = await call(submissions, 'POST', `/api/offices/${office}/contests`, {
    token: officerToken,
    body: contestInput(h.deps.clock.now(), { title }),
  });
  expect(created.status).toBe(201);
  if (open) {
    const opened = await call(submissions, 'POST', `/api/contests/${created.body.id}/open`, {
      token: officerToken,
    });
    expect(opened.status).toBe(200);
  }
  return created.body as { id: string; submissionDeadline: string };
}

const JS_OR_CSS = /^(text\/javascript|text\/css); charset=utf-8$/;
/** Every API route of every function is in the one API document (pages are not API). */
const documentedRoutes = (Object.entries(routeTable) as [string, RouteSpec][]).filter(
  ([, spec]) => spec.kind === 'api',
);

/** The `src` and `href` URLs a page loads from this app. */
function localUrls(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

describe('the OpenAPI document', () => {
  it('is one OpenAPI 3.1 document with info, servers and the bearer scheme', async () => {
    const res = await call(portal, 'GET', '/api/openapi.json');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.openapi).toMatch(/^3\.1/);
    expect(res.body.info).toMatchObject({ title: '微创投 Micro-Venture API', version: expect.any(String) });
    expect(res.body.servers).toEqual([{ url: '/' }]);
    expect(res.body.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(res.body.components.schemas.Contest).toBeDefined();
  });

  it('describes every route of the submissions and portal functions in the route table', async () => {
    const { body } = await call(portal, 'GET', '/api/openapi.json');

    const missing = documentedRoutes.filter(([, spec]) => !body.paths[spec.path]?.[spec.method]);
    expect(missing.map(([name]) => name)).toEqual([]);
    for (const [name, spec] of documentedRoutes) {
      expect(body.paths[spec.path][spec.method].operationId).toBe(name);
    }
    expect(documentedRoutes.some(([, spec]) => spec.fn === 'portal')).toBe(true);
  });

  it('asks for a bearer token on every route that is not public, and on no public one', async () => {
    const { body } = await call(portal, 'GET', '/api/openapi.json');

    for (const [name, spec] of documentedRoutes) {
      const expected = spec.roles.includes('public') ? [] : [{ bearer: [] }];
      expect({ name, security: body.paths[spec.path][spec.method].security }).toEqual({
        name,
        security: expected,
      });
    }
  });

  it('is served again unchanged, and as 304 to a client that has it', async () => {
    const first = await call(portal, 'GET', '/api/openapi.json');
    const second = await call(portal, 'GET', '/api/openapi.json');
    const revalidated = await call(portal, 'GET', '/api/openapi.json', {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });

    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(revalidated.status).toBe(304);
  });
});

describe('the API docs page', () => {
  it('is HTML that loads Swagger UI from this app and points it at the document', async () => {
    const page = await call(portal, 'GET', '/api/docs');

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="swagger-ui"></div>');
    const urls = localUrls(page.body).map((url) => new URL(url, 'http://x').pathname);
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css']) {
      expect(urls).toContain(`/api/docs/assets/${file}`);
    }
    expect(page.body).not.toMatch(/https?:\/\//);
    // No inline script: the start-up code is a served file, so scripts need only 'self'.
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");

    const init = localUrls(page.body).find((url) => url.includes('docs-init.js'))!;
    const script = await call(portal, 'GET', init);
    expect(script.body).toContain(`url: "${routeTable.openapi.path}"`);
    expect(script.body).toContain('validatorUrl: null');
  });

  it('serves every file the page loads with a JS or CSS type, a validator and a long cache', async () => {
    const page = await call(portal, 'GET', '/api/docs');
    const urls = localUrls(page.body).filter((url) => url.startsWith('/api/docs/assets/'));
    expect(urls.length).toBeGreaterThanOrEqual(4);

    for (const url of urls) {
      const res = await call(portal, 'GET', url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toMatch(JS_OR_CSS);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+"$/);
      expect(String(res.body).length).toBeGreaterThan(0);
    }
    const bundle = await call(portal, 'GET', '/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.body).toContain('SwaggerUIBundle');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('gzips a large file for a client that accepts gzip, and answers 304 to one that has it', async () => {
    const plain = await portal.request('/api/docs/assets/swagger-ui.css');
    const zipped = await portal.request('/api/docs/assets/swagger-ui.css', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    const cached = await portal.request('/api/docs/assets/swagger-ui.css', {
      headers: { 'if-none-match': plain.headers.get('etag')! },
    });

    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/);
    const raw = Buffer.from(await plain.arrayBuffer());
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).equals(raw)).toBe(true);
    expect(cached.status).toBe(304);
  });

  it.each([
    'index.html',
    'package.json',
    'swagger-ui-bundle.js.map',
    'swagger-initializer.js',
    '..%2F..%2Fpackage.json',
  ])('answers 404 problem+json for %s, which is not on the allow-list', async (file) => {
    const res = await call(portal, 'GET', `/api/docs/assets/${file}`);

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'http.notFound' });
  });
});

describe('the home page', () => {
  let opened: { id: string; submissionDeadline: string };
  const openTitle = `西屯街道社区微创投 ${newId()}`;
  const draftTitle = `草稿大赛 ${newId()}`;

  beforeAll(async () => {
    opened = await contestTitled(openTitle);
    await contestTitled(draftTitle, { open: false });
  });

  it('lists a contest an officer opened, in Chinese first, and not a draft', async () => {
    const page = await call(portal, 'GET', '/', { lang: 'zh-CN' });

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(page.body).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(page.body).toContain('<meta name="viewport"');
    expect(page.body).toContain(openTitle);
    expect(page.body).toContain(`${office} 街道办事处`);
    expect(page.body).toContain('征集中');
    expect(page.body).toContain('¥175,000.00');
    expect(page.body).toContain(dateTime(opened.submissionDeadline, 'zh-CN'));
    expect(page.body).toContain(`href="/contests/${opened.id}"`);
    expect(page.body).not.toContain(draftTitle);
  });

  it('lists announced purchases with a link to each announcement, and never a draft', async () => {
    const announced = await buildProcurementWorld(h, 'announced');
    const draft = await buildProcurementWorld(h, 'draft');
    const title = (w: typeof announced) => procurementInput(w.clock.now(), w.panel).title as string;
    const page = await call(createPortalApp(announced.deps), 'GET', '/', { lang: 'zh-CN' });
    expect(page.body).toContain('采购公告');
    expect(page.body).toContain(`href="/procurements/${announced.procurementId}"`);
    expect(page.body).toContain(title(announced));
    expect(page.body).not.toContain(`href="/procurements/${draft.procurementId}"`);
  });

  it('links to the API docs, the OpenAPI document and sign-in, coming back to the page', async () => {
    const page = await call(portal, 'GET', '/', { lang: 'zh-CN' });

    expect(page.body).toContain(`href="${routeTable.apiDocs.path}"`);
    expect(page.body).toContain(`href="${routeTable.openapi.path}"`);
    expect(page.body).toContain('<a href="/sign-in?next=%2F">登录</a>');
  });

  it('switches to English with ?lang=en, and follows Accept-Language without it', async () => {
    const switched = await call(portal, 'GET', '/?lang=en', { lang: 'zh-CN' });
    const negotiated = await call(portal, 'GET', '/', { lang: 'en' });
    const back = await call(portal, 'GET', '/?lang=zh-CN', { lang: 'en' });

    for (const page of [switched, negotiated]) {
      expect(page.body).toMatch(/<html lang="en">/);
      expect(page.headers.get('content-language')).toBe('en');
      expect(page.body).toContain('>Sign in</a>');
      expect(page.body).toContain('Open for proposals');
      expect(page.body).toContain('(Beijing time)');
      expect(page.body).not.toContain('征集中');
    }
    expect(back.body).toMatch(/<html lang="zh-CN">/);
    expect(back.body).toContain('>登录</a>');
  });

  it('escapes a contest title that contains markup', async () => {
    const title = `<script>alert("x")</script> ${newId()}`;
    await contestTitled(title);

    const page = await call(portal, 'GET', '/', { lang: 'zh-CN' });

    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The only script is the portal's own file: nothing inline, nothing from the title.
    expect([...page.body.matchAll(/<script[^>]*>/g)].map(([tag]) => tag)).toEqual([
      expect.stringMatching(/^<script src="\/assets\/ui\.[0-9a-f]{12}\.js" defer(="")?>$/),
    ]);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('serves its stylesheet from this app', async () => {
    const page = await call(portal, 'GET', '/', { lang: 'zh-CN' });
    const stylesheet = localUrls(page.body).find((url) => url.startsWith('/assets/'))!;

    const css = await call(portal, 'GET', stylesheet);
    const unknown = await call(portal, 'GET', '/assets/site.js');

    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.card');
    expect(unknown.status).toBe(404);
  });
});
