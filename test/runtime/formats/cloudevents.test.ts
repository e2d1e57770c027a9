import { describe, expect, it } from 'vitest';
import { ContractError, type EnvelopeLike, type Issue, safeParse, serialize, toHttpBinary, toKafkaBinary } from '../../../src/index.js';
import { example } from './examples.js';

/** A real notification, with every transport field a producer may add. */
const event: EnvelopeLike = {
  ...example('approved-premises.booking.cancelled/examples/notification.v1.booking-cancelled.valid.json'),
  id: '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817',
  producer: 'hmpps-approved-premises-api',
  publishedAt: '2026-08-11T09:26:04.120Z',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};
const legacy = example('intervention.referral.assigned/examples/notification.v1.referral-assigned.valid.json');
const BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';
const CRN = event.personReference?.identifiers.find((i) => i.type === 'CRN')?.value;
const NOMS = event.personReference?.identifiers.find((i) => i.type === 'NOMS')?.value;

const structured = (e: EnvelopeLike = event) => JSON.parse(serialize(e, 'cloudevents')) as Record<string, unknown>;
/** The structured event without its noms attribute, which is not used beside personreference. */
const withoutNoms = () => {
  const { noms: _, ...rest } = structured();
  return rest;
};
const change = <T extends Record<string, unknown>>(value: T, edit: (v: T) => void): T => {
  edit(value);
  return value;
};

describe('writing structured mode', () => {
  it('maps every envelope field to an attribute', () => {
    expect(structured()).toStrictEqual({
      specversion: '1.0',
      id: event.id,
      source: 'hmpps-approved-premises-api',
      type: 'approved-premises.booking.cancelled',
      time: event.occurredAt,
      subject: CRN,
      noms: NOMS,
      dataschema: `${BASE}approved-premises.booking.cancelled/notification/v1.schema.json`,
      datacontenttype: 'application/json',
      traceparent: event.traceparent,
      publishedat: event.publishedAt,
      description: event.description,
      detailurl: event.detailUrl,
      data: event.additionalInformation,
    });
  });

  it.each<[string, { given: Record<string, unknown>; want: Record<string, unknown> }]>([
    [
      'CRN, NOMS and PNC in the usual order: subject, noms and pnc',
      {
        given: {
          personReference: {
            identifiers: [
              { type: 'CRN', value: 'X320741' },
              { type: 'NOMS', value: 'A1234AB' },
              { type: 'PNC', value: '2004/0012345X' },
            ],
          },
        },
        want: { subject: 'X320741', noms: 'A1234AB', pnc: '2004/0012345X' },
      },
    ],
    [
      'any other list travels whole, with subject still the first CRN',
      {
        given: {
          personReference: {
            identifiers: [
              { type: 'NOMS', value: 'A1234AB' },
              { type: 'CRN', value: 'X320741' },
            ],
          },
        },
        want: { subject: 'X320741', personreference: '{"identifiers":[{"type":"NOMS","value":"A1234AB"},{"type":"CRN","value":"X320741"}]}' },
      },
    ],
    ['an empty list travels whole, with no subject', { given: { personReference: { identifiers: [] } }, want: { personreference: '{"identifiers":[]}' } }],
    [
      'unknown fields: a lower-case name with a string value is an extension; anything else goes in otherfields',
      {
        given: { tracestate: 'congo=t61rcWkgMzE', fooBar: 1, subject: 'x' },
        want: { tracestate: 'congo=t61rcWkgMzE', otherfields: '{"fooBar":1,"subject":"x"}' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const { personReference: _, ...rest } = event;
    const attributes = structured({ ...rest, ...given } as unknown as EnvelopeLike);
    for (const [key, value] of Object.entries(want)) expect(attributes[key]).toStrictEqual(value);
    if (!('subject' in want)) expect(attributes).not.toHaveProperty('subject');
  });

  it('fills in id and source for an event that has neither, the same way every time, and says so', () => {
    const first = structured(legacy);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(structured(legacy).id).toBe(first.id);
    expect(structured({ ...legacy, occurredAt: '2024-03-04T16:02:45.381928+00:00' }).id).not.toBe(first.id);
    expect(first.source).toBe(BASE);
    expect(first.filledin).toBe('id,producer');
  });

  it('refuses a field that must become a string attribute but is not one', () => {
    const bad = { ...event, description: 5 } as unknown as EnvelopeLike;
    expect(() => serialize(bad, 'cloudevents')).toThrow(ContractError);
    expect(() => toHttpBinary(bad)).toThrow(/\/description: expected string, received number/u);
  });
});

type Want = { code: string; issue: Partial<Issue> };

describe('reading structured mode: what is wrong is reported where it is', () => {
  const cases: Array<[string, { given: unknown; want: Want }]> = [
    ['not an object', { given: [1], want: { code: 'invalid_input', issue: { path: '' } } }],
    [
      'specversion 0.3',
      { given: { ...structured(), specversion: '0.3' }, want: { code: 'invalid_input', issue: { path: '/specversion', received: '"0.3"' } } },
    ],
    ['no id', { given: change(structured(), (c) => delete c.id), want: { code: 'invalid_input', issue: { path: '/id', received: 'nothing' } } }],
    ['no source', { given: change(structured(), (c) => delete c.source), want: { code: 'invalid_input', issue: { path: '/source' } } }],
    ['no type', { given: change(structured(), (c) => delete c.type), want: { code: 'invalid_event', issue: { code: 'required', path: '/type' } } }],
    ['XML data', { given: { ...structured(), datacontenttype: 'application/xml' }, want: { code: 'invalid_input', issue: { path: '/datacontenttype' } } }],
    [
      'a dataschema from elsewhere',
      { given: { ...structured(), dataschema: 'https://example.com/schema.json' }, want: { code: 'invalid_input', issue: { path: '/dataschema' } } },
    ],
    [
      'a dataschema of another event type',
      {
        given: { ...structured(), dataschema: `${BASE}approved-premises.booking.made/notification/v1.schema.json` },
        want: { code: 'event_type_mismatch', issue: { code: 'event_type_mismatch', path: '/dataschema' } },
      },
    ],
    [
      'a version this package does not know',
      {
        given: { ...structured(), dataschema: `${BASE}approved-premises.booking.cancelled/notification/v9.schema.json` },
        want: { code: 'unknown_version', issue: { code: 'unknown_version', path: '/dataschema' } },
      },
    ],
    [
      'a time without an offset',
      { given: { ...structured(), time: '2022-11-30T14:53:44' }, want: { code: 'invalid_event', issue: { code: 'invalid_format', path: '/time' } } },
    ],
    [
      'bad data',
      {
        given: change(structured(), (c) => ((c.data as Record<string, unknown>).applicationId = 'x')),
        want: { code: 'invalid_event', issue: { code: 'invalid_format', path: '/data/applicationId' } },
      },
    ],
    // Identifiers are read as producers send them (the CRN "null", "Unknown NOMS Number"); build checks their patterns. Empty ones are never valid.
    ['an empty CRN', { given: { ...structured(), subject: '' }, want: { code: 'invalid_event', issue: { code: 'pattern', path: '/subject' } } }],
    [
      'an empty NOMS number in its own attribute',
      { given: { ...structured(), noms: '' }, want: { code: 'invalid_event', issue: { code: 'pattern', path: '/noms' } } },
    ],
    [
      'a bad PNC id in its own attribute',
      { given: { ...structured(), pnc: 'nope' }, want: { code: 'invalid_event', issue: { code: 'pattern', path: '/pnc' } } },
    ],
    [
      'a subject that disagrees with personreference',
      {
        given: { ...withoutNoms(), personreference: '{"identifiers":[{"type":"CRN","value":"A000001"}]}' },
        want: { code: 'invalid_input', issue: { path: '/subject', received: JSON.stringify(CRN) } },
      },
    ],
    [
      'a bad identifier inside personreference',
      {
        given: { ...withoutNoms(), subject: undefined, personreference: '{"identifiers":[{"type":"NOMS","value":""}]}' },
        want: { code: 'invalid_event', issue: { code: 'pattern', path: '/personreference/identifiers/0/value' } },
      },
    ],
    [
      'an extension with the name of an envelope field',
      { given: { ...structured(), producer: 'someone-else' }, want: { code: 'invalid_input', issue: { path: '/producer' } } },
    ],
    [
      'otherfields naming a field given elsewhere',
      { given: { ...structured(), otherfields: '{"detailUrl":"https://x"}' }, want: { code: 'invalid_input', issue: { path: '/otherfields/detailUrl' } } },
    ],
    ['otherfields that is not JSON', { given: { ...structured(), otherfields: '{' }, want: { code: 'invalid_json', issue: { path: '/otherfields' } } }],
    ['filledin naming something else', { given: { ...structured(), filledin: 'time' }, want: { code: 'invalid_input', issue: { path: '/filledin' } } }],
    [
      'data_base64 that is not base64 of UTF-8',
      {
        given: change(structured(), (c) => {
          c.data_base64 = '/w==';
          delete c.data;
        }),
        want: { code: 'invalid_input', issue: { path: '/data_base64' } },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const result = safeParse(JSON.parse(JSON.stringify(given)), { format: 'cloudevents' });
    expect(result.success ? 'valid' : result.error.code).toBe(want.code);
    if (!result.success) expect(result.error.issues[0]).toMatchObject(want.issue);
  });

  it('reads data given as data_base64', () => {
    const c = structured();
    c.data_base64 = Buffer.from(JSON.stringify(c.data)).toString('base64');
    delete c.data;
    const result = safeParse(c);
    expect(result.success ? result.event.additionalInformation : result.error.issues).toStrictEqual(event.additionalInformation);
  });

  it('keeps extensions it does not know as envelope fields', () => {
    const result = safeParse({ ...structured(), knativearrivaltime: '2024-07-01T08:15:03Z' });
    expect(result.success && (result.event as unknown as Record<string, unknown>).knativearrivaltime).toBe('2024-07-01T08:15:03Z');
  });
});

describe('reading binary mode and structured mode over a transport', () => {
  const http = () => ({ headers: { ...toHttpBinary(event).headers } as Record<string, unknown>, body: toHttpBinary(event).body as unknown });
  const kafka = () => ({ headers: { ...toKafkaBinary(event).headers } as Record<string, unknown>, value: toKafkaBinary(event).value as unknown });
  const badData = JSON.stringify({ ...(event.additionalInformation as object), applicationId: 'x' });

  const cases: Array<[string, { given: unknown; want: Want | 'valid' }]> = [
    [
      'HTTP headers with any case',
      { given: { ...http(), headers: Object.fromEntries(Object.entries(http().headers).map(([k, v]) => [k.toUpperCase(), v])) }, want: 'valid' },
    ],
    [
      'one-item arrays, as Node gives repeated headers',
      { given: { ...http(), headers: Object.fromEntries(Object.entries(http().headers).map(([k, v]) => [k, [v]])) }, want: 'valid' },
    ],
    [
      'a WHATWG Headers object and a parsed body',
      { given: { headers: new Headers(http().headers as Record<string, string>), body: event.additionalInformation }, want: 'valid' },
    ],
    [
      'Kafka header values and value as bytes',
      {
        given: {
          headers: Object.fromEntries(Object.entries(kafka().headers).map(([k, v]) => [k, Buffer.from(v as string)])),
          value: Buffer.from(kafka().value as string),
        },
        want: 'valid',
      },
    ],
    [
      'an HTTP message with no CloudEvents headers',
      { given: { headers: { 'content-type': 'application/json' }, body: '{}' }, want: { code: 'invalid_input', issue: { path: '/headers' } } },
    ],
    [
      'a batch',
      {
        given: { headers: { 'content-type': 'application/cloudevents-batch+json' }, body: '[]' },
        want: { code: 'invalid_input', issue: { path: '/headers/content-type' } },
      },
    ],
    [
      'bad data in an HTTP body',
      { given: { ...http(), body: badData }, want: { code: 'invalid_event', issue: { code: 'invalid_format', path: '/body/applicationId' } } },
    ],
    [
      'bad data in a Kafka value',
      { given: { ...kafka(), value: badData }, want: { code: 'invalid_event', issue: { code: 'invalid_format', path: '/value/applicationId' } } },
    ],
    [
      'a bad time header',
      {
        given: change(http(), (m) => (m.headers['ce-time'] = '2024-01-01T10:00:00+01:00[Europe/London]')),
        want: { code: 'invalid_event', issue: { path: '/headers/ce-time' } },
      },
    ],
    ['a body that is not JSON', { given: { ...http(), body: '{"a":' }, want: { code: 'invalid_json', issue: { path: '/body' } } }],
    [
      'XML content',
      {
        given: change(http(), (m) => (m.headers['content-type'] = 'application/xml')),
        want: { code: 'invalid_input', issue: { path: '/headers/content-type' } },
      },
    ],
    [
      'a header given twice',
      { given: change(http(), (m) => (m.headers['ce-id'] = ['a', 'b'])), want: { code: 'invalid_input', issue: { path: '/headers/ce-id' } } },
    ],
    [
      'a header under two spellings',
      { given: change(http(), (m) => (m.headers['CE-ID'] = 'x')), want: { code: 'invalid_input', issue: { path: '/headers/CE-ID' } } },
    ],
    [
      'percent-escapes that are not UTF-8',
      { given: change(http(), (m) => (m.headers['ce-description'] = '%C0%A0')), want: { code: 'invalid_input', issue: { path: '/headers/ce-description' } } },
    ],
    [
      'ce_datacontenttype that disagrees with content-type',
      {
        given: change(kafka(), (m) => (m.headers.ce_datacontenttype = 'text/plain')),
        want: { code: 'invalid_input', issue: { path: '/headers/ce_datacontenttype' } },
      },
    ],
    [
      'structured mode over HTTP, with bad data',
      {
        given: {
          headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
          body: JSON.stringify(change(structured(), (c) => ((c.data as Record<string, unknown>).applicationId = 'x'))),
        },
        want: { code: 'invalid_event', issue: { path: '/body/data/applicationId' } },
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const result = safeParse(given);
    if (want === 'valid') {
      expect(result.success ? result.event : result.error.issues).toStrictEqual(event);
      return;
    }
    expect(result.success ? 'valid' : result.error.code).toBe(want.code);
    if (!result.success) expect(result.error.issues[0]).toMatchObject(want.issue);
  });
});
