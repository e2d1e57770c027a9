import { describe, expect, it } from 'vitest';
import { type Layout, layoutOfName, sniffLayout } from '../../src/pipeline/input-layout.js';

const byName: Array<[string, { given: string; want: Layout | undefined }]> = [
  ['.ndjson is read line by line', { given: 'events/today.ndjson', want: 'ndjson' }],
  ['.jsonl is read line by line', { given: 'events.JSONL', want: 'ndjson' }],
  ['.json is one document', { given: 'examples/v1.valid.json', want: 'json' }],
  ['any other name is sniffed', { given: 'export.txt', want: undefined }],
  ['no extension is sniffed', { given: 'events', want: undefined }],
];

const bySniff: Array<[string, { given: string; want: Layout }]> = [
  ['an array is a document', { given: '  [\n {"a": 1}\n]', want: 'json' }],
  ['a pretty-printed object is a document', { given: '{\n  "eventType": "x"\n}\n', want: 'json' }],
  ['an object closed on its first line is NDJSON', { given: '{"a": 1}\n{"a": 2}\n', want: 'ndjson' }],
  ['an object closed on its first line, with CRLF', { given: '{"a": 1}  \r\n{"a": 2}\r\n', want: 'ndjson' }],
  ['one object on one line without a newline is NDJSON (the same either way)', { given: '{"a": 1}', want: 'ndjson' }],
  ['a byte order mark is skipped', { given: '\uFEFF[{}]', want: 'json' }],
  ['blank lines before the first record', { given: '\n\n{"a": 1}\n', want: 'ndjson' }],
  ['garbage is read line by line, so each line is reported', { given: 'not json\n{"a": 1}\n', want: 'ndjson' }],
  ['an empty input', { given: '', want: 'ndjson' }],
];

describe('layoutOfName', () => {
  it.each(byName)('%s', (_name, { given, want }) => expect(layoutOfName(given)).toBe(want));
});

describe('sniffLayout', () => {
  it.each(bySniff)('%s', (_name, { given, want }) => expect(sniffLayout(Buffer.from(given))).toBe(want));
});
