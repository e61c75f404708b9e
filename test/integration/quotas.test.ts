import { beforeAll, describe, expect, it } from 'vitest';
import { keyPrefix, queryAll } from '../../shared/db.ts';
import { LOCALES } from '../../shared/i18n.ts';
import { keys } from '../../shared/keys.ts';
import { QUOTAS } from '../../shared/quota.ts';
import { buildScoredWorld } from '../support/bundle-world.ts';
import { auditActions, count } from '../support/faults.ts';
import { teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { type CallResult, call } from '../support/http.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** A hard quota: 429 problem+json naming the limit, no Retry-After (waiting does not help). */
function expectQuota(response: CallResult, code: string, limit: number) {
  expectProblem(response, 429);
  expect(response.body.code).toBe(code);
  expect(response.headers.get('retry-after')).toBeNull();
  expect(response.body.detail).toContain(String(limit));
  expect(response.body.detail).not.toMatch(/[{}]/);
}

describe('per-principal quotas', { timeout: 120_000 }, () => {
  it('stores exactly the quota of 30 parallel objections by one resident; the rest get 429 in both languages', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    const contestPath = `/api/contests/${w.contestId}`;
    expect(
      (await call(w.shortlisting, 'POST', `${contestPath}/publish`, { token: w.tokens.officer })).status,
    ).toBe(200);
    const token = w.tokens.resident;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(w.shortlisting, 'POST', `${contestPath}/objections`, {
          token,
          lang: LOCALES[i % 2],
          body: { text: `请说明评分依据 ${i}` },
        }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(QUOTAS.objections);
    const refused = responses.filter((r) => r.status !== 201);
    for (const response of refused) expectQuota(response, 'quota.objections', QUOTAS.objections);
    expect(refused.map((r) => r.headers.get('content-language'))).toEqual(
      expect.arrayContaining(['zh-CN', 'en']),
    );
    const listed = await call(w.shortlisting, 'GET', `${contestPath}/objections`, {
      token: w.tokens.officer,
    });
    expect(listed.body.items).toHaveLength(QUOTAS.objections);
    expect(count(await auditActions(w.deps.db, w.contestId), 'objection.file')).toBe(QUOTAS.objections);

    // The quota is the resident's: another resident still objects.
    const other = await h.tokenFor(w.residents[1]!);
    const theirs = await call(w.shortlisting, 'POST', `${contestPath}/objections`, {
      token: other,
      body: { text: '预算偏高' },
    });
    expect(theirs.status).toBe(201);
  });

  it('files an objection sent again with its Idempotency-Key once: one item, one audit entry, one unit of quota', async () => {
    const w = await buildScoredWorld(h, { proposals: 2, judges: 3 });
    const contestPath = `/api/contests/${w.contestId}`;
    expect(
      (await call(w.shortlisting, 'POST', `${contestPath}/publish`, { token: w.tokens.officer })).status,
    ).toBe(200);
    const send = (text: string, token = w.tokens.resident) =>
      call(w.shortlisting, 'POST', `${contestPath}/objections`, {
        token,
        body: { text },
        headers: { 'idempotency-key': 'objection-form-1' },
      });
    const [first, again] = await Promise.all([send('请说明评分依据'), send('请说明评分依据')]);
    const changed = await send('另一条异议');
    const other = await send('请说明评分依据', await h.tokenFor(w.residents[1]!));

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expectProblem(changed, 422);
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    const listed = await call(w.shortlisting, 'GET', `${contestPath}/objections`, {
      token: w.tokens.officer,
    });
    expect(listed.body.items).toHaveLength(2);
    expect(count(await auditActions(w.deps.db, w.contestId), 'objection.file')).toBe(2);
  });

  it('lets one resident register at most the quota of teams, in parallel too; an idempotent retry still answers', async () => {
    const w = await buildWorld(h, 'open');
    // The world's resident has one team already.
    const attempts = QUOTAS.teams + 5;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        call(w.app, 'POST', '/api/teams', {
          token: w.tokens.owner,
          headers: { 'idempotency-key': `team-${i}` },
          body: { ...teamInput, name: `团队${i}` },
        }),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(QUOTAS.teams - 1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expectQuota(response, 'quota.teams', QUOTAS.teams);
    }
    const mine = await call(w.app, 'GET', '/api/me/teams?limit=100', { token: w.tokens.owner });
    expect(mine.body.items).toHaveLength(QUOTAS.teams);

    const first = responses.findIndex((r) => r.status === 201);
    const retry = await call(w.app, 'POST', '/api/teams', {
      token: w.tokens.owner,
      headers: { 'idempotency-key': `team-${first}` },
      body: { ...teamInput, name: `团队${first}` },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(created.find((r) => r.body.name === `团队${first}`)?.body.id);

    const zh = await call(w.app, 'POST', '/api/teams', {
      token: w.tokens.owner,
      lang: 'zh-CN',
      body: teamInput,
    });
    expectQuota(zh, 'quota.teams', QUOTAS.teams);
    expect(zh.body.detail).toContain('申报团队');
    // Another resident is not held back.
    const theirs = await call(w.app, 'POST', '/api/teams', {
      token: w.tokens.otherResident,
      body: teamInput,
    });
    expect(theirs.status).toBe(201);
  });

  it('lets one team create at most the quota of proposals in one contest, in parallel too', async () => {
    const w = await buildWorld(h, 'open');
    // The world's team has two proposals in this contest already.
    const responses = await Promise.all(
      Array.from({ length: QUOTAS.proposals + 6 }, (_, i) =>
        call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
          token: w.tokens.owner,
          body: { teamId: w.teamId, title: `项目${i}` },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(QUOTAS.proposals - 2);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expectQuota(response, 'quota.proposals', QUOTAS.proposals);
    }
    const stored = await queryAll(w.deps.db, {
      ...keyPrefix(keys.contestPartition(w.contestId).pk, 'PROPOSAL#'),
      ConsistentRead: true,
    });
    expect(stored.filter((item) => item.teamId === w.teamId)).toHaveLength(QUOTAS.proposals);

    // The same resident's other team has its own quota.
    const team = await call(w.app, 'POST', '/api/teams', { token: w.tokens.owner, body: teamInput });
    const more = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
      token: w.tokens.owner,
      body: { teamId: team.body.id, title: '另一个团队的项目' },
    });
    expect(more.status).toBe(201);
  });
});
