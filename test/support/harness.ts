import { inject } from 'vitest';
import type { HttpDeps } from '../../functions/http/app.ts';
import { DEV_AUDIENCE, DEV_ISSUER, type DevUser, loadDevIssuer } from '../../infra/local/dev-auth.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_TIMEOUTS } from '../../infra/local/engine.ts';
import { createTokenVerifier, type Principal } from '../../shared/auth.ts';
import { AdjustableClock } from '../../shared/clock.ts';
import { CursorCodec } from '../../shared/cursor.ts';
import { createDb } from '../../shared/db.ts';
import { newId } from '../../shared/ids.ts';
import { addCommunity } from '../../shared/office/communities.ts';
import { createOfficeIfMissing } from '../../shared/office/office.ts';
import { recordSignIn } from '../../shared/user/directory.ts';
import { TEAM_OFFICE } from './fixtures.ts';

/** Where every test's clock starts: a Monday, 09:00 Beijing time. */
export const TEST_EPOCH = new Date('2026-03-02T01:00:00Z');

/** A clock that moves only when the test moves it. */
export function frozenClock(at: Date = TEST_EPOCH): AdjustableClock {
  return AdjustableClock.frozenAt(at);
}

export interface Harness {
  deps: HttpDeps & { clock: AdjustableClock };
  tokenFor(user: DevUser): Promise<string>;
  endpoint: string;
  tableName: string;
}

/** A fresh table in the run's DynamoDB Local, with the deps a function app takes. */
export async function createHarness(endpoint: string = inject('dynamoEndpoint')): Promise<Harness> {
  const tableName = `test-${newId().toLowerCase()}`;
  await ensureTable(endpoint, tableName);
  const issuer = await loadDevIssuer();
  const deps = {
    db: createDb({
      tableName,
      region: 'local',
      endpoint,
      credentials: LOCAL_CREDENTIALS,
      ...LOCAL_TIMEOUTS,
    }),
    clock: frozenClock(),
    cursors: new CursorCodec('test-server-secret-0123456789'),
    secret: 'test-server-secret-0123456789',
    verifier: createTokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: issuer.jwks }),
  };
  // The office teams belong to, with its communities (test/support/fixtures.ts).
  await seedOffices({ deps } as Harness, TEAM_OFFICE.id);
  const teamOfficer = {
    sub: `officer-${TEAM_OFFICE.id}`,
    name: '王主任',
    roles: ['officer' as const],
    officeId: TEAM_OFFICE.id,
  };
  for (const community of TEAM_OFFICE.communities)
    await addCommunity(deps, teamOfficer, TEAM_OFFICE.id, community);
  // Signing in records the user in the directory, as the portal's callback does on AWS.
  const tokenFor = async (user: DevUser) => {
    await recordSignIn(deps, user);
    return issuer.sign(user);
  };
  return { deps, tokenFor, endpoint, tableName };
}

/** The people the tests act as. Each test file gets its own office ids so files never collide. */
export function personas(officeId: string, otherOfficeId: string) {
  const user = (sub: string, name: string, roles: Principal['roles'], office?: string): DevUser => ({
    sub: `${sub}-${officeId}`,
    name,
    roles,
    ...(office ? { officeId: office } : {}),
  });
  return {
    officer: user('officer', '王主任', ['officer'], officeId),
    otherOfficer: user('officer-other', '李主任', ['officer'], otherOfficeId),
    resident: user('resident', '张阿姨', ['resident']),
    otherResident: user('resident-other', '刘大爷', ['resident']),
    judge: user('judge', '陈教授', ['judge']),
  };
}

export async function seedOffices(h: Harness, ...ids: string[]) {
  for (const id of ids) {
    await createOfficeIfMissing(h.deps.db, {
      id,
      name: `${id} 街道办事处`,
      noticePrefix: '西屯微创投',
      createdAt: TEST_EPOCH.toISOString(),
    });
  }
}
