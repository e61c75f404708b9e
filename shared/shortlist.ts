import { MAX_FEN } from './money.ts';
import { FULL_MARKS } from './scoring.ts';

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
  /** max-score only: the search steps (bound evaluations) the exact search took. */
  searchSteps?: number;
}

export type ShortlistInfeasibility =
  | { code: 'category-min-unmet'; category: string; min: number; possible: number; proposalIds: string[] }
  | { code: 'manual-add-over-budget'; proposalIds: string[]; totalFen: number; budgetFen: number }
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
  /** max-score: bound evaluations allowed before ShortlistSearchLimitError (default DEFAULT_STEP_LIMIT). */
  stepLimit?: number;
}

export const DEFAULT_STEP_LIMIT = 20_000_000;

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

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
    if (with_ >= 0) return { code: 'incompatible', withProposalId: this.setup.items[with_]!.id };
    const max = this.setup.catMax[item.cat]!;
    if (this.catCount[item.cat]! >= max) {
      return { code: 'category-max', category: this.setup.catNames[item.cat]!, max };
    }
    const capFen = this.setup.comCap[item.com]!;
    if (this.comUsed[item.com]! + item.amount > capFen) {
      return { code: 'community-share', community: this.setup.comNames[item.com]!, capFen };
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
      reasons[item.index] = { code: 'below-min-score', minScore: rules.minScore };
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
    if (partial) reasons[partial.index] = { code: 'selected-partial', amountFen: bundle.addPartial(partial) };
    for (const item of unselected) {
      if (reasons[item.index] !== undefined) continue;
      reasons[item.index] = bundle.conflict(item) ?? { code: 'not-in-optimum', leftFen: bundle.left };
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
      reasons[item.index] = { code: 'selected-partial', amountFen: bundle.addPartial(item) };
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
  /** Categories whose minimum the search must meet, and per such category, over positions i..n-1: */
  minCats: number[];
  /** … how many variables of the category there are, */
  suffixCount: Int32Array[];
  /** … and the smallest amount among them (Infinity when none). */
  suffixMinW: Float64Array[];
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
    w: Float64Array.from(items, (item) => item.amount),
    v: Float64Array.from(items, values),
    cat: Int32Array.from(items, (item) => item.cat),
    com: Int32Array.from(items, (item) => item.com),
    groups: items.map((item) => Int32Array.from(item.groups)),
    minCats,
    suffixCount: [],
    suffixMinW: [],
    hasComCaps: setup.comCap.some((cap) => cap !== Number.POSITIVE_INFINITY),
  };
  for (const cat of minCats) {
    const count = new Int32Array(n + 1);
    const minW = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    for (let i = n - 1; i >= 0; i--) {
      const mine = space.cat[i] === cat;
      count[i] = count[i + 1]! + (mine ? 1 : 0);
      minW[i] = mine ? Math.min(minW[i + 1]!, space.w[i]!) : minW[i + 1]!;
    }
    space.suffixCount.push(count);
    space.suffixMinW.push(minW);
  }
  return space;
}

function startOf(setup: Setup, bundle: Bundle, minCats: readonly number[]): Start {
  const need = new Int32Array(setup.catNames.length);
  for (const cat of minCats) need[cat] = Math.max(0, setup.catMin[cat]! - bundle.catCount[cat]!);
  return {
    value: 0,
    left: bundle.left,
    catRoom: Int32Array.from(setup.catMax, (max, cat) =>
      max === Number.POSITIVE_INFINITY ? NO_MAX : max - bundle.catCount[cat]!,
    ),
    need,
    comLeft: Float64Array.from(setup.comCap, (cap, com) => cap - bundle.comUsed[com]!),
    groupTaken: Uint8Array.from(bundle.groupTaker, (taker) => (taker >= 0 ? 1 : 0)),
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

/** A min-heap of at most `capacity` keys, each with a weight: keeps the largest keys pushed. */
class TopK {
  readonly keys: Float64Array;
  readonly weights: Float64Array;
  size = 0;
  capacity: number;
  constructor(length: number) {
    this.keys = new Float64Array(Math.max(length, 0));
    this.weights = new Float64Array(Math.max(length, 0));
    this.capacity = this.keys.length;
  }
  push(key: number, weight: number): void {
    const h = this.keys;
    const g = this.weights;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (h[parent]! <= key) break;
        h[i] = h[parent]!;
        g[i] = g[parent]!;
        i = parent;
      }
      h[i] = key;
      g[i] = weight;
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
        i = child;
      }
      h[i] = key;
      g[i] = weight;
    }
  }
}

/**
 * Upper bounds on what a selection can still gain from the variables avail[k..m-1] (positions
 * in ratio order), read off the live state `s`. Two relaxations, both computed in exact integer
 * arithmetic and rounded up to a whole score:
 *
 * - `lp`: the LP relaxation with the budget and each community's cap. Those caps form a laminar
 *   family, so filling by ratio is the LP optimum.
 * - `lagrange`: for any λ = a/b ≥ 0, λ·left plus, for each category with a max, its best `room`
 *   reduced scores v − λ·w, and for every other variable its reduced score, counting positive
 *   ones only: every selection within the budget and the category maxima scores at most that.
 *   λ is a ratio of scores over amounts (a ≤ 10^4, b ≤ 10^10), so every product v·b and a·w is
 *   below 2^53 and exact, and sums are kept as quotient and remainder of b.
 */
class Relaxation {
  private readonly scratch: Float64Array;
  private readonly touched: number[] = [];
  private readonly capped: Uint8Array;
  readonly cappedCats: number[];
  private readonly tops: TopK[];
  private readonly countLeft: Int32Array;
  /** Per group: the best and second-best positive reduced score of its open members, and the price. */
  private readonly first: Float64Array;
  private readonly second: Float64Array;
  private readonly price: Float64Array;
  private readonly priced: number[] = [];
  private readonly grouped: boolean;
  /** The amount of the set the last `lagrange` call counted. */
  weight = 0;

  constructor(
    private readonly space: Space,
    private readonly s: Start,
    readonly avail: Int32Array,
  ) {
    this.scratch = s.comLeft.slice();
    this.capped = Uint8Array.from(s.catRoom, (room) => (room < NO_MAX ? 1 : 0));
    this.cappedCats = [...this.capped.keys()].filter((c) => this.capped[c]);
    this.tops = Array.from(
      s.catRoom,
      (room, c) => new TopK(this.capped[c] ? Math.min(room, avail.length) : 0),
    );
    this.countLeft = new Int32Array(s.catRoom.length).fill(NO_MAX);
    this.first = new Float64Array(s.groupTaken.length);
    this.second = new Float64Array(s.groupTaken.length);
    this.price = new Float64Array(s.groupTaken.length);
    this.grouped = avail.some((j) => space.groups[j]!.length > 0);
  }

  /** Position j can still join, as far as the bounds look (its category's room and its groups). */
  open(j: number): boolean {
    const { s, space } = this;
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

  /**
   * Prices the groups at λ = a/b (times b): each group's second-best positive reduced score
   * among its open members from avail[k], so that at most one member keeps a positive price-
   * adjusted score. Returns the end of the positive prefix (ratio order).
   */
  private priceGroups(k: number, a: number, b: number): number {
    const { avail, first, second, price, priced } = this;
    const { w, v, groups } = this.space;
    for (const g of priced) {
      first[g] = 0;
      second[g] = 0;
      price[g] = 0;
    }
    priced.length = 0;
    let end = k;
    for (; end < avail.length; end++) {
      const j = avail[end]!;
      const reduced = v[j]! * b - a * w[j]!;
      if (reduced <= 0) {
        if (w[j]! > 0) break;
        continue;
      }
      if (!this.grouped || groups[j]!.length === 0 || !this.open(j)) continue;
      for (const g of groups[j]!) {
        if (first[g] === 0 && second[g] === 0) priced.push(g);
        if (reduced > first[g]!) {
          second[g] = first[g]!;
          first[g] = reduced;
        } else if (reduced > second[g]!) second[g] = reduced;
      }
    }
    for (const g of priced) price[g] = second[g]!;
    return end;
  }

  /** The price-adjusted reduced score of position j (times b). */
  private adjusted(j: number, reduced: number): number {
    let value = reduced;
    for (const g of this.space.groups[j]!) value -= this.price[g]!;
    return value;
  }

  /**
   * The Lagrangian bound at λ = a/b over avail[k..]: λ·left, plus each group's price, plus for
   * each category with a max its best `room` price-adjusted reduced scores, and for the others
   * every positive one. Sums are kept as quotient and remainder of b, so they stay exact.
   */
  lagrange(k: number, a: number, b: number): number {
    const { s, avail, tops, capped, cappedCats, priced, price } = this;
    const { w, cat } = this.space;
    for (const c of cappedCats)
      tops[c]!.capacity = Math.max(0, Math.min(s.catRoom[c]!, tops[c]!.keys.length));
    const end = this.priceGroups(k, a, b);
    const whole = a * s.left;
    let q = floorDiv(whole, b);
    let r = whole - q * b;
    let weight = 0;
    const add = (reduced: number) => {
      const part = floorDiv(reduced, b);
      q += part;
      r += reduced - part * b;
      if (r >= b) {
        q += 1;
        r -= b;
      }
    };
    for (const g of priced) add(price[g]!);
    for (let x = k; x < end; x++) {
      const j = avail[x]!;
      if (!this.open(j)) continue;
      const value = this.adjusted(j, this.space.v[j]! * b - a * w[j]!);
      if (value <= 0) continue;
      const c = cat[j]!;
      if (capped[c]) tops[c]!.push(value, w[j]!);
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
   * A good λ: the amount of the set the Lagrangian bound counts shrinks as λ grows, and the bound
   * is least about where that amount crosses the budget left; bisection finds that λ (in
   * floating point: it only chooses λ, any λ ≥ 0 gives a valid bound), which is then written
   * a/b with v·b, a·w and a·left at most 2^52, so that every product is exact.
   */
  multiplier(): [number, number] {
    const { avail, s } = this;
    const { w, v } = this.space;
    let vMax = 1;
    let cap = Math.max(s.left, 1);
    let hi = 0;
    for (const j of avail) {
      vMax = Math.max(vMax, v[j]!);
      cap = Math.max(cap, w[j]!);
      if (w[j]! > 0) hi = Math.max(hi, v[j]! / w[j]!);
    }
    const LIMIT = 2 ** 52;
    const fraction = (lambda: number): [number, number] => {
      let b = Math.floor(LIMIT / vMax);
      if (lambda * b > LIMIT / cap) b = Math.max(1, Math.floor(LIMIT / (cap * lambda)));
      return [Math.min(Math.floor(lambda * b), Math.floor(LIMIT / cap)), b];
    };
    const counted = (lambda: number) => {
      this.lagrange(0, ...fraction(lambda));
      return this.weight;
    };
    if (counted(0) <= s.left) return [0, 1];
    let lo = 0;
    for (let round = 0; round < 50 && hi - lo > hi * 1e-12; round++) {
      const mid = (lo + hi) / 2;
      if (counted(mid) > s.left) lo = mid;
      else hi = mid;
    }
    const below = fraction(lo);
    const above = fraction(hi);
    return this.lagrange(0, ...above) < this.lagrange(0, ...below) ? above : below;
  }

  /**
   * For each available variable, a bound on every selection that includes it, at λ = a/b: the
   * Lagrangian bound with that variable forced in (it takes the place of its category's
   * `room`-th best adjusted score, or adds its own when it was not counted). -Infinity when it
   * cannot join at all. Indexed by position.
   */
  withEach(a: number, b: number): Float64Array {
    const { s, avail, capped, priced, price } = this;
    const { w, v, cat, n } = this.space;
    const result = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    this.priceGroups(0, a, b);
    const whole = a * s.left;
    let q = floorDiv(whole, b);
    let r = whole - q * b;
    const add = (reduced: number) => {
      const part = floorDiv(reduced, b);
      q += part;
      r += reduced - part * b;
      if (r >= b) {
        q += 1;
        r -= b;
      }
    };
    for (const g of priced) add(price[g]!);
    const reducedValue = (j: number) => this.adjusted(j, v[j]! * b - a * w[j]!);
    const lists = new Map<number, number[]>();
    for (const j of avail) {
      if (!this.open(j)) continue;
      const value = reducedValue(j);
      if (value <= 0) continue;
      if (capped[cat[j]!]) {
        const list = lists.get(cat[j]!);
        if (list) list.push(value);
        else lists.set(cat[j]!, [value]);
      } else add(value);
    }
    /** The adjusted score a variable of each capped category must displace: its room-th best, or 0. */
    const displaced = new Map<number, number>();
    for (const [c, list] of lists) {
      list.sort((x, y) => y - x);
      const room = s.catRoom[c]!;
      for (const value of list.slice(0, room)) add(value);
      displaced.set(c, list.length >= room ? list[room - 1]! : 0);
    }
    // The bound is s.value + q + r/b; forced in, j adds min(0, its score − what it displaces).
    for (const j of avail) {
      if (!this.open(j)) continue;
      const loss = capped[cat[j]!] ? (displaced.get(cat[j]!) ?? 0) : 0;
      result[j] = s.value + q + floorDiv(r + Math.min(0, reducedValue(j) - loss), b);
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
 * when there is none; with `stopAtFirst`, the first such one, else the best.
 *
 * Before branching, each variable whose forced-in Lagrangian bound (Relaxation.withEach) cannot
 * beat `best` is set aside: no selection with it can. The others are branched on in ratio
 * order: each node is a selection, and its children add one more variable at a later place
 * (so every subset is visited at most once). Child k is tried only while the LP and the
 * Lagrangian bounds over avail[k..] still beat `best`; both cover fewer selections as k grows,
 * so the first k that fails ends the node.
 */
function search(
  space: Space,
  root: Start,
  initialBest: number,
  stopAtFirst: boolean,
  skip: Uint8Array | null,
  steps: Steps,
  stopAfter = Number.POSITIVE_INFINITY,
): Found {
  const { minCats, suffixCount, suffixMinW } = space;
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
  let avail = Int32Array.from({ length: space.n }, (_, j) => j).filter(
    (j) => !skip?.[j] && canAdd(space, s, j),
  );
  let relax = new Relaxation(space, s, avail);
  const [rootA, rootB] = relax.multiplier();
  const withEach = relax.withEach(rootA, rootB);
  avail = avail.filter((j) => withEach[j]! > best);
  relax = new Relaxation(space, s, avail);
  const lagrangian = relax.cappedCats.length > 0;

  /** The mins can still be met from avail[k..] (counts, and the least money they need). */
  const minsReachable = (k: number) => {
    if (k >= avail.length) return false;
    const from = avail[k]!;
    let money = 0;
    for (let x = 0; x < minCats.length; x++) {
      const need = s.need[minCats[x]!]!;
      if (need <= 0) continue;
      if (suffixCount[x]![from]! < need) return false;
      money += need * suffixMinW[x]![from]!;
    }
    return money <= s.left;
  };

  const m = avail.length;
  const next = new Int32Array(m + 1);
  const taken = new Int32Array(m + 1);
  let depth = 0;
  for (;;) {
    let descended = false;
    for (let k = next[depth]!; k < m; k++) {
      if (++steps.count > steps.limit) throw new ShortlistSearchLimitError(steps.count);
      if (steps.count - startedAt > stopAfter) return { value: best, chosen: bestChosen, complete: false };
      if (minCats.length > 0 && unmet() && !minsReachable(k)) break;
      if (relax.lp(k) <= best) break;
      if (lagrangian) {
        if (relax.lagrange(k, rootA, rootB) <= best) break;
        if (relax.lagrange(k, ...relax.countingFill(k)) <= best) break;
      }
      const j = avail[k]!;
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
  const vars = eligible.filter((item) => bundle.conflict(item) === null && item.amount <= bundle.left);
  const score = (item: Item) => item.candidate.score;
  const space = buildSpace(setup, vars, score, minCats);
  const root = startOf(setup, bundle, minCats);
  const position = new Map(space.items.map((item, p) => [item.index, p]));
  const rootRelax = new Relaxation(
    space,
    root,
    Int32Array.from({ length: space.n }, (_, p) => p),
  );
  const [a, b] = rootRelax.multiplier();

  // Phase 1: the optimal total, searched from the best of three feasible greedy bundles (in
  // rank order, in ratio order, and by reduced score at the root's λ).
  const byReduced = [...space.items].sort(
    (x, y) => score(y) * b - a * y.amount - (score(x) * b - a * x.amount) || x.index - y.index,
  );
  let incumbent: number[] | null = null;
  let bestValue = -1;
  for (const order of [vars, space.items, byReduced]) {
    const set = greedy(setup, bundle, order);
    if (!set) continue;
    const value = set.reduce((sum, item) => sum + score(item), 0);
    if (value > bestValue) {
      bestValue = value;
      incumbent = set.map((item) => position.get(item.index)!);
    }
  }
  // A search sets aside what cannot beat its incumbent; a better incumbent sets aside more. So
  // search a while, and when that has not proved the optimum, restart from the best found with
  // four times the time.
  for (let stopAfter = 20_000; ; stopAfter *= 4) {
    const found = search(space, root, bestValue, false, null, steps, stopAfter);
    if (found.chosen) {
      bestValue = found.value;
      incumbent = found.chosen;
    }
    if (found.complete) break;
  }
  if (!incumbent) diagnoseMins(setup, bundle, vars, steps);
  const optimum = bestValue;

  // Phase 2: the lexicographic tie-break, in rank order. A proposal whose forced-in bound at
  // the root is below the optimum is in no optimal bundle and needs no search.
  const withEach = rootRelax.withEach(a, b);
  const inWitness = new Uint8Array(space.n);
  for (const p of incumbent!) inWitness[p] = 1;
  // Positions decided so far (skipped by later searches), and those decided in.
  const skip = new Uint8Array(space.n);
  const fixed = cloneStart(root);
  const chosen: Item[] = [];
  for (const item of vars) {
    const p = position.get(item.index)!;
    skip[p] = 1;
    if (!inWitness[p]) {
      if (withEach[p]! < optimum || !canAdd(space, fixed, p)) continue;
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
