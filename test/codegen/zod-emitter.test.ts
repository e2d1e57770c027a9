/**
 * The emitter, keyword by keyword: each case's schema is translated, the
 * printed code is evaluated, and every value must be judged as the case says
 * and as Ajv judges it. Then the schemas the emitter must refuse, with the
 * JSON Pointer it must name.
 */

import { Validator } from '@cfworker/json-schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { JsonSchemaObject } from '../../src/catalogue/model.js';
import { ConfigError } from '../../src/errors.js';
import { addPackageFormats } from '../support/ajv.js';
import { opened } from '../support/arbitrary.js';
import { emittedCode, emittedValidator, TEST_ID } from '../support/emit.js';

type Case = { schema: JsonSchemaObject; valid: unknown[]; invalid: unknown[] };

const cases: Array<[string, Case]> = [
  ['minLength counts code points', { schema: { type: 'string', minLength: 2 }, valid: ['ab', '😀😀', 'é😀'], invalid: ['a', '😀', ''] }],
  ['maxLength counts code points', { schema: { type: 'string', maxLength: 1 }, valid: ['😀', 'a', ''], invalid: ['ab', '😀😀'] }],
  ['minLength 1 rejects only the empty string', { schema: { type: 'string', minLength: 1 }, valid: ['a', '😀'], invalid: ['', 1] }],
  ['integer is any whole number, beyond 2^53 too', { schema: { type: 'integer' }, valid: [1, 1.0, -3, 2 ** 60], invalid: [1.5, '1', null, true] }],
  ['integer bounds', { schema: { type: 'integer', minimum: 1, maximum: 100 }, valid: [1, 100], invalid: [0, 101, 50.5] }],
  ['exclusive bounds', { schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, valid: [0.5, 1e-9], invalid: [0, 1, -1] }],
  ['a type list', { schema: { type: ['string', 'null'], minLength: 2 }, valid: ['ab', null], invalid: ['a', 1, {}] }],
  ['enum of mixed values', { schema: { enum: ['a', 1, null, true] }, valid: ['a', 1, null, true], invalid: ['b', 2, false, '1'] }],
  ['const', { schema: { const: 'CRN' }, valid: ['CRN'], invalid: ['crn', 'NOMS', null] }],
  [
    'format uuid is syntax only',
    {
      schema: { type: 'string', format: 'uuid' },
      valid: ['00000000-0000-0000-0000-000000000000', '0418EA5B-8C2F-4B0E-9A55-8D3A1F0F3E11', 'e8887df9-b31b-ee9f-ce0b-7f2b1c5d8a01'],
      invalid: ['0418ea5b8c2f4b0e9a558d3a1f0f3e11', 'not-a-uuid', '0418ea5b-8c2f-4b0e-9a55-8d3a1f0f3e1', 'urn:uuid:0418EA5B-8C2F-4B0E-9A55-8D3A1F0F3E11'],
    },
  ],
  [
    'format date-time needs an offset and takes any fraction',
    {
      schema: { type: 'string', format: 'date-time' },
      valid: [
        '2024-06-13T17:52:26.55647055+01:00',
        '2024-06-13T17:52:26.556470551Z',
        '2016-12-31T23:59:60Z',
        '2024-01-01t10:00:00z',
        '2024-01-01T10:00:00-23:59',
      ],
      invalid: [
        '2022-11-30T14:53:44',
        '2024-01-01T10:00:00+01:00[Europe/London]',
        '2024-02-30T00:00:00Z',
        '2024-01-01T24:00:00Z',
        '2024-01-01T10:00:60Z',
        '2024-01-01 10:00:00+01:00',
        '2024-01-01T10:00:00+0100',
        '2024-01-01T10:00:00+01',
        '',
      ],
    },
  ],
  [
    'format date',
    { schema: { type: 'string', format: 'date' }, valid: ['2024-02-29', '2000-02-29'], invalid: ['2023-02-29', '1900-02-29', '2024-13-01', '2024-1-01'] },
  ],
  [
    'format uri is absolute',
    {
      schema: { type: 'string', format: 'uri' },
      valid: ['https://example.org/a?b=c#d', 'urn:isbn:0451450523', 'http://[::1]:80/'],
      invalid: ['relative/path', 'https://exa mple.org', '//example.org', 'http://example.org:abc/', 'http:/[::1]'],
    },
  ],
  [
    'format email',
    { schema: { type: 'string', format: 'email' }, valid: ['a.b@example.org', '"a b"@example.org'], invalid: ['a@', '@b.org', 'a b@c.org', 'a..b@c.org'] },
  ],
  ['pattern with the u flag', { schema: { type: 'string', pattern: '^\\p{Lu}[0-9]{2}$' }, valid: ['É12', 'X00'], invalid: ['é12', 'X1', 'X123'] }],
  ['pattern is not anchored unless it says so', { schema: { type: 'string', pattern: '[0-9]' }, valid: ['a1b'], invalid: ['abc'] }],
  [
    'closed object',
    {
      schema: { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } },
      valid: [{ a: 'x' }, { a: 'x', b: 1 }],
      invalid: [{ b: 1 }, { a: 'x', c: 1 }, ['x'], null, 'x'],
    },
  ],
  ['open object', { schema: { type: 'object', properties: { a: { type: 'string' } } }, valid: [{}, { a: 'x', z: [1] }], invalid: [{ a: 1 }, [], null] }],
  ['arrays', { schema: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 }, valid: [[1], [1, 2]], invalid: [[], [1, 2, 3], ['1'], {}] }],
  [
    'uniqueItems compares by value',
    {
      schema: { type: 'array', uniqueItems: true },
      valid: [[1, '1', { a: 1 }, { a: 2 }]],
      invalid: [
        [
          { a: 1, b: 2 },
          { b: 2, a: 1 },
        ],
        [[1], [1]],
        [1, 1],
      ],
    },
  ],
  [
    'anyOf with a const discriminator',
    {
      schema: {
        anyOf: [
          { type: 'object', required: ['kind'], properties: { kind: { const: 'a' }, x: { type: 'string' } } },
          { type: 'object', required: ['kind', 'y'], properties: { kind: { const: 'b' }, y: { type: 'integer' } } },
        ],
      },
      valid: [{ kind: 'a' }, { kind: 'b', y: 1 }],
      invalid: [{ kind: 'c' }, { kind: 'b' }, { y: 1 }, 'a'],
    },
  ],
  ['anyOf without one', { schema: { anyOf: [{ type: 'string', minLength: 3 }, { type: 'integer' }] }, valid: ['abc', 3], invalid: ['ab', 1.5, null] }],
  ['boolean schemas', { schema: { type: 'object', properties: { yes: true, no: false } }, valid: [{ yes: [1] }, {}], invalid: [{ no: 1 }, { no: null }] }],
  [
    'a local $ref',
    {
      schema: { type: 'object', properties: { at: { $ref: '#/$defs/when' } }, $defs: { when: { title: 'When', type: 'string', format: 'date' } } },
      valid: [{ at: '2024-01-01' }],
      invalid: [{ at: 'soon' }],
    },
  ],
  [
    'property names that are not identifiers',
    {
      schema: JSON.parse(
        '{"type":"object","additionalProperties":false,"required":["a\\"b","*/","`${x}`","line\\nbreak","constructor"],"properties":{"a\\"b":{"type":"string"},"*/":{"type":"string"},"`${x}`":{"type":"string"},"line\\nbreak":{"type":"string"},"constructor":{"type":"string"}}}',
      ),
      valid: [{ 'a"b': '1', '*/': '2', '`${x}`': '3', 'line\nbreak': '4', constructor: '5' }],
      invalid: [
        { 'a"b': '1' },
        { 'a"b': '1', '*/': '2', '`${x}`': '3', 'line\nbreak': '4', constructor: 5 },
        JSON.parse('{"a\\"b":"1","*/":"2","`${x}`":"3","line\\nbreak":"4","constructor":"5","__proto__":"6"}'),
      ],
    },
  ],
];

function reference(schema: JsonSchemaObject) {
  const ajv = new Ajv2020({ strict: false });
  addPackageFormats(ajv);
  return ajv.compile({ $id: TEST_ID, ...schema });
}

describe('the emitter translates keywords faithfully', () => {
  it.each(cases)('%s', (_, { schema, valid, invalid }) => {
    const validator = emittedValidator(schema);
    const ajv = reference(schema);
    for (const value of valid) expect({ value, zod: validator.safeParse(value).success, ajv: ajv(value) }).toEqual({ value, zod: true, ajv: true });
    for (const value of invalid) expect({ value, zod: validator.safeParse(value).success, ajv: ajv(value) }).toEqual({ value, zod: false, ajv: false });
  });
});

/** A value as JSON text makes it: a key named "__proto__" is an own property, as in any parsed message. */
const parsed = (text: string) => JSON.parse(text) as Record<string, unknown>;

// JSON has own properties only, so a property named as a member every object inherits is absent unless the
// object has it. Each verdict is JSON Schema's, and @cfworker/json-schema, which reads own properties, agrees.
// Ajv is not asked here: it reads inherited members (it rejects {} under an optional "constructor" of type
// number, and never checks a property named "__proto__"); the differential test overrules it, saying where.
const inherited: Array<[string, Case]> = [
  [
    'a required toString is absent from {}',
    {
      schema: { type: 'object', required: ['toString'], properties: { toString: true } },
      valid: [{ toString: 'x' }, { toString: null }],
      invalid: [{}, { tostring: 1 }],
    },
  ],
  [
    'an optional constructor is absent from {}',
    {
      schema: { type: 'object', properties: { constructor: { type: 'number' } } },
      valid: [{}, { constructor: 1 }],
      invalid: [{ constructor: 'x' }, { constructor: null }],
    },
  ],
  [
    '__proto__ is validated as data',
    {
      schema: parsed('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      valid: [{}, parsed('{"__proto__":"a"}')],
      invalid: [parsed('{"__proto__":1}'), parsed('{"__proto__":{}}'), 'a'],
    },
  ],
  [
    'a required __proto__ is absent from {}, whose prototype is not data',
    {
      schema: parsed('{"type":"object","required":["__proto__"],"properties":{"__proto__":{"type":"object"}}}'),
      valid: [parsed('{"__proto__":{}}')],
      invalid: [{}, parsed('{"__proto__":null}')],
    },
  ],
  [
    'every name Object.prototype has, in a closed object',
    {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: Object.fromEntries(['a', ...Object.getOwnPropertyNames(Object.prototype)].map((name) => [name, { type: 'integer' }])),
      },
      valid: [{ a: 1 }, { a: 1, valueOf: 2, hasOwnProperty: 3 }, parsed('{"a":1,"__proto__":3,"toLocaleString":4,"__defineGetter__":5}')],
      invalid: [{}, { a: 1, other: 1 }, { a: 1, valueOf: 'x' }, parsed('{"a":1,"__proto__":3,"x":1}'), parsed('{"a":1,"isPrototypeOf":1.5}')],
    },
  ],
  [
    'nested, and beside names that are not identifiers',
    {
      schema: {
        type: 'object',
        required: ['o', '', '1st', 'My Thing', 'a-b'],
        properties: {
          o: { type: 'object', required: ['valueOf'], properties: { valueOf: { type: 'integer' } } },
          '': { type: 'string' },
          '1st': { type: 'string' },
          'My Thing': { type: 'string' },
          'a-b': { type: 'string' },
        },
      },
      valid: [{ o: { valueOf: 1 }, '': '', '1st': '', 'My Thing': '', 'a-b': '' }],
      invalid: [
        { o: {}, '': '', '1st': '', 'My Thing': '', 'a-b': '' },
        { o: { valueOf: 1 }, '1st': '', 'My Thing': '', 'a-b': '' },
      ],
    },
  ],
  [
    'in anyOf branches that share a const property',
    {
      schema: {
        anyOf: [
          { type: 'object', required: ['kind', 'toString'], properties: { kind: { const: 'a' }, toString: { type: 'string' } } },
          { type: 'object', required: ['kind'], properties: { kind: { const: 'b' }, constructor: { type: 'number' } } },
        ],
      },
      valid: [{ kind: 'a', toString: 'x' }, { kind: 'b' }, { kind: 'b', constructor: 1 }],
      invalid: [{ kind: 'a' }, { kind: 'b', constructor: 'x' }, { kind: 'c' }],
    },
  ],
];

describe('properties named as members every object inherits are own properties, as JSON has', () => {
  it.each(inherited)('%s', (_, { schema, valid, invalid }) => {
    const judge = (json: JsonSchemaObject) => {
      const cfworker = new Validator(JSON.parse(JSON.stringify(json)), '2020-12', false);
      return (value: unknown) => cfworker.validate(value).valid;
    };
    const reference = { closed: judge(schema), open: judge(opened(schema) as JsonSchemaObject) };
    for (const variant of ['closed', 'open'] as const) {
      const plain = emittedValidator(schema, variant === 'open');
      const compiled = z.compile(plain);
      // The compiled fast path is a different function: it must agree too.
      expect(compiled).not.toBe(plain);
      const verdicts = (value: unknown) => ({ value, zod: plain.safeParse(value).success, compiled: z.validate(compiled, value) });
      for (const [value, want] of [...valid.map((v) => [v, true] as const), ...invalid.map((v) => [v, false] as const)]) {
        // The case states the closed verdict; readers' open variant lets unnamed properties through.
        const expected = variant === 'closed' ? want : reference.open(value);
        expect({ value, cfworker: reference[variant](value) }).toEqual({ value, cfworker: expected });
        expect(verdicts(value)).toEqual({ value, zod: expected, compiled: expected });
      }
    }
  });

  it('an absent required property is reported at its own path', () => {
    const validator = emittedValidator({ type: 'object', required: ['toString'], properties: { toString: { type: 'string' } } });
    expect(validator.safeParse({}).error?.issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['toString']]]);
  });

  it('a closed object lets a property it names through in its open variant only, and reports the others', () => {
    const schema: JsonSchemaObject = { type: 'object', additionalProperties: false, properties: { toString: { type: 'string' } } };
    expect(
      emittedValidator(schema)
        .safeParse({ toString: 'x', extra: 1 })
        .error?.issues.map((i) => i.code),
    ).toEqual(['unrecognized_keys']);
    expect(emittedValidator(schema, true).safeParse({ toString: 'x', extra: 1 }).success).toBe(true);
  });
});

const refusals: Array<[string, { schema: JsonSchemaObject; pointer: string; message: RegExp }]> = [
  ['$dynamicRef', { schema: { type: 'object', properties: { a: { $dynamicRef: '#node' } } }, pointer: '/properties/a/$dynamicRef', message: /not supported/ }],
  ['oneOf', { schema: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, pointer: '/oneOf', message: /anyOf/ }],
  ['allOf', { schema: { allOf: [{ type: 'string' }] }, pointer: '/allOf', message: /not supported/ }],
  ['an unknown keyword', { schema: { type: 'string', minLenght: 3 }, pointer: '/minLenght', message: /not supported/ }],
  ['OpenAPI nullable', { schema: { type: 'string', nullable: true }, pointer: '/nullable', message: /type/ }],
  [
    'required without a property',
    {
      schema: { type: 'object', additionalProperties: false, required: ['a', 'ghost'], properties: { a: { type: 'string' } } },
      pointer: '/required/1',
      message: /required-without-property/,
    },
  ],
  [
    'an unresolvable $ref',
    { schema: { type: 'object', properties: { a: { $ref: '../_shared/nowhere.schema.json' } } }, pointer: '/properties/a/$ref', message: /cannot be resolved/ },
  ],
  ['an unknown local $ref', { schema: { $ref: '#/$defs/missing' }, pointer: '/$ref', message: /cannot be resolved/ }],
  [
    'a recursive $ref',
    {
      schema: { $ref: '#/$defs/node', $defs: { node: { title: 'Node', type: 'object', properties: { next: { $ref: '#/$defs/node' } } } } },
      pointer: '/$defs/node/properties/next/$ref',
      message: /recursive/,
    },
  ],
  ['assertions without a type', { schema: { minLength: 1 }, pointer: '', message: /add a "type"/ }],
  ['a keyword for another type', { schema: { type: 'string', minimum: 1 }, pointer: '/minimum', message: /no effect on type string/ }],
  ['tuple-form items', { schema: { type: 'array', items: [{ type: 'string' }] }, pointer: '/items', message: /tuple/ }],
  ['an unknown format', { schema: { type: 'string', format: 'hostname' }, pointer: '/format', message: /not supported/ }],
  ['a pattern that is not a regular expression', { schema: { type: 'string', pattern: '([a-z]' }, pointer: '/pattern', message: /regular expression/ }],
  [
    'a schema for additional properties',
    { schema: { type: 'object', additionalProperties: { type: 'string' } }, pointer: '/additionalProperties', message: /only true or false/ },
  ],
  ['draft-04 exclusiveMinimum', { schema: { type: 'number', exclusiveMinimum: true, minimum: 0 }, pointer: '/exclusiveMinimum', message: /draft-04/ }],
  [
    '$ref with a sibling assertion',
    { schema: { $ref: '#/$defs/a', minLength: 2, $defs: { a: { title: 'A', type: 'string' } } }, pointer: '/minLength', message: /beside \$ref/ },
  ],
  ['an enum value of the wrong type', { schema: { type: 'string', enum: ['a', 1] }, pointer: '/enum/1', message: /not of type string/ }],
  ['a keyword named as a member every object inherits', { schema: { type: 'string', constructor: 1 }, pointer: '/constructor', message: /not supported/ }],
  ['a format named as a member every object inherits', { schema: { type: 'string', format: 'toString' }, pointer: '/format', message: /not supported/ }],
  ['nested $defs', { schema: { type: 'object', properties: { a: { type: 'string', $defs: {} } } }, pointer: '/properties/a/$defs', message: /root/ }],
  [
    'a nested $id that $refs inside it would resolve against, as unsupported, saying what to write instead',
    {
      schema: {
        type: 'object',
        properties: { a: { $id: 'a.json', type: 'object', properties: { at: { $ref: '#/$defs/when' } } } },
        $defs: { when: { title: 'When', type: 'string' } },
      },
      pointer: '/properties/a/$id',
      message: /"\$id" below the root of a schema file is not supported.*"\$ref": "#\/\$defs\/<name>"/,
    },
  ],
  [
    'a $ref naming a nested $id, as unsupported rather than missing',
    {
      schema: { type: 'object', properties: { a: { $ref: 'item.json' } }, $defs: { item: { $id: 'item.json', type: 'string' } } },
      pointer: '/properties/a/$ref',
      message: /names the "\$id" declared at \/\$defs\/item: .*not supported.*"\$ref": "#\/\$defs\/item"/,
    },
  ],
  [
    'a $ref to # (the whole schema), as unsupported recursion',
    {
      schema: { type: 'object', properties: { next: { $ref: '#' } } },
      pointer: '/properties/next/$ref',
      message: /\$ref "#" refers to the whole schema.*recursive schemas are not supported.*"\$ref": "#\/\$defs\/<name>"/,
    },
  ],
  [
    'a $ref to an anchor, as unsupported, naming the definition to refer to instead',
    {
      schema: { type: 'object', properties: { at: { $ref: '#when' } }, $defs: { moment: { $anchor: 'when', type: 'string' } } },
      pointer: '/properties/at/$ref',
      message: /\$ref "#when" names an anchor .*anchors are not supported.*"\$ref": "#\/\$defs\/moment"/,
    },
  ],
  [
    'dependencies, with what to write instead',
    {
      schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, dependencies: { a: ['b'] } },
      pointer: '/dependencies',
      message: /draft-07.*dependentRequired and dependentSchemas.*anyOf/,
    },
  ],
];

describe('the emitter refuses what it cannot translate faithfully, naming the file and pointer', () => {
  it.each(refusals)('%s', (_, { schema, pointer, message }) => {
    const error = (() => {
      try {
        emittedCode(schema, 'schemas/test/notification/v1.schema.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe('schemas/test/notification/v1.schema.json');
    expect((error as ConfigError).pointer).toBe(pointer);
    expect((error as ConfigError).message).toMatch(message);
  });
});

describe('a nested $id with no $ref inside changes nothing, and is let be', () => {
  it('validates as if it were not there', () => {
    const validator = emittedValidator({ type: 'object', properties: { a: { $id: 'a.json', type: 'string' } } });
    expect([validator.safeParse({ a: 'x' }).success, validator.safeParse({ a: 1 }).success]).toEqual([true, false]);
  });
});

describe('schema text cannot break or inject into the code', () => {
  it.each([
    ['a quote and a backslash', 'a"b\\'],
    ['a comment end', '*/ console.log("pwned") /*'],
    ['a backtick and a template', '`${process.exit(1)}`'],
    ['a newline', 'a\n}); process.exit(1); ({'],
    ['a regex literal end', '/); process.exit(1); (/'],
  ])('a pattern containing %s is a string, not code', (_, text) => {
    const pattern = text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    const validator = emittedValidator({ type: 'string', pattern: `^${pattern}$` });
    expect(validator.safeParse(text).success).toBe(true);
    expect(validator.safeParse(`${text}x`).success).toBe(false);
  });
});
