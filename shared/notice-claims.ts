import type { AuditNote } from './audit-log.ts';
import { type Db, keyPrefix, queryAll, queryPage } from './db.ts';
import type { Deps } from './deps.ts';
import { ServiceUnavailableError } from './errors.ts';
import { ENTITY, keys } from './keys.ts';
import { noticeNumber, parseNoticeNumber, sameCode } from './notice.ts';
import { AlreadyExists, commit, type Op } from './transact.ts';

/**
 * Notice numbers (文号) claimed at issue: one item per office, prefix, year and number, written
 * in the notice's own transaction, so two processes of an office (contests, procurements) never
 * issue the same number and numbers stay gap-free: a number exists only with its notice.
 */

/** The next number of an office's prefix and year: one more than the highest claimed. */
async function nextNoticeSequence(db: Db, officeId: string, prefix: string, year: number): Promise<number> {
  const range = keys.noticeNumbers(officeId, prefix, year);
  const page = await queryPage(db, {
    ...keyPrefix(range.pk, range.skPrefix),
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  });
  return Number(page.items[0]?.sequence ?? 0) + 1;
}

class NumberTaken extends Error {}
const MAX_NUMBER_CLAIMS = 50;

/** Where a notice's number comes from: the office, its prefix and the year (Beijing time). */
export interface NumberSeries {
  officeId: string;
  prefix: string;
  year: number;
}

/**
 * Issues one numbered notice: takes the next free number of the series and commits `write`'s
 * operations (the notice's create and its phase check) with the number's claim and the audit
 * entry, in one transaction. A number another notice took meanwhile is given up for the next.
 * Returns false when the notice was already there (its create failed as AlreadyExists), so a
 * re-run fan-out skips it. `ref` says on the claim what the number is for.
 */
export async function issueNumbered(
  deps: Deps,
  series: NumberSeries,
  ref: Record<string, string>,
  write: (number: string, sequence: number) => { ops: Op[]; note: AuditNote },
): Promise<boolean> {
  for (let claim = 0; claim < MAX_NUMBER_CLAIMS; claim++) {
    const sequence = await nextNoticeSequence(deps.db, series.officeId, series.prefix, series.year);
    const number = noticeNumber(series.prefix, series.year, sequence);
    const { ops, note } = write(number, sequence);
    try {
      await commit(
        deps,
        [
          ...ops,
          {
            kind: 'put',
            item: {
              ...keys.noticeNumber(series.officeId, series.prefix, series.year, sequence),
              entityType: ENTITY.noticeNumber,
              sequence,
              number,
              ...ref,
            },
            expression: 'attribute_not_exists(pk)',
            explain: () => new NumberTaken(),
          },
        ],
        note,
      );
      return true;
    } catch (error) {
      if (error instanceof AlreadyExists) return false;
      if (!(error instanceof NumberTaken)) throw error;
      // Another notice of the office took this number first: take the next one.
    }
  }
  throw new ServiceUnavailableError('http.unavailable');
}

/**
 * The issued notice a visitor names by its number, as typed (`[]` or `【】` for `〔〕`, with or
 * without 号), and its verification code (any case); `undefined` when none matches. One
 * Query of the number index `byNumber(number)` (the gsi2 partition of that number).
 */
export async function findNoticeByCode<N extends { verificationCode: string }>(
  deps: Deps,
  byNumber: (number: string) => string,
  parse: (item: Record<string, unknown>) => N,
  typed: string,
  code: string,
): Promise<N | undefined> {
  const number = parseNoticeNumber(typed)?.number;
  if (!number) return undefined;
  const items = await queryAll(deps.db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': byNumber(number) },
  });
  return items.map(parse).find((n) => sameCode(n.verificationCode, code));
}

/** What a notice of any kind carries that its public verification shows. */
interface VerifiableNotice {
  number: string;
  kind: string;
  officeName: string;
  /** Whole fen. */
  amountFen?: number | undefined;
  amountCapital?: string | undefined;
  /** UTC ISO-8601. */
  issuedAt: string;
  verificationCode: string;
}

/**
 * A public verification (findNoticeByCode): `{ valid: false }`, or `valid` with the notice's
 * public facts: what every notice has (number, kind, issuing office, amount in fen and in
 * capitals, issue time) and its kind's own (`own`: what it is about). Never the code itself,
 * the owner or the addressee's contacts.
 */
export async function verifyByCode<N extends VerifiableNotice, F extends object>(
  deps: Deps,
  byNumber: (number: string) => string,
  parse: (item: Record<string, unknown>) => N,
  own: (notice: N) => F,
  typed: string,
  code: string,
) {
  const notice = await findNoticeByCode(deps, byNumber, parse, typed, code);
  if (!notice) return { valid: false as const };
  const { number, kind, officeName, amountFen, amountCapital, issuedAt } = notice;
  return {
    valid: true as const,
    notice: {
      number,
      kind: kind as N['kind'],
      officeName,
      amountFen,
      amountCapital,
      issuedAt,
      ...own(notice),
    },
  };
}
