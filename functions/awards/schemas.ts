import { z } from '@hono/zod-openapi';
import { Notice } from '../../shared/bundle/model.ts';
import { Id } from '../http/params.ts';

export { ContestParams } from '../http/params.ts';
export const NoticeParams = z.object({ contestId: Id, proposalId: Id });
export const NoticeOut = Notice.omit({ ownerSub: true }).openapi('Notice');
export const noticeView = ({ ownerSub: _o, ...notice }: Notice) => notice;

export const AuditEntryOut = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    summary: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');
