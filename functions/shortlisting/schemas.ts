import { z } from '@hono/zod-openapi';
import { BundleSummary, Decisions, Objection } from '../../shared/bundle/model.ts';

export { ContestParams } from '../http/params.ts';
export const BundleOut = BundleSummary.openapi('Bundle');
export const DecisionsOut = Decisions.openapi('ShortlistDecisions');
export const ObjectionOut = Objection.omit({ filedBy: true, answeredBy: true }).openapi('Objection');
export const PublicityOut = z
  .object({
    contestId: z.string(),
    contestTitle: z.string(),
    officeName: z.string(),
    status: z.string(),
    publishedAt: z.string(),
    endsAt: z.string(),
    objections: z.number().int(),
    /** The objections the office has answered, on the record: what was said and the answer, never who. */
    answered: z.array(
      z
        .object({
          id: z.string(),
          proposalId: z.string().optional(),
          text: z.string(),
          filedAt: z.string(),
          answer: z.string(),
          answeredAt: z.string(),
        })
        .openapi('AnsweredObjection'),
    ),
    bundle: BundleOut,
  })
  .openapi('Publicity');

/** What the public may see of an objection: the question and the answer, not who asked. */
export const objectionView = ({ filedBy: _f, answeredBy: _a, ...objection }: Objection) => objection;
