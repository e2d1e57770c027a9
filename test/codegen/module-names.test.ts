/**
 * The names a generated module binds: `$defs` entries named by their titles
 * (refused when a title cannot be a name or is taken) or, untitled, from
 * their keys, made into free identifiers.
 */
import { describe, expect, it } from 'vitest';
import { ModuleNames, nameDefinitions, reserveImports } from '../../src/codegen/module-names.js';
import { ConfigError } from '../../src/errors.js';
import { isBindingName, TYPE_NAME, typeNameFrom } from '../../src/schema/names.js';

const FILE = 'schemas/test.thing.happened/notification/v1.schema.json';
const OTHER = 'schemas/test.thing.happened/notification/v2.schema.json';

/** A module's names as event modules start them: the imports, and the version's own type and validators. */
const moduleNames = () =>
  reserveImports(new ModuleNames('generated/events/test.thing.happened.ts')).reserve(
    ['ThingHappenedNotificationV1', 'thingHappenedNotificationV1', 'thingHappenedNotificationV1Open'],
    'version 1 of the notification contract',
  );

type Defs = Record<string, unknown>;

describe('nameDefinitions', () => {
  const named: Array<[string, { given: Defs; want: Record<string, string> }]> = [
    ['a titled entry takes its title', { given: { thing: { title: 'MyThing' } }, want: { thing: 'MyThing' } }],
    [
      'an untitled entry takes its key in PascalCase',
      { given: { staffMember: {}, 'booking-summary': {} }, want: { staffMember: 'StaffMember', 'booking-summary': 'BookingSummary' } },
    ],
    ['a key that is the zod import', { given: { z: {} }, want: { z: 'ZDefinition' } }],
    [
      'a key that is a runtime check',
      { given: { integer: {}, date: {}, uuid: {} }, want: { integer: 'IntegerDefinition', date: 'DateDefinition', uuid: 'UuidDefinition' } },
    ],
    [
      'a key that is an upcast helper or a runtime import',
      { given: { carryOver: {}, envelopeShape: {} }, want: { carryOver: 'CarryOverDefinition', envelopeShape: 'EnvelopeShapeDefinition' } },
    ],
    ['a key that starts with a digit', { given: { '1st': {} }, want: { '1st': 'Definition1St' } }],
    ['a key with spaces, slashes and tildes', { given: { 'my thing': {}, 'a/b~c': {} }, want: { 'my thing': 'MyThing', 'a/b~c': 'ABC' } }],
    ['a key of no ASCII letter', { given: { 日本: {} }, want: { 日本: 'Definition' } }],
    [
      'a key that is a reserved word or a global',
      {
        given: { class: {}, undefined: {}, arguments: {} },
        want: { class: 'ClassDefinition', undefined: 'UndefinedDefinition', arguments: 'ArgumentsDefinition' },
      },
    ],
    [
      'a key whose name the version takes',
      { given: { thingHappenedNotificationV1: {} }, want: { thingHappenedNotificationV1: 'ThingHappenedNotificationV1Definition' } },
    ],
    ['a key whose validator is the open one of another', { given: { thing: {}, thingOpen: {} }, want: { thing: 'Thing', thingOpen: 'ThingOpenDefinition' } }],
    ['a key a title takes, whichever comes first', { given: { thing: {}, other: { title: 'Thing' } }, want: { thing: 'ThingDefinition', other: 'Thing' } }],
    ['keys that make one name', { given: { 'a-b': {}, a_b: {}, 'a b': {} }, want: { 'a-b': 'AB', a_b: 'ABDefinition', 'a b': 'ABDefinition2' } }],
    ['a letter after digits, as json-schema-to-typescript writes it', { given: { v1beta: {} }, want: { v1beta: 'V1Beta' } }],
    ['__proto__, as data', { given: JSON.parse('{"__proto__": {}}') as Defs, want: JSON.parse('{"__proto__": "Proto"}') as Record<string, string> }],
  ];
  it.each(named)('%s', (_, { given, want }) => {
    const names = nameDefinitions(moduleNames(), [{ file: FILE, json: { $defs: given } }], 'ThingHappened');
    expect(Object.fromEntries(names.get(FILE) ?? [])).toEqual(want);
  });

  const refused: Array<[string, { given: Defs; pointer: string; says: string }]> = [
    ['a title that is not a name', { given: { thing: { title: 'My Thing' } }, pointer: '/$defs/thing/title', says: 'such as "MyThing"' }],
    ['a title that starts with a digit', { given: { first: { title: '1st' } }, pointer: '/$defs/first/title', says: 'such as "Definition1St"' }],
    ['a title in camelCase', { given: { thing: { title: 'myThing' } }, pointer: '/$defs/thing/title', says: 'such as "MyThing"' }],
    ['a title json-schema-to-typescript would rewrite', { given: { beta: { title: 'V1beta' } }, pointer: '/$defs/beta/title', says: 'such as "V1Beta"' }],
    [
      'a title whose validator is a runtime check',
      {
        given: { whole: { title: 'Integer' } },
        pointer: '/$defs/whole/title',
        says: 'integer is already used in generated/events/test.thing.happened.ts by a check',
      },
    ],
    ['a title whose validator is the zod import', { given: { zed: { title: 'Z' } }, pointer: '/$defs/zed/title', says: 'such as "ThingHappenedZ"' }],
    ['a title whose validator is a reserved word', { given: { kind: { title: 'Class' } }, pointer: '/$defs/kind/title', says: 'class cannot be used' }],
    [
      'a title the version takes',
      { given: { thing: { title: 'ThingHappenedNotificationV1' } }, pointer: '/$defs/thing/title', says: 'by version 1 of the notification contract' },
    ],
    [
      'a title taken by another entry',
      { given: { a: { title: 'Thing' }, b: { title: 'Thing' } }, pointer: '/$defs/b/title', says: 'by the definition /$defs/a of' },
    ],
    [
      'a title whose validator is the open one of another',
      { given: { a: { title: 'Thing' }, b: { title: 'ThingOpen' } }, pointer: '/$defs/b/title', says: 'thingOpen is already used' },
    ],
  ];
  it.each(refused)('refuses %s, at the title', (_, { given, pointer, says }) => {
    const call = () => nameDefinitions(moduleNames(), [{ file: FILE, json: { $defs: given } }], 'ThingHappened');
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(`${FILE}#${pointer}: `);
    expect(call).toThrow(says);
  });

  it('names titles in every schema of the module before any key, so a key never takes a later version’s title', () => {
    const names = nameDefinitions(moduleNames(), [
      { file: FILE, json: { $defs: { thing: {} } } },
      { file: OTHER, json: { $defs: { thing: { title: 'Thing' } } } },
    ]);
    expect([names.get(FILE)?.get('thing'), names.get(OTHER)?.get('thing')]).toEqual(['ThingDefinition', 'Thing']);
  });

  it('refuses one title in two versions, as one module holds both', () => {
    const call = () =>
      nameDefinitions(moduleNames(), [
        { file: FILE, json: { $defs: { thing: { title: 'Thing' } } } },
        { file: OTHER, json: { $defs: { thing: { title: 'Thing' } } } },
      ]);
    expect(call).toThrow(`${OTHER}#/$defs/thing/title: the name Thing is already used`);
  });
});

describe('names a module can bind', () => {
  it.each([
    ['Thing', true],
    ['thing', true],
    ['$thing_1', true],
    ['my Thing', false],
    ['1st', false],
    ['class', false],
    ['undefined', false],
    ['eval', false],
    ['ünï', false],
  ])('%s: %s', (name, want) => expect(isBindingName(name)).toBe(want));

  it.each([
    ['My Thing', 'MyThing'],
    ['1st', 'Definition1St'],
    ['v1beta', 'V1Beta'],
    ['Cas1StaffMember', 'Cas1StaffMember'],
    ['', 'Definition'],
  ])('typeNameFrom(%j) is %s, a type name json-schema-to-typescript keeps', (text, want) => {
    expect(typeNameFrom(text)).toBe(want);
    expect(TYPE_NAME.test(want)).toBe(true);
  });
});
