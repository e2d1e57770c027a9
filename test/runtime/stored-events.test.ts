/**
 * Stored events across a schema change, in a real Postgres (PGlite). Rows are
 * written the way producing services persist them: the detail document in a
 * jsonb column and its schema version in a column of its own. Every row must
 * read back at the latest version, with the right upcast values.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParse } from '../../src/index.js';
import { example } from '../support/examples.js';

type Row = { id: string; type: string; schema_version: number; occurred_at: Date; data: Record<string, unknown> };

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

const cancelledV1 = example('approved-premises.booking.cancelled', 'notification.v1.cancelled.valid.json');
const arrivedV1 = example('approved-premises.person.arrived', 'notification.v1.person-arrived.valid.json');
const rfpV1 = example('approved-premises.request-for-placement.created', 'notification.v1.request-for-placement-created.valid.json');
const cancelledV2 = example('approved-premises.booking.cancelled', 'notification.v2.cancelled.valid.json');
const referral = example('intervention.referral.sent', 'notification.v1.referral-sent.valid.json');

/** The detail document a producer persists for an event. */
const detail = (id: string, timestamp: string, envelope: Record<string, unknown>, data = envelope.additionalInformation) => ({
  id,
  timestamp,
  eventType: envelope.eventType,
  eventDetails: data,
});
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('stored events in Postgres, read across a schema change', () => {
  const db = new PGlite();
  const written: Array<{ id: string; type: string; version: number; occurredAt: string; document: unknown }> = [];
  let rows: Row[] = [];

  beforeAll(async () => {
    await db.exec(`
      create table domain_events (
        id uuid primary key,
        type text not null,
        schema_version integer not null,
        occurred_at timestamptz not null,
        data jsonb not null
      )`);
    LONDON_DATES.forEach(([, cancelledAt], i) => {
      const occurredAt = `2024-11-0${(i % 9) + 1}T1${i % 10}:2${i % 10}:33.${String(i).padStart(3, '0')}Z`;
      const data = { ...(cancelledV1.additionalInformation as object), cancelledAt };
      written.push({
        id: uuid(i),
        type: 'approved-premises.booking.cancelled',
        version: 1,
        occurredAt,
        document: detail(uuid(i), occurredAt, cancelledV1, data),
      });
    });
    const more: Array<[Record<string, unknown>, number]> = [
      [arrivedV1, 1],
      [rfpV1, 1],
      [cancelledV2, 2],
      [referral, 1],
    ];
    more.forEach(([envelope, version], i) => {
      const id = uuid(100 + i);
      written.push({
        id,
        type: String(envelope.eventType),
        version,
        occurredAt: String(envelope.occurredAt),
        document: detail(id, String(envelope.occurredAt), envelope),
      });
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
    const read = rows.map((row) => safeParse(row.data, { format: 'detail', version: row.schema_version, eventType: row.type }));
    const failures = read.flatMap((r, i) => (r.success ? [] : [{ id: rows[i]?.id, error: r.error.toJSON() }]));
    expect({ written: written.length, read: rows.length, failures }).toEqual({ written: written.length, read: written.length, failures: [] });
  });

  it('every row is at the latest version, and says where it came from', () => {
    const versions = rows.map((row) => {
      const result = safeParse(row.data, { format: 'detail', version: row.schema_version });
      return result.success ? [row.type, result.event.version, result.upgradedFrom ?? null] : ['failed'];
    });
    expect(versions).toContainEqual(['approved-premises.booking.cancelled', 2, 1]);
    expect(versions).toContainEqual(['approved-premises.booking.cancelled', 2, null]);
    expect(versions).toContainEqual(['approved-premises.person.arrived', 2, 1]);
    expect(versions).toContainEqual(['approved-premises.request-for-placement.created', 2, 1]);
    expect(versions).toContainEqual(['intervention.referral.sent', 1, null]);
  });

  it.each(LONDON_DATES.map(([name, cancelledAt, date], i) => [name, cancelledAt, date, i] as const))(
    '%s: cancelledAtDate of %s is %s, and cancellationRecordedAt is occurred_at',
    (_, cancelledAt, date, i) => {
      const row = rows.find((r) => r.id === uuid(i));
      if (!row) throw new Error('row missing');
      const result = safeParse(row.data, { format: 'detail', version: row.schema_version });
      if (!result.success) throw result.error;
      const data = result.event.additionalInformation as { cancelledAt: string; cancelledAtDate: string; cancellationRecordedAt: string };
      expect({ cancelledAt: data.cancelledAt, cancelledAtDate: data.cancelledAtDate }).toEqual({ cancelledAt, cancelledAtDate: date });
      expect(Date.parse(data.cancellationRecordedAt)).toBe(row.occurred_at.getTime());
    },
  );

  it('person.arrived rows take recordedBy from the reader, or "unknown"', () => {
    const row = rows.find((r) => r.type === 'approved-premises.person.arrived');
    if (!row) throw new Error('row missing');
    const recordedBy = { staffCode: 'N54A999', forenames: 'John', surname: 'Smith' };
    const [given, fallback] = [
      safeParse(row.data, { format: 'detail', version: 1, context: { recordedBy } }),
      safeParse(row.data, { format: 'detail', version: 1 }),
    ];
    expect([given, fallback].map((r) => (r.success ? (r.event.additionalInformation as { recordedBy: unknown }).recordedBy : r.error.message))).toEqual([
      recordedBy,
      { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' },
    ]);
  });

  it('a row with the wrong schema_version is reported, not misread', async () => {
    const v2Row = rows.find((r) => r.schema_version === 2);
    if (!v2Row) throw new Error('row missing');
    const result = safeParse(v2Row.data, { format: 'detail', version: 1 });
    expect(result.success ? 'read' : result.error.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'unknown_property /eventDetails/cancelledAtDate',
      'unknown_property /eventDetails/cancellationRecordedAt',
      'version_mismatch /version',
    ]);
  });
});
