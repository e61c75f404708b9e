import loadHighs from 'highs';
import {
  amountOf,
  type Candidate,
  communityCapFen,
  type ShortlistResult,
  type ShortlistRules,
  ShortlistSearchLimitError,
  shortlist,
} from '../shared/shortlist.ts';

/**
 * Shortlisting time per policy for 20, 1,000 and 10,000 proposals, and max-score's optimum
 * checked against HiGHS (an independent exact MIP solver, `mip_rel_gap: 0`) on the same
 * instances: with the budget alone, and with every side rule a contest can set.
 */
export const BUDGET_FEN = 17_500_000; // the Xitun contest's 175,000 yuan
const CATEGORIES = ['elderly', 'youth', 'disability', 'environment', 'culture', 'safety'];
const COMMUNITIES = ['xitun', 'donghu', 'nanling', 'beiyuan', 'dongcheng', 'xicheng', 'huaqiao', 'shanghe'];
/** HiGHS gets this long per instance; past it the line says so instead of comparing. */
const HIGHS_SECONDS = 20;
/** max-score gets this many search steps per instance (about half a minute at worst). */
const STEP_LIMIT = 100_000_000;

type Unit = 'hundreds of yuan' | 'whole yuan';

/** A small deterministic generator (mulberry32), so that every run benchmarks the same contests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * n ranked proposals: scores 55.00–95.00 bunched in the middle, amounts 1,000–15,000 yuan (in
 * hundreds of yuan, or any whole yuan), a tenth trimmed by the officer, three in ten with a
 * minimum viable amount; disability proposals rarer than the others.
 */
export function contest(n: number, seed: number, unit: Unit): Candidate[] {
  const next = random(seed);
  const rows = Array.from({ length: n }, (_, i) => {
    const score = Math.round(5_500 + ((next() + next() + next()) / 3) * 4_000);
    const yuan =
      unit === 'hundreds of yuan'
        ? (10 + Math.floor(next() * 141)) * 100
        : 1_000 + Math.floor(next() * 14_001);
    const categoryIndex = next() < 0.05 ? 2 : [0, 1, 3, 4, 5][Math.floor(next() * 5)]!;
    const row: Candidate = {
      proposalId: `P${String(i).padStart(5, '0')}`,
      rank: 0,
      score,
      requestedFen: yuan * 100,
      category: CATEGORIES[categoryIndex]!,
      community: COMMUNITIES[Math.floor(next() * COMMUNITIES.length)]!,
    };
    if (next() < 0.1) row.approvedFen = Math.floor((yuan * (0.8 + next() * 0.15)) / 100) * 10_000;
    if (next() < 0.3) row.minViableFen = Math.floor((amountOf(row) * (0.6 + next() * 0.2)) / 100) * 100;
    return row;
  });
  rows.sort((a, b) => b.score - a.score || (a.proposalId < b.proposalId ? -1 : 1));
  for (const [i, row] of rows.entries()) row.rank = i + 1;
  return rows;
}

/** Every side rule: a minimum score, category maxima and a minimum, community shares, near-duplicates. */
export function sideRules(candidates: readonly Candidate[]): Omit<ShortlistRules, 'policy'> {
  const groups: string[][] = [];
  // A near-duplicate pair every 17 ranks, within one category (as near-duplicates are).
  for (let i = 0; i < candidates.length && groups.length < candidates.length / 20; i += 17) {
    const twin = candidates.slice(i + 1, i + 9).find((c) => c.category === candidates[i]!.category);
    if (twin) groups.push([candidates[i]!.proposalId, twin.proposalId]);
  }
  return {
    budgetFen: BUDGET_FEN,
    minScore: 6_000,
    categoryQuotas: {
      disability: { min: 1, max: 3 },
      ...Object.fromEntries(CATEGORIES.filter((c) => c !== 'disability').map((c) => [c, { max: 6 }])),
    },
    communityMaxShareBp: 2_500,
    incompatibleGroups: groups,
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The same problem as a MIP in CPLEX LP format: maximise Σ score·x subject to the budget, the
 * community caps, the category counts and one of each group, x binary; amounts divided by their
 * greatest common divisor so that HiGHS's tolerances are far below one unit.
 */
export function mipModel(rules: Omit<ShortlistRules, 'policy'>, candidates: readonly Candidate[]) {
  const eligible = candidates.filter((c) => rules.minScore === undefined || c.score >= rules.minScore);
  const cap =
    rules.communityMaxShareBp === undefined
      ? undefined
      : communityCapFen(rules.budgetFen, rules.communityMaxShareBp);
  const unit = [rules.budgetFen, ...(cap === undefined ? [] : [cap]), ...eligible.map(amountOf)].reduce(gcd);
  const x = (i: number) => `x${i}`;
  const sum = (terms: { i: number; coef: number }[]) =>
    terms.map(({ i, coef }) => `+ ${coef} ${x(i)}`).join(' ');
  const lines = ['Maximize', ` obj: ${sum(eligible.map((c, i) => ({ i, coef: c.score })))}`, 'Subject To'];
  lines.push(
    ` budget: ${sum(eligible.map((c, i) => ({ i, coef: amountOf(c) / unit })))} <= ${rules.budgetFen / unit}`,
  );
  if (cap !== undefined) {
    for (const community of COMMUNITIES) {
      const terms = eligible.flatMap((c, i) =>
        c.community === community ? [{ i, coef: amountOf(c) / unit }] : [],
      );
      if (terms.length > 0) lines.push(` community_${community}: ${sum(terms)} <= ${cap / unit}`);
    }
  }
  for (const [category, quota] of Object.entries(rules.categoryQuotas ?? {})) {
    const terms = eligible.flatMap((c, i) => (c.category === category ? [{ i, coef: 1 }] : []));
    if (quota.max !== undefined && terms.length > 0)
      lines.push(` most_${category}: ${sum(terms)} <= ${quota.max}`);
    if (quota.min !== undefined) lines.push(` least_${category}: ${sum(terms) || '0 x0'} >= ${quota.min}`);
  }
  const index = new Map(eligible.map((c, i) => [c.proposalId, i]));
  for (const [g, group] of (rules.incompatibleGroups ?? []).entries()) {
    const terms = [...new Set(group)].flatMap((id) =>
      index.has(id) ? [{ i: index.get(id)!, coef: 1 }] : [],
    );
    if (terms.length > 1) lines.push(` group_${g}: ${sum(terms)} <= 1`);
  }
  lines.push('Binary', ...eligible.map((_, i) => ` ${x(i)}`), 'End');
  return { text: lines.join('\n'), eligible };
}

interface Outcome {
  /** The median time in ms (NaN when it threw). */
  ms: number;
  result?: unknown;
  error?: unknown;
}

/**
 * Times solvers side by side: round after round, each solver once in turn, so that load from
 * other work on the machine falls on all of them alike. Solver i first runs warm[i] untimed
 * rounds (so that the JavaScript is compiled: HiGHS is WebAssembly, compiled when loaded), then
 * is timed in runs[i] rounds. Each gets its median time and its result, or the error it threw.
 */
function sideBySide(
  work: readonly (() => unknown)[],
  warm: readonly number[],
  runs: readonly number[],
): Outcome[] {
  const outcomes: Outcome[] = work.map(() => ({ ms: Number.NaN }));
  const times = work.map((): number[] => []);
  const first = Math.max(...warm);
  for (let round = -first; round < Math.max(...runs); round++) {
    for (const [i, solve] of work.entries()) {
      if (outcomes[i]!.error !== undefined || round < -warm[i]! || round >= runs[i]!) continue;
      const started = performance.now();
      try {
        outcomes[i]!.result = solve();
      } catch (error) {
        outcomes[i]!.error = error;
        continue;
      }
      if (round >= 0) times[i]!.push(performance.now() - started);
    }
  }
  for (const [i, list] of times.entries()) {
    list.sort((a, b) => a - b);
    if (list.length > 0) outcomes[i]!.ms = list[Math.floor(list.length / 2)]!;
  }
  return outcomes;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/**
 * Many small random contests with random side rules (20–80 proposals, any budget, tight or loose
 * quotas, shares and groups), each solved by max-score and by HiGHS: the optima must agree, or
 * both must find the rules infeasible.
 */
function randomContests(highs: Awaited<ReturnType<typeof loadHighs>>): string {
  const CONTESTS = 100;
  let agree = 0;
  let gaveUp = 0;
  const differ: number[] = [];
  let ours = 0;
  let theirs = 0;
  for (let seed = 1; seed <= CONTESTS; seed++) {
    const next = random(seed * 7_919);
    const n = 20 + Math.floor(next() * 61);
    const candidates = contest(n, seed, next() < 0.5 ? 'hundreds of yuan' : 'whole yuan');
    const pick = () => candidates[Math.floor(next() * n)]!.proposalId;
    const groups = Array.from({ length: Math.floor(next() * 6) }, () => [pick(), pick(), pick()]);
    const categoryQuotas: Record<string, { min?: number; max?: number }> = {};
    for (const category of CATEGORIES) {
      if (next() < 0.5)
        categoryQuotas[category] = { max: 1 + Math.floor(next() * 5), ...(next() < 0.2 ? { min: 1 } : {}) };
    }
    const rules: Omit<ShortlistRules, 'policy'> = {
      budgetFen: (50 + Math.floor(next() * 300)) * 100_000,
      categoryQuotas,
      incompatibleGroups: groups,
      ...(next() < 0.6 ? { communityMaxShareBp: 1_500 + Math.floor(next() * 5_000) } : {}),
      ...(next() < 0.5 ? { minScore: 6_000 + Math.floor(next() * 1_500) } : {}),
    };
    let total: number | 'infeasible' | 'gave up';
    let started = performance.now();
    try {
      total = shortlist({ ...rules, policy: 'max-score' }, candidates, { stepLimit: 20_000_000 }).totalScore;
    } catch (error) {
      total = error instanceof ShortlistSearchLimitError ? 'gave up' : 'infeasible';
    }
    ours += performance.now() - started;
    started = performance.now();
    const solved = highs.solve(mipModel(rules, candidates).text, {
      mip_rel_gap: 0,
      time_limit: HIGHS_SECONDS,
      output_flag: false,
    });
    theirs += performance.now() - started;
    const optimum =
      solved.Status === 'Optimal'
        ? Math.round(solved.ObjectiveValue)
        : solved.Status === 'Infeasible'
          ? 'infeasible'
          : solved.Status;
    if (total === 'gave up') gaveUp += 1;
    else if (total === optimum) agree += 1;
    else differ.push(seed);
  }
  return `${CONTESTS} random contests of 20–80 proposals with random side rules: max-score and HiGHS agree on ${agree}${
    differ.length > 0 ? `, DISAGREE on seeds ${differ.join(', ')}` : ''
  }${gaveUp > 0 ? `, max-score gave up (step limit) on ${gaveUp}` : ''}; ${ms(ours)} ms against HiGHS's ${ms(theirs)} ms in all`;
}

export async function benchShortlist() {
  const loading = performance.now();
  const highs = await loadHighs();
  const loadMs = performance.now() - loading;
  const lines: string[] = [];
  const cases: { n: number; unit: Unit; side: boolean; quarter?: boolean }[] = [];
  for (const n of [20, 1_000, 10_000]) {
    cases.push({ n, unit: 'hundreds of yuan', side: false }, { n, unit: 'hundreds of yuan', side: true });
    cases.push({ n, unit: 'whole yuan', side: true });
  }
  // A district-wide call: the budget funds about a quarter of what is asked, not 175,000 yuan.
  cases.push({ n: 1_000, unit: 'whole yuan', side: false, quarter: true });
  cases.push({ n: 10_000, unit: 'whole yuan', side: false, quarter: true });
  let agreed = 0;
  let compared = 0;
  /** HiGHS's time over max-score's, per instance (a lower bound when HiGHS hit its time limit). */
  const ratios: number[] = [];
  let slowest = 0;
  for (const { n, unit, side, quarter } of cases) {
    const candidates = contest(n, n * 31 + (side ? 7 : 0) + (unit === 'whole yuan' ? 3 : 0), unit);
    const asked = candidates.reduce((sum, c) => sum + amountOf(c), 0);
    const budgetFen = quarter ? Math.floor(asked / 400) * 100 : BUDGET_FEN;
    const rules = side ? sideRules(candidates) : { budgetFen };
    const runs = n <= 20 ? 21 : n <= 1_000 ? 5 : 3;
    const warm = n <= 20 ? 50 : 1;
    const policies = ['rank-fill', 'rank-strict', 'max-score'] as const;
    const model = mipModel(rules, candidates);
    // HiGHS takes seconds at 10,000 proposals, where one run (warm from the smaller ones) is enough.
    const outcomes = sideBySide(
      [
        ...policies.map(
          (policy) => () => shortlist({ ...rules, policy }, candidates, { stepLimit: STEP_LIMIT }),
        ),
        () => highs.solve(model.text, { mip_rel_gap: 0, time_limit: HIGHS_SECONDS, output_flag: false }),
      ],
      [warm, warm, warm, n <= 1_000 ? warm : 0],
      [runs, runs, runs, n <= 1_000 ? runs : 1],
    );
    const cells: string[] = [];
    let maxScore: { total: number; ms: number } | string = 'not run';
    for (const [i, policy] of policies.entries()) {
      const { result, error, ms: took } = outcomes[i]!;
      if (error === undefined) {
        const { searchSteps, totalScore } = result as ShortlistResult;
        const steps = searchSteps === undefined ? '' : ` (${searchSteps.toLocaleString('en-US')} steps)`;
        cells.push(`${policy} ${ms(took)} ms${steps}`);
        if (policy === 'max-score') {
          maxScore = { total: totalScore, ms: took };
          if (n >= 10_000) slowest = Math.max(slowest, took);
        }
      } else {
        const why =
          error instanceof ShortlistSearchLimitError ? 'gave up: step limit' : (error as Error).name;
        cells.push(`${policy} ${why}`);
        if (policy === 'max-score') maxScore = why;
      }
    }
    const solved = {
      result: outcomes[3]!.result as ReturnType<typeof highs.solve>,
      ms: outcomes[3]!.ms,
    };
    let verdict: string;
    if (solved.result.Status !== 'Optimal') {
      verdict = `HiGHS ${solved.result.Status} after ${ms(solved.ms)} ms: optimum not compared`;
      if (typeof maxScore !== 'string' && solved.result.Status === 'Time limit reached') {
        ratios.push(solved.ms / maxScore.ms);
        verdict += `; HiGHS/max-score ≥ ${(solved.ms / maxScore.ms).toFixed(1)}×`;
      }
    } else {
      // HiGHS's answer, rounded to 0/1 and re-checked in integers, then compared.
      const chosen = model.eligible.filter(
        (_, i) => ((solved.result.Columns[`x${i}`] as { Primal?: number } | undefined)?.Primal ?? 0) > 0.5,
      );
      const total = chosen.reduce((sum, c) => sum + c.score, 0);
      const used = chosen.reduce((sum, c) => sum + amountOf(c), 0);
      const fits = used <= rules.budgetFen;
      if (typeof maxScore === 'string')
        verdict = `HiGHS optimum ${total} in ${ms(solved.ms)} ms; max-score ${maxScore}`;
      else {
        compared += 1;
        const same = maxScore.total === total;
        if (same) agreed += 1;
        ratios.push(solved.ms / maxScore.ms);
        verdict = `optimum: max-score ${maxScore.total}, HiGHS ${total}${fits ? '' : ' (HiGHS over budget!)'} → ${
          same ? 'agree' : 'DISAGREE'
        }; max-score ${ms(maxScore.ms)} ms, HiGHS ${ms(solved.ms)} ms: HiGHS/max-score = ${(solved.ms / maxScore.ms).toFixed(1)}×`;
      }
    }
    lines.push(
      `${n.toLocaleString('en-US').padStart(6)} proposals, ${side ? 'every side rule' : 'budget only'}, ${unit}, ${
        quarter
          ? `budget ${(budgetFen / 100).toLocaleString('en-US')} yuan (a quarter of what is asked)`
          : '175,000 yuan'
      }: ${cells.join(' · ')}`,
      `${' '.repeat(8)}${verdict}`,
    );
  }
  const least = Math.min(...ratios).toFixed(1);
  lines.push(
    `max-score and HiGHS agree on ${agreed} of ${compared} optima compared; HiGHS/max-score at least ${least}× on every instance (goal ≥ 5×); max-score's slowest at 10,000 proposals ${ms(slowest)} ms (goal ≤ 1,000 ms)`,
    'times: medians of 21 runs (20 proposals), 5 (1,000) and 3 (10,000) after 50, 1 and 1 warm-up runs, the solvers taking turns ' +
      '(so that load from elsewhere falls on all alike), except HiGHS at 10,000 proposals (one run, warm from the smaller instances); ' +
      `HiGHS's time includes reading the LP text (built outside the timing), not loading its WebAssembly module (${ms(loadMs)} ms, once)`,
    randomContests(highs),
  );
  return { name: 'shortlisting per policy, and max-score’s optimum against the HiGHS MIP solver', lines };
}
