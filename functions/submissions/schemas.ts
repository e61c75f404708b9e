import { z } from '@hono/zod-openapi';
import { Contest } from '../../shared/contest/model.ts';
import { Proposal } from '../../shared/proposal/model.ts';
import { Team } from '../../shared/team/team.ts';
import { etag } from '../../shared/versioned.ts';
import { Id } from '../http/params.ts';

export const ContestOut = Contest.omit({ requestHash: true, createdBy: true }).openapi('Contest');
export const TeamOut = Team.omit({ requestHash: true, ownerSub: true }).openapi('Team');
export const ProposalOut = Proposal.omit({ requestHash: true, ownerSub: true }).openapi('Proposal');

export const teamView = ({ requestHash: _h, ownerSub: _o, ...team }: Team) => team;

export { ContestParams } from '../http/params.ts';
export const OfficeParams = z.object({ officeId: Id });
export const TeamParams = z.object({ teamId: Id });
export const ProposalParams = z.object({ contestId: Id, proposalId: Id });

export const withEtag = (version: number) => ({ ETag: etag(version) });
