import { LOCAL_CREDENTIALS, startDynamoDbLocal } from '../infra/local/engine.ts';
import { createContest, openContest, readContest } from '../shared/contest/actions.ts';
import { createDb, keyPrefix, queryAll } from '../shared/db.ts';
import { keys } from '../shared/keys.ts';
import { createProposal } from '../shared/proposal/actions.ts';
import { listAssignmentsOfJudge } from '../shared/review/store.ts';
import { createTeam, type TeamInput } from '../shared/team/team.ts';
import { completeProposal, contestInput, teamInput } from '../test/support/fixtures.ts';
import { createHarness } from '../test/support/harness.ts';
import { allApps } from '../test/support/matrix-world.ts';
import { buildReviewWorld, scores } from '../test/support/review-world.ts';
import { asPrincipal } from '../test/support/world.ts';

const RESIDENTS = 200;
const JUDGES = 50;
/** Proposals under review: with five judges each, every judge has about four sheets. */
const REVIEWED = 40;

interface Timed {
  what: string;
  status: number;
  ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * The deadline rush on the local stack (DynamoDB Local): 200 residents submit in the last minute
 * of a call while the officer closes it, and 50 judges save and submit their sheets in another
 * contest while its officer keeps trying to publish. Then it counts what was stored.
 */
export async function benchRush() {
  const engine = await startDynamoDbLocal();
  try {
    const plain = await createHarness(engine.endpoint);
    // A client sized for the burst: the run is about the product's transactions, not sockets.
    const db = createDb({
      tableName: plain.tableName,
      region: 'local',
      endpoint: engine.endpoint,
      credentials: LOCAL_CREDENTIALS,
      connectionTimeoutMs: 60_000,
      requestTimeoutMs: 60_000,
    });
    const h = { ...plain, deps: { ...plain.deps, db } };
    const setupStarted = performance.now();

    // Contest A: open, deadline in one minute, each resident with a complete draft.
    const review = await buildReviewWorld(h, { proposals: REVIEWED, judges: JUDGES, minJudges: 5 });
    const clock = review.clock;
    const deps = review.deps;
    const officer = review.officer;
    const { contest } = await createContest(deps, officer, review.office, contestInput(clock.now()));
    await openContest(deps, officer, contest.id);
    const residents = Array.from({ length: RESIDENTS }, (_, i) => ({
      sub: `rush-resident-${i}`,
      name: `居民${i}`,
      roles: ['resident' as const],
    }));
    const drafts = await Promise.all(
      residents.map(async (user) => {
        const owner = asPrincipal(user);
        const { team } = await createTeam(deps, owner, teamInput as TeamInput);
        const { proposal } = await createProposal(deps, owner, contest.id, {
          teamId: team.id,
          ...completeProposal,
        });
        return { token: await h.tokenFor(user), id: proposal.id };
      }),
    );
    const sheets = (
      await Promise.all(
        review.judgeUsers.map(async (judge, i) => {
          const { items } = await listAssignmentsOfJudge(deps.db, deps.cursors, judge.sub, { limit: 100 });
          return items
            .filter((a) => a.contestId === review.contestId)
            .map((a) => ({ token: review.tokens.judges[i]!, proposalId: a.proposalId }));
        }),
      )
    ).flat();
    const deadline = new Date(contest.submissionDeadline).getTime();
    clock.set(new Date(deadline - 60_000));
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const app = allApps(deps);
    const timed: Timed[] = [];
    const send = async (what: string, method: string, path: string, token: string, body?: unknown) => {
      const started = performance.now();
      const response = await app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.arrayBuffer();
      timed.push({ what, status: response.status, ms: performance.now() - started });
      return response.status;
    };
    const a = `/api/contests/${contest.id}`;
    const b = `/api/contests/${review.contestId}`;
    const started = performance.now();

    // The last minute, played in three seconds: the clock gains a second every 50 ms, residents
    // arrive spread over it (the last tenth after the deadline), and at the deadline the officer closes.
    const tick = 50;
    let passed!: () => void;
    const deadlinePassed = new Promise<void>((resolve) => {
      passed = resolve;
    });
    const late = Math.floor(RESIDENTS * 0.9);
    const submits = drafts.map(async (d, i) => {
      if (i >= late) await deadlinePassed;
      else await new Promise((resolve) => setTimeout(resolve, Math.round((i / late) * 60 * tick)));
      return send('submit', 'POST', `${a}/proposals/${d.id}/submit`, d.token);
    });
    const closing = (async () => {
      for (let second = 0; second < 61; second++) {
        await new Promise((resolve) => setTimeout(resolve, tick));
        clock.advance(1000);
      }
      passed();
      let status = 0;
      while (status !== 200) status = await send('close', 'POST', `${a}/close`, review.tokens.officer);
    })();
    // Scoring: each judge saves then submits each sheet; the officer tries to publish all along.
    const scoring = sheets.map(async (s) => {
      const path = `${b}/proposals/${s.proposalId}/sheet`;
      await send('sheet save', 'PUT', path, s.token, { scores: scores([2000, 2000, 1000, 1000, 1500]) });
      return send('sheet submit', 'POST', `${path}/submit`, s.token);
    });
    let published = false;
    const publishing = (async () => {
      while (!published) {
        published = (await send('publish', 'POST', `${b}/publish`, review.tokens.officer)) === 200;
        if (!published) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const submitStatuses = await Promise.all(submits);
    await closing;
    const sheetStatuses = await Promise.all(scoring);
    await publishing;
    const seconds = (performance.now() - started) / 1000;

    // What was stored, read back through the product's own access patterns (Query, never Scan).
    const trail = async (contestId: string) => {
      const { pk, sk } = keys.auditEntry(contestId, '');
      return (await queryAll(db, { ...keyPrefix(pk, sk), ConsistentRead: true })).map((e) =>
        String(e.action),
      );
    };
    const countOf = (list: string[], value: string) => list.filter((v) => v === value).length;
    const proposals = await queryAll(db, {
      ...keyPrefix(keys.contestPartition(contest.id).pk, 'PROPOSAL#'),
      ConsistentRead: true,
    });
    const closedAt = (await readContest(deps, officer, contest.id)).closedAt!;
    const submitted = proposals.filter((p) => p.status === 'submitted');
    const acceptedSubmits = submitStatuses.filter((s) => s === 200).length;
    const trailA = await trail(contest.id);
    const storedSheets = await queryAll(db, {
      ...keyPrefix(keys.contestPartition(review.contestId).pk, 'SHEET#'),
      ConsistentRead: true,
    });
    const trailB = await trail(review.contestId);
    const acceptedSheets = sheetStatuses.filter((s) => s === 200).length;
    const savesOk = timed.filter((t) => t.what === 'sheet save' && t.status < 300).length;
    const publicity = (await readContest(deps, officer, review.contestId)).status;
    const submittedSheets = storedSheets.filter((s) => s.status === 'submitted');

    const lines: string[] = [];
    const all = timed.map((t) => t.ms).sort((x, y) => x - y);
    lines.push(
      `setup ${setupSeconds.toFixed(1)} s; rush ${timed.length} requests in ${seconds.toFixed(2)} s: ` +
        `${Math.round(timed.length / seconds)} requests/s, p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms`,
    );
    for (const what of ['submit', 'sheet save', 'sheet submit', 'close', 'publish']) {
      const mine = timed.filter((t) => t.what === what);
      const ms = mine.map((t) => t.ms).sort((x, y) => x - y);
      const statuses = new Map<number, number>();
      for (const t of mine) statuses.set(t.status, (statuses.get(t.status) ?? 0) + 1);
      lines.push(
        `  ${what.padEnd(12)} ${String(mine.length).padStart(4)} requests, p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms; ` +
          [...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(' '),
      );
    }
    const lost = acceptedSubmits - submitted.length;
    const doubled = countOf(trailA, 'proposal.submit') - new Set(submitted.map((p) => p.id)).size;
    const wrongPhase = submitted.filter(
      (p) => String(p.submittedAt) > closedAt || String(p.submittedAt) > contest.submissionDeadline,
    ).length;
    lines.push(
      `contest A (submissions): ${acceptedSubmits} submits accepted, ${submitted.length} stored submitted; ` +
        `lost ${lost}, doubled ${doubled}, wrong-phase ${wrongPhase} (after the deadline or the close), ` +
        `audit proposal.submit ${countOf(trailA, 'proposal.submit')} = accepted ${acceptedSubmits}`,
    );
    const sheetsLost = acceptedSheets - submittedSheets.length;
    const sheetsDoubled = countOf(trailB, 'sheet.submit') - submittedSheets.length;
    lines.push(
      `contest B (review → ${publicity}): ${acceptedSheets} of ${sheets.length} sheet submits accepted, ` +
        `${submittedSheets.length} stored submitted; lost ${sheetsLost}, doubled ${sheetsDoubled}, ` +
        `audit sheet.save ${countOf(trailB, 'sheet.save')} = accepted ${savesOk}, sheet.submit ${countOf(trailB, 'sheet.submit')} = accepted ${acceptedSheets}, ` +
        `published ${countOf(trailB, 'contest.publicity')} time(s)`,
    );
    const ok =
      lost === 0 &&
      doubled === 0 &&
      wrongPhase === 0 &&
      countOf(trailA, 'proposal.submit') === acceptedSubmits &&
      sheetsLost === 0 &&
      sheetsDoubled === 0 &&
      countOf(trailB, 'sheet.save') === savesOk &&
      countOf(trailB, 'sheet.submit') === acceptedSheets &&
      countOf(trailB, 'contest.publicity') === 1;
    lines.push(ok ? 'verdict: nothing lost, nothing doubled, nothing in the wrong phase' : 'verdict: FAILED');
    if (!ok) process.exitCode = 1;
    return { name: `Deadline rush (${RESIDENTS} residents, ${JUDGES} judges, DynamoDB Local)`, lines };
  } finally {
    await engine.stop();
  }
}
