/**
 * A job that only records what the batch runner hands it, so the tests of
 * the batchers can see every record's text and place exactly as a real job
 * (validate, upcast) receives them.
 */
import type { BatchBody } from '../../src/pipeline/batch.js';
import { runBatch } from '../../src/pipeline/batch-runner.js';
import type { Job, JobOutput } from '../../src/pipeline/job.js';
import { Tally } from '../../src/pipeline/tally.js';

/** What the job saw, in order: `[line, text]` for a record, `[line, code, detail]` for an unreadable one; index after the line for array elements. */
export type Seen = Array<string | number>;

/** Runs every batch, numbering lines across batches as the pipeline does, and returns what the job saw and the blank lines. */
export async function recordsOf(batches: AsyncIterable<BatchBody>): Promise<{ seen: Seen[]; blank: number; batches: number }> {
  const seen: Seen[] = [];
  let blank = 0;
  let offset = 0;
  let count = 0;
  const job: Job = {
    record: (text, line, index) => seen.push(index === undefined ? [offset + line, text] : [line, index, text]),
    unreadable: (issue, line, index) => {
      const place = index === undefined ? [offset + line] : [line, index];
      seen.push([...place, issue.code, issue.detail ?? issue.received ?? '']);
    },
    blank: () => {
      blank++;
    },
    drain: (): JobOutput => ({ tally: new Tally().counts, findings: [], rejects: [], output: '' }),
  };
  for await (const body of batches) {
    const result = runBatch(Object.assign(body, { seq: count++, input: 0 }), job);
    offset += result.lines ?? 0;
  }
  return { seen, blank, batches: count };
}

/** The chunks as a byte stream. */
export async function* streamOf(chunks: ReadonlyArray<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}
