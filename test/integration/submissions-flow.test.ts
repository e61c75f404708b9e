import { beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionsApp } from '../../functions/submissions/app.ts';
import { newId } from '../../shared/ids.ts';
import { completeProposal, contestInput, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness, personas, seedOffices } from '../support/harness.ts';
import { call } from '../support/http.ts';

let h: Harness;
let app: ReturnType<typeof createSubmissionsApp>;
const office = `office-${newId()}`;
const people = personas(office, `other-${office}`);
const tokens: Record<keyof typeof people, string> = {} as never;

beforeAll(async () => {
  h = await createHarness();
  await seedOffices(h, office, `other-${office}`);
  app = createSubmissionsApp(h.deps);
  for (const [name, user] of Object.entries(people))
    tokens[name as keyof typeof people] = await h.tokenFor(user);
});

describe('a contest from draft to screening', () => {
  it('lets a resident draft, edit, submit, withdraw and resubmit, and the officer screen it', async () => {
    // Prepare: an officer creates and opens a contest.
    const created = await call(app, 'POST', `/api/offices/${office}/contests`, {
      token: tokens.officer,
      body: contestInput(h.deps.clock.now()),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.rubric).toHaveLength(5);
    const contestId = created.body.id;

    const opened = await call(app, 'POST', `/api/contests/${contestId}/open`, { token: tokens.officer });
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');

    const listed = await call(app, 'GET', '/api/contests');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(contestId);

    // Act: the resident registers a team and drafts a proposal.
    const team = await call(app, 'POST', '/api/teams', { token: tokens.resident, body: teamInput });
    expect(team.status).toBe(201);

    const draft = await call(app, 'POST', `/api/contests/${contestId}/proposals`, {
      token: tokens.resident,
      body: { teamId: team.body.id, title: '少年手工' },
    });
    expect(draft.status).toBe(201);
    const path = `/api/contests/${contestId}/proposals/${draft.body.id}`;

    const incomplete = await call(app, 'POST', `${path}/submit`, { token: tokens.resident });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('proposal.incomplete');

    const edited = await call(app, 'PATCH', path, {
      token: tokens.resident,
      body: completeProposal,
      headers: { 'if-match': draft.headers.get('etag')! },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);

    const submitted = await call(app, 'POST', `${path}/submit`, { token: tokens.resident });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    const withdrawn = await call(app, 'POST', `${path}/withdraw`, { token: tokens.resident });
    expect(withdrawn.body.status).toBe('withdrawn');
    const officerViewWhileWithdrawn = await call(app, 'GET', `/api/contests/${contestId}/submissions`, {
      token: tokens.officer,
    });
    expect(officerViewWhileWithdrawn.body.items).toHaveLength(0);

    const resubmitted = await call(app, 'POST', `${path}/submit`, { token: tokens.resident });
    expect(resubmitted.body.status).toBe('submitted');

    // Assess: after the deadline the officer closes and screens.
    h.deps.clock.advance(15 * 24 * 3600 * 1000);
    const closed = await call(app, 'POST', `/api/contests/${contestId}/close`, { token: tokens.officer });
    expect(closed.body.status).toBe('screening');

    const submissions = await call(app, 'GET', `/api/contests/${contestId}/submissions`, {
      token: tokens.officer,
    });
    expect(submissions.body.items.map((p: { id: string }) => p.id)).toEqual([draft.body.id]);

    const screened = await call(app, 'PUT', `${path}/eligibility`, {
      token: tokens.officer,
      body: { eligible: false, reason: '预算明细不完整' },
    });
    expect(screened.status).toBe(200);
    expect(screened.body.eligibility).toMatchObject({ eligible: false, reason: '预算明细不完整' });

    const mine = await call(app, 'GET', '/api/me/proposals', { token: tokens.resident });
    expect(mine.body.items[0]).toMatchObject({ id: draft.body.id, status: 'submitted' });
  });
});
