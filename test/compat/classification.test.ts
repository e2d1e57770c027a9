/**
 * The engine's verdict on schema changes, case by case: Confluent Schema
 * Registry's JSON Schema compatibility cases (content model, enums, types,
 * bounds, patterns, formats, required, items, anyOf), and this catalogue's
 * own history.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject, SchemaFile } from '../../src/catalogue/model.js';
import { type Compatibility, classifySchemas } from '../../src/compat/engine.js';
import type { SchemaDocuments } from '../../src/schema/ref.js';
import { catalogueDocuments, documentsOf, inline, versionFile } from './schema-files.js';

const obj = (properties: Record<string, JsonSchemaObject>, extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'object', properties, ...extra });
const closed = (properties: Record<string, JsonSchemaObject>, extra: JsonSchemaObject = {}) => obj(properties, { additionalProperties: false, ...extra });
const str = { type: 'string' };
const num = { type: 'number' };
const staff = inline(closed({ staffCode: str, surname: str }, { required: ['staffCode', 'surname'] }), 'staff');
const staffWithUsername = inline(closed({ staffCode: str, surname: str, username: str }, { required: ['staffCode', 'surname'] }), 'staff');

interface Case {
  readonly given: { readonly older: SchemaFile; readonly newer: SchemaFile; readonly documents?: SchemaDocuments };
  readonly want: Compatibility;
}
const change = (older: JsonSchemaObject, newer: JsonSchemaObject, want: Compatibility, documents?: SchemaDocuments): Case => ({
  given: { older: inline(older, 'older'), newer: inline(newer, 'newer'), ...(documents ? { documents } : {}) },
  want,
});
/** A step of a CAS1 detail contract's history (the notifications are all version 1). */
const history = (eventType: string, from: number, to: number, want: Compatibility): Case => ({
  given: { older: versionFile(eventType, from, 'detail'), newer: versionFile(eventType, to, 'detail'), documents: catalogueDocuments },
  want,
});

const cases: [string, Case][] = [
  // Content model (Confluent: PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL and friends).
  ['optional property added to an open model', change(obj({ a: str }), obj({ a: str, b: num }), 'forward')],
  ['optional property added to a closed model', change(closed({ a: str }), closed({ a: str, b: num }), 'backward')],
  ['property removed from a closed model', change(closed({ a: str, b: num }), closed({ a: str }), 'forward')],
  ['property removed from an open model', change(obj({ a: str, b: num }), obj({ a: str }), 'backward')],
  ['property with an empty schema added to an open model', change(obj({ a: str }), obj({ a: str, b: {} }), 'full')],
  ['object closed (additionalProperties: false added)', change(obj({ a: str }), closed({ a: str }), 'forward')],
  ['object opened (additionalProperties: false removed)', change(closed({ a: str }), obj({ a: str }), 'backward')],
  ['property type changed inside a closed object', change(closed({ a: str }), closed({ a: num }), 'none')],
  ['nested property narrowed inside a closed object', change(closed({ n: closed({ x: num }) }), closed({ n: closed({ x: { type: 'integer' } }) }), 'forward')],
  // required
  ['existing property made required', change(closed({ a: str }), closed({ a: str }, { required: ['a'] }), 'forward')],
  ['property no longer required', change(closed({ a: str }, { required: ['a'] }), closed({ a: str }), 'backward')],
  ['new required property in a closed model', change(closed({ a: str }), closed({ a: str, b: str }, { required: ['b'] }), 'none')],
  // enum and const
  ['enum extended', change({ enum: ['red'] }, { enum: ['red', 'blue'] }, 'backward')],
  ['enum narrowed', change({ enum: ['red', 'blue'] }, { enum: ['red'] }, 'forward')],
  ['enum value replaced', change({ enum: ['red'] }, { enum: ['blue'] }, 'none')],
  ['enum removed, type kept', change({ type: 'string', enum: ['red'] }, { type: 'string' }, 'backward')],
  ['enum added to a string', change({ type: 'string' }, { type: 'string', enum: ['red'] }, 'forward')],
  ['const changed', change({ const: 'A' }, { const: 'B' }, 'none')],
  ['const widened to an enum holding it', change({ const: 'A' }, { enum: ['A', 'B'] }, 'backward')],
  ['one-value enum rewritten as const', change({ enum: ['A'] }, { const: 'A' }, 'full')],
  // type
  ['type narrowed from number to integer', change(num, { type: 'integer' }, 'forward')],
  ['type widened from integer to number', change({ type: 'integer' }, num, 'backward')],
  ['type changed from string to number', change(str, num, 'none')],
  ['type list extended (object to object or array)', change({ type: ['object'] }, { type: ['object', 'array'] }, 'backward')],
  ['null added to the type', change(str, { type: ['string', 'null'] }, 'backward')],
  ['null removed from the type', change({ type: ['string', 'null'] }, str, 'forward')],
  ['anything can change to the empty schema', change({ type: 'object', properties: {} }, {}, 'backward')],
  // bounds
  ['maxLength reduced', change({ type: 'string', maxLength: 12 }, { type: 'string', maxLength: 10 }, 'forward')],
  ['maxLength increased', change({ type: 'string', maxLength: 10 }, { type: 'string', maxLength: 12 }, 'backward')],
  ['minLength increased', change({ type: 'string', minLength: 10 }, { type: 'string', minLength: 11 }, 'forward')],
  ['minLength decreased', change({ type: 'string', minLength: 11 }, { type: 'string', minLength: 10 }, 'backward')],
  ['maximum decreased', change({ type: 'number', maximum: 11 }, { type: 'number', maximum: 10 }, 'forward')],
  ['maximum removed', change({ type: 'number', maximum: 10 }, num, 'backward')],
  ['minimum increased', change({ type: 'number', minimum: 10 }, { type: 'number', minimum: 11 }, 'forward')],
  ['minimum decreased', change({ type: 'number', minimum: 11 }, { type: 'number', minimum: 10 }, 'backward')],
  ['minimum 0 made exclusive', change({ type: 'number', minimum: 0 }, { type: 'number', exclusiveMinimum: 0 }, 'forward')],
  ['integer minimum 1 rewritten as exclusiveMinimum 0', change({ type: 'integer', minimum: 1 }, { type: 'integer', exclusiveMinimum: 0 }, 'full')],
  ['minItems increased', change({ type: 'array', minItems: 1 }, { type: 'array', minItems: 2 }, 'forward')],
  ['maxItems decreased', change({ type: 'array', maxItems: 2 }, { type: 'array', maxItems: 1 }, 'forward')],
  ['minItems removed', change({ type: 'array', minItems: 1 }, { type: 'array' }, 'backward')],
  // arrays
  ['uniqueItems added', change({ type: 'array' }, { type: 'array', uniqueItems: true }, 'forward')],
  ['uniqueItems removed', change({ type: 'array', uniqueItems: true }, { type: 'array' }, 'backward')],
  ['items schema added to an array of anything', change({ type: 'array' }, { type: 'array', items: str }, 'forward')],
  ['items schema removed', change({ type: 'array', items: str }, { type: 'array' }, 'backward')],
  ['items type changed', change({ type: 'array', items: str }, { type: 'array', items: num }, 'none')],
  // strings
  ['pattern added', change(str, { type: 'string', pattern: '^[A-Z]$' }, 'forward')],
  ['pattern removed', change({ type: 'string', pattern: '^[A-Z]$' }, str, 'backward')],
  ['pattern changed (undecidable)', change({ type: 'string', pattern: '^[A-Z]{2}$' }, { type: 'string', pattern: '^[A-Z]{2,3}$' }, 'none')],
  ['pattern unchanged', change({ type: 'string', pattern: '^[A-Z]$' }, { type: 'string', pattern: '^[A-Z]$' }, 'full')],
  ['format added', change(str, { type: 'string', format: 'uuid' }, 'forward')],
  ['format removed', change({ type: 'string', format: 'uuid' }, str, 'backward')],
  ['format changed from date-time to date', change({ type: 'string', format: 'date-time' }, { type: 'string', format: 'date' }, 'none')],
  // anyOf
  ['anyOf branch added', change({ anyOf: [str] }, { anyOf: [num, str] }, 'backward')],
  ['anyOf branch removed', change({ anyOf: [num, str] }, { anyOf: [str] }, 'forward')],
  ['anyOf branch changed', change({ anyOf: [str] }, { anyOf: [num] }, 'none')],
  [
    'made nullable with anyOf and a $ref',
    change({ $ref: 'staff.schema.json' }, { anyOf: [{ $ref: 'staff.schema.json' }, { type: 'null' }] }, 'backward', documentsOf(staff)),
  ],
  // $ref
  ['moved into a $ref to an identical shared schema', change(staff.json, { $ref: 'staff.schema.json' }, 'full', documentsOf(staff))],
  ['local $defs entry changed behind a $ref', change({ $ref: '#/$defs/x', $defs: { x: str } }, { $ref: '#/$defs/x', $defs: { x: num } }, 'none')],
  ['shared schema gained an optional property', change(staff.json, { $ref: 'staff.schema.json' }, 'backward', documentsOf(staffWithUsername))],
  [
    'annotations only',
    change(closed({ a: str }), closed({ a: { ...str, description: 'A', examples: ['x'], deprecated: true } }, { title: 'T', $comment: 'c' }), 'full'),
  ],
  // This catalogue's history.
  ['booking.cancelled v2 added required fields (needs an upcaster)', history('approved-premises.booking.cancelled', 1, 2, 'none')],
  ['booking.made v2 added the required, nullable characteristics', history('approved-premises.booking.made', 1, 2, 'none')],
  ['booking.changed v2 added the required previous dates', history('approved-premises.booking.changed', 1, 2, 'none')],
  ['application.assessed v2 added the required, nullable assessmentId', history('approved-premises.application.assessed', 1, 2, 'none')],
  ['application.expired v2 added the required expiry reason', history('approved-premises.application.expired', 1, 2, 'none')],
  ['person.arrived v2 added the required recordedBy', history('approved-premises.person.arrived', 1, 2, 'none')],
  ['person.departed v2 added the required recordedBy', history('approved-premises.person.departed', 1, 2, 'none')],
  ['request-for-placement.created v2 changed meaning only', history('approved-premises.request-for-placement.created', 1, 2, 'full')],
];

describe('classifying a schema change', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('%s', (_name, { given, want }) => {
    const result = classifySchemas(given.older, given.newer, given.documents ?? new Map(), { older: 'old', newer: 'new' });
    expect(result.problems).toEqual([]);
    expect(result.compatibility).toBe(want);
    // A failing direction always says why; a passing one has nothing to say.
    expect(result.backward.length > 0).toBe(want === 'forward' || want === 'none');
    expect(result.forward.length > 0).toBe(want === 'backward' || want === 'none');
  });

  it('says when it cannot decide, and counts that as breaking both ways', () => {
    const result = classifySchemas(inline({ type: 'string', pattern: '^a' }), inline({ type: 'string', pattern: '^b' }), new Map());
    expect(result.backward).toMatchObject([{ code: 'pattern-changed', decided: false }]);
    expect(result.forward).toMatchObject([{ code: 'pattern-changed', decided: false }]);
  });

  it('names the versions and the place in each reason', () => {
    const result = classifySchemas(
      versionFile('approved-premises.booking.cancelled', 1, 'detail'),
      versionFile('approved-premises.booking.cancelled', 2, 'detail'),
      catalogueDocuments,
      {
        older: 'v1',
        newer: 'v2',
      },
    );
    expect(result.backward).toEqual([
      expect.objectContaining({
        code: 'required-added',
        pointer: '/properties/cancelledAtDate',
        message: 'v2 requires "cancelledAtDate", v1 does not',
        decided: true,
      }),
      expect.objectContaining({ code: 'required-added', pointer: '/properties/cancellationRecordedAt', decided: true }),
    ]);
  });
});
