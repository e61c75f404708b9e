import { type RouteName, type RouteSpec, routeTable } from '../functions/route-table.ts';
import { LOCAL_CREDENTIALS, LOCAL_TIMEOUTS, startDynamoDbLocal } from '../infra/local/engine.ts';
import { createDb } from '../shared/db.ts';
import { createHarness } from '../test/support/harness.ts';
import { buildMatrixWorld, type MatrixPhase, type MatrixWorld } from '../test/support/matrix-world.ts';
import { EXPECTATIONS, permittedActor, sendAs } from '../test/support/route-expectations.ts';
import { counter } from './ranking.ts';

/** The goal of issue 12: a sheet save or submit and a proposal submit make at most two requests. */
const GOALS: Partial<Record<RouteName, number>> = { saveSheet: 2, submitSheet: 2, submitProposal: 2 };

const READS = new Set([
  'GetItemCommand',
  'GetCommand',
  'QueryCommand',
  'BatchGetCommand',
  'TransactGetCommand',
]);

/**
 * DynamoDB requests per API call, for every route of the route table: each route's permitted
 * request (the one the route matrix makes, test/support/route-expectations.ts) sent once by the
 * permitted person, counted by a client middleware.
 */
export async function benchRequests() {
  const engine = await startDynamoDbLocal();
  try {
    const plain = await createHarness(engine.endpoint);
    const count = counter();
    const db = createDb({
      tableName: plain.tableName,
      region: 'local',
      endpoint: engine.endpoint,
      credentials: LOCAL_CREDENTIALS,
      ...LOCAL_TIMEOUTS,
      instrument: count.instrument,
    });
    const h = { ...plain, deps: { ...plain.deps, db } };
    const reads = new Map<MatrixPhase, MatrixWorld>();
    const rows: string[][] = [];
    const over: string[] = [];
    for (const [name, cases] of Object.entries(EXPECTATIONS) as [
      RouteName,
      NonNullable<(typeof EXPECTATIONS)[RouteName]>,
    ][]) {
      const spec: RouteSpec = routeTable[name];
      const found = cases.map((x) => ({ x, actor: permittedActor(spec, x) })).find((c) => c.actor);
      if (!found?.actor) continue;
      let w = spec.method === 'get' ? reads.get(found.x.phase) : undefined;
      if (!w) {
        w = await buildMatrixWorld(h, found.x.phase);
        if (spec.method === 'get') reads.set(found.x.phase, w);
      }
      count.reset();
      const response = await sendAs(w, h.deps.secret, spec, found.actor, found.x.request(w));
      const byCommand = [...count.counts.entries()];
      const readCount = byCommand.filter(([c]) => READS.has(c)).reduce((a, [, n]) => a + n, 0);
      const total = count.total();
      const goal = GOALS[name];
      const flag =
        goal !== undefined && total > goal ? `over the goal of ${goal}` : goal ? `goal ≤ ${goal} met` : '';
      if (goal !== undefined && total > goal) over.push(`${name} ${total}`);
      rows.push([
        `${spec.method.toUpperCase()} ${spec.path}`,
        String(response.status),
        String(readCount),
        String(total - readCount),
        String(total),
        byCommand.map(([c, n]) => `${c.replace(/Command$/, '')}×${n}`).join(' '),
        flag,
      ]);
    }
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    const lines = [
      `${'route'.padEnd(widths[0]!)}  status  reads  writes  total  by operation`,
      ...rows.map(
        (r) =>
          `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(6)}  ${r[2]!.padStart(5)}  ${r[3]!.padStart(6)}  ${r[4]!.padStart(5)}  ${r[5]}${r[6] ? `  ← ${r[6]}` : ''}`,
      ),
      over.length > 0 ? `above the goal: ${over.join(', ')}` : 'every route with a goal meets it',
    ];
    return { name: `DynamoDB requests per call (${rows.length} routes, one permitted request each)`, lines };
  } finally {
    await engine.stop();
  }
}
