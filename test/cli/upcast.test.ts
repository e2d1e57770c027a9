import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, example, linesOf, runCli, tempDir } from './cli-process.js';

/** A stored row as a service keeps it: the detail document, with its schema version in a column of its own. */
const row = (version: unknown, envelope: Record<string, unknown>, changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema_version: version,
    data: {
      id: envelope.id ?? '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11',
      timestamp: envelope.occurredAt,
      eventType: envelope.eventType,
      eventDetails: Object.assign({}, envelope.additionalInformation, changes),
    },
  });

const cancelledV1 = example('approved-premises.booking.cancelled', 'notification.v1.cancelled.valid.json');
const cancelledV2 = example('approved-premises.booking.cancelled', 'notification.v2.cancelled.valid.json');
const arrivedV1 = example('approved-premises.person.arrived', 'notification.v1.person-arrived.valid.json');
const unknownType = Object.assign({}, cancelledV2, { eventType: 'probation.case.transferred' });
const recorder = { staffCode: 'N54A999', forenames: 'Jane', surname: 'Doe', username: 'JaneDoeNPS' };

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
];
const DETAIL = ['--input-format', 'detail', '--data-field', '/data', '--version-field', '/schema_version'];

let files: ReturnType<typeof tempDir>;
beforeAll(() => {
  files = tempDir('upcast-');
  files.write('rows.ndjson', `${ROWS.join('\n')}\n`);
  files.write('context.json', JSON.stringify({ recordedBy: recorder }));
  files.write('bad-context.json', JSON.stringify({ recordedBy: { staffCode: 7 } }));
  files.write('envelopes.ndjson', `${JSON.stringify(cancelledV1)}\n${JSON.stringify(cancelledV2)}\n`);
});
afterAll(() => files.remove());

const run = (args: string[], stdin?: string): Promise<CliRun> => runCli(['upcast', ...args], files.dir, stdin);
const read = (name: string) => readFileSync(join(files.dir, name), 'utf8');
const parsed = (text: string) => linesOf(text).map((line) => JSON.parse(line));

describe('domain-events upcast', () => {
  it('writes every record or rejects it with the reasons: records in = written + rejected', async () => {
    const result = await run(['rows.ndjson', ...DETAIL, '--context', 'context.json', '--out', 'out.ndjson', '--rejects', 'rejects.ndjson']);
    expect(result.stderr).toBe('upcast: 7 records in, 3 written (2 upgraded), 4 rejected (to rejects.ndjson); 1 blank line skipped\n');
    expect(result.code).toBe(1);

    const out = parsed(read('out.ndjson'));
    expect(out.map((r) => [r.schema_version, r.data.eventType])).toEqual([
      [2, 'approved-premises.booking.cancelled'],
      [2, 'approved-premises.booking.cancelled'],
      [2, 'approved-premises.person.arrived'],
    ]);
    // The v1 → v2 booking.cancelled step: the date of cancelledAt in London, and the time it was recorded.
    expect(out[0].data.eventDetails).toMatchObject({ cancelledAtDate: '2024-03-31', cancellationRecordedAt: cancelledV1.occurredAt });
    expect(out[0].data.id).toBe(cancelledV1.id ?? '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11');
    expect(out[1]).toEqual(JSON.parse(ROWS[1] as string));
    expect(out[2].data.eventDetails.recordedBy).toEqual(recorder);

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
    expect(rejects[1].error.message).toBe('/schema_version: the version at /schema_version must be a whole number from 1; received "one"');
  });

  it('reads standard input and writes standard output, with the reasons for each reject on stderr', async () => {
    const result = await run([...DETAIL], `${ROWS.join('\n')}\n`);
    expect(parsed(result.stdout).map((r) => r.schema_version)).toEqual([2, 2, 2]);
    expect(linesOf(result.stderr)).toEqual([
      '-:4: rejected: /data/eventDetails/cancelledAt: invalid_format: expected a date-time string, received "2022-11-30T14:53:44"',
      '-:5: rejected: /schema_version: invalid_input: the version at /schema_version must be a whole number from 1; received "one"',
      expect.stringMatching(/^-:6: rejected: invalid_json: is not valid JSON \(/),
      '-:8: rejected: /data/eventType: unknown_event_type: unknown event type "probation.case.transferred"',
      'upcast: 7 records in, 3 written (2 upgraded), 4 rejected (reasons above); 1 blank line skipped',
    ]);
    expect(result.code).toBe(1);
  });

  it('--to stops at an earlier version, and rejects records already past it', async () => {
    const result = await run(['rows.ndjson', ...DETAIL, '--to', '1', '--format', 'json', '--out', 'v1.ndjson', '--rejects', 'v1-rejects.ndjson']);
    expect(JSON.parse(result.stdout)).toEqual({
      records: 7,
      written: 2,
      upgraded: 0,
      rejected: 5,
      blankLines: 1,
      to: 1,
      out: 'v1.ndjson',
      rejects: 'v1-rejects.ndjson',
    });
    expect(parsed(read('v1.ndjson')).map((r) => [r.schema_version, r.data.eventType])).toEqual([
      [1, 'approved-premises.booking.cancelled'],
      [1, 'approved-premises.person.arrived'],
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
    expect(failed.error.issues.map((i: { code: string; received?: string }) => [i.code, i.received])).toEqual([
      ['invalid_type', 'number 7'],
      ['required', undefined],
      ['required', undefined],
    ]);
    expect(result.code).toBe(1);
  });

  it('upcasts bare envelopes, which carry their own version, and exits 0 when nothing is rejected', async () => {
    const result = await run(['envelopes.ndjson', '--format', 'json']);
    const [first, second] = parsed(result.stdout);
    expect([first.version, first.additionalInformation.cancelledAtDate, second]).toEqual([2, '2024-03-31', cancelledV2]);
    expect(JSON.parse(result.stderr)).toMatchObject({ records: 2, written: 2, upgraded: 1, rejected: 0 });
    expect(result.code).toBe(0);
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
    [
      'detail rows with no version',
      {
        given: ['rows.ndjson', '--input-format', 'detail', '--data-field', '/data'],
        want: 'error: --input-format detail needs --version-field or --schema-version',
      },
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
