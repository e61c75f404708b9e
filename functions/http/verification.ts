import { z } from '@hono/zod-openapi';
import { problems } from './app.ts';
import { jsonResponse, NoticeVerificationQuery } from './params.ts';

/**
 * The request and responses of a public notice verification, for every kind of numbered notice
 * (a contest's award notice, a procurement's deal or result notice): the number and the code in
 * the query (NoticeVerificationQuery, 422 otherwise); out `{ valid, notice? }`, the notice's
 * public `facts` when they belong to an issued one. Its handler answers with `no-store`: the
 * code in the URL is a secret no cache may keep.
 */
export function noticeVerification<T extends z.ZodType>(facts: T, description: string) {
  return {
    request: { query: NoticeVerificationQuery },
    responses: {
      200: jsonResponse(z.object({ valid: z.boolean(), notice: facts.optional() }), description),
      ...problems(422),
    },
  };
}
