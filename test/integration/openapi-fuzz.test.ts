import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/http/app.ts';
import { type RouteName, routeTable } from '../../functions/route-table.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { STALE_IF_MATCH } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import {
  buildMatrixWorld,
  MATRIX_ACTORS,
  type MatrixPhase,
  type MatrixWorld,
} from '../support/matrix-world.ts';
import { EXPECTATIONS, expectedStatus } from '../support/route-expectations.ts';
import { invalidObject, type JsonSchema } from '../support/schema-fuzz.ts';

/**
 * Bad input generated from the OpenAPI document: every operation it lists gets requests that
 * are wrong in the ways clients get them wrong, built from the operation's own schemas. At
 * least 10,000 per run; not one 5xx; every write refused with a problem+json; and the table,
 * read back item by item, exactly as it was.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = 20261201;
const CONCURRENCY = 8;

interface Operation {
  name: RouteName;
  method: string;
  template: string;
  parameters: { in: string; name: string }[];
  body?: JsonSchema;
}

interface FuzzRequest {
  name: RouteName;
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Conditional headers no item can match: stale, malformed or oversized. */
const BAD_IF_MATCH = [...STALE_IF_MATCH, 'W/'];
const BAD_IDS = ['01J00000000000000000000000', 'nope', '..', '%00', '%F0%A0%AE%B7', 'a'.repeat(65), '%2F'];
const BAD_QUERY = ['-1', '0', 'abc', '1e9', '1.5', '99999999999', '', '%00', 'x'.repeat(3000)];
const BROKEN_JSON = ['{', '{"a":', '[1,', 'nul', '{"x": 1}}', "{'a': 1}", '\u0000', '{"a":1,}'];
const NOT_OBJECTS = ['null', '1', '"text"', '[]', 'true', '[{}]'];
const WRONG_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
];
const NOT_SERVED_HERE: RouteName[] = ['hostedSignIn', 'signInCallback'];
const LANGUAGES = ['zh-CN', 'en', 'fr', '*', 'zh-CN;q=abc', ''];

function operationsOf(document: any): Operation[] {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries<any>(document.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      out.push({
        name: op.operationId,
        method: method.toUpperCase(),
        template,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

/** The request a permitted person makes (from the route matrix), and who makes it. */
function baseOf(name: RouteName) {
  for (const x of EXPECTATIONS[name] ?? []) {
    const spec = routeTable[name];
    const actor = MATRIX_ACTORS.find((a) => {
      const status = expectedStatus(spec, x, a);
      return status >= 200 && status < 300;
    });
    if (actor) return { phase: x.phase, actor, request: x.request };
  }
  return undefined;
}

/** Every way of getting one operation wrong, as requests a client could send. */
function badRequests(
  op: Operation,
  _w: MatrixWorld,
  token: string | undefined,
  valid: { path: string; body?: unknown },
) {
  const [pathOnly, query = ''] = valid.path.split('?');
  const segments = pathOnly!.split('/');
  const slots = op.template
    .split('/')
    .map((segment, i) => (segment.startsWith('{') ? i : -1))
    .filter((i) => i >= 0);
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const request = (
    kind: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): FuzzRequest => ({
    name: op.name,
    kind,
    method: op.method,
    path,
    headers: { ...auth, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const json = { 'content-type': 'application/json' };
  const validBody = valid.body === undefined ? undefined : JSON.stringify(valid.body);
  const withLanguage = (arb: fc.Arbitrary<FuzzRequest>) =>
    fc
      .tuple(arb, fc.constantFrom(...LANGUAGES))
      .map(([r, lang]) => ({ ...r, headers: { ...r.headers, 'accept-language': lang } }));
  const options: fc.Arbitrary<FuzzRequest>[] = [];
  const hasIfMatch = op.parameters.some((p) => p.in === 'header' && p.name === 'if-match');
  const isRead = op.method === 'GET';

  // A path parameter that names nothing or is malformed. A write changes only its first one (the
  // contest, team or office), so an invented id can never name a new item (a judge, say).
  const targets = isRead ? slots : slots.slice(0, 1);
  if (targets.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...targets), fc.constantFrom(...BAD_IDS)).map(([slot, id]) => {
        const path = segments.map((s, i) => (i === slot ? id : s)).join('/');
        return request(
          'path parameter',
          `${path}${query ? `?${query}` : ''}`,
          validBody ? json : {},
          validBody,
        );
      }),
    );
  }
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  if (queryNames.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...queryNames), fc.constantFrom(...BAD_QUERY)).map(([name, value]) => {
        const params = new URLSearchParams(query);
        params.set(name, value);
        return request('query parameter', `${pathOnly}?${params}`, {});
      }),
    );
  }
  if (isRead) {
    options.push(
      fc
        .constantFrom(...BAD_IF_MATCH, '*', 'garbage', 'W/"1"')
        .map((value) => request('If-None-Match', valid.path, { 'if-none-match': value })),
    );
  }
  if (hasIfMatch) {
    options.push(
      fc
        .constantFrom(...BAD_IF_MATCH)
        .map((value) =>
          request('If-Match', valid.path, { ...json, 'if-match': value }, validBody ?? undefined),
        ),
    );
  }
  if (op.body) {
    const broken = invalidObject(op.body, (valid.body ?? {}) as Record<string, unknown>);
    if (broken) {
      options.push(broken.map((body) => request('schema', valid.path, json, JSON.stringify(body))));
    }
    options.push(
      fc.constantFrom(...BROKEN_JSON).map((text) => request('broken JSON', valid.path, json, text)),
    );
    options.push(
      fc.constantFrom(...NOT_OBJECTS).map((text) => request('not an object', valid.path, json, text)),
    );
    options.push(
      fc
        .constantFrom(...WRONG_TYPES)
        .map((type) => request('content type', valid.path, { 'content-type': type }, validBody ?? '{}')),
    );
    options.push(
      fc
        .constantFrom('x', '𠮷')
        .map((char) =>
          request(
            'oversized',
            valid.path,
            json,
            JSON.stringify({ ...(valid.body as object), pad: char.repeat(MAX_BODY_BYTES) }),
          ),
        ),
    );
  }
  return options.length > 0 ? withLanguage(fc.oneof(...options)) : undefined;
}

/** Every item of the table, in key order: what "nothing was written" is checked against. */
async function everyItem(h: Harness) {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await h.deps.db.doc.send(
      new ScanCommand({ TableName: h.tableName, ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const key = (item: Record<string, unknown>) => `${item.pk}\u0000${item.sk}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('bad input generated from the OpenAPI document', () => {
  it(`sends ${RUNS.toLocaleString('en')} bad requests across every operation: no 5xx, every write refused, nothing written`, {
    timeout: 600_000,
  }, async () => {
    const worlds = new Map<MatrixPhase, MatrixWorld>();
    const worldOf = async (phase: MatrixPhase) => {
      if (!worlds.has(phase)) worlds.set(phase, await buildMatrixWorld(h, phase));
      return worlds.get(phase)!;
    };
    const any = await worldOf('draft');
    const document = (await call(any.app, 'GET', '/api/openapi.json')).body;
    // The hosted sign-in exists only on AWS: here both routes answer 404 to everyone.
    const operations = operationsOf(document).filter((op) => !NOT_SERVED_HERE.includes(op.name));
    const unknown = operations.filter((op) => !baseOf(op.name)).map((op) => op.name);
    expect(unknown, 'operations without a permitted request in test/support/route-expectations.ts').toEqual(
      [],
    );

    const perOperation: fc.Arbitrary<FuzzRequest>[] = [];
    const appOf = new Map<RouteName, MatrixWorld>();
    const fuzzless: string[] = [];
    for (const op of operations) {
      const base = baseOf(op.name)!;
      const w = await worldOf(base.phase);
      appOf.set(op.name, w);
      const arb = badRequests(op, w, w.tokens[base.actor], base.request(w));
      if (arb) perOperation.push(arb);
      else fuzzless.push(op.name);
    }
    expect(fuzzless, 'operations with nothing to get wrong').toEqual([]);
    const requests = fc.sample(fc.oneof(...perOperation), { numRuns: RUNS, seed: SEED });

    // Reading a trail seals its pending entries (the chain's own bounded delay): seal them all
    // first, so what the fuzz may not change is everything.
    for (const w of worlds.values()) await call(w.app, 'GET', `/api/contests/${w.contestId}/audit/verify`);
    const before = await everyItem(h);
    const tally = new Map<string, number>();
    const failures: string[] = [];
    const started = performance.now();
    await inPool(requests, CONCURRENCY, async (r) => {
      const response = await appOf.get(r.name)!.app.request(r.path, {
        method: r.method,
        headers: r.headers,
        ...(r.body === undefined ? {} : { body: r.body }),
      });
      const text = await response.text();
      tally.set(`${r.kind} ${response.status}`, (tally.get(`${r.kind} ${response.status}`) ?? 0) + 1);
      const describe = () =>
        `${r.method} ${r.path.slice(0, 120)} (${r.kind}: ${JSON.stringify(r.headers['if-match'] ?? '')} ${(r.body ?? '').slice(0, 160)}) → ${response.status} ${text.slice(0, 120)}`;
      if (response.status >= 500) failures.push(`5xx: ${describe()}`);
      else if (r.method !== 'GET' && response.status < 400) failures.push(`accepted: ${describe()}`);
      else if (response.status >= 400 && r.path.startsWith('/api/')) {
        const type = response.headers.get('content-type') ?? '';
        const problem = type.includes('application/problem+json') ? JSON.parse(text) : undefined;
        if (!problem?.title || !problem?.detail || problem.status !== response.status)
          failures.push(`not a problem: ${describe()}`);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const after = await everyItem(h);

    console.log(
      `openapi-fuzz: ${requests.length} requests over ${operations.length} operations in ${seconds.toFixed(1)} s ` +
        `(${Math.round(requests.length / seconds)}/s); ${before.length} items before and after\n` +
        [...tally.entries()]
          .sort()
          .map(([k, n]) => `  ${k}: ${n}`)
          .join('\n'),
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(10_000);
    expect(after.length).toBe(before.length);
    const changed = after.filter((item, i) => JSON.stringify(item) !== JSON.stringify(before[i]));
    expect(changed.map((item) => `${item.pk} ${item.sk}`)).toEqual([]);
  });
});
