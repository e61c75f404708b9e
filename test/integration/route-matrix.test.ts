import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteName, type RouteSpec, routeTable } from '../../functions/route-table.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import {
  buildMatrixWorld,
  MATRIX_ACTORS,
  type MatrixActor,
  type MatrixPhase,
  type MatrixWorld,
} from '../support/matrix-world.ts';
import {
  EXPECTATIONS,
  expectedStatus,
  type MatrixCase,
  sendAs,
  sentTo,
} from '../support/route-expectations.ts';

/**
 * The authorization matrix, generated from the route table: every route (API and page) × every
 * person in `MATRIX_ACTORS`, with object-level cases (another team's proposal, another office's
 * contest, a judge not assigned or conflicted). A route without an entry in EXPECTATIONS fails
 * the first test, which says what to add.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** A read-only case shares its phase's world with the others; a write gets a world of its own. */
const shared = new Map<MatrixPhase, Promise<MatrixWorld>>();
const worldFor = (spec: RouteSpec, phase: MatrixPhase) => {
  if (spec.method !== 'get') return buildMatrixWorld(h, phase);
  if (!shared.has(phase)) shared.set(phase, buildMatrixWorld(h, phase));
  return shared.get(phase)!;
};

describe('the authorization matrix, generated from the route table', () => {
  it('has expectations for every route in the route table', () => {
    const missing = Object.keys(routeTable).filter((name) => !(name in EXPECTATIONS));
    expect(
      missing,
      `Add to EXPECTATIONS in test/integration/route-matrix.test.ts, for each route listed, ` +
        `{ phase, request: (w) => ({ path, body | form }), expect: { <actor>: <status> } } ` +
        `(actors not named are refused: 401 / 303 for anonymous, 403 for the rest)`,
    ).toEqual([]);
  });

  for (const [name, cases] of Object.entries(EXPECTATIONS) as [RouteName, MatrixCase[]][]) {
    const spec: RouteSpec = routeTable[name];
    for (const x of cases) {
      const row = MATRIX_ACTORS.filter((actor) => sentTo(spec, x, actor))
        .map((actor) => `${actor} ${expectedStatus(spec, x, actor)}`)
        .join(', ');
      it(`${spec.method.toUpperCase()} ${spec.path}${x.label ? ` (${x.label})` : ''}: ${row}`, async () => {
        const w = await worldFor(spec, x.phase);
        // Refusals first: they must change nothing, so the allowed ones still find the world as built.
        const order = MATRIX_ACTORS.filter((actor) => sentTo(spec, x, actor)).sort(
          (a, b) => Number(expectedStatus(spec, x, a) < 400) - Number(expectedStatus(spec, x, b) < 400),
        );
        const seen: Partial<Record<MatrixActor, number>> = {};
        const wanted: Partial<Record<MatrixActor, number>> = {};
        const bodies: string[] = [];
        for (const actor of order) {
          const response = await sendAs(w, h.deps.secret, spec, actor, x.request(w));
          seen[actor] = response.status;
          wanted[actor] = expectedStatus(spec, x, actor);
          if (response.status !== wanted[actor])
            bodies.push(`${actor}: ${JSON.stringify(response.body).slice(0, 300)}`);
          if (spec.kind === 'api' && response.status >= 400)
            expect(response.headers.get('content-type')).toContain('application/problem+json');
        }
        expect(seen, bodies.join('\n')).toEqual(wanted);
      });
    }
  }
});
