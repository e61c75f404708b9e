import { TooManyRequestsError } from './errors.ts';
import { ENTITY, keys } from './keys.ts';
import type { UpdateOp } from './transact.ts';

/**
 * Per-principal quotas on writes that hold others up (issue 9): every open objection blocks
 * the lock until an officer answers it, and teams and proposals fill residents' and officers'
 * lists. The one place their limits live. They are hard limits for the life of their scope (a
 * contest, a resident): they do not reset with time.
 */
export const QUOTAS = {
  /** Objections one resident may file on one contest. */
  objections: 5,
  /** Teams one resident may register. */
  teams: 10,
  /** Proposals (drafts included: creating one counts) one team may create in one contest. */
  proposals: 5,
} as const;
export type QuotaName = keyof typeof QUOTAS;

/** Who a counter limits and what it counts, as a key (its own partition, keys.ts). */
const COUNTERS = {
  objections: (residentSub: string, contestId: string) =>
    keys.quota(`USER#${residentSub}`, `objections#${contestId}`),
  teams: (residentSub: string) => keys.quota(`USER#${residentSub}`, 'teams'),
  proposals: (teamId: string, contestId: string) => keys.quota(`TEAM#${teamId}`, `proposals#${contestId}`),
} as const;

/**
 * The operation a write takes its quota with, in the write's own transaction (shared/transact.ts):
 * the counter moves up by one on condition it is below the limit, so parallel writes can never
 * pass it (DynamoDB serialises transactions on one item). Place it after the write's own item,
 * so an idempotent retry of a create that already happened is recognised before the quota.
 * Failure: 429 `quota.<name>` naming the limit, without Retry-After (waiting does not help).
 */
export function takeQuota<N extends QuotaName>(
  name: N,
  ...scope: Parameters<(typeof COUNTERS)[N]>
): UpdateOp {
  const limit = QUOTAS[name];
  const counter = COUNTERS[name] as (...args: typeof scope) => { pk: string; sk: string };
  return {
    kind: 'update',
    key: counter(...scope),
    set: { entityType: ENTITY.quota },
    add: { used: 1 },
    expression: 'attribute_not_exists(#used) OR #used < :limit',
    names: { '#used': 'used' },
    values: { ':limit': limit },
    explain: () => new TooManyRequestsError(`quota.${name}`, undefined, { limit }),
  };
}
