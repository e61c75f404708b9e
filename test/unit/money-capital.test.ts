import { describe, expect, it } from 'vitest';
import { capitalYuan, MAX_FEN, rmbCapital, yuanDecimal } from '../../shared/money.ts';

/** Yuan as a decimal string → fen, so that the tables below read as the amounts on a form. */
const fen = (yuan: string): number => {
  const [whole, part = ''] = yuan.replaceAll(',', '').split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
};

describe('capitalYuan: the issue’s edge amounts', () => {
  it.each([
    ['0', '零元整'],
    ['10', '壹拾元整'],
    ['100', '壹佰元整'],
    ['1,001', '壹仟零壹元整'],
    ['10,010', '壹万零壹拾元整'],
    ['100,000.05', '壹拾万元零伍分'],
  ])('¥%s → %s', (yuan, text) => {
    expect(capitalYuan(fen(yuan))).toBe(text);
  });
});

describe('capitalYuan: the examples of 《支付结算办法》 appendix 1 (first form where two are allowed)', () => {
  it.each([
    ['1,409.50', '壹仟肆佰零玖元伍角'],
    ['6,007.14', '陆仟零柒元壹角肆分'],
    ['1,680.32', '壹仟陆佰捌拾元零叁角贰分'],
    ['107,000.53', '壹拾万柒仟元零伍角叁分'],
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
  ])('¥%s → %s', (yuan, text) => {
    expect(capitalYuan(fen(yuan))).toBe(text);
  });
});

describe('capitalYuan: more amounts', () => {
  it.each([
    // The brief's figures and the contest's own amounts.
    ['12,500', '壹万贰仟伍佰元整'],
    ['175,000', '壹拾柒万伍仟元整'],
    ['150,000', '壹拾伍万元整'],
    ['118,000', '壹拾壹万捌仟元整'],
    ['153,600', '壹拾伍万叁仟陆佰元整'],
    // Fractions only, and 整 only when there are neither 角 nor 分.
    ['0.05', '伍分'],
    ['0.01', '壹分'],
    ['0.10', '壹角'],
    ['0.25', '贰角伍分'],
    ['0.99', '玖角玖分'],
    ['1', '壹元整'],
    ['1.20', '壹元贰角'],
    ['1.02', '壹元零贰分'],
    ['1.23', '壹元贰角叁分'],
    ['9.90', '玖元玖角'],
    // 拾 always carries its digit; 元位 zero before 角 takes a 零.
    ['11', '壹拾壹元整'],
    ['15', '壹拾伍元整'],
    ['20', '贰拾元整'],
    ['10.20', '壹拾元零贰角'],
    ['10.02', '壹拾元零贰分'],
    ['110', '壹佰壹拾元整'],
    ['1,010', '壹仟零壹拾元整'],
    ['1,100', '壹仟壹佰元整'],
    ['1,005', '壹仟零伍元整'],
    ['1,000.50', '壹仟元零伍角'],
    // Zeros around the 万 group: ending a group silent, starting a group one 零.
    ['10,000', '壹万元整'],
    ['10,001', '壹万零壹元整'],
    ['10,100', '壹万零壹佰元整'],
    ['11,000', '壹万壹仟元整'],
    ['100,700', '壹拾万零柒佰元整'],
    ['100,010', '壹拾万零壹拾元整'],
    ['101,250', '壹拾万壹仟贰佰伍拾元整'],
    ['1,000,000', '壹佰万元整'],
    ['1,007,000', '壹佰万柒仟元整'],
    ['10,000,001', '壹仟万零壹元整'],
    ['10,010,000', '壹仟零壹万元整'],
    ['10,000,100', '壹仟万零壹佰元整'],
    ['99,999,999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    // The 亿 group: MAX_FEN is exactly 1 亿 yuan.
    ['100,000,000', '壹亿元整'],
  ])('¥%s → %s', (yuan, text) => {
    expect(capitalYuan(fen(yuan))).toBe(text);
  });

  it('puts 人民币 right before the amount', () => {
    expect(rmbCapital(1_250_000)).toBe('人民币壹万贰仟伍佰元整');
  });

  it.each([-1, 0.5, 100.1, MAX_FEN + 1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s fen', (value) => {
    expect(() => capitalYuan(value)).toThrow(RangeError);
    expect(() => yuanDecimal(value)).toThrow(RangeError);
  });
});

describe('yuanDecimal', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [120, '1.20'],
    [1_250_050, '12500.50'],
    [MAX_FEN, '100000000.00'],
  ])('%i fen → %s', (value, text) => {
    expect(yuanDecimal(value)).toBe(text);
  });
});
