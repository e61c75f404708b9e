import { MAX_FEN } from './money.ts';
import { compareIds, FULL_MARKS } from './scoring.ts';

/**
 * Shortlisting: which ranked proposals a fixed budget funds, and why each other one is not
 * funded. One pure module (no I/O, no clock, no randomness) for the shortlisting function, the
 * publicity page and the lock; docs/shortlisting.md states every rule with a worked example.
 * Money is integer fen, scores integer hundredths; no float ever carries either.
 */

export type ShortlistPolicy = 'rank-fill' | 'rank-strict' | 'max-score';
export const SHORTLIST_POLICY_LIST: readonly ShortlistPolicy[] = ['rank-fill', 'rank-strict', 'max-score'];

export interface Candidate {
  proposalId: string;
  /** 1-based ranking position (rankProposals); only ranked proposals are candidates. */
  rank: number;
  /** Aggregated score, integer hundredths. */
  score: number;
  /** Integer fen. */
  requestedFen: number;
  /** The officer's trimmed amount (≤ requestedFen), used instead of requestedFen when set. */
  approvedFen?: number;
  /** 最低可执行金额: the least it can run on (≤ approved/requested). */
  minViableFen?: number;
  category: string;
  community: string;
}

export interface ShortlistRules {
  policy: ShortlistPolicy;
  budgetFen: number;
  /** Hundredths. */
  minScore?: number;
  /** Counts of selected proposals per category. */
  categoryQuotas?: Record<string, { min?: number; max?: number }>;
  /** Per community, max share of the BUDGET in basis points (3000 = 30%). */
  communityMaxShareBp?: number;
  /** At most one proposal of each group. */
  incompatibleGroups?: readonly (readonly string[])[];
  /** May fund one proposal at less than its amount, down to its minViableFen, from the leftover. */
  partialFunding?: boolean;
  manual?: {
    add?: readonly { proposalId: string; reason: string }[];
    drop?: readonly { proposalId: string; reason: string }[];
  };
}

export type DecisionReason =
  | { code: 'selected' }
  | { code: 'selected-partial'; amountFen: number }
  | { code: 'manual-add'; reason: string }
  | { code: 'manual-drop'; reason: string }
  | { code: 'below-min-score'; minScore: number }
  /** Did not fit: the budget left at that point was leftFen. */
  | { code: 'budget'; leftFen: number }
  /** rank-strict stopped at atProposalId (possibly this proposal), with leftFen left at that point. */
  | { code: 'rank-strict-stopped'; atProposalId: string; leftFen: number }
  | { code: 'category-max'; category: string; max: number }
  | { code: 'community-share'; community: string; capFen: number }
  | { code: 'incompatible'; withProposalId: string }
  /** max-score: the optimal set leaves it out; leftFen is what the bundle leaves (less than its amount). */
  | { code: 'not-in-optimum'; leftFen: number };

export type DecisionGroup = 'selected' | 'not-funded' | 'excluded';

/** How a public results page groups each reason: selected / not funded for lack of money / excluded by rule. */
export const REASON_GROUP: Readonly<Record<DecisionReason['code'], DecisionGroup>> = {
  selected: 'selected',
  'selected-partial': 'selected',
  'manual-add': 'selected',
  budget: 'not-funded',
  'rank-strict-stopped': 'not-funded',
  'not-in-optimum': 'not-funded',
  'manual-drop': 'excluded',
  'below-min-score': 'excluded',
  'category-max': 'excluded',
  'community-share': 'excluded',
  incompatible: 'excluded',
};

export interface Decision {
  proposalId: string;
  rank: number;
  score: number;
  selected: boolean;
  /** The funded amount if selected, else the amount it asked (askedFen). */
  amountFen: number;
  /** What it asked for: approvedFen ?? requestedFen. */
  askedFen: number;
  reason: DecisionReason;
  group: DecisionGroup;
}

export interface ShortlistResult {
  policy: ShortlistPolicy;
  /** Every candidate, in rank order (rank, then proposal id). */
  decisions: Decision[];
  budgetFen: number;
  usedFen: number;
  leftFen: number;
  /** Sum of the selected proposals' scores (a partially funded one counts its whole score). */
  totalScore: number;
  selectedCount: number;
  /** max-score only: the search steps the exact search took (see ShortlistOptions.stepLimit). */
  searchSteps?: number;
}

export type ShortlistInfeasibility =
  | {
      code: 'category-min-unmet';
      category: string;
      min: number;
      possible: number;
      proposalIds: string[];
    }
  | {
      code: 'manual-add-over-budget';
      proposalIds: string[];
      totalFen: number;
      budgetFen: number;
    }
  | { code: 'manual-conflict'; proposalIds: string[] }
  | { code: 'manual-unknown'; proposalIds: string[] }
  | { code: 'approved-above-requested'; proposalIds: string[] }
  | { code: 'min-viable-above-amount'; proposalIds: string[] };

/** The rules cannot be met with these candidates: a 4xx for the officer, naming the cause. */
export class ShortlistInfeasibleError extends Error {
  override name = 'ShortlistInfeasibleError';
  readonly code: ShortlistInfeasibility['code'];
  readonly proposalIds: string[];
  readonly detail: ShortlistInfeasibility;

  constructor(detail: ShortlistInfeasibility) {
    super(`shortlist infeasible: ${detail.code} (${detail.proposalIds.join(', ')})`);
    this.detail = detail;
    this.code = detail.code;
    this.proposalIds = detail.proposalIds;
  }
}

/** A caller handed shortlisting something no validated path can produce: a bug, not user input. */
export class ShortlistInputError extends Error {
  override name = 'ShortlistInputError';
}

/**
 * max-score could not prove its answer optimal within the step limit. Thrown rather than
 * returning a set that might not be the optimum.
 */
export class ShortlistSearchLimitError extends Error {
  override name = 'ShortlistSearchLimitError';
  constructor(readonly steps: number) {
    super(`max-score search stopped after ${steps} steps without proving optimality`);
  }
}

export interface ShortlistOptions {
  /**
   * max-score: search steps allowed before ShortlistSearchLimitError (default DEFAULT_STEP_LIMIT).
   * A step is one child tried, weighted by the variables its bounds scan.
   */
  stepLimit?: number;
}

export const DEFAULT_STEP_LIMIT = 200_000_000;

/** What a candidate asks for: the officer's trimmed amount when set, else the request. */
export function amountOf(candidate: Candidate): number {
  return candidate.approvedFen ?? candidate.requestedFen;
}

/** floor(budget × bp / 10000) in exact integer arithmetic. */
export function communityCapFen(budgetFen: number, bp: number): number {
  const product = budgetFen * bp;
  return (product - (product % 10_000)) / 10_000;
}

// ---------------------------------------------------------------------------------------------
// Validation and setup

function fail(message: string): never {
  throw new ShortlistInputError(message);
}

const isFen = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;

interface Item {
  /** Position in rank order. */
  index: number;
  candidate: Candidate;
  id: string;
  amount: number;
  cat: number;
  com: number;
  /** Indexes of the incompatible groups it belongs to. */
  groups: number[];
}

interface Setup {
  rules: ShortlistRules;
  budget: number;
  items: Item[];
  catNames: string[];
  catMin: number[];
  /** Infinity when the category has no max. */
  catMax: number[];
  comNames: string[];
  /** Infinity when there is no community share rule. */
  comCap: number[];
  groupCount: number;
  manualAdd: Map<string, string>;
  manualDrop: Map<string, string>;
}

function checkRules(rules: ShortlistRules): void {
  if (!SHORTLIST_POLICY_LIST.includes(rules.policy)) fail(`unknown policy ${String(rules.policy)}`);
  if (!isFen(rules.budgetFen)) fail('budgetFen must be a whole number of fen, 0..MAX_FEN');
  if (rules.minScore !== undefined) {
    if (!Number.isSafeInteger(rules.minScore) || rules.minScore < 0 || rules.minScore > FULL_MARKS) {
      fail('minScore must be integer hundredths, 0..FULL_MARKS');
    }
  }
  for (const [category, quota] of Object.entries(rules.categoryQuotas ?? {})) {
    for (const bound of [quota.min, quota.max]) {
      if (bound !== undefined && (!Number.isSafeInteger(bound) || bound < 0)) {
        fail(`the quota of category ${category} must be whole counts ≥ 0`);
      }
    }
  }
  const bp = rules.communityMaxShareBp;
  if (bp !== undefined && (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000)) {
    fail('communityMaxShareBp must be an integer, 0..10000');
  }
  for (const group of rules.incompatibleGroups ?? []) {
    if (!Array.isArray(group) || group.some((id) => typeof id !== 'string')) {
      fail('an incompatible group must be a list of proposal ids');
    }
  }
  for (const entry of [...(rules.manual?.add ?? []), ...(rules.manual?.drop ?? [])]) {
    if (typeof entry.proposalId !== 'string' || typeof entry.reason !== 'string' || !entry.reason.trim()) {
      fail('a manual decision needs a proposal id and a reason');
    }
  }
}

function checkCandidate(candidate: Candidate): void {
  const where = `candidate ${String(candidate.proposalId)}`;
  if (typeof candidate.proposalId !== 'string' || candidate.proposalId === '') fail('a candidate has no id');
  if (!Number.isSafeInteger(candidate.rank) || candidate.rank < 1) fail(`${where} has no rank ≥ 1`);
  if (!Number.isSafeInteger(candidate.score) || candidate.score < 0 || candidate.score > FULL_MARKS) {
    fail(`${where} has an impossible score ${candidate.score}`);
  }
  for (const field of ['requestedFen', 'approvedFen', 'minViableFen'] as const) {
    const value = candidate[field];
    if (value !== undefined && !isFen(value))
      fail(`${where} has ${field} ${value}, not a whole number of fen`);
  }
  if (typeof candidate.category !== 'string' || typeof candidate.community !== 'string') {
    fail(`${where} needs a category and a community`);
  }
}

const byOrder = (items: readonly Item[]) => items.map((item) => item.id);

function setUp(rules: ShortlistRules, candidates: readonly Candidate[]): Setup {
  checkRules(rules);
  const seen = new Set<string>();
  for (const candidate of candidates) {
    checkCandidate(candidate);
    if (seen.has(candidate.proposalId)) fail(`candidate ${candidate.proposalId} is listed twice`);
    seen.add(candidate.proposalId);
  }
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || compareIds(a.proposalId, b.proposalId));

  const aboveRequest = sorted.filter((c) => c.approvedFen !== undefined && c.approvedFen > c.requestedFen);
  if (aboveRequest.length > 0) {
    throw new ShortlistInfeasibleError({
      code: 'approved-above-requested',
      proposalIds: aboveRequest.map((c) => c.proposalId),
    });
  }
  const minAbove = sorted.filter((c) => c.minViableFen !== undefined && c.minViableFen > amountOf(c));
  if (minAbove.length > 0) {
    throw new ShortlistInfeasibleError({
      code: 'min-viable-above-amount',
      proposalIds: minAbove.map((c) => c.proposalId),
    });
  }

  const quotas = rules.categoryQuotas ?? {};
  const catNames = [...new Set([...sorted.map((c) => c.category), ...Object.keys(quotas)])].sort(compareIds);
  const catIndex = new Map(catNames.map((name, index) => [name, index]));
  const comNames = [...new Set(sorted.map((c) => c.community))].sort(compareIds);
  const comIndex = new Map(comNames.map((name, index) => [name, index]));
  const idIndex = new Map(sorted.map((c, index) => [c.proposalId, index]));

  const items: Item[] = sorted.map((candidate, index) => ({
    index,
    candidate,
    id: candidate.proposalId,
    amount: amountOf(candidate),
    cat: catIndex.get(candidate.category)!,
    com: comIndex.get(candidate.community)!,
    groups: [],
  }));
  // Ids in a group that are not candidates (not ranked) are ignored; a group keeps its rule
  // only over the candidates it names.
  let groupCount = 0;
  for (const group of rules.incompatibleGroups ?? []) {
    const members = [...new Set(group)].map((id) => idIndex.get(id)).filter((i) => i !== undefined);
    if (members.length < 2) continue;
    for (const member of members) items[member]!.groups.push(groupCount);
    groupCount += 1;
  }

  const manualAdd = new Map<string, string>();
  const manualDrop = new Map<string, string>();
  const unknown: string[] = [];
  const conflicts = new Set<string>();
  for (const { proposalId, reason } of rules.manual?.add ?? []) {
    if (!idIndex.has(proposalId)) unknown.push(proposalId);
    if (manualAdd.has(proposalId)) conflicts.add(proposalId);
    manualAdd.set(proposalId, reason);
  }
  for (const { proposalId, reason } of rules.manual?.drop ?? []) {
    if (!idIndex.has(proposalId)) unknown.push(proposalId);
    if (manualDrop.has(proposalId) || manualAdd.has(proposalId)) conflicts.add(proposalId);
    manualDrop.set(proposalId, reason);
  }
  if (unknown.length > 0) {
    throw new ShortlistInfeasibleError({
      code: 'manual-unknown',
      proposalIds: [...new Set(unknown)].sort(compareIds),
    });
  }
  // Two manual additions in one incompatible group.
  const groupAdds = new Map<number, Item>();
  for (const item of items) {
    if (!manualAdd.has(item.id)) continue;
    for (const group of item.groups) {
      const other = groupAdds.get(group);
      if (other) {
        conflicts.add(other.id);
        conflicts.add(item.id);
      } else groupAdds.set(group, item);
    }
  }
  if (conflicts.size > 0) {
    throw new ShortlistInfeasibleError({
      code: 'manual-conflict',
      proposalIds: byOrder(items.filter((item) => conflicts.has(item.id))),
    });
  }
  const added = items.filter((item) => manualAdd.has(item.id));
  const addedFen = added.reduce((sum, item) => sum + item.amount, 0);
  if (addedFen > rules.budgetFen) {
    throw new ShortlistInfeasibleError({
      code: 'manual-add-over-budget',
      proposalIds: byOrder(added),
      totalFen: addedFen,
      budgetFen: rules.budgetFen,
    });
  }

  const catMin = catNames.map((name) => quotas[name]?.min ?? 0);
  const catMax = catNames.map((name) => quotas[name]?.max ?? Number.POSITIVE_INFINITY);
  for (const [index, name] of catNames.entries()) {
    if (catMin[index]! > catMax[index]!) {
      throw new ShortlistInfeasibleError({
        code: 'category-min-unmet',
        category: name,
        min: catMin[index]!,
        possible: catMax[index]!,
        proposalIds: [],
      });
    }
  }
  const bp = rules.communityMaxShareBp;
  const cap = bp === undefined ? Number.POSITIVE_INFINITY : communityCapFen(rules.budgetFen, bp);
  return {
    rules,
    budget: rules.budgetFen,
    items,
    catNames,
    catMin,
    catMax,
    comNames,
    comCap: comNames.map(() => cap),
    groupCount,
    manualAdd,
    manualDrop,
  };
}

// ---------------------------------------------------------------------------------------------
// A bundle being built: what is left, and the side rules' state

class Bundle {
  left: number;
  readonly catCount: number[];
  readonly comUsed: number[];
  /** Rank-order index of the selected proposal of each group, -1 when none. */
  readonly groupTaker: number[];
  readonly funded = new Map<number, number>();
  partialIndex = -1;

  constructor(private readonly setup: Setup) {
    this.left = setup.budget;
    this.catCount = setup.catNames.map(() => 0);
    this.comUsed = setup.comNames.map(() => 0);
    this.groupTaker = Array.from({ length: setup.groupCount }, () => -1);
  }

  /** The side rule that keeps `item`, at its full amount, out of this bundle; null when none. */
  conflict(item: Item): DecisionReason | null {
    let with_ = -1;
    for (const group of item.groups) {
      const taker = this.groupTaker[group]!;
      if (taker >= 0 && taker !== item.index && (with_ < 0 || taker < with_)) with_ = taker;
    }
    if (with_ >= 0)
      return {
        code: 'incompatible',
        withProposalId: this.setup.items[with_]!.id,
      };
    const max = this.setup.catMax[item.cat]!;
    if (this.catCount[item.cat]! >= max) {
      return {
        code: 'category-max',
        category: this.setup.catNames[item.cat]!,
        max,
      };
    }
    const capFen = this.setup.comCap[item.com]!;
    if (this.comUsed[item.com]! + item.amount > capFen) {
      return {
        code: 'community-share',
        community: this.setup.comNames[item.com]!,
        capFen,
      };
    }
    return null;
  }

  add(item: Item, amount: number): void {
    this.left -= amount;
    this.catCount[item.cat]! += 1;
    this.comUsed[item.com]! += amount;
    for (const group of item.groups) if (this.groupTaker[group]! < 0) this.groupTaker[group] = item.index;
    this.funded.set(item.index, amount);
  }

  /** Partial funding of `item` from the leftover, if the rules allow it here. */
  partialFits(item: Item): boolean {
    const min = item.candidate.minViableFen;
    return (
      this.setup.rules.partialFunding === true &&
      this.partialIndex < 0 &&
      min !== undefined &&
      this.left > 0 &&
      this.left >= min &&
      this.left < item.amount
    );
  }

  addPartial(item: Item): number {
    const amount = this.left;
    this.add(item, amount);
    this.partialIndex = item.index;
    return amount;
  }
}

// ---------------------------------------------------------------------------------------------
// The shortlist

/**
 * Proposes a bundle from the ranked candidates under the rules, explaining every candidate's
 * decision; docs/shortlisting.md states each rule. Throws ShortlistInfeasibleError when the
 * rules cannot be met, ShortlistInputError on input no validated path produces, and (max-score
 * only) ShortlistSearchLimitError when optimality cannot be proved within the step limit.
 */
export function shortlist(
  rules: ShortlistRules,
  candidates: readonly Candidate[],
  options: ShortlistOptions = {},
): ShortlistResult {
  const setup = setUp(rules, candidates);
  const { items } = setup;
  const reasons: (DecisionReason | undefined)[] = items.map(() => undefined);
  const bundle = new Bundle(setup);

  // Exclusions by rule come first; a manual addition overrides the minimum score.
  const eligible: Item[] = [];
  for (const item of items) {
    const drop = setup.manualDrop.get(item.id);
    const add = setup.manualAdd.get(item.id);
    if (drop !== undefined) reasons[item.index] = { code: 'manual-drop', reason: drop };
    else if (add !== undefined) {
      reasons[item.index] = { code: 'manual-add', reason: add };
      bundle.add(item, item.amount);
    } else if (rules.minScore !== undefined && item.candidate.score < rules.minScore) {
      reasons[item.index] = {
        code: 'below-min-score',
        minScore: rules.minScore,
      };
    } else eligible.push(item);
  }

  let searchSteps: number | undefined;
  if (rules.policy === 'max-score') {
    const steps = { count: 0, limit: options.stepLimit ?? DEFAULT_STEP_LIMIT };
    const chosen = maxScore(setup, bundle, eligible, steps);
    searchSteps = steps.count;
    for (const item of chosen) {
      bundle.add(item, item.amount);
      reasons[item.index] = { code: 'selected' };
    }
    const unselected = eligible.filter((item) => reasons[item.index] === undefined);
    // The leftover goes to the best-ranked proposal left out for lack of money that can run on it.
    const partial = unselected.find((item) => bundle.conflict(item) === null && bundle.partialFits(item));
    if (partial)
      reasons[partial.index] = {
        code: 'selected-partial',
        amountFen: bundle.addPartial(partial),
      };
    for (const item of unselected) {
      if (reasons[item.index] !== undefined) continue;
      reasons[item.index] = bundle.conflict(item) ?? {
        code: 'not-in-optimum',
        leftFen: bundle.left,
      };
    }
  } else {
    reserveCategoryMins(setup, bundle, eligible, reasons);
    walk(rules.policy, bundle, eligible, reasons);
  }

  const decisions = items.map((item): Decision => {
    const reason = reasons[item.index]!;
    const funded = bundle.funded.get(item.index);
    return {
      proposalId: item.id,
      rank: item.candidate.rank,
      score: item.candidate.score,
      selected: funded !== undefined,
      amountFen: funded ?? item.amount,
      askedFen: item.amount,
      reason,
      group: REASON_GROUP[reason.code],
    };
  });
  const selected = decisions.filter((d) => d.selected);
  const usedFen = selected.reduce((sum, d) => sum + d.amountFen, 0);
  const result: ShortlistResult = {
    policy: rules.policy,
    decisions,
    budgetFen: setup.budget,
    usedFen,
    leftFen: setup.budget - usedFen,
    totalScore: selected.reduce((sum, d) => sum + d.score, 0),
    selectedCount: selected.length,
  };
  if (searchSteps !== undefined) result.searchSteps = searchSteps;
  if (usedFen > setup.budget || result.leftFen !== bundle.left) {
    throw new Error('shortlist: the bundle exceeds its budget (a bug)');
  }
  return result;
}

/**
 * rank-fill / rank-strict, step 1: for each category with a minimum, its best-ranked eligible
 * proposals up to the minimum (manual additions count), in rank order, each only if it fits the
 * budget and the other side rules at full amount.
 */
function reserveCategoryMins(
  setup: Setup,
  bundle: Bundle,
  eligible: readonly Item[],
  reasons: (DecisionReason | undefined)[],
): void {
  const need = setup.catMin.map((min, cat) => Math.max(0, min - bundle.catCount[cat]!));
  if (need.every((n) => n === 0)) return;
  for (const item of eligible) {
    if (need[item.cat]! === 0) continue;
    if (bundle.conflict(item) !== null || item.amount > bundle.left) continue;
    bundle.add(item, item.amount);
    reasons[item.index] = { code: 'selected' };
    need[item.cat]! -= 1;
  }
  const unmet = need.findIndex((n) => n > 0);
  if (unmet >= 0) {
    throw new ShortlistInfeasibleError({
      code: 'category-min-unmet',
      category: setup.catNames[unmet]!,
      min: setup.catMin[unmet]!,
      possible: bundle.catCount[unmet]!,
      proposalIds: byOrder(setup.items.filter((item) => item.cat === unmet && bundle.funded.has(item.index))),
    });
  }
}

/** rank-fill / rank-strict, step 2: walk the ranking. */
function walk(
  policy: 'rank-fill' | 'rank-strict',
  bundle: Bundle,
  eligible: readonly Item[],
  reasons: (DecisionReason | undefined)[],
): void {
  let stop: { atProposalId: string; leftFen: number } | undefined;
  for (const item of eligible) {
    if (reasons[item.index] !== undefined) continue;
    const conflict = bundle.conflict(item);
    if (conflict) reasons[item.index] = conflict;
    else if (stop) reasons[item.index] = { code: 'rank-strict-stopped', ...stop };
    else if (item.amount <= bundle.left) {
      bundle.add(item, item.amount);
      reasons[item.index] = { code: 'selected' };
    } else if (bundle.partialFits(item)) {
      reasons[item.index] = {
        code: 'selected-partial',
        amountFen: bundle.addPartial(item),
      };
      if (policy === 'rank-strict') stop = { atProposalId: item.id, leftFen: bundle.left };
    } else if (policy === 'rank-strict') {
      stop = { atProposalId: item.id, leftFen: bundle.left };
      reasons[item.index] = { code: 'rank-strict-stopped', ...stop };
    } else reasons[item.index] = { code: 'budget', leftFen: bundle.left };
  }
}

// ---------------------------------------------------------------------------------------------
// max-score: an exact 0-1 knapsack with side constraints, by branch and bound

/** The 0-1 problem over the variables (eligible, not manually added, individually feasible), in ratio order. */
interface Space {
  n: number;
  items: Item[];
  w: Float64Array;
  v: Float64Array;
  cat: Int32Array;
  com: Int32Array;
  groups: Int32Array[];
  /** Categories whose minimum the search must meet. */
  minCats: number[];
  hasComCaps: boolean;
}

/** The search's state at its root: what the fixed selection (manual additions and fixings) leaves. */
interface Start {
  value: number;
  left: number;
  /** Room left under each category's max (a large number when none). */
  catRoom: Int32Array;
  /** How many more each category needs to reach its min. */
  need: Int32Array;
  comLeft: Float64Array;
  groupTaken: Uint8Array;
}

interface Steps {
  count: number;
  limit: number;
}

const NO_MAX = 0x3fffffff;
const NO_GROUPS = new Int32Array(0);

/**
 * Up to this many variables, choosing Lagrangian multipliers costs more than it saves: the
 * search bounds by the LP relaxation alone (and the category rooms as it goes).
 */
const SMALL_SPACE = 32;

/**
 * Exact ratio order, best first: value/amount compared by cross-multiplication (at most
 * 10^4 × 10^10, exact in a double); amount 0 first; ties by rank order.
 */
function ratioOrder(values: (item: Item) => number): (a: Item, b: Item) => number {
  return (a, b) => {
    const va = values(a);
    const vb = values(b);
    if (a.amount === 0 || b.amount === 0) {
      if (a.amount !== b.amount) return a.amount === 0 ? -1 : 1;
      return vb - va || a.index - b.index;
    }
    return vb * a.amount - va * b.amount || a.index - b.index;
  };
}

function buildSpace(
  setup: Setup,
  vars: readonly Item[],
  values: (item: Item) => number,
  minCats: number[],
): Space {
  const items = [...vars].sort(ratioOrder(values));
  const n = items.length;
  const space: Space = {
    n,
    items,
    w: new Float64Array(items.map((item) => item.amount)),
    v: new Float64Array(items.map(values)),
    cat: new Int32Array(items.map((item) => item.cat)),
    com: new Int32Array(items.map((item) => item.com)),
    groups: items.map((item) => (item.groups.length > 0 ? new Int32Array(item.groups) : NO_GROUPS)),
    minCats,
    hasComCaps: setup.comCap.some((cap) => cap !== Number.POSITIVE_INFINITY),
  };
  return space;
}

function startOf(setup: Setup, bundle: Bundle, minCats: readonly number[]): Start {
  const need = new Int32Array(setup.catNames.length);
  for (const cat of minCats) need[cat] = Math.max(0, setup.catMin[cat]! - bundle.catCount[cat]!);
  return {
    value: 0,
    left: bundle.left,
    catRoom: new Int32Array(
      setup.catMax.map((max, cat) =>
        max === Number.POSITIVE_INFINITY ? NO_MAX : max - bundle.catCount[cat]!,
      ),
    ),
    need,
    comLeft: new Float64Array(setup.comCap.map((cap, com) => cap - bundle.comUsed[com]!)),
    groupTaken: new Uint8Array(bundle.groupTaker.map((taker) => (taker >= 0 ? 1 : 0))),
  };
}

function cloneStart(start: Start): Start {
  return {
    value: start.value,
    left: start.left,
    catRoom: start.catRoom.slice(),
    need: start.need.slice(),
    comLeft: start.comLeft.slice(),
    groupTaken: start.groupTaken.slice(),
  };
}

function canAdd(space: Space, s: Start, p: number): boolean {
  const w = space.w[p]!;
  if (w > s.left || s.catRoom[space.cat[p]!]! <= 0 || w > s.comLeft[space.com[p]!]!) return false;
  for (const group of space.groups[p]!) if (s.groupTaken[group]) return false;
  return true;
}

function apply(space: Space, s: Start, p: number, sign: 1 | -1): void {
  const w = space.w[p]!;
  s.value += sign * space.v[p]!;
  s.left -= sign * w;
  s.catRoom[space.cat[p]!]! -= sign;
  s.need[space.cat[p]!]! -= sign;
  s.comLeft[space.com[p]!]! -= sign * w;
  for (const group of space.groups[p]!) s.groupTaken[group] = sign === 1 ? 1 : 0;
}

/** Exact ⌊a / b⌋ and ⌈a / b⌉ for a safe integer a (any sign) and a positive safe integer b. */
const floorDiv = (a: number, b: number) => (a - (((a % b) + b) % b)) / b;
const ceilDiv = (a: number, b: number) => -floorDiv(-a, b);

/** A min-heap of at most `capacity` keys, each with a weight and an id: keeps the largest keys pushed. */
class TopK {
  readonly keys: Float64Array;
  readonly weights: Float64Array;
  readonly ids: Int32Array;
  size = 0;
  capacity: number;
  constructor(length: number) {
    this.keys = new Float64Array(Math.max(length, 0));
    this.weights = new Float64Array(Math.max(length, 0));
    this.ids = new Int32Array(Math.max(length, 0));
    this.capacity = this.keys.length;
  }
  push(key: number, weight: number, id: number): void {
    const { keys: h, weights: g, ids } = this;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (h[parent]! <= key) break;
        h[i] = h[parent]!;
        g[i] = g[parent]!;
        ids[i] = ids[parent]!;
        i = parent;
      }
      h[i] = key;
      g[i] = weight;
      ids[i] = id;
    } else if (this.capacity > 0 && key > h[0]!) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= this.size) break;
        const r = l + 1;
        const child = r < this.size && h[r]! < h[l]! ? r : l;
        if (h[child]! >= key) break;
        h[i] = h[child]!;
        g[i] = g[child]!;
        ids[i] = ids[child]!;
        i = child;
      }
      h[i] = key;
      g[i] = weight;
      ids[i] = id;
    }
  }
}

/** Multipliers for the Lagrangian bound: λ = a/b, and each group's price, times b. */
interface Multipliers {
  a: number;
  b: number;
  /** Per group, its price times b; null when no group is priced. */
  prices: Float64Array | null;
  /** Per community, its price per fen times b; null when no community is priced. */
  rates: Float64Array | null;
}

/**
 * Upper bounds on what a selection can still gain from the variables avail[k..] (positions in
 * ratio order), read off the live state `s`. Every bound is computed in exact integer arithmetic
 * and rounded up to a whole score.
 *
 * - `lp`: the LP relaxation with the budget and each community's cap. Those caps form a laminar
 *   family, so filling by ratio is the LP optimum.
 * - `lagrange`: the budget and the incompatible groups are priced (λ per fen, μ_g ≥ 0 per group)
 *   and the category maxima kept: for every selection x within the budget, the maxima and the
 *   groups, Σ v·x ≤ λ·left + Σ_g μ_g + Σ_j (v_j − λ·w_j − Σ_{g∋j} μ_g)·x_j, and the last sum is
 *   at most, per category with a max, its best `room` positive terms, and for the others every
 *   positive term. True for any λ, μ ≥ 0; good ones make it close to the LP optimum with the
 *   maxima and the groups. λ = a/b and μ_g = m_g/b with integers chosen so that every product and
 *   every term is below 2^52, so each is exact; sums are kept as quotient and remainder of b.
 */
class Relaxation {
  private readonly scratch: Float64Array;
  private readonly touched: number[] = [];
  private readonly capped: Uint8Array;
  readonly cappedCats: number[];
  private readonly tops: TopK[];
  private readonly countLeft: Int32Array;
  multipliers: Multipliers = { a: 0, b: 1, prices: null, rates: null };
  /** λ alone, where the amount the unpriced bound counts crosses the budget left. */
  balanced: Multipliers = { a: 0, b: 1, prices: null, rates: null };
  /** The amount of the set the last evaluation counted. */
  weight = 0;

  constructor(
    private readonly space: Space,
    private readonly s: Start,
    readonly avail: Int32Array,
  ) {
    this.scratch = s.comLeft.slice();
    this.capped = new Uint8Array(s.catRoom.length);
    for (const [c, room] of s.catRoom.entries()) this.capped[c] = room < NO_MAX ? 1 : 0;
    this.cappedCats = [...this.capped.keys()].filter((c) => this.capped[c]);
    this.tops = Array.from(
      s.catRoom,
      (room, c) => new TopK(this.capped[c] ? Math.min(room, avail.length) : 0),
    );
    this.countLeft = new Int32Array(s.catRoom.length).fill(NO_MAX);
  }

  /** The branching place of each position; only those placed at `from` or later count. */
  placeOf: Int32Array | null = null;
  from = 0;

  /** Position j can still join, as far as the bounds look (its place, its category's room, its groups). */
  open(j: number): boolean {
    const { s, space } = this;
    if (this.placeOf && this.placeOf[j]! < this.from) return false;
    if (s.catRoom[space.cat[j]!]! <= 0) return false;
    for (const group of space.groups[j]!) if (s.groupTaken[group]) return false;
    return true;
  }

  /** Keeps the community caps in step after the state gained or lost position j. */
  moved(j: number): void {
    const c = this.space.com[j]!;
    this.scratch[c] = this.s.comLeft[c]!;
  }

  lp(k: number): number {
    const { s, avail, scratch, touched } = this;
    const { w, v, com, hasComCaps } = this.space;
    let total = s.value;
    let room = s.left;
    for (let x = k; x < avail.length; x++) {
      const j = avail[x]!;
      if (!this.open(j)) continue;
      const wj = w[j]!;
      if (wj === 0) {
        total += v[j]!;
        continue;
      }
      if (room === 0) break;
      if (!hasComCaps) {
        if (wj <= room) {
          total += v[j]!;
          room -= wj;
          continue;
        }
        total += floorDiv(v[j]! * room, wj);
        room = 0;
        break;
      }
      const c = com[j]!;
      const capLeft = scratch[c]!;
      if (capLeft <= 0) continue;
      if (wj <= room && wj <= capLeft) {
        total += v[j]!;
        room -= wj;
        scratch[c] = capLeft - wj;
        touched.push(c);
      } else if (room <= capLeft) {
        total += floorDiv(v[j]! * room, wj);
        room = 0;
        break;
      } else {
        total += ceilDiv(v[j]! * capLeft, wj);
        room -= capLeft;
        scratch[c] = 0;
        touched.push(c);
      }
    }
    for (const c of touched) scratch[c] = s.comLeft[c]!;
    touched.length = 0;
    return total;
  }

  /** The end of the prefix of avail[k..] with a positive reduced score at λ = a/b (ratio order). */
  private positiveEnd(k: number, a: number, b: number): number {
    const { avail } = this;
    const { w, v } = this.space;
    let end = k;
    for (; end < avail.length; end++) {
      const j = avail[end]!;
      if (w[j]! > 0 && v[j]! * b - a * w[j]! <= 0) break;
    }
    return end;
  }

  /** j's term at λ = a/b (times b), less the prices of its groups when priced. */
  private termOf(
    j: number,
    a: number,
    b: number,
    prices: Float64Array | null,
    rates: Float64Array | null = null,
  ): number {
    const { v, w, groups, com } = this.space;
    let value = v[j]! * b - a * w[j]!;
    if (rates && this.s.comLeft[com[j]!]! >= 0) value -= rates[com[j]!]! * w[j]!;
    if (prices) for (const g of groups[j]!) value -= prices[g]!;
    return value;
  }

  /**
   * What the prices add to the bound, times b: each untaken group's price, and each community's
   * rate times its room (a community already over its cap is not priced: only a manual addition
   * takes it there, and then none of its proposals can join).
   */
  private priced(
    add: (value: number) => void,
    prices: Float64Array | null,
    rates: Float64Array | null,
  ): void {
    const { s } = this;
    if (prices)
      for (let g = 0; g < prices.length; g++) if (prices[g]! > 0 && !s.groupTaken[g]) add(prices[g]!);
    if (rates) {
      for (let c = 0; c < rates.length; c++)
        if (rates[c]! > 0 && s.comLeft[c]! >= 0) add(rates[c]! * s.comLeft[c]!);
    }
  }

  /** The Lagrangian bound at λ = a/b (and the given prices) over avail[k..]; sets `weight`. */
  lagrange(
    k: number,
    a: number,
    b: number,
    prices: Float64Array | null = null,
    rates: Float64Array | null = null,
  ): number {
    const { s, avail, tops, capped, cappedCats } = this;
    const { w, cat } = this.space;
    for (const c of cappedCats)
      tops[c]!.capacity = Math.max(0, Math.min(s.catRoom[c]!, tops[c]!.keys.length));
    // Prices only lower terms: past the end of the positive unpriced prefix, none is positive.
    const end = this.positiveEnd(k, a, b);
    const whole = a * s.left;
    let q = floorDiv(whole, b);
    let r = whole - q * b;
    let weight = 0;
    const add = (value: number) => {
      const part = floorDiv(value, b);
      q += part;
      r += value - part * b;
      if (r >= b) {
        q += 1;
        r -= b;
      }
    };
    this.priced(add, prices, rates);
    for (let x = k; x < end; x++) {
      const j = avail[x]!;
      if (!this.open(j)) continue;
      const value = this.termOf(j, a, b, prices, rates);
      if (value <= 0) continue;
      if (capped[cat[j]!]) tops[cat[j]!]!.push(value, w[j]!, j);
      else {
        add(value);
        weight += w[j]!;
      }
    }
    for (const c of cappedCats) {
      const top = tops[c]!;
      for (let y = 0; y < top.size; y++) {
        add(top.keys[y]!);
        weight += top.weights[y]!;
      }
      top.size = 0;
    }
    this.weight = weight;
    return s.value + q + (r > 0 ? 1 : 0);
  }

  /** The bound at the chosen multipliers. */
  bound(k: number): number {
    const { a, b, prices, rates } = this.multipliers;
    return this.lagrange(k, a, b, prices, rates);
  }

  /** λ where a by-ratio fill from avail[k] that respects the category counts runs out of budget. */
  countingFill(k: number): [number, number] {
    const { s, avail, countLeft, cappedCats } = this;
    const { w, v, cat } = this.space;
    for (const c of cappedCats) countLeft[c] = s.catRoom[c]!;
    let room = s.left;
    for (let x = k; x < avail.length; x++) {
      const j = avail[x]!;
      if (!this.open(j)) continue;
      const c = cat[j]!;
      if (countLeft[c]! <= 0) continue;
      if (w[j]! <= room) {
        room -= w[j]!;
        countLeft[c]! -= 1;
        continue;
      }
      return [v[j]!, w[j]!];
    }
    return [0, 1];
  }

  /**
   * Chooses the multipliers (floating point only chooses them; the bound itself is exact for
   * whatever is chosen). λ first, by bisection: the amount the bound counts shrinks as λ grows,
   * and the bound is least about where it crosses the budget left. Then, when groups have two
   * or more open members, a projected subgradient descent on (λ·left, μ) with Polyak steps
   * towards `target` (the incumbent). Keeps the multipliers with the smallest exact bound.
   */
  optimize(target: number): void {
    const { avail, s, tops, capped, cappedCats } = this;
    const { w, v, cat, com, groups } = this.space;
    const left = s.left;
    let vMax = 1;
    let cap = Math.max(left, 1);
    let ratioMax = 0;
    let perItem = 0;
    const members = new Map<number, number>();
    const asked = new Float64Array(s.comLeft.length);
    for (const j of avail) {
      if (!this.open(j)) continue;
      vMax = Math.max(vMax, v[j]!);
      cap = Math.max(cap, w[j]!);
      if (w[j]! > 0) ratioMax = Math.max(ratioMax, v[j]! / w[j]!);
      perItem = Math.max(perItem, groups[j]!.length);
      for (const g of groups[j]!) members.set(g, (members.get(g) ?? 0) + 1);
      asked[com[j]!]! += w[j]!;
    }
    const priceable = [...members].filter(([, count]) => count > 1).map(([g]) => g);
    // A community's cap can only bind when its open proposals ask for more than its room.
    const rateable = [...s.comLeft.keys()].filter(
      (c) => Number.isFinite(s.comLeft[c]!) && s.comLeft[c]! >= 0 && asked[c]! > s.comLeft[c]!,
    );
    for (const c of rateable) cap = Math.max(cap, s.comLeft[c]!);
    const mu = new Float64Array(s.groupTaken.length);
    const nu = new Float64Array(s.comLeft.length);
    const counts = new Float64Array(s.groupTaken.length);
    const spent = new Float64Array(s.comLeft.length);

    /**
     * The bound in floating point at λ, and at the prices when `priced`: [bound, amount counted];
     * counts the members counted per group and the amount counted per community.
     */
    const estimate = (lambda: number, priced: boolean): [number, number] => {
      for (const c of cappedCats)
        tops[c]!.capacity = Math.max(0, Math.min(s.catRoom[c]!, tops[c]!.keys.length));
      let total = lambda * left;
      let weight = 0;
      if (priced) {
        for (const g of priceable) total += mu[g]!;
        for (const c of rateable) total += nu[c]! * s.comLeft[c]!;
      }
      counts.fill(0);
      spent.fill(0);
      const count = (j: number) => {
        for (const g of groups[j]!) counts[g]! += 1;
        spent[com[j]!]! += w[j]!;
      };
      for (const j of avail) {
        let value = v[j]! - lambda * w[j]!;
        if (value <= 0) {
          if (w[j]! > 0) break;
          continue;
        }
        if (!this.open(j)) continue;
        if (priced) {
          for (const g of groups[j]!) value -= mu[g]!;
          value -= nu[com[j]!]! * w[j]!;
        }
        if (value <= 0) continue;
        if (capped[cat[j]!]) tops[cat[j]!]!.push(value, w[j]!, j);
        else {
          total += value;
          weight += w[j]!;
          count(j);
        }
      }
      for (const c of cappedCats) {
        const top = tops[c]!;
        for (let y = 0; y < top.size; y++) {
          total += top.keys[y]!;
          weight += top.weights[y]!;
          count(top.ids[y]!);
        }
        top.size = 0;
      }
      return [total, weight];
    };

    // Exact multipliers: a term v·b − (a + rate)·w − prices has at most 3 + (the most groups a
    // variable is in) parts, each kept at most LIMIT, so the term is exact; so are a·left and
    // rate·room, each at most LIMIT.
    const LIMIT = 2 ** 52 / (4 + perItem);
    const exact = (lambda: number, priced: boolean): Multipliers => {
      let b = Math.max(1, Math.floor(LIMIT / vMax));
      if (lambda * b > LIMIT / cap) b = Math.max(1, Math.floor(LIMIT / (cap * lambda)));
      const a = Math.min(Math.floor(lambda * b), Math.floor(LIMIT / cap));
      if (!priced) return { a, b, prices: null, rates: null };
      let prices: Float64Array | null = null;
      if (priceable.length > 0) {
        prices = new Float64Array(mu.length);
        for (const g of priceable) prices[g] = Math.min(Math.floor(mu[g]! * b), Math.floor(LIMIT));
      }
      let rates: Float64Array | null = null;
      if (rateable.length > 0) {
        rates = new Float64Array(nu.length);
        for (const c of rateable) rates[c] = Math.min(Math.floor(nu[c]! * b), Math.floor(LIMIT / cap));
      }
      return { a, b, prices, rates };
    };
    let best: Multipliers = { a: 0, b: 1, prices: null, rates: null };
    let bestBound = this.lagrange(0, 0, 1);
    const consider = (candidate: Multipliers) => {
      const value = this.lagrange(0, candidate.a, candidate.b, candidate.prices, candidate.rates);
      if (value < bestBound) {
        bestBound = value;
        best = candidate;
      }
    };

    let lambda = 0;
    if (estimate(0, false)[1] > left) {
      let lo = 0;
      let hi = ratioMax;
      for (let round = 0; round < 50 && hi - lo > hi * 1e-12; round++) {
        const mid = (lo + hi) / 2;
        if (estimate(mid, false)[1] > left) lo = mid;
        else hi = mid;
      }
      consider(exact(lo, false));
      consider(exact(hi, false));
      lambda = estimate(lo, false)[0] < estimate(hi, false)[0] ? lo : hi;
      this.balanced = exact(lambda, false);
    }

    // First the groups alone, then (from where that ended) the community caps too: pricing
    // the caps from the start can settle on worse multipliers than the groups alone find.
    const phases: readonly (readonly number[])[] = rateable.length > 0 ? [[], rateable] : [[]];
    for (const rated of priceable.length > 0 || rateable.length > 0 ? phases : []) {
      if (left <= 0 || (rated.length === 0 && priceable.length === 0)) continue;
      let theta = 1;
      let floatBest = estimate(lambda, true)[0];
      let stale = 0;
      for (let round = 0; round < 80; round++) {
        const [value, weight] = estimate(lambda, true);
        if (value < floatBest - 1e-9) {
          floatBest = value;
          stale = 0;
        } else if (++stale >= 5) {
          theta /= 2;
          stale = 0;
        }
        // Polyak steps aim at the incumbent, but never far below the best bound yet (a poor
        // incumbent would make them overshoot).
        const gap = value - Math.max(target, floatBest * 0.998);
        if (gap <= 0 || theta < 1e-4) break;
        // Subgradients in score units: λ·left moves by 1 − weight/left, each group's price by
        // 1 − its members counted, each community's rate·room by 1 − its amount counted/room.
        const gLambda = 1 - weight / left;
        let norm = lambda > 0 || gLambda < 0 ? gLambda * gLambda : 0;
        for (const g of priceable) {
          const grad = 1 - counts[g]!;
          if (mu[g]! > 0 || grad < 0) norm += grad * grad;
        }
        const gRate = (c: number) => (s.comLeft[c]! > 0 ? 1 - spent[c]! / s.comLeft[c]! : -1);
        for (const c of rated) {
          const grad = gRate(c);
          if (nu[c]! > 0 || grad < 0) norm += grad * grad;
        }
        if (norm === 0) break;
        const step = (theta * gap) / norm;
        lambda = Math.max(0, lambda - (step * gLambda) / left);
        for (const g of priceable) mu[g] = Math.min(vMax, Math.max(0, mu[g]! - step * (1 - counts[g]!)));
        for (const c of rated) {
          const room = Math.max(s.comLeft[c]!, 1);
          nu[c] = Math.min(ratioMax, Math.max(0, nu[c]! - (step * gRate(c)) / room));
        }
        if (round % 4 === 3) consider(exact(lambda, true));
      }
      consider(exact(lambda, true));
      // The next phase starts from the best multipliers so far.
      const { a, b, prices, rates } = best;
      lambda = a / b;
      for (const g of priceable) mu[g] = prices ? prices[g]! / b : 0;
      for (const c of rateable) nu[c] = rates ? rates[c]! / b : 0;
    }
    this.multipliers = best;
  }

  /** j's term at the given multipliers (times their b): for ordering. */
  term(j: number, { a, b, prices, rates }: Multipliers): number {
    return this.termOf(j, a, b, prices, rates);
  }

  /**
   * For each available variable, a bound on every selection that includes it, at the chosen
   * multipliers: the Lagrangian bound with that variable forced in (it takes the place of its
   * category's `room`-th best term, or adds its own when it was not counted). -Infinity when it
   * cannot join at all. Indexed by position.
   */
  withEach(): Float64Array {
    const { s, avail, capped } = this;
    const { cat, n } = this.space;
    const { a, b, prices, rates } = this.multipliers;
    const result = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    const whole = a * s.left;
    let q = floorDiv(whole, b);
    let r = whole - q * b;
    const add = (value: number) => {
      const part = floorDiv(value, b);
      q += part;
      r += value - part * b;
      if (r >= b) {
        q += 1;
        r -= b;
      }
    };
    this.priced(add, prices, rates);
    const lists = new Map<number, number[]>();
    for (const j of avail) {
      if (!this.open(j)) continue;
      const value = this.termOf(j, a, b, prices, rates);
      if (value <= 0) continue;
      if (capped[cat[j]!]) {
        const list = lists.get(cat[j]!);
        if (list) list.push(value);
        else lists.set(cat[j]!, [value]);
      } else add(value);
    }
    /** The term a variable of each capped category must displace: its room-th best, or 0. */
    const displaced = new Map<number, number>();
    for (const [c, list] of lists) {
      list.sort((x, y) => y - x);
      const room = s.catRoom[c]!;
      for (const value of list.slice(0, room)) add(value);
      displaced.set(c, list.length >= room ? list[room - 1]! : 0);
    }
    // The bound is s.value + q + r/b; forced in, j adds min(0, its term − what it displaces).
    for (const j of avail) {
      if (!this.open(j)) continue;
      const loss = capped[cat[j]!] ? (displaced.get(cat[j]!) ?? 0) : 0;
      result[j] = s.value + q + floorDiv(r + Math.min(0, this.termOf(j, a, b, prices, rates) - loss), b);
    }
    return result;
  }
}

/** What a search found: the best selection beating its initial best (null when none), and whether it proved that. */
interface Found {
  value: number;
  chosen: number[] | null;
  complete: boolean;
}

/**
 * Depth-first branch and bound for a selection with value > initialBest (positions), or null
 * when there is none; with `stopAtFirst`, the first such one, else the best. With `stopAfter`,
 * gives up after that many steps and says so (`complete: false`).
 *
 * Before branching, each variable whose forced-in Lagrangian bound (Relaxation.withEach) cannot
 * beat `best` is set aside: no selection with it can. The others are put in a branching order,
 * and each node is a selection whose children add one more variable at a later place (so every
 * subset is visited at most once). Child k is tried only while the bounds over the variables
 * placed at k or later still beat `best`; they cover fewer selections as k grows, so the first
 * k that fails ends the node. Nothing is ever set aside or cut off that could beat `best`: the
 * search is exact, whatever order it goes in and however good its bounds are.
 */
function search(
  space: Space,
  root: Start,
  initialBest: number,
  stopAtFirst: boolean,
  skip: Uint8Array | null,
  steps: Steps,
  stopAfter = Number.POSITIVE_INFINITY,
  inRankOrder = false,
): Found {
  const { minCats } = space;
  const startedAt = steps.count;
  const s = cloneStart(root);
  let best = initialBest;
  let bestChosen: number[] | null = null;
  const unmet = () => {
    for (const c of minCats) if (s.need[c]! > 0) return true;
    return false;
  };
  const chosen: number[] = [];
  const record = () => {
    if (s.value > best && !unmet()) {
      best = s.value;
      bestChosen = [...chosen];
      return true;
    }
    return false;
  };
  if (record() && stopAtFirst) return { value: best, chosen: bestChosen, complete: true };

  // What can join at the root; nothing that cannot join now can join deeper.
  const open: number[] = [];
  for (let j = 0; j < space.n; j++) if (!skip?.[j] && canAdd(space, s, j)) open.push(j);
  let avail = new Int32Array(open);
  if (!inRankOrder && sideRulesIdle(space, s, avail)) {
    const found = knapsack(space, s, avail, best, stopAtFirst, steps);
    return found.chosen ? found : { value: best, chosen: bestChosen, complete: true };
  }
  // Set aside, in up to three rounds, what cannot beat `best` by the forced-in bounds.
  let relax = new Relaxation(space, s, avail);
  for (let round = 0; round < (space.n > SMALL_SPACE ? 3 : 0); round++) {
    relax.optimize(best);
    const withEach = relax.withEach();
    const kept = avail.filter((j) => withEach[j]! > best);
    const multipliers = relax.multipliers;
    const shrunk = kept.length < avail.length * 0.9;
    avail = kept;
    relax = new Relaxation(space, s, avail);
    relax.multipliers = multipliers;
    if (!shrunk) break;
  }
  const lagrangian =
    space.n > SMALL_SPACE && (relax.cappedCats.length > 0 || relax.multipliers.prices !== null);

  // The branching order: by ratio for the plain knapsack; with category maxima or priced
  // groups, by term at the multipliers (the Lagrangian's own preference), so that the search
  // meets good selections early and the bounds fall fast as it moves on. The bounds then count
  // only the variables placed at the child's place or later.
  let order = avail;
  if (inRankOrder) order = avail.slice().sort((x, y) => space.items[x]!.index - space.items[y]!.index);
  else if (lagrangian) {
    const terms = new Map([...avail].map((j) => [j, relax.term(j, relax.multipliers)]));
    order = avail.slice().sort((x, y) => terms.get(y)! - terms.get(x)! || x - y);
  }
  if (order !== avail) {
    relax.placeOf = new Int32Array(space.n);
    for (const [place, j] of order.entries()) relax.placeOf[j] = place;
  }
  const m = order.length;
  /** For each category with a min: from each place on, how many variables of it, and the least amount. */
  const suffixCount = minCats.map(() => new Int32Array(m + 1));
  const suffixMinW = minCats.map(() => new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY));
  for (let place = m - 1; place >= 0; place--) {
    const j = order[place]!;
    for (const [x, c] of minCats.entries()) {
      const mine = space.cat[j] === c;
      suffixCount[x]![place] = suffixCount[x]![place + 1]! + (mine ? 1 : 0);
      suffixMinW[x]![place] = mine
        ? Math.min(suffixMinW[x]![place + 1]!, space.w[j]!)
        : suffixMinW[x]![place + 1]!;
    }
  }
  /** The mins can still be met from place k on (counts, and the least money they need). */
  const minsReachable = (k: number) => {
    let money = 0;
    for (let x = 0; x < minCats.length; x++) {
      const need = s.need[minCats[x]!]!;
      if (need <= 0) continue;
      if (suffixCount[x]![k]! < need) return false;
      money += need * suffixMinW[x]![k]!;
    }
    return money <= s.left;
  };

  const stepCost = lagrangian ? 1 + (m >> 2) : 1;
  const next = new Int32Array(m + 1);
  const taken = new Int32Array(m + 1);
  let depth = 0;
  for (;;) {
    let descended = false;
    for (let k = next[depth]!; k < m; k++) {
      // A step is a child tried, weighted by what its bounds scan: about the time it takes.
      steps.count += stepCost;
      if (steps.count > steps.limit) throw new ShortlistSearchLimitError(steps.count);
      if (steps.count - startedAt > stopAfter) return { value: best, chosen: bestChosen, complete: false };
      if (minCats.length > 0 && unmet() && !minsReachable(k)) break;
      // In ratio order the variables from place k on are avail[k..]; otherwise all of avail
      // placed at k or later.
      relax.from = k;
      const start = lagrangian ? 0 : k;
      if (relax.lp(start) <= best) break;
      if (lagrangian) {
        if (relax.bound(start) <= best) break;
        if (relax.lagrange(start, ...relax.countingFill(start)) <= best) break;
      }
      const j = order[k]!;
      if (canAdd(space, s, j)) {
        next[depth] = k + 1;
        apply(space, s, j, 1);
        relax.moved(j);
        chosen.push(j);
        taken[depth] = j;
        depth += 1;
        next[depth] = k + 1;
        descended = true;
        break;
      }
    }
    if (descended) {
      if (record() && stopAtFirst) return { value: best, chosen: bestChosen, complete: true };
      continue;
    }
    if (depth === 0) break;
    depth -= 1;
    const j = taken[depth]!;
    apply(space, s, j, -1);
    relax.moved(j);
    chosen.pop();
  }
  return { value: best, chosen: bestChosen, complete: true };
}

/**
 * No side rule can bind among `avail` from state `s`: no category minimum is still short, no
 * category has more of them than its room, no community's cap is below their amounts, and no
 * incompatible group has two of them. Then the problem is the plain 0-1 knapsack.
 */
function sideRulesIdle(space: Space, s: Start, avail: Int32Array): boolean {
  for (const c of space.minCats) if (s.need[c]! > 0) return false;
  const count = new Int32Array(s.catRoom.length);
  const asked = new Float64Array(s.comLeft.length);
  const seen = new Uint8Array(s.groupTaken.length);
  for (const j of avail) {
    const c = space.cat[j]!;
    if (++count[c]! > s.catRoom[c]!) return false;
    asked[space.com[j]!]! += space.w[j]!;
    for (const g of space.groups[j]!) {
      if (seen[g]) return false;
      seen[g] = 1;
    }
  }
  return asked.every((amount, c) => amount <= s.comLeft[c]!);
}

/** The largest d that multiplies a score (≤ 10^4, FULL_MARKS) exactly in a double. */
const EXACT_SPAN = Math.floor(Number.MAX_SAFE_INTEGER / FULL_MARKS);

/**
 * The plain 0-1 knapsack over `avail` (positions in ratio order) from state `s`: the best
 * selection with value > initialBest (or, with `stopAtFirst`, the first found), or null when
 * none; always complete (or ShortlistSearchLimitError).
 *
 * Pisinger's expanding core (D. Pisinger, "A minimal algorithm for the 0-1 knapsack problem",
 * Operations Research 45(5), 1997, pp. 758–767, the minknap algorithm): start from the greedy
 * break solution (the ratio-order prefix that fits), then widen a core [lo, hi) around the break
 * item one variable at a time, alternately deciding to add the next one below (hi) and to remove
 * the next one above (lo). The states are the Pareto-optimal (amount, value) pairs over the
 * decisions made in the core, each a whole selection (break solution with its toggles), kept in
 * amount order; a state dominated by another (no cheaper, no better) is dropped, and so is one
 * whose bound cannot beat the best: with room left, value + room × the ratio of the next
 * variable to add; over the budget, value − excess × the ratio of the next variable to remove
 * (every variable outside the core has a ratio between those two, so neither adding nor
 * removing can do better). When no state is left, or the core holds every variable, the best
 * found is the optimum. Every bound is exact integer arithmetic (products below 2^53), rounded
 * down to a whole score; a state over the budget by more than EXACT_SPAN is bounded by that
 * much only (a weaker, still valid bound).
 */
function knapsack(
  space: Space,
  s: Start,
  avail: Int32Array,
  initialBest: number,
  stopAtFirst: boolean,
  steps: Steps,
): Found {
  const { w, v } = space;
  const m = avail.length;
  const cap = s.left;
  let breakAt = 0;
  let weight = 0;
  let value = s.value;
  while (breakAt < m && weight + w[avail[breakAt]!]! <= cap) {
    weight += w[avail[breakAt]!]!;
    value += v[avail[breakAt]!]!;
    breakAt += 1;
  }
  // Each state is an entry of the arena: its parent state and the place it toggled.
  let parent = new Int32Array(1024);
  let toggled = new Int32Array(1024);
  let arena = 1;
  parent[0] = -1;
  toggled[0] = -1;
  let best = initialBest;
  let bestState = -1;
  const selection = (state: number): number[] => {
    const inside = new Uint8Array(m);
    inside.fill(1, 0, breakAt);
    for (let at = state; at > 0; at = parent[at]!) inside[toggled[at]!]! ^= 1;
    return [...avail.filter((_, x) => inside[x] === 1)];
  };
  const found = (complete: boolean): Found => ({
    value: best,
    chosen: bestState < 0 ? null : selection(bestState),
    complete,
  });
  if (value > best) {
    best = value;
    bestState = 0;
    if (stopAtFirst || breakAt === m) return found(true);
  }
  if (breakAt === m) return found(true);

  let weights = Float64Array.of(weight);
  let values = Float64Array.of(value);
  let ids = Int32Array.of(0);
  let lo = breakAt;
  let hi = breakAt;
  /** Bound on every selection reachable from a state, with the core [lo, hi). */
  const bound = (stateWeight: number, stateValue: number): number => {
    if (stateWeight <= cap) {
      if (hi >= m) return stateValue;
      const j = avail[hi]!;
      return stateValue + floorDiv((cap - stateWeight) * v[j]!, w[j]!);
    }
    if (lo === 0 || w[avail[lo - 1]!] === 0) return Number.NEGATIVE_INFINITY;
    const j = avail[lo - 1]!;
    return stateValue - ceilDiv(Math.min(stateWeight - cap, EXACT_SPAN) * v[j]!, w[j]!);
  };
  for (let turn = 0; lo > 0 || hi < m; turn++) {
    // Alternate sides, while both have variables left.
    const adding = hi < m && (lo === 0 || turn % 2 === 0);
    const x = adding ? hi++ : --lo;
    const j = avail[x]!;
    const dw = adding ? w[j]! : -w[j]!;
    const dv = adding ? v[j]! : -v[j]!;
    const size = ids.length;
    steps.count += size + 1;
    if (steps.count > steps.limit) throw new ShortlistSearchLimitError(steps.count);
    const nextWeights = new Float64Array(2 * size);
    const nextValues = new Float64Array(2 * size);
    const nextIds = new Int32Array(2 * size);
    let kept = 0;
    let top = Number.NEGATIVE_INFINITY;
    // Merge the states without and with the toggle, both in amount order; on equal amounts the
    // better value first, so that only Pareto-optimal states pass `top`.
    let a = 0;
    let b = 0;
    while (a < size || b < size) {
      let fromToggle: boolean;
      if (a === size) fromToggle = true;
      else if (b === size) fromToggle = false;
      else {
        const wa = weights[a]!;
        const wb = weights[b]! + dw;
        fromToggle = wb < wa || (wb === wa && values[b]! + dv > values[a]!);
      }
      const stateWeight = fromToggle ? weights[b]! + dw : weights[a]!;
      const stateValue = fromToggle ? values[b]! + dv : values[a]!;
      const from = fromToggle ? b++ : a++;
      if (stateValue <= top) continue;
      top = stateValue;
      if (bound(stateWeight, stateValue) <= best) continue;
      let id = ids[from]!;
      if (fromToggle) {
        if (arena === parent.length) {
          const grown = new Int32Array(2 * arena);
          grown.set(parent);
          parent = grown;
          const grownToggled = new Int32Array(2 * arena);
          grownToggled.set(toggled);
          toggled = grownToggled;
        }
        parent[arena] = id;
        toggled[arena] = x;
        id = arena++;
      }
      if (stateWeight <= cap && stateValue > best) {
        best = stateValue;
        bestState = id;
        if (stopAtFirst) return found(true);
      }
      nextWeights[kept] = stateWeight;
      nextValues[kept] = stateValue;
      nextIds[kept] = id;
      kept += 1;
    }
    if (kept === 0) break;
    weights = nextWeights.subarray(0, kept);
    values = nextValues.subarray(0, kept);
    ids = nextIds.subarray(0, kept);
  }
  return found(true);
}

/** A feasible selection (or null) by walking the variables in the given order, mins reserved first. */
function greedy(setup: Setup, bundle: Bundle, order: readonly Item[]): Item[] | null {
  const trial = new Bundle(setup);
  for (const index of bundle.funded.keys()) trial.add(setup.items[index]!, setup.items[index]!.amount);
  const need = setup.catMin.map((min, cat) => Math.max(0, min - trial.catCount[cat]!));
  const taken: Item[] = [];
  const take = (item: Item) => {
    trial.add(item, item.amount);
    taken.push(item);
  };
  for (const item of order) {
    if (need[item.cat]! > 0 && trial.conflict(item) === null && item.amount <= trial.left) {
      take(item);
      need[item.cat]! -= 1;
    }
  }
  if (need.some((n) => n > 0)) return null;
  for (const item of order) {
    if (!trial.funded.has(item.index) && trial.conflict(item) === null && item.amount <= trial.left)
      take(item);
  }
  return taken;
}

/**
 * The optimum: the greatest total score within the budget and every side rule; among equal
 * totals, the bundle that holds the better-ranked proposal at the first rank where two differ.
 * Phase 1 finds the optimal total V*; phase 2 walks the ranking and keeps each proposal in
 * exactly when some bundle of total V* agrees with every choice made so far and includes it.
 */
function maxScore(setup: Setup, bundle: Bundle, eligible: readonly Item[], steps: Steps): Item[] {
  const minCats = setup.catMin.flatMap((min, cat) => (min > bundle.catCount[cat]! ? [cat] : []));
  const fitting = eligible.filter((item) => bundle.conflict(item) === null && item.amount <= bundle.left);
  const vars = undominated(setup, bundle, fitting);
  const score = (item: Item) => item.candidate.score;
  const space = buildSpace(setup, vars, score, minCats);
  const root = startOf(setup, bundle, minCats);
  const everything = new Int32Array(space.items.keys());
  const idle = sideRulesIdle(space, root, everything);
  // No side rule binds and everything fits: the bundle holds every proposal.
  if (idle && space.w.reduce((sum, w) => sum + w, 0) <= root.left) return vars;
  const position = new Map(space.items.map((item, p) => [item.index, p]));
  // A small space goes without Lagrangian multipliers (SMALL_SPACE).
  const rootRelax = space.n <= SMALL_SPACE ? null : new Relaxation(space, root, everything);

  // Phase 1: the optimal total, searched from the best of three feasible greedy bundles: in
  // rank order, in ratio order, and by reduced score at the root's λ.
  let incumbent: number[] | null = null;
  let bestValue = -1;
  const tryGreedy = (order: readonly Item[]) => {
    const set = greedy(setup, bundle, order);
    if (!set) return;
    const value = set.reduce((sum, item) => sum + score(item), 0);
    if (value > bestValue) {
      bestValue = value;
      incumbent = set.map((item) => position.get(item.index)!);
    }
  };
  tryGreedy(vars);
  tryGreedy(space.items);
  /** Positions no selection from the root can hold and beat `bar`: by their forced-in bounds. */
  const hopeless = (bar: number): Uint8Array | null => {
    if (!rootRelax) return null;
    const withEach = rootRelax.withEach();
    const out = new Uint8Array(space.n);
    for (let p = 0; p < space.n; p++) if (withEach[p]! <= bar) out[p] = 1;
    return out;
  };
  let aside: Uint8Array | null = null;
  if (rootRelax) {
    rootRelax.optimize(bestValue);
    // (With no side rule binding, the knapsack's own break solution is as good.)
    for (const multipliers of idle ? [] : [rootRelax.balanced, rootRelax.multipliers]) {
      const terms = space.items.map((_, p) => rootRelax.term(p, multipliers));
      const order = [...space.items.keys()].sort((x, y) => terms[y]! - terms[x]! || x - y);
      tryGreedy(order.map((p) => space.items[p]!));
    }
    aside = hopeless(bestValue);
  }
  // A search sets aside what cannot beat its incumbent; a better incumbent sets aside more. So
  // search a while, and when that has not proved the optimum, restart from the best found with
  // four times the time.
  for (let stopAfter = 20_000; ; stopAfter *= 4) {
    const found = search(space, root, bestValue, false, aside, steps, stopAfter);
    if (found.chosen) {
      bestValue = found.value;
      incumbent = found.chosen;
    }
    if (found.complete) break;
  }
  if (!incumbent) diagnoseMins(setup, bundle, fitting, steps);
  const optimum = bestValue;

  // Phase 2: the lexicographic tie-break, in rank order. A proposal whose forced-in bound at
  // the root (at phase 1's multipliers: any give valid bounds) is below the optimum is in no
  // optimal bundle and needs no search.
  const inWitness = new Uint8Array(space.n);
  for (const p of incumbent!) inWitness[p] = 1;
  // Positions decided so far or in no optimal bundle (skipped by later searches).
  const skip = hopeless(optimum - 1) ?? new Uint8Array(space.n);
  const fixed = cloneStart(root);
  const chosen: Item[] = [];
  for (const item of vars) {
    const p = position.get(item.index)!;
    const inNone = skip[p] === 1;
    skip[p] = 1;
    if (!inWitness[p]) {
      if (inNone || !canAdd(space, fixed, p)) continue;
      const trial = cloneStart(fixed);
      apply(space, trial, p, 1);
      const found = search(space, trial, optimum - 1, true, skip, steps).chosen;
      if (!found) continue;
      // The new witness: what is fixed, this proposal, and what the search added.
      inWitness.fill(0);
      for (const q of found) inWitness[q] = 1;
    }
    apply(space, fixed, p, 1);
    chosen.push(item);
  }
  if (fixed.value !== optimum) throw new Error('max-score: the tie-break lost the optimum (a bug)');
  return chosen;
}

/**
 * The variables less those no optimal bundle holds because enough others dominate them. In a
 * category with room for `room` more, a proposal j is dominated by i when i is of the same
 * category (and of the same community, when shares are capped), in no incompatible group, asks
 * at most as much, and scores more, or as much and is ranked better. With `room` such i, any
 * bundle holding j leaves one of them out (it holds at most `room` of the category, j
 * included), and swapping j for it keeps every rule (same category count, no more money for
 * the budget or the community, no group) and gives a greater total, or an equal one that the
 * tie-break prefers (it holds the better-ranked i where the two differ). So the optimum, tie
 * broken, holds no dominated proposal and the search need not consider them. This is the
 * dominance of the multiple-choice knapsack (Sinha and Zoltners, "The multiple-choice knapsack
 * problem", Operations Research 27(3), 1979, pp. 503–515), generalised to `room` choices.
 */
function undominated(setup: Setup, bundle: Bundle, vars: readonly Item[]): Item[] {
  if (setup.catMax.every((max, cat) => max - bundle.catCount[cat]! >= vars.length)) return [...vars];
  const capped = setup.comCap.some((cap) => cap !== Number.POSITIVE_INFINITY);
  const cells = new Map<number, Item[]>();
  for (const item of vars) {
    const key = item.cat * (setup.comNames.length + 1) + (capped ? item.com : setup.comNames.length);
    const cell = cells.get(key);
    if (cell) cell.push(item);
    else cells.set(key, [item]);
  }
  /** i before j: i scores more, or as much and is ranked better. */
  const better = (i: Item, j: Item) =>
    i.candidate.score > j.candidate.score || (i.candidate.score === j.candidate.score && i.index < j.index);
  const dominated = new Set<Item>();
  for (const cell of cells.values()) {
    const room = setup.catMax[cell[0]!.cat]! - bundle.catCount[cell[0]!.cat]!;
    if (room >= cell.length) continue;
    // In order of amount, then best first: every proposal's dominators come before it. The
    // `room` best of those seen (in no group) are kept, best first.
    cell.sort((x, y) => x.amount - y.amount || (better(x, y) ? -1 : 1));
    const kept: Item[] = [];
    for (const item of cell) {
      if (kept.length === room && better(kept[room - 1]!, item)) dominated.add(item);
      if (item.groups.length > 0) continue;
      const at = kept.findIndex((other) => better(item, other));
      if (at >= 0) kept.splice(at, 0, item);
      else kept.push(item);
      if (kept.length > room) kept.pop();
    }
  }
  return vars.filter((item) => !dominated.has(item));
}

/**
 * No bundle meets every category minimum: name the first category (in code order) whose
 * minimum cannot be met together with those before it, and the most of it any bundle could
 * hold (found by the same exact search, counting that category's proposals).
 */
function diagnoseMins(setup: Setup, bundle: Bundle, vars: readonly Item[], steps: Steps): never {
  const minCats = setup.catMin.flatMap((min, cat) => (min > bundle.catCount[cat]! ? [cat] : []));
  for (const [k, cat] of minCats.entries()) {
    const before = minCats.slice(0, k);
    const space = buildSpace(setup, vars, (item) => (item.cat === cat ? 1 : 0), before);
    const found = search(space, startOf(setup, bundle, before), -1, false, null, steps).chosen;
    const chosen = found ? found.map((p) => space.items[p]!).filter((item) => item.cat === cat) : [];
    const possible = bundle.catCount[cat]! + chosen.length;
    if (!found || possible < setup.catMin[cat]!) {
      const manual = setup.items.filter((item) => item.cat === cat && bundle.funded.has(item.index));
      throw new ShortlistInfeasibleError({
        code: 'category-min-unmet',
        category: setup.catNames[cat]!,
        min: setup.catMin[cat]!,
        possible,
        proposalIds: byOrder([...manual, ...chosen].sort((a, b) => a.index - b.index)),
      });
    }
  }
  throw new Error('max-score: no feasible bundle, yet every minimum can be met (a bug)');
}
