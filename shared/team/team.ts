import type { Principal } from '../auth.ts';
import { Code } from '../codes.ts';
import { creation, insertOnce } from '../create-once.ts';
import { type Db, keyPrefix } from '../db.ts';
import type { Deps } from '../deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { ENTITY, keys, withoutKeys } from '../keys.ts';
import { communityListed, getCommunity } from '../office/communities.ts';
import { type PageOf, type PageRequest, queryPaged } from '../paging.ts';
import { takeQuota } from '../quota.ts';
import { NameText } from '../text.ts';
import { assertVersion, type IfMatch, readEntity, saveNextVersion } from '../versioned.ts';
import { z } from '../zod.ts';

export const MEMBER_ROLES = ['leader', 'member', 'volunteer', 'advisor'] as const;

/** Mainland mobile numbers: the contact a street office actually calls. */
export const Phone = z.string().regex(/^1[3-9]\d{9}$/);

export const Member = z.strictObject({
  name: NameText(40),
  role: z.enum(MEMBER_ROLES),
  phone: Phone.optional(),
});

const teamShape = {
  name: NameText(60),
  /** Unregistered resident teams may enter contests; registered organisations give their certificate. */
  kind: z.enum(['resident-team', 'registered-org']),
  /** 统一社会信用代码: 18 characters. */
  certificateNumber: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
    .optional(),
  members: z.array(Member).min(1).max(50),
};

function checkTeam(team: z.infer<z.ZodObject<typeof teamShape>>, ctx: z.RefinementCtx) {
  if (team.kind === 'registered-org' && !team.certificateNumber) {
    ctx.addIssue({
      code: 'custom',
      path: ['certificateNumber'],
      params: { code: 'team.certificateRequired' },
      input: team,
    });
  }
  const leaders = team.members.filter((member) => member.role === 'leader');
  if (leaders.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['members'], params: { code: 'team.leaderRequired' }, input: team });
  } else if (!leaders[0]!.phone) {
    ctx.addIssue({
      code: 'custom',
      path: ['members'],
      params: { code: 'team.leaderPhoneRequired' },
      input: team,
    });
  }
}

/** Where a team is: its street office and one of that office's communities (shared/office/communities.ts). */
const placeShape = {
  officeId: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  /** The code of one of the office's communities. */
  community: Code,
};

export const TeamInput = z.strictObject({ ...teamShape, ...placeShape }).superRefine(checkTeam);
export type TeamInput = z.infer<typeof TeamInput>;

export const Team = z.object({
  ...teamShape,
  /** Absent only on a team registered before communities were an office's list. */
  officeId: z.string().optional(),
  community: z.string(),
  /** The community's name on the office's list (absent only beside a team registered before). */
  communityName: z.string().optional(),
  id: z.string(),
  ownerSub: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  requestHash: z.string().optional(),
});
export type Team = z.infer<typeof Team>;

function teamItem(team: Team) {
  return {
    ...keys.team(team.id),
    ...keys.teamByOwner(team.ownerSub, team.createdAt, team.id),
    entityType: ENTITY.team,
    ...team,
  };
}

/** A team is not inside a contest: its changes go to the team's own audit trail. */
export function teamTrail(teamId: string): string {
  return `team:${teamId}`;
}

const parse = (item: Record<string, unknown>) => Team.parse(withoutKeys(item));

export function getTeam(db: Db, teamId: string): Promise<Team | undefined> {
  return readEntity(db, keys.team(teamId), parse);
}

/** Object check: only the team's owner acts for it. */
export async function teamOfOwner(deps: Deps, principal: Principal, teamId: string): Promise<Team> {
  const team = await getTeam(deps.db, teamId);
  if (!team) throw new NotFoundError('team.notFound');
  if (team.ownerSub !== principal.sub) throw new ForbiddenError('auth.notTeamOwner');
  return team;
}

function unknownCommunity(code: string) {
  return new ValidationError('team.unknownCommunity', { value: code }, [
    { path: 'community', message: 'team.unknownCommunity', params: { value: code } },
  ]);
}

/**
 * The team's community on its office's list: its name for the team, and the condition the
 * team's write commits on (422 `team.unknownCommunity` for a code the office does not list).
 */
async function placeOf(deps: Deps, input: TeamInput) {
  const community = await getCommunity(deps.db, input.officeId, input.community);
  if (!community) throw unknownCommunity(input.community);
  return {
    communityName: community.name,
    listed: communityListed(input.officeId, input.community, () => unknownCommunity(input.community)),
  };
}

export async function createTeam(
  deps: Deps,
  principal: Principal,
  input: TeamInput,
  idempotencyKey?: string,
): Promise<{ team: Team; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const { communityName, listed } = await placeOf(deps, input);
  const team: Team = {
    ...input,
    communityName,
    ...creation('team', principal.sub, input, idempotencyKey),
    ownerSub: principal.sub,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { entity, created } = await insertOnce(
    deps,
    team,
    teamItem,
    () => getTeam(deps.db, team.id),
    (existing) => existing.ownerSub === principal.sub,
    { trail: teamTrail(team.id), actor: principal.sub, action: 'team.create', subject: team.id },
    [takeQuota('teams', principal.sub), listed],
  );
  return { team: entity, created };
}

export async function replaceTeam(
  deps: Deps,
  principal: Principal,
  teamId: string,
  input: TeamInput,
  ifMatch: IfMatch,
): Promise<Team> {
  const team = await teamOfOwner(deps, principal, teamId);
  assertVersion(team, ifMatch);
  const { communityName, listed } = await placeOf(deps, input);
  return saveNextVersion(
    deps,
    { ...team, ...input, communityName },
    teamItem,
    { expectedVersion: ifMatch },
    {
      trail: teamTrail(teamId),
      actor: principal.sub,
      action: 'team.edit',
      subject: teamId,
      summary: { version: team.version + 1 },
    },
    [listed],
  );
}

/** Access pattern: a user's teams (gsi1). */
export async function listTeamsOfOwner(
  deps: Deps,
  principal: Principal,
  page: PageRequest,
): Promise<PageOf<Team>> {
  const input = {
    ...keyPrefix(keys.teamByOwner(principal.sub, '', '').gsi1pk, 'TEAM#', 'gsi1'),
    ScanIndexForward: false,
  } as const;
  return queryPaged(deps.db, deps.cursors, `my-teams:${principal.sub}`, input, page, parse);
}
