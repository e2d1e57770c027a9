/**
 * With worker threads, the main thread of a run over files larger than the
 * threshold only reads, hands over and reports: it makes no job, so it reads
 * no record. Here making a job on the main thread fails the run; the workers
 * make theirs in their own module graph, which this mock does not reach.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Input } from '../../src/pipeline/inputs.js';
import type { JobSpec } from '../../src/pipeline/job.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { Tally, totals } from '../../src/pipeline/tally.js';

vi.mock('../../src/pipeline/create-job.js', () => ({
  createJob: () => {
    throw new Error('a job was made on the main thread');
  },
}));

const SPEC: JobSpec = { kind: 'validate', record: { format: 'auto' }, strict: false };
let dir: string;
let input: Input;
let expected: { records: number };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-main-'));
  const path = join(dir, 'events.ndjson');
  const script = spawnSync(process.execPath, ['scripts/generate-events.mjs', '2000', path, '--seed', '9'], { encoding: 'utf8' });
  expected = JSON.parse(script.stderr);
  input = { name: 'events.ndjson', path, size: statSync(path).size };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(inputs: Input[], stdin: AsyncIterable<Uint8Array>, workerThreshold: number) {
  const tally = new Tally();
  await runPipeline({
    inputs,
    spec: SPEC,
    stdin,
    workers: 2,
    workerThreshold,
    batchBytes: 64 * 1024,
    onResult(result) {
      tally.add(result.tally);
    },
  });
  return totals(tally.counts).records;
}

const none = (async function* () {})();

describe('runPipeline on worker threads', () => {
  it('makes no job on the main thread when the files are larger than the threshold', async () => {
    expect(await run([input], none, (input.size as number) - 1)).toBe(expected.records);
  });

  it('makes one there for files within the threshold, which stay on the main thread', async () => {
    await expect(run([input], none, input.size as number)).rejects.toThrow('a job was made on the main thread');
  });

  it('makes one there for standard input, whose size is not known: its first batches are read there', async () => {
    const stdin = (async function* () {
      yield readFileSync(input.path as string);
    })();
    await expect(run([{ name: '-', path: undefined, size: undefined }], stdin, 100_000)).rejects.toThrow('a job was made on the main thread');
  });
});
