import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditFields,
  chainEntry,
  checkAnchor,
  verifyChain,
} from '../../shared/audit.ts';
import { canonicalJson } from '../../shared/ids.ts';

const instant = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const text = fc.string({ minLength: 1, maxLength: 12, unit: 'binary' });
const summary = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const auditFields: fc.Arbitrary<AuditFields> = fc.record({
  at: instant,
  actor: text,
  action: text,
  subject: text,
  summary,
});

const chain = fc.array(auditFields, { minLength: 1, maxLength: 12 }).map((all) => {
  const entries: AuditEntry[] = [];
  for (const fields of all) entries.push(chainEntry(entries.at(-1), fields));
  return entries;
});

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const FIELDS = ['seq', 'at', 'actor', 'action', 'subject', 'summary', 'prevHash', 'hash'] as const;
type Field = (typeof FIELDS)[number];

/** Any value a tamperer could write into a field, of the right type or not. */
const replacement: Record<Field, fc.Arbitrary<unknown>> = {
  seq: fc.oneof(fc.integer(), fc.double(), fc.string()),
  at: fc.oneof(instant, fc.string()),
  actor: fc.oneof(text, fc.constant(null)),
  action: text,
  subject: fc.oneof(text, fc.integer()),
  summary: fc.oneof(summary, fc.jsonValue()),
  prevHash: fc.oneof(hex64, fc.string()),
  hash: fc.oneof(hex64, fc.string()),
};

const EXPECTED_PROBLEM: Record<Field, string> = {
  seq: 'sequence',
  prevHash: 'link',
  hash: 'hash',
  at: 'hash',
  actor: 'hash',
  action: 'hash',
  subject: 'hash',
  summary: 'hash',
};

const edit = fc
  .constantFrom(...FIELDS)
  .chain((field) => fc.record({ field: fc.constant(field), value: replacement[field], where: fc.nat() }));

describe('audit chain properties', () => {
  it('every chain built with chainEntry verifies, with its last hash as head', () => {
    fc.assert(
      fc.property(chain, (entries) => {
        expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length, head: entries.at(-1)!.hash });
      }),
    );
  });

  it('editing any field of any entry is found, at that entry', () => {
    fc.assert(
      fc.property(chain, edit, (entries, { field, value, where }) => {
        const index = where % entries.length;
        const original = entries[index]!;
        // Only a change of meaning: the same canonical JSON (e.g. keys reordered) is no edit.
        fc.pre(canonicalJson(original[field]) !== canonicalJson(value));
        const tampered = entries.slice();
        tampered[index] = { ...original, [field]: value } as AuditEntry;
        expect(verifyChain(tampered)).toEqual({
          ok: false,
          brokenAt: index + 1,
          problem: EXPECTED_PROBLEM[field],
        });
      }),
      { numRuns: 500 },
    );
  });

  it('deleting any entry is found: by the chain itself, or, for the newest, against the published head', () => {
    fc.assert(
      fc.property(chain, fc.nat(), (entries, where) => {
        const index = where % entries.length;
        const published = { count: entries.length, head: entries.at(-1)!.hash };
        const shorter = entries.filter((_, i) => i !== index);
        const verdict = verifyChain(shorter);
        if (index < entries.length - 1) {
          expect(verdict).toEqual({ ok: false, brokenAt: index + 1, problem: 'sequence' });
        } else {
          expect(verdict.ok).toBe(true);
          expect(checkAnchor(shorter, published)).toEqual({ ok: false, problem: 'truncated' });
        }
      }),
    );
  });

  it('swapping any two entries is found at the first of them', () => {
    fc.assert(
      fc.property(
        chain.filter((entries) => entries.length >= 2),
        fc.nat(),
        fc.nat(),
        (entries, a, b) => {
          const i = a % entries.length;
          const j = b % entries.length;
          fc.pre(i !== j);
          const swapped = entries.slice();
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: Math.min(i, j) + 1 });
        },
      ),
    );
  });

  it('inserting an entry anywhere but at the end is found', () => {
    fc.assert(
      fc.property(chain, fc.nat(), auditFields, (entries, where, fields) => {
        const index = where % entries.length;
        // The most plausible forgery: a well-formed entry chained to the one it follows.
        const forged = chainEntry(index === 0 ? undefined : entries[index - 1], fields);
        const longer = [...entries.slice(0, index), forged, ...entries.slice(index)];
        const verdict = verifyChain(longer);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.brokenAt).toBe(index + 2);
      }),
    );
  });
});
