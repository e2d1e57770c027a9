/**
 * Every format is a round trip: encode a notification, decode it, and the
 * same notification comes back. Checked for every valid example notification
 * of every event type that has one, and
 * (by fast-check, with a fixed seed) for those examples with every envelope
 * field varied: present or absent, awkward text, unusual identifier lists and
 * fields the envelope schema does not know. Detail documents are not a format
 * of the notification: every valid example detail document reads back as it
 * was stored.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EnvelopeLike, type FormatName, parse, registry, safeParse, safeParseDetail, serialize, toHttpBinary, toKafkaBinary } from '../../../src/index.js';
import { runtimesOf } from '../../../src/runtime/runtimes.js';
import { validDetailExamples, validExamples } from './examples.js';

/** A way of putting an event on the wire and what `safeParse` is given back. */
interface Mode {
  readonly name: string;
  readonly format: FormatName;
  encode(event: EnvelopeLike): unknown;
}

const MODES: readonly Mode[] = [
  { name: 'hmpps', format: 'hmpps', encode: (e) => serialize(e, 'hmpps') },
  { name: 'sqs', format: 'sqs', encode: (e) => serialize(e, 'sqs') },
  { name: 'cloudevents structured', format: 'cloudevents', encode: (e) => serialize(e, 'cloudevents') },
  { name: 'cloudevents HTTP binary', format: 'cloudevents', encode: (e) => toHttpBinary(e) },
  { name: 'cloudevents Kafka binary', format: 'cloudevents', encode: (e) => toKafkaBinary(e) },
];

/** The event as the parser gives it back when read as hmpps: the form every other mode must reproduce. */
const canonical = (event: EnvelopeLike) => parse(event, { format: 'hmpps', to: event.version ?? 1 });

function roundTrip(mode: Mode, event: EnvelopeLike, format: FormatName | 'auto' = mode.format) {
  const wire = mode.encode(event);
  // What arrives over a transport has been through JSON (and headers are text); so is what is read here.
  const arrived = typeof wire === 'string' ? wire : JSON.parse(JSON.stringify(wire));
  return safeParse(arrived, { format, to: event.version ?? 1 });
}

describe('every example notification of every event type makes the round trip', () => {
  it('covers every event type in the catalogue that has a notification contract', () => {
    const notified = registry.types.filter((t) => runtimesOf(registry.get(t) ?? {}).notification);
    expect(notified.length).toBeGreaterThan(0);
    expect(new Set(validExamples.map((e) => e.event.eventType))).toEqual(new Set(notified));
  });

  const cases = MODES.flatMap((mode) => validExamples.map((example) => [`${mode.name}: ${example.name}`, { mode, event: example.event }] as const));
  it.each(cases)('%s', (_name, { mode, event }) => {
    const want = canonical(event);
    for (const format of [mode.format, 'auto'] as const) {
      const result = roundTrip(mode, event, format);
      expect(result.success ? result.event : result.error.issues).toStrictEqual(want);
    }
  });
});

describe('every example detail document reads back as it was stored', () => {
  it('covers every event type in the catalogue that has a detail contract', () => {
    const detailed = registry.types.filter((t) => runtimesOf(registry.get(t) ?? {}).detail);
    expect(detailed.length).toBeGreaterThan(0);
    expect(new Set(validDetailExamples.map((e) => e.document.eventType))).toEqual(new Set(detailed));
  });

  it.each(validDetailExamples.map((e) => [e.name, e] as const))('%s keeps what the detail document carries', (_name, { document, version }) => {
    // As a producer serves it (JSON text) and stores it (a jsonb value), read at its stored version.
    for (const input of [JSON.stringify(document), structuredClone(document)]) {
      const result = safeParseDetail(input, { version, to: version });
      expect(result.success ? { version: result.version, upgradedFrom: result.upgradedFrom, detail: result.detail } : result.error.issues).toStrictEqual({
        version,
        upgradedFrom: undefined,
        detail: document,
      });
    }
  });
});

const CRN = { type: 'CRN', value: 'X320741' };
const NOMS = { type: 'NOMS', value: 'A1234AB' };
const PNC = { type: 'PNC', value: '2004/0012345X' };
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Envelope fields to lay over an example; `undefined` removes the field. */
const variation = fc.record({
  id: fc.option(fc.uuid({ version: 4 }), { nil: undefined }),
  producer: optional(fc.constantFrom('hmpps-approved-premises-api', 'a', 'hmpps-interventions-service')),
  publishedAt: optional(fc.constantFrom('2024-06-13T17:52:26.55647055+01:00', '2024-01-01T00:00:00Z', '2023-03-26T01:30:00.1-00:00')),
  requestId: optional(text),
  correlationId: optional(text),
  traceparent: optional(fc.constantFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00')),
  description: optional(fc.string({ unit: 'grapheme', maxLength: 60 })),
  detailUrl: optional(fc.constantFrom('https://example.justice.gov.uk/events/1?a=b%20c&d=%25', 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66')),
  personReference: optional(fc.record({ identifiers: fc.array(fc.constantFrom(CRN, NOMS, PNC), { maxLength: 4 }) })),
  // Names `auto` looks for (specversion, Type with Message, headers with body) are left out: an hmpps
  // event carrying them would be read as another format, which the README says.
  unknown: fc.dictionary(
    fc.constantFrom('tracestate', 'source', 'subject', 'otherfields', 'filledin', 'noms', 'fooBar', 'x_y', 'partitionkey', 'data'),
    fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })),
    { maxKeys: 3 },
  ),
});

type Variation = typeof variation extends fc.Arbitrary<infer V> ? V : never;

function vary(event: EnvelopeLike, generated: Variation): EnvelopeLike {
  // fast-check makes records without a prototype; events read from JSON have one.
  const v = JSON.parse(JSON.stringify(generated)) as typeof generated;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!(key in generated)) out[key] = value;
  for (const [key, value] of Object.entries(generated)) if (key !== 'unknown' && value !== undefined) out[key] = v[key as keyof typeof v];
  for (const [key, value] of Object.entries(v.unknown)) out[key] = value;
  return out as unknown as EnvelopeLike;
}

describe('round trips of varied envelopes (fast-check, fixed seed)', () => {
  it.each(MODES.map((m) => [m.name, m] as const))('%s', (_name, mode) => {
    fc.assert(
      fc.property(fc.constantFrom(...validExamples), variation, (example, v) => {
        const event = vary(example.event, v);
        const want = canonical(event);
        for (const format of [mode.format, 'auto'] as const) {
          const result = roundTrip(mode, event, format);
          expect(result.success ? result.event : result.error.issues).toStrictEqual(want);
        }
      }),
      { seed: 20240701, numRuns: 300 },
    );
  });
});
