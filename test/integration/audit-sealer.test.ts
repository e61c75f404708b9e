import { beforeAll, describe, expect, it } from 'vitest';
import { scheduledSealer } from '../../functions/audit-sealer/sealer.ts';
import { sealPendingTrails, verifyAudit } from '../../shared/audit-log.ts';
import { getItem, queryAll } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { teamTrail } from '../../shared/team/team.ts';
import { auditActions } from '../support/faults.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { buildWorld } from '../support/world.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** The trails the unsealed-entries index lists now (gsi2, `UNSEALED`). */
async function unsealedTrails(): Promise<Set<string>> {
  const items = await queryAll(h.deps.db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.unsealedEntry('', '').gsi2pk },
  });
  return new Set(items.map((item) => String(item.trail)));
}

describe('the scheduled sealer', { timeout: 120_000 }, () => {
  it('chains every trail with unsealed entries, found without a Scan, and finds nothing on a second run', async () => {
    const w = await buildWorld(h, 'open');
    const trails = [w.contestId, teamTrail(w.teamId)];
    const before = await unsealedTrails();
    for (const trail of trails) expect(before.has(trail)).toBe(true);

    const sealed = await sealPendingTrails(h.deps);
    expect(sealed).toEqual(expect.arrayContaining(trails));
    for (const trail of trails) {
      const head = await getItem(h.deps.db, keys.auditHead(trail));
      expect(head?.count).toBe((await auditActions(h.deps.db, trail)).length);
    }
    const after = await unsealedTrails();
    for (const trail of trails) expect(after.has(trail)).toBe(false);
    expect(await sealPendingTrails(h.deps)).toEqual([]);
    expect((await verifyAudit(h.deps, w.contestId)).ok).toBe(true);
  });

  it('seals what a later change appends, and only that trail', async () => {
    const w = await buildWorld(h, 'open');
    await sealPendingTrails(h.deps);
    await buildWorld(h, 'draft');
    const again = await sealPendingTrails(h.deps);
    expect(again).not.toContain(w.contestId);
    expect(again.length).toBeGreaterThan(0);
  });

  it('runs as the Lambda the schedule invokes: reports how many trails it sealed', async () => {
    await buildWorld(h, 'draft');
    const run = scheduledSealer(h.deps);
    expect((await run()).sealed).toBeGreaterThan(0);
    expect(await run()).toEqual({ sealed: 0 });
  });
});
