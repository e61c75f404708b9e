import loadHighs from 'highs';
import { type Candidate, type ShortlistRules, shortlist } from '../shared/shortlist.ts';

/**
 * Shortlisting time per policy for 20, 1,000 and 10,000 proposals, and max-score's optimum
 * checked against HiGHS (an independent exact MIP solver) on the same instances.
 */
const CATEGORIES = ['elderly', 'youth', 'environment', 'culture', 'mutual-aid'];
const COMMUNITIES = ['xitun', 'beicheng', 'nancheng', 'dongcheng'];

/** A deterministic pseudo-random contest: amounts in hundreds of yuan, 1k–15k yuan each. */
function instance(n: number, seed: number): { candidates: Candidate[]; rules: ShortlistRules } {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const rows = Array.from({ length: n }, () => ({
    score: 50 * Math.floor(60 + next() * 140),
    requestedFen: 10_000 * Math.floor(10 + next() * 141),
    category: CATEGORIES[Math.floor(next() * CATEGORIES.length)]!,
    community: COMMUNITIES[Math.floor(next() * COMMUNITIES.length)]!,
  })).sort((a, b) => b.score - a.score);
  const candidates = rows.map((row, i) => ({
    proposalId: `P${String(i).padStart(5, '0')}`,
    rank: i + 1,
    ...row,
  }));
  // The Xitun budget scaled to the contest: about a quarter of the proposals fit.
  const budgetFen = Math.max(17_500_000, Math.floor((n * 800_000 * 0.25) / 10_000) * 10_000);
  return { candidates, rules: { policy: 'rank-fill', budgetFen, communityMaxShareBp: 4_000 } };
}

/** The same problem as a MIP: maximise Σ score·x, s.t. Σ fen·x ≤ budget and per-community caps. */
function lpModel(candidates: readonly Candidate[], rules: ShortlistRules): string {
  const cap = Math.floor((rules.budgetFen * (rules.communityMaxShareBp ?? 10_000)) / 10_000);
  const x = (i: number) => `x${i}`;
  const sum = (items: { i: number; coef: number }[]) =>
    items.map(({ i, coef }) => `+ ${coef} ${x(i)}`).join(' ');
  const lines = ['Maximize', ` obj: ${sum(candidates.map((c, i) => ({ i, coef: c.score })))}`, 'Subject To'];
  lines.push(
    ` budget: ${sum(candidates.map((c, i) => ({ i, coef: c.requestedFen })))} <= ${rules.budgetFen}`,
  );
  for (const community of COMMUNITIES) {
    const members = candidates.flatMap((c, i) =>
      c.community === community ? [{ i, coef: c.requestedFen }] : [],
    );
    if (members.length > 0) lines.push(` c_${community.replaceAll('-', '_')}: ${sum(members)} <= ${cap}`);
  }
  lines.push('Binary', ...candidates.map((_, i) => ` ${x(i)}`), 'End');
  return lines.join('\n');
}

function time<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

export async function benchShortlist() {
  const highs = await loadHighs();
  const lines: string[] = [];
  for (const n of [20, 1_000, 10_000]) {
    const { candidates, rules } = instance(n, n);
    const timings = (['rank-fill', 'rank-strict', 'max-score'] as const).map((policy) => {
      try {
        const { result, ms } = time(() => shortlist({ ...rules, policy }, candidates));
        return { policy, ms, total: result.totalScore, error: undefined };
      } catch (error) {
        return { policy, ms: Number.NaN, total: Number.NaN, error: (error as Error).name };
      }
    });
    const solved = time(() => highs.solve(lpModel(candidates, rules), { mip_rel_gap: 0, time_limit: 60 }));
    const optimum =
      solved.result.Status === 'Optimal' ? Math.round(solved.result.ObjectiveValue) : Number.NaN;
    const maxScore = timings[2]!;
    lines.push(
      `${String(n).padStart(6)} proposals: ${timings
        .map((t) => `${t.policy} ${t.error ?? `${t.ms.toFixed(1)} ms`}`)
        .join(', ')}; HiGHS ${solved.ms.toFixed(0)} ms (${solved.result.Status})`,
      `${' '.repeat(20)}max-score total ${maxScore.total} vs HiGHS optimum ${optimum}: ${
        maxScore.total === optimum ? 'equal' : 'DIFFERENT'
      }; max-score / rank-fill total = ${(maxScore.total / timings[0]!.total).toFixed(4)}; HiGHS / max-score time = ${(solved.ms / maxScore.ms).toFixed(1)}×`,
    );
  }
  return { name: 'shortlisting per policy, and max-score against the HiGHS MIP solver', lines };
}
