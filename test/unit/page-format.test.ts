import { describe, expect, it } from 'vitest';
import { officialDate } from '../../functions/ui/format.ts';

describe('the date an official notice carries', () => {
  it.each([
    ['2026-12-09T02:00:00Z', '二〇二六年十二月九日', '9 December 2026'],
    ['2026-10-10T00:00:00Z', '二〇二六年十月十日', '10 October 2026'],
    ['2030-01-20T04:00:00Z', '二〇三〇年一月二十日', '20 January 2030'],
    ['2027-03-31T10:00:00Z', '二〇二七年三月三十一日', '31 March 2027'],
    ['2028-11-15T00:00:00Z', '二〇二八年十一月十五日', '15 November 2028'],
    // 00:30 on New Year's Day in Beijing is still 31 December in UTC: the notice says Beijing's day.
    ['2026-12-31T16:30:00Z', '二〇二七年一月一日', '1 January 2027'],
  ])('writes %s as %s and %s, without a clock time', (iso, zh, en) => {
    expect(officialDate(iso, 'zh-CN')).toBe(zh);
    expect(officialDate(iso, 'en')).toBe(en);
  });
});
