import { z } from './zod.ts';

/** The largest amount the product handles: 100 million yuan, far above any street-office budget. */
export const MAX_FEN = 10_000_000_000;

/** Money is integer fen (分) everywhere; a float never carries money. */
export const Fen = z.number().int().min(0).max(MAX_FEN);
export const PositiveFen = z.number().int().min(1).max(MAX_FEN);

export function yuanToFen(yuan: number): number {
  if (!Number.isInteger(yuan)) throw new RangeError('yuanToFen takes whole yuan');
  return yuan * 100;
}

/** 12500000 → "125,000.00" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/**
 * A typed amount in yuan: an optional sign, an optional ¥ before and 元 after, whole yuan either
 * plain or grouped in threes by commas ("1,250", "1，250"), and decimals. Anything else (a comma
 * elsewhere, as in "12,50"; a space inside, as in "500 . 5") is not an amount: a person's typo
 * must never turn silently into another sum.
 */
/**
 * Digits and the decimal point as a Chinese input method types them in full width ("１２５０．５")
 * turned into ASCII, so a typed number reads the same either way; nothing else changes.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String(c.charCodeAt(0) - 0xff10)));
}

const TYPED_YUAN = /^([-−－])?[¥￥]?\s*(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?\s*元?$/;

/**
 * An amount as a person types it in yuan ("1,250.5", "¥1250", "1250 元") → 125050 fen, or
 * undefined when it is not one (more than two decimals, a sign, letters, a misplaced comma or
 * space, above MAX_FEN). Read digit by digit into integers: no float ever carries the amount.
 */
export function parseYuan(text: string): number | undefined {
  const match = TYPED_YUAN.exec(halfWidthDigits(text).trim());
  if (!match || match[1]) return undefined;
  const whole = match[2]!.replace(/[,，]/g, '');
  const decimals = match[3] ?? '';
  if (whole.length > 9 || decimals.length > 2) return undefined;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : undefined;
}

/** What is wrong with a typed amount, by kind, so each kind gets its own words. */
export type AmountProblem = 'notAnAmount' | 'negative' | 'tooManyDecimals' | 'tooLarge';

/**
 * A typed amount as fen, or what is wrong with it and the amount as typed, in plain yuan
 * ("-100", "0.001"): a sign, a third decimal, more than MAX_FEN, or no amount at all.
 */
export function readYuan(text: string): { fen: number } | { problem: AmountProblem; typed: string } {
  const fen = parseYuan(text);
  if (fen !== undefined) return { fen };
  const match = TYPED_YUAN.exec(halfWidthDigits(text).trim());
  if (!match) return { problem: 'notAnAmount', typed: text.trim() };
  const [, sign, whole, decimals] = match;
  const typed = `${sign ? '-' : ''}${whole!.replace(/[,，]/g, '')}${decimals === undefined ? '' : `.${decimals}`}`;
  if (sign) return { problem: 'negative', typed };
  if ((decimals ?? '').length > 2) return { problem: 'tooManyDecimals', typed };
  return { problem: 'tooLarge', typed };
}

export function sumFen(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function checkFen(fen: number, what: string): void {
  if (!Number.isInteger(fen) || fen < 0 || fen > MAX_FEN) {
    throw new RangeError(`${what} takes whole fen from 0 to ${MAX_FEN}, got ${fen}`);
  }
}

/**
 * 1250050 → "12500.50": the plain decimal for CSV files and machine formats (no thousands
 * separator, always two places), built from integer division so no float ever touches it.
 */
export function yuanDecimal(fen: number): string {
  checkFen(fen, 'yuanDecimal');
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** The place inside a four-digit group (个, 拾, 佰, 仟), counted from the right. */
const CAPITAL_PLACES = ['', '拾', '佰', '仟'] as const;
/** The group markers; 亿 is enough because MAX_FEN is 1 亿 yuan. */
const CAPITAL_GROUPS = ['', '万', '亿'] as const;

/** The whole-yuan part, e.g. 107000 → 壹拾万柒仟 (see capitalYuan for the 零 rules). */
function capitalInteger(yuan: number): string {
  const digits = String(yuan);
  if (digits.length > CAPITAL_GROUPS.length * 4) throw new RangeError('capitalYuan: amount too large');
  let text = '';
  let groupHasDigit = false;
  // A zero seen since the last digit written; it becomes one 零 before the next nonzero digit,
  // unless the group it ends is closed by its marker first (zeros ending a group are silent).
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const position = digits.length - 1 - i;
    const digit = Number(digits[i]);
    if (digit === 0) {
      pendingZero = true;
    } else {
      if (pendingZero) text += '零';
      pendingZero = false;
      groupHasDigit = true;
      text += CAPITAL_DIGITS[digit]! + CAPITAL_PLACES[position % 4]!;
    }
    if (position % 4 === 0) {
      if (groupHasDigit) {
        text += CAPITAL_GROUPS[position / 4]!;
        pendingZero = false;
      }
      groupHasDigit = false;
    }
  }
  return text;
}

/**
 * The amount in Chinese capital numerals (大写金额), as an official notice prints it after
 * "人民币": 1250000 → 壹万贰仟伍佰元整, 10000005 → 壹拾万元零伍分.
 *
 * The rules are those of the People's Bank of China's 《支付结算办法》 (银发〔1997〕393号),
 * appendix 1 《正确填写票据和结算凭证的基本规定》, followed exactly so that a notice reads like
 * any bank form and no character can be slipped in later:
 * - Only 零壹贰叁肆伍陆柒捌玖 拾佰仟万亿 元角分 整; never 一二三…十, 两, 毛, 另 or "0".
 *   Every 拾 carries its digit (10 → 壹拾元整, the appendix's own 壹拾万柒仟元), so nobody can
 *   put a digit in front of a bare 拾.
 * - "到元为止的，在元之后，应写整": whole yuan end in 整. "在角之后可以不写整": we do not, and
 *   "有分的，分后面不写整". So 整 appears exactly when there are no 角 and no 分.
 * - Zeros "按照汉语语言规律": a run of zeros between two written digits is one 零
 *   (6,007.14 → 陆仟零柒元壹角肆分); zeros that end a 万 or 亿 group are not read, as in speech
 *   (107,000 → 壹拾万柒仟); a group that starts with zeros after a written group is (10,010 →
 *   壹万零壹拾元整). Where the appendix allows a 零 or none (元位 or 万位 zero before a
 *   nonzero 仟 or 角), we take its first example each time: 1,680.32 → 壹仟陆佰捌拾元零叁角贰分,
 *   107,000.53 → 壹拾万柒仟元零伍角叁分. So: 零 after 元 when 元位 is zero and there are 角.
 * - "角位是0，而分位不是0时，元后面应写零": 16,409.02 → 壹万陆仟肆佰零玖元零贰分.
 * - No whole yuan: the amount starts at 角 or 分 (0.05 → 伍分); zero is 零元整.
 */
export function capitalYuan(fen: number): string {
  checkFen(fen, 'capitalYuan');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${yuan === 0 ? '零' : capitalInteger(yuan)}元整`;
  let text = yuan === 0 ? '' : `${capitalInteger(yuan)}元`;
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) text += '零';
  if (jiao > 0) text += `${CAPITAL_DIGITS[jiao]}角`;
  if (cents > 0) text += `${CAPITAL_DIGITS[cents]}分`;
  return text;
}

/** "人民币" directly before the capital amount, with no gap, as the same appendix requires. */
export function rmbCapital(fen: number): string {
  return `人民币${capitalYuan(fen)}`;
}
