/**
 * Properties named as the members every object inherits (`toString`,
 * `constructor`, `__proto__`…) are data like any other, as JSON has them:
 * absent unless the object has them, and never a prototype. Held through
 * every part of the runtime: the generated validators, parse, build, the
 * declarative upcast and describe, on a throwaway event type whose data
 * is named that way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/codegen/generate.js';
import { describeWith } from '../../src/runtime/describe.js';
import type { ContractError } from '../../src/runtime/errors.js';
import type { EventType } from '../../src/runtime/event-type.js';
import { INHERITED_NAMES, ownValue, setOwn } from '../../src/runtime/own-properties.js';
import { type TempRepo, tempRepo, writeEventType } from '../support/temp-repo.js';

const TYPE = 'test.widget.renamed';

/** JSON text's reading of an object: a key named "__proto__" is an own property, as in any parsed message. */
const parsed = <T = Record<string, unknown>>(value: string): T => JSON.parse(value) as T;

const prototypeData = { type: 'object', additionalProperties: false, required: ['polluted'], properties: { polluted: { type: 'boolean' } } };
const V1 = parsed(
  JSON.stringify({
    title: 'TestWidgetRenamedNotificationV1',
    type: 'object',
    additionalProperties: false,
    required: ['PROTO', 'toString', 'serviceUserCRN'],
    properties: {
      PROTO: prototypeData,
      toString: { type: 'string' },
      constructor: { type: 'number' },
      valueOf: { enum: ['OLD', 'KEPT'] },
      serviceUserCRN: { type: 'string' },
    },
  }).replaceAll('"PROTO"', '"__proto__"'),
);
const V2 = parsed(
  JSON.stringify({
    title: 'TestWidgetRenamedNotificationV2',
    type: 'object',
    additionalProperties: false,
    required: ['PROTO', 'toString', 'serviceUserCRN', 'hasOwnProperty'],
    properties: {
      PROTO: prototypeData,
      toString: { type: 'string' },
      isPrototypeOf: { type: 'number' },
      valueOf: { enum: ['NEW', 'KEPT'] },
      serviceUserCRN: { type: 'string' },
      hasOwnProperty: { const: 'added' },
    },
  }).replaceAll('"PROTO"', '"__proto__"'),
);
const UPCAST = {
  $schema: '../../_meta/upcast.schema.json',
  kind: 'transform',
  description: 'constructor is renamed, valueOf values are renamed, hasOwnProperty is new.',
  operations: [
    { op: 'rename', from: '/constructor', path: '/isPrototypeOf' },
    { op: 'map-enum', path: '/valueOf', map: { OLD: 'NEW' } },
    { op: 'add', path: '/hasOwnProperty', value: 'added' },
  ],
};

const v1Data = (extra = '') => `{"__proto__":{"polluted":true},"toString":"widget","serviceUserCRN":"X320741"${extra}}`;
const notification = (data: string, version = 1) =>
  `{"eventType":"${TYPE}","version":${version},"occurredAt":"2024-06-13T17:52:26Z","description":"A widget was renamed","additionalInformation":${data}}`;
const issues = (error: ContractError) => error.issues.map((i) => `${i.code} ${i.path}`);

type Widget = EventType<string, { notification: { versions: { 1: Record<string, unknown>; 2: Record<string, unknown> }; latest: 2 } }>;
let repo: TempRepo;
let widget: Widget;
beforeAll(async () => {
  repo = tempRepo();
  writeEventType(repo, TYPE, [V1, V2], { 2: UPCAST });
  await generate({ root: repo.root });
  const module = (await import(`${repo.root}/generated/events/${TYPE}.ts`)) as Record<string, unknown>;
  widget = Object.values(module).find((v) => (v as { type?: unknown } | null)?.type === TYPE) as Widget;
});
afterAll(() => repo.remove());

/** The data's own property `key`, and that it has no other prototype than every object's. */
function own(data: unknown, key: string): unknown {
  expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  return Object.getOwnPropertyDescriptor(data, key)?.value;
}

describe('the helpers', () => {
  it('name every member of Object.prototype', () => {
    expect([...INHERITED_NAMES].sort()).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });

  it('read and write own properties only', () => {
    expect([ownValue({}, 'toString'), ownValue({}, '__proto__'), ownValue(parsed('{"__proto__":1}'), '__proto__')]).toEqual([undefined, undefined, 1]);
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: true });
    expect(own(target, '__proto__')).toEqual({ polluted: true });
  });
});

describe('a contract whose data is named as inherited members', () => {
  it('generates a module that type-checks', () => {
    expect(repo.typeErrors([`generated/events/${TYPE}.ts`])).toEqual([]);
  });

  it('parse: __proto__ is validated as data and kept as data, through the upcast to version 2', () => {
    const result = widget.safeParse(notification(v1Data(',"constructor":3,"valueOf":"OLD"')));
    if (!result.success) throw result.error;
    const data = result.event.additionalInformation;
    expect(result.upgradedFrom).toBe(1);
    expect(own(data, '__proto__')).toEqual({ polluted: true });
    expect(Object.keys(data as object).sort()).toEqual(['__proto__', 'hasOwnProperty', 'isPrototypeOf', 'serviceUserCRN', 'toString', 'valueOf']);
    expect([own(data, 'isPrototypeOf'), own(data, 'valueOf'), own(data, 'hasOwnProperty')]).toEqual([3, 'NEW', 'added']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parse: an optional property the data does not have is absent, not what every object inherits', () => {
    const result = widget.safeParse(notification(v1Data()));
    if (!result.success) throw result.error;
    const data = result.event.additionalInformation as object;
    expect(Object.keys(data).sort()).toEqual(['__proto__', 'hasOwnProperty', 'serviceUserCRN', 'toString']);
    expect(Object.hasOwn(data, 'isPrototypeOf') || Object.hasOwn(data, 'valueOf')).toBe(false);
  });

  it.each([
    ['a required toString the data does not have', v1Data().replace('"toString":"widget",', ''), ['required /additionalInformation/toString']],
    ['a __proto__ that is not what the schema says', v1Data().replace('{"polluted":true}', '"polluted"'), ['invalid_type /additionalInformation/__proto__']],
    ['a required __proto__ the data does not have', v1Data().replace('"__proto__":{"polluted":true},', ''), ['required /additionalInformation/__proto__']],
    ['an optional constructor of the wrong type', v1Data(',"constructor":"3"'), ['invalid_type /additionalInformation/constructor']],
  ])('parse refuses %s', (_, data, want) => {
    const result = widget.safeParse(notification(data));
    expect(result.success || issues(result.error)).toEqual(want);
  });

  it('parse names a property the contract does not name, __proto__ inside it included', () => {
    const result = widget.safeParse(notification(v1Data(',"__defineGetter__":1')), { unknownProperties: 'reject' });
    expect(result.success || issues(result.error)).toEqual(['unknown_property /additionalInformation/__defineGetter__']);
  });

  it('build: __proto__ in the data is data in the notification', () => {
    const data = parsed(`{"__proto__":{"polluted":true},"toString":"widget","serviceUserCRN":"X320741","hasOwnProperty":"added"}`);
    const event = widget.build({ additionalInformation: data });
    expect(own(event.additionalInformation, '__proto__')).toEqual({ polluted: true });
    expect(event.personReference).toEqual({ identifiers: [{ type: 'CRN', value: 'X320741' }] });
    expect(widget.parse(JSON.stringify(event)).additionalInformation).toEqual(data);
  });

  it('build refuses data without a required toString, whatever every object inherits', () => {
    const data = parsed(`{"__proto__":{"polluted":true},"serviceUserCRN":"X320741","hasOwnProperty":"added"}`);
    const error = (() => {
      try {
        widget.build({ additionalInformation: data });
      } catch (e) {
        return e as ContractError;
      }
      throw new Error('expected build to refuse it');
    })();
    expect(issues(error)).toEqual(['required /additionalInformation/toString']);
  });

  it('build takes only the fields its input has itself', () => {
    const data = parsed(`{"__proto__":{"polluted":true},"toString":"widget","serviceUserCRN":"X320741","hasOwnProperty":"added"}`);
    const input = Object.assign(Object.create({ producer: 'not-given', description: 'not given' }) as object, { additionalInformation: data });
    const event = widget.build(input as { additionalInformation: Record<string, unknown> }) as unknown as Record<string, unknown>;
    expect([Object.hasOwn(event, 'producer'), event.description]).toEqual([false, 'An event for tests.']);
  });

  it('upcast: each operation acts on the own property, never on the prototype', () => {
    const envelope = { eventType: TYPE, occurredAt: '2024-06-13T17:52:26Z' };
    const renamed = widget.notification.upcast(parsed(v1Data(',"constructor":3')), { from: 1, envelope });
    if (!renamed.success) throw renamed.error;
    expect([own(renamed.data, '__proto__'), own(renamed.data, 'isPrototypeOf'), Object.hasOwn(renamed.data as object, 'constructor')]).toEqual([
      { polluted: true },
      3,
      false,
    ]);
    const absent = widget.notification.upcast(parsed(v1Data()), { from: 1, envelope });
    expect(absent.success && Object.keys(absent.data as object).sort()).toEqual(['__proto__', 'hasOwnProperty', 'serviceUserCRN', 'toString']);
  });

  it('describe reads the data own properties, __proto__ among them', () => {
    const source = { timeline: { '1': '{{toString}} ({{__proto__.polluted}}) was {{isPrototypeOf}}; {{valueOf.length}}' } };
    const present = widget.parse(notification(v1Data(',"constructor":3')));
    const absent = widget.parse(notification(v1Data()));
    expect([describeWith(present, source), describeWith(absent, source)]).toEqual(['widget (true) was 3; unknown', 'widget (true) was unknown; unknown']);
  });
});
