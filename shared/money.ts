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

export function sumFen(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
