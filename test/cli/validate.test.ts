import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, example, linesOf, runCli, tempDir } from './cli-process.js';

const sent = JSON.stringify(example('intervention.referral.sent', 'notification.v1.referral-sent.valid.json'));
const missed = example('intervention.session-appointment.missed', 'notification.v1.session-missed.valid.json');
const crnNull = JSON.stringify(example('intervention.session-appointment.missed', 'notification.v1.crn-string-null.invalid.json'));
const unknownType = JSON.stringify(Object.assign({}, JSON.parse(sent), { eventType: 'probation.case.transferred' }));
// Two issues in one record: a malformed id and a null where a string is required.
const twoIssues = JSON.stringify(
  Object.assign({}, missed, {
    additionalInformation: Object.assign({}, missed.additionalInformation, { referralId: 'nope', serviceUserCRN: null }),
  }),
);
const CANCELLED = 'approved-premises.booking.cancelled';
/** A detail document of each version, as stored and served: its version is not in it. */
const detailV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const detailV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');

// A file as a broken export leaves it. Line by line:
const corrupted = Buffer.concat([
  Buffer.from(`${sent}\n`), // 1 valid
  Buffer.from(`${sent.slice(0, 60)}\n`), // 2 cut off
  Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x0a]), // 3 bytes that are not UTF-8
  Buffer.from('\n'), // 4 blank
  Buffer.from('   \n'), // 5 blank (white space only)
  Buffer.from(`${unknownType}\n`), // 6 an event type the catalogue does not know
  Buffer.from(`${crnNull}\n`), // 7 invalid: the CRN is the string "null"
  Buffer.from(`${JSON.stringify(missed)}\r\n`), // 8 valid, with a CRLF line end
  Buffer.from('[1, 2]\n'), // 9 not an object
  Buffer.from(sent), // 10 valid, with no newline at the end
]);

// A JSON document: an array of events, one per line after the bracket.
const array = `[\n${sent},\n${twoIssues},\n42\n]\n`;

const CRN_NULL = '/additionalInformation/serviceUserCRN: pattern: does not match the pattern ^[A-Z][0-9]{6}$; received "null"';
const CORRUPTED_FINDINGS = [
  'corrupted.ndjson:2: record: invalid_json: is not valid JSON (Unterminated string in JSON at position 60)',
  'corrupted.ndjson:3: record: invalid_json: is not valid JSON (the bytes are not UTF-8 text)',
  `corrupted.ndjson:7: intervention.session-appointment.missed v1: ${CRN_NULL}`,
  'corrupted.ndjson:9: record: invalid_input: expected an object, received array',
];
const summary = (files: number, unknown: string) => [
  'intervention.referral.sent: 2 valid, 0 invalid',
  'intervention.session-appointment.missed: 1 valid, 1 invalid',
  `unknown event types: 1 record ("probation.case.transferred": 1); ${unknown}`,
  'without a known event type: 3 invalid (not JSON, not UTF-8, too long, not an object, no eventType, or a fault in a document)',
  `8 records in ${files} file${files === 1 ? '' : 's'}: 3 valid, 4 invalid, 1 of unknown event types; 2 blank lines skipped`,
];

let files: ReturnType<typeof tempDir>;
beforeAll(() => {
  files = tempDir('validate-');
  files.write('corrupted.ndjson', corrupted);
  files.write('events.json', array);
  files.write('valid.ndjson', `${sent}\n${JSON.stringify(missed)}\n`);
  files.write('unknown.ndjson', `${sent}\n${unknownType}\n`);
  files.write('batch,1.ndjson', `${twoIssues}\n`);
  files.write('export.txt', `${sent}\n${crnNull}\n`);
  files.write('pretty.txt', `${JSON.stringify(JSON.parse(crnNull), null, 2)}\n`);
  const { cancellationReason: _, ...withoutReason } = detailV1.eventDetails as Record<string, unknown>;
  files.write('detail.ndjson', `${JSON.stringify(detailV1)}\n${JSON.stringify(Object.assign({}, detailV1, { eventDetails: withoutReason }))}\n`);
  const { cancelledAtDate: __, ...withoutDate } = detailV2.eventDetails as Record<string, unknown>;
  // Labelled by what the reader learned: version null is read as 1; a key twice is not JSON, so nothing is learned of it;
  // a detail document's version is the stored one it is read at, not a property of the document.
  files.write(
    'learned.ndjson',
    [
      JSON.stringify(Object.assign(JSON.parse(crnNull), { version: null })),
      crnNull.replace('{', '{"description":"x",'),
      JSON.stringify(Object.assign({}, detailV1, { version: 3, eventDetails: withoutReason })),
    ].join('\n'),
  );
  files.write('detail-v2.ndjson', `${JSON.stringify(detailV2)}\n${JSON.stringify(Object.assign({}, detailV2, { eventDetails: withoutDate }))}\n`);
});
afterAll(() => files.remove());

const run = (args: string[], stdin?: string | Uint8Array): Promise<CliRun> => runCli(['validate', ...args], files.dir, stdin);

describe('domain-events validate', () => {
  it('reports every bad line of a corrupted file, keeps going, and counts per event type', async () => {
    const result = await run(['corrupted.ndjson']);
    expect(linesOf(result.stdout)).toEqual([...CORRUPTED_FINDINGS, ...summary(1, 'not errors without --strict')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('labels each bad record with the event type and version the reader learned of it, and no more', async () => {
    const result = await run(['learned.ndjson']);
    expect(linesOf(result.stdout)).toEqual([
      `learned.ndjson:1: intervention.session-appointment.missed v1: ${CRN_NULL}`,
      'learned.ndjson:2: record: /description: invalid_json: is not valid JSON (the key "description" appears more than once in one object)',
      `learned.ndjson:3: ${CANCELLED} v1: /eventDetails/cancellationReason: required: is required (string)`,
      `${CANCELLED}: 0 valid, 1 invalid`,
      'intervention.session-appointment.missed: 0 valid, 1 invalid',
      'without a known event type: 1 invalid (not JSON, not UTF-8, too long, not an object, no eventType, or a fault in a document)',
      '3 records in 1 file: 0 valid, 3 invalid',
    ]);
    expect(result.code).toBe(1);
  });

  it('reads standard input piped in as -', async () => {
    const result = await run(['-'], corrupted);
    expect(linesOf(result.stdout)).toEqual([
      ...CORRUPTED_FINDINGS.map((line) => line.replace('corrupted.ndjson:', '-:')),
      ...summary(1, 'not errors without --strict'),
    ]);
    expect(result.code).toBe(1);
  });

  it('writes GitHub Actions annotations, escaped, one per invalid record', async () => {
    const result = await run(['corrupted.ndjson', 'batch,1.ndjson', '--format', 'github']);
    expect(linesOf(result.stdout).filter((line) => line.startsWith('::'))).toEqual([
      '::error file=corrupted.ndjson,line=2,title=record::invalid_json: is not valid JSON (Unterminated string in JSON at position 60)',
      '::error file=corrupted.ndjson,line=3,title=record::invalid_json: is not valid JSON (the bytes are not UTF-8 text)',
      `::error file=corrupted.ndjson,line=7,title=intervention.session-appointment.missed v1::${CRN_NULL}`,
      '::error file=corrupted.ndjson,line=9,title=record::invalid_input: expected an object, received array',
      '::error file=batch%2C1.ndjson,line=1,title=intervention.session-appointment.missed v1::' +
        '/additionalInformation/serviceUserCRN: invalid_type: expected string, received null%0A' +
        '/additionalInformation/referralId: invalid_format: expected a uuid string, received "nope"',
    ]);
    expect(result.code).toBe(1);
  });

  it('reads a JSON array, giving each element its index and line', async () => {
    const result = await run(['events.json']);
    expect(linesOf(result.stdout)).toEqual([
      'events.json:3 [1]: intervention.session-appointment.missed v1: /additionalInformation/serviceUserCRN: invalid_type: expected string, received null',
      'events.json:3 [1]: intervention.session-appointment.missed v1: /additionalInformation/referralId: invalid_format: expected a uuid string, received "nope"',
      'events.json:4 [2]: record: invalid_input: expected an object, received number',
      'intervention.referral.sent: 1 valid, 0 invalid',
      'intervention.session-appointment.missed: 0 valid, 1 invalid',
      'without a known event type: 1 invalid (not JSON, not UTF-8, too long, not an object, no eventType, or a fault in a document)',
      '3 records in 1 file: 1 valid, 2 invalid',
    ]);
  });

  it('writes one JSON document: the findings, then the summary', async () => {
    const result = await run(['corrupted.ndjson', 'events.json', '--format', 'json']);
    const document = JSON.parse(result.stdout);
    expect(document.findings.map((f: { file: string; line: number; index?: number; code: string }) => [f.file, f.line, f.index, f.code])).toEqual([
      ['corrupted.ndjson', 2, undefined, 'invalid_json'],
      ['corrupted.ndjson', 3, undefined, 'invalid_json'],
      ['corrupted.ndjson', 7, undefined, 'invalid_event'],
      ['corrupted.ndjson', 9, undefined, 'invalid_input'],
      ['events.json', 3, 1, 'invalid_event'],
      ['events.json', 4, 2, 'invalid_input'],
    ]);
    expect(document.findings[2]).toMatchObject({ eventType: 'intervention.session-appointment.missed', version: 1 });
    expect(document.findings[2].issues).toEqual([
      {
        code: 'pattern',
        path: '/additionalInformation/serviceUserCRN',
        expected: '^[A-Z][0-9]{6}$',
        received: '"null"',
        message: 'does not match the pattern ^[A-Z][0-9]{6}$; received "null"',
      },
    ]);
    expect(document.summary).toEqual({
      files: 2,
      records: 11,
      valid: 4,
      invalid: 6,
      unknownEventType: 1,
      unreadable: 4,
      blankLines: 2,
      strict: false,
      eventTypes: { 'intervention.referral.sent': { valid: 3, invalid: 0 }, 'intervention.session-appointment.missed': { valid: 1, invalid: 2 } },
      unknownEventTypes: { 'probation.case.transferred': 1 },
    });
    expect(result.code).toBe(1);
  });

  it('--strict makes records of unknown event types errors', async () => {
    const lenient = await run(['unknown.ndjson']);
    const strict = await run(['unknown.ndjson', '--strict']);
    expect(lenient.code).toBe(0);
    expect(linesOf(lenient.stdout)[0]).toBe('intervention.referral.sent: 1 valid, 0 invalid');
    expect(strict.code).toBe(1);
    expect(linesOf(strict.stdout)).toEqual([
      'unknown.ndjson:2: probation.case.transferred v1: /eventType: unknown_event_type: unknown event type "probation.case.transferred"',
      'intervention.referral.sent: 1 valid, 0 invalid',
      'unknown event types: 1 record ("probation.case.transferred": 1); errors with --strict',
      '2 records in 1 file: 1 valid, 0 invalid, 1 of unknown event types',
    ]);
  });

  const count = (glob: string) => Number(spawnSync('sh', ['-c', `ls schemas/*/examples/${glob} | wc -l`], { encoding: 'utf8' }).stdout.trim());
  // A notification carries its version; a detail document does not, so each detail version's examples are read with --schema-version.
  // Examples are judged as check judges them, by the contract as written: --strict makes a property it does not name an error
  // (an invalid example may be invalid for that reason alone, such as v2 data stored as v1).
  const exampleGroups: Array<[string, { glob: string; args: string[] }]> = [
    ['notification', { glob: 'notification.*', args: [] }],
    ['detail v1 (read as version 1 by default)', { glob: 'detail.v1.*', args: [] }],
    ['detail v2', { glob: 'detail.v2.*', args: ['--schema-version', '2'] }],
  ];

  it.each(exampleGroups)('validates every %s example of the catalogue as its name says, through a glob', async (_name, { glob, args }) => {
    const valid = await runCli(['validate', `schemas/*/examples/${glob}.valid.json`, ...args, '--strict', '--format', 'json'], process.cwd());
    const invalid = await runCli(['validate', `schemas/*/examples/${glob}.invalid.json`, ...args, '--strict', '--format', 'json'], process.cwd());
    expect([valid.code, JSON.parse(valid.stdout).summary.valid, JSON.parse(valid.stdout).summary.invalid]).toEqual([0, count(`${glob}.valid.json`), 0]);
    expect([invalid.code, JSON.parse(invalid.stdout).summary.valid, JSON.parse(invalid.stdout).summary.invalid]).toEqual([1, 0, count(`${glob}.invalid.json`)]);
  });

  it('has no example outside those groups', () => {
    expect(exampleGroups.reduce((n, [, { glob }]) => n + count(`${glob}.json`), 0)).toBe(count('*.json'));
  });

  it('reads detail documents with the input format, event type and version given', async () => {
    const result = await run(['detail.ndjson', '--input-format', 'detail', '--event-type', CANCELLED, '--schema-version', '1']);
    expect(linesOf(result.stdout)).toEqual([
      `detail.ndjson:2: ${CANCELLED} v1: /eventDetails/cancellationReason: required: is required (string)`,
      `${CANCELLED}: 1 valid, 1 invalid`,
      '2 records in 1 file: 1 valid, 1 invalid',
    ]);
    expect(result.code).toBe(1);
  });

  it.each([
    ['recognised by their eventDetails', ['detail.ndjson']],
    ['--input-format detail', ['detail.ndjson', '--input-format', 'detail']],
  ])('reads detail documents %s, as version 1 without --schema-version (as a NULL schema_version means)', async (_name, args) => {
    const result = await run(args);
    expect(linesOf(result.stdout)).toEqual([
      `detail.ndjson:2: ${CANCELLED} v1: /eventDetails/cancellationReason: required: is required (string)`,
      `${CANCELLED}: 1 valid, 1 invalid`,
      '2 records in 1 file: 1 valid, 1 invalid',
    ]);
    expect(result.code).toBe(1);
  });

  it('reads detail documents of a later version with --schema-version', async () => {
    const result = await run(['detail-v2.ndjson', '--schema-version', '2']);
    expect(linesOf(result.stdout)).toEqual([
      `detail-v2.ndjson:2: ${CANCELLED} v2: /eventDetails/cancelledAtDate: required: is required (string)`,
      `${CANCELLED}: 1 valid, 1 invalid`,
      '2 records in 1 file: 1 valid, 1 invalid',
    ]);
    expect(result.code).toBe(1);
  });
});

describe('domain-events validate: how inputs are read', () => {
  const cases: Array<[string, { given: string[]; want: { code: number; lines: string[] } }]> = [
    [
      'a file of another name, one event per line, is sniffed as NDJSON',
      {
        given: ['export.txt'],
        want: {
          code: 1,
          lines: [
            `export.txt:2: intervention.session-appointment.missed v1: ${CRN_NULL}`,
            'intervention.referral.sent: 1 valid, 0 invalid',
            'intervention.session-appointment.missed: 0 valid, 1 invalid',
            '2 records in 1 file: 1 valid, 1 invalid',
          ],
        },
      },
    ],
    [
      'a file of another name, pretty-printed, is sniffed as one document',
      {
        given: ['pretty.txt'],
        want: {
          code: 1,
          lines: [
            `pretty.txt:1: intervention.session-appointment.missed v1: ${CRN_NULL}`,
            'intervention.session-appointment.missed: 0 valid, 1 invalid',
            '1 record in 1 file: 0 valid, 1 invalid',
          ],
        },
      },
    ],
    [
      'a file named twice, by path and by glob, is read once',
      {
        given: ['valid.ndjson', './valid.ndjson', 'vali?.ndjson'],
        want: {
          code: 0,
          lines: [
            'intervention.referral.sent: 1 valid, 0 invalid',
            'intervention.session-appointment.missed: 1 valid, 0 invalid',
            '2 records in 1 file: 2 valid, 0 invalid',
          ],
        },
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(linesOf(result.stdout)).toEqual(want.lines);
    expect(result.code).toBe(want.code);
  });
});

describe('domain-events validate: usage errors exit 2', () => {
  const cases: Array<[string, { given: string[]; want: string }]> = [
    ['a missing file', { given: ['nope.ndjson'], want: 'error: no such file: nope.ndjson' }],
    ['a glob that matches nothing', { given: ['*.nothing'], want: 'error: no files match *.nothing' }],
    ['a directory', { given: ['.'], want: 'error: . is a directory; pass a glob such as ./**/*.ndjson' }],
    ['no input at all', { given: [], want: "error: missing required argument 'inputs'" }],
    [
      'an unknown input format',
      { given: ['valid.ndjson', '--input-format', 'xml'], want: "error: option '--input-format <format>' argument 'xml' is invalid." },
    ],
    ['an unknown event type', { given: ['valid.ndjson', '--event-type', 'a.b.c'], want: 'error: --event-type: unknown event type "a.b.c"' }],
    [
      'a version that is not a number',
      { given: ['valid.ndjson', '--schema-version', 'two'], want: 'error: --schema-version must be a whole number from 1; received "two"' },
    ],
    [
      'workers that are not a number',
      { given: ['valid.ndjson', '--workers', 'many'], want: 'error: --workers must be a whole number from 0; received "many"' },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const result = await run(given);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(want);
    expect(result.stdout).toBe('');
  });
});

describe('domain-events validate: the progress bar', () => {
  // util-linux `script` runs the command on a pseudo-terminal, as a person at a terminal would.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  const onTerminal = (args: string) =>
    spawnSync(
      'script',
      ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(`${process.cwd()}/dist/cli.js`)} validate ${args} > /dev/null`, '/dev/null'],
      {
        cwd: files.dir,
        encoding: 'utf8',
      },
    ).stdout;

  it.skipIf(!hasScript)('shows on stderr when it is a terminal, and not with --quiet', () => {
    expect(onTerminal('valid.ndjson')).toContain('validate [');
    expect(onTerminal('valid.ndjson --quiet')).not.toContain('validate');
  });

  it('stays quiet when stderr is not a terminal', async () => {
    const result = await run(['valid.ndjson']);
    expect(result.stderr).toBe('');
  });
});

describe('domain-events validate: large inputs on worker threads', () => {
  it('gives exactly the same report on worker threads as on the main thread, for tens of thousands of lines', async () => {
    const path = `${files.dir}/large.ndjson`;
    const lines = 30_000;
    const script = spawnSync(process.execPath, ['scripts/generate-events.mjs', String(lines), path, '--bad-every', '50', '--seed', '3'], { encoding: 'utf8' });
    const expected = JSON.parse(script.stderr);
    const main = await run(['large.ndjson', '--workers', '0', '--format', 'json']);
    const threaded = await run(['large.ndjson', '--workers', '2', '--worker-threshold', '0', '--format', 'json']);
    expect(threaded.stdout).toBe(main.stdout);
    const { summary: got, findings } = JSON.parse(threaded.stdout);
    expect([got.records, got.valid, got.invalid, got.unknownEventType, got.blankLines]).toEqual([
      expected.records,
      expected.valid,
      expected.invalid,
      expected.unknownEventType,
      expected.blankLines,
    ]);
    // Bad lines are every 50th, by turns: invalid example, cut off, not UTF-8, blank, unknown type; the first three are findings.
    const badLines = Array.from({ length: lines / 50 }, (_, i) => (i + 1) * 50).filter((_, i) => i % 5 < 3);
    expect(findings.map((f: { line: number }) => f.line)).toEqual(badLines);
    expect(readFileSync(path).length).toBeGreaterThan(16 * 1024 * 1024);
    expect(threaded.code).toBe(1);
    // Standard input's size is not known: its first 8 MiB are read on the main thread, the rest on the workers.
    const piped = await run(['-', '--workers', '2', '--worker-threshold', String(8 * 1024 * 1024), '--format', 'json'], readFileSync(path));
    expect(piped.stdout).toBe(main.stdout.replaceAll('"file":"large.ndjson"', '"file":"-"'));
  });
});
