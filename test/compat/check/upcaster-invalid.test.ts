/**
 * `upcaster-invalid` on a notification contract and a detail contract of a
 * throwaway catalogue: the step runs with the context readers give it (the
 * whole envelope of a notification, a detail document's id and timestamp,
 * and context values the caller passes), so a correct upcast passes and a
 * wrong one is refused with a counterexample.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCheck } from '../../../src/compat/check/run-check.js';
import { tempRepo, writeEventType } from '../../support/temp-repo.js';

const TYPE = 'test.booking.cancelled';
const staff = {
  type: 'object',
  additionalProperties: false,
  required: ['staffCode', 'forenames', 'surname'],
  properties: { staffCode: { type: 'string', pattern: '^[A-Z][0-9]{2}[A-Z]$' }, forenames: { type: 'string' }, surname: { type: 'string' } },
};
const v1 = {
  title: 'TestBookingCancelledNotificationV1',
  type: 'object',
  additionalProperties: false,
  required: ['bookingId', 'cancelledAt'],
  properties: { bookingId: { type: 'string', format: 'uuid' }, cancelledAt: { type: 'string', format: 'date-time' }, note: { type: 'string' } },
};
const v2 = {
  title: 'TestBookingCancelledNotificationV2',
  type: 'object',
  additionalProperties: false,
  required: ['bookingId', 'cancelledAt', 'cancelledAtDate', 'recordedAt', 'recordedBy'],
  properties: {
    bookingId: { type: 'string', format: 'uuid' },
    cancelledAt: { type: 'string', format: 'date-time' },
    cancelledAtDate: { type: 'string', format: 'date' },
    recordedAt: { type: 'string', format: 'date-time' },
    recordedBy: staff,
    note: { type: 'string' },
  },
};
const DATE = { op: 'date-in-zone', from: '/cancelledAt', path: '/cancelledAtDate', timeZone: 'Europe/London' };
const RECORDED_AT = { op: 'add', path: '/recordedAt', fromEnvelope: 'publishedAt' };
const RECORDED_BY = { op: 'add', path: '/recordedBy', fromContext: 'recordedBy' };
const upcast = (operations: unknown[], kind = 'transform') => ({
  $schema: '../../_meta/upcast.schema.json',
  kind,
  description: 'How v1 data becomes v2 data.',
  ...(kind === 'transform' ? { operations } : {}),
});

interface Case {
  readonly kind?: 'notification' | 'detail';
  readonly upcast: Record<string, unknown>;
  readonly want: readonly { pointer: string; message: RegExp; path?: string }[];
}

const cases: [string, Case][] = [
  ['a complete upcast reading the envelope and a context value the caller must pass', { upcast: upcast([DATE, RECORDED_AT, RECORDED_BY]), want: [] }],
  [
    'an upcast that leaves a required field unfilled',
    {
      upcast: upcast([DATE, RECORDED_AT]),
      want: [
        {
          pointer: '/operations',
          path: '/recordedBy',
          message: /^test\.booking\.cancelled\/notification v1 → v2 does not make valid v2 data: \/recordedBy is required/,
        },
      ],
    },
  ],
  [
    'an upcast that fills a field with a value of the wrong format',
    {
      upcast: upcast([{ ...DATE, path: '/recordedAt' }, { op: 'add', path: '/cancelledAtDate', fromEnvelope: 'occurredAt' }, RECORDED_BY]),
      want: [
        {
          pointer: '',
          path: '/cancelledAtDate',
          message: /does not make valid v2 data: \/cancelledAtDate must be a date; for example, from the valid v1 data \{/,
        },
      ],
    },
  ],
  [
    'a declaration the generator refuses',
    {
      upcast: upcast([DATE, RECORDED_AT, RECORDED_BY, { op: 'remove', path: '/ghost' }]),
      want: [{ pointer: '/operations/3', message: /^test\.booking\.cancelled\/notification v1 → v2: there is no \/ghost to remove/ }],
    },
  ],
  ['a typed upcaster, which check does not run', { upcast: upcast([], 'typed'), want: [] }],
  [
    'a detail step that reads an envelope field a detail document does not have',
    {
      kind: 'detail',
      upcast: upcast([DATE, RECORDED_AT, RECORDED_BY]),
      want: [
        {
          pointer: '',
          message: /fails on valid v1 data: the upcast needs the envelope's publishedAt.*\(a detail document gives an upcast its id and timestamp only\)/,
        },
      ],
    },
  ],
];

describe('upcaster-invalid', () => {
  it.each(cases)('%s', (_, { kind = 'notification', upcast, want }) => {
    const repo = tempRepo();
    onTestFinished(() => repo.remove());
    const titled = (schema: Record<string, unknown>) => ({
      ...schema,
      title: String(schema.title).replace('Notification', kind === 'detail' ? 'Detail' : 'Notification'),
    });
    writeEventType(repo, TYPE, [titled(v1), titled(v2)], { 2: upcast }, kind);
    const findings = runCheck({ root: repo.root, baselineRoot: repo.root }).findings.filter((f) => f.code === 'upcaster-invalid');
    expect(findings.map((f) => ({ file: f.file, pointer: f.pointer, message: f.message }))).toEqual(
      want.map((w) => ({ file: `schemas/${TYPE}/${kind}/v2.upcast.json`, pointer: w.pointer, message: expect.stringMatching(w.message) })),
    );
    for (const [i, w] of want.entries()) if (w.path) expect(findings[i]?.counterexample?.path).toBe(w.path);
  });
});
