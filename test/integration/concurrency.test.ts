import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.ts';
import { createProposal } from '../../shared/proposal/actions.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { completeProposal, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { asPrincipal, buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('concurrent writers', () => {
  it('lets one of two browsers editing the same draft win; the other gets 412 and changes nothing', async () => {
    const w = await buildWorld(h, 'open');
    const path = `/api/contests/${w.contestId}/proposals/${w.draftId}`;
    const read = await call(w.app, 'GET', path, { token: w.tokens.owner });
    const etag = read.headers.get('etag')!;

    const [first, second] = await Promise.all(
      ['手机上改的标题', '电脑上改的标题'].map((title) =>
        call(w.app, 'PATCH', path, { token: w.tokens.owner, body: { title }, headers: { 'if-match': etag } }),
      ),
    );

    expect([first!.status, second!.status].sort()).toEqual([200, 412]);
    const winner = first!.status === 200 ? first! : second!;
    const after = await call(w.app, 'GET', path, { token: w.tokens.owner });
    expect(after.body.title).toBe(winner.body.title);
    expect(after.body.version).toBe(2);
  });

  it('returns the first result to a retried create with the same Idempotency-Key, and stores one item', async () => {
    const w = await buildWorld(h, 'open');
    const key = `retry-${newId()}`;
    const body = { teamId: w.teamId, title: '重试的申报' };
    const send = () =>
      call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
        token: w.tokens.owner,
        body,
        headers: { 'idempotency-key': key },
      });

    const responses = await Promise.all(Array.from({ length: 8 }, send));
    const retry = await send();

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set([...responses, retry].map((r) => r.body.id)).size).toBe(1);
    expect(retry.status).toBe(200);
    const mine = await call(w.app, 'GET', '/api/me/proposals?limit=100', { token: w.tokens.owner });
    expect(mine.body.items.filter((p: { title: string }) => p.title === '重试的申报')).toHaveLength(1);

    const reused = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
      token: w.tokens.owner,
      body: { ...body, title: '另一个申报' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.mismatch');
  });

  it('keys idempotency per caller: two residents may use the same key', async () => {
    const w = await buildWorld(h, 'open');
    const headers = { 'idempotency-key': 'same-key' };
    const a = await call(w.app, 'POST', '/api/teams', { token: w.tokens.owner, body: teamInput, headers });
    const b = await call(w.app, 'POST', '/api/teams', {
      token: w.tokens.otherResident,
      body: teamInput,
      headers,
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('stores every one of many proposals submitted in the last second before the deadline', async () => {
    // The clock is frozen: it reads one millisecond before the deadline until the test moves it.
    const w = await buildWorld(h, 'open');
    const residents = Array.from({ length: 30 }, (_, i) => ({
      sub: `rush-${i}-${w.office}`,
      name: `居民${i}`,
      roles: ['resident' as const],
    }));
    const drafts = await Promise.all(
      residents.map(async (user) => {
        const principal = asPrincipal(user);
        const { team } = await createTeam(w.deps, principal, teamInput as TeamInput);
        const { proposal } = await createProposal(w.deps, principal, w.contestId, {
          teamId: team.id,
          ...completeProposal,
        });
        return { token: await h.tokenFor(user), id: proposal.id };
      }),
    );
    const contest = (await call(w.app, 'GET', `/api/contests/${w.contestId}`)).body;
    w.clock.set(new Date(new Date(contest.submissionDeadline).getTime() - 1));

    const results = await Promise.all(
      drafts.map((d) =>
        call(w.app, 'POST', `/api/contests/${w.contestId}/proposals/${d.id}/submit`, { token: d.token }),
      ),
    );

    expect(results.map((r) => r.status)).toEqual(drafts.map(() => 200));
    expect(w.clock.now().toISOString()).toBe(
      new Date(Date.parse(contest.submissionDeadline) - 1).toISOString(),
    );
    w.clock.advance(1000);
    await call(w.app, 'POST', `/api/contests/${w.contestId}/close`, { token: w.tokens.officer });
    const ids: string[] = [];
    let next: string | null = null;
    do {
      const page: any = await call(
        w.app,
        'GET',
        `/api/contests/${w.contestId}/submissions?limit=7${next ? `&next=${next}` : ''}`,
        {
          token: w.tokens.officer,
        },
      );
      ids.push(...page.body.items.map((p: { id: string }) => p.id));
      next = page.body.next;
    } while (next);
    expect(ids.sort()).toEqual([w.submittedId, ...drafts.map((d) => d.id)].sort());
  });

  it('lets exactly one of several officers open the same contest', async () => {
    const w = await buildWorld(h, 'draft');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(w.app, 'POST', `/api/contests/${w.contestId}/open`, { token: w.tokens.officer }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect((await call(w.app, 'GET', `/api/contests/${w.contestId}`)).body.version).toBe(2);
  });
});
