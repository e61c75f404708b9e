import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, idempotentId, newId } from '../../shared/ids.ts';
import { formatYuan, parseYuan, readYuan, yuanToFen } from '../../shared/money.ts';
import { parsePoints } from '../../shared/scoring.ts';

describe('money in fen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1_250_000, '12,500.00'],
    [17_500_000, '175,000.00'],
    [10_000_005, '100,000.05'],
    [-150, '-1.50'],
  ])('formats %i fen as %s yuan', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('turns whole yuan into fen and refuses fractions', () => {
    expect(yuanToFen(175_000)).toBe(17_500_000);
    expect(() => yuanToFen(0.1)).toThrow(RangeError);
  });

  it('formats without losing a fen for any amount up to the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        const [yuan, cents] = formatYuan(fen).replaceAll(',', '').split('.');
        expect(Number(yuan) * 100 + Number(cents)).toBe(fen);
      }),
    );
  });
});

describe('amounts as people type them', () => {
  it('reads yuan with a currency sign, 元, and commas only as thousands separators', () => {
    expect(parseYuan('1,250.5')).toBe(125_050);
    expect(parseYuan('¥1250')).toBe(125_000);
    expect(parseYuan(' 1250 元 ')).toBe(125_000);
    expect(parseYuan('1，234，567.89')).toBe(123_456_789);
    expect(parseYuan('0.05')).toBe(5);
  });

  it('reads digits typed in full width by a Chinese input method, scores too (found by a new-user pass)', () => {
    expect(parseYuan('１２５０．５')).toBe(125_050);
    expect(parseYuan('￥１，２５０')).toBe(125_000);
    expect(readYuan('－１００')).toEqual({ problem: 'negative', typed: '-100' });
    expect(parsePoints('２２．５')).toBe(2250);
    expect(parseYuan('１２，５０')).toBeUndefined();
  });

  it('refuses a typo rather than read another sum (found by a new-user pass)', () => {
    for (const typo of ['12,50', '500 . 5', '1,0,0,0', '1,2345', ',100', '100,', '1 000', '1.2.3', '']) {
      expect(parseYuan(typo), typo).toBeUndefined();
      expect(readYuan(typo), typo).toMatchObject({ problem: 'notAnAmount' });
    }
  });

  it('says what is wrong with an amount that is almost one', () => {
    expect(readYuan('-100')).toEqual({ problem: 'negative', typed: '-100' });
    expect(readYuan('0.001')).toEqual({ problem: 'tooManyDecimals', typed: '0.001' });
    expect(readYuan('10,000,000,000')).toEqual({ problem: 'tooLarge', typed: '10000000000' });
  });
});

describe('ids', () => {
  it('makes sortable ids', () => {
    const a = newId();
    const b = newId();
    expect(a).toHaveLength(26);
    expect(a <= b).toBe(true);
  });

  it('derives the same id for the same caller, scope and key, and different ids otherwise', () => {
    expect(idempotentId('team', 'u1', 'k')).toBe(idempotentId('team', 'u1', 'k'));
    expect(idempotentId('team', 'u1', 'k')).not.toBe(idempotentId('team', 'u2', 'k'));
    expect(idempotentId('team', 'u1', 'k')).not.toBe(idempotentId('contest', 'u1', 'k'));
    expect(idempotentId('team', 'u1', 'k')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('hashes requests independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
