import fc from 'fast-check';
import { expect } from 'vitest';
import { call } from './http.ts';

/** A refused request: a 4xx problem+json with a title and a detail, never a 5xx. */
export function expectProblem(response: { status: number; headers: Headers; body: any }, status?: number) {
  if (status !== undefined) expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({
    status: response.status,
    title: expect.any(String),
    detail: expect.any(String),
  });
}

/** Values that are wrong in the ways clients get things wrong. */
export const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.string({ maxLength: 5 }),
  fc.string({ minLength: 20_001, maxLength: 20_050 }),
  fc.constantFrom('𠮷'.repeat(3000), '\u0000', '<script>alert(1)</script>', '1e3', '-0'),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** A valid body with one field replaced by a hostile value, or one unknown field added. */
export function mutated(valid: Record<string, unknown>) {
  const fields = Object.keys(valid);
  return fc.oneof(
    fc
      .record({ field: fc.constantFrom(...fields), value: hostile })
      .map(({ field, value }) => ({ ...valid, [field]: value })),
    fc
      .record({
        field: fc.string({ minLength: 1, maxLength: 10 }).filter((f) => !fields.includes(f)),
        value: fc.jsonValue(),
      })
      .map(({ field, value }) => ({ ...valid, [field]: value })),
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  );
}

/** If-Match values no item can satisfy: stale, malformed or oversized, never empty or `*`. */
export const STALE_IF_MATCH = [
  '"999"',
  'W/"999"',
  '"999", "998"',
  '"abc"',
  '999',
  '"',
  ',,,',
  `"${'9'.repeat(40)}"`,
  `"999", ${'"998", '.repeat(300)}"997"`,
];

/**
 * Conditional headers that are stale, malformed or oversized; none names a version the
 * fuzzed items can have, so with them a write must still change nothing.
 */
export const hostileConditions = fc.record({
  'if-match': fc.constantFrom(...STALE_IF_MATCH, '', '*, "1"', '"1" "2"'),
  'if-none-match': fc.constantFrom('"999"', '*', 'W/"1"', 'garbage', ''),
});

export interface FuzzedRoute {
  method: string;
  path: string;
  token: string | undefined;
  /** A body the route accepts; the fuzzer breaks it one field at a time. */
  valid: Record<string, unknown>;
}

/**
 * Sends generated invalid bodies to each route: never a 5xx, and every refusal is a
 * problem+json that leaves what `snapshot` reads exactly as it was. A stale or malformed
 * If-Match (and If-None-Match) rides along, so a body that happens to be valid still cannot
 * change an existing item.
 */
export async function fuzzRoutes(
  app: Parameters<typeof call>[0],
  routes: readonly FuzzedRoute[],
  snapshot: () => Promise<unknown>,
  numRuns: number,
) {
  const cases = fc
    .constantFrom(...routes)
    .chain((route) => fc.tuple(fc.constant(route), mutated(route.valid), hostileConditions));
  await fc.assert(
    fc.asyncProperty(cases, async ([route, body, headers]) => {
      const before = await snapshot();
      const response = await call(app, route.method, route.path, { token: route.token, body, headers });
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expectProblem(response);
        expect(await snapshot()).toEqual(before);
      } else {
        expect([200, 201]).toContain(response.status);
      }
    }),
    { numRuns, seed: 20261126 },
  );
}
