import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalYuan, MAX_FEN } from '../../shared/money.ts';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
const GROUPS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Reads a capital amount back into fen, the way a cashier reads it: digits times their place,
 * groups closed by 万 or 亿, 零 only a spacer. Written independently of capitalYuan so that the
 * round trip checks the value, not the implementation.
 */
function readCapital(text: string): number {
  let yuan = 0;
  let group = 0;
  let digit = 0;
  let fen = 0;
  for (const char of text.replace(/整$/, '')) {
    const value = DIGITS.indexOf(char);
    if (value >= 0) digit = value;
    else if (char in PLACES) {
      group += digit * PLACES[char]!;
      digit = 0;
    } else if (char in GROUPS) {
      yuan += (group + digit) * GROUPS[char]!;
      group = 0;
      digit = 0;
    } else if (char === '元') {
      yuan += group + digit;
      group = 0;
      digit = 0;
    } else if (char === '角') {
      fen += digit * 10;
      digit = 0;
    } else if (char === '分') {
      fen += digit;
      digit = 0;
    } else throw new Error(`unexpected ${char} in ${text}`);
  }
  return yuan * 100 + fen;
}

/** Amounts rich in zeros, where the 零 rules matter: each digit is 0 half the time. */
const zeroHeavyFen = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 11 })
  .map((digits) => Math.min(Number(digits.join('')), MAX_FEN));

const anyFen = fc.oneof(fc.integer({ min: 0, max: MAX_FEN }), zeroHeavyFen);

function checkShape(fen: number, text: string): void {
  expect(text).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
  expect(text).not.toContain('零零');
  expect(text.endsWith('零')).toBe(false);
  // 整 exactly when there are neither 角 nor 分, and only at the end.
  expect(text.endsWith('整')).toBe(fen % 100 === 0);
  expect(text.indexOf('整')).toBe(text.endsWith('整') ? text.length - 1 : -1);
  // Every place word carries its own digit, so nothing can be slipped in front of it.
  expect(text).not.toMatch(/(^|[^壹贰叁肆伍陆柒捌玖])[拾佰仟角分]/);
  // 零 never stands before a unit: it only ever precedes a digit.
  expect(text).not.toMatch(/零[^壹贰叁肆伍陆柒捌玖元]/);
  expect(text).not.toMatch(/零元(?!整)/);
}

describe('capitalYuan properties', () => {
  it('converts every amount from 0 to MAX_FEN, well formed and to the same value', () => {
    fc.assert(
      fc.property(anyFen, (fen) => {
        const text = capitalYuan(fen);
        checkShape(fen, text);
        expect(readCapital(text)).toBe(fen);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is right for every amount up to ¥3,000.00 (all of them, not a sample)', () => {
    const seen = new Set<string>();
    for (let fen = 0; fen <= 300_000; fen++) {
      const text = capitalYuan(fen);
      if (text.includes('零零') || text.endsWith('零') || readCapital(text) !== fen) {
        throw new Error(`${fen} → ${text}`);
      }
      seen.add(text);
    }
    // Different amounts never share a text.
    expect(seen.size).toBe(300_001);
  });
});
