/**
 * `build` is strict where reading is tolerant: a producer can only send what
 * the contract says. It requires a `detailUrl` wherever the event type has
 * one (every real consumer fetches it), holds identifiers to the CRN and NOMS
 * patterns, and derives `personReference` from the data where the data names
 * the person; while `safeParse` accepts what real producers send.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, ContractError, cas1BookingCancelled, safeParse } from '../../src/index.js';
import { IDENTIFIER_PATTERNS } from '../../src/runtime/identifiers.js';
import { example } from '../support/examples.js';
import { ROOT } from '../support/repo.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const ATTENDED = 'intervention.session-appointment.attended';
const cancelled = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const attended = example(ATTENDED, 'notification.v1.session-attended.valid.json');

/** The issues `build` throws, as `code path`. */
function refusal(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ContractError) return error.issues.map((i) => `${i.code} ${i.path}`);
    throw error;
  }
  return [];
}

describe('build', () => {
  it('requires a detailUrl where the event type has one', () => {
    const input = { additionalInformation: cancelled.additionalInformation, personReference: cancelled.personReference } as never;
    expect(refusal(() => cas1BookingCancelled.build(input))).toEqual(['required /detailUrl']);
    expect(refusal(() => cas1BookingCancelled.build({ ...(input as object), detailUrl: cancelled.detailUrl } as never))).toEqual([]);
  });

  it('derives personReference from the CRN in the data, as the interventions service does', () => {
    const event = build(ATTENDED, { additionalInformation: attended.additionalInformation as never, detailUrl: attended.detailUrl as string });
    expect(event.personReference).toEqual({ identifiers: [{ type: 'CRN', value: 'X320741' }] });
  });

  it.each<[string, object, string[]]>([
    ['a CRN that is not well-formed', { identifiers: [{ type: 'CRN', value: 'x320741' }] }, ['pattern /personReference/identifiers/0/value']],
    [
      'a NOMS placeholder',
      {
        identifiers: [
          { type: 'CRN', value: 'X320741' },
          { type: 'NOMS', value: 'Unknown NOMS Number' },
        ],
      },
      ['pattern /personReference/identifiers/1/value'],
    ],
    [
      'well-formed identifiers',
      {
        identifiers: [
          { type: 'CRN', value: 'X320741' },
          { type: 'NOMS', value: 'A4821BD' },
        ],
      },
      [],
    ],
  ])('refuses %s, which readers accept', (_, personReference, want) => {
    const input = { additionalInformation: cancelled.additionalInformation, detailUrl: cancelled.detailUrl, personReference } as never;
    expect(refusal(() => cas1BookingCancelled.build(input))).toEqual(want);
    expect(safeParse({ ...cancelled, personReference }).success).toBe(true);
  });

  it('refuses data the contract does not describe', () => {
    const input = { additionalInformation: { ...(cancelled.additionalInformation as object), extra: 1 }, detailUrl: cancelled.detailUrl } as never;
    expect(refusal(() => cas1BookingCancelled.build(input))).toEqual(['unknown_property /additionalInformation/extra']);
  });
});

describe('the identifier patterns', () => {
  it.each([
    ['CRN', 'crn.schema.json'],
    ['NOMS', 'noms-number.schema.json'],
  ])('%s is the pattern of _shared/%s', (type, file) => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/_shared', file), 'utf8')) as { pattern: string };
    expect(IDENTIFIER_PATTERNS[type]?.pattern).toBe(schema.pattern);
  });
});
