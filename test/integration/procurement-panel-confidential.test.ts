import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';
import { buildProcurementWorld, PROCUREMENT_ACTORS } from '../support/procurement-world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** Who reads whose panel entries, by the reader: the officer all, a member only themselves. */
const panelRead = async (w: Awaited<ReturnType<typeof buildProcurementWorld>>) => {
  const read: Record<string, string[] | undefined> = {};
  for (const actor of PROCUREMENT_ACTORS) {
    const r = await call(w.app, 'GET', `/api/procurements/${w.procurementId}`, { token: w.tokens[actor] });
    if (r.status !== 200) continue;
    read[actor] = r.body.panel?.map((m: { judgeId: string }) => m.judgeId);
  }
  return read;
};

describe("the panel's names stay confidential until the award", () => {
  it('in bidding, only the office reads the panel; a member reads only their own entry', async () => {
    const w = await buildProcurementWorld(h, 'bidding');
    const all = w.panel.map((m) => m.judgeId);
    const read = await panelRead(w);
    expect(read.officer).toEqual(all);
    expect(read.panelJudge).toEqual([w.users.panelJudge.sub]);
    // The public and the bidders read the procurement, without its panel.
    expect(Object.keys(read)).toEqual(expect.arrayContaining(['anonymous', 'supplier']));
    for (const actor of ['anonymous', 'supplier', 'otherResident', 'otherJudge', 'otherOfficer'] as const) {
      if (actor in read) expect(read[actor], actor).toBeUndefined();
    }
    const list = await call(w.app, 'GET', `/api/offices/${w.office}/procurements`, {
      token: w.tokens.supplier,
    });
    if (list.status === 200) expect(JSON.stringify(list.body)).not.toContain(all[1]!);
  });

  it('once awarded, everyone who reads the procurement reads its panel (the result announcement names it)', async () => {
    const w = await buildProcurementWorld(h, 'awarded');
    const all = w.panel.map((m) => m.judgeId);
    const read = await panelRead(w);
    expect(read.anonymous).toEqual(all);
    expect(read.supplier).toEqual(all);
  });
});
