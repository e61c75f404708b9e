import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestError } from './errors.ts';

export type PageKey = Record<string, unknown>;

/**
 * Pagination cursors are DynamoDB's LastEvaluatedKey, signed so a client can neither forge
 * one nor steer a query into another partition (the scope is signed with it).
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(scope: string, key: PageKey | undefined): string | null {
    if (!key) return null;
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.sign(scope, payload)}`;
  }

  decode(scope: string, cursor: string | undefined): PageKey | undefined {
    if (cursor === undefined) return undefined;
    const [payload, signature, ...rest] = cursor.split('.');
    if (!payload || !signature || rest.length > 0) throw new BadRequestError('cursor.invalid');
    const expected = Buffer.from(this.sign(scope, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new BadRequestError('cursor.invalid');
    }
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PageKey;
  }

  private sign(scope: string, payload: string): string {
    return createHmac('sha256', this.secret).update(`${scope}\u0000${payload}`).digest('base64url');
  }
}
