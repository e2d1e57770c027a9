/**
 * fast-check arbitraries from JSON Schema: values that are valid under a
 * schema (for the differential and upcast property tests), mutations of
 * them that may or may not be (for the differential test), and schemas
 * themselves, in the subset the generator translates. Independent of the
 * generator, so it can hold the generator to account.
 *
 * Property names are JSON's: own properties only. Objects are written with
 * own data properties (never `o[key] = v`, which for `__proto__` would set
 * the prototype), and names every object inherits (`toString`, `__proto__`)
 * are drawn as often as any other.
 */
import fc from 'fast-check';
import type { Catalogue, JsonSchema, JsonSchemaObject } from '../../src/catalogue/model.js';

type Resolver = (ref: string, baseId: string) => { schema: JsonSchema; baseId: string };

/** Resolves `$ref`s against the catalogue's shared definitions and a document's `$defs`. */
export function resolverFor(catalogue: Catalogue, documents: readonly JsonSchemaObject[] = []): Resolver {
  const byId = new Map<string, JsonSchemaObject>();
  for (const s of catalogue.shared) byId.set(s.id, s.json);
  byId.set(catalogue.envelope.id, catalogue.envelope.json);
  for (const e of catalogue.events) for (const c of e.contracts) for (const v of c.versions) byId.set(v.schema.id, v.schema.json);
  for (const d of documents) byId.set(String(d.$id), d);
  return (ref, baseId) => {
    const url = new URL(ref, baseId);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const document = byId.get(url.href);
    if (!document) throw new Error(`cannot resolve ${ref} from ${baseId}`);
    if (fragment === '') return { schema: document, baseId: url.href };
    const key = /^\/\$defs\/(.+)$/u.exec(fragment)?.[1];
    const schema = key ? (document.$defs as Record<string, JsonSchema> | undefined)?.[key] : undefined;
    if (schema === undefined) throw new Error(`cannot resolve ${ref}`);
    return { schema, baseId: url.href };
  };
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));

/** Any RFC 4122-shaped UUID, any version, any case. */
const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((groups) => groups.join('-'));

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const date = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    const last = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
    return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
  });
const offset = fc.oneof(
  fc.constantFrom('Z', 'z', '+00:00'),
  fc.tuple(fc.constantFrom('+', '-'), digits(2, 14), fc.constantFrom('00', '30', '45')).map(([s, h, m]) => `${s}${h}:${m}`),
);
/** RFC 3339 date-times with every offset form and 0 to 9 fractional digits. */
const dateTime = fc
  .tuple(
    date,
    fc.constantFrom('T', 't'),
    digits(2, 23),
    digits(2, 59),
    digits(2, 59),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 0, max: 999_999_999 }),
    offset,
  )
  .map(([d, t, h, m, s, n, fraction, o]) => `${d}${t}${h}:${m}:${s}${n > 0 ? `.${String(fraction).padStart(9, '0').slice(0, n)}` : ''}${o}`);
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 12 });

/** Property names worth drawing: ordinary ones, names every object inherits from Object.prototype, and names that are not identifiers. */
export const PROPERTY_NAMES = {
  ordinary: ['a', 'b', 'id', 'name'],
  inherited: ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', '__defineGetter__'],
  notIdentifiers: ['1st', 'My Thing', 'a-b', ''],
} as const;
const NAMES: readonly string[] = Object.values(PROPERTY_NAMES).flat();
const propertyName = fc.constantFrom(...NAMES);

/** Sets `key` as an own data property, so that `__proto__` is data. */
const setOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
const uri = fc
  .tuple(fc.constantFrom('https', 'http', 'urn'), word, fc.array(word, { maxLength: 3 }))
  .map(([scheme, host, path]) => (scheme === 'urn' ? `urn:${host}:${path.join(':') || 'x'}` : `${scheme}://${host}.example/${path.join('/')}`));
const email = fc.tuple(word, word).map(([user, host]) => `${user}@${host}.example`);

const FORMATS: Record<string, fc.Arbitrary<string>> = { uuid, date, 'date-time': dateTime, uri, email };

/** Strings of code points (astral ones included) between the bounds, as JSON Schema counts them. */
const text = (min: number, max: number) =>
  fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: max }), fc.string({ unit: 'binary', minLength: min, maxLength: max }));

/** Values valid under `schema`. */
export function valid(schema: JsonSchema, baseId: string, resolve: Resolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema === true) return fc.jsonValue({ maxDepth: 2 });
  if (schema === false) throw new Error('no value is valid under false');
  if (depth > 24) throw new Error('schema nests too deeply');
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, baseId);
    return valid(target.schema, target.baseId, resolve, depth + 1);
  }
  if (Array.isArray(schema.anyOf)) return fc.oneof(...schema.anyOf.map((s) => valid(s as JsonSchema, baseId, resolve, depth + 1)));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => typed(type, schema, baseId, resolve, depth)));
}

function typed(type: string, schema: JsonSchemaObject, baseId: string, resolve: Resolver, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = bound(schema.minimum, schema.exclusiveMinimum, 1, type === 'integer');
      const max = bound(schema.maximum, schema.exclusiveMaximum, -1, type === 'integer');
      if (type === 'integer') return fc.integer({ min: min ?? -1_000_000, max: max ?? 1_000_000 });
      return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
    }
    case 'string': {
      if (typeof schema.format === 'string') {
        const arbitrary = FORMATS[schema.format];
        if (!arbitrary) throw new Error(`no arbitrary for format ${schema.format}`);
        return arbitrary;
      }
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
      if (typeof schema.pattern === 'string') {
        const pattern = new RegExp(schema.pattern, 'u');
        return fc.stringMatching(pattern).filter((s) => [...s].length >= min && [...s].length <= max);
      }
      // Long limits are sampled near the lower bound and at the limit itself: both are valid.
      const window = Math.min(max, min + 24);
      return Number.isFinite(max) && max > window ? fc.oneof(text(min, window), text(max, max)) : text(min, window);
    }
    case 'array': {
      const items = schema.items === undefined ? fc.jsonValue({ maxDepth: 1 }) : valid(schema.items as JsonSchema, baseId, resolve, depth + 1);
      const constraints = { minLength: (schema.minItems as number | undefined) ?? 0, maxLength: (schema.maxItems as number | undefined) ?? 4 };
      return schema.uniqueItems === true ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valid(s, baseId, resolve, depth + 1)]));
      const known = fc.record(shape, { requiredKeys: required });
      if (schema.additionalProperties === false) return known;
      const extra = fc.uniqueArray(fc.tuple(fc.oneof(word, propertyName), fc.jsonValue({ maxDepth: 1 })), { maxLength: 2, selector: ([k]) => k });
      return fc.tuple(known, extra).map(([k, e]) => {
        const out = { ...k };
        for (const [key, value] of e) if (!Object.hasOwn(properties, key)) setOwn(out, key, value);
        return out;
      });
    }
    default:
      throw new Error(`no arbitrary for type ${type}`);
  }
}

function bound(inclusive: unknown, exclusive: unknown, direction: 1 | -1, integer: boolean): number | undefined {
  if (typeof exclusive === 'number') return integer ? (direction === 1 ? Math.floor(exclusive) + 1 : Math.ceil(exclusive) - 1) : exclusive + direction * 1e-9;
  if (typeof inclusive === 'number') return integer ? (direction === 1 ? Math.ceil(inclusive) : Math.floor(inclusive)) : inclusive;
  return undefined;
}

/** One change to a JSON value at a random place: its verdict may go either way, which is the point. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([value, where, how, replacement]) => mutate(value, where, how, replacement));
}

type Place = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place in a JSON value where a child sits, depth first. */
function placesIn(node: unknown, out: Place[] = []): Place[] {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) {
      out.push({ parent: node, key: i });
      placesIn(child, out);
    }
  } else if (typeof node === 'object' && node !== null) {
    for (const [k, child] of Object.entries(node)) {
      out.push({ parent: node as Record<string, unknown>, key: k });
      placesIn(child, out);
    }
  }
  return out;
}

function mutate(value: unknown, where: number, how: number, replacement: unknown): unknown {
  const copy = structuredClone(value);
  const places = placesIn(copy);
  if (places.length === 0) return replacement;
  const { parent, key } = places[where % places.length] as Place;
  const slots = parent as Record<string | number, unknown>;
  const current = slots[key];
  const set = (k: string | number, v: unknown) => {
    if (Array.isArray(parent)) parent[k as number] = v;
    else setOwn(parent, String(k), v);
  };
  switch (how % 9) {
    case 0:
      set(key, replacement);
      break;
    case 1:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 2:
      if (!Array.isArray(parent)) set(`${String(key)}X`, replacement);
      break;
    case 3:
      if (typeof current === 'string') set(key, `${current}\u{1F600}`);
      break;
    case 4:
      if (typeof current === 'string') set(key, current.slice(0, -1));
      break;
    case 5:
      if (typeof current === 'number') set(key, current + 0.5);
      break;
    case 6:
      if (typeof current === 'number') set(key, current * 1e6);
      break;
    case 7:
      // A property named as one every object inherits, or not as an identifier.
      if (!Array.isArray(parent)) set(NAMES[Math.floor(how / 9) % NAMES.length] as string, replacement);
      break;
    default:
      set(key, null);
  }
  return copy;
}

const scalar = fc.oneof(word, fc.constantFrom(...NAMES), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null));
const optionalEntries = (entries: ReadonlyArray<readonly [string, unknown]>) => Object.fromEntries(entries.filter(([, v]) => v !== undefined));

const stringSchema = fc.oneof(
  fc.constantFrom(...Object.keys(FORMATS)).map((format) => ({ type: 'string', format })),
  fc
    .tuple(
      fc.option(fc.nat(3), { nil: undefined }),
      fc.option(fc.nat(6), { nil: undefined }),
      fc.option(fc.constantFrom('^[a-z]*$', '[0-9]', '^\\p{Lu}'), { nil: undefined }),
    )
    .map(([min, span, pattern]) =>
      optionalEntries([
        ['type', 'string'],
        ['minLength', min],
        // A pattern with a short maximum may match nothing (^\p{Lu} in 0 characters): values are drawn by filtering, which would not end.
        ['maxLength', span === undefined || pattern !== undefined ? undefined : (min ?? 0) + span],
        ['pattern', pattern],
      ]),
    ),
);
const numberSchema = fc
  .tuple(fc.constantFrom('integer', 'number'), fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }), fc.option(fc.nat(20), { nil: undefined }))
  .map(([type, min, span]) =>
    optionalEntries([
      ['type', type],
      ['minimum', min],
      ['maximum', span === undefined ? undefined : (min ?? 0) + span],
    ]),
  );
const leafSchema: fc.Arbitrary<JsonSchema> = fc.oneof(
  stringSchema,
  numberSchema,
  fc.constantFrom({ type: 'boolean' }, { type: 'null' }, { type: ['string', 'null'] }, true),
  fc.uniqueArray(scalar, { minLength: 1, maxLength: 4, selector: (v) => JSON.stringify(v) }).map((values) => ({ enum: values })),
  scalar.map((value) => ({ const: value })),
);

/** An object schema over `properties`, some of them required, closed or not. */
const objectOver = (properties: fc.Arbitrary<ReadonlyArray<readonly [string, JsonSchema]>>, always: readonly string[] = []) =>
  fc.tuple(properties, fc.constantFrom(undefined, true, false)).chain(([entries, additionalProperties]) =>
    fc.subarray(entries.map(([name]) => name)).map(
      (required): JsonSchemaObject =>
        optionalEntries([
          ['type', 'object'],
          ['additionalProperties', additionalProperties],
          ['required', [...new Set([...always, ...required])]],
          ['properties', Object.fromEntries(entries)],
        ]),
    ),
  );

/**
 * JSON Schemas in the subset the generator translates (types, string and
 * number bounds, patterns, formats, enum, const, objects open and closed,
 * arrays, anyOf, with and without a const property telling its branches
 * apart), with property names from {@link PROPERTY_NAMES}. Every schema
 * accepts some value, so {@link valid} can draw from it.
 */
export const schemas: fc.Arbitrary<JsonSchemaObject> = fc
  .letrec<{ schema: JsonSchema; object: JsonSchemaObject; array: JsonSchemaObject; anyOf: JsonSchemaObject; tagged: JsonSchemaObject }>((tie) => {
    const properties = fc.uniqueArray(fc.tuple(propertyName, tie('schema')), { maxLength: 4, selector: ([name]) => name });
    return {
      schema: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leafSchema, tie('object'), tie('array'), tie('anyOf'), tie('tagged')),
      object: objectOver(properties),
      array: fc
        .tuple(tie('schema'), fc.option(fc.nat(2), { nil: undefined }), fc.option(fc.nat(3), { nil: undefined }), fc.boolean())
        .map(([items, min, span, unique]) =>
          optionalEntries([
            ['type', 'array'],
            ['items', items],
            ['minItems', min],
            ['maxItems', span === undefined ? undefined : (min ?? 0) + span],
            // Unique items are only drawn where there are enough distinct values to draw: any JSON value.
            ['uniqueItems', unique && items === true ? true : undefined],
          ]),
        ),
      anyOf: fc.array(tie('schema'), { minLength: 2, maxLength: 3 }).map((branches) => ({ anyOf: branches })),
      // Branches told apart by a required const property, named as anything may be.
      tagged: fc.tuple(propertyName, fc.uniqueArray(word, { minLength: 2, maxLength: 3 })).chain(([tag, values]) =>
        fc
          .tuple(
            ...values.map((value) =>
              objectOver(
                properties.map((entries) => [[tag, { const: value }] as const, ...entries.filter(([name]) => name !== tag)]),
                [tag],
              ),
            ),
          )
          .map((branches) => ({ anyOf: branches })),
      ),
    };
  })
  .object.map((schema) => schema);

/** The schema as readers' open variant reads it: every `additionalProperties: false` dropped (property names are left alone). */
export function opened(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object') return schema;
  const out: JsonSchemaObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'additionalProperties' && value === false) continue;
    const mapped =
      keyword === 'properties' || keyword === '$defs'
        ? Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, sub]) => [name, opened(sub)]))
        : keyword === 'items'
          ? opened(value as JsonSchema)
          : keyword === 'anyOf'
            ? (value as JsonSchema[]).map(opened)
            : value;
    setOwn(out, keyword, mapped);
  }
  return out;
}
