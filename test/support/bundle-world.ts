import { createAwardsApp } from '../../functions/awards/app.tsx';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { saveSheet, submitSheet } from '../../shared/review/actions.ts';
import { listAssignmentsOfJudge } from '../../shared/review/store.ts';
import type { Harness } from './harness.ts';
import { buildReviewWorld, type ReviewWorldOptions, scores } from './review-world.ts';
import { asPrincipal } from './world.ts';

/**
 * A contest whose review is finished: every assigned judge has submitted, proposal i scoring
 * lower than proposal i-1, so the ranking follows the proposals' order.
 */
export async function buildScoredWorld(h: Harness, options: ReviewWorldOptions = {}) {
  const w = await buildReviewWorld(h, { proposals: 6, judges: 5, minJudges: 3, ...options });
  for (const judge of w.judgeUsers) {
    const principal = asPrincipal(judge);
    const { items } = await listAssignmentsOfJudge(w.deps.db, w.deps.cursors, judge.sub, { limit: 100 });
    for (const assignment of items.filter((a) => a.contestId === w.contestId)) {
      const index = w.proposalIds.indexOf(assignment.proposalId);
      const points = 2400 - (index % 12) * 200;
      await saveSheet(w.deps, principal, w.contestId, assignment.proposalId, {
        scores: scores([points, points, 1200, 1200, 1600]),
      });
      await submitSheet(w.deps, principal, w.contestId, assignment.proposalId);
    }
  }
  return {
    ...w,
    shortlisting: createShortlistingApp(w.deps),
    awards: createAwardsApp(w.deps),
  };
}

export type ScoredWorld = Awaited<ReturnType<typeof buildScoredWorld>>;
