import { beforeAll, describe, expect, it } from 'vitest';
import type { DevUser } from '../../infra/local/dev-auth.ts';
import { createProposal } from '../../shared/proposal/actions.ts';
import { addJudge, assignManually } from '../../shared/review/actions.ts';
import { createTeam, type TeamInput } from '../../shared/team/team.ts';
import { auditActions } from '../support/faults.ts';
import { completeProposal, teamInput } from '../support/fixtures.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { expectProblem } from '../support/hostile.ts';
import { call } from '../support/http.ts';
import { buildReviewWorld, scores } from '../support/review-world.ts';
import { asPrincipal, buildWorld, DAY_MS } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** One person, one `sub`, holding several roles: an officer of `office` who is also a resident and a judge. */
function officerWhoIs(sub: string, office: string): DevUser {
  return { sub, name: '兼职的王主任', roles: ['officer', 'resident', 'judge'], officeId: office };
}

describe('an officer of an office never enters, screens their own or judges in its contests', () => {
  it('refuses an officer-resident entering the office’s contest (403), and lets them enter another office’s', async () => {
    const w = await buildWorld(h, 'open');
    const person = officerWhoIs(`dual-${w.office}`, w.office);
    const token = await h.tokenFor(person);
    const team = await call(w.app, 'POST', '/api/teams', { token, body: teamInput });
    expect(team.status).toBe(201);
    for (const lang of ['zh-CN', 'en'] as const) {
      const refused = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals`, {
        token,
        lang,
        body: { teamId: team.body.id, ...completeProposal },
      });
      expectProblem(refused, 403);
      expect(refused.body.code).toBe('auth.officerMayNotEnter');
      expect(refused.body.detail).toMatch(lang === 'en' ? /officer of this office/ : /工作人员/);
    }
    const mine = await call(w.app, 'GET', '/api/me/proposals', { token });
    expect(mine.body.items).toHaveLength(0);

    // The same person in another office's contest is just a resident there.
    const elsewhere = await buildWorld(h, 'open');
    const entered = await call(elsewhere.app, 'POST', `/api/contests/${elsewhere.contestId}/proposals`, {
      token,
      body: { teamId: team.body.id, ...completeProposal },
    });
    expect(entered.status).toBe(201);
  });

  it('refuses submitting a draft written before taking office, and screening one’s own submission', async () => {
    const w = await buildWorld(h, 'open');
    const sub = `later-officer-${w.office}`;
    // As a resident (no office yet): a team and a submitted proposal, plus a draft.
    const resident = asPrincipal({ sub, name: '刘女士', roles: ['resident'] });
    const { team } = await createTeam(w.deps, resident, teamInput as TeamInput);
    const input = { teamId: team.id, ...completeProposal };
    const submittedId = (await createProposal(w.deps, resident, w.contestId, input)).proposal.id;
    expect(
      (
        await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals/${submittedId}/submit`, {
          token: await h.tokenFor({ sub, name: '刘女士', roles: ['resident'] }),
        })
      ).status,
    ).toBe(200);
    const draftId = (await createProposal(w.deps, resident, w.contestId, input)).proposal.id;

    // Then she joins the office: her token now names it.
    const token = await h.tokenFor(officerWhoIs(sub, w.office));
    const submit = await call(w.app, 'POST', `/api/contests/${w.contestId}/proposals/${draftId}/submit`, {
      token,
    });
    expectProblem(submit, 403);
    expect(submit.body.code).toBe('auth.officerMayNotEnter');

    w.clock.advance(15 * DAY_MS);
    expect(
      (await call(w.app, 'POST', `/api/contests/${w.contestId}/close`, { token: w.tokens.officer })).status,
    ).toBe(200);
    const eligibility = `/api/contests/${w.contestId}/proposals/${submittedId}/eligibility`;
    const own = await call(w.app, 'PUT', eligibility, { token, body: { eligible: true } });
    expectProblem(own, 403);
    expect(own.body.code).toBe('auth.ownProposal');
    // Another officer of the office screens it; she still screens the others.
    expect(
      (await call(w.app, 'PUT', eligibility, { token: w.tokens.officer, body: { eligible: true } })).status,
    ).toBe(200);
    const others = await call(
      w.app,
      'PUT',
      `/api/contests/${w.contestId}/proposals/${w.submittedId}/eligibility`,
      {
        token,
        body: { eligible: true },
      },
    );
    expect(others.status).toBe(200);
  });

  it('refuses adding an officer of the office as a judge at add time (422, in words, writing nothing), and one from another office is a judge like any', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 2 });
    const person = officerWhoIs(`officer-judge-${w.office}`, w.office);
    // Signed in once with the judge role (the directory knows it), and as an officer of this office.
    await h.tokenFor(person);
    const path = `/api/contests/${w.contestId}/judges/${person.sub}`;
    const before = await auditActions(w.deps.db, w.contestId);
    const expected = {
      'zh-CN': `账号“${person.sub}”是本街道办事处的工作人员，不能担任本街道大赛的评审专家或采购项目的磋商小组成员`,
      en: `Account “${person.sub}” is an officer of this office and may not sit on its panels (contest judging or a procurement’s panel)`,
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const refused = await call(w.app, 'PUT', path, {
        token: w.tokens.officer,
        lang,
        body: { name: person.name },
      });
      expectProblem(refused, 422);
      expect(refused.body.code).toBe('judge.officerOfOffice');
      expect(refused.body.detail).toBe(expected[lang]);
      expect(refused.body.errors).toEqual([{ path: 'judgeId', message: expected[lang] }]);
    }
    const panel = await call(w.app, 'GET', `/api/contests/${w.contestId}/judges`, {
      token: w.tokens.officer,
    });
    expect(panel.body.items.map((j: { judgeId: string }) => j.judgeId)).not.toContain(person.sub);
    expect(await auditActions(w.deps.db, w.contestId)).toEqual(before);

    // A judge who is an officer of another office joins and judges here like any judge.
    const [proposalId] = w.proposalIds;
    const outside: DevUser = { ...officerWhoIs(`officer-elsewhere-${w.office}`, 'another-office') };
    const outsideToken = await h.tokenFor(outside);
    const added = await call(w.app, 'PUT', `/api/contests/${w.contestId}/judges/${outside.sub}`, {
      token: w.tokens.officer,
      body: { name: outside.name },
    });
    expect(added.status).toBe(201);
    await assignManually(w.deps, w.officer, w.contestId, { proposalId: proposalId!, judgeId: outside.sub });
    const theirs = await call(w.app, 'GET', `/api/contests/${w.contestId}/proposals/${proposalId}/blind`, {
      token: outsideToken,
    });
    expect(theirs.status).toBe(200);
  });

  it('refuses a judge who took office after joining the panel every judging action, and an officer adding themselves', async () => {
    const w = await buildReviewWorld(h, { proposals: 2, judges: 3, minJudges: 2 });
    const [proposalId] = w.proposalIds;
    const sub = `judge-then-officer-${w.office}`;
    // A judge (no office yet) signs in, is added and assigned; then joins the office and signs in again.
    await h.tokenFor({ sub, name: '后来任职的评审专家', roles: ['judge'] });
    await addJudge(w.deps, w.officer, w.contestId, sub, '后来任职的评审专家');
    await assignManually(w.deps, w.officer, w.contestId, { proposalId: proposalId!, judgeId: sub });
    const token = await h.tokenFor(officerWhoIs(sub, w.office));
    const base = `/api/contests/${w.contestId}/proposals/${proposalId}`;
    const attempts = [
      await call(w.app, 'GET', `${base}/blind`, { token }),
      await call(w.app, 'PUT', `${base}/sheet`, {
        token,
        body: { scores: scores([2000, 2000, 1200, 1200, 1600]) },
      }),
      await call(w.app, 'GET', `${base}/sheet`, { token }),
      await call(w.app, 'POST', `${base}/sheet/submit`, { token }),
    ];
    for (const refused of attempts) {
      expectProblem(refused, 403);
      expect(refused.body.code).toBe('auth.officerMayNotJudge');
    }

    const self = await call(w.app, 'PUT', `/api/contests/${w.contestId}/judges/${w.officerUser.sub}`, {
      token: w.tokens.officer,
      body: { name: w.officerUser.name },
    });
    expectProblem(self, 403);
    expect(self.body.code).toBe('auth.officerMayNotJudge');
  });
});
