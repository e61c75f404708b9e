import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FEN } from '../../shared/money.ts';
import {
  noticeNumber,
  ocdsRelease,
  ocdsValue,
  parseNoticeNumber,
  sameCode,
  verificationCode,
} from '../../shared/notice.ts';

describe('notice number properties', () => {
  it('a number reads back to itself, and distinct sequences give distinct numbers', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((p) => p.trim().length > 0 && !/[〔〕]/.test(p)),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 100_000 }),
        (prefix, year, sequence) => {
          const number = noticeNumber(prefix, year, sequence);
          expect(parseNoticeNumber(number)).toMatchObject({ year, sequence, number });
          expect(noticeNumber(prefix, year, sequence + 1)).not.toBe(number);
        },
      ),
    );
  });
});

describe('verification code properties', () => {
  const secret = fc.string({ minLength: 16, maxLength: 40 });

  it('any code matches itself however it is typed, and codes for different notices differ', () => {
    fc.assert(
      fc.property(
        secret,
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1, max: 10_000 }),
        (key, contest, n) => {
          const number = noticeNumber('西屯微创投', 2026, n);
          const code = verificationCode(key, contest, number);
          expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
          expect(sameCode(code, code.toLowerCase().replaceAll('-', ' '))).toBe(true);
          expect(
            sameCode(code, verificationCode(key, contest, noticeNumber('西屯微创投', 2026, n + 1))),
          ).toBe(false);
        },
      ),
    );
  });
});

describe('OCDS amount properties', () => {
  it('every amount in fen is written as exactly fen / 100 in the JSON text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
        const text = JSON.stringify(ocdsValue(fen).amount);
        // Compare as decimal text, with integers only: no float is trusted to check a float.
        const [whole, part = ''] = text.split('.');
        expect(part.length).toBeLessThanOrEqual(2);
        expect(text).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(BigInt(whole!) * 100n + BigInt(part.padEnd(2, '0'))).toBe(BigInt(fen));
      }),
      { numRuns: 5_000 },
    );
  });

  it('the awards add up to the bundle total and never above the budget', () => {
    const item = fc.record({
      title: fc.string({ minLength: 1, maxLength: 8 }).filter((t) => t.trim().length > 0),
      teamId: fc.constantFrom('t1', 't2', 't3'),
      amountFen: fc.integer({ min: 1, max: 50_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), fc.nat({ max: 10_000_000 }), (items, slack) => {
        const selected = items.map((it, index) => ({
          ...it,
          proposalId: `p${index}`,
          teamName: `团队${it.teamId}`,
        }));
        const totalFen = selected.reduce((sum, it) => sum + it.amountFen, 0);
        const budgetFen = Math.max(1, totalFen + slack);
        fc.pre(budgetFen <= MAX_FEN);
        const release = ocdsRelease({
          ocidPrefix: 'ocds-abc123',
          contest: { id: 'c1', title: '大赛', budgetFen },
          office: { id: 'o1', name: '街道办' },
          lockedAt: '2026-06-01T02:00:00.000Z',
          selected,
        });
        const awardedFen = release.awards.reduce(
          (sum, award) => sum + Math.round(award.value.amount * 100),
          0,
        );
        expect(awardedFen).toBe(totalFen);
        expect(Math.round(release.tender.value.amount * 100)).toBe(budgetFen);
        expect(release.awards).toHaveLength(selected.length);
        expect(new Set(release.parties.map((party) => party.id)).size).toBe(release.parties.length);
      }),
    );
  });
});
