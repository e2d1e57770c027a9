import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_TYPES, Tally, totals } from '../../src/pipeline/tally.js';

const plain = (tally: Tally) => ({
  byType: Object.fromEntries(tally.counts.byType),
  unknownTypes: Object.fromEntries(tally.counts.unknownTypes),
  unknown: tally.counts.unknown,
  unreadable: tally.counts.unreadable,
  blank: tally.counts.blank,
  upgraded: tally.counts.upgraded,
});

const cases: Array<[string, { given: (a: Tally, b: Tally) => void; want: ReturnType<typeof plain> & { totals: ReturnType<typeof totals> } }]> = [
  [
    'adds counts by event type',
    {
      given: (a, b) => {
        a.ok('x.y.sent');
        a.failed('x.y.sent');
        b.ok('x.y.sent');
        b.ok('x.y.ended');
      },
      want: {
        byType: { 'x.y.sent': [2, 1], 'x.y.ended': [1, 0] },
        unknownTypes: {},
        unknown: 0,
        unreadable: 0,
        blank: 0,
        upgraded: 0,
        totals: { records: 4, ok: 3, failed: 1, unknown: 0 },
      },
    },
  ],
  [
    'unreadable records fail without an event type; blank lines are not records',
    {
      given: (a, b) => {
        a.failed(undefined);
        b.failed(undefined);
        b.blank();
        b.upgraded();
      },
      want: { byType: {}, unknownTypes: {}, unknown: 0, unreadable: 2, blank: 1, upgraded: 1, totals: { records: 2, ok: 0, failed: 2, unknown: 0 } },
    },
  ],
  [
    'unknown event types are counted apart, by name',
    {
      given: (a, b) => {
        a.unknown('a.b.c');
        b.unknown('a.b.c');
        b.unknown('d.e.f');
      },
      want: {
        byType: {},
        unknownTypes: { 'a.b.c': 2, 'd.e.f': 1 },
        unknown: 3,
        unreadable: 0,
        blank: 0,
        upgraded: 0,
        totals: { records: 3, ok: 0, failed: 0, unknown: 3 },
      },
    },
  ],
];

describe('Tally', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const [a, b] = [new Tally(), new Tally()];
    given(a, b);
    a.add(b.counts);
    const { totals: wantTotals, ...counts } = want;
    expect(plain(a)).toEqual(counts);
    expect(totals(a.counts)).toEqual(wantTotals);
  });

  it('keeps a bounded number of unknown type names, but counts them all', () => {
    const a = new Tally();
    const b = new Tally();
    for (let i = 0; i < MAX_UNKNOWN_TYPES + 5; i++) a.unknown(`a.type.${i}`);
    for (let i = 0; i < MAX_UNKNOWN_TYPES + 5; i++) b.unknown(`b.type.${i}`);
    a.add(b.counts);
    expect(a.counts.unknownTypes.size).toBe(MAX_UNKNOWN_TYPES);
    expect(a.counts.unknown).toBe(2 * (MAX_UNKNOWN_TYPES + 5));
  });
});
