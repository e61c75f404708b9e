import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  lockedBundleDigest,
  lockedBundleText,
  NoticeInputError,
  normalizeCode,
  noticeNumber,
  parseNoticeNumber,
  sameCode,
  shanghaiYear,
  verificationCode,
} from '../../shared/notice.ts';

const SECRET = 'test-secret-of-at-least-16';

describe('noticeNumber', () => {
  it('writes prefix〔year〕sequence号 with the official brackets U+3014 and U+3015', () => {
    const number = noticeNumber('西屯微创投', 2026, 7);
    expect(number).toBe('西屯微创投〔2026〕7号');
    expect(number.codePointAt(5)).toBe(0x3014);
    expect(number.codePointAt(10)).toBe(0x3015);
    expect(noticeNumber('  西屯微创投 ', 2026, 21)).toBe('西屯微创投〔2026〕21号');
  });

  it.each([
    ['', 2026, 1],
    ['前缀〔', 2026, 1],
    ['西屯', 26, 1],
    ['西屯', 2026.5, 1],
    ['西屯', 2026, 0],
    ['西屯', 2026, 1.5],
    ['西屯', 2026, -3],
  ])('refuses (%j, %s, %s)', (prefix, year, sequence) => {
    expect(() => noticeNumber(prefix, year, sequence)).toThrow(NoticeInputError);
  });
});

describe('parseNoticeNumber', () => {
  it.each([
    '西屯微创投〔2026〕7号',
    '西屯微创投[2026]7号',
    '西屯微创投（２０２６）７号',
    '西屯微创投［2026］7',
    '西屯微创投【2026】007号',
    ' 西屯微创投 (2026) 第7号 ',
  ])('reads %j as the canonical number', (typed) => {
    expect(parseNoticeNumber(typed)).toEqual({
      prefix: '西屯微创投',
      year: 2026,
      sequence: 7,
      number: '西屯微创投〔2026〕7号',
    });
  });

  it('keeps brackets that belong to the prefix', () => {
    expect(parseNoticeNumber('西屯(社区)微创投〔2026〕3号')?.number).toBe('西屯(社区)微创投〔2026〕3号');
  });

  it.each([
    '',
    '西屯微创投',
    '〔2026〕7号',
    '西屯微创投〔26〕7号',
    '西屯微创投〔2026〕0号',
    '西屯微创投〔2026〕号',
  ])('rejects %j', (typed) => {
    expect(parseNoticeNumber(typed)).toBeUndefined();
  });
});

describe('shanghaiYear', () => {
  it('takes the year in Beijing time, where the new year starts eight hours before UTC’s', () => {
    expect(shanghaiYear('2026-12-31T15:59:59.999Z')).toBe(2026);
    expect(shanghaiYear('2026-12-31T16:00:00.000Z')).toBe(2027);
    expect(shanghaiYear('2027-01-01T00:30:00+08:00')).toBe(2027);
    expect(() => shanghaiYear('soon')).toThrow(NoticeInputError);
  });
});

describe('verification codes', () => {
  const number = noticeNumber('西屯微创投', 2026, 7);
  const code = verificationCode(SECRET, 'contest-1', number);

  it('is 10 unambiguous characters grouped 4-4-2', () => {
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('is the same on every run, and changes with the secret, the contest or the number', () => {
    expect(verificationCode(SECRET, 'contest-1', number)).toBe(code);
    expect(verificationCode(`${SECRET}x`, 'contest-1', number)).not.toBe(code);
    expect(verificationCode(SECRET, 'contest-2', number)).not.toBe(code);
    expect(verificationCode(SECRET, 'contest-1', noticeNumber('西屯微创投', 2026, 8))).not.toBe(code);
  });

  it('keeps the fields apart: moving text between contest id and number changes the code', () => {
    expect(verificationCode(SECRET, 'ab', 'c')).not.toBe(verificationCode(SECRET, 'a', 'bc'));
  });

  it('spreads evenly over the alphabet', () => {
    const counts = new Map<string, number>();
    for (let n = 1; n <= 3100; n++) {
      for (const char of verificationCode(
        SECRET,
        'contest-1',
        noticeNumber('西屯微创投', 2026, n),
      ).replaceAll('-', '')) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
    }
    // 31,000 symbols, 1,000 expected of each: a biased mapping would leave some far off.
    expect(counts.size).toBe(31);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('refuses a short secret or missing fields', () => {
    expect(() => verificationCode('short', 'contest-1', number)).toThrow(NoticeInputError);
    expect(() => verificationCode(SECRET, '', number)).toThrow(NoticeInputError);
    expect(() => verificationCode(SECRET, 'contest-1', '')).toThrow(NoticeInputError);
  });

  it('compares as people type: any case, with or without dashes and spaces, full width', () => {
    const bare = code.replaceAll('-', '');
    expect(sameCode(code, code)).toBe(true);
    expect(sameCode(code, bare.toLowerCase())).toBe(true);
    expect(sameCode(code, ` ${bare.slice(0, 3)} ${bare.slice(3, 7)}—${bare.slice(7)} `)).toBe(true);
    const fullWidth = [...bare].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(sameCode(code, fullWidth)).toBe(true);
    expect(normalizeCode(code)).toBe(bare);
  });

  it('rejects any other code, and anything that is not a code', () => {
    const other = verificationCode(SECRET, 'contest-1', noticeNumber('西屯微创投', 2026, 8));
    expect(sameCode(code, other)).toBe(false);
    const oneOff = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    expect(sameCode(code, oneOff)).toBe(false);
    expect(sameCode(code, code.slice(0, -1))).toBe(false);
    expect(sameCode('', '')).toBe(false);
    expect(sameCode(code, `${code}2`)).toBe(false);
    expect(sameCode(code, 'x'.repeat(10_000))).toBe(false);
    expect(normalizeCode('O0I1L-AAAA-BB')).toBeUndefined();
  });
});

describe('lockedBundleDigest', () => {
  const content = {
    contestId: 'c1',
    bundle: { lines: [{ proposalId: 'p1', amountFen: 1_250_000 }], usedFen: 1_250_000 },
  };

  it('is SHA-256 of the canonical JSON text, which is published next to it', () => {
    const text =
      '{"bundle":{"lines":[{"amountFen":1250000,"proposalId":"p1"}],"usedFen":1250000},"contestId":"c1"}';
    expect(lockedBundleText(content)).toBe(text);
    expect(lockedBundleDigest(content)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('does not depend on key order, and changes with any amount', () => {
    const reordered = {
      bundle: { usedFen: 1_250_000, lines: [{ amountFen: 1_250_000, proposalId: 'p1' }] },
      contestId: 'c1',
    };
    expect(lockedBundleDigest(reordered)).toBe(lockedBundleDigest(content));
    const changed = {
      ...content,
      bundle: { ...content.bundle, lines: [{ proposalId: 'p1', amountFen: 1_250_001 }] },
    };
    expect(lockedBundleDigest(changed)).not.toBe(lockedBundleDigest(content));
  });

  it('refuses content that JSON would silently change', () => {
    expect(() => lockedBundleDigest({ lockedAt: new Date() })).toThrow(TypeError);
    expect(() => lockedBundleDigest({ lines: [undefined] })).toThrow(TypeError);
  });
});
