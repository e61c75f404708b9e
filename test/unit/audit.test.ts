import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditFields,
  chainEntry,
  checkAnchor,
  entryHash,
  GENESIS,
  hashableJson,
  verifyChain,
} from '../../shared/audit.ts';

const fields = (n: number, summary: Record<string, unknown> = { n }): AuditFields => ({
  at: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(),
  actor: `officer-${n % 2}`,
  action: ['contest.open', 'contest.close', 'bundle.lock'][n % 3]!,
  subject: 'contest-1',
  summary,
});

function chainOf(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let n = 0; n < count; n++) entries.push(chainEntry(entries.at(-1), fields(n)));
  return entries;
}

describe('chainEntry', () => {
  it('starts at seq 1 from GENESIS and links each entry to the one before', () => {
    const [first, second, third] = chainOf(3);
    expect(GENESIS).toMatch(/^0{64}$/);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(third).toMatchObject({ seq: 3, prevHash: second!.hash });
    expect(new Set([first!.hash, second!.hash, third!.hash]).size).toBe(3);
  });

  it('hashes the canonical JSON of every field but the hash, as documented for outside verifiers', () => {
    const entry = chainEntry(undefined, {
      at: '2026-03-01T00:00:00.000Z',
      actor: 'u1',
      action: 'contest.open',
      subject: 'c1',
      summary: { before: 'draft', after: 'open' },
    });
    const text = `{"action":"contest.open","actor":"u1","at":"2026-03-01T00:00:00.000Z","prevHash":"${'0'.repeat(64)}","seq":1,"subject":"c1","summary":{"after":"open","before":"draft"}}`;
    expect(entry.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(entryHash(entry)).toBe(entry.hash);
  });

  it('is deterministic and independent of the summary’s key order', () => {
    const a = chainEntry(undefined, fields(1, { before: 'draft', after: 'open' }));
    const b = chainEntry(undefined, fields(1, { after: 'open', before: 'draft' }));
    expect(a).toEqual(b);
  });

  it('refuses what would not hash back the same after a round trip through storage', () => {
    expect(() => chainEntry(undefined, { ...fields(1), at: '2026-03-01T08:00:00+08:00' })).toThrow(TypeError);
    expect(() => chainEntry(undefined, { ...fields(1), at: 'yesterday' })).toThrow(TypeError);
    expect(() => chainEntry(undefined, { ...fields(1), actor: '' })).toThrow(TypeError);
    expect(() => chainEntry(undefined, { ...fields(1), summary: { when: new Date() } })).toThrow(TypeError);
    expect(() => chainEntry(undefined, { ...fields(1), summary: { amount: Number.NaN } })).toThrow(TypeError);
    expect(() => chainEntry(undefined, { ...fields(1), summary: [] as any })).toThrow(TypeError);
    expect(() => chainEntry({ ...chainOf(1)[0]!, hash: 'nope' }, fields(2))).toThrow(TypeError);
  });
});

describe('hashableJson', () => {
  it('accepts JSON data and drops undefined object members, as storage does', () => {
    expect(hashableJson({ b: [1, 'x', null, true], a: { c: undefined, d: -1.5 } })).toBe(
      '{"a":{"d":-1.5},"b":[1,"x",null,true]}',
    );
  });

  it.each([
    ['a Date', { at: new Date(0) }],
    ['a Set', { ids: new Set(['a']) }],
    ['a Map', new Map()],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['undefined in an array', [1, undefined]],
    ['a bigint', { n: 1n }],
    ['a function', { f: () => 1 }],
  ])('refuses %s', (_name, value) => {
    expect(() => hashableJson(value)).toThrow(TypeError);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its length and head', () => {
    const entries = chainOf(5);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 5, head: entries[4]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS });
  });

  it('survives a round trip through JSON (what storage and the public endpoint do)', () => {
    const entries = chainOf(4);
    expect(verifyChain(JSON.parse(JSON.stringify(entries)))).toMatchObject({ ok: true, count: 4 });
  });

  it('finds an edited summary at the edited entry', () => {
    const entries = chainOf(5);
    entries[2] = { ...entries[2]!, summary: { n: 99 } };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, problem: 'hash' });
  });

  it('finds an edited entry whose hash was recomputed, at the next entry’s link', () => {
    const entries = chainOf(5);
    const forged = { ...entries[1]!, actor: 'someone-else' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, problem: 'link' });
  });

  it('finds a deleted entry', () => {
    for (const index of [0, 1, 2, 3]) {
      const entries = chainOf(5);
      entries.splice(index, 1);
      expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: index + 1, problem: 'sequence' });
    }
  });

  it('finds a deleted entry even when the rest were renumbered', () => {
    const entries = chainOf(5);
    entries.splice(1, 1);
    const renumbered = entries.map((entry, index) => ({ ...entry, seq: index + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAt: 2, problem: 'link' });
  });

  it('finds swapped entries', () => {
    const entries = chainOf(5);
    [entries[1], entries[3]] = [entries[3]!, entries[1]!];
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 2, problem: 'sequence' });
  });

  it('finds an inserted entry, even one properly chained to its predecessor', () => {
    const entries = chainOf(5);
    const forged = chainEntry(entries[1], fields(42));
    entries.splice(2, 0, forged);
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 4, problem: 'sequence' });
  });

  it('reports a malformed entry instead of throwing', () => {
    const entries = chainOf(3) as any[];
    entries[1] = { ...entries[1], summary: { at: new Date(0) } };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 2, problem: 'hash' });
    expect(verifyChain([null] as any)).toEqual({ ok: false, brokenAt: 1, problem: 'sequence' });
  });
});

describe('what only a published head can show', () => {
  it('a cut-off tail still verifies by itself, and is caught against the published head', () => {
    const entries = chainOf(6);
    const published = { count: 6, head: entries[5]!.hash };
    const truncated = entries.slice(0, 4);
    expect(verifyChain(truncated)).toMatchObject({ ok: true, count: 4 });
    expect(checkAnchor(truncated, published)).toEqual({ ok: false, problem: 'truncated' });
    expect(checkAnchor(entries, published)).toEqual({ ok: true });
  });

  it('a rewritten and re-chained tail still verifies by itself, and is caught against the published head', () => {
    const entries = chainOf(6);
    const published = { count: 5, head: entries[4]!.hash };
    const rewritten = entries.slice(0, 3);
    for (let n = 3; n < 6; n++) rewritten.push(chainEntry(rewritten.at(-1), fields(n, { n, forged: true })));
    expect(verifyChain(rewritten)).toMatchObject({ ok: true, count: 6 });
    expect(checkAnchor(rewritten, published)).toEqual({ ok: false, problem: 'rewritten' });
  });

  it('an anchor of count 0 is GENESIS', () => {
    expect(checkAnchor([], { count: 0, head: GENESIS })).toEqual({ ok: true });
    expect(() => checkAnchor([], { count: -1, head: GENESIS })).toThrow(RangeError);
  });
});
