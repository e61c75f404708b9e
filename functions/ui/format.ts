import { dateFormat, formatBeijing } from '../../shared/clock.ts';
import { joinList, type Locale } from '../../shared/i18n.ts';
import { formatYuan } from '../../shared/money.ts';
import { formatPoints } from '../../shared/scoring.ts';
import { commonTexts } from './texts.ts';

/*
 * How pages show numbers and times: yuan with separators (never fen), points (never
 * hundredths), Beijing time (never ISO-UTC). Every page formats through these.
 */

/** 12500000 fen → "¥125,000.00". */
export const yuan = (fen: number): string => `¥${formatYuan(fen)}`;

/** 8550 hundredths → "85.50". */
export const points = (hundredths: number): string => formatPoints(hundredths);

/** What a list names (categories, parts, panel members), joined as the language joins a list. */
export const nameList = (locale: Locale, list: readonly { name: string }[]): string =>
  joinList(
    locale,
    list.map((entry) => entry.name),
  );

/** A criterion with its kind and maximum: 服务方案（技术）30 / "Service plan (technical) 30". */
const criterionLabel = (locale: Locale, name: string, kind: string, maxPoints: number): string =>
  locale === 'zh-CN' ? `${name}（${kind}）${points(maxPoints)}` : `${name} (${kind}) ${points(maxPoints)}`;

/** A procurement's criteria, each with its kind (in `kinds`' words) and maximum, as clauses. */
export const criteriaList = <K extends string>(
  locale: Locale,
  criteria: readonly { name: string; kind: K; maxPoints: number }[],
  kinds: Record<K, string>,
): string =>
  joinList(
    locale,
    criteria.map((criterion) =>
      criterionLabel(locale, criterion.name, kinds[criterion.kind], criterion.maxPoints),
    ),
    'clauses',
  );

const formatters = {
  'zh-CN': { date: dateFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }) },
  en: { date: dateFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }) },
} satisfies Record<Locale, Record<'date', (at: Date) => string>>;

/** "2026年12月9日 18:00（北京时间）" / "9 Dec 2026, 18:00 (Beijing time)". */
export function dateTime(iso: string, locale: Locale): string {
  // One writer of Beijing time for pages and messages alike (shared/clock.ts).
  return formatBeijing(iso, locale);
}

/** The calendar day in Beijing: "2026年12月9日" / "9 Dec 2026". */
export function date(iso: string, locale: Locale): string {
  return formatters[locale].date(new Date(iso));
}

const isoDay = dateFormat('en-CA', { timeZone: 'Asia/Shanghai' });

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 2026 → 二〇二六 (years read digit by digit); 12 → 十二, 9 → 九, 31 → 三十一 (months and days as numbers). */
const chineseYear = (year: number) => [...String(year)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]!;
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones}`;
}

const englishDate = dateFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'long' });

/**
 * The date an official document (公文) carries, the Beijing calendar day without a clock time:
 * "二〇二六年十二月九日" (the year digit by digit with 〇, month and day as numbers: the 成文日期 of
 * GB/T 9704-1999, still usual on notices although the 2012 edition also allows 2026年12月9日) /
 * "9 December 2026".
 */
export function officialDate(iso: string, locale: Locale): string {
  if (locale === 'en') return englishDate(new Date(iso));
  const [year, month, day] = beijingDay(iso).split('-').map(Number) as [number, number, number];
  return `${chineseYear(year)}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}

/** The Beijing calendar day as YYYY-MM-DD, for comparing days (a timeline's "today"). */
export function beijingDay(at: Date | string): string {
  return isoDay(new Date(at));
}

/** "还剩 3 天 4 小时" / "3 d 4 h left", or "已截止" / "Closed" once past. */
export function timeLeft(deadlineIso: string, now: Date, locale: Locale): string {
  const text = commonTexts[locale];
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  if (ms <= 0) return text.closed;
  const minutes = Math.floor(ms / 60_000);
  return text.timeLeft(Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60);
}

/** A stored instant as a `datetime-local` value in Beijing time: "2026-12-09T18:00". */
export function beijingInputValue(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 16);
}

/** A typed Beijing date and time ("2026-12-09T18:00" or "2026-12-09 18:00") → "…+08:00", or undefined. */
export function parseBeijingInput(text: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const value = `${match[1]}T${match[2]}:00+08:00`;
  return Number.isNaN(new Date(value).getTime()) ? undefined : value;
}
