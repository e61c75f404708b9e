import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, negotiateLocale, t } from '../../shared/i18n.ts';

describe('locale negotiation', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.2, zh-CN;q=0.8', 'zh-CN'],
    ['de, fr', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('reads %s as %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('messages', () => {
  it('fills parameters in both languages', () => {
    expect(t('en', 'proposal.budgetSum', { sum: 500, requested: 600 })).toBe(
      'Budget lines add up to 500 fen, not the requested 600 fen',
    );
    expect(t('zh-CN', 'proposal.budgetSum', { sum: 500, requested: 600 })).toBe(
      '预算明细合计 500 分与申请金额 600 分不一致',
    );
  });

  it('renders zod issues in the reader’s language, including custom rule codes', () => {
    const schema = z.strictObject({
      n: z.number().int(),
      total: z.number().refine((v) => v === 100, { params: { code: 'rubric.sum', total: 90 } }),
    });
    const issues = schema.safeParse({ n: 'x', total: 90, extra: 1 }).error!.issues;
    const en = issues.map((i) => issueMessage(i.message, 'en'));
    const zh = issues.map((i) => issueMessage(i.message, 'zh-CN'));
    expect(en).toEqual([
      'Invalid input: expected number, received string',
      'Criteria maximums must add up to 100 points (now 90)',
      'Unrecognized key: "extra"',
    ]);
    expect(zh[0]).toContain('期望');
    expect(zh[1]).toBe('评分项满分合计必须为 100 分（当前 90 分）');
  });
});
