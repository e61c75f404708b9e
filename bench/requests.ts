import { type RouteName, type RouteSpec, routeTable } from '../functions/route-table.ts';
import { startDynamoDbLocal } from '../infra/local/engine.ts';
import { createHarness } from '../test/support/harness.ts';
import { buildMatrixWorld, type MatrixPhase, type MatrixWorld } from '../test/support/matrix-world.ts';
import { countedDb } from '../test/support/request-counter.ts';
import { EXPECTATIONS, permittedActor, sendAs } from '../test/support/route-expectations.ts';

/** The goal of issue 12: a sheet save or submit and a proposal submit make at most two requests. */
const GOALS: Partial<Record<RouteName, number>> = { saveSheet: 2, submitSheet: 2, submitProposal: 2 };

/** The client's command names (the middleware sits on the low-level client). */
const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/** What one permitted call of a route costs in DynamoDB, measured on DynamoDB Local. */
export interface RouteMeasure {
  name: RouteName;
  spec: RouteSpec;
  status: number;
  reads: number;
  total: number;
  byCommand: [string, number][];
  readUnits: number;
  writeUnits: number;
}

/**
 * Sends each route's permitted request (the one the route matrix makes,
 * test/support/route-expectations.ts) once, as the permitted person, and counts its DynamoDB
 * requests and capacity units with a client middleware.
 */
export async function measureRoutes(): Promise<RouteMeasure[]> {
  const engine = await startDynamoDbLocal();
  try {
    const plain = await createHarness(engine.endpoint);
    const { count, db } = countedDb(plain.tableName, engine.endpoint);
    const h = { ...plain, deps: { ...plain.deps, db } };
    const reads = new Map<MatrixPhase, MatrixWorld>();
    const measures: RouteMeasure[] = [];
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
      measures.push({
        name,
        spec,
        status: response.status,
        reads: byCommand.filter(([c]) => READS.has(c)).reduce((a, [, n]) => a + n, 0),
        total: count.total(),
        byCommand,
        readUnits: count.units.read,
        writeUnits: count.units.write,
      });
    }
    return measures;
  } finally {
    await engine.stop();
  }
}

/** DynamoDB requests per API call, for every route of the route table (see measureRoutes). */
export async function benchRequests() {
  const rows: string[][] = [];
  const over: string[] = [];
  for (const m of await measureRoutes()) {
    const goal = GOALS[m.name];
    const flag =
      goal !== undefined && m.total > goal ? `over the goal of ${goal}` : goal ? `goal ≤ ${goal} met` : '';
    if (goal !== undefined && m.total > goal) over.push(`${m.name} ${m.total}`);
    rows.push([
      `${m.spec.method.toUpperCase()} ${m.spec.path}`,
      String(m.status),
      String(m.reads),
      String(m.total - m.reads),
      String(m.total),
      m.byCommand.map(([c, n]) => `${c.replace(/Command$/, '')}×${n}`).join(' '),
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
}
