import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Reject } from '../../src/pipeline/finding.js';
import type { Input } from '../../src/pipeline/inputs.js';
import type { JobSpec } from '../../src/pipeline/job.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { Tally, totals } from '../../src/pipeline/tally.js';

// Tens of thousands of lines of realistic events with bad lines mixed in, from the script the benchmarks use.
const LINES = 10_000;
let dir: string;
let input: Input;
let expected: { records: number; valid: number; invalid: number; unknownEventType: number; blankLines: number };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  const path = join(dir, 'events.ndjson');
  const script = spawnSync(process.execPath, ['scripts/generate-events.mjs', String(LINES), path, '--bad-every', '97', '--seed', '5'], { encoding: 'utf8' });
  expected = JSON.parse(script.stderr);
  input = { name: 'events.ndjson', path, size: statSync(path).size };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a run gives back, in the order it gives it. */
async function run(
  spec: JobSpec,
  workers: number,
  from: { inputs: Input[]; stdin?: AsyncIterable<Uint8Array>; workerThreshold?: number; batchBytes?: number } = { inputs: [input] },
) {
  const tally = new Tally();
  const findings: Finding[] = [];
  const rejects: Reject[] = [];
  let output = '';
  let batches = 0;
  await runPipeline({
    inputs: from.inputs,
    spec,
    stdin: from.stdin ?? (async function* () {})(),
    workers,
    workerThreshold: from.workerThreshold ?? 0,
    batchBytes: from.batchBytes ?? 256 * 1024,
    onResult(result) {
      // Results come in the order of the batches, whichever thread ran them.
      if (result.seq !== batches) throw new Error(`batch ${result.seq} came in place ${batches}`);
      batches++;
      tally.add(result.tally);
      findings.push(...result.findings);
      rejects.push(...result.rejects);
      output += result.output;
    },
  });
  return { tally: tally.counts, findings, rejects, output, batches };
}

const VALIDATE: JobSpec = { kind: 'validate', record: { format: 'auto' }, strict: true };
const UPCAST: JobSpec = { kind: 'upcast', record: { format: 'auto' }, to: 'latest' };

// Each run is made once and shared by the tests below.
const runs = new Map<string, ReturnType<typeof run>>();
const runOnce = (spec: JobSpec, workers: number) => {
  const key = `${spec.kind} ${workers}`;
  if (!runs.has(key)) runs.set(key, run(spec, workers));
  return runs.get(key) as ReturnType<typeof run>;
};

const specs: Array<[string, { given: JobSpec }]> = [
  ['validate', { given: VALIDATE }],
  ['upcast', { given: UPCAST }],
];

describe('runPipeline', () => {
  it.each(specs)('%s: worker threads give exactly what the main thread gives', async (_name, { given }) => {
    const main = await runOnce(given, 0);
    const threaded = await runOnce(given, 2);
    expect(main.batches).toBeGreaterThan(10);
    expect(threaded).toEqual(main);
  });

  it('keeps the input order with more workers and smaller batches', async () => {
    const main = await runOnce(VALIDATE, 0);
    const threaded = await run(VALIDATE, 3, { inputs: [input], batchBytes: 32 * 1024 });
    expect(threaded.batches).toBeGreaterThan(100);
    expect({ ...threaded, batches: main.batches }).toEqual(main);
  });

  it('reads standard input, whose size is not known, on the main thread up to the threshold and on the workers after it', async () => {
    const main = await runOnce(VALIDATE, 0);
    const stdin = (async function* () {
      const bytes = readFileSync(input.path as string);
      for (let at = 0; at < bytes.length; at += 100_000) yield bytes.subarray(at, at + 100_000);
    })();
    const threaded = await run(VALIDATE, 2, { inputs: [{ name: '-', path: undefined, size: undefined }], stdin, workerThreshold: (input.size as number) / 2 });
    expect(threaded).toEqual(main);
  });

  it.skipIf(process.platform === 'win32')('reads a named pipe as a stream', async () => {
    const main = await runOnce(VALIDATE, 0);
    const fifo = join(dir, 'events.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `cat "${input.path}" > "${fifo}"`]);
    const threaded = await run(VALIDATE, 2, { inputs: [{ name: 'events.ndjson', path: fifo, size: 0 }] });
    writer.kill();
    expect(threaded).toEqual(main);
  });

  it('counts every record the input holds, by what it is', async () => {
    const { tally, findings } = await runOnce(VALIDATE, 2);
    const { records, ok, failed, unknown } = totals(tally);
    expect({ records, valid: ok, invalid: failed, unknownEventType: unknown, blankLines: tally.blank }).toEqual({
      records: expected.records,
      valid: expected.valid,
      invalid: expected.invalid,
      unknownEventType: expected.unknownEventType,
      blankLines: expected.blankLines,
    });
    // One line in 97 is bad, by turns: an invalid example, a cut-off line, bytes that are not UTF-8, a blank line, an
    // unknown event type. All but the blank lines are findings (unknown types because the spec is strict), in line order.
    const badLines = Array.from({ length: Math.floor(LINES / 97) }, (_, i) => (i + 1) * 97);
    expect(findings.map((f) => f.line)).toEqual(badLines.filter((_, i) => i % 5 !== 3));
  });

  it('upcast writes one line per record it does not reject', async () => {
    const { tally, output, rejects } = await runOnce(UPCAST, 2);
    const written = output.split('\n').filter(Boolean);
    expect(written.length).toBe(expected.valid);
    expect(written.length + rejects.length).toBe(expected.records);
    expect(totals(tally).ok).toBe(expected.valid);
  });
});
