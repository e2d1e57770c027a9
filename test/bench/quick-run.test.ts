/**
 * `npm run bench -- --quick` must keep working: it runs every part with small
 * inputs against the built package and writes its results. No timing is
 * judged here (these machines are shared); only that every part ran, that its
 * candidates accepted their inputs, and that the results hang together.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { medianRound } from '../../bench/cli-throughput.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'domain-events-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  readonly name: string;
  readonly nanoseconds: number;
  readonly ratio: number;
}

describe('npm run bench -- --quick', () => {
  it('runs every part, and writes results whose parts agree with each other', { timeout: 300_000 }, async () => {
    const out = join(dir, 'results.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', resolve('bench/run.ts'), '--quick', '--out', out], {
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 16 * 2 ** 20,
    });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(written.results).sort()).toEqual(['bundle', 'cli', 'coldStart', 'decode', 'generate']);
    expect(written.environment.quick).toBe(true);

    // Each decode group has its baselines and candidates, the first row the baseline at 1×.
    for (const group of ['latest', 'upcast', 'encode'] as const) {
      const rows = written.results.decode[group] as Row[];
      expect(rows[0]?.ratio).toBe(1);
      for (const row of rows) expect(row.nanoseconds).toBeGreaterThan(0);
    }
    // (a) a notification at its latest version, read with safeParse; (b) a stored version 1 detail document, read with
    // safeParseDetail and upcast to version 2. The same baselines for both.
    const baselines = [
      'JSON.parse',
      'JSON.parse + Ajv',
      'JSON.parse + Ajv, fast formats',
      'JSON.parse + zod safeParse',
      'JSON.parse + zod, compiled',
      'JSON.parse + generated check alone',
      'JSON.parse + duplicate-key check alone',
    ];
    expect((written.results.decode.latest as Row[]).map((r) => r.name)).toEqual([
      ...baselines,
      'JSON.parse + hand-written check',
      'safeParse',
      "safeParse, duplicateKeys: 'last-wins'",
    ]);
    expect((written.results.decode.upcast as Row[]).map((r) => r.name)).toEqual([
      ...baselines,
      'JSON.parse + generated v1 and v2 checks alone',
      'safeParseDetail',
      "safeParseDetail, duplicateKeys: 'last-wins'",
    ]);

    // The CLI read every line of its file; some are invalid on purpose, so it exits 1. One thread, two one-thread
    // processes on half the file each, and JSON.parse alone on one thread and on two, ran over the same file.
    expect(written.results.cli).toMatchObject({ lines: 50_000, exitStatus: 1 });
    expect(written.results.cli.oneThread.eventsPerSecond).toBeGreaterThan(0);
    // Three rounds of the command's runs; the figures are the median round's.
    const { rounds } = written.results.cli;
    expect(rounds).toHaveLength(3);
    expect(medianRound(rounds).seconds).toBe(written.results.cli.seconds);
    expect(medianRound(rounds).oneThread.seconds).toBe(written.results.cli.oneThread.seconds);
    // The CPU time of the command's runs, every thread: at least what the main thread spent alone.
    expect(written.results.cli.oneThread.cpuSeconds).toBeGreaterThan(0);
    expect(written.results.cli.cpuSeconds).toBeGreaterThan(0);
    expect(written.results.cli.twoProcesses.eventsPerSecond).toBeGreaterThan(0);
    expect(written.results.cli.jsonParseOneThread.eventsPerSecond).toBeGreaterThan(0);
    expect(written.results.cli.jsonParseTwoThreads.eventsPerSecond).toBeGreaterThan(0);
    // The built package's reader bundles carry no more than the sources' (before the zod validators had entry points
    // of their own, the built one carried the zod they evaluate, 13% more), and one event type's is smaller than the catalogue's.
    const { oneEventType, wholeCatalogue } = written.results.bundle;
    expect(oneEventType.gzip).toBeLessThan(oneEventType.gzipFromSources * 1.05);
    expect(wholeCatalogue.gzip).toBeLessThan(wholeCatalogue.gzipFromSources * 1.05);
    expect(oneEventType.gzip).toBeLessThan(wholeCatalogue.gzip);
    // The bytes by origin add up to about the bundle (the sources' bundle, not the built one), and the catalogue's
    // generated part is larger than one event type's.
    const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sum(oneEventType.parts) / oneEventType.minifiedFromSources).toBeGreaterThan(0.9);
    expect(sum(oneEventType.parts) / oneEventType.minifiedFromSources).toBeLessThan(1.1);
    expect(wholeCatalogue.parts.generated).toBeGreaterThan(oneEventType.parts.generated);
    for (const part of ['formats', 'generated', 'runtime']) expect(oneEventType.parts[part]).toBeGreaterThan(0);
    // The readers run the generated checks, and the exported zod validators are marked pure: a reader's bundle has no zod.
    expect(oneEventType.parts.zodCompiler + oneEventType.parts.zodOther).toBe(0);
    // The floor: the event's JSON Schemas and the wire formats, each part of it smaller than both together.
    expect(oneEventType.floor.schemasGzip).toBeLessThan(oneEventType.floor.togetherGzip);
    expect(oneEventType.floor.formatsGzip).toBeLessThan(oneEventType.floor.togetherGzip);
    // The same reader with its checks emptied carries those and more, and less than the whole reader.
    expect(oneEventType.floor.withoutChecksGzip).toBeGreaterThan(oneEventType.floor.togetherGzip);
    expect(oneEventType.floor.withoutChecksGzip).toBeLessThan(oneEventType.gzipFromSources);

    // Nine goals; the four set for full-size inputs are not judged on quick ones.
    const goals = written.goals as Array<{ measure: string; met?: boolean }>;
    expect(goals).toHaveLength(9);
    // 50 synthetic event types of 4 schemas each: a notification and 3 detail versions.
    expect(goals.filter((g) => g.met === undefined).map((g) => g.measure)).toEqual([
      'CLI validate',
      'CLI validate, --workers 2 (× --workers 1)',
      'CLI validate, --workers 2 (× two threads of JSON.parse)',
      'generate 200 schemas',
    ]);
    expect(goals.find((g) => g.measure === 'CLI validate, --workers 2 (× --workers 1)')).toMatchObject({
      result: expect.stringMatching(
        /^\d+\.\d\d× \(ceiling from one thread's CPU time: \d+\.\d\d×; two --workers 1 processes at once, half the file each: \d+\.\d\d×\)$/u,
      ),
    });
    expect(stdout).toContain('not measured at full size');
  });
});
