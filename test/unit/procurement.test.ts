import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors.ts';
import { issueMessage } from '../../shared/i18n.ts';
import { capitalYuan } from '../../shared/money.ts';
import { announcementRows, reasonText } from '../../shared/procurement/announcement.ts';
import {
  type BidForEvaluation,
  type BidSheet,
  bidReasons,
  type EvaluationRules,
  evaluate,
  finalQuotationReasons,
  isRegisteredSupplier,
  nextCandidate,
} from '../../shared/procurement/evaluation.ts';
import {
  assertBidsUnsealed,
  assertPhase,
  canTransition,
  inPhase,
  nextPhase,
  PROCUREMENT_PHASES,
  type ProcurementPhase,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  type TransitionName,
} from '../../shared/procurement/lifecycle.ts';
import {
  announceIssues,
  BidInput,
  type ProcurementCriterion,
  ProcurementSetup,
  type ProcurementSetupFields,
} from '../../shared/procurement/model.ts';
import {
  compareBids,
  FULL_MARKS,
  panelMean,
  priceScore,
  type ScoredBid,
  ScoringInputError,
} from '../../shared/scoring.ts';
import { fenOf, hundredths, tablesUnder } from '../support/markdown.ts';

const DOC = readFileSync(new URL('../../docs/procurement.md', import.meta.url), 'utf8');
const PANEL = ['m1', 'm2', 'm3'];
const PARTS = [
  { code: 'service-plan', name: '服务方案' },
  { code: 'staffing', name: '人员名单' },
  { code: 'qualification', name: '资格证明' },
];

/** The worked example of docs/procurement.md, built from its tables. */
function example() {
  const [criteriaTable] = tablesUnder(DOC, '### Criteria');
  const [bidsTable] = tablesUnder(DOC, '### Bids');
  const [sheetsTable] = tablesUnder(DOC, '### Sheets');
  const criteria: ProcurementCriterion[] = criteriaTable!.map(([code, name, kind, max]) => ({
    code: code!,
    name: name!,
    kind: kind as 'technical' | 'business',
    maxPoints: hundredths(max!),
  }));
  const bids: BidForEvaluation[] = bidsTable!.map(([id, , registered, price, final], index) => ({
    bidId: id!,
    supplierId: `team-${id}`,
    registered: registered === 'yes',
    priceFen: fenOf(price!),
    partCodes: PARTS.map((part) => part.code),
    ...(final === '–' ? {} : { finalQuotationFen: fenOf(final!) }),
    submittedAt: `2026-04-0${index + 1}T02:00:00.000Z`,
  }));
  const sheets: BidSheet[] = sheetsTable!.map(([bidId, judgeId, ...points]) => ({
    bidId: bidId!,
    judgeId: judgeId!,
    scores: Object.fromEntries(criteria.map((criterion, i) => [criterion.code, hundredths(points[i]!)])),
  }));
  const sheetTotals = sheetsTable!.map((row) => hundredths(row.at(-1)!));
  const rules: EvaluationRules = {
    ceilingFen: 15_000_000,
    priceWeightBp: 2000,
    criteria,
    requiredParts: PARTS,
    minResponsive: 3,
    panel: PANEL,
  };
  return { rules, criteria, bids, sheets, sheetTotals };
}

/** Rows of a result table as [rank, bid, final fen, price, technical, total]. */
function resultRows(heading: string, index = 0) {
  return tablesUnder(DOC, heading)[index]!.map(([rank, bid, final, price, technical, total]) => [
    Number(rank),
    bid,
    fenOf(final!),
    hundredths(price!),
    hundredths(technical!),
    hundredths(total!),
  ]);
}

function computedRows(evaluation: ReturnType<typeof evaluate>) {
  return evaluation.bids
    .filter((bid) => bid.rank !== null)
    .map((bid) => [
      bid.rank,
      bid.bidId,
      bid.finalQuotationFen,
      bid.priceScore,
      bid.technicalScore,
      bid.total,
    ]);
}

describe('the worked example of docs/procurement.md', () => {
  it('scores and ranks the three responsive bids as the Result table says', () => {
    // Prepare
    const { rules, bids, sheets } = example();

    // Act
    const evaluation = evaluate(rules, bids, sheets, []);

    // Assess
    expect(evaluation.outcome).toBe('recommended');
    expect(evaluation.benchmarkFen).toBe(fenOf('139,500.00'));
    expect(computedRows(evaluation)).toEqual(resultRows('### Result'));
    expect(evaluation.candidates).toEqual(['A', 'C', 'B']);
  });

  it('makes D non-responsive for being unregistered, though its price is the lowest', () => {
    // Prepare
    const { rules, bids, sheets } = example();

    // Act
    const evaluation = evaluate(rules, bids, sheets, []);

    // Assess
    const d = evaluation.bids.find((bid) => bid.bidId === 'D')!;
    expect(d).toMatchObject({
      responsive: false,
      reasons: [{ code: 'unregistered' }],
      rank: null,
      total: null,
    });
    expect(Math.min(...bids.map((bid) => bid.priceFen))).toBe(
      bids.find((bid) => bid.bidId === 'D')!.priceFen,
    );
    expect(evaluation.responsive).toBe(3);
  });

  it('has sheet totals that are the sums of their criteria', () => {
    // Prepare
    const { sheets, sheetTotals } = example();

    // Assess
    expect(sheets.map((sheet) => Object.values(sheet.scores).reduce((a, b) => a + b, 0))).toEqual(
      sheetTotals,
    );
  });

  it('is a valid set-up: criteria and price points make 100, the weight inside the services band', () => {
    // Prepare
    const { criteria } = example();

    // Act
    const result = ProcurementSetup.safeParse(setup({ criteria }));

    // Assess
    expect(result.success).toBe(true);
  });

  it('confirms A, whose amount the doc writes in capitals', () => {
    // Prepare
    const { rules, bids, sheets } = example();
    const evaluation = evaluate(rules, bids, sheets, []);

    // Act
    const winner = nextCandidate(evaluation.candidates, []);
    const amount = bids.find((bid) => bid.bidId === winner)!.finalQuotationFen!;

    // Assess
    expect(winner).toBe('A');
    expect(DOC).toContain(`(${capitalYuan(amount)})`);
    expect(nextCandidate(evaluation.candidates, ['A'])).toBe('C');
    expect(nextCandidate(evaluation.candidates, ['A', 'C', 'B'])).toBeUndefined();
  });

  it('terminates with two responsive suppliers when three are required, and goes on with two when allowed', () => {
    // Prepare
    const { rules, bids, sheets } = example();
    const withoutB = bids.map((bid) => (bid.bidId === 'B' ? { ...bid, registered: false } : bid));

    // Act
    const terminated = evaluate(rules, withoutB, sheets, []);
    const goesOn = evaluate({ ...rules, minResponsive: 2 }, withoutB, sheets, []);

    // Assess
    expect(terminated).toMatchObject({ outcome: 'terminated', responsive: 2, required: 3, candidates: [] });
    expect(terminated.bids.every((bid) => bid.priceScore === null)).toBe(true);
    expect(goesOn.benchmarkFen).toBe(fenOf('146,800.00'));
    expect(computedRows(goesOn)).toEqual(resultRows('### If only two respond'));
  });
});

// ---------------------------------------------------------------------------------------------

const CRITERIA: ProcurementCriterion[] = [
  { code: 'plan', name: '服务方案', kind: 'technical', maxPoints: 5000 },
  { code: 'experience', name: '类似项目业绩', kind: 'business', maxPoints: 3000 },
];

function setup(overrides: Partial<ProcurementSetupFields> = {}): ProcurementSetupFields {
  return {
    title: '居家养老服务',
    description: '为辖区 62 位老人每月提供 200 元的居家养老服务',
    kind: 'services',
    governmentPurchasedService: true,
    ceilingFen: 15_000_000,
    priceWeightBp: 2000,
    criteria: CRITERIA,
    requiredParts: PARTS,
    minResponsive: 3,
    panel: PANEL.map((judgeId) => ({ judgeId, name: `专家${judgeId}` })),
    biddingDeadline: '2026-04-20T02:00:00.000Z',
    finalQuotationDeadline: '2026-04-25T02:00:00.000Z',
    ...overrides,
  };
}

/** Each issue as [path, English message]. */
function issues(input: unknown) {
  const result = ProcurementSetup.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join('.'), issueMessage(issue.message, 'en')]);
}

describe('the set-up', () => {
  it.each([
    ['services at the bottom of the band', { priceWeightBp: 1000 }, 9000],
    ['services at the top of the band', { priceWeightBp: 3000 }, 7000],
    [
      'goods at the bottom of the band',
      { kind: 'goods' as const, governmentPurchasedService: false, priceWeightBp: 3000 },
      7000,
    ],
    [
      'goods at the top of the band',
      { kind: 'goods' as const, governmentPurchasedService: false, priceWeightBp: 6000 },
      4000,
    ],
  ])('accepts %s', (_, overrides, criteriaPoints) => {
    // Act
    const found = issues(setup({ ...overrides, criteria: [{ ...CRITERIA[0]!, maxPoints: criteriaPoints }] }));

    // Assess
    expect(found).toEqual([]);
  });

  it.each([
    ['services above the band', 'services' as const, 3500, '35.00', '10.00', '30.00'],
    ['services below the band', 'services' as const, 500, '5.00', '10.00', '30.00'],
    ['goods below the band', 'goods' as const, 2500, '25.00', '30.00', '60.00'],
  ])(
    'refuses a price weight of %s without an approval, naming the band in percent',
    (_, kind, weight, shown, min, max) => {
      // Prepare
      const input = setup({
        kind,
        governmentPurchasedService: false,
        priceWeightBp: weight,
        criteria: [{ ...CRITERIA[0]!, maxPoints: FULL_MARKS - weight }],
      });

      // Act
      const found = issues(input);

      // Assess
      expect(found).toEqual([
        [
          'priceWeightBp',
          `A price weight of ${shown}% is outside the ${min}%–${max}% band; record the finance department’s approval`,
        ],
      ]);
    },
  );

  it('accepts a weight outside the band with the approval recorded', () => {
    // Act
    const found = issues(
      setup({
        priceWeightBp: 4000,
        weightApproval: { reason: '区财政局审核同意', reference: '红财采〔2026〕3号' },
        criteria: [{ ...CRITERIA[0]!, maxPoints: 6000 }],
      }),
    );

    // Assess
    expect(found).toEqual([]);
  });

  it('refuses criteria and price points that do not make 100', () => {
    // Act
    const found = issues(setup({ priceWeightBp: 2500 }));

    // Assess
    expect(found).toEqual([
      ['criteria', 'The criteria (80.00 points) and the price points (25.00) must add up to 100'],
    ]);
  });

  it.each([
    [2, 'an even panel'],
    [4, 'an even panel'],
    [1, 'a panel of one'],
  ])('refuses a panel of %i (%s)', (count) => {
    // Act
    const found = issues(
      setup({ panel: ['a', 'b', 'c', 'd'].slice(0, count).map((judgeId) => ({ judgeId, name: judgeId })) }),
    );

    // Assess
    expect(found).toEqual([['panel', `The panel needs an odd number of members, at least 3 (now ${count})`]]);
  });

  it('refuses a member listed twice, and repeated criterion codes', () => {
    // Act
    const found = issues(
      setup({
        panel: [
          { judgeId: 'm1', name: '甲' },
          { judgeId: 'm2', name: '乙' },
          { judgeId: 'm1', name: '甲' },
        ],
        criteria: [CRITERIA[0]!, { ...CRITERIA[1]!, code: 'plan' }],
      }),
    );

    // Assess
    expect(found).toEqual([
      ['criteria.1.code', 'The code “plan” is repeated'],
      ['panel.2.judgeId', 'Panel member “m1” is listed twice'],
    ]);
  });

  it.each([
    ['goods', { kind: 'goods' as const, governmentPurchasedService: false, priceWeightBp: 3000 }],
    ['services not purchased by the government', { governmentPurchasedService: false, priceWeightBp: 2000 }],
  ])('allows 2 responsive suppliers only for government-purchased services, not for %s', (_, overrides) => {
    // Act
    const found = issues(
      setup({
        ...overrides,
        minResponsive: 2,
        criteria: [{ ...CRITERIA[0]!, maxPoints: FULL_MARKS - overrides.priceWeightBp }],
      }),
    );

    // Assess
    expect(found).toEqual([
      ['minResponsive', 'Only government-purchased services may go on with 2 responsive suppliers'],
    ]);
  });

  it('refuses a final quotation deadline not after the bidding deadline', () => {
    // Act
    const found = issues(setup({ finalQuotationDeadline: '2026-04-20T10:00:00+08:00' }));

    // Assess
    expect(found).toEqual([
      ['finalQuotationDeadline', 'The final quotation deadline must come after the bidding deadline'],
    ]);
  });

  it('refuses a ceiling in fractional fen, and unknown fields', () => {
    // Act
    const found = issues({ ...setup({ ceilingFen: 15_000_000.5 }), winner: 'A' });

    // Assess
    expect(found.map(([path]) => path).sort()).toEqual(['', 'ceilingFen']);
  });

  it('needs 10 days between the announcement and the bidding deadline (Art. 10)', () => {
    // Prepare
    const now = new Date('2026-04-10T02:00:00.000Z');

    // Act
    const tooSoon = announceIssues({ biddingDeadline: '2026-04-20T01:59:59.999Z' }, now);
    const justEnough = announceIssues({ biddingDeadline: '2026-04-20T02:00:00.000Z' }, now);

    // Assess
    expect(tooSoon).toEqual([
      {
        path: ['biddingDeadline'],
        params: { code: 'procurement.biddingTooShort', days: 10, earliest: '2026-04-20T02:00:00.000Z' },
      },
    ]);
    expect(justEnough).toEqual([]);
  });

  it('takes a bid in whole fen only, with known-shaped part codes and nothing else', () => {
    // Act
    const good = BidInput.safeParse({ priceFen: 14_680_000, parts: { 'service-plan': '方案' } });
    const fractional = BidInput.safeParse({ priceFen: 14_680_000.5, parts: {} });
    const extra = BidInput.safeParse({ priceFen: 1, parts: {}, rank: 1 });

    // Assess
    expect(good.success).toBe(true);
    expect(fractional.success).toBe(false);
    expect(extra.success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the lifecycle', () => {
  const names = Object.keys(TRANSITIONS) as TransitionName[];

  it('allows exactly the transitions of its table, from every phase', () => {
    for (const status of PROCUREMENT_PHASES) {
      for (const name of names) {
        // Act
        const attempt = () => nextPhase({ status }, name);

        // Assess
        const allowed = (TRANSITIONS[name].from as readonly ProcurementPhase[]).includes(status);
        expect(canTransition({ status }, name), `${status} ${name}`).toBe(allowed);
        if (allowed) expect(attempt(), `${status} ${name}`).toBe(TRANSITIONS[name].to);
        else expect(attempt, `${status} ${name}`).toThrow(ConflictError);
      }
    }
  });

  it('walks the happy path from draft to awarded, one phase at a time', () => {
    // Act
    const path: ProcurementPhase[] = ['draft'];
    for (const name of names.filter((n) => n !== 'terminate'))
      path.push(nextPhase({ status: path.at(-1)! }, name));

    // Assess
    expect(path).toEqual(PROCUREMENT_PHASES.filter((phase) => phase !== 'terminated'));
  });

  it('can terminate from every phase that is not final, and nothing leaves a final phase', () => {
    for (const status of PROCUREMENT_PHASES) {
      const final = inPhase({ status }, 'final');
      expect(canTransition({ status }, 'terminate'), status).toBe(!final);
      if (final) expect(names.every((name) => !canTransition({ status }, name))).toBe(true);
    }
  });

  it('records each transition under its own audit action', () => {
    expect(new Set(Object.values(TRANSITION_ACTIONS)).size).toBe(names.length);
  });

  it('names the current phase in both languages when a write is refused', () => {
    // Act
    let error: unknown;
    try {
      assertPhase({ status: 'bidding' }, 'sheets');
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'procurement.wrongPhase',
      params: { phase: '递交响应文件', phaseEn: 'bidding' },
    });
  });

  it('keeps bids sealed in the sealed phases and before the deadline, whatever the phase', () => {
    // Prepare
    const biddingDeadline = '2026-04-20T02:00:00.000Z';
    const before = new Date('2026-04-20T01:59:59.999Z');
    const after = new Date('2026-04-20T02:00:00.000Z');

    for (const status of PROCUREMENT_PHASES) {
      // Assess
      expect(() => assertBidsUnsealed({ status, biddingDeadline }, before), status).toThrow(ConflictError);
      if (inPhase({ status }, 'sealed')) {
        expect(() => assertBidsUnsealed({ status, biddingDeadline }, after), status).toThrow(ConflictError);
      } else {
        expect(() => assertBidsUnsealed({ status, biddingDeadline }, after), status).not.toThrow();
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

function bid(overrides: Partial<BidForEvaluation> & { bidId: string }): BidForEvaluation {
  return {
    supplierId: `team-${overrides.bidId}`,
    registered: true,
    priceFen: 10_000_000,
    partCodes: PARTS.map((part) => part.code),
    finalQuotationFen: 10_000_000,
    submittedAt: '2026-04-01T02:00:00.000Z',
    ...overrides,
  };
}

const RULES: EvaluationRules = {
  ceilingFen: 15_000_000,
  priceWeightBp: 2000,
  criteria: CRITERIA,
  requiredParts: PARTS,
  minResponsive: 3,
  panel: PANEL,
};

function sheet(bidId: string, judgeId: string, plan: number, experience: number): BidSheet {
  return { bidId, judgeId, scores: { plan, experience } };
}

describe('responsiveness', () => {
  it('accepts a registered supplier pricing exactly at the ceiling with every part', () => {
    expect(bidReasons(RULES, bid({ bidId: 'A', priceFen: 15_000_000 }))).toEqual([]);
  });

  it('gives every reason at once: unregistered, above the ceiling, each missing part', () => {
    // Act
    const reasons = bidReasons(
      RULES,
      bid({ bidId: 'A', registered: false, priceFen: 15_000_001, partCodes: ['staffing'] }),
    );

    // Assess
    expect(reasons).toEqual([
      { code: 'unregistered' },
      { code: 'above-ceiling', priceFen: 15_000_001, ceilingFen: 15_000_000 },
      { code: 'missing-parts', parts: ['service-plan', 'qualification'] },
    ]);
  });

  it('counts only registered organisations with a certificate as registered', () => {
    expect(isRegisteredSupplier({ kind: 'registered-org', certificateNumber: '52150402MJ0000000X' })).toBe(
      true,
    );
    expect(isRegisteredSupplier({ kind: 'registered-org' })).toBe(false);
    expect(isRegisteredSupplier({ kind: 'resident-team', certificateNumber: '52150402MJ0000000X' })).toBe(
      false,
    );
  });

  it('puts out a supplier with no final quotation or one above the ceiling', () => {
    expect(finalQuotationReasons(RULES, bid({ bidId: 'A', finalQuotationFen: undefined }))).toEqual([
      { code: 'no-final-quotation' },
    ]);
    expect(finalQuotationReasons(RULES, bid({ bidId: 'A', finalQuotationFen: 15_000_100 }))).toEqual([
      { code: 'final-above-ceiling', quotationFen: 15_000_100, ceilingFen: 15_000_000 },
    ]);
  });
});

describe('the price score', () => {
  it('gives the benchmark the full price points', () => {
    expect(priceScore(13_950_000, 13_950_000, 2000)).toBe(2000);
  });

  it('rounds an exact half up, and a smaller remainder down', () => {
    // 1 × 1 ÷ 2 = 0.5 → 1; 2 × 1 ÷ 3 = 0.67 → 1; 1 × 1 ÷ 3 = 0.33 → 0
    expect(priceScore(1, 2, 1)).toBe(1);
    expect(priceScore(2, 3, 1)).toBe(1);
    expect(priceScore(1, 3, 1)).toBe(0);
  });

  it('is 0 for a weight of 0 (a price not scored, by approval)', () => {
    expect(priceScore(100, 300, 0)).toBe(0);
  });

  it.each([
    [200, 100, 2000],
    [100, 100.5, 2000],
    [0, 100, 2000],
    [100, 200, 10_001],
    [100, 200, 20.5],
  ])('refuses benchmark %d, quotation %d, weight %d', (benchmark, quotation, weight) => {
    expect(() => priceScore(benchmark, quotation, weight)).toThrow(ScoringInputError);
  });
});

describe('the panel mean', () => {
  it('rounds once, half up', () => {
    expect(panelMean([6700, 6700, 6800])).toBe(6733);
    expect(panelMean([6700, 6750])).toBe(6725);
    expect(panelMean([1, 2])).toBe(2);
  });

  it('refuses no totals at all', () => {
    expect(() => panelMean([])).toThrow(ScoringInputError);
  });
});

describe('the ranking', () => {
  const scored = (
    bidId: string,
    total: number,
    quotation: number,
    technical: number,
    at = '2026-04-01T02:00:00.000Z',
  ): ScoredBid => ({
    bidId,
    finalQuotationFen: quotation,
    priceScore: total - technical,
    technicalScore: technical,
    total,
    submittedAt: at,
  });

  it('orders by total, then the lower final quotation, then the better technical score', () => {
    // Prepare
    const bids = [
      scored('low-total', 8000, 100, 7000),
      scored('dearer', 8500, 300, 7000),
      scored('cheaper-weaker', 8500, 200, 6500),
      scored('cheaper-stronger', 8500, 200, 7000),
    ];

    // Act
    const order = [...bids].sort(compareBids).map((b) => b.bidId);

    // Assess
    expect(order).toEqual(['cheaper-stronger', 'cheaper-weaker', 'dearer', 'low-total']);
  });

  it('orders bids equal on all three by the earlier bid, then the id', () => {
    // Prepare
    const bids = [
      scored('b', 8500, 200, 7000, '2026-04-02T00:00:00.000Z'),
      scored('c', 8500, 200, 7000, '2026-04-01T00:00:00.000Z'),
      scored('a', 8500, 200, 7000, '2026-04-02T00:00:00.000Z'),
    ];

    // Act
    const order = [...bids].sort(compareBids).map((b) => b.bidId);

    // Assess
    expect(order).toEqual(['c', 'a', 'b']);
  });
});

describe('the evaluation', () => {
  const three = [
    bid({ bidId: 'A' }),
    bid({ bidId: 'B', finalQuotationFen: 12_000_000 }),
    bid({ bidId: 'C' }),
  ];
  const allSheets = (
    bids: readonly BidForEvaluation[],
    skip: (b: string, j: string) => boolean = () => false,
  ) => bids.flatMap((b) => PANEL.filter((j) => !skip(b.bidId, j)).map((j) => sheet(b.bidId, j, 4000, 2000)));

  it('is incomplete, listing each missing sheet, until every member has scored every responsive bid', () => {
    // Act
    const evaluation = evaluate(
      RULES,
      three,
      allSheets(three, (b, j) => b === 'B' && j !== 'm1'),
      [],
    );

    // Assess
    expect(evaluation).toMatchObject({
      outcome: 'incomplete',
      missingSheets: [
        { bidId: 'B', judgeId: 'm2' },
        { bidId: 'B', judgeId: 'm3' },
      ],
      candidates: [],
    });
  });

  it('takes the mean over the members not conflicted with the supplier', () => {
    // Prepare
    const sheets = [
      ...allSheets(three, (b) => b === 'A'),
      sheet('A', 'm1', 5000, 3000),
      sheet('A', 'm2', 4000, 2500),
    ];

    // Act
    const evaluation = evaluate(RULES, three, sheets, [{ judgeId: 'm3', supplierId: 'team-A' }]);

    // Assess
    const a = evaluation.bids.find((b) => b.bidId === 'A')!;
    expect(a.technicalScore).toBe(7250);
    expect(a.sheets.map((s) => s.judgeId)).toEqual(['m1', 'm2']);
  });

  it('cannot score a bid every member is conflicted with', () => {
    // Prepare
    const conflicts = PANEL.map((judgeId) => ({ judgeId, supplierId: 'team-C' }));

    // Act
    const evaluation = evaluate(
      RULES,
      three,
      allSheets(three, (b) => b === 'C'),
      conflicts,
    );

    // Assess
    expect(evaluation).toMatchObject({ outcome: 'incomplete', unscorable: ['C'], missingSheets: [] });
  });

  it.each([
    ['a sheet by a conflicted member', allSheets(three), [{ judgeId: 'm1', supplierId: 'team-A' }], three],
    ['a sheet by someone not on the panel', [...allSheets(three), sheet('A', 'x9', 0, 0)], [], three],
    ['two sheets by one member for one bid', [...allSheets(three), sheet('A', 'm1', 0, 0)], [], three],
    [
      'a score above the criterion maximum',
      [...allSheets(three).slice(1), sheet('A', 'm1', 5050, 0)],
      [],
      three,
    ],
    ['two bids by one supplier', allSheets(three), [], [...three, bid({ bidId: 'D', supplierId: 'team-A' })]],
  ])('throws for %s, which no validated path produces', (_, sheets, conflicts, bids) => {
    expect(() => evaluate(RULES, bids, sheets, conflicts)).toThrow(ScoringInputError);
  });

  it('ignores the sheets of non-responsive bids', () => {
    // Prepare
    const bids = [...three, bid({ bidId: 'D', priceFen: 20_000_000 })];

    // Act
    const evaluation = evaluate(RULES, bids, allSheets(bids), []);

    // Assess
    expect(evaluation.outcome).toBe('recommended');
    expect(evaluation.bids.at(-1)).toMatchObject({ bidId: 'D', responsive: false, sheets: [] });
  });
});

describe('the result announcement', () => {
  it('lists every supplier as docs/procurement.md shows it, D with its reason', () => {
    // Prepare
    const { rules, bids, sheets } = example();
    const [bidsTable] = tablesUnder(DOC, '### Bids');
    const names = Object.fromEntries(bidsTable!.map(([id, supplier]) => [`team-${id}`, supplier!]));
    const evaluation = evaluate(rules, bids, sheets, []);

    // Act
    const rows = announcementRows(evaluation, names, nextCandidate(evaluation.candidates, []), 'zh-CN');

    // Assess
    const outcome = { awarded: '成交', candidate: '成交候选人' } as const;
    expect(
      rows.map((row) => [
        row.supplier,
        row.finalQuotationYuan ?? '–',
        row.priceScore ?? '–',
        row.technicalScore ?? '–',
        row.total ?? '–',
        row.rank === null ? '–' : String(row.rank),
        row.outcome === 'not-responsive' ? `无效响应：${row.reasons.join('；')}` : outcome[row.outcome],
      ]),
    ).toEqual(tablesUnder(DOC, '### Result announcement')[0]);
  });

  it('says each reason in both languages, with amounts in yuan and parts by name', () => {
    // Prepare
    const reasons = bidReasons(
      RULES,
      bid({ bidId: 'A', registered: false, priceFen: 15_000_050, partCodes: [] }),
    );
    const parts = Object.fromEntries(PARTS.map((part) => [part.code, part.name]));

    // Act
    const zh = reasons.map((reason) => reasonText(reason, 'zh-CN', parts));
    const en = [
      ...reasons,
      { code: 'no-final-quotation' as const },
      { code: 'final-above-ceiling' as const, quotationFen: 15_000_001, ceilingFen: 15_000_000 },
    ].map((reason) => reasonText(reason, 'en', parts));

    // Assess
    expect(zh).toEqual([
      '不是依法登记的社会组织（无登记证书编号）',
      '报价 150,000.50 元高于最高限价 150,000.00 元',
      '响应文件缺少：服务方案、人员名单、资格证明',
    ]);
    expect(en).toEqual([
      'not a registered organisation (no certificate number)',
      'its price of 150,000.50 yuan is above the ceiling of 150,000.00 yuan',
      'the bid lacks: 服务方案, 人员名单, 资格证明',
      'no final quotation',
      'its final quotation of 150,000.01 yuan is above the ceiling of 150,000.00 yuan',
    ]);
  });
});
