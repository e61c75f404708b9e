import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  issueMessage,
  LOCALES,
  type Locale,
  listParam,
  messageCodes,
  negotiateLocale,
  placeholders,
  problemTitle,
  t,
} from '../../shared/i18n.ts';

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
  it('fills parameters in both languages, money in yuan', () => {
    expect(t('en', 'proposal.budgetSum', { sum: 500, requested: 600 })).toBe(
      'Budget lines add up to 5.00 yuan, not the requested 6.00 yuan',
    );
    expect(t('zh-CN', 'proposal.budgetSum', { sum: 500, requested: 600 })).toBe(
      '预算明细合计 5.00 元，与申请金额 6.00 元不一致',
    );
  });

  const SAMPLES: Record<string, { value: string | number; shown: Record<Locale, string>; raw: RegExp }> = {
    yuan: { value: 1_234_567, shown: { 'zh-CN': '12,345.67 元', en: '12,345.67 yuan' }, raw: /1234567/ },
    time: {
      value: '2026-03-16T01:30:00.000Z',
      shown: { 'zh-CN': '09:30（北京时间）', en: '09:30 (Beijing time)' },
      raw: /2026-03-16T|\.000Z/,
    },
    phase: {
      value: 'publicity',
      shown: { 'zh-CN': '入围公示', en: 'shortlist publicity' },
      raw: /“publicity”/,
    },
    proposalStatus: { value: 'withdrawn', shown: { 'zh-CN': '已撤回', en: 'withdrawn' }, raw: /^$/ },
    bytes: { value: 262_144, shown: { 'zh-CN': '256 KB', en: '256 KB' }, raw: /262144/ },
    list: {
      value: listParam(['“甲”', ['乙', '专家2']]),
      shown: { 'zh-CN': '“甲”、乙（专家2）', en: '“甲”, 乙 (专家2)' },
      raw: /^$/,
    },
  };
  // Parameters whose names say they carry money, a time or a phase must be shown in people's units.
  const MONEY = /fen$|^(cap|sum|requested|expected)$/i;
  const TIME = /deadline$|At$|^earliest$/;
  const PHASE = /^status$/;

  it.each(messageCodes())(
    '%s: every placeholder filled, every value in people’s units, in both languages',
    (code) => {
      const params = placeholders(code);
      for (const { name, kind } of params) {
        if (MONEY.test(name)) expect(kind, `${code} {${name}}`).toBe('yuan');
        if (TIME.test(name)) expect(kind, `${code} {${name}}`).toBe('time');
        if (PHASE.test(name)) expect(kind, `${code} {${name}}`).toMatch(/^(phase|proposalStatus)$/);
      }
      const values = Object.fromEntries(
        params.map(({ name, kind }) => [name, kind ? SAMPLES[kind]!.value : `〈${name}〉`]),
      );
      for (const locale of LOCALES) {
        const text = t(locale, code, values);
        expect(text, `${code} ${locale}`).not.toMatch(/[{}]/);
        expect(text.trim().length).toBeGreaterThan(0);
        const own = new Set([...t(locale, code).matchAll(/\{(\w+)/g)].map((m) => m[1]));
        for (const { name, kind } of params.filter((p) => own.has(p.name))) {
          if (kind) {
            expect(text, `${code} ${locale}`).toContain(SAMPLES[kind]!.shown[locale]);
            expect(text, `${code} ${locale}`).not.toMatch(SAMPLES[kind]!.raw);
          } else expect(text).toContain(`〈${name}〉`);
        }
        for (const status of [400, 404, 409, 412, 422, 429]) {
          expect(problemTitle(locale, code, status), `${code} ${locale}`).not.toMatch(/[{}]/);
        }
      }
    },
  );

  it('renders zod issues in the reader’s language, naming the field and saying what is wrong', () => {
    const schema = z.strictObject({
      title: z.string().min(1).max(80),
      budgetFen: z.number().int().min(0).max(10_000_000_000),
      expectedBeneficiaries: z.number().int(),
      kind: z.enum(['resident-team', 'registered-org']),
      submissionDeadline: z.iso.datetime({ offset: true }),
      budgetLines: z.array(z.object({ amountFen: z.number().int().min(1) })),
      total: z.number().refine((v) => v === 100, { params: { code: 'rubric.sum', total: 90 } }),
    });
    const render = (input: unknown) => {
      const issues = schema.safeParse(input).error!.issues;
      return {
        en: issues.map((i) => issueMessage(i.message, 'en')),
        zh: issues.map((i) => issueMessage(i.message, 'zh-CN')),
      };
    };
    const missing = render({ total: 90 });
    expect(missing.en.slice(0, 3)).toEqual([
      'Title is required',
      'Budget is required',
      'Expected beneficiaries is required',
    ]);
    expect(missing.zh.slice(0, 2)).toEqual(['请填写“标题”', '请填写“总预算”']);
    const wrong = render({
      title: '',
      budgetFen: 20_000_000_000,
      expectedBeneficiaries: 'many',
      kind: 'club',
      submissionDeadline: '明天',
      budgetLines: [{ amountFen: 0 }],
      total: 90,
      extra: 1,
    });
    expect(wrong.en).toEqual([
      'Title cannot be empty',
      'Budget must be at most 100,000,000.00 yuan',
      'Expected beneficiaries must be a number',
      'Kind must be one of: resident-team, registered-org',
      'Submission deadline must be an ISO-8601 time with its zone, such as 2026-03-16T09:00:00+08:00',
      'The amount of budget lines item 1 must be at least 0.01 yuan',
      'Criteria maximums must add up to 100 points (now 90)',
      'Unknown field: extra',
    ]);
    expect(wrong.zh).toEqual([
      '“标题”不能为空',
      '“总预算”最多为 100,000,000.00 元',
      '“预计受益人数”应为数字',
      '“类型”应为以下之一：resident-team、registered-org',
      '“申报截止时间”应为带时区的 ISO-8601 时间，如 2026-03-16T09:00:00+08:00',
      '预算明细第 1 项的金额至少为 0.01 元',
      '评分项满分合计必须为 100 分（当前 90 分）',
      '不认识的字段：extra',
    ]);
    for (const message of [...missing.zh, ...wrong.zh, ...missing.en, ...wrong.en]) {
      expect(message).not.toMatch(/期望|expected \w+, received|undefined|[{}]/);
    }
  });
});
