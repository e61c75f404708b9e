import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountOf,
  type Candidate,
  communityCapFen,
  type Decision,
  REASON_GROUP,
  SHORTLIST_POLICY_LIST,
  ShortlistInfeasibleError,
  type ShortlistPolicy,
  type ShortlistResult,
  type ShortlistRules,
  shortlist,
} from '../../shared/shortlist.ts';

const CATEGORIES = ['elderly', 'youth', 'green'];
const COMMUNITIES = ['xitun', 'donghu', 'nanling'];
/** Whole hundreds of yuan, in fen, from a few values, so that equal amounts (and ties) happen. */
const AMOUNT = fc.oneof(
  { arbitrary: fc.constantFrom(1, 2, 3, 5, 8, 10, 12, 15).map((h) => h * 1_000_000), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 150 }).map((h) => h * 10_000), weight: 1 },
);
/** A few round scores (ties in total score are common), sometimes any score. */
const SCORE = fc.oneof(
  { arbitrary: fc.constantFrom(5000, 6000, 7000, 8000, 9000), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 10_000 }), weight: 1 },
);

/** Tiny scores and amounts: ties everywhere, and bounds that are tight to the last unit. */
const TINY_AMOUNT = fc.integer({ min: 0, max: 6 });
const TINY_SCORE = fc.integer({ min: 0, max: 5 });

interface Instance {
  rules: ShortlistRules;
  candidates: Candidate[];
}

const candidateAt = (index: number, tiny: boolean): fc.Arbitrary<Candidate> =>
  fc
    .record({
      score: tiny ? TINY_SCORE : SCORE,
      requestedFen: tiny ? TINY_AMOUNT : AMOUNT,
      trim: tiny ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      minViable: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      category: fc.constantFrom(...CATEGORIES),
      community: fc.constantFrom(...COMMUNITIES),
      rankGap: fc.integer({ min: 0, max: 1 }),
    })
    .map((r) => {
      const candidate: Candidate = {
        proposalId: `P${String(index).padStart(2, '0')}`,
        // Now and then two candidates share a rank: the order is then by id.
        rank: Math.max(1, index + 1 - r.rankGap),
        score: r.score,
        requestedFen: r.requestedFen,
        category: r.category,
        community: r.community,
      };
      // Trimmed to a whole number of yuan at or below the request.
      if (r.trim !== undefined) candidate.approvedFen = Math.floor((r.requestedFen * r.trim) / 10_000) * 100;
      if (r.minViable !== undefined)
        candidate.minViableFen = Math.floor((amountOf(candidate) * r.minViable) / 100);
      return candidate;
    });

/** An instance: up to maxCandidates proposals in rank order, and random side rules. */
function instance(maxCandidates: number, policy?: ShortlistPolicy, tiny = false): fc.Arbitrary<Instance> {
  return fc
    .integer({ min: 0, max: maxCandidates })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateAt(i, tiny))))
    .chain((candidates) => {
      const ids = candidates.map((c) => c.proposalId);
      const total = candidates.reduce((sum, c) => sum + amountOf(c), 0);
      const rarely = <T>(arbitrary: fc.Arbitrary<T>, none: T) =>
        fc.oneof({ arbitrary: fc.constant(none), weight: 3 }, { arbitrary, weight: 1 });
      const someIds = rarely(
        ids.length > 0 ? fc.subarray(ids, { maxLength: Math.min(2, ids.length) }) : fc.constant<string[]>([]),
        [],
      );
      return fc
        .record({
          policy: policy ? fc.constant(policy) : fc.constantFrom(...SHORTLIST_POLICY_LIST),
          budgetShare: fc.integer({ min: 0, max: 100 }),
          minScore: fc.option(fc.constantFrom(5000, 6000, 7500), { nil: undefined }),
          quotas: fc.option(
            fc.dictionary(
              fc.constantFrom(...CATEGORIES),
              fc.record(
                {
                  min: rarely(fc.integer({ min: 1, max: 2 }), 0),
                  max: fc.integer({ min: 1, max: 4 }),
                },
                { requiredKeys: [] },
              ),
            ),
            { nil: undefined },
          ),
          shareBp: fc.option(fc.constantFrom(2500, 3000, 4000, 6000, 10_000), { nil: undefined }),
          groups: fc.array(
            ids.length > 1
              ? fc.subarray(ids, { minLength: 2, maxLength: Math.min(3, ids.length) })
              : fc.constant<string[]>([]),
            {
              maxLength: 3,
            },
          ),
          partialFunding: fc.boolean(),
          add: someIds,
          drop: someIds,
        })
        .map((r): Instance => {
          const rules: ShortlistRules = {
            policy: r.policy,
            budgetFen: Math.floor((total * r.budgetShare) / 100),
            partialFunding: r.partialFunding,
          };
          if (r.minScore !== undefined) rules.minScore = r.minScore;
          if (r.quotas !== undefined) {
            // min ≤ max, as a contest's rules have them.
            rules.categoryQuotas = Object.fromEntries(
              Object.entries(r.quotas).map(([category, q]) => [
                category,
                q.min !== undefined && q.max !== undefined ? { min: Math.min(q.min, q.max), max: q.max } : q,
              ]),
            );
          }
          if (r.shareBp !== undefined) rules.communityMaxShareBp = r.shareBp;
          if (r.groups.length > 0) rules.incompatibleGroups = r.groups;
          const drop = r.drop.filter((id) => !r.add.includes(id));
          if (r.add.length > 0 || drop.length > 0) {
            rules.manual = {
              add: r.add.map((proposalId) => ({ proposalId, reason: '街道办研究决定' })),
              drop: drop.map((proposalId) => ({ proposalId, reason: '与既有项目重复' })),
            };
          }
          return { rules, candidates };
        });
    });
}

/** The result, or the infeasibility code. */
function run(rules: ShortlistRules, candidates: readonly Candidate[]): ShortlistResult | string {
  try {
    return shortlist(rules, candidates);
  } catch (error) {
    if (error instanceof ShortlistInfeasibleError) return error.code;
    throw error;
  }
}

const selectedOf = (result: ShortlistResult) => result.decisions.filter((d) => d.selected);

// ---------------------------------------------------------------------------------------------
// A brute force, written from docs/shortlisting.md without the module's code: every subset of
// the free proposals, kept when it meets every rule; the best total score, ties to the bundle
// that holds the better-ranked proposal where two differ; then the partial funding of the
// leftover.

interface Brute {
  selected: Map<string, number>;
  totalScore: number;
}

function bruteForce(rules: ShortlistRules, candidates: readonly Candidate[]): Brute | 'category-min-unmet' {
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || (a.proposalId < b.proposalId ? -1 : 1));
  const added = new Set((rules.manual?.add ?? []).map((m) => m.proposalId));
  const dropped = new Set((rules.manual?.drop ?? []).map((m) => m.proposalId));
  const forced = sorted.filter((c) => added.has(c.proposalId));
  const free = sorted.filter(
    (c) =>
      !added.has(c.proposalId) &&
      !dropped.has(c.proposalId) &&
      !(rules.minScore !== undefined && c.score < rules.minScore),
  );
  const cap =
    rules.communityMaxShareBp === undefined
      ? Number.POSITIVE_INFINITY
      : Math.floor((rules.budgetFen * rules.communityMaxShareBp) / 10_000);
  const groups = (rules.incompatibleGroups ?? []).map((g) => new Set(g));

  const fits = (set: readonly Candidate[]): boolean => {
    if (set.reduce((sum, c) => sum + amountOf(c), 0) > rules.budgetFen) return false;
    for (const group of groups) if (set.filter((c) => group.has(c.proposalId)).length > 1) return false;
    for (const category of CATEGORIES) {
      const quota = rules.categoryQuotas?.[category];
      const all = set.filter((c) => c.category === category);
      const manual = all.filter((c) => added.has(c.proposalId)).length;
      if (all.length < (quota?.min ?? 0)) return false;
      // A manual addition may overfill a category; then no other proposal of it joins.
      if (quota?.max !== undefined && all.length - manual > Math.max(0, quota.max - manual)) return false;
    }
    for (const community of COMMUNITIES) {
      const all = set.filter((c) => c.community === community);
      const manualFen = all.filter((c) => added.has(c.proposalId)).reduce((s, c) => s + amountOf(c), 0);
      const others = all.filter((c) => !added.has(c.proposalId));
      if (manualFen > cap ? others.length > 0 : all.reduce((s, c) => s + amountOf(c), 0) > cap) return false;
    }
    return true;
  };

  let best: { mask: number; score: number } | undefined;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const set = [...forced, ...free.filter((_, i) => mask & (1 << i))];
    if (!fits(set)) continue;
    const score = set.reduce((sum, c) => sum + c.score, 0);
    // Bit i is the i-th free proposal in rank order: the lowest differing bit decides a tie.
    const differ = best ? mask ^ best.mask : 0;
    if (!best || score > best.score || (score === best.score && mask & differ & -differ)) {
      best = { mask, score };
    }
  }
  if (!best) return 'category-min-unmet';
  const chosen = [...forced, ...free.filter((_, i) => best.mask & (1 << i))];
  const selected = new Map(chosen.map((c) => [c.proposalId, amountOf(c)]));
  let totalScore = best.score;
  const left = rules.budgetFen - chosen.reduce((sum, c) => sum + amountOf(c), 0);
  if (rules.partialFunding && left > 0) {
    // The best-ranked left-out proposal that breaks no rule at its full amount and can run on the leftover.
    const breaksNoRule = (c: Candidate) => {
      if (groups.some((g) => g.has(c.proposalId) && chosen.some((x) => g.has(x.proposalId)))) return false;
      const max = rules.categoryQuotas?.[c.category]?.max;
      if (max !== undefined && chosen.filter((x) => x.category === c.category).length >= max) return false;
      const used = chosen.filter((x) => x.community === c.community).reduce((s, x) => s + amountOf(x), 0);
      return used + amountOf(c) <= cap;
    };
    const partial = free.find(
      (c) =>
        !selected.has(c.proposalId) &&
        c.minViableFen !== undefined &&
        c.minViableFen <= left &&
        amountOf(c) > left &&
        breaksNoRule(c),
    );
    if (partial) {
      selected.set(partial.proposalId, left);
      totalScore += partial.score;
    }
  }
  return { selected, totalScore };
}

// ---------------------------------------------------------------------------------------------

/** Every rule the result must obey, whatever the policy, read off the result alone. */
function expectObeysRules(
  rules: ShortlistRules,
  candidates: readonly Candidate[],
  result: ShortlistResult,
): void {
  const byId = new Map(candidates.map((c) => [c.proposalId, c]));
  const added = new Set((rules.manual?.add ?? []).map((m) => m.proposalId));
  const selected = selectedOf(result);
  const used = selected.reduce((sum, d) => sum + d.amountFen, 0);
  expect(result.usedFen).toBe(used);
  expect(used).toBeLessThanOrEqual(rules.budgetFen);
  expect(result.leftFen).toBe(rules.budgetFen - used);
  expect(result.selectedCount).toBe(selected.length);
  expect(result.totalScore).toBe(selected.reduce((sum, d) => sum + d.score, 0));
  expect(result.decisions.map((d) => d.proposalId).sort()).toEqual([...byId.keys()].sort());
  for (const d of result.decisions) {
    const c = byId.get(d.proposalId)!;
    expect(d.group).toBe(REASON_GROUP[d.reason.code]);
    expect(d.selected).toBe(d.group === 'selected');
    expect(d.askedFen).toBe(amountOf(c));
    if (!d.selected || d.reason.code !== 'selected-partial') expect(d.amountFen).toBe(amountOf(c));
  }
  const partials = selected.filter((d) => d.reason.code === 'selected-partial');
  expect(partials.length).toBeLessThanOrEqual(rules.partialFunding ? 1 : 0);
  for (const d of partials) {
    expect(d.amountFen).toBeLessThan(d.askedFen);
    expect(d.amountFen).toBeGreaterThanOrEqual(byId.get(d.proposalId)!.minViableFen!);
    expect(d.amountFen).toBeGreaterThan(0);
  }
  for (const d of selected) {
    const c = byId.get(d.proposalId)!;
    if (!added.has(d.proposalId)) {
      expect((rules.manual?.drop ?? []).map((m) => m.proposalId)).not.toContain(d.proposalId);
      if (rules.minScore !== undefined) expect(c.score).toBeGreaterThanOrEqual(rules.minScore);
    }
  }
  for (const group of rules.incompatibleGroups ?? []) {
    expect(selected.filter((d) => group.includes(d.proposalId)).length).toBeLessThanOrEqual(1);
  }
  const ofCategory = (category: string) =>
    selected.filter((d) => byId.get(d.proposalId)!.category === category);
  for (const [category, quota] of Object.entries(rules.categoryQuotas ?? {})) {
    const all = ofCategory(category);
    const manual = all.filter((d) => added.has(d.proposalId)).length;
    expect(all.length).toBeGreaterThanOrEqual(quota.min ?? 0);
    if (quota.max !== undefined) expect(all.length).toBeLessThanOrEqual(Math.max(quota.max, manual));
  }
  if (rules.communityMaxShareBp !== undefined) {
    const cap = communityCapFen(rules.budgetFen, rules.communityMaxShareBp);
    for (const community of COMMUNITIES) {
      const all = selected.filter((d) => byId.get(d.proposalId)!.community === community);
      const manualFen = all.filter((d) => added.has(d.proposalId)).reduce((s, d) => s + d.amountFen, 0);
      expect(all.reduce((s, d) => s + d.amountFen, 0)).toBeLessThanOrEqual(Math.max(cap, manualFen));
    }
  }
}

/** Each reason is true of the result it is part of. */
function expectReasonsHold(
  rules: ShortlistRules,
  candidates: readonly Candidate[],
  result: ShortlistResult,
): void {
  const byId = new Map(candidates.map((c) => [c.proposalId, c]));
  const selected = selectedOf(result);
  const selectedIds = new Set(selected.map((d) => d.proposalId));
  for (const d of result.decisions) {
    const c = byId.get(d.proposalId)!;
    const reason = d.reason;
    switch (reason.code) {
      case 'below-min-score':
        expect(c.score).toBeLessThan(reason.minScore);
        break;
      case 'budget':
        expect(result.policy).toBe('rank-fill');
        expect(d.askedFen).toBeGreaterThan(reason.leftFen);
        expect(reason.leftFen).toBeGreaterThanOrEqual(result.leftFen);
        break;
      case 'not-in-optimum':
        expect(result.policy).toBe('max-score');
        expect(reason.leftFen).toBe(result.leftFen);
        expect(d.askedFen).toBeGreaterThan(reason.leftFen);
        break;
      case 'rank-strict-stopped': {
        expect(result.policy).toBe('rank-strict');
        const at = result.decisions.find((x) => x.proposalId === reason.atProposalId)!;
        expect(at.rank).toBeLessThanOrEqual(d.rank);
        break;
      }
      case 'incompatible':
        expect(selectedIds.has(reason.withProposalId)).toBe(true);
        expect(
          (rules.incompatibleGroups ?? []).some(
            (g) => g.includes(d.proposalId) && g.includes(reason.withProposalId),
          ),
        ).toBe(true);
        break;
      case 'category-max':
        expect(
          selected.filter((x) => byId.get(x.proposalId)!.category === reason.category).length,
        ).toBeGreaterThanOrEqual(reason.max);
        break;
      case 'community-share': {
        const used = selected
          .filter((x) => byId.get(x.proposalId)!.community === reason.community)
          .reduce((s, x) => s + x.amountFen, 0);
        expect(used + d.askedFen).toBeGreaterThan(reason.capFen);
        break;
      }
      default:
        break;
    }
  }
}

/** max-score's bundle is the brute force's, proposal for proposal and amount for amount. */
function expectBruteForce(rules: ShortlistRules, candidates: readonly Candidate[]): void {
  const result = run(rules, candidates);
  const brute = bruteForce(rules, candidates);
  if (typeof result === 'string') {
    // Manual-decision errors come before any search; the only search outcome is an unmet minimum.
    if (result === 'category-min-unmet') expect(brute).toBe('category-min-unmet');
    return;
  }
  expect(brute).not.toBe('category-min-unmet');
  const expected = brute as Brute;
  expect(new Map(selectedOf(result).map((d) => [d.proposalId, d.amountFen]))).toEqual(expected.selected);
  expect(result.totalScore).toBe(expected.totalScore);
}

const shuffled = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)]! * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

describe('shortlisting invariants', () => {
  it('never exceeds the budget, under every policy, and every rule holds in the result', () => {
    fc.assert(
      fc.property(instance(14), ({ rules, candidates }) => {
        const result = run(rules, candidates);
        if (typeof result === 'string') return;
        expectObeysRules(rules, candidates, result);
        expectReasonsHold(rules, candidates, result);
      }),
      { numRuns: 400 },
    );
  });

  it('never exceeds the budget with large instances and large amounts', () => {
    const big = fc.integer({ min: 1, max: 10_000_000_000 });
    fc.assert(
      fc.property(
        instance(40),
        fc.array(big, { minLength: 1, maxLength: 40 }),
        ({ rules, candidates }, amounts) => {
          const scaled = candidates.map((c, i) => {
            const requestedFen = amounts[i % amounts.length]!;
            const { approvedFen: _a, minViableFen: _m, ...rest } = c;
            return { ...rest, requestedFen, minViableFen: Math.floor(requestedFen / 3) };
          });
          const total = scaled.reduce((s, c) => s + c.requestedFen, 0);
          const scaledRules = { ...rules, budgetFen: Math.min(10_000_000_000, Math.floor(total / 3)) };
          const result = run(scaledRules, scaled);
          if (typeof result === 'string') return;
          expectObeysRules(scaledRules, scaled, result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('max-score equals a brute force over every subset (up to 15 proposals, with side rules)', () => {
    const realistic = instance(15, 'max-score');
    const tiny = instance(15, 'max-score', true);
    fc.assert(
      fc.property(fc.oneof(realistic, tiny), ({ rules, candidates }) => expectBruteForce(rules, candidates)),
      { numRuns: 600 },
    );
  });

  it('max-score equals a brute force on the plain knapsack, ties included (the expanding-core path)', () => {
    // Budget only: any whole yuan (the hard case), a few round amounts (ties), amounts of 0, or
    // tiny scores and amounts (bounds tight to the last unit).
    const plain = fc
      .record({
        rows: fc.array(
          fc.oneof(
            fc.record({
              score: SCORE,
              fen: fc.oneof(
                fc.integer({ min: 0, max: 15_000 }).map((yuan) => yuan * 100),
                fc.constantFrom(0, 100_000, 200_000, 500_000),
              ),
            }),
            fc.record({ score: TINY_SCORE, fen: TINY_AMOUNT }),
          ),
          { maxLength: 14 },
        ),
        share: fc.integer({ min: 0, max: 100 }),
        partialFunding: fc.boolean(),
      })
      .map(({ rows, share, partialFunding }): Instance => {
        const candidates = rows.map(
          ({ score, fen }, i): Candidate => ({
            proposalId: `P${String(i).padStart(2, '0')}`,
            rank: i + 1,
            score,
            requestedFen: fen,
            minViableFen: Math.floor(fen / 2),
            category: CATEGORIES[i % CATEGORIES.length]!,
            community: COMMUNITIES[i % COMMUNITIES.length]!,
          }),
        );
        const total = candidates.reduce((sum, c) => sum + c.requestedFen, 0);
        const budgetFen = Math.floor((total * share) / 100);
        return { rules: { policy: 'max-score', budgetFen, partialFunding }, candidates };
      });
    fc.assert(
      fc.property(plain, ({ rules, candidates }) => expectBruteForce(rules, candidates)),
      { numRuns: 300 },
    );
  });

  it('max-score equals a brute force when tight category maxima make many proposals dominated', () => {
    // Few amounts and scores (so equal ones are everywhere), one or two per category at most.
    const crowded = fc
      .record({
        rows: fc.array(
          fc.record({
            score: fc.constantFrom(7000, 7500, 8000),
            fen: fc.constantFrom(1_000_000, 2_000_000, 3_000_000),
            category: fc.constantFrom(...CATEGORIES.slice(0, 2)),
            community: fc.constantFrom(...COMMUNITIES.slice(0, 2)),
            grouped: fc.boolean(),
          }),
          { maxLength: 14 },
        ),
        share: fc.integer({ min: 10, max: 100 }),
        max: fc.integer({ min: 1, max: 2 }),
        min: fc.integer({ min: 0, max: 1 }),
        shareBp: fc.option(fc.constantFrom(4000, 6000), { nil: undefined }),
      })
      .map(({ rows, share, max, min, shareBp }): Instance => {
        const candidates = rows.map(
          ({ score, fen, category, community }, i): Candidate => ({
            proposalId: `P${String(i).padStart(2, '0')}`,
            rank: i + 1,
            score,
            requestedFen: fen,
            category,
            community,
          }),
        );
        const grouped = candidates.filter((_, i) => rows[i]!.grouped).map((c) => c.proposalId);
        const total = candidates.reduce((sum, c) => sum + c.requestedFen, 0);
        const rules: ShortlistRules = {
          policy: 'max-score',
          budgetFen: Math.floor((total * share) / 100),
          categoryQuotas: { [CATEGORIES[0]!]: { min, max }, [CATEGORIES[1]!]: { max } },
          incompatibleGroups: grouped.length > 1 ? [grouped.slice(0, 3)] : [],
        };
        if (shareBp !== undefined) rules.communityMaxShareBp = shareBp;
        return { rules, candidates };
      });
    fc.assert(
      fc.property(crowded, ({ rules, candidates }) => expectBruteForce(rules, candidates)),
      { numRuns: 400 },
    );
  });

  it("max-score's total ≥ rank-fill's and rank-strict's, less the score of their partially funded proposal", () => {
    fc.assert(
      fc.property(instance(40, 'rank-fill'), ({ rules, candidates }) => {
        const fill = run(rules, candidates);
        const strict = run({ ...rules, policy: 'rank-strict' }, candidates);
        const max = run({ ...rules, policy: 'max-score' }, candidates);
        if (typeof fill === 'string' || typeof strict === 'string' || typeof max === 'string') {
          // A minimum the rank walk cannot reserve may still be met by max-score; nothing else differs.
          if (typeof max === 'string') expect(fill).toBe(max);
          return;
        }
        const partialScore = (r: ShortlistResult) =>
          selectedOf(r).find((d) => d.reason.code === 'selected-partial')?.score ?? 0;
        expect(max.totalScore).toBeGreaterThanOrEqual(fill.totalScore - partialScore(fill));
        expect(max.totalScore).toBeGreaterThanOrEqual(strict.totalScore - partialScore(strict));
        if (!rules.partialFunding) expect(max.totalScore).toBeGreaterThanOrEqual(fill.totalScore);
        // rank-strict takes what rank-fill takes, up to where it stops.
        const fillSelected = new Map(selectedOf(fill).map((d) => [d.proposalId, d.amountFen]));
        for (const d of selectedOf(strict)) expect(fillSelected.get(d.proposalId)).toBe(d.amountFen);
        expect(strict.totalScore).toBeLessThanOrEqual(fill.totalScore);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the candidates, groups or manual decisions', () => {
    fc.assert(
      fc.property(
        instance(16),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 20 }),
        ({ rules, candidates }, keys) => {
          const reordered: ShortlistRules = {
            ...rules,
            incompatibleGroups: rules.incompatibleGroups
              ? shuffled(rules.incompatibleGroups, keys).map((g) => shuffled(g, [...keys].reverse()))
              : undefined,
            categoryQuotas: rules.categoryQuotas
              ? Object.fromEntries(shuffled(Object.entries(rules.categoryQuotas), keys))
              : undefined,
          };
          if (rules.incompatibleGroups === undefined) delete reordered.incompatibleGroups;
          if (rules.categoryQuotas === undefined) delete reordered.categoryQuotas;
          if (rules.manual) {
            reordered.manual = {
              add: shuffled(rules.manual.add ?? [], keys),
              drop: shuffled(rules.manual.drop ?? [], keys),
            };
          }
          expect(run(reordered, shuffled(candidates, keys))).toEqual(run(rules, candidates));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same decisions, byte for byte', () => {
    fc.assert(
      fc.property(instance(20), ({ rules, candidates }) => {
        const first = run(rules, candidates);
        const copy = structuredClone(candidates);
        expect(JSON.stringify(run(structuredClone(rules), copy))).toBe(JSON.stringify(first));
        expect(copy).toEqual(candidates); // the input is not modified
      }),
      { numRuns: 200 },
    );
  });

  it('explains every decision in rank order, grouped as the results page shows them', () => {
    fc.assert(
      fc.property(instance(20), ({ rules, candidates }) => {
        const result = run(rules, candidates);
        if (typeof result === 'string') return;
        const ranks = result.decisions.map((d: Decision) => d.rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });
});
