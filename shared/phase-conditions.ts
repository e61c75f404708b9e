import type { Key } from './db.ts';
import { PreconditionFailedError } from './errors.ts';
import type { CheckOp, UpdateOp } from './transact.ts';
import type { IfMatch } from './versioned.ts';

/**
 * The transaction conditions of a process's lifecycle (a contest, a procurement), by the key of
 * the process item: its `status` in a set of phases, as a ConditionCheck for child writes or as
 * the conditional update of a transition. Each lifecycle module (shared/contest/lifecycle.ts,
 * shared/procurement/lifecycle.ts) binds these to its own key, phases and refusal.
 */

type Old = Record<string, unknown> | undefined;

/** The condition `status IN (…)`, as ConditionExpression parts. */
export function statusIn(statuses: readonly string[]) {
  const values: Record<string, string> = {};
  statuses.forEach((status, i) => {
    values[`:phase${i}`] = status;
  });
  return {
    expression: `#phase IN (${Object.keys(values).join(', ')})`,
    names: { '#phase': 'status' },
    values,
  };
}

/** A further condition on the process item, and what its failure means. */
export interface ProcessCondition {
  expression: string;
  values: Record<string, unknown>;
  explain: (old: Record<string, unknown>) => Error | undefined;
}

/**
 * The ConditionCheck a child write carries: the process item at `key` is in one of `phases` (and
 * under `extra`). A failure is what `explainPhase` says from the item as it was (the wrong
 * phase), or what `extra` explains when the phase was right.
 */
export function phaseCheckOn(
  key: Key,
  phases: readonly string[],
  explainPhase: (old: Old) => Error,
  extra?: ProcessCondition,
): CheckOp {
  const phase = statusIn(phases);
  return {
    kind: 'check',
    key,
    expression: extra ? `${phase.expression} AND ${extra.expression}` : phase.expression,
    names: phase.names,
    values: { ...phase.values, ...extra?.values },
    explain: (old) => {
      if (old && phases.includes(String(old.status)) && extra) return extra.explain(old) ?? explainPhase(old);
      return explainPhase(old);
    },
  };
}

/**
 * The process item's conditional update for a transition: status moves from one of `from` (at
 * the version read, when the caller sent If-Match, and under `extra`) to `to`, with the fields
 * the transition records, and the version moves on. It is the commit point of the transition's
 * transaction. Failures: 412 on a stale version, what `extra` explains, else `explainPhase`.
 */
export function transitionUpdateOn(
  key: Key,
  process: { version: number },
  from: readonly string[],
  to: string,
  now: string,
  explainPhase: (old: Old) => Error,
  options: {
    fields?: Record<string, unknown>;
    expectedVersion?: IfMatch | undefined;
    extra?: ProcessCondition | undefined;
  } = {},
): UpdateOp {
  const phase = statusIn(from);
  const { expectedVersion, extra } = options;
  const parts = [
    phase.expression,
    expectedVersion === undefined ? '' : 'version = :readVersion',
    extra ? `(${extra.expression})` : '',
  ].filter(Boolean);
  return {
    kind: 'update',
    key,
    set: { ...options.fields, status: to, updatedAt: now },
    add: { version: 1 },
    expression: parts.join(' AND '),
    names: phase.names,
    values: {
      ...phase.values,
      ...(expectedVersion === undefined ? {} : { ':readVersion': process.version }),
      ...extra?.values,
    },
    explain: (old) => {
      if (!old || !from.includes(String(old.status))) return explainPhase(old);
      if (expectedVersion !== undefined && old.version !== process.version)
        return new PreconditionFailedError('precondition.failed');
      return extra?.explain(old) ?? explainPhase(old);
    },
  };
}

/**
 * For child writes that change what a later decision reads (a sheet, a conflict, an objection):
 * the phase condition as an update that moves a counter on the process item by `by`, so a
 * decision that read before this write and commits on the counter cannot commit after it.
 */
export function revisionBumpOn(
  key: Key,
  phases: readonly string[],
  counter: string,
  explainPhase: (old: Old) => Error,
  by = 1,
): UpdateOp {
  const phase = statusIn(phases);
  return {
    kind: 'update',
    key,
    add: { [counter]: by },
    expression: phase.expression,
    names: phase.names,
    values: phase.values,
    explain: explainPhase,
  };
}

/** The condition a decision commits on: the revision counter is still what it read. */
export function sameRevision(
  counter: string,
  read: number | undefined,
  explain: () => Error,
): ProcessCondition {
  const revision = read ?? 0;
  return {
    expression:
      revision === 0 ? `attribute_not_exists(${counter}) OR ${counter} = :rev` : `${counter} = :rev`,
    values: { ':rev': revision },
    explain,
  };
}
