import { sealPendingTrails } from '../../shared/audit-log.ts';
import type { Deps } from '../../shared/deps.ts';

/**
 * What the schedule runs: seals every trail with entries not yet chained (shared/audit-log.ts),
 * so the delay until an entry is chained is bounded by the schedule even when nobody reads,
 * verifies or publishes. Idempotent: a run that finds nothing writes nothing. Logs one line.
 */
export function scheduledSealer(deps: Pick<Deps, 'db' | 'clock'>) {
  return async (): Promise<{ sealed: number }> => {
    const trails = await sealPendingTrails(deps);
    console.log(JSON.stringify({ level: 'info', message: 'audit sealed', trails: trails.length }));
    return { sealed: trails.length };
  };
}
