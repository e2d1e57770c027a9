/**
 * `describe(event)`: the timeline sentence, worded for the event's version,
 * and what it does with events that are missing values or are not events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineContract } from '../../src/catalogue/model.js';
import { describe as describeEvent } from '../../src/index.js';
import { describeWith, fillTemplate, templateFor, templatePaths } from '../../src/runtime/describe.js';
import { changed, example } from '../support/examples.js';
import { repoCatalogue } from '../support/repo.js';

const CHANGED = 'approved-premises.booking.changed';
const CANCELLED = 'approved-premises.booking.cancelled';
const changedV1 = example(CHANGED, 'notification.v1.booking-changed.valid.json');
const changedV2 = example(CHANGED, 'notification.v2.booking-changed.valid.json');
const data = (event: Record<string, unknown>) => event.additionalInformation as Record<string, unknown>;

describe('describe', () => {
  it.each<[string, { given: unknown; want: string }]>([
    [
      'booking.changed v1, in the v1 wording',
      { given: changedV1, want: 'The booking at Elm Lodge was changed by Gareth Lloyd-Evans to run from 2024-02-19 to 2024-06-10' },
    ],
    [
      'booking.changed v2, in the v2 wording',
      {
        given: changedV2,
        want: 'Priya Chandran changed the dates or room requirements of the booking at Bridge House; it now runs from 2024-10-01 to 2025-02-03',
      },
    ],
    [
      'booking.cancelled v1',
      {
        given: example(CANCELLED, 'notification.v1.cancelled.valid.json'),
        want: 'The booking at Hope House was cancelled by John Smith: Booking successfully appealed',
      },
    ],
    [
      'booking.cancelled v2 says from when',
      {
        given: example(CANCELLED, 'notification.v2.cancelled.valid.json'),
        want: 'The booking at Hope House was cancelled with effect from 2024-07-01 by John Smith: The person was recalled to prison',
      },
    ],
    [
      'no version is read as version 1',
      {
        given: changed(changedV1, { version: undefined }),
        want: 'The booking at Elm Lodge was changed by Gareth Lloyd-Evans to run from 2024-02-19 to 2024-06-10',
      },
    ],
    [
      'a version newer than any template uses the latest template below it',
      { given: changed(changedV2, { version: 7 }), want: expect.stringMatching(/^Priya Chandran changed the dates/u) as unknown as string },
    ],
    [
      'a missing value reads "unknown", never "undefined"',
      {
        given: changed(changedV1, { additionalInformation: { ...data(changedV1), premises: undefined, arrivalOn: null } }),
        want: 'The booking at unknown was changed by Gareth Lloyd-Evans to run from unknown to 2024-06-10',
      },
    ],
    [
      'an object, a blank string or a non-finite number where text belongs reads "unknown"',
      {
        given: changed(changedV1, {
          additionalInformation: { ...data(changedV1), premises: { name: { first: 'x' } }, arrivalOn: '  ', departureOn: Number.NaN },
        }),
        want: 'The booking at unknown was changed by Gareth Lloyd-Evans to run from unknown to unknown',
      },
    ],
    [
      'no data at all',
      { given: { eventType: CHANGED, version: 1 }, want: 'The booking at unknown was changed by unknown unknown to run from unknown to unknown' },
    ],
    [
      'an unknown event type falls back to the envelope description',
      { given: { eventType: 'x.y.z', description: 'Something happened' }, want: 'Something happened' },
    ],
    [
      'a version that is not a positive integer falls back too',
      { given: changed(changedV2, { version: '2' }), want: 'An Approved Premises booking has been changed' },
    ],
    ['version 0, without a description', { given: { eventType: CHANGED, version: 0 }, want: '' }],
    ['null', { given: null, want: '' }],
    ['a string', { given: 'approved-premises.booking.changed', want: '' }],
    ['an array', { given: [changedV1], want: '' }],
    ['an event type inherited from the prototype is not read', { given: Object.create({ eventType: CHANGED }), want: '' }],
  ])('%s', (_name, { given, want }) => {
    expect(describeEvent(given)).toEqual(want);
  });

  it('shows what the caller asks for a missing value', () => {
    expect(describeEvent({ eventType: 'approved-premises.booking.not-made' }, { missing: '—' })).toBe(
      'An attempt on — to book an approved premises place did not succeed',
    );
  });

  it('never throws, whatever it is given: any value, or an envelope of a real type holding anything', () => {
    const types = repoCatalogue().events.map((e) => e.type);
    const envelope = fc.record(
      {
        eventType: fc.constantFrom(...types),
        version: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.anything()),
        additionalInformation: fc.anything(),
        description: fc.anything(),
      },
      { requiredKeys: ['eventType'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), envelope), (event) => {
        expect(typeof describeEvent(event)).toBe('string');
      }),
      { seed: 20_261_123, numRuns: 500 },
    );
  });

  it('gives a sentence with every value filled in for every valid example in the catalogue', () => {
    const { events } = repoCatalogue();
    const sentences = events.flatMap((event) =>
      timelineContract(event).versions.flatMap((v) => v.examples.filter((e) => e.expect === 'valid').map((e) => [e.file, describeEvent(e.json)] as const)),
    );
    // Every version has at least one valid example, so every template is exercised.
    expect(sentences.length).toBeGreaterThanOrEqual(events.reduce((n, e) => n + timelineContract(e).versions.length, 0));
    for (const [file, sentence] of sentences) {
      expect(sentence, file).not.toMatch(/unknown|undefined|\{\{|\}\}/u);
      expect(sentence.length, file).toBeGreaterThan(20);
    }
  });
});

describe('templates', () => {
  const timeline = { '1': 'one', '3': 'three' };
  it.each<[string, { given: number; want: string | undefined }]>([
    ['version 1', { given: 1, want: 'one' }],
    ['version 2 still reads the version 1 template', { given: 2, want: 'one' }],
    ['version 3', { given: 3, want: 'three' }],
    ['version 9', { given: 9, want: 'three' }],
    ['version 0', { given: 0, want: undefined }],
    ['a fraction', { given: 2.5, want: undefined }],
    ['NaN', { given: Number.NaN, want: undefined }],
  ])('templateFor: %s', (_name, { given, want }) => {
    expect(templateFor(timeline, given)).toBe(want);
  });

  it.each<[string, { given: string; want: string[] }]>([
    ['none', { given: 'plain text', want: [] }],
    [
      'data and envelope paths, spaces allowed inside the braces',
      { given: 'at {{premises.name}} on {{ envelope.occurredAt }}', want: ['premises.name', 'envelope.occurredAt'] },
    ],
    ['single braces are text', { given: '{premises} {{}}', want: [] }],
  ])('templatePaths: %s', (_name, { given, want }) => {
    expect(templatePaths(given)).toEqual(want);
  });

  it.each<[string, { template: string; want: string }]>([
    [
      'an envelope field',
      { template: 'occurred {{envelope.occurredAt}} via {{envelope.producer}}', want: 'occurred 2024-03-01T09:30:12.804+00:00 via unknown' },
    ],
    ['a list of values, joined', { template: '{{tags}}', want: 'a, 2, true' }],
    ['a list holding an object', { template: '{{mixed}}', want: 'unknown' }],
    ['prototype keys are not data', { template: '{{__proto__}} {{constructor.name}} {{tags.length}}', want: 'unknown unknown unknown' }],
  ])('fillTemplate: %s', (_name, { template, want }) => {
    const event = { ...changedV1, additionalInformation: { tags: ['a', 2, true], mixed: ['a', {}] } };
    expect(fillTemplate(template, event)).toBe(want);
  });

  it('describes with one event type object instead of a registry', () => {
    expect(describeWith({ eventType: 'any.thing.done', version: 2, additionalInformation: { n: 4 } }, { timeline: { '1': 'v1 {{n}}', '2': 'v2 {{n}}' } })).toBe(
      'v2 4',
    );
  });
});
