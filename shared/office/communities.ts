import { assertOfficer, type Principal } from '../auth.ts';
import { type CodeName, codeFromName, TypedCodeName } from '../codes.ts';
import { type Db, getItem, queryAll } from '../db.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { commit, type Op, type PutOp } from '../transact.ts';
import { z } from '../zod.ts';
import { type Office, Office as OfficeSchema } from './office.ts';

/**
 * An office's communities (社区): the one list a team's community and a contest's communities
 * (hence a proposal's) are taken from. A community has a code (ASCII, what programs key on,
 * made from the name when not given, as a contest's categories are: shared/codes.ts) and the
 * name people read. One item per community, keyed by its code inside the office's partition,
 * so a code can exist only once; communities are added, never renamed or removed (teams and
 * contests keep their codes).
 */
export const Community = z.object({
  officeId: z.string(),
  code: z.string(),
  name: z.string(),
  /** UTC. */
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Community = z.infer<typeof Community>;

/** At most this many communities per office (a contest lists at most as many). */
export const MAX_COMMUNITIES = 200;

/** An office's own audit trail: its communities. */
export function officeTrail(officeId: string): string {
  return `office:${officeId}`;
}

function communityItem(community: Community) {
  return {
    ...keys.community(community.officeId, community.code),
    entityType: ENTITY.community,
    ...community,
  };
}

const byName = (a: CodeName, b: CodeName) =>
  a.name.localeCompare(b.name, 'zh-CN') || a.code.localeCompare(b.code);

/** The office and its communities: one Query of the office's partition. */
export async function officeWithCommunities(
  db: Db,
  officeId: string,
): Promise<{ office: Office; communities: CodeName[] } | undefined> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.office(officeId).pk },
    ConsistentRead: true,
  });
  const officeItem = items.find((item) => item.sk === keys.office(officeId).sk);
  if (!officeItem) return undefined;
  const communities = items
    .filter((item) => item.entityType === ENTITY.community)
    .map((item) => Community.parse(withoutKeys(item)))
    .map(({ code, name }) => ({ code, name }))
    .sort(byName);
  return { office: OfficeSchema.parse(withoutKeys(officeItem)), communities };
}

/** An office's communities, by name (404 for an office that does not exist). */
export async function listCommunities(db: Db, officeId: string): Promise<CodeName[]> {
  const found = await officeWithCommunities(db, officeId);
  if (!found) throw new NotFoundError('office.notFound');
  return found.communities;
}

/** One community of an office, or undefined. */
export async function getCommunity(db: Db, officeId: string, code: string): Promise<CodeName | undefined> {
  const item = await getItem(db, keys.community(officeId, code));
  if (!item) return undefined;
  const { name } = Community.parse(withoutKeys(item));
  return { code, name };
}

/** A transaction's condition that the office still has the community (a team names it). */
export function communityListed(officeId: string, code: string, error: () => Error): Op {
  return {
    kind: 'check',
    key: keys.community(officeId, code),
    expression: 'attribute_exists(pk)',
    explain: error,
  };
}

type Typed = { code?: string | undefined; name: string };

/**
 * Places typed communities on the office's list: an entry whose code (or, without a code,
 * whose name) is on the list is that community; any other entry is new and gets its code
 * (made from the name when not given, never one the list or the other entries hold). A code
 * on the list under another name, or a name on the list under another code, is refused.
 * Pure: returns the entries as code and name, those to add, and the field errors (paths
 * relative to the list).
 */
export function placeCommunities(
  list: readonly CodeName[],
  typed: readonly Typed[],
): { entries: CodeName[]; added: CodeName[]; errors: FieldError[] } {
  const byCode = new Map(list.map((entry) => [entry.code, entry]));
  const byNameMap = new Map(list.map((entry) => [entry.name, entry]));
  const taken = new Set([...byCode.keys(), ...typed.flatMap((entry) => (entry.code ? [entry.code] : []))]);
  const entries: CodeName[] = [];
  const added: CodeName[] = [];
  const errors: FieldError[] = [];
  const typedNames = new Set<string>();
  typed.forEach(({ code, name }, index) => {
    if (typedNames.has(name)) {
      errors.push({ path: `${index}.name`, message: 'community.repeated', params: { value: name } });
      return;
    }
    typedNames.add(name);
    const listed = code ? byCode.get(code) : byNameMap.get(name);
    if (listed) {
      if (listed.name !== name) {
        errors.push({
          path: `${index}.name`,
          message: 'community.codeTaken',
          params: { value: listed.code, name: listed.name },
        });
      }
      entries.push(listed);
      return;
    }
    const sameName = byNameMap.get(name);
    if (sameName) {
      errors.push({
        path: `${index}.code`,
        message: 'community.nameTaken',
        params: { value: name, code: sameName.code },
      });
      return;
    }
    const made = code ?? codeFromName(name, 'community', taken);
    taken.add(made);
    const entry = { code: made, name };
    entries.push(entry);
    if (!added.some((a) => a.code === made)) added.push(entry);
  });
  return { entries, added, errors };
}

/**
 * The write that puts a new community on an office's list, inside another write's transaction
 * (a contest that names it): a community already there under the same name is left as it is.
 */
export function addCommunityOp(officeId: string, entry: CodeName, principal: Principal, at: string): PutOp {
  return {
    kind: 'put',
    item: communityItem({ officeId, ...entry, createdAt: at, createdBy: principal.sub }),
    expression: 'attribute_not_exists(pk)',
    explain: () => new ValidationError('community.codeTaken', { value: entry.code, name: entry.name }),
  };
}

export const CommunityInput = TypedCodeName;
export type CommunityInput = TypedCodeName;

/**
 * An officer puts a community on the office's list: the code made from the name when not
 * given (never one already on the list). One conditional put with its audit entry in the
 * office's trail. Adding what is already there (the same code and name, or the same name
 * without a code) answers it with `created: false`.
 * Errors: 403 another office; 404 no such office; 422 `community.codeTaken` (the code is
 * another community's), `community.nameTaken` (the name is another code's), `community.tooMany`.
 */
export async function addCommunity(
  deps: Deps,
  principal: Principal,
  officeId: string,
  input: CommunityInput,
): Promise<{ community: CodeName; created: boolean }> {
  assertOfficer(principal, officeId);
  const found = await officeWithCommunities(deps.db, officeId);
  if (!found) throw new NotFoundError('office.notFound');
  const placed = placeCommunities(found.communities, [input]);
  const [error] = placed.errors;
  if (error) {
    const path = error.path.replace(/^0\./, '');
    throw new ValidationError(error.message as 'community.codeTaken', error.params, [{ ...error, path }]);
  }
  const community = placed.entries[0]!;
  if (placed.added.length === 0) return { community, created: false };
  if (found.communities.length >= MAX_COMMUNITIES) {
    throw new ValidationError('community.tooMany', { limit: MAX_COMMUNITIES });
  }
  await commit(deps, [addCommunityOp(officeId, community, principal, deps.clock.now().toISOString())], {
    trail: officeTrail(officeId),
    actor: principal.sub,
    action: 'community.add',
    subject: community.code,
    summary: { name: community.name },
  });
  return { community, created: true };
}
