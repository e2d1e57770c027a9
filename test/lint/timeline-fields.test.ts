/**
 * The `timeline-field` lint: each timeline placeholder must name a field that
 * every version the template applies to requires.
 */
import { describe, expect, it } from 'vitest';
import { type CatalogueCopy, catalogueCopy, checkAgainstRepo } from '../support/catalogue-copy.js';

const CHANGED = 'schemas/approved-premises.booking.changed/event.json';
const MADE = 'schemas/approved-premises.booking.made/event.json';
/** An event type with a notification contract only, whose `{{envelope.…}}` fields are the envelope schema's. */
const SENT = 'schemas/intervention.referral.sent/event.json';
type Timeline = Record<string, string>;
const timeline = (file: string, change: (t: Timeline) => void) => (c: CatalogueCopy) => c.editJson(file, (m) => change(m.timeline as Timeline));

const cases: [string, { given: (copy: CatalogueCopy) => void; want: string[] }][] = [
  ['the catalogue as it is', { given: () => undefined, want: [] }],
  [
    'a misspelt field',
    {
      given: timeline(CHANGED, (t) => (t['1'] = 'At {{premises.nmae}}')),
      want: [`error ${CHANGED}#/timeline/1 {{premises.nmae}} names no field of v1; the sentence would read "unknown" there`],
    },
  ],
  [
    'a nullable field',
    {
      given: timeline(CHANGED, (t) => (t['2'] = 'Moved from {{previousArrivalOn}}')),
      want: [expect.stringMatching(/^warning .*#\/timeline\/2 \{\{previousArrivalOn\}\} is not required in v2/u) as unknown as string],
    },
  ],
  [
    'an optional field',
    {
      given: timeline(CHANGED, (t) => (t['2'] = 'Moved to {{transferredTo.changeRequestId}}')),
      want: [expect.stringMatching(/^warning .*#\/timeline\/2 \{\{transferredTo\.changeRequestId\}\} is not required in v2/u) as unknown as string],
    },
  ],
  [
    'an optional field inside a required shared shape',
    {
      given: timeline(CHANGED, (t) => (t['2'] = 'By {{changedBy.username}}')),
      want: [expect.stringMatching(/^warning .*is not required in v2/u) as unknown as string],
    },
  ],
  [
    'a field added in v2 used in the template for v1',
    {
      given: timeline(CHANGED, (t) => (t['1'] = 'Moved from {{previousArrivalOn}}')),
      want: [`error ${CHANGED}#/timeline/1 {{previousArrivalOn}} names no field of v1; the sentence would read "unknown" there`],
    },
  ],
  [
    'a template for v1 that v2 reads too is checked against both',
    {
      given: timeline(MADE, (t) => {
        delete t['2'];
        t['1'] = 'Booked by {{bookedBy.staffMember.surname}}';
      }),
      want: [expect.stringMatching(/is not required in v1/u) as unknown as string, expect.stringMatching(/is not required in v2/u) as unknown as string],
    },
  ],
  [
    'envelope fields: required, optional and unknown',
    {
      given: timeline(SENT, (t) => (t['1'] = '{{envelope.occurredAt}} {{envelope.producer}} {{envelope.nothing}}')),
      want: [
        expect.stringMatching(/^warning .*\{\{envelope\.producer\}\} is not required in the envelope/u) as unknown as string,
        expect.stringMatching(/^error .*\{\{envelope\.nothing\}\} names no field of the envelope/u) as unknown as string,
      ],
    },
  ],
  [
    "a detail contract's envelope fields are the detail document's own",
    {
      given: timeline(CHANGED, (t) => (t['2'] = '{{envelope.timestamp}} {{envelope.id}} {{envelope.occurredAt}}')),
      want: [
        `error ${CHANGED}#/timeline/2 {{envelope.occurredAt}} names no field of the detail document (id, timestamp, eventType); the sentence would read "unknown" there`,
      ],
    },
  ],
];

describe('check: timeline-field', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const copy = catalogueCopy();
    given(copy);
    const found = checkAgainstRepo(copy).findings.filter((f) => f.code === 'timeline-field');
    expect(found.map((f) => `${f.severity} ${f.file}#${f.pointer} ${f.message}`)).toEqual(want);
  });
});
