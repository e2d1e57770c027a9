/**
 * Declarative upcasts: every operation, compiled, type-checked and run; and
 * the declarations the compiler must refuse because they would lose data or
 * leave a required field unfilled.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import type { JsonSchemaObject, UpcastOperation } from '../../src/catalogue/model.js';
import { compileUpcast } from '../../src/codegen/upcast-compiler.js';
import { derefIn, planUpcast } from '../../src/codegen/upcast-plan.js';
import { runUpcastPlan } from '../../src/compat/upcast-interpreter.js';
import { ConfigError } from '../../src/errors.js';
import type { ContractTypes } from '../../src/runtime/contract.js';
import type { EventType } from '../../src/runtime/event-type.js';
import { indexCatalogue } from '../../src/schema/catalogue-index.js';
import { ROOT } from '../support/repo.js';
import { type TempRepo, tempRepo, writeEventType } from '../support/temp-repo.js';

const staff = { $ref: '../../_shared/cas1-staff-member.schema.json' };
const v1: JsonSchemaObject = {
  title: 'WidgetMovedNotificationV1',
  type: 'object',
  additionalProperties: false,
  required: ['colour', 'oldName', 'at', 'nested'],
  properties: {
    colour: { enum: ['RED', 'GREEN', 'BLUE'] },
    oldName: { type: 'string' },
    obsolete: { type: 'string' },
    note: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    nested: { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'string' }, b: { type: 'integer' } } },
  },
};
const v2: JsonSchemaObject = {
  title: 'WidgetMovedNotificationV2',
  type: 'object',
  additionalProperties: false,
  required: ['colour', 'newName', 'at', 'atDate', 'createdBy', 'source', 'recordedAt', 'nested'],
  properties: {
    colour: { enum: ['red', 'green', 'BLUE'] },
    newName: { type: 'string' },
    note: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    atDate: { type: 'string', format: 'date' },
    createdBy: staff,
    source: { const: 'legacy' },
    recordedAt: { type: 'string', format: 'date-time' },
    nested: {
      type: 'object',
      additionalProperties: false,
      required: ['a', 'c'],
      properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'string' } },
    },
  },
};
const operations: UpcastOperation[] = [
  { op: 'map-enum', path: '/colour', map: { RED: 'red', GREEN: 'green' } },
  { op: 'rename', from: '/oldName', path: '/newName' },
  { op: 'remove', path: '/obsolete' },
  { op: 'date-in-zone', from: '/at', path: '/atDate', timeZone: 'Europe/London' },
  { op: 'add', path: '/createdBy', fromContext: 'createdBy' },
  { op: 'add', path: '/source', value: 'legacy' },
  { op: 'add', path: '/recordedAt', fromEnvelope: 'publishedAt' },
  { op: 'add', path: '/nested/c', value: 'x' },
];

describe('every declarative operation, generated and run', () => {
  let repo: TempRepo;
  let widget: EventType<string, { notification: ContractTypes }>;
  beforeAll(async () => {
    repo = tempRepo();
    writeEventType(repo, 'test.widget.moved', [v1, v2], {
      2: { $schema: '../../_meta/upcast.schema.json', kind: 'transform', description: 'All the operations.', operations },
    });
    execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'generate'], { cwd: repo.root, encoding: 'utf8' });
    widget = ((await import(join(repo.root, 'generated/events/test.widget.moved.ts'))) as { widgetMoved: EventType<string, { notification: ContractTypes }> })
      .widgetMoved;
  });
  afterAll(() => repo.remove());

  const envelope = { eventType: 'test.widget.moved', occurredAt: '2024-10-26T23:45:00Z', publishedAt: '2024-10-26T23:46:00Z' };
  const createdBy = { staffCode: 'N01', forenames: 'Ann', surname: 'Jones', username: null };
  const data = { colour: 'RED', oldName: 'w', obsolete: 'gone', note: 'kept', at: '2024-10-26T23:30:00Z', nested: { a: 'A', b: 2 } };

  it('the generated module type-checks: every operation is checked against both versions', () => {
    expect(repo.typeErrors(['generated/events/test.widget.moved.ts'])).toEqual([]);
  });

  it('builds version 2 as declared', () => {
    expect(widget.notification.upcast(data, { from: 1, envelope, context: { createdBy } })).toEqual({
      success: true,
      data: {
        colour: 'red',
        newName: 'w',
        note: 'kept',
        at: '2024-10-26T23:30:00Z',
        atDate: '2024-10-27',
        createdBy,
        source: 'legacy',
        recordedAt: '2024-10-26T23:46:00Z',
        nested: { a: 'A', b: 2, c: 'x' },
      },
    });
  });

  it('leaves out optional fields the data does not have', () => {
    const { note: _, ...withoutNote } = data;
    const result = widget.notification.upcast({ ...withoutNote, nested: { a: 'A' }, colour: 'BLUE' }, { from: 1, envelope, context: { createdBy } });
    expect(result.success && Object.keys(result.data as object)).toEqual(['colour', 'newName', 'at', 'atDate', 'createdBy', 'source', 'recordedAt', 'nested']);
    expect(result.success && (result.data as { colour: string; nested: object })).toMatchObject({ colour: 'BLUE', nested: { a: 'A', c: 'x' } });
  });

  it.each([
    ['a context value with no default', { envelope, context: {} }, 'context.createdBy'],
    [
      'an envelope field the envelope lacks',
      { envelope: { eventType: envelope.eventType, occurredAt: envelope.occurredAt }, context: { createdBy } },
      "envelope's publishedAt",
    ],
  ])('fails, naming what is missing: %s', (_, options, missing) => {
    const result = widget.notification.upcast(data, { from: 1, ...options });
    expect(result.success ? 'upcast' : [result.error.code, result.error.issues[0]?.code, result.error.step]).toEqual([
      'upcast_failed',
      'upcast_input_missing',
      { eventType: 'test.widget.moved', from: 1, to: 2 },
    ]);
    expect(result.success || result.error.message).toContain(missing);
  });

  it('the interpreter check runs makes the same data from the same plan', () => {
    const { catalogue } = loadCatalogue(repo.root);
    const [from, to] = catalogue.events.find((e) => e.type === 'test.widget.moved')?.notification?.versions ?? [];
    if (!from || !to) throw new Error('no test.widget.moved v1 and v2');
    const index = indexCatalogue(catalogue);
    const plan = planUpcast({
      file: 'v2.upcast.json',
      from: { schema: from.schema.json, deref: derefIn(from, index) },
      to: { schema: to.schema.json, deref: derefIn(to, index) },
      operations,
    });
    const context = { envelope, values: { createdBy } };
    const { note: _, ...withoutNote } = data;
    for (const input of [data, { ...withoutNote, nested: { a: 'A' }, colour: 'BLUE' }, { ...data, colour: 'GREEN' }]) {
      const compiled = widget.notification.upcast(input, { from: 1, envelope, context: { createdBy } });
      expect(compiled.success).toBe(true);
      expect(JSON.stringify(runUpcastPlan(plan, input, context))).toBe(JSON.stringify(compiled.success && compiled.data));
    }
  });

  it('does not change its input', () => {
    const input = structuredClone(data);
    widget.notification.upcast(input, { from: 1, envelope, context: { createdBy } });
    expect(input).toEqual(data);
  });
});

const object = (required: string[], properties: Record<string, JsonSchemaObject>): JsonSchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const str = { type: 'string' };
const refusals: Array<[string, { from: JsonSchemaObject; to: JsonSchemaObject; ops: UpcastOperation[]; pointer: string; message: RegExp }]> = [
  [
    'a field dropped without remove',
    {
      from: object(['a', 'b'], { a: str, b: str }),
      to: object(['a'], { a: str }),
      ops: [],
      pointer: '/operations',
      message: /\/b exists in the earlier version.*remove/,
    },
  ],
  [
    'a new required field nobody fills',
    {
      from: object(['a'], { a: str }),
      to: object(['a', 'b'], { a: str, b: str }),
      ops: [],
      pointer: '/operations',
      message: /\/b is required in the new version, but no operation fills it/,
    },
  ],
  [
    'an optional field made required',
    {
      from: object([], { a: str }),
      to: object(['a'], { a: str }),
      ops: [],
      pointer: '/operations',
      message: /\/a is required in the new version but optional/,
    },
  ],
  [
    'a rename from an optional to a required field',
    {
      from: object([], { a: str }),
      to: object(['b'], { b: str }),
      ops: [{ op: 'rename', from: '/a', path: '/b' }],
      pointer: '/operations/0',
      message: /may be absent/,
    },
  ],
  [
    'a map that misses a value',
    {
      from: object(['c'], { c: { enum: ['A', 'B'] } }),
      to: object(['c'], { c: { enum: ['a', 'B2'] } }),
      ops: [{ op: 'map-enum', path: '/c', map: { A: 'a' } }],
      pointer: '/operations/0/map',
      message: /"B" maps to "B"/,
    },
  ],
  [
    'an unknown time zone',
    {
      from: object(['t'], { t: { type: 'string', format: 'date-time' } }),
      to: object(['t', 'd'], { t: { type: 'string', format: 'date-time' }, d: { type: 'string', format: 'date' } }),
      ops: [{ op: 'date-in-zone', from: '/t', path: '/d', timeZone: 'Mars/Olympus' }],
      pointer: '/operations/0',
      message: /IANA/,
    },
  ],
  [
    'a rename across objects',
    {
      from: object(['o'], { o: object(['a'], { a: str }) }),
      to: object(['o', 'a'], { o: object([], {}), a: str }),
      ops: [{ op: 'rename', from: '/o/a', path: '/a' }],
      pointer: '/operations/0',
      message: /same parent/,
    },
  ],
  [
    'two operations on one field',
    {
      from: object(['a'], { a: str }),
      to: object(['a', 'b'], { a: str, b: str }),
      ops: [
        { op: 'add', path: '/b', value: 'x' },
        { op: 'add', path: '/b', value: 'y' },
      ],
      pointer: '/operations/1',
      message: /set by two operations/,
    },
  ],
  [
    'a remove of something that was never there',
    {
      from: object(['a'], { a: str }),
      to: object(['a'], { a: str }),
      ops: [{ op: 'remove', path: '/z' }],
      pointer: '/operations/0',
      message: /no \/z to remove/,
    },
  ],
  [
    'an add to a property the new version lacks',
    {
      from: object(['a'], { a: str }),
      to: object(['a'], { a: str }),
      ops: [{ op: 'add', path: '/z', value: 1 }],
      pointer: '/operations/0',
      message: /no property \/z/,
    },
  ],
  // A name every object inherits is a property only where a schema names it.
  [
    'a toString dropped without remove',
    {
      from: object(['a', 'toString'], { a: str, toString: str }),
      to: object(['a'], { a: str }),
      ops: [],
      pointer: '/operations',
      message: /\/toString exists in the earlier version.*remove/,
    },
  ],
  [
    'a remove of a constructor that was never there',
    {
      from: object(['a'], { a: str }),
      to: object(['a'], { a: str }),
      ops: [{ op: 'remove', path: '/constructor' }],
      pointer: '/operations/0',
      message: /no \/constructor to remove/,
    },
  ],
  [
    'a rename from a valueOf that was never there',
    {
      from: object(['a'], { a: str }),
      to: object(['a', 'b'], { a: str, b: str }),
      ops: [{ op: 'rename', from: '/valueOf', path: '/b' }],
      pointer: '/operations/0',
      message: /no \/valueOf to rename/,
    },
  ],
  [
    'an add to a __proto__ the new version lacks',
    {
      from: object(['a'], { a: str }),
      to: object(['a'], { a: str }),
      ops: [{ op: 'add', path: '/__proto__', value: 1 }],
      pointer: '/operations/0',
      message: /no property \/__proto__/,
    },
  ],
];

describe('the compiler refuses an upcast that would lose data or leave a field unfilled', () => {
  it.each(refusals)('%s', (_, { from, to, ops, pointer, message }) => {
    const compile = () =>
      compileUpcast({
        file: 'schemas/test.widget.moved/notification/v2.upcast.json',
        functionName: 'upcastV1ToV2',
        from: { schema: from, typeName: 'V1', deref: (s) => s as JsonSchemaObject },
        to: { schema: to, typeName: 'V2', deref: (s) => s as JsonSchemaObject },
        operations: ops,
      });
    expect(compile).toThrow(ConfigError);
    try {
      compile();
    } catch (error) {
      expect({ file: (error as ConfigError).file, pointer: (error as ConfigError).pointer }).toEqual({
        file: 'schemas/test.widget.moved/notification/v2.upcast.json',
        pointer,
      });
      expect((error as ConfigError).message).toMatch(message);
    }
  });
});

describe('the compiler names what it declares', () => {
  it('one map per property, even for names that differ only in characters an identifier cannot hold', () => {
    const colours = { enum: ['RED', 'BLUE'] };
    const compiled = compileUpcast({
      file: 'schemas/test.widget.moved/notification/v2.upcast.json',
      functionName: 'upcastV1ToV2',
      from: { schema: object(['a-b', 'ab'], { 'a-b': colours, ab: colours }), typeName: 'V1', deref: (s) => s as JsonSchemaObject },
      to: {
        schema: object(['a-b', 'ab'], { 'a-b': { enum: ['red', 'BLUE'] }, ab: { enum: ['RED', 'blue'] } }),
        typeName: 'V2',
        deref: (s) => s as JsonSchemaObject,
      },
      operations: [
        { op: 'map-enum', path: '/a-b', map: { RED: 'red' } },
        { op: 'map-enum', path: '/ab', map: { BLUE: 'blue' } },
      ],
    });
    const names = compiled.statements.filter(ts.isVariableStatement).flatMap((s) => s.declarationList.declarations.map((d) => (d.name as ts.Identifier).text));
    expect(names).toEqual(['upcastV1ToV2AbMap', 'upcastV1ToV2AbMap2']);
  });
});
