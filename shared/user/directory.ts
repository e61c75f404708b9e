import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { assertOfficer, type Principal, Role } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { type Db, getItem, getItems, queryPage, toServiceError } from '../db.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import type { CheckOp } from '../transact.ts';
import { z } from '../zod.ts';

/**
 * The user directory: who has signed in, with the name and roles their identity provider gave
 * them then. Roles live in the identity provider (Cognito groups on AWS, the demo users
 * locally) and reach the product only inside a signed-in user's own token, so an officer who
 * names someone else (a judge for the panel) can only learn that person's roles from here.
 *
 * Written at every sign-in: the portal's `/auth/callback` on AWS (any OIDC issuer), the local
 * demo sign-in and the demo seed. It is a copy of the provider's answer, not a grant of its
 * own, so it carries no audit entry; it is as fresh as the user's last sign-in (a judge taken
 * out of the `judges` group keeps the role here until they sign in again).
 */
export const UserEntry = z.object({
  sub: z.string(),
  name: z.string(),
  roles: z.array(Role),
  officeId: z.string().optional(),
  /** UTC. */
  signedInAt: z.string(),
});
export type UserEntry = z.infer<typeof UserEntry>;

/**
 * Records (or refreshes) the signed-in user's entry. One unconditional PutItem; a judge's entry is
 * also listed by name (gsi2), so officers can pick panel members (`knownJudges`).
 */
export async function recordSignIn(deps: { db: Db; clock: Clock }, principal: Principal): Promise<void> {
  const entry: UserEntry = {
    sub: principal.sub,
    name: principal.name,
    roles: principal.roles,
    ...(principal.officeId ? { officeId: principal.officeId } : {}),
    signedInAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.db.doc.send(
      new PutCommand({
        TableName: deps.db.tableName,
        Item: {
          ...keys.user(entry.sub),
          ...(entry.roles.includes('judge') ? keys.judgeByName(entry.name, entry.sub) : {}),
          entityType: ENTITY.user,
          ...entry,
        },
      }),
    );
  } catch (error) {
    throw toServiceError(error);
  }
}

export async function getUserEntry(db: Db, sub: string): Promise<UserEntry | undefined> {
  const item = await getItem(db, keys.user(sub));
  return item ? UserEntry.parse(withoutKeys(item)) : undefined;
}

/** Several users' entries in one read (BatchGetItem), in the order asked; undefined for a stranger. */
export async function getUserEntries(db: Db, subs: readonly string[]): Promise<(UserEntry | undefined)[]> {
  const items = await getItems(
    db,
    subs.map((sub) => keys.user(sub)),
  );
  return items.map((item) => (item ? UserEntry.parse(withoutKeys(item)) : undefined));
}

/** A transaction's condition that the user's entry still holds the role, and what else means. */
export function holdsRole(sub: string, role: Role, error: () => Error): CheckOp {
  return {
    kind: 'check',
    key: keys.user(sub),
    expression: 'contains(#roles, :role)',
    names: { '#roles': 'roles' },
    values: { ':role': role },
    explain: error,
  };
}

/** How many judges an officer's panel forms offer at most (the first by name). */
export const KNOWN_JUDGES_SHOWN = 500;

/**
 * The judges the directory knows (everyone who has signed in with the judge role), by name: what
 * an officer picks a panel member from, instead of typing an account from memory. Officers only
 * (403 `auth.wrongOffice` otherwise); one Query of gsi2, at most KNOWN_JUDGES_SHOWN.
 */
export async function knownJudges(db: Db, principal: Principal): Promise<{ sub: string; name: string }[]> {
  assertOfficer(principal, principal.officeId ?? '');
  const { items } = await queryPage(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': 'JUDGES' },
    Limit: KNOWN_JUDGES_SHOWN,
  });
  return items.map((item) => UserEntry.parse(withoutKeys(item))).map(({ sub, name }) => ({ sub, name }));
}
