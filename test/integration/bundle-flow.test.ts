import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAwardsApp } from '../../functions/awards/app.tsx';
import { LOCAL_CREDENTIALS } from '../../infra/local/engine.ts';
import { createDb } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { lockedBundleDigest } from '../../shared/notice.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('from the ranking to locked bundle and notices', () => {
  it('shortlists within budget, publishes, answers objections, locks once and issues every notice', async () => {
    // Six eligible proposals of 6,000 yuan; a budget of 20,000 yuan funds three.
    const w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000 } });
    const c = `/api/contests/${w.contestId}`;
    const officer = w.tokens.officer;

    const proposal = await call(w.shortlisting, 'GET', `${c}/bundle/proposal`, { token: officer });
    expect(proposal.status).toBe(200);
    expect(proposal.body.policy).toBe('rank-fill');
    const selected = proposal.body.lines.filter((l: { selected: boolean }) => l.selected);
    expect(selected.map((l: { proposalId: string }) => l.proposalId)).toEqual(w.proposalIds.slice(0, 3));
    expect(proposal.body.usedFen).toBe(1_800_000);
    expect(proposal.body.leftFen).toBe(200_000);
    for (const line of proposal.body.lines.filter((l: { selected: boolean }) => !l.selected)) {
      expect(line.reason).toEqual({ code: 'budget', leftFen: 200_000 });
      expect(line.group).toBe('not-funded');
    }
    const compare = await call(w.shortlisting, 'GET', `${c}/bundle/compare`, { token: officer });
    expect(compare.body.bundles.map((b: { policy: string }) => b.policy)).toEqual([
      'rank-fill',
      'rank-strict',
      'max-score',
    ]);
    expect(compare.body.bundles.every((b: { usedFen: number }) => b.usedFen <= 2_000_000)).toBe(true);

    // The officer trims the fourth proposal to what is left, with a reason: it now fits.
    const trimmed = await call(w.shortlisting, 'PUT', `${c}/bundle/decisions`, {
      token: officer,
      body: {
        trims: { [w.proposalIds[3]!]: { approvedFen: 200_000, reason: '压缩宣传物料费用，与团队协商一致' } },
      },
    });
    expect(trimmed.status).toBe(200);
    const published = await call(w.shortlisting, 'POST', `${c}/publish`, { token: officer });
    expect(published.status).toBe(200);
    expect(published.body.bundle.selectedCount).toBe(4);
    expect(published.body.bundle.usedFen).toBe(2_000_000);

    const publicity = await call(w.shortlisting, 'GET', `${c}/publicity`);
    expect(publicity.status).toBe(200);
    const text = JSON.stringify(publicity.body);
    expect(text).not.toContain(teamInput.members[0]!.name);
    expect(text).not.toContain(teamInput.members[0]!.phone!);
    expect(text).not.toContain(w.residents[0]!.sub);
    expect(
      publicity.body.bundle.lines.find((l: { proposalId: string }) => l.proposalId === w.proposalIds[3]).trim
        .reason,
    ).toContain('压缩');

    const objection = await call(w.shortlisting, 'POST', `${c}/objections`, {
      token: w.tokens.resident,
      body: { proposalId: w.proposalIds[2], text: '该项目与去年的项目重复' },
    });
    expect(objection.status).toBe(201);
    const early = await call(w.shortlisting, 'POST', `${c}/lock`, { token: officer });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('bundle.publicityNotOver');
    w.clock.advance(8 * DAY_MS);
    const unanswered = await call(w.shortlisting, 'POST', `${c}/lock`, { token: officer });
    expect(unanswered.body.code).toBe('bundle.objectionsOpen');
    const answered = await call(w.shortlisting, 'PUT', `${c}/objections/${objection.body.id}/answer`, {
      token: officer,
      body: { answer: '经核实，服务对象与内容均不同，不属于重复。' },
    });
    expect(answered.status).toBe(200);
    expect((await call(w.shortlisting, 'POST', `${c}/lock`, { token: w.tokens.otherOfficer })).status).toBe(
      403,
    );

    // Twenty officers' browsers lock at once: exactly one wins.
    const locks = await Promise.all(
      Array.from({ length: 20 }, () => call(w.shortlisting, 'POST', `${c}/lock`, { token: officer })),
    );
    expect(locks.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    const locked = await call(w.shortlisting, 'GET', `${c}/bundle`);
    expect(locked.body.sha256).toBe(lockedBundleDigest(locked.body.content));
    expect(locked.body.sha256).toBe(locks.find((r) => r.status === 200)!.body.sha256);

    // Notices: one per submitted proposal, numbered 1..n, the selected first; a re-run adds none.
    const issued = await call(w.awards, 'POST', `${c}/notices/issue`, { token: officer });
    expect(issued.body).toEqual({ issued: 7, alreadyIssued: 0, total: 7 });
    const again = await call(w.awards, 'POST', `${c}/notices/issue`, { token: officer });
    expect(again.body).toEqual({ issued: 0, alreadyIssued: 7, total: 7 });
    const notices = (await call(w.awards, 'GET', `${c}/notices`, { token: officer })).body.items;
    const year = w.deps.clock.now().getUTCFullYear();
    expect(notices.map((n: { sequence: number }) => n.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(notices[0].number).toMatch(new RegExp(`^西屯微创投〔${year}〕1号$`));
    expect(notices.slice(0, 4).every((n: { kind: string }) => n.kind === 'selected')).toBe(true);
    expect(notices[3]).toMatchObject({ amountFen: 200_000, amountCapital: '贰仟元整' });
    expect(notices[6]).toMatchObject({
      kind: 'not-selected',
      proposalId: w.ineligibleId,
      reason: { code: 'ineligible' },
    });

    const mine = await call(w.awards, 'GET', '/api/me/notices', { token: w.tokens.resident });
    expect(mine.body.items).toHaveLength(1);
    const [notice] = mine.body.items;
    const page = await call(w.awards, 'GET', `/notices/${w.contestId}/${notice.proposalId}`, {
      token: w.tokens.resident,
    });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain(notice.number);
    expect(
      (
        await call(w.awards, 'GET', `/notices/${w.contestId}/${notice.proposalId}`, {
          token: w.tokens.judges[0],
        })
      ).status,
    ).toBe(403);

    const verify = (number: string, code: string) =>
      call(
        w.awards,
        'GET',
        `/api/notices/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`,
      );
    expect((await verify(notice.number, notice.verificationCode)).body).toMatchObject({
      valid: true,
      notice: { title: notice.title },
    });
    expect(
      (
        await verify(
          notice.number.replace('〔', '[').replace('〕', ']'),
          notice.verificationCode.toLowerCase(),
        )
      ).body.valid,
    ).toBe(true);
    expect((await verify(notice.number, 'AAAA-AAAA-AA')).body).toEqual({ valid: false });

    const ocds = await call(w.awards, 'GET', `${c}/ocds.json`);
    expect(ocds.body.awards).toHaveLength(4);
    const awardedFen = ocds.body.awards.reduce(
      (sum: number, a: { value: { amount: number } }) => sum + Math.round(a.value.amount * 100),
      0,
    );
    expect(awardedFen).toBe(2_000_000);

    const csv = await call(w.awards, 'GET', `${c}/awards.csv`, { token: officer });
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(8);

    const audit = await call(w.awards, 'GET', `${c}/audit`, { token: officer });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    for (const action of [
      'contest.open',
      'contest.screening',
      'proposal.screen',
      'contest.review',
      'contest.publicity',
      'objection.file',
      'objection.answer',
      'contest.locked',
      'notice.issue',
      'contest.awarded',
    ]) {
      expect(actions).toContain(action);
    }
    const verdict = await call(w.awards, 'GET', `${c}/audit/verify`);
    expect(verdict.body).toMatchObject({ ok: true, count: audit.body.items.length });
  });

  it('finishes a notice fan-out that crashed half-way, with exactly one notice per proposal', async () => {
    const w = await buildScoredWorld(h, { rules: { budgetFen: 2_000_000, publicityDays: 1 } });
    const c = `/api/contests/${w.contestId}`;
    await call(w.shortlisting, 'POST', `${c}/publish`, { token: w.tokens.officer });
    w.clock.advance(2 * DAY_MS);
    expect((await call(w.shortlisting, 'POST', `${c}/lock`, { token: w.tokens.officer })).status).toBe(200);

    // A client that fails every notice's transaction after the third: the fan-out dies part-way.
    let noticeWrites = 0;
    const faulty = createDb({
      tableName: h.tableName,
      region: 'local',
      endpoint: h.endpoint,
      credentials: LOCAL_CREDENTIALS,
      maxAttempts: 1,
      instrument: (stack) =>
        stack.add(
          (next, context) => async (args) => {
            const issuing =
              context.commandName === 'TransactWriteItemsCommand' &&
              JSON.stringify(args.input).includes('NOTICE#');
            if (issuing && ++noticeWrites > 3) {
              throw Object.assign(new Error('injected'), {
                name: 'InternalServerError',
                $metadata: { httpStatusCode: 500 },
              });
            }
            return next(args);
          },
          { step: 'initialize', name: 'injectFault' },
        ),
    });
    const crashing = createAwardsApp({ ...w.deps, db: faulty });
    const crashed = await call(crashing, 'POST', `${c}/notices/issue`, { token: w.tokens.officer });
    expect(crashed.status).toBe(503);
    expect(crashed.headers.get('retry-after')).toBeTruthy();

    const resumed = await call(w.awards, 'POST', `${c}/notices/issue`, { token: w.tokens.officer });
    expect(resumed.body).toEqual({ issued: 4, alreadyIssued: 3, total: 7 });
    const notices = (await call(w.awards, 'GET', `${c}/notices`, { token: w.tokens.officer })).body.items;
    expect(notices.map((n: { sequence: number }) => n.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(notices.map((n: { proposalId: string }) => n.proposalId)).size).toBe(7);
  });

  it('detects an audit trail cut short after the lock, which the chain alone cannot show', async () => {
    const w = await buildScoredWorld(h, {
      proposals: 2,
      judges: 3,
      minJudges: 3,
      rules: { publicityDays: 1 },
    });
    const c = `/api/contests/${w.contestId}`;
    await call(w.shortlisting, 'POST', `${c}/publish`, { token: w.tokens.officer });
    w.clock.advance(2 * DAY_MS);
    const locked = await call(w.shortlisting, 'POST', `${c}/lock`, { token: w.tokens.officer });
    const anchor = locked.body.content.auditAnchor;
    expect(anchor.count).toBeGreaterThan(5);
    expect((await call(w.awards, 'GET', `${c}/audit/verify`)).body.ok).toBe(true);

    // Someone with table access deletes the newest entries, from the anchored one on: what is
    // left still links perfectly, but no longer reaches the head the locked bundle recorded.
    const entries = (await call(w.awards, 'GET', `${c}/audit`, { token: w.tokens.officer })).body.items;
    for (const entry of entries.filter((e: { seq: number }) => e.seq >= anchor.count)) {
      await w.deps.db.doc.send(
        new DeleteCommand({ TableName: h.tableName, Key: keys.auditEntry(w.contestId, entry.id) }),
      );
    }

    const verdict = await call(w.awards, 'GET', `${c}/audit/verify`);
    expect(verdict.body).toEqual({ ok: false, brokenAt: anchor.count, problem: 'truncated' });
  });
});
