import { beforeAll, describe, expect, it } from 'vitest';
import { screenProposal } from '../../shared/proposal/actions.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { browserSession } from '../support/pages.ts';
import { asPrincipal, buildWorld, type World } from '../support/world.ts';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

describe('a proposal screened ineligible', () => {
  let w: World;
  const reason = '申报团队不在本街道辖区内';

  beforeAll(async () => {
    w = await buildWorld(h, 'screening');
    await screenProposal(w.deps, asPrincipal(w.people.officer), w.contestId, w.submittedId, {
      eligible: false,
      reason,
    });
  });

  it('tells its team on my proposals and on the proposal’s page, with the office’s reason, in Chinese and English', async () => {
    const list = await browserSession(w.app, w.tokens.owner).get('/me/proposals');
    const own = await browserSession(w.app, w.tokens.owner).get(
      `/me/proposals/${w.contestId}/${w.submittedId}`,
    );
    const en = await browserSession(w.app, w.tokens.owner, 'en').get(
      `/me/proposals/${w.contestId}/${w.submittedId}?lang=en`,
    );

    for (const page of [list, own]) {
      expect(page.status).toBe(200);
      expect(page.html).toContain('不合格');
      expect(page.html).toContain(reason);
      expect(page.html).not.toContain('下一步：等待资格审查和评审结果');
    }
    expect(en.html).toContain('Ineligible');
    expect(en.html).toContain(`The street office’s reason: ${reason}`);
  });

  it('is not shown to anyone else', async () => {
    const other = await browserSession(w.app, w.tokens.otherResident).get(
      `/me/proposals/${w.contestId}/${w.submittedId}`,
    );
    const otherList = await browserSession(w.app, w.tokens.otherResident).get('/me/proposals');

    expect(other.status).toBe(403);
    expect(other.html).not.toContain(reason);
    expect(otherList.html).not.toContain(reason);
  });
});
