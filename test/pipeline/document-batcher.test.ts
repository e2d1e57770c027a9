import { describe, expect, it } from 'vitest';
import { elementBatches } from '../../src/pipeline/document-batcher.js';
import { recordsOf, type Seen, streamOf } from './record-recorder.js';

const ROOMY = { batchBytes: 256, maxElementBytes: 128 };
// Small enough that the cases below fill several batches.
const SMALL = { batchBytes: 24, maxElementBytes: 16 };

// Elements are seen as [line, index, text], and the one element of a document that is one object as [line, text].
const cases: Array<[string, { given: { chunks: string[]; sizes?: typeof ROOMY }; want: Seen[] }]> = [
  ['a document that is one object', { given: { chunks: ['{\n  "a": 1\n}\n'] }, want: [[1, '{\n  "a": 1\n}']] }],
  [
    'an array of objects, each on its own line',
    {
      given: { chunks: ['[\n  {"a": 1},\n  {"b": 2},\n  {"c": 3}\n]\n'] },
      want: [
        [2, 0, '{"a": 1}'],
        [3, 1, '{"b": 2}'],
        [4, 2, '{"c": 3}'],
      ],
    },
  ],
  [
    'an array of pretty-printed objects: each element at its first line',
    {
      given: { chunks: ['[\n  {\n    "a": 1\n  },\n  {\n    "b": [1, 2]\n  }\n]'] },
      want: [
        [2, 0, '{\n    "a": 1\n  }'],
        [5, 1, '{\n    "b": [1, 2]\n  }'],
      ],
    },
  ],
  [
    'brackets, quotes and escapes inside strings',
    {
      given: { chunks: ['[{"a": "]}[{,"}, {"b": "\\"]\\\\"}]'] },
      want: [
        [1, 0, '{"a": "]}[{,"}'],
        [1, 1, '{"b": "\\"]\\\\"}'],
      ],
    },
  ],
  [
    'elements split across chunks',
    {
      given: { chunks: ['[{"a', '": 1}, {"b"', ': "x', 'y"}]'] },
      want: [
        [1, 0, '{"a": 1}'],
        [1, 1, '{"b": "xy"}'],
      ],
    },
  ],
  [
    'scalars are elements too (the parser refuses them)',
    {
      given: { chunks: ['[1, "two", null, true]'] },
      want: [
        [1, 0, '1'],
        [1, 1, '"two"'],
        [1, 2, 'null'],
        [1, 3, 'true'],
      ],
    },
  ],
  ['an empty array has no elements', { given: { chunks: [' [ ] '] }, want: [] }],
  ['a byte order mark before the document', { given: { chunks: ['\uFEFF[{}]'] }, want: [[1, 0, '{}']] }],
  [
    'a missing comma between elements',
    {
      given: { chunks: ['[{"a": 1}\n {"b": 2}]'] },
      want: [
        [1, 0, '{"a": 1}'],
        [2, 'invalid_json', 'a comma is missing between two elements of the array'],
        [2, 1, '{"b": 2}'],
      ],
    },
  ],
  [
    'a trailing comma',
    {
      given: { chunks: ['[{"a": 1},\n]'] },
      want: [
        [1, 0, '{"a": 1}'],
        [2, 'invalid_json', 'a comma before ] (a trailing comma) is not allowed in JSON'],
      ],
    },
  ],
  [
    'an extra comma',
    {
      given: { chunks: ['[{},,{}]'] },
      want: [
        [1, 0, '{}'],
        [1, 'invalid_json', 'unexpected comma in the array: an element is missing'],
        [1, 1, '{}'],
      ],
    },
  ],
  [
    'an array cut off between elements',
    {
      given: { chunks: ['[{"a": 1},\n'] },
      want: [
        [1, 0, '{"a": 1}'],
        [2, 'invalid_json', 'the array is not closed: the input ends before its ]'],
      ],
    },
  ],
  [
    'an element cut off: kept as it is, for the parser to refuse',
    {
      given: { chunks: ['[{"a": 1},\n{"b": "cut'] },
      want: [
        [1, 0, '{"a": 1}'],
        [2, 1, '{"b": "cut'],
      ],
    },
  ],
  [
    'text after the end of the document',
    {
      given: { chunks: ['{"a": 1}\n{"b": 2}\n'] },
      want: [
        [1, '{"a": 1}'],
        [2, 'invalid_json', 'unexpected text after the end of the JSON document'],
      ],
    },
  ],
  ['an empty input', { given: { chunks: ['  \n'] }, want: [[2, 'invalid_json', 'the input is empty; expected a JSON object, or an array of objects']] }],
  ['a document that is not an object or array is one element, to the end', { given: { chunks: ['nope\n[1]\n'] }, want: [[1, 'nope\n[1]\n']] }],
  [
    'elements spread over several small batches',
    {
      given: { chunks: ['[{"a":1},{"b":22},{"c":333},{"d":4444}]'], sizes: SMALL },
      want: [
        [1, 0, '{"a":1}'],
        [1, 1, '{"b":22}'],
        [1, 2, '{"c":333}'],
        [1, 3, '{"d":4444}'],
      ],
    },
  ],
  [
    'an element over the size limit is skipped and reported by its length',
    {
      given: { chunks: ['[{"a":1},{"big":"', 'x'.repeat(30), '"},{"c":3}]'], sizes: SMALL },
      want: [
        [1, 0, '{"a":1}'],
        [1, 1, 'input_too_large', '40 bytes'],
        [1, 2, '{"c":3}'],
      ],
    },
  ],
];

describe('elementBatches', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    const result = await recordsOf(elementBatches(streamOf(given.chunks), given.sizes ?? ROOMY));
    // A document that is one object has no index: its element is seen as [line, text].
    expect(result.seen.map((seen) => (seen[1] === -1 ? [seen[0], ...seen.slice(2)] : seen))).toEqual(want);
  });

  it('keeps each batch within its capacity', async () => {
    const sizes = [];
    for await (const batch of elementBatches(streamOf(['[', '{"n":12345},'.repeat(20), '{}]']), SMALL)) sizes.push(batch.bytes.length);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SMALL.batchBytes);
  });
});
