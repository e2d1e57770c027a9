import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/pipeline/batch-runner.js';
import type { Job } from '../../src/pipeline/job.js';
import { fileReader, lineBatches, type ReadInto } from '../../src/pipeline/line-batcher.js';
import { Tally } from '../../src/pipeline/tally.js';
import { recordsOf, type Seen, streamOf } from './record-recorder.js';

const dir = mkdtempSync(join(tmpdir(), 'line-batcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** A file holding the chunks one after the other. */
function fileOf(chunks: ReadonlyArray<string | Uint8Array>): string {
  const path = join(dir, `${files++}.ndjson`);
  writeFileSync(path, Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk))));
  return path;
}

const bytes = (text: string) => Buffer.from(text);
const emoji = bytes('{"note":"café 🎉"}\n');
// Offsets inside the multi-byte characters: é is bytes 13-14, 🎉 is bytes 16-19.
const insideE = 14;
const insideEmoji = 18;

// Small batches (16 bytes, lines of at most 10) so that every case crosses batch boundaries too.
const SMALL = { batchBytes: 16, maxLineBytes: 10 };
const ROOMY = { batchBytes: 64, maxLineBytes: 40 };

const cases: Array<[string, { given: { chunks: Array<string | Uint8Array>; sizes?: typeof SMALL }; want: { seen: Seen[]; blank?: number } }]> = [
  [
    'one line per record',
    {
      given: { chunks: ['a\nbb\nccc\n'] },
      want: {
        seen: [
          [1, 'a'],
          [2, 'bb'],
          [3, 'ccc'],
        ],
      },
    },
  ],
  [
    'a line split across two chunks',
    {
      given: { chunks: ['one\ntw', 'o\nthree\n'] },
      want: {
        seen: [
          [1, 'one'],
          [2, 'two'],
          [3, 'three'],
        ],
      },
    },
  ],
  [
    'a line split across many chunks',
    {
      given: { chunks: ['f', 'i', 'v', 'e', '\n', 'x'] },
      want: {
        seen: [
          [1, 'five'],
          [2, 'x'],
        ],
      },
    },
  ],
  [
    'CRLF line ends',
    {
      given: { chunks: ['a\r\nb\r', '\nc\r\n'] },
      want: {
        seen: [
          [1, 'a'],
          [2, 'b'],
          [3, 'c'],
        ],
      },
    },
  ],
  [
    'a final line without a newline',
    {
      given: { chunks: ['a\nlast'] },
      want: {
        seen: [
          [1, 'a'],
          [2, 'last'],
        ],
      },
    },
  ],
  [
    'blank lines are counted, not records, and keep their line numbers',
    {
      given: { chunks: ['a\n\n  \n\r\n\t\nb\n'] },
      want: {
        seen: [
          [1, 'a'],
          [6, 'b'],
        ],
        blank: 4,
      },
    },
  ],
  [
    'a byte order mark at the start is dropped',
    {
      given: { chunks: ['\uFEFFa\nb\n'] },
      want: {
        seen: [
          [1, 'a'],
          [2, 'b'],
        ],
      },
    },
  ],
  ['an empty input has no records', { given: { chunks: [] }, want: { seen: [] } }],
  [
    'line numbers run on across many batches',
    { given: { chunks: ['1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n'] }, want: { seen: Array.from({ length: 12 }, (_, i) => [i + 1, String(i + 1)]) } },
  ],
  [
    'a multi-byte character split across chunks (inside é)',
    { given: { chunks: [emoji.subarray(0, insideE), emoji.subarray(insideE)], sizes: ROOMY }, want: { seen: [[1, '{"note":"café 🎉"}']] } },
  ],
  [
    'a multi-byte character split across chunks (inside a 4-byte emoji)',
    { given: { chunks: [emoji.subarray(0, insideEmoji), emoji.subarray(insideEmoji)], sizes: ROOMY }, want: { seen: [[1, '{"note":"café 🎉"}']] } },
  ],
  [
    'a multi-byte character where a batch fills up',
    { given: { chunks: ['é\n'.repeat(10)] }, want: { seen: Array.from({ length: 10 }, (_, i) => [i + 1, 'é']) } },
  ],
  [
    'a line too long for a batch is skipped, not kept, and reported by its length',
    {
      given: { chunks: ['ok\n', 'x'.repeat(25), 'x'.repeat(25), '\nafter\n'] },
      want: {
        seen: [
          [1, 'ok'],
          [2, 'input_too_large', '50 bytes'],
          [3, 'after'],
        ],
      },
    },
  ],
  [
    'a line too long at the very end, without a newline',
    {
      given: { chunks: ['ok\n', 'y'.repeat(40)] },
      want: {
        seen: [
          [1, 'ok'],
          [2, 'input_too_large', '40 bytes'],
        ],
      },
    },
  ],
  [
    'a tail over the limit when a batch fills up',
    {
      given: { chunks: ['ab\n', 'z'.repeat(13), '\nc\n'] },
      want: {
        seen: [
          [1, 'ab'],
          [2, 'input_too_large', '13 bytes'],
          [3, 'c'],
        ],
      },
    },
  ],
  [
    'bytes that are not UTF-8 spoil only their own line',
    {
      given: { chunks: [Buffer.concat([bytes('a\n'), Buffer.from([0xff, 0xfe, 0x00]), bytes('\nb\n')])] },
      want: {
        seen: [
          [1, 'a'],
          [2, 'invalid_json', 'the bytes are not UTF-8 text'],
          [3, 'b'],
        ],
      },
    },
  ],
];

describe('lineBatches', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    const result = await recordsOf(lineBatches(streamOf(given.chunks), given.sizes ?? SMALL));
    expect(result.seen).toEqual(want.seen);
    expect(result.blank).toBe(want.blank ?? 0);
  });

  it.each(cases)('read from a file: %s', async (_name, { given, want }) => {
    const handle = await open(fileOf(given.chunks));
    try {
      const result = await recordsOf(lineBatches(fileReader(handle), given.sizes ?? SMALL));
      expect(result.seen).toEqual(want.seen);
      expect(result.blank).toBe(want.blank ?? 0);
    } finally {
      await handle.close();
    }
  });

  it("reads a file straight into the batches' memory: each batch holds the bytes its reads wrote, not a copy", async () => {
    const text = Array.from({ length: 40 }, (_, i) => `{"line":${i}}`).join('\n');
    const handle = await open(fileOf([text]));
    const readInto = new Set<ArrayBufferLike>();
    const file = fileReader(handle);
    const spy: ReadInto = (into, offset, length) => {
      readInto.add(into.buffer);
      return file(into, offset, length);
    };
    const seen: string[] = [];
    try {
      for await (const batch of lineBatches(spy, ROOMY)) {
        if (batch.kind !== 'lines') throw new Error(`unexpected ${batch.kind}`);
        expect(readInto.has(batch.bytes.buffer)).toBe(true);
        expect(batch.bytes.byteOffset).toBe(0);
        seen.push(...Buffer.from(batch.bytes).toString().split('\n').filter(Boolean));
      }
    } finally {
      await handle.close();
    }
    expect(readInto.size).toBeGreaterThan(5);
    expect(seen).toEqual(text.split('\n'));
  });

  it('reads each line of a batch with lines that are not UTF-8 as it would read that line alone', () => {
    const NOT_UTF8 = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x8e], [0x80, 0x41]];
    type Line = { readonly bytes: Buffer; readonly want: 'bad' | 'blank' | string };
    const text = fc.string({ unit: fc.constantFrom('a', '{', '"', ' ', '\t', 'é', '🎉', '\r'), maxLength: 12 }).map((t): Line => {
      const read = t.endsWith('\r') ? t.slice(0, -1) : t;
      return { bytes: Buffer.from(t), want: /^[ \t\r]*$/u.test(read) ? 'blank' : read };
    });
    const bad = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'é', ' '), maxLength: 4 }), fc.constantFrom(...NOT_UTF8), fc.constantFrom('', 'b', '\r'))
      .map(([before, bytes, after]): Line => ({ bytes: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]), want: 'bad' }));
    const batch = fc.record({
      lines: fc.array(fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: bad, weight: 1 }), { minLength: 1, maxLength: 60 }),
      bom: fc.boolean(),
      lastNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(batch, ({ lines: given, bom, lastNewline }) => {
        const bytes = Buffer.concat([
          Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []),
          ...given.flatMap((line, i) => (i < given.length - 1 || lastNewline ? [line.bytes, Buffer.from('\n')] : [line.bytes])),
        ]);
        // What the job is handed: each record's line and text, each unreadable one's line and bytes (as upcast keeps them).
        const seen: Array<[number, string | number[]]> = [];
        let blank = 0;
        const job: Job = {
          record: (record, line) => seen.push([line, record]),
          unreadable: (_issue, line, _index, record) => seen.push([line, [...(record ?? [])]]),
          blank: () => blank++,
          drain: () => ({ tally: new Tally().counts, findings: [], rejects: [], output: '' }),
        };
        const result = runBatch({ kind: 'lines', bytes, first: true, seq: 0, input: 0 }, job);
        // An empty last line with no newline after it is no line at all.
        const lines = !lastNewline && given.at(-1)?.bytes.length === 0 ? given.slice(0, -1) : given;
        const stripped = (line: Buffer) => [...(line.at(-1) === 0x0d ? line.subarray(0, -1) : line)];
        expect(seen).toEqual(
          lines.flatMap(
            (line, i): Array<[number, string | number[]]> => (line.want === 'blank' ? [] : [[i + 1, line.want === 'bad' ? stripped(line.bytes) : line.want]]),
          ),
        );
        expect([result.lines, blank]).toEqual([lines.length, lines.filter((line) => line.want === 'blank').length]);
      }),
      { seed: 20_261_203, numRuns: 1000 },
    );
  });

  it('cuts batches only at line ends, so each holds whole lines', async () => {
    const batches = [];
    for await (const batch of lineBatches(streamOf(['aaaa\nbbbb\ncccc\ndddd\neeee\n']), SMALL)) batches.push(batch);
    expect(batches.map((b) => (b.kind === 'lines' ? Buffer.from(b.bytes).toString() : b.kind))).toEqual(['aaaa\nbbbb\ncccc\n', 'dddd\neeee\n']);
  });

  it('refuses a line limit that a batch could not hold', async () => {
    await expect(lineBatches(streamOf([]), { batchBytes: 10, maxLineBytes: 10 }).next()).rejects.toThrow(RangeError);
  });
});
