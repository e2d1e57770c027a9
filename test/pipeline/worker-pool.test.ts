/**
 * What crosses between the main thread and a worker: a batch's bytes go over
 * by transfer, so the main thread keeps no copy, and what comes back is the
 * counts and the failures, never anything per valid record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../src/pipeline/batch.js';
import type { JobSpec } from '../../src/pipeline/job.js';
import { totals } from '../../src/pipeline/tally.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { ROOT } from '../support/repo.js';

const example = (file: string) => JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')));
const valid = example('intervention.referral.sent/examples/notification.v1.referral-sent.valid.json');
const invalid = example('intervention.session-appointment.missed/examples/notification.v1.crn-string-null.invalid.json');

/** A batch of lines in memory of its own, as the line batcher makes them. */
function batchOf(lines: readonly string[], seq: number): Batch {
  const text = Buffer.from(`${lines.join('\n')}\n`);
  const bytes = Buffer.allocUnsafeSlow(text.length + 100);
  text.copy(bytes);
  return { kind: 'lines', bytes: bytes.subarray(0, text.length), first: seq === 0, seq, input: 0 };
}

const SPEC: JobSpec = { kind: 'validate', record: { format: 'auto' }, strict: false };
let pool: WorkerPool;
beforeAll(() => {
  pool = new WorkerPool(2, SPEC);
});
afterAll(() => pool.close());

describe('WorkerPool', () => {
  it("hands a batch's memory over to the worker: afterwards the main thread holds none of it", async () => {
    const batch = batchOf([valid, valid], 0);
    const bytes = batch.kind === 'lines' ? batch.bytes : new Uint8Array(1);
    const memory = bytes.buffer;
    expect(memory.byteLength).toBeGreaterThan(0);
    const result = pool.run(batch);
    // Transferred, the memory is detached here at once; a copy would have left it as it was.
    expect(memory.byteLength).toBe(0);
    expect(bytes.length).toBe(0);
    expect(totals((await result).tally).ok).toBe(2);
  });

  it('gives back the counts and the failures only, however many records were valid', async () => {
    const few = await pool.run(batchOf([valid, invalid, valid], 1));
    const many = await pool.run(batchOf([...Array.from({ length: 2000 }, () => valid), invalid], 2));
    expect([few.findings.map((f) => f.line), many.findings.map((f) => f.line)]).toEqual([[2], [2001]]);
    expect(totals(many.tally)).toMatchObject({ records: 2001, ok: 2000, failed: 1 });
    expect([many.output, many.rejects]).toEqual(['', []]);
    // Two thousand valid records more cost the answer a few bytes of larger numbers: it carries nothing per valid record.
    expect(serialize(many).length - serialize(few).length).toBeLessThan(32);
    expect(many.bytes).toBeGreaterThan(2000 * valid.length);
  });

  it('answers in the order it was asked, across workers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.run(batchOf(i % 2 ? [invalid] : [valid, valid, valid], 10 + i))));
    expect(results.map((r) => r.seq)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(results.map((r) => r.findings.length)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
  });
});
