import { beforeAll, describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import { createScoringApp } from '../../functions/scoring/app.ts';
import { createShortlistingApp } from '../../functions/shortlisting/app.ts';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { getItem } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { assignManually, saveSheet } from '../../shared/review/actions.ts';
import { getSheet } from '../../shared/review/store.ts';
import { buildScoredWorld, type ScoredWorld } from '../support/bundle-world.ts';
import { auditActions, count, faultyDb, gate, transactionConflict } from '../support/faults.ts';
import { completeProposal, teamInput } from '../support/fixtures.ts';
import { createHarness, frozenClock, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal, buildWorld, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const path = (w: { contestId: string }) => `/api/contests/${w.contestId}`;
const isTransaction = (command: string) => command === 'TransactWriteItemsCommand';

/** The same world's apps, on a client that runs `fault` before every request. */
function faultyApps(w: ScoredWorld, fault: Parameters<typeof faultyDb>[1]) {
  const deps = { ...w.deps, db: faultyDb(h, fault) };
  return {
    shortlisting: createShortlistingApp(deps),
    submissions: createSubmissionsApp(deps),
    awards: createAwardsApp(deps),
    scoring: createScoringApp(deps),
  };
}

async function publishAndEnd(w: ScoredWorld) {
  expect((await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer })).status).toBe(
    200,
  );
  w.clock.advance(8 * DAY_MS);
}

describe('1. publish races decisions and other publishes', { timeout: 120_000 }, () => {
  it('refuses a publish whose decisions changed after it read them (409), writing nothing', async () => {
    const w = await buildScoredWorld(h, { proposals: 4, judges: 3 });
    const top = w.proposalIds[0]!;
    const held = gate((command, input) => isTransaction(command) && input.includes('#PUBLICITY'));
    const apps = faultyApps(w, held.fault);
    const publishing = call(apps.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer });
    await held.arrived;
    const dropped = await call(w.shortlisting, 'PUT', `${path(w)}/bundle/decisions`, {
      token: w.tokens.officer,
      body: { drop: [{ proposalId: top, reason: '与另一项目重复' }] },
    });
    expect(dropped.status).toBe(200);
    held.release();
    const published = await publishing;
    expect(published.status).toBe(409);
    expect(published.body.code).toBe('bundle.reviewChanged');
    expect(await getItem(w.deps.db, keys.publicity(w.contestId))).toBeUndefined();
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'contest.publicity')).toBe(0);
    expect(count(actions, 'decisions.save')).toBe(1);

    const again = await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer });
    expect(again.status).toBe(200);
    const line = again.body.bundle.lines.find((l: { proposalId: string }) => l.proposalId === top);
    expect(line.selected).toBe(false);
  });

  it('lets one of 8 publishes interleaved with 8 decision saves win; the public record is the winner’s', async () => {
    const w = await buildScoredWorld(h, { proposals: 4, judges: 3 });
    const top = w.proposalIds[0]!;
    const requests = Array.from({ length: 16 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, 3 * i));
      return i % 2 === 0
        ? {
            kind: 'publish',
            response: await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer }),
          }
        : {
            kind: 'decisions',
            response: await call(w.shortlisting, 'PUT', `${path(w)}/bundle/decisions`, {
              token: w.tokens.officer,
              headers: { 'if-match': '*' },
              body: { drop: [{ proposalId: top, reason: 'x' }] },
            }),
          };
    });
    const results = await Promise.all(requests);
    const publishes = results.filter((r) => r.kind === 'publish').map((r) => r.response);
    const winners = publishes.filter((r) => r.status === 200);
    expect(winners.length).toBeLessThanOrEqual(1);
    for (const loser of publishes.filter((r) => r.status !== 200)) expect(loser.status).toBe(409);
    // Every publish may have lost to a decision saved in between: then the next one wins.
    const winner =
      winners[0] ?? (await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer }));
    expect(winner.status).toBe(200);
    const publicity = await call(w.shortlisting, 'GET', `${path(w)}/publicity`);
    expect(publicity.body.publishedAt).toBe(winner.body.publishedAt);
    expect(publicity.body.bundle).toEqual(winner.body.bundle);
    const decisions = await getItem(w.deps.db, keys.decisions(w.contestId));
    const dropped = (decisions?.drop as { proposalId: string }[] | undefined)?.some(
      (d) => d.proposalId === top,
    );
    const line = winner.body.bundle.lines.find((l: { proposalId: string }) => l.proposalId === top);
    expect(line.selected).toBe(!dropped);
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'contest.publicity')).toBe(1);
    const saved = results.filter((r) => r.kind === 'decisions' && r.response.status === 200).length;
    expect(count(actions, 'decisions.save')).toBe(saved);
  });
});

describe('2. lock and cancel', { timeout: 120_000 }, () => {
  it('never both win: in parallel exactly one answers 200, the other 409 naming the phase', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
      await publishAndEnd(w);
      const [lock, cancel] = await Promise.all([
        call(w.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer }),
        call(createSubmissionsApp(w.deps), 'POST', `${path(w)}/cancel`, {
          token: w.tokens.officer,
          body: { reason: '预算调整' },
        }),
      ]);
      expect([lock.status, cancel.status].sort()).toEqual([200, 409]);
      const contest = await getItem(w.deps.db, keys.contest(w.contestId));
      const bundle = await getItem(w.deps.db, keys.lockedBundle(w.contestId));
      if (lock.status === 200) {
        expect(contest?.status).toBe('locked');
        expect(cancel.body.detail).toContain('locked');
      } else {
        expect(contest?.status).toBe('cancelled');
        expect(bundle).toBeUndefined();
        expect(lock.body.detail).toContain('cancelled');
      }
    }
  });

  it('refuses a lock whose contest was cancelled after it read it; no bundle, no entry', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    await publishAndEnd(w);
    const held = gate((command, input) => isTransaction(command) && input.includes('#BUNDLE'));
    const locking = call(faultyApps(w, held.fault).shortlisting, 'POST', `${path(w)}/lock`, {
      token: w.tokens.officer,
    });
    await held.arrived;
    const cancel = await call(createSubmissionsApp(w.deps), 'POST', `${path(w)}/cancel`, {
      token: w.tokens.officer,
      body: { reason: '预算调整' },
    });
    expect(cancel.status).toBe(200);
    held.release();
    const lock = await locking;
    expect(lock.status).toBe(409);
    expect(lock.body.code).toBe('contest.wrongStatus');
    expect(await getItem(w.deps.db, keys.lockedBundle(w.contestId))).toBeUndefined();
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'contest.locked')).toBe(0);
    expect(count(actions, 'contest.cancelled')).toBe(1);
    expect((await call(w.awards, 'GET', `${path(w)}/ocds.json`)).status).toBe(404);
  });

  it('leaves nothing changed when the lock’s transaction fails: no bundle behind a 503', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    await publishAndEnd(w);
    const apps = faultyApps(w, (command, input) => {
      if (isTransaction(command) && input.includes('#BUNDLE')) {
        throw Object.assign(new Error('injected'), {
          name: 'InternalServerError',
          $metadata: { httpStatusCode: 500 },
        });
      }
    });
    const lock = await call(apps.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer });
    expect(lock.status).toBe(503);
    expect(lock.headers.get('retry-after')).toBeTruthy();
    expect(await getItem(w.deps.db, keys.lockedBundle(w.contestId))).toBeUndefined();
    expect((await getItem(w.deps.db, keys.contest(w.contestId)))?.status).toBe('publicity');
    expect(count(await auditActions(w.deps.db, w.contestId), 'contest.locked')).toBe(0);
    expect((await call(w.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer })).status).toBe(
      200,
    );
  });
});

describe('2b. the lock and an objection in flight at the publicity’s end', { timeout: 120_000 }, () => {
  it('refuses a lock whose objections were read before an objection committed (409), writing nothing', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    const published = await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer });
    expect(published.status).toBe(200);
    const endsAt = new Date(published.body.endsAt);
    w.clock.set(endsAt);
    // Another server whose clock is a second behind still takes objections.
    const behind = createShortlistingApp({
      ...w.deps,
      clock: frozenClock(new Date(endsAt.getTime() - 1000)),
    });
    const held = gate((command, input) => isTransaction(command) && input.includes('#BUNDLE'));
    const locking = call(faultyApps(w, held.fault).shortlisting, 'POST', `${path(w)}/lock`, {
      token: w.tokens.officer,
    });
    await held.arrived;
    const objection = await call(behind, 'POST', `${path(w)}/objections`, {
      token: w.tokens.resident,
      body: { text: '公示最后一刻提出的异议' },
    });
    expect(objection.status).toBe(201);
    held.release();
    const refused = await locking;
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('bundle.objectionsOpen');
    expect(await getItem(w.deps.db, keys.lockedBundle(w.contestId))).toBeUndefined();
    expect((await getItem(w.deps.db, keys.contest(w.contestId)))?.status).toBe('publicity');
    expect(count(await auditActions(w.deps.db, w.contestId), 'contest.locked')).toBe(0);

    const answered = await call(w.shortlisting, 'PUT', `${path(w)}/objections/${objection.body.id}/answer`, {
      token: w.tokens.officer,
      body: { answer: '已核实，评分依据已公开。' },
    });
    expect(answered.status).toBe(200);
    expect((await call(w.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer })).status).toBe(
      200,
    );
    // Once locked, the late server's objection is refused by the phase.
    const late = await call(behind, 'POST', `${path(w)}/objections`, {
      token: w.tokens.resident,
      body: { text: '又一条迟到的异议' },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('contest.wrongStatus');
  });
});

describe('3. child writes are conditioned on the phase', { timeout: 120_000 }, () => {
  it('refuses every screening that commits after review started (409 naming review)', async () => {
    const w = await buildReviewWorld(h, { proposals: 6, judges: 3, phase: 'screening' });
    const submissions = createSubmissionsApp(w.deps);
    const before = await auditActions(w.deps.db, w.contestId);
    const screenings = Array.from({ length: 11 }, (_, i) =>
      call(
        submissions,
        'PUT',
        `${path(w)}/proposals/${w.proposalIds[i % w.proposalIds.length]}/eligibility`,
        {
          token: w.tokens.officer,
          body: i % 3 === 0 ? { eligible: false, reason: '材料不全' } : { eligible: true },
        },
      ),
    );
    const [review, ...screened] = await Promise.all([
      call(w.app, 'POST', `${path(w)}/start-review`, { token: w.tokens.officer }),
      ...screenings,
    ]);
    expect(review!.status).toBe(200);
    for (const s of screened) {
      expect([200, 409, 412]).toContain(s.status);
      if (s.status === 409 && s.body.code === 'contest.wrongStatus')
        expect(s.body.detail).toContain('review');
    }
    const after = await auditActions(w.deps.db, w.contestId);
    const ok = screened.filter((s) => s.status === 200).length;
    expect(count(after, 'proposal.screen') - count(before, 'proposal.screen')).toBe(ok);
    const late = await call(submissions, 'PUT', `${path(w)}/proposals/${w.proposalIds[0]}/eligibility`, {
      token: w.tokens.officer,
      body: { eligible: false, reason: '迟到的筛查' },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('contest.wrongStatus');
  });

  it('refuses a publish when a sheet was submitted after it read the ranking; the sheet stands', async () => {
    const w = await buildScoredWorld(h, { proposals: 3, judges: 4 });
    const proposalId = w.proposalIds[0]!;
    const assigned = new Set(
      (await Promise.all(w.judgeUsers.map((j) => getSheet(w.deps.db, w.contestId, proposalId, j.sub))))
        .filter(Boolean)
        .map((s) => s!.judgeId),
    );
    const extra = w.judgeUsers.find((j) => !assigned.has(j.sub))!;
    await assignManually(w.deps, w.officer, w.contestId, { proposalId, judgeId: extra.sub });
    await saveSheet(w.deps, asPrincipal(extra), w.contestId, proposalId, {
      scores: scores([500, 500, 500, 500, 500]),
    });
    const held = gate((command, input) => isTransaction(command) && input.includes('#PUBLICITY'));
    // The extra judge's sheet is still open: the officer confirms publishing without it.
    const publishing = call(faultyApps(w, held.fault).shortlisting, 'POST', `${path(w)}/publish`, {
      token: w.tokens.officer,
      body: { confirmOpenSheets: true },
    });
    await held.arrived;
    const judgeToken = await h.tokenFor(extra);
    const submitted = await call(w.app, 'POST', `${path(w)}/proposals/${proposalId}/sheet/submit`, {
      token: judgeToken,
    });
    expect(submitted.status).toBe(200);
    held.release();
    const published = await publishing;
    expect(published.status).toBe(409);
    expect(published.body.code).toBe('bundle.reviewChanged');

    const republished = await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer });
    expect(republished.status).toBe(200);
    const ranking = await call(w.app, 'GET', `${path(w)}/ranking`, { token: w.tokens.officer });
    const scoreOf = (items: { proposalId: string; score: number }[]) =>
      items.find((i) => i.proposalId === proposalId)?.score;
    expect(scoreOf(republished.body.bundle.lines)).toBe(scoreOf(ranking.body.items));
    const late = await call(w.shortlisting, 'PUT', `${path(w)}/bundle/decisions`, {
      token: w.tokens.officer,
      body: { drop: [{ proposalId, reason: 'x' }] },
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('publicity');
  });
});

describe('4. every 2xx has its one audit entry; nothing exists behind a 5xx', { timeout: 120_000 }, () => {
  it('30 residents objecting at once, with some transactions failing: objections = 201s = entries', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    expect(
      (await call(w.shortlisting, 'POST', `${path(w)}/publish`, { token: w.tokens.officer })).status,
    ).toBe(200);
    let sent = 0;
    const apps = faultyApps(w, (command, input) => {
      if (isTransaction(command) && input.includes('OBJECTION#') && ++sent % 4 === 0) {
        throw Object.assign(new Error('injected'), {
          name: 'InternalServerError',
          $metadata: { httpStatusCode: 500 },
        });
      }
    });
    const residents = Array.from({ length: 30 }, (_, i) => ({
      sub: `objector-${i}-${w.office}`,
      name: `居民${i}`,
      roles: ['resident' as const],
    }));
    const tokens = await Promise.all(residents.map((r) => h.tokenFor(r)));
    const responses = await Promise.all(
      tokens.map((token) =>
        call(apps.shortlisting, 'POST', `${path(w)}/objections`, { token, body: { text: '请说明评分依据' } }),
      ),
    );
    const created = responses.filter((r) => r.status === 201).length;
    expect(responses.every((r) => r.status === 201 || r.status === 503)).toBe(true);
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(30);
    const listed = await call(w.shortlisting, 'GET', `${path(w)}/objections`, { token: w.tokens.officer });
    expect(listed.body.items).toHaveLength(created);
    expect(count(await auditActions(w.deps.db, w.contestId), 'objection.file')).toBe(created);
    expect((await call(w.awards, 'GET', `${path(w)}/audit/verify`)).body.ok).toBe(true);
  });

  it('records automatic assignment, reassignment after a conflict and owner conflicts in the trail', async () => {
    const w = await buildReviewWorld(h, { proposals: 3, judges: 5, minJudges: 2, phase: 'review' });
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'assignment.auto')).toBe(1);
    const mine = await call(w.app, 'GET', '/api/me/assignments', { token: w.tokens.judges[0] });
    const proposalId = mine.body.items[0].proposalId;
    const declared = await call(w.app, 'POST', `${path(w)}/proposals/${proposalId}/conflict`, {
      token: w.tokens.judges[0],
      body: { reason: '亲属关系' },
    });
    expect(declared.status).toBe(200);
    expect(declared.body.reassignedTo).toHaveLength(1);
    const after = await auditActions(w.deps.db, w.contestId);
    expect(count(after, 'conflict.declare')).toBe(1);
    expect(count(after, 'assignment.replan')).toBe(1);
  });
});

describe('6. notice numbers', { timeout: 120_000 }, () => {
  it('never repeat across two contests of one office locked and issued in the same year, and have no gaps', async () => {
    const first = await buildScoredWorld(h, { proposals: 3, judges: 3, rules: { publicityDays: 1 } });
    const second = await buildScoredWorld(h, {
      proposals: 3,
      judges: 3,
      office: first.office,
      rules: { publicityDays: 1 },
    });
    for (const w of [first, second]) {
      await publishAndEnd(w);
      expect(
        (await call(w.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer })).status,
      ).toBe(200);
    }
    const issued = await Promise.all(
      [first, second].map((w) =>
        call(w.awards, 'POST', `${path(w)}/notices/issue`, { token: w.tokens.officer }),
      ),
    );
    expect(issued.map((r) => r.status)).toEqual([200, 200]);
    const numbers: string[] = [];
    const sequences: number[] = [];
    for (const w of [first, second]) {
      const notices = await call(w.awards, 'GET', `${path(w)}/notices`, { token: w.tokens.officer });
      numbers.push(...notices.body.items.map((n: { number: string }) => n.number));
      sequences.push(...notices.body.items.map((n: { sequence: number }) => n.sequence));
      expect(count(await auditActions(w.deps.db, w.contestId), 'notice.issue')).toBe(
        notices.body.items.length,
      );
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(sequences.sort((a, b) => a - b)).toEqual(
      Array.from({ length: sequences.length }, (_, i) => i + 1),
    );
  });
});

describe('7. the public award after the lock', { timeout: 120_000 }, () => {
  it('keeps the team’s name as it was at the lock when the team is renamed later', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3, rules: { publicityDays: 1 } });
    await publishAndEnd(w);
    expect((await call(w.shortlisting, 'POST', `${path(w)}/lock`, { token: w.tokens.officer })).status).toBe(
      200,
    );
    const before = await call(w.awards, 'GET', `${path(w)}/ocds.json`);
    const supplier = before.body.awards[0].suppliers[0];
    const submissions = createSubmissionsApp(w.deps);
    const owner = await h.tokenFor(w.residents[0]!);
    const teams = await call(submissions, 'GET', '/api/me/teams', { token: owner });
    const team = teams.body.items[0];
    const read = await call(submissions, 'GET', `/api/teams/${team.id}`, { token: owner });
    const renamed = await call(submissions, 'PUT', `/api/teams/${team.id}`, {
      token: owner,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { ...teamInput, name: '改名后的团队 13800138000' },
    });
    expect(renamed.status).toBe(200);
    const after = await call(w.awards, 'GET', `${path(w)}/ocds.json`);
    expect(after.body).toEqual(before.body);
    expect(JSON.stringify(after.body)).not.toContain('13800138000');
    expect(supplier.name).not.toBe('');
  });
});

describe('8. conflicts need an assignment and an open sheet', { timeout: 120_000 }, () => {
  it('refuses a conflict on a submitted sheet until an officer reopens it; and from an unassigned judge', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 4, minJudges: 3 });
    const proposalId = w.proposalIds[0]!;
    const sheets = await Promise.all(
      w.judgeUsers.map((j) => getSheet(w.deps.db, w.contestId, proposalId, j.sub)),
    );
    const index = sheets.findIndex((s) => s?.status === 'submitted');
    const unassigned = sheets.indexOf(undefined);
    const ranking = async () =>
      (await call(w.app, 'GET', `${path(w)}/ranking`, { token: w.tokens.officer })).body.items;
    const before = await ranking();
    const refused = await call(w.app, 'POST', `${path(w)}/proposals/${proposalId}/conflict`, {
      token: w.tokens.judges[index],
      body: { reason: '事后想起' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict.sheetSubmitted');
    expect(await ranking()).toEqual(before);
    const outsider = await call(w.app, 'POST', `${path(w)}/proposals/${proposalId}/conflict`, {
      token: w.tokens.judges[unassigned],
      body: { reason: '随便' },
    });
    expect(outsider.status).toBe(403);
    expect(count(await auditActions(w.deps.db, w.contestId), 'conflict.declare')).toBe(0);

    const judgeId = w.judgeUsers[index]!.sub;
    const reopened = await call(
      w.app,
      'POST',
      `${path(w)}/proposals/${proposalId}/sheets/${judgeId}/reopen`,
      {
        token: w.tokens.officer,
        body: { reason: '专家申请回避' },
      },
    );
    expect(reopened.status).toBe(200);
    const declared = await call(w.app, 'POST', `${path(w)}/proposals/${proposalId}/conflict`, {
      token: w.tokens.judges[index],
      body: { reason: '曾指导该团队' },
    });
    expect(declared.status).toBe(200);
  });
});

describe('a burst of submissions with injected transaction conflicts', { timeout: 120_000 }, () => {
  it('stores and audits all 200 proposals submitted in the last second', async () => {
    const w = await buildWorld(h, 'open');
    const contest = await getItem(w.deps.db, keys.contest(w.contestId));
    const deadline = new Date(String(contest?.submissionDeadline));
    const residents = Array.from({ length: 200 }, (_, i) => ({
      sub: `burst-${i}-${w.office}`,
      name: `居民${i}`,
      roles: ['resident' as const],
    }));
    const patient = { ...w.deps, db: faultyDb(h, () => undefined, { patient: true }) };
    const submissions = createSubmissionsApp(patient);
    const prepared = await Promise.all(
      residents.map(async (resident) => {
        const token = await h.tokenFor(resident);
        const team = await call(submissions, 'POST', '/api/teams', { token, body: teamInput });
        const draft = await call(submissions, 'POST', `${path(w)}/proposals`, {
          token,
          body: { teamId: team.body.id, ...completeProposal },
        });
        return {
          token,
          id: draft.body.id as string,
          status: `${team.status}/${draft.status} ${draft.body.code ?? ''}`,
        };
      }),
    );
    expect(prepared.filter((p) => p.status !== '201/201 ').map((p) => p.status)).toEqual([]);
    w.clock.set(new Date(deadline.getTime() - 1000));
    let transactions = 0;
    const conflicted = createSubmissionsApp({
      ...w.deps,
      db: faultyDb(
        h,
        (command, input) => {
          // Every third submission's transaction is cancelled by a (made-up) concurrent one.
          if (isTransaction(command) && input.includes('proposal.submit') && ++transactions % 3 === 0) {
            throw transactionConflict(4);
          }
        },
        { patient: true },
      ),
    });
    const before = count(await auditActions(w.deps.db, w.contestId), 'proposal.submit');
    const responses = await Promise.all(
      prepared.map((p) =>
        call(conflicted, 'POST', `${path(w)}/proposals/${p.id}/submit`, { token: p.token }),
      ),
    );
    const failed = responses.filter((r) => r.status !== 200);
    expect(failed.map((r) => `${r.status} ${r.body.code}`)).toEqual([]);
    const listed = await call(submissions, 'GET', `${path(w)}/submissions?limit=100`, {
      token: w.tokens.officer,
    });
    expect(listed.status).toBe(200);
    const actions = await auditActions(w.deps.db, w.contestId);
    expect(count(actions, 'proposal.submit') - before).toBe(200);
    for (const p of prepared)
      expect((await getItem(w.deps.db, keys.proposal(w.contestId, p.id)))?.status).toBe('submitted');
  });

  it('answers 503 with Retry-After when conflicts outlast the retries, and writes nothing', async () => {
    const w = await buildWorld(h, 'open');
    const always = createSubmissionsApp({
      ...w.deps,
      db: faultyDb(h, (command) => {
        if (isTransaction(command)) throw transactionConflict(4);
      }),
    });
    const before = await getItem(w.deps.db, keys.proposal(w.contestId, w.draftId));
    const response = await call(always, 'POST', `${path(w)}/proposals/${w.draftId}/submit`, {
      token: w.tokens.owner,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(await getItem(w.deps.db, keys.proposal(w.contestId, w.draftId))).toEqual(before);
  });
});
