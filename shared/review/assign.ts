import { compareIds } from '../scoring.ts';

/**
 * Automatic judge assignment (评审分配): which judges review which eligible proposals. Pure,
 * no I/O: the caller loads the panel, conflicts and current assignments, then writes back
 * `added` and deletes `removed`.
 *
 * What a plan guarantees:
 * - Never a conflicted pair, never the same judge twice on a proposal.
 * - Existing assignments are kept unless conflicted or their judge or proposal is no longer
 *   listed; an officer's hand-made extras above `perProposal` stay too. Only missing slots
 *   are filled, so a proposal ends with max(kept, min(perProposal, non-conflicted judges)).
 * - `shortfalls` lists exactly the proposals with fewer non-conflicted judges than
 *   `perProposal`, and by how many.
 * - Balance. A judge's load is their kept + new assignments. Among every plan that keeps the
 *   same assignments and fills the same slots, ours has the most even loads there are: no
 *   such plan has a lower highest load or a higher lowest load (and its loads' sum of squares
 *   is the least). So max − min ≤ 1 whenever any plan can reach it, which is always the case
 *   without conflicts and existing assignments; with them the spread is the least possible.
 *   Why: the vectors of new loads that fill every slot are the integer bases of a polymatroid
 *   (Gale–Hoffman supply–demand theorem), and Frank & Murota ("Discrete decreasing
 *   minimization", 2022) show such a base is decreasingly minimal — which also makes it
 *   increasingly maximal — exactly when no single assignment can move from a judge to one
 *   with at least two fewer. One such move is an alternating path (judge → proposal it was
 *   newly given → another judge free for that proposal → …); we apply them until none is left.
 * - Deterministic for the same sets, whatever their order or repeats. Ties are broken by an
 *   FNV-1a hash of proposalId + judgeId (then the ids), not by judge id alone, so the judge
 *   whose id sorts first does not always get the proposals whose ids sort first.
 *
 * Cost: a greedy fill (proposals with the fewest free judges first, each taking its
 * least-loaded free judges) is already balanced without conflicts; the paths then fix what
 * conflicts and existing loads leave. 1,000 proposals × 30 judges plan in milliseconds.
 */
export interface AssignmentPair {
  proposalId: string;
  judgeId: string;
}

export interface AssignmentPlanInput {
  /** Eligible proposals. */
  proposalIds: readonly string[];
  /** The contest's panel. */
  judgeIds: readonly string[];
  /** Judges each proposal should get (the contest's minJudges). */
  perProposal: number;
  /** Never assign these pairs. */
  conflicts: readonly AssignmentPair[];
  /** Assignments already made: kept unless conflicted or their judge/proposal is no longer listed. */
  existing: readonly AssignmentPair[];
}

export interface AssignmentPlan {
  /** The complete resulting set (kept + new), sorted by proposalId then judgeId. */
  assignments: AssignmentPair[];
  /** New ones, same order. */
  added: AssignmentPair[];
  /** Existing ones dropped (conflicted, or judge/proposal gone), same order. */
  removed: AssignmentPair[];
  /** Proposals that could not get perProposal judges (too few non-conflicted judges), by proposalId. */
  shortfalls: { proposalId: string; missing: number }[];
}

export function comparePairs(a: AssignmentPair, b: AssignmentPair): number {
  return compareIds(a.proposalId, b.proposalId) || compareIds(a.judgeId, b.judgeId);
}

/** 32-bit FNV-1a: a cheap, stable spread for tie-breaks (not for security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function uniqueSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(compareIds);
}

// The state of one (proposal, judge) cell.
const FREE = 0; // may be assigned
const CONFLICT = 1;
const KEPT = 2; // an existing assignment: never moved
const NEW = 3; // assigned by this plan: may move to another free judge

export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const { perProposal } = input;
  if (!Number.isSafeInteger(perProposal) || perProposal < 0) {
    throw new RangeError('perProposal must be a whole number of judges, 0 or more');
  }
  const proposals = uniqueSorted(input.proposalIds);
  const judges = uniqueSorted(input.judgeIds);
  const proposalIndex = new Map(proposals.map((id, index) => [id, index]));
  const judgeIndex = new Map(judges.map((id, index) => [id, index]));
  const m = judges.length;
  const state = new Uint8Array(proposals.length * m);
  const load = new Int32Array(m);

  for (const { proposalId, judgeId } of input.conflicts) {
    const p = proposalIndex.get(proposalId);
    const j = judgeIndex.get(judgeId);
    if (p !== undefined && j !== undefined) state[p * m + j] = CONFLICT;
  }

  const removed: AssignmentPair[] = [];
  for (const pair of input.existing) {
    const p = proposalIndex.get(pair.proposalId);
    const j = judgeIndex.get(pair.judgeId);
    if (p === undefined || j === undefined || state[p * m + j] === CONFLICT) {
      removed.push({ proposalId: pair.proposalId, judgeId: pair.judgeId });
    } else if (state[p * m + j] !== KEPT) {
      state[p * m + j] = KEPT;
      load[j]!++;
    }
  }

  // Greedy fill. Proposals with the fewest free judges go first, while those judges still
  // have room to be the least loaded; each proposal takes its least-loaded free judges.
  const free: number[][] = proposals.map(() => []);
  const demand = new Int32Array(proposals.length);
  const shortfalls: AssignmentPlan['shortfalls'] = [];
  for (let p = 0; p < proposals.length; p++) {
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const cell = state[p * m + j];
      if (cell === FREE) free[p]!.push(j);
      else if (cell === KEPT) kept++;
    }
    const available = kept + free[p]!.length;
    if (available < perProposal)
      shortfalls.push({ proposalId: proposals[p]!, missing: perProposal - available });
    demand[p] = Math.min(Math.max(0, perProposal - kept), free[p]!.length);
  }
  const proposalHash = proposals.map((id) => fnv1a(id));
  const order = proposals
    .map((_, p) => p)
    .sort(
      (a, b) =>
        free[a]!.length - free[b]!.length ||
        proposalHash[a]! - proposalHash[b]! ||
        compareIds(proposals[a]!, proposals[b]!),
    );
  for (const p of order) {
    if (demand[p] === 0) continue;
    const tie = new Map(free[p]!.map((j) => [j, fnv1a(`${proposals[p]}\u0000${judges[j]}`)]));
    const chosen = [...free[p]!]
      .sort((a, b) => load[a]! - load[b]! || tie.get(a)! - tie.get(b)! || a - b)
      .slice(0, demand[p]);
    for (const j of chosen) {
      state[p * m + j] = NEW;
      load[j]!++;
    }
  }

  rebalance({ proposalCount: proposals.length, m, state, load, order });

  const assignments: AssignmentPair[] = [];
  const added: AssignmentPair[] = [];
  for (let p = 0; p < proposals.length; p++) {
    for (let j = 0; j < m; j++) {
      const cell = state[p * m + j];
      if (cell !== KEPT && cell !== NEW) continue;
      const pair = { proposalId: proposals[p]!, judgeId: judges[j]! };
      assignments.push(pair);
      if (cell === NEW) added.push({ ...pair });
    }
  }
  removed.sort(comparePairs);
  return {
    assignments,
    added,
    removed: removed.filter((pair, i) => i === 0 || comparePairs(removed[i - 1]!, pair) !== 0),
    shortfalls,
  };
}

interface Grid {
  proposalCount: number;
  m: number;
  state: Uint8Array;
  load: Int32Array;
  /** Proposals in greedy order: where a move looks for a proposal to go through first. */
  order: readonly number[];
}

/**
 * Moves single assignments along alternating paths from a judge to one with at least two
 * fewer, until no such path exists; then the loads are decreasingly minimal (see the top of
 * the file). Each move lowers the sum of squared loads by at least 2, so this ends.
 */
function rebalance({ proposalCount, m, state, load, order }: Grid): void {
  // movable[a * m + b]: proposals where a holds a new assignment and b is free, i.e. where
  // a could hand one assignment to b. Kept up to date cell by cell.
  const movable = new Int32Array(m * m);
  const countCell = (p: number, j: number, sign: 1 | -1) => {
    const cell = state[p * m + j];
    for (let other = 0; other < m; other++) {
      const otherCell = state[p * m + other];
      if (cell === NEW && otherCell === FREE) movable[j * m + other]! += sign;
      else if (cell === FREE && otherCell === NEW) movable[other * m + j]! += sign;
    }
  };
  const setCell = (p: number, j: number, value: number) => {
    countCell(p, j, -1);
    state[p * m + j] = value;
    countCell(p, j, 1);
  };
  for (let p = 0; p < proposalCount; p++) {
    for (let a = 0; a < m; a++) {
      if (state[p * m + a] !== NEW) continue;
      for (let b = 0; b < m; b++) if (state[p * m + b] === FREE) movable[a * m + b]!++;
    }
  }

  const parent = new Int32Array(m);
  const queue = new Int32Array(m);
  // The path from a judge to a reachable judge with at least two fewer, lowest load first.
  const findPath = (): number[] | undefined => {
    const minLoad = Math.min(...load);
    const sources = [...load.keys()].sort((a, b) => load[b]! - load[a]! || a - b);
    for (const source of sources) {
      if (load[source]! - minLoad < 2) return undefined;
      parent.fill(-1);
      parent[source] = source;
      let head = 0;
      let tail = 0;
      queue[tail++] = source;
      let best = -1;
      while (head < tail) {
        const a = queue[head++]!;
        if (a !== source && (best === -1 || load[a]! < load[best]!)) best = a;
        for (let b = 0; b < m; b++) {
          if (parent[b] === -1 && movable[a * m + b]! > 0) {
            parent[b] = a;
            queue[tail++] = b;
          }
        }
      }
      if (best !== -1 && load[best]! <= load[source]! - 2) {
        const path = [best];
        while (path[0] !== source) path.unshift(parent[path[0]!]!);
        return path;
      }
    }
    return undefined;
  };

  for (let path = findPath(); path; path = findPath()) {
    for (let step = 1; step < path.length; step++) {
      const from = path[step - 1]!;
      const to = path[step]!;
      // The proposal that let `from` hand over to `to` when the path was found still does:
      // earlier steps never touch `to`, and only ever make `from` new, never free.
      const p = order.find((q) => state[q * m + from] === NEW && state[q * m + to] === FREE);
      if (p === undefined) throw new Error('assignment rebalance lost its path');
      setCell(p, from, FREE);
      setCell(p, to, NEW);
    }
    load[path[0]!]!--;
    load[path.at(-1)!]!++;
  }
}
