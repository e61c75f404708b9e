import { beforeAll, describe, expect, it } from 'vitest';
import { SCORE_FIELDS, UNITS, unitOf } from '../../functions/http/openapi-units.ts';
import { createPortalApp } from '../../functions/portal/app.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { call } from '../support/http.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

describe('units in the OpenAPI document', () => {
  it('says fen for every money field, hundredths of a point for every score, UTC for every time; scores are integers', async () => {
    const { body: document } = await call(createPortalApp(h.deps), 'GET', '/api/openapi.json');
    const found: Record<string, string[]> = { money: [], score: [], time: [] };
    const seen = new Set<unknown>();
    const check = (field: string, schema: any, siblings: string[]) => {
      const unit = unitOf(field, siblings);
      if (!unit) return;
      const scalars = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter(
        (s: any) => s.type && s.type !== 'null' && s.type !== 'object',
      );
      // A time is a string; a `…At` count (an audit entry's `brokenAt`) is not one.
      if (unit === 'time' && !scalars.some((s: any) => [s.type].flat().includes('string'))) return;
      for (const scalar of scalars) {
        if (unit === 'time') expect(scalar.format, field).toBe('date-time');
        else expect([scalar.type].flat(), field).toContain('integer');
        expect([scalar.type].flat(), field).not.toContain('number');
      }
      const values = schema.additionalProperties;
      if (values && typeof values === 'object') expect([values.type].flat(), field).toContain('integer');
      const described = [schema, ...scalars].some((s: any) => s.description?.startsWith(UNITS[unit]));
      expect(described, `${field}: ${JSON.stringify(schema)}`).toBe(true);
      found[unit]!.push(field);
    };
    const walk = (schema: any) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      const fields = Object.keys(schema.properties ?? {});
      for (const [field, property] of Object.entries<any>(schema.properties ?? {})) {
        check(field, property, fields);
        walk(property);
      }
      for (const value of Object.values(schema)) walk(value);
    };
    walk(document);
    expect(found.money).toEqual(expect.arrayContaining(['budgetFen', 'capFen', 'requestedFen', 'amountFen']));
    expect(found.score).toEqual(expect.arrayContaining(['maxPoints', 'scores', 'total']));
    expect(found.time).toEqual(expect.arrayContaining(['submissionDeadline', 'createdAt', 'publishedAt']));
    expect(SCORE_FIELDS.size).toBeGreaterThan(3);
  });
});
