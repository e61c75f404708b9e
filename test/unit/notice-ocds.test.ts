import { describe, expect, it } from 'vitest';
import { NoticeInputError, type OcdsInput, ocdsRelease, ocdsReleasePackage } from '../../shared/notice.ts';

/** The decimal text JSON carries for an amount, read back into fen with integer arithmetic. */
function jsonAmountToFen(amount: number): number {
  const text = JSON.stringify(amount);
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`not a yuan amount with at most two decimals: ${text}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const input: OcdsInput = {
  ocidPrefix: 'ocds-abc123',
  contest: { id: 'c-2026-1', title: '2026年西屯街道社区公益微创投大赛', budgetFen: 17_500_000 },
  office: { id: 'xitun', name: '西屯街道办事处' },
  lockedAt: '2026-06-01T10:00:00+08:00',
  releasedAt: '2026-06-02T02:00:00.000Z',
  submittedCount: 30,
  selected: [
    { proposalId: 'p1', title: '少年手工智造坊', teamId: 't1', teamName: '手工坊团队', amountFen: 1_250_050 },
    { proposalId: 'p2', title: '楼道清洁行动', teamId: 't2', teamName: '绿色家园', amountFen: 800_000 },
    { proposalId: 'p3', title: '老年智能手机课堂', teamId: 't1', teamName: '手工坊团队', amountFen: 5 },
  ],
};

describe('ocdsRelease', () => {
  const release = ocdsRelease(input);

  it('has every field OCDS 1.1 requires of a release, and the ones this export promises', () => {
    expect(release.ocid).toBe('ocds-abc123-c-2026-1');
    expect(release.id).toBe('c-2026-1-award');
    expect(release.id).not.toContain('#');
    expect(release.date).toBe('2026-06-02T02:00:00.000Z');
    expect(release.tag).toEqual(['tender', 'award']);
    expect(release.initiationType).toBe('tender');
    expect(release.language).toBe('zh');
  });

  it('names the office as buyer (and procuring entity) and each team once as supplier', () => {
    expect(release.buyer).toEqual({ id: 'office-xitun', name: '西屯街道办事处' });
    expect(release.parties).toEqual([
      { id: 'office-xitun', name: '西屯街道办事处', roles: ['buyer', 'procuringEntity'] },
      { id: 'team-t1', name: '手工坊团队', roles: ['supplier'] },
      { id: 'team-t2', name: '绿色家园', roles: ['supplier'] },
    ]);
    expect(release.tender).not.toHaveProperty('procuringEntity');
    // Every organisation reference points at a party with the same name.
    const parties = new Map(release.parties.map((party) => [party.id, party.name]));
    for (const award of release.awards) {
      for (const supplier of award.suppliers) expect(parties.get(supplier.id)).toBe(supplier.name);
    }
    expect(parties.get(release.buyer.id)).toBe(release.buyer.name);
  });

  it('describes the contest as a complete selective tender valued at the budget', () => {
    expect(release.tender).toEqual({
      id: 'c-2026-1',
      title: '2026年西屯街道社区公益微创投大赛',
      status: 'complete',
      value: { amount: 175000, currency: 'CNY' },
      procurementMethod: 'selective',
      procurementMethodDetails: '社区公益微创投大赛',
      mainProcurementCategory: 'services',
      awardCriteria: 'qualityOnly',
      awardCriteriaDetails: expect.any(String),
      numberOfTenderers: 30,
    });
  });

  it('has one active award per selected proposal, in bundle order, valued at exactly fen / 100', () => {
    expect(release.awards.map((award) => award.id)).toEqual(['p1', 'p2', 'p3']);
    for (const [index, award] of release.awards.entries()) {
      const item = input.selected[index]!;
      expect(award).toMatchObject({ title: item.title, status: 'active', date: '2026-06-01T02:00:00.000Z' });
      expect(award.value.currency).toBe('CNY');
      expect(award.suppliers).toEqual([{ id: `team-${item.teamId}`, name: item.teamName }]);
      expect(jsonAmountToFen(award.value.amount)).toBe(item.amountFen);
    }
    // The JSON text itself, as an OCDS consumer reads it.
    const json = JSON.stringify(release);
    expect(json).toContain('"value":{"amount":12500.5,"currency":"CNY"}');
    expect(json).toContain('"value":{"amount":0.05,"currency":"CNY"}');
    expect(json).toContain('"value":{"amount":8000,"currency":"CNY"}');
  });

  it('is the same on every run', () => {
    expect(JSON.stringify(ocdsRelease(input))).toBe(JSON.stringify(release));
  });

  it('dates the release at the lock when no release time is given, and accepts a prefix ending in "-"', () => {
    const other = ocdsRelease({ ...input, ocidPrefix: 'ocds-abc123-', releasedAt: undefined });
    expect(other.ocid).toBe('ocds-abc123-c-2026-1');
    expect(other.date).toBe('2026-06-01T02:00:00.000Z');
  });

  it('allows an empty bundle: a complete tender with no awards', () => {
    const empty = ocdsRelease({ ...input, selected: [], submittedCount: undefined });
    expect(empty.awards).toEqual([]);
    expect(empty.parties).toHaveLength(1);
    expect(empty.tender).not.toHaveProperty('numberOfTenderers');
  });

  it.each<[string, Partial<OcdsInput>]>([
    ['an unregistered-looking prefix', { ocidPrefix: 'xyz' }],
    ['a # in the contest id', { contest: { ...input.contest, id: 'c#1' } }],
    ['amounts over the budget', { contest: { ...input.contest, budgetFen: 2_000_000 } }],
    ['a fractional amount', { selected: [{ ...input.selected[0]!, amountFen: 10.5 }] }],
    ['a zero amount', { selected: [{ ...input.selected[0]!, amountFen: 0 }] }],
    ['a proposal twice', { selected: [input.selected[0]!, input.selected[0]!] }],
    [
      'a team with two names',
      { selected: [input.selected[0]!, { ...input.selected[2]!, teamName: '别名' }] },
    ],
    ['a missing team name', { selected: [{ ...input.selected[0]!, teamName: ' ' }] }],
    ['a lock time that is no time', { lockedAt: 'after lunch' }],
    ['fewer submissions than awards', { submittedCount: 2 }],
  ])('refuses %s', (_name, change) => {
    expect(() => ocdsRelease({ ...input, ...change })).toThrow(NoticeInputError);
  });
});

describe('ocdsReleasePackage', () => {
  it('wraps releases with the package fields OCDS 1.1 requires', () => {
    const release = ocdsRelease(input);
    const pkg = ocdsReleasePackage([release], {
      uri: 'https://example.org/ocds/c-2026-1.json',
      publishedDate: '2026-06-02T02:00:00Z',
      publisherName: '西屯街道办事处',
    });
    expect(pkg).toEqual({
      uri: 'https://example.org/ocds/c-2026-1.json',
      version: '1.1',
      publishedDate: '2026-06-02T02:00:00.000Z',
      publisher: { name: '西屯街道办事处' },
      releases: [release],
    });
  });
});
