/**
 * Stored events across a schema change, in a real Postgres (PGlite). Rows are
 * written the way producing services persist them: the detail document in a
 * jsonb column and its schema version in a column of its own, where NULL
 * means version 1. Every row must read back with `safeParseDetail` at its
 * stored version, upcast to the latest, with the right upcast values.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParseDetail } from '../../src/index.js';
import { example } from '../support/examples.js';

type Row = { id: string; type: string; schema_version: number | null; occurred_at: Date; data: Record<string, unknown> };

/** cancelledAt (an instant) → its date in Europe/London, worked out by hand from the 2024 clock changes (31 March 01:00Z, 27 October 01:00Z). */
const LONDON_DATES: Array<[string, string, string]> = [
  ['midnight UTC in winter', '2024-01-15T00:00:00Z', '2024-01-15'],
  ['late evening before the spring change (GMT)', '2024-03-30T23:30:00Z', '2024-03-30'],
  ['midnight UTC on the day the clocks go forward', '2024-03-31T00:00:00Z', '2024-03-31'],
  ['half an hour before the clocks go forward', '2024-03-31T00:30:00Z', '2024-03-31'],
  ['half an hour after the clocks go forward (02:30 BST)', '2024-03-31T01:30:00Z', '2024-03-31'],
  ['late evening UTC in summer is the next day in London', '2024-06-30T23:30:00Z', '2024-07-01'],
  ['an offset given in the timestamp', '2024-07-01T00:00:00+01:00', '2024-07-01'],
  ['one second before midnight BST', '2024-10-26T22:59:59Z', '2024-10-26'],
  ['midnight BST, still 26 October in UTC', '2024-10-26T23:00:00Z', '2024-10-27'],
  ['01:30 BST, before the clocks go back', '2024-10-27T00:30:00Z', '2024-10-27'],
  ['01:30 GMT, after the clocks go back', '2024-10-27T01:30:00Z', '2024-10-27'],
  ['late on new year’s eve (GMT)', '2024-12-31T23:30:00Z', '2024-12-31'],
];

const CANCELLED = 'approved-premises.booking.cancelled';
const cancelledV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const arrivedV1 = example('approved-premises.person.arrived', 'detail.v1.arrived-2023.valid.json');
const rfpV1 = example('approved-premises.request-for-placement.created', 'detail.v1.initial.valid.json');
const cancelledV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');
/** A CAS3 row: a detail contract with one version, whose rows are all stored with a NULL schema_version. */
const cas3Cancelled = example('accommodation.cas3.booking.cancelled', 'detail.v1.booking-cancelled.valid.json');

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('stored events in Postgres, read across a schema change', () => {
  const db = new PGlite();
  const written: Array<{ id: string; type: string; version: number | null; occurredAt: string; document: unknown }> = [];
  let rows: Row[] = [];

  beforeAll(async () => {
    await db.exec(`
      create table domain_events (
        id uuid primary key,
        type text not null,
        schema_version integer,
        occurred_at timestamptz not null,
        data jsonb not null
      )`);
    LONDON_DATES.forEach(([, cancelledAt], i) => {
      const occurredAt = `2024-11-0${(i % 9) + 1}T1${i % 10}:2${i % 10}:33.${String(i).padStart(3, '0')}Z`;
      const eventDetails = { ...(cancelledV1.eventDetails as object), cancelledAt };
      written.push({
        id: uuid(i),
        type: CANCELLED,
        // Version 1 rows are stored both ways: with 1, and with NULL as the older ones are.
        version: i % 2 === 0 ? null : 1,
        occurredAt,
        document: { ...cancelledV1, id: uuid(i), timestamp: occurredAt, eventDetails },
      });
    });
    const more: Array<[Record<string, unknown>, number | null]> = [
      [arrivedV1, 1],
      [rfpV1, null],
      [cancelledV2, 2],
      [cas3Cancelled, null],
    ];
    more.forEach(([document, version], i) => {
      const id = uuid(100 + i);
      written.push({ id, type: String(document.eventType), version, occurredAt: String(document.timestamp), document: { ...document, id } });
    });
    for (const w of written) {
      await db.query('insert into domain_events (id, type, schema_version, occurred_at, data) values ($1, $2, $3, $4, $5)', [
        w.id,
        w.type,
        w.version,
        w.occurredAt,
        JSON.stringify(w.document),
      ]);
    }
    rows = (await db.query<Row>('select id, type, schema_version, occurred_at, data from domain_events order by id')).rows;
  });
  afterAll(() => db.close());

  it('no row is lost or unreadable', () => {
    const read = rows.map((row) => safeParseDetail(row.data, { version: row.schema_version, eventType: row.type }));
    const failures = read.flatMap((r, i) => (r.success ? [] : [{ id: rows[i]?.id, error: r.error.toJSON() }]));
    expect({ written: written.length, read: rows.length, nulls: rows.filter((r) => r.schema_version === null).length, failures }).toEqual({
      written: written.length,
      read: written.length,
      nulls: 8,
      failures: [],
    });
  });

  it('every row is at the latest version, and says where it came from', () => {
    const versions = rows.map((row) => {
      const result = safeParseDetail(row.data, { version: row.schema_version });
      return result.success ? [row.type, row.schema_version, result.version, result.upgradedFrom ?? null] : ['failed', row.id];
    });
    expect(versions).toContainEqual([CANCELLED, 1, 2, 1]);
    expect(versions).toContainEqual([CANCELLED, null, 2, 1]);
    expect(versions).toContainEqual([CANCELLED, 2, 2, null]);
    expect(versions).toContainEqual(['approved-premises.person.arrived', 1, 2, 1]);
    expect(versions).toContainEqual(['approved-premises.request-for-placement.created', null, 2, 1]);
    expect(versions).toContainEqual(['accommodation.cas3.booking.cancelled', null, 1, null]);
    expect(versions).not.toContainEqual(expect.arrayContaining(['failed']));
  });

  it.each(LONDON_DATES.map(([name, cancelledAt, date], i) => [name, cancelledAt, date, i] as const))(
    '%s: cancelledAtDate of %s is %s, and cancellationRecordedAt is occurred_at',
    (_, cancelledAt, date, i) => {
      const row = rows.find((r) => r.id === uuid(i));
      if (!row) throw new Error('row missing');
      const result = safeParseDetail(row.data, { version: row.schema_version });
      if (!result.success) throw result.error;
      const details = result.detail.eventDetails as { cancelledAt: string; cancelledAtDate: string; cancellationRecordedAt: string };
      expect({ cancelledAt: details.cancelledAt, cancelledAtDate: details.cancelledAtDate }).toEqual({ cancelledAt, cancelledAtDate: date });
      expect(Date.parse(details.cancellationRecordedAt)).toBe(row.occurred_at.getTime());
    },
  );

  it('person.arrived rows take recordedBy from the reader, or "unknown"', () => {
    const row = rows.find((r) => r.type === 'approved-premises.person.arrived');
    if (!row) throw new Error('row missing');
    const recordedBy = { staffCode: 'N54A999', forenames: 'John', surname: 'Smith', username: 'JohnSmithNPS' };
    const [given, fallback] = [
      safeParseDetail(row.data, { version: row.schema_version, context: { recordedBy } }),
      safeParseDetail(row.data, { version: row.schema_version }),
    ];
    expect([given, fallback].map((r) => (r.success ? (r.detail.eventDetails as { recordedBy: unknown }).recordedBy : r.error.message))).toEqual([
      recordedBy,
      { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' },
    ]);
  });

  it('a row with the wrong schema_version is reported, not misread', () => {
    const v2Row = rows.find((r) => r.schema_version === 2);
    if (!v2Row) throw new Error('row missing');
    // In the order jsonb keeps the keys in, which is not the order they were written in.
    const unknown = [
      'unknown_property /eventDetails/appealChangeRequestId',
      'unknown_property /eventDetails/cancellationRecordedAt',
      'unknown_property /eventDetails/cancelledAtDate',
    ];
    // Strictly (as CI reads): an error.
    const strict = safeParseDetail(v2Row.data, { version: 1, unknownProperties: 'reject' });
    expect(strict.success ? 'read' : strict.error.issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(unknown);
    // Tolerantly (the default): read, with a warning for each property version 1 does not name.
    const tolerant = safeParseDetail(v2Row.data, { version: 1 });
    expect(tolerant.success ? (tolerant.warnings ?? []).map((i) => `${i.code} ${i.path}`).sort() : tolerant.error.issues).toEqual(unknown);
  });
});
