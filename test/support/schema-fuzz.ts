import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.1) the API document uses for request bodies. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: unknown[];
  minItems?: number;
  anyOf?: JsonSchema[];
}

const typesOf = (schema: JsonSchema): string[] =>
  schema.anyOf
    ? schema.anyOf.flatMap(typesOf)
    : Array.isArray(schema.type)
      ? schema.type
      : schema.type
        ? [schema.type]
        : [];

/** One value of each JSON type, labelled by the type it has. */
const OF_TYPE: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.constantFrom('1', 'true', 'x', '[]'),
  integer: fc.constantFrom(0, 1, -1, 7),
  number: fc.constantFrom(0.5, -2.25, 1e-7),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.constantFrom([], [1], ['a']),
  object: fc.constantFrom({}, { a: 1 }),
};

/** A value of a JSON type the schema does not allow (`number` allows integers too). */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const allowed = typesOf(schema);
  if (allowed.length === 0) return undefined;
  const wrong = Object.keys(OF_TYPE).filter(
    (type) => !allowed.includes(type) && !(type === 'integer' && allowed.includes('number')),
  );
  return fc.constantFrom(...wrong).chain((type) => OF_TYPE[type]!);
}

/** Text that shows nothing: zero-width, joiners, bidi marks, blank fillers, control characters. */
export const INVISIBLE_TEXT = [
  '\u200b',
  '\u200b\u200c\u200d',
  ' \u3000\t',
  '\u2060\ufeff',
  '\u2800\u3164',
  '\u00ad',
  '\u0000',
  '\u202e\u2066',
];

/** Values the schema refuses: wrong type, too long, too short, off-pattern, out of range. */
export function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  const wrong = wrongType(schema);
  if (wrong) options.push(wrong);
  const types = typesOf(schema);
  if (types.includes('string') && types.length === 1) {
    const { maxLength, minLength, pattern } = schema;
    if (maxLength !== undefined) {
      options.push(fc.integer({ min: 1, max: 40 }).map((extra) => 'x'.repeat(maxLength + extra)));
      // Characters outside the BMP, one more than the limit (lengths count characters).
      options.push(fc.constant('𠮷'.repeat(maxLength + 1)));
    }
    if ((minLength ?? 0) >= 1) {
      options.push(fc.constant(''));
      options.push(fc.constantFrom(...INVISIBLE_TEXT));
    }
    if (pattern) {
      const re = new RegExp(pattern, 'u');
      const off = ['', ' ', '!', '𠮷', 'a b', '<script>', '../..', 'X'.repeat(300), '\u0000'].filter(
        (s) => !re.test(s),
      );
      if (off.length > 0) options.push(fc.constantFrom(...off));
    }
    if (schema.enum) options.push(fc.constantFrom('not-a-choice', 'ADMIN', ''));
  }
  if ((types.includes('integer') || types.includes('number')) && !types.includes('null')) {
    const { minimum, maximum } = schema;
    if (types.includes('integer') && !types.includes('number'))
      options.push(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((n) => !Number.isInteger(n)));
    if (minimum !== undefined) {
      options.push(fc.constantFrom(minimum - 1, minimum - 1_000_000, -Number.MAX_SAFE_INTEGER));
    }
    if (maximum !== undefined) {
      options.push(fc.constantFrom(maximum + 1, Number.MAX_SAFE_INTEGER + 2, 1e300));
    }
  }
  if (types.includes('array') && types.length === 1) {
    if ((schema.minItems ?? 0) >= 1) options.push(fc.constant([]));
    if (schema.items) options.push(invalidValue(schema.items).map((item) => [item]));
  }
  if (types.includes('object') && types.length === 1) {
    const broken = invalidObject(schema, {});
    if (broken) options.push(broken);
  }
  return fc.oneof(...options);
}

/** Property names a client might try to smuggle in (mass assignment). */
const SMUGGLED = ['status', 'officeId', 'version', 'createdBy', 'role', 'isAdmin', 'ownerSub', 'pk'];

/**
 * `valid` broken in one place the schema defines: a property made invalid, a required one left
 * out, an unknown one added, or the same one level down.
 */
export function invalidObject(
  schema: JsonSchema,
  valid: Record<string, unknown>,
): fc.Arbitrary<unknown> | undefined {
  const options: fc.Arbitrary<unknown>[] = [];
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length > 0) {
    options.push(
      fc
        .constantFrom(...properties)
        .chain(([name, property]) => invalidValue(property).map((value) => ({ ...valid, [name]: value }))),
    );
  }
  const missing = (schema.required ?? []).filter((name) => name in valid);
  if (missing.length > 0) {
    options.push(
      fc
        .constantFrom(...missing)
        .map((name) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name))),
    );
  }
  if (schema.required && schema.required.length > 0 && Object.keys(valid).length === 0)
    options.push(fc.constant({}));
  if (schema.additionalProperties === false) {
    const unknown = SMUGGLED.filter((name) => !(name in (schema.properties ?? {})));
    options.push(
      fc
        .record({ name: fc.constantFrom(...unknown), value: fc.jsonValue({ maxDepth: 1 }) })
        .map(({ name, value }) => ({ ...valid, [name]: value })),
    );
  }
  const extra = schema.additionalProperties;
  if (typeof extra === 'object') {
    options.push(invalidValue(extra).map((value) => ({ ...valid, 'extra-key': value })));
  }
  for (const [name, property] of properties) {
    const inner = valid[name];
    const isObject = inner && typeof inner === 'object' && !Array.isArray(inner);
    const nested = isObject ? invalidObject(property, inner as Record<string, unknown>) : undefined;
    if (nested) options.push(nested.map((v) => ({ ...valid, [name]: v })));
    const first = Array.isArray(inner) && property.items ? inner[0] : undefined;
    const element =
      first && typeof first === 'object' && property.items
        ? invalidObject(property.items, first as Record<string, unknown>)
        : undefined;
    if (element && Array.isArray(inner))
      options.push(element.map((v) => ({ ...valid, [name]: [v, ...inner.slice(1)] })));
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}
