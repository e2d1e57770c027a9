import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, example, linesOf, runCli, tempDir } from './cli-process.js';

/** A stored row as a service keeps it: the detail document, with its schema version in a column of its own. */
const row = (version: unknown, document: Record<string, unknown>, changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema_version: version,
    data: Object.assign({}, document, { eventDetails: Object.assign({}, document.eventDetails, changes) }),
  });

const CANCELLED = 'approved-premises.booking.cancelled';
/** Detail documents as stored and served: their version is not in them. */
const cancelledV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const cancelledV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');
const arrivedV1 = example('approved-premises.person.arrived', 'detail.v1.arrived-2023.valid.json');
const unknownType = Object.assign({}, cancelledV2, { eventType: 'probation.case.transferred' });
const recorder = { staffCode: 'N54A999', forenames: 'Jane', surname: 'Doe', username: 'JaneDoeNPS' };
/** A notification: all real producers send version 1, the only version of every notification contract. */
const sent = example('intervention.referral.sent', 'notification.v1.referral-sent.valid.json');

// Line by line:
const ROWS = [
  row(1, cancelledV1), // 1 version 1: upgraded
  row(2, cancelledV2), // 2 already version 2: written as it is
  row(1, arrivedV1), // 3 version 1: upgraded with recordedBy from the context
  row(1, cancelledV1, { cancelledAt: '2022-11-30T14:53:44' }), // 4 rejected: no offset
  row('one', cancelledV1), // 5 rejected: the version is not a number
  row(1, cancelledV1).slice(0, 80), // 6 rejected: cut off
  '', // 7 blank
  row(2, unknownType), // 8 rejected: unknown event type
  row(null, cancelledV1), // 9 version null, which means 1 (a NULL schema_version column): upgraded
];
/** The layout of a stored row, given explicitly; without these flags `upcast` recognises such rows by their data and schema_version. */
const DETAIL = ['--input-format', 'detail', '--data-field', '/data', '--version-field', '/schema_version'];

let files: ReturnType<typeof tempDir>;
beforeAll(() => {
  files = tempDir('upcast-');
  files.write('rows.ndjson', `${ROWS.join('\n')}\n`);
  files.write('context.json', JSON.stringify({ recordedBy: recorder }));
  files.write('bad-context.json', JSON.stringify({ recordedBy: { staffCode: 7 } }));
  files.write('documents.ndjson', `${JSON.stringify(cancelledV1)}\n${JSON.stringify(arrivedV1)}\n`);
  files.write('notifications.ndjson', `${JSON.stringify(sent)}\n${JSON.stringify(Object.assign({}, sent, { version: null }))}\n`);
  files.write('newer-notification.ndjson', `${JSON.stringify(Object.assign({}, sent, { version: 2 }))}\n`);
});
afterAll(() => files.remove());

const run = (args: string[], stdin?: string): Promise<CliRun> => runCli(['upcast', ...args], files.dir, stdin);
const read = (name: string) => readFileSync(join(files.dir, name), 'utf8');
const parsed = (text: string) => linesOf(text).map((line) => JSON.parse(line));

describe('domain-events upcast', () => {
  it.each([
    ['with the layout given', DETAIL],
    ['recognised by their data and schema_version (the default)', []],
  ])('writes every stored row (%s) or rejects it with the reasons: records in = written + rejected', async (_name, layout) => {
    const result = await run(['rows.ndjson', ...layout, '--context', 'context.json', '--out', 'out.ndjson', '--rejects', 'rejects.ndjson']);
    expect(result.stderr).toBe('upcast: 8 records in, 4 written (3 upgraded), 4 rejected (to rejects.ndjson); 1 blank line skipped\n');
    expect(result.code).toBe(1);

    const out = parsed(read('out.ndjson'));
    expect(out.map((r) => [r.schema_version, r.data.eventType])).toEqual([
      [2, CANCELLED],
      [2, CANCELLED],
      [2, 'approved-premises.person.arrived'],
      [2, CANCELLED],
    ]);
    // The v1 → v2 booking.cancelled step: the date of cancelledAt in London, and the time it was recorded (the document's timestamp).
    expect(out[0].data.eventDetails).toMatchObject({ cancelledAtDate: '2024-03-04', cancellationRecordedAt: cancelledV1.timestamp });
    expect(out[0].data.id).toBe(cancelledV1.id);
    expect(out[1]).toEqual(JSON.parse(ROWS[1] as string));
    expect(out[2].data.eventDetails.recordedBy).toEqual(recorder);
    expect(out[3]).toEqual(out[0]);

    const rejects = parsed(read('rejects.ndjson'));
    expect(rejects.map((r) => [r.file, r.line, r.input])).toEqual([
      ['rows.ndjson', 4, ROWS[3]],
      ['rows.ndjson', 5, ROWS[4]],
      ['rows.ndjson', 6, ROWS[5]],
      ['rows.ndjson', 8, ROWS[7]],
    ]);
    expect(rejects.map((r) => [r.error.code, r.error.issues.map((i: { code: string; path: string }) => `${i.path} ${i.code}`)])).toEqual([
      ['invalid_event', ['/data/eventDetails/cancelledAt invalid_format']],
      ['invalid_input', ['/schema_version invalid_input']],
      ['invalid_json', [' invalid_json']],
      ['unknown_event_type', ['/data/eventType unknown_event_type']],
    ]);
    expect(rejects[0].error.message).toBe('/data/eventDetails/cancelledAt: expected a date-time string, received "2022-11-30T14:53:44"');
    expect(rejects[1].error.message).toBe('/schema_version: the version at /schema_version must be a whole number from 1, or null for 1; received "one"');
  });

  it('reads standard input and writes standard output, with the reasons for each reject on stderr', async () => {
    const result = await run([], `${ROWS.join('\n')}\n`);
    expect(parsed(result.stdout).map((r) => r.schema_version)).toEqual([2, 2, 2, 2]);
    expect(linesOf(result.stderr)).toEqual([
      '-:4: rejected: /data/eventDetails/cancelledAt: invalid_format: expected a date-time string, received "2022-11-30T14:53:44"',
      '-:5: rejected: /schema_version: invalid_input: the version at /schema_version must be a whole number from 1, or null for 1; received "one"',
      expect.stringMatching(/^-:6: rejected: invalid_json: is not valid JSON \(/),
      '-:8: rejected: /data/eventType: unknown_event_type: unknown event type "probation.case.transferred"',
      'upcast: 8 records in, 4 written (3 upgraded), 4 rejected (reasons above); 1 blank line skipped',
    ]);
    expect(result.code).toBe(1);
  });

  it('--to stops at an earlier version, and rejects records already past it', async () => {
    const result = await run(['rows.ndjson', ...DETAIL, '--to', '1', '--format', 'json', '--out', 'v1.ndjson', '--rejects', 'v1-rejects.ndjson']);
    expect(JSON.parse(result.stdout)).toEqual({
      records: 8,
      written: 3,
      upgraded: 0,
      rejected: 5,
      blankLines: 1,
      to: 1,
      out: 'v1.ndjson',
      rejects: 'v1-rejects.ndjson',
    });
    expect(parsed(read('v1.ndjson')).map((r) => [r.schema_version, r.data.eventType])).toEqual([
      [1, CANCELLED],
      [1, 'approved-premises.person.arrived'],
      [1, CANCELLED],
    ]);
    const tooNew = parsed(read('v1-rejects.ndjson')).find((r) => r.line === 2);
    expect(tooNew.error.issues).toEqual([
      {
        code: 'version_too_new',
        path: '/schema_version',
        expected: '1',
        received: '2',
        message: 'version 2 is newer than the requested version 1, and versions are never downgraded',
      },
    ]);
    expect(result.code).toBe(1);
  });

  it('names the upcast step that failed, when a context value is wrong', async () => {
    const result = await run(['rows.ndjson', ...DETAIL, '--context', 'bad-context.json', '--out', 'bad.ndjson', '--rejects', 'bad-rejects.ndjson']);
    const failed = parsed(read('bad-rejects.ndjson')).find((r) => r.line === 3);
    expect(failed.error).toMatchObject({ code: 'upcast_failed', step: { eventType: 'approved-premises.person.arrived', from: 1, to: 2 } });
    expect(failed.error.issues.map((i: { code: string; path: string; received?: string }) => [i.code, i.path, i.received])).toEqual([
      ['invalid_type', '/data/eventDetails/recordedBy/staffCode', 'number 7'],
      ['required', '/data/eventDetails/recordedBy/forenames', undefined],
      ['required', '/data/eventDetails/recordedBy/surname', undefined],
      ['required', '/data/eventDetails/recordedBy/username', undefined],
    ]);
    expect(result.code).toBe(1);
  });

  it.each([
    ['recognised by their eventDetails, as version 1 by default', []],
    ['read as --input-format detail --schema-version 1', ['--input-format', 'detail', '--schema-version', '1']],
  ])('upcasts bare detail documents (%s), and exits 0 when nothing is rejected', async (_name, args) => {
    const result = await run(['documents.ndjson', ...args, '--context', 'context.json', '--format', 'json']);
    const [first, second] = parsed(result.stdout);
    expect([first.id, first.eventDetails.cancelledAtDate, first.eventDetails.cancellationRecordedAt]).toEqual([
      cancelledV1.id,
      '2024-03-04',
      cancelledV1.timestamp,
    ]);
    expect([second.eventType, second.eventDetails.recordedBy]).toEqual(['approved-premises.person.arrived', recorder]);
    // A detail document has no version field, and upcasting adds none.
    expect([Object.keys(first), Object.keys(second)]).toEqual([Object.keys(cancelledV1), Object.keys(arrivedV1)]);
    expect(JSON.parse(result.stderr)).toMatchObject({ records: 2, written: 2, upgraded: 2, rejected: 0 });
    expect(result.code).toBe(0);
  });

  it('reads bare notifications by their own version, where null means 1: at the latest version, they are written as they are', async () => {
    const result = await run(['notifications.ndjson', '--format', 'json']);
    const [first, second] = parsed(result.stdout);
    expect(first).toEqual(sent);
    expect(second).toEqual(Object.assign({}, sent, { version: 1 }));
    expect(JSON.parse(result.stderr)).toMatchObject({ records: 2, written: 2, upgraded: 0, rejected: 0 });
    expect(result.code).toBe(0);
  });

  it('rejects a notification of a version this package does not know', async () => {
    const result = await run(['newer-notification.ndjson', '--rejects', 'newer-rejects.ndjson']);
    const [rejected] = parsed(read('newer-rejects.ndjson'));
    expect(rejected.error.issues.map((i: { code: string; path: string }) => `${i.path} ${i.code}`)).toEqual(['/version unknown_version']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
  });
});

describe('domain-events upcast: usage errors exit 2', () => {
  const cases: Array<[string, { given: string[]; want: string }]> = [
    ['a missing file', { given: ['nope.ndjson'], want: 'error: no such file: nope.ndjson' }],
    ['a --to that is not a version', { given: ['rows.ndjson', '--to', 'newest'], want: 'error: --to must be a whole number from 1; received "newest"' }],
    [
      'a field that is not a JSON Pointer',
      { given: ['rows.ndjson', '--data-field', 'data'], want: 'error: --data-field must be a JSON Pointer such as /data; received "data"' },
    ],
    ['a context file that is missing', { given: ['rows.ndjson', '--context', 'nope.json'], want: 'error: --context: cannot read nope.json: ENOENT' }],
    ['a context that is not an object', { given: ['rows.ndjson', '--context', 'rows.ndjson'], want: 'error: --context: rows.ndjson is not JSON' }],
    ['an --out in a folder that does not exist', { given: ['rows.ndjson', '--out', 'no/such/dir/out.ndjson'], want: 'error: cannot write --out' }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.stderr).toContain(want);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});
