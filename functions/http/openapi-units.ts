/**
 * Units in the API document, stated by one rule per kind of field (the product's naming
 * convention), so no schema can forget them:
 * - money: every `…Fen` field (and every value of a `…Fen` map) is an integer number of fen;
 * - scores: the score fields are integer hundredths of a point;
 * - times: every `…At` and `…Deadline` field is an ISO-8601 time in UTC.
 * Walks the generated OpenAPI 3.1 document and fills in each field's type, format and a
 * description that starts with its unit.
 */
type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  type?: string | string[];
  format?: string;
};

/** Fields that carry scores, in hundredths of a point (2550 = 25.50 points). */
export const SCORE_FIELDS = new Set([
  'maxPoints',
  'minScore',
  'score',
  'scores',
  'totalScore',
  'mean',
  'criterionScores',
  'outlierMargin',
]);

export const UNITS = {
  money: 'Integer fen (100 fen = 1 yuan).',
  score: 'Integer hundredths of a point (2550 = 25.50 points).',
  time: 'ISO-8601 time in UTC (people read it in Beijing time, UTC+8).',
} as const;

export type Unit = keyof typeof UNITS;

/**
 * The unit a field carries by its name, if any; `siblings` are the other fields of its object
 * (a `total` beside `scores` is a score sheet's total; elsewhere it counts things).
 */
export function unitOf(field: string, siblings: readonly string[] = []): Unit | undefined {
  if (/Fen$/.test(field)) return 'money';
  if (SCORE_FIELDS.has(field)) return 'score';
  if (field === 'total' && siblings.some((s) => s === 'scores' || s === 'criterionScores')) return 'score';
  if (/(At|Deadline)$/.test(field)) return 'time';
  return undefined;
}

function isType(schema: Schema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

/** True when the schema (or one of its alternatives) is a string: times are strings. */
function holdsString(schema: Schema): boolean {
  return isType(schema, 'string') || [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(holdsString);
}

/**
 * Marks one schema (a field's, or a map value's, or a list item's) with `unit`. A `…At` field
 * that is not a string (an audit entry's `brokenAt` position) is not a time.
 */
function mark(schema: Schema, unit: Unit): void {
  if (unit === 'time' && !holdsString(schema)) return;
  for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) mark(part, unit);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    mark(schema.additionalProperties, unit);
  if (schema.items) mark(schema.items, unit);
  if (unit === 'time' && isType(schema, 'string')) schema.format = 'date-time';
  if (unit !== 'time' && isType(schema, 'number')) {
    schema.type = Array.isArray(schema.type)
      ? schema.type.map((t) => (t === 'number' ? 'integer' : t))
      : 'integer';
  }
  const scalar = isType(schema, 'integer') || isType(schema, 'string') || schema.additionalProperties;
  if (scalar && !schema.description?.startsWith(UNITS[unit]))
    schema.description = [UNITS[unit], schema.description].filter(Boolean).join(' ');
}

function walk(schema: unknown, seen: Set<unknown>): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Schema;
  const fields = Object.keys(s.properties ?? {});
  for (const [field, property] of Object.entries(s.properties ?? {})) {
    const unit = unitOf(field, fields);
    if (unit) mark(property, unit);
    walk(property, seen);
  }
  walk(s.items, seen);
  walk(s.additionalProperties, seen);
  for (const part of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(part, seen);
}

/** Adds the units to every schema of the document, in place, and returns it. */
export function annotateUnits<D extends object>(document: D): D {
  walkDocument(document, new Set());
  return document;
}

function walkDocument(node: unknown, seen: Set<unknown>): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  if ('properties' in node) walk(node, seen);
  else seen.add(node);
  for (const value of Object.values(node)) walkDocument(value, seen);
}
