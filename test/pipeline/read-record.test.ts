/**
 * How `validate` and `upcast` read one record with `auto`: a detail
 * document by its `eventDetails`, read from its text once; anything else as
 * a notification. Text the detail reader refuses is still told apart, and
 * its reader says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRecord } from '../../src/pipeline/read-record.js';
import { ROOT } from '../support/repo.js';

const examples = join(ROOT, 'schemas/approved-premises.booking.cancelled/examples');
/** An example as one line of text, as a record arrives. */
const line = (name: string) => JSON.stringify(JSON.parse(readFileSync(join(examples, name), 'utf8')));
const AUTO = { format: 'auto' } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a record read with auto', () => {
  it("reads a detail document's text once", () => {
    const text = line('detail.v1.cancelled.valid.json');
    const parse = vi.spyOn(JSON, 'parse');
    const read = readRecord(text, AUTO, { version: 1 });
    expect(read).toMatchObject({ success: true, contract: 'detail', eventType: 'approved-premises.booking.cancelled', version: 2, upgradedFrom: 1 });
    expect(parse.mock.calls.filter(([input]) => input === text)).toHaveLength(1);
  });

  it("reads a notification as one when something inside it names eventDetails, and a plain one's text once", () => {
    const event = JSON.parse(line('notification.v1.booking-cancelled.valid.json'));
    // A property the contract does not name, which the reader keeps.
    const text = JSON.stringify({ ...event, note: { eventDetails: 'served at detailUrl' } });
    expect(text).toContain('"eventDetails"');
    const parse = vi.spyOn(JSON, 'parse');
    expect(readRecord(text, AUTO)).toMatchObject({ success: true, contract: 'notification', eventType: 'approved-premises.booking.cancelled' });
    // Decoded once to tell it apart, and once by the notification reader, which is given the text.
    expect(parse.mock.calls.filter(([input]) => input === text)).toHaveLength(2);
    const plain = line('notification.v1.booking-cancelled.valid.json');
    parse.mockClear();
    readRecord(plain, AUTO);
    expect(parse.mock.calls.filter(([input]) => input === plain)).toHaveLength(1);
  });

  it('tells apart a detail document with a duplicate key, and reports the key as the detail reader does', () => {
    const text = line('detail.v1.cancelled.valid.json').replace('"eventType":', '"eventType":"x","eventType":');
    const read = readRecord(text, AUTO, { version: 1 });
    expect(read.success).toBe(false);
    if (read.success) return;
    expect(read.contract).toBe('detail');
    expect(read.error.issues).toEqual([
      {
        code: 'invalid_json',
        path: '/eventType',
        message: 'is not valid JSON (the key "eventType" appears more than once in one object)',
      },
    ]);
  });

  it('reads text that is not JSON as a notification that fails', () => {
    const read = readRecord('{"eventDetails": ', AUTO);
    expect(read).toMatchObject({ success: false, contract: 'notification' });
    if (!read.success) expect(read.error.issues[0]?.code).toBe('invalid_json');
  });

  it('gives a detail document read from its value the same result as from its text', () => {
    const text = line('detail.v1.cancelled.valid.json');
    expect(readRecord(JSON.parse(text), AUTO, { version: 1 })).toEqual(readRecord(text, AUTO, { version: 1 }));
  });
});
