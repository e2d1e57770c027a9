/**
 * The goals the benchmark checks, from its results: those of the committed
 * run are the goals written with it, whichever measures that run had, and
 * the scaling of `validate --workers 2` is judged on full-size runs only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResults, type CliRound, medianRound } from '../../bench/cli-throughput.js';
import { goals, renderTable } from '../../bench/report.js';
import { ROOT } from '../support/repo.js';

const written = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8'));

const cli = (lines: number, rates: { two: number; one: number; parseTwo: number; twoProcesses?: number }): CliResults => ({
  lines,
  bytes: lines * 645,
  averageBytesPerLine: 645,
  seconds: lines / rates.two,
  eventsPerSecond: rates.two,
  peakRssBytes: null,
  exitStatus: 1,
  oneThread: { seconds: lines / rates.one, eventsPerSecond: rates.one },
  jsonParseOneThread: { seconds: lines / (rates.parseTwo / 2), eventsPerSecond: rates.parseTwo / 2 },
  jsonParseTwoThreads: { seconds: lines / rates.parseTwo, eventsPerSecond: rates.parseTwo },
  ...(rates.twoProcesses === undefined ? {} : { twoProcesses: { seconds: lines / rates.twoProcesses, eventsPerSecond: rates.twoProcesses } }),
});

/** The machine a table is printed for. */
const ENVIRONMENT = { cpu: 'cpu', cores: 2, node: 'v20', loadAverageAtStart: '0' };
const SCALING = 'CLI validate, --workers 2 (× --workers 1)';
/** The scaling goal as the results judge it. */
const scalingGoal = (results: Record<string, unknown>) => goals(results).find((g) => g.measure === SCALING);

describe('the benchmark goals', () => {
  it('of the committed run are the goals written with it', () => {
    expect(goals(written.results)).toEqual(written.goals);
  });

  it('judge validate --workers 2 against --workers 1 and against two threads of JSON.parse, at full size', () => {
    const scaled = goals({ cli: cli(1_000_000, { two: 190_000, one: 100_000, parseTwo: 300_000 }) }).slice(1);
    expect(scaled).toEqual([
      { measure: 'CLI validate, --workers 2 (× --workers 1)', goal: '≥ 1.80×', result: '1.90×', met: true },
      { measure: 'CLI validate, --workers 2 (× two threads of JSON.parse)', goal: '≥ 0.60×', result: '0.63×', met: true },
    ]);
    const short = goals({ cli: cli(1_000_000, { two: 150_000, one: 100_000, parseTwo: 300_000 }) }).slice(1);
    expect(short.map((g) => [g.result, g.met])).toEqual([
      ['1.50×', false],
      ['0.50×', false],
    ]);
    const quick = goals({ cli: cli(50_000, { two: 190_000, one: 100_000, parseTwo: 300_000 }) });
    expect(quick.map((g) => g.met)).toEqual([undefined, undefined, undefined]);
  });

  it('print two threads of JSON.parse, and the scaling, where the run measured them', () => {
    const results = { cli: cli(1_000_000, { two: 190_000, one: 100_000, parseTwo: 300_000 }) };
    const table = renderTable(ENVIRONMENT, results, goals(results));
    expect(table).toContain('JSON.parse alone, two threads, same batches');
    expect(table).toContain('1.90× --workers 1');
    // A run from before two threads of JSON.parse were measured prints neither.
    const { jsonParseTwoThreads: _, ...older } = results.cli;
    expect(renderTable(ENVIRONMENT, { cli: older }, goals({ cli: older }))).not.toContain('two threads');
  });

  it('name, beside the scaling, two --workers 1 processes at once on half the file each, where the run measured them', () => {
    const measured = { cli: cli(1_000_000, { two: 163_000, one: 100_000, parseTwo: 300_000, twoProcesses: 152_000 }) };
    expect(scalingGoal(measured)).toEqual({
      measure: SCALING,
      goal: '≥ 1.80×',
      result: '1.63× (two --workers 1 processes at once, half the file each: 1.52×)',
      met: false,
    });
    // The two processes are a row of their own, and change no other goal.
    const table = renderTable(ENVIRONMENT, measured, goals(measured));
    expect(table).toMatch(/\| validate, two --workers 1 processes at once, half the file each +\| 6\.6 s +\| 152,000\/s +\|/u);
    const { twoProcesses: _, ...older } = measured.cli;
    const without = goals({ cli: older });
    expect(goals(measured).filter((g) => g.measure !== SCALING)).toEqual(without.filter((g) => g.measure !== SCALING));
    // A run from before they were measured names no such processes and prints no such row.
    expect(scalingGoal({ cli: older })?.result).toBe('1.63×');
    const olderTable = renderTable(ENVIRONMENT, { cli: older }, without);
    expect(olderTable).not.toContain('two --workers 1 processes');
    expect(olderTable).not.toContain('processes');
  });

  it("name the ceiling one thread's CPU time sets on the scaling, where the run measured it", () => {
    const base = cli(1_000_000, { two: 164_000, one: 100_000, parseTwo: 300_000, twoProcesses: 142_000 });
    // One thread: 10 s of wall time and 11.6 s of CPU time, so two cores can do its work in no less than 5.8 s.
    const measured = { cli: { ...base, cpuSeconds: 12.4, oneThread: { ...base.oneThread, cpuSeconds: 11.6 } } };
    expect(scalingGoal(measured)).toEqual({
      measure: SCALING,
      goal: '≥ 1.80×',
      result: "1.64× (ceiling from one thread's CPU time: 1.72×; two --workers 1 processes at once, half the file each: 1.42×)",
      met: false,
    });
    const table = renderTable(ENVIRONMENT, measured, goals(measured));
    expect(table).toMatch(/\| validate, one thread \(--workers 1\) +\| 10\.0 s +\| 100,000\/s +\| CPU 11\.6 s \(1\.16 cores\) +\|/u);
    expect(table).toMatch(/peak RSS n\/a, CPU 12\.4 s \(2\.03 cores\)/u);
    expect(table).toContain("ceiling 1.72× from one thread's CPU time");
    // A run from before the CPU time was measured names no ceiling and prints no CPU time.
    expect(scalingGoal({ cli: base })?.result).toBe('1.64× (two --workers 1 processes at once, half the file each: 1.42×)');
    const older = renderTable(ENVIRONMENT, { cli: base }, goals({ cli: base }));
    expect(older).not.toContain('CPU');
    expect(older).not.toContain('ceiling');
  });

  it('report the round whose scaling is the median, and print every round', () => {
    const round = (two: number, one: number): CliRound => ({ seconds: two, oneThread: { seconds: one }, twoProcessesSeconds: one / 1.5 });
    const rounds = [round(10, 15), round(10, 19), round(10, 17)];
    expect(medianRound(rounds)).toBe(rounds[2]);
    // Of an even number, the lower middle one; and none is an error, not a round made up.
    expect(medianRound([round(10, 19), round(10, 15)])).toEqual(round(10, 15));
    expect(() => medianRound([])).toThrow('no rounds');
    const base = cli(1_000_000, { two: 100_000, one: 100_000 / 1.7, parseTwo: 300_000 });
    const table = renderTable(ENVIRONMENT, { cli: { ...base, rounds } }, []);
    expect(table).toMatch(/\| validate --workers 2, scaling in each round +\| 1\.50×, 1\.90×, 1\.70× +\| the median round is reported +\|/u);
    expect(renderTable(ENVIRONMENT, { cli: { ...base, rounds: [round(10, 17)] } }, [])).not.toContain('each round');
    expect(renderTable(ENVIRONMENT, { cli: base }, [])).not.toContain('each round');
  });

  it('judge the bundle against 15 KB, naming the floors the run measured', () => {
    const parts = { zodCompiler: 0, zodOther: 0, formats: 13_000, generated: 20_000, runtime: 30_000 };
    const size = { minified: 63_000, gzip: 19_000, gzipFromSources: 19_400, parts };
    const floor = { schemasGzip: 2_500, formatsGzip: 4_300, togetherGzip: 6_600 };
    const run = (f: typeof floor & { withoutChecksGzip?: number }, gzip = size.gzip) => ({
      bundle: { oneEventType: { ...size, gzip, eventType: 'a.b.c', floor: f }, wholeCatalogue: size },
    });
    const measure = "one event type's consumer bundle, min+gz";
    const measured = run({ ...floor, withoutChecksGzip: 16_100 });
    expect(goals(measured).find((g) => g.measure === measure)).toEqual({
      measure,
      goal: '≤ 15 KB',
      result: '19.0 KB (floor: the same reader with its checks emptied, 16.1 KB; its JSON Schemas and the wire formats alone, 6.6 KB)',
      met: false,
    });
    expect(goals(run(floor, 15_000)).find((g) => g.measure === measure)?.met).toBe(true);
    expect(renderTable(ENVIRONMENT, measured, goals(measured))).toMatch(/\| bundle, one event type, its generated checks emptied +\| 16\.1 KB min\+gz +\|/u);
    // A run from before the emptied checks were measured names only the schemas and formats, and prints no such row.
    expect(goals(run(floor)).find((g) => g.measure === measure)?.result).toBe('19.0 KB (floor: its JSON Schemas and the wire formats alone, 6.6 KB)');
    expect(renderTable(ENVIRONMENT, run(floor), goals(run(floor)))).not.toContain('checks emptied');
  });
});
