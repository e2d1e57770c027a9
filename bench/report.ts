/** The goals from the performance issue, checked against results, and the printed table. */
import type { BundleResults } from './bundle.js';
import { type CliResults, roundScaling } from './cli-throughput.js';
import type { ColdStartResults } from './cold-start.js';
import type { DecodeResults } from './decode.js';
import type { GenerateResults } from './generate.js';
import type { Measured } from './stats.js';

export interface Goal {
  readonly measure: string;
  readonly goal: string;
  readonly result: string;
  /** Undefined when the run was smaller than the goal is set for (`--quick`). */
  readonly met: boolean | undefined;
}

interface Results {
  decode?: DecodeResults;
  cli?: CliResults;
  generate?: GenerateResults;
  bundle?: BundleResults;
  coldStart?: ColdStartResults;
}

const ratioOf = (rows: readonly Measured[], name: string) => rows.find((r) => r.name === name)?.ratio ?? Number.NaN;
/** How figures are written, in the printed table and in the README. */
export const x = (n: number) => `${n.toFixed(2)}×`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const ms = (n: number) => `${n.toFixed(0)} ms`;
export const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MiB`);
export const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-GB')}/s`;
export const micro = (nanoseconds: number) => `${(nanoseconds / 1000).toFixed(2)} µs`;
export const seconds = (n: number) => `${n.toFixed(1)} s`;
/** CPU time, and how many cores' worth of it the wall time held. */
export const cpu = (cpuSeconds: number, wallSeconds: number) => `CPU ${seconds(cpuSeconds)} (${(cpuSeconds / wallSeconds).toFixed(2)} cores)`;

/**
 * How `validate --workers 2` scales: its rate over one thread's, and over two threads' of `JSON.parse` alone; the
 * rate of two `--workers 1` processes at once, on half the file each, over one thread's: what two separate
 * processes get from the machine's two cores for the same work, for reference; and the ceiling the one thread's
 * CPU time sets. Two workers do at least the one thread's work (each also compiles its own code), so on two cores
 * they take at least half its CPU time: twice its wall time over its CPU time is the most they can gain.
 */
export function scaling(cli: CliResults): {
  overOneThread: number;
  overJsonParseTwoThreads: number | undefined;
  twoProcessesOverOneThread: number | undefined;
  ceilingOverOneThread: number | undefined;
} {
  const oneThreadCpu = cli.oneThread.cpuSeconds;
  return {
    overOneThread: cli.eventsPerSecond / cli.oneThread.eventsPerSecond,
    overJsonParseTwoThreads: cli.jsonParseTwoThreads === undefined ? undefined : cli.eventsPerSecond / cli.jsonParseTwoThreads.eventsPerSecond,
    twoProcessesOverOneThread: cli.twoProcesses === undefined ? undefined : cli.oneThread.seconds / cli.twoProcesses.seconds,
    ceilingOverOneThread: oneThreadCpu === undefined ? undefined : (2 * cli.oneThread.seconds) / oneThreadCpu,
  };
}

/** What the scaling goal's result names beside the ratio, where the run measured it. */
function scalingReferences(s: ReturnType<typeof scaling>): string {
  const references = [
    ...(s.ceilingOverOneThread === undefined ? [] : [`ceiling from one thread's CPU time: ${x(s.ceilingOverOneThread)}`]),
    ...(s.twoProcessesOverOneThread === undefined ? [] : [`two --workers 1 processes at once, half the file each: ${x(s.twoProcessesOverOneThread)}`]),
  ];
  return references.length === 0 ? '' : ` (${references.join('; ')})`;
}

/**
 * The bundle goal's result: the bundle, and its floors, the lowest first to
 * be measured: its JSON Schemas and wire formats alone; and the same reader
 * with its generated checks emptied (measured since the encoders left the
 * readers).
 */
function bundleResult(one: BundleResults['oneEventType']): string {
  const { floor } = one;
  if (!floor) return kb(one.gzip);
  const withoutChecks = floor.withoutChecksGzip === undefined ? '' : `the same reader with its checks emptied, ${kb(floor.withoutChecksGzip)}; `;
  return `${kb(one.gzip)} (floor: ${withoutChecks}its JSON Schemas and the wire formats alone, ${kb(floor.togetherGzip)})`;
}

export function goals(raw: Record<string, unknown>): Goal[] {
  const r = raw as Results;
  const out: Goal[] = [];
  if (r.decode) {
    const latest = ratioOf(r.decode.latest, 'safeParse');
    const overAjv = latest / ratioOf(r.decode.latest, 'JSON.parse + Ajv');
    const upcast = ratioOf(r.decode.upcast, 'safeParseDetail');
    out.push({ measure: 'decode, latest version (× JSON.parse)', goal: '≥ 0.60×', result: x(latest), met: latest >= 0.6 });
    out.push({ measure: 'decode, latest version (× Ajv, same formats)', goal: '≥ 1.50×', result: x(overAjv), met: overAjv >= 1.5 });
    out.push({ measure: 'decode, v1 detail upcast to v2 (× JSON.parse)', goal: '≥ 0.55×', result: x(upcast), met: upcast >= 0.55 });
  }
  if (r.cli) {
    const { lines, eventsPerSecond } = r.cli;
    const full = lines >= 1_000_000;
    out.push({
      measure: 'CLI validate',
      goal: '≥ 250,000/s',
      result: perSecond(eventsPerSecond),
      met: full ? eventsPerSecond >= 250_000 : undefined,
    });
    // Runs from before two threads of JSON.parse were measured have neither.
    const scaled = scaling(r.cli);
    const { overOneThread, overJsonParseTwoThreads } = scaled;
    if (overJsonParseTwoThreads !== undefined) {
      out.push({
        measure: 'CLI validate, --workers 2 (× --workers 1)',
        goal: '≥ 1.80×',
        // Runs from before the CPU time or two --workers 1 processes were measured do not name them.
        result: `${x(overOneThread)}${scalingReferences(scaled)}`,
        met: full ? overOneThread >= 1.8 : undefined,
      });
      out.push({
        measure: 'CLI validate, --workers 2 (× two threads of JSON.parse)',
        goal: '≥ 0.60×',
        result: x(overJsonParseTwoThreads),
        met: full ? overJsonParseTwoThreads >= 0.6 : undefined,
      });
    }
  }
  if (r.generate) {
    const { schemas, seconds: taken } = r.generate.synthetic;
    out.push({ measure: `generate ${schemas} schemas`, goal: '≤ 20 s', result: seconds(taken), met: schemas >= 3000 ? taken <= 20 : undefined });
  }
  if (r.bundle)
    out.push({
      measure: "one event type's consumer bundle, min+gz",
      goal: '≤ 15 KB',
      result: bundleResult(r.bundle.oneEventType),
      met: r.bundle.oneEventType.gzip <= 15_000,
    });
  if (r.coldStart)
    out.push({
      measure: 'cold import + first parse',
      goal: '≤ 15 ms',
      result: ms(r.coldStart.oneEventTypeMilliseconds),
      met: r.coldStart.oneEventTypeMilliseconds <= 15,
    });
  return out;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const decodeRows = (title: string, rows: readonly Measured[]) =>
  rows.map((m) => [`${title}: ${m.name}`, micro(m.nanoseconds), perSecond(m.perSecond), x(m.ratio)]);

export function renderTable(environment: Record<string, unknown>, raw: Record<string, unknown>, checked: readonly Goal[]): string {
  const r = raw as Results;
  const parts: string[] = [`${environment.cpu}, ${environment.cores} cores, Node ${environment.node}, load ${environment.loadAverageAtStart}`];
  if (r.decode) {
    const { bytes } = r.decode;
    parts.push(
      `\nDecode (${bytes.latest} B latest notification, ${bytes.upcast} B stored v1 detail document) and encode; median of interleaved rounds, ratio to the first row of each group\n`,
      table(
        ['measure', 'per call', 'throughput', '× baseline'],
        [...decodeRows('latest', r.decode.latest), ...decodeRows('detail v1 → v2', r.decode.upcast), ...decodeRows('encode', r.decode.encode)],
      ),
    );
  }
  const rows: string[][] = [];
  if (r.cli) {
    rows.push([
      `validate ${r.cli.lines.toLocaleString('en-GB')} lines (~${r.cli.averageBytesPerLine} B), --workers 2`,
      seconds(r.cli.seconds),
      perSecond(r.cli.eventsPerSecond),
      `peak RSS ${mib(r.cli.peakRssBytes)}${r.cli.cpuSeconds === undefined ? '' : `, ${cpu(r.cli.cpuSeconds, r.cli.seconds)}`}`,
    ]);
    const { oneThread } = r.cli;
    rows.push([
      'validate, one thread (--workers 1)',
      seconds(oneThread.seconds),
      perSecond(oneThread.eventsPerSecond),
      oneThread.cpuSeconds === undefined ? '' : cpu(oneThread.cpuSeconds, oneThread.seconds),
    ]);
    const halves = r.cli.twoProcesses;
    if (halves) rows.push(['validate, two --workers 1 processes at once, half the file each', seconds(halves.seconds), perSecond(halves.eventsPerSecond), '']);
    rows.push(['JSON.parse alone, one thread, same file', seconds(r.cli.jsonParseOneThread.seconds), perSecond(r.cli.jsonParseOneThread.eventsPerSecond), '']);
    const two = r.cli.jsonParseTwoThreads;
    if (two) {
      const { overOneThread, overJsonParseTwoThreads, ceilingOverOneThread } = scaling(r.cli);
      rows.push(['JSON.parse alone, two threads, same batches', seconds(two.seconds), perSecond(two.eventsPerSecond), '']);
      rows.push([
        'validate --workers 2, scaling',
        `${x(overOneThread)} --workers 1`,
        `${x(overJsonParseTwoThreads ?? Number.NaN)} two JSON.parse threads`,
        ceilingOverOneThread === undefined ? '' : `ceiling ${x(ceilingOverOneThread)} from one thread's CPU time`,
      ]);
    }
    if (r.cli.rounds !== undefined && r.cli.rounds.length > 1) {
      const each = r.cli.rounds.map((round) => x(roundScaling(round))).join(', ');
      rows.push(['validate --workers 2, scaling in each round', each, 'the median round is reported', '']);
    }
  }
  if (r.generate) {
    for (const [name, g] of [
      ['catalogue', r.generate.catalogue],
      ['synthetic', r.generate.synthetic],
    ] as const) {
      rows.push([`generate ${name}: ${g.eventTypes} types, ${g.schemas} schemas`, seconds(g.seconds), '', `peak RSS ${mib(g.peakRssBytes)}`]);
    }
  }
  if (r.bundle) {
    for (const [name, b] of [
      ['one event type', r.bundle.oneEventType],
      ['whole catalogue', r.bundle.wholeCatalogue],
    ] as const) {
      const sources =
        b.gzipFromSources === undefined ? `${kb(b.gzipWithoutZod ?? Number.NaN)} min+gz without zod` : `${kb(b.gzipFromSources)} min+gz from the sources`;
      rows.push([`bundle, ${name}`, `${kb(b.gzip)} min+gz`, `${kb(b.minified)} min`, sources]);
    }
    const { floor } = r.bundle.oneEventType;
    if (floor?.withoutChecksGzip !== undefined) {
      rows.push(['bundle, one event type, its generated checks emptied', `${kb(floor.withoutChecksGzip)} min+gz`, '', 'from the sources']);
    }
    const p = r.bundle.oneEventType.parts;
    rows.push([
      'bundle, one event type, by origin (min)',
      `zod compiler ${kb(p.zodCompiler)}`,
      `rest of zod ${kb(p.zodOther)}`,
      `formats ${kb(p.formats)}, generated ${kb(p.generated)}, runtime ${kb(p.runtime)}`,
    ]);
  }
  if (r.coldStart) {
    const c = r.coldStart;
    rows.push([
      'cold import + first parse, one event type',
      ms(c.oneEventTypeMilliseconds),
      `root entry ${ms(c.rootMilliseconds)}`,
      `zod/mini alone ${ms(c.zodMiniAloneMilliseconds)}`,
    ]);
  }
  if (rows.length > 0) parts.push('\nTools\n', table(['measure', 'result', '', ''], rows));
  parts.push(
    '\nGoals\n',
    table(
      ['measure', 'goal', 'result', 'met'],
      checked.map((g) => [g.measure, g.goal, g.result, g.met === undefined ? 'not measured at full size' : g.met ? 'yes' : 'no']),
    ),
  );
  return parts.join('\n');
}
