/**
 * `describe(event)`: the timeline sentence, worded for the event's version,
 * and what it does with events that are missing values or are not events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineContract } from '../../src/catalogue/model.js';
import { type DescribeOptions, describe as describeEvent } from '../../src/index.js';
import { describeWith, fillTemplate, templateFor, templatePaths } from '../../src/runtime/describe.js';
import { changed, example } from '../support/examples.js';
import { repoCatalogue } from '../support/repo.js';

const CHANGED = 'approved-premises.booking.changed';
const CANCELLED = 'approved-premises.booking.cancelled';
// booking.changed has a detail contract: its timeline templates are keyed by detail versions, and read the detail document.
const changedV1 = example(CHANGED, 'detail.v1.dates-changed.valid.json');
const changedV2 = example(CHANGED, 'detail.v2.departure-extended.valid.json');
const cancelledV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const cancelledV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');
const changedNotification = example(CHANGED, 'notification.v1.booking-changed.valid.json');
/** The fields of the examples' details that the templates read. */
interface Details {
  premises: { name: string };
  arrivalOn: string;
  departureOn: string;
  changedBy: { forenames: string; surname: string };
  cancellationReason: string;
  cancelledAtDate: string;
}
const details = (document: Record<string, unknown>) => document.eventDetails as Details;
const v1Wording = (d: Details) => `The placement at ${d.premises.name} was changed to run from ${d.arrivalOn} to ${d.departureOn}`;
const v2Wording = (d: Details) =>
  `${d.changedBy.forenames} ${d.changedBy.surname} changed the placement at ${d.premises.name}; it now runs from ${d.arrivalOn} to ${d.departureOn}`;

describe('describe', () => {
  it.each<[string, { given: unknown; options?: DescribeOptions; want: string }]>([
    ['booking.changed v1, in the v1 wording', { given: changedV1, options: { version: 1 }, want: v1Wording(details(changedV1)) }],
    ['booking.changed v2, in the v2 wording', { given: changedV2, options: { version: 2 }, want: v2Wording(details(changedV2)) }],
    [
      'booking.cancelled v1',
      {
        given: cancelledV1,
        options: { version: 1 },
        want: `The placement at ${details(cancelledV1).premises.name} was cancelled: ${details(cancelledV1).cancellationReason}`,
      },
    ],
    [
      'booking.cancelled v2 says from when',
      {
        given: cancelledV2,
        options: { version: 2 },
        want: `The placement at ${details(cancelledV2).premises.name} was cancelled with effect from ${details(cancelledV2).cancelledAtDate}: ${details(cancelledV2).cancellationReason}`,
      },
    ],
    ['no version is read as version 1', { given: changedV1, want: v1Wording(details(changedV1)) }],
    [
      'a stored version of null (a NULL schema_version) is read as version 1',
      { given: changedV1, options: { version: null }, want: v1Wording(details(changedV1)) },
    ],
    ['the stored version is the caller’s: a detail document carries none', { given: changedV2, options: { version: 1 }, want: v1Wording(details(changedV2)) }],
    ['a version newer than any template uses the latest template below it', { given: changedV2, options: { version: 7 }, want: v2Wording(details(changedV2)) }],
    [
      'a missing value reads "unknown", never "undefined"',
      {
        given: changed(changedV1, { eventDetails: { ...details(changedV1), premises: undefined, arrivalOn: null } }),
        options: { version: 1 },
        want: `The placement at unknown was changed to run from unknown to ${details(changedV1).departureOn}`,
      },
    ],
    [
      'an object, a blank string or a non-finite number where text belongs reads "unknown"',
      {
        given: changed(changedV1, { eventDetails: { ...details(changedV1), premises: { name: { first: 'x' } }, arrivalOn: '  ', departureOn: Number.NaN } }),
        options: { version: 1 },
        want: 'The placement at unknown was changed to run from unknown to unknown',
      },
    ],
    ['no data at all', { given: { eventType: CHANGED, version: 1 }, want: 'The placement at unknown was changed to run from unknown to unknown' }],
    [
      'a detail document with no details',
      {
        given: { eventType: CHANGED, eventDetails: null },
        options: { version: 2 },
        want: 'unknown unknown changed the placement at unknown; it now runs from unknown to unknown',
      },
    ],
    [
      'an unknown event type falls back to the envelope description',
      { given: { eventType: 'x.y.z', description: 'Something happened' }, want: 'Something happened' },
    ],
    [
      'a version that is not a positive integer falls back too',
      { given: changed(changedNotification, { version: '2' }), want: String(changedNotification.description) },
    ],
    ['a stored version that is not a positive integer: a detail document has no description', { given: changedV2, options: { version: 0 }, want: '' }],
    ['version 0, without a description', { given: { eventType: CHANGED, version: 0 }, want: '' }],
    ['null', { given: null, want: '' }],
    ['a string', { given: 'approved-premises.booking.changed', want: '' }],
    ['an array', { given: [changedV1], want: '' }],
    ['an event type inherited from the prototype is not read', { given: Object.create({ eventType: CHANGED }), want: '' }],
  ])('%s', (_name, { given, options, want }) => {
    expect(describeEvent(given, options)).toEqual(want);
  });

  it('shows what the caller asks for a missing value', () => {
    expect(describeEvent({ eventType: 'approved-premises.booking.not-made' }, { missing: '—' })).toBe(
      'A placement could not be made for the request (recorded at —)',
    );
  });

  it('never throws, whatever it is given: any value, or a notification or detail document of a real type holding anything', () => {
    const types = repoCatalogue().events.map((e) => e.type);
    const event = fc.record(
      {
        eventType: fc.constantFrom(...types),
        version: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.anything()),
        additionalInformation: fc.anything(),
        eventDetails: fc.anything(),
        description: fc.anything(),
      },
      { requiredKeys: ['eventType'] },
    );
    const options = fc.option(fc.record({ version: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constant(null), fc.anything()), missing: fc.anything() }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), event), options, (given, opts) => {
        expect(typeof describeEvent(given, opts as DescribeOptions | undefined)).toBe('string');
      }),
      { seed: 20_261_123, numRuns: 500 },
    );
  });

  it('gives a sentence with every value filled in for every valid example in the catalogue', () => {
    const { events } = repoCatalogue();
    // A detail document is described at its version (which it does not carry); a notification at its own.
    const sentences = events.flatMap((event) =>
      timelineContract(event).versions.flatMap((v) =>
        v.examples.filter((e) => e.expect === 'valid').map((e) => [e.file, describeEvent(e.json, { version: v.version })] as const),
      ),
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
    const event = { ...changedNotification, occurredAt: '2024-03-01T09:30:12.804+00:00', additionalInformation: { tags: ['a', 2, true], mixed: ['a', {}] } };
    expect(fillTemplate(template, event)).toBe(want);
  });

  it('fillTemplate: a detail document, its data from eventDetails and envelope fields from the document', () => {
    expect(fillTemplate('{{premises.name}} at {{envelope.timestamp}} ({{envelope.eventType}})', changedV1)).toBe(
      `${details(changedV1).premises.name} at ${changedV1.timestamp} (${CHANGED})`,
    );
  });

  it('describes with one event type object instead of a registry', () => {
    expect(describeWith({ eventType: 'any.thing.done', version: 2, additionalInformation: { n: 4 } }, { timeline: { '1': 'v1 {{n}}', '2': 'v2 {{n}}' } })).toBe(
      'v2 4',
    );
  });
});
