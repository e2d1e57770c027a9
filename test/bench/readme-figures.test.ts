/**
 * The README's performance figures are those of the run in
 * bench/results.json, written as the benchmark writes them: a new run
 * committed without its README update fails here, and so does a figure typed
 * by hand that no run produced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleResults } from '../../bench/bundle.js';
import type { CliResults } from '../../bench/cli-throughput.js';
import type { ColdStartResults } from '../../bench/cold-start.js';
import type { DecodeResults } from '../../bench/decode.js';
import type { GenerateResults } from '../../bench/generate.js';
import { cpu, type Goal, kb, mib, micro, ms, perSecond, seconds, x } from '../../bench/report.js';
import type { Measured } from '../../bench/stats.js';
import { ROOT } from '../support/repo.js';

interface Written {
  readonly environment: { readonly commit: string; readonly node: string; readonly quick: boolean; readonly versions: Record<string, string> };
  readonly results: {
    readonly decode: DecodeResults;
    readonly cli: CliResults;
    readonly generate: GenerateResults;
    readonly bundle: BundleResults;
    readonly coldStart: ColdStartResults;
  };
  readonly goals: readonly Goal[];
}

const written = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Written;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('\n## Performance\n');
const end = readme.indexOf('\n## ', start + 1);
const section = readme.slice(start, end === -1 ? undefined : end);
const lines = section.split('\n');
/** The section's prose with its line breaks undone. */
const prose = section.replace(/\s+/gu, ' ');
const { decode, cli, generate, bundle, coldStart } = written.results;

/** The one table row that begins with `label`. */
function row(label: string): string {
  const found = lines.filter((line) => line.startsWith(`| ${label}`));
  expect(found, `one README row begins with ${JSON.stringify(label)}`).toHaveLength(1);
  return found[0] as string;
}

const measured = (rows: readonly Measured[], name: string): Measured => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`bench/results.json has no ${JSON.stringify(name)}`);
  return found;
};

describe('the README performance section', () => {
  it('comes from a full run, and names its commit and versions', () => {
    expect(start).toBeGreaterThan(-1);
    expect(written.environment.quick).toBe(false);
    expect(prose).toContain(`(commit ${written.environment.commit})`);
    expect(prose).toContain(`Node ${written.environment.node.replace(/^v/u, '')}`);
    for (const name of ['zod', 'mitata', 'esbuild', 'ajv-formats']) expect(prose).toContain(`${name} ${written.environment.versions[name]}`);
    expect(prose).toContain(`Ajv ${written.environment.versions.ajv}`);
  });

  it('gives each decode and encode row its time per call and ratio', () => {
    const rows: Array<[label: string, group: readonly Measured[], name: string]> = [
      ['`JSON.parse` |', decode.latest, 'JSON.parse'],
      ['`JSON.parse` + Ajv (same schemas', decode.latest, 'JSON.parse + Ajv'],
      ['`JSON.parse` + Ajv, ajv-formats fast mode', decode.latest, 'JSON.parse + Ajv, fast formats'],
      ['`JSON.parse` + zod `safeParse`', decode.latest, 'JSON.parse + zod safeParse'],
      ['`JSON.parse` + zod, compiled', decode.latest, 'JSON.parse + zod, compiled'],
      ['floor: `JSON.parse` + the generated check alone', decode.latest, 'JSON.parse + generated check alone'],
      ['floor: `JSON.parse` + a check of the same event written by hand', decode.latest, 'JSON.parse + hand-written check'],
      ['floor: `JSON.parse` + the duplicate-key check alone', decode.latest, 'JSON.parse + duplicate-key check alone'],
      ['**`safeParse`** |', decode.latest, 'safeParse'],
      ["`safeParse`, `duplicateKeys: 'last-wins'`", decode.latest, "safeParse, duplicateKeys: 'last-wins'"],
      ['v1 detail document, `JSON.parse` + Ajv', decode.upcast, 'JSON.parse + Ajv'],
      ['v1 detail document, floor: `JSON.parse` + the generated version 1 check alone', decode.upcast, 'JSON.parse + generated check alone'],
      ['v1 detail document, floor: `JSON.parse` + the duplicate-key check alone', decode.upcast, 'JSON.parse + duplicate-key check alone'],
      ['v1 detail document, upcast to v2: **`safeParseDetail`**', decode.upcast, 'safeParseDetail'],
      ["v1 detail document, upcast to v2, `duplicateKeys: 'last-wins'`", decode.upcast, "safeParseDetail, duplicateKeys: 'last-wins'"],
      ['encode: `build` + `serialize`', decode.encode, 'build + serialize'],
    ];
    // Measured since the upcast's floor was given both its checks; a run from before has no such row.
    const bothChecks = 'JSON.parse + generated v1 and v2 checks alone';
    if (decode.upcast.some((r) => r.name === bothChecks)) {
      rows.push(['v1 detail document, floor: `JSON.parse` + the generated version 1 and 2 checks alone', decode.upcast, bothChecks]);
    }
    for (const [label, group, name] of rows) {
      const m = measured(group, name);
      expect(row(label)).toContain(`| ${micro(m.nanoseconds)} |`);
      expect(row(label)).toMatch(new RegExp(`\\| (\\*\\*)?${x(m.ratio).replace('.', '\\.')}(\\*\\*)? \\|$`, 'u'));
    }
  });

  it('gives the command line, generation, bundle and cold-start figures of the run', () => {
    expect(row('`validate`, 1,000,000 NDJSON lines')).toContain(
      `${seconds(cli.seconds)}: ${perSecond(cli.eventsPerSecond)}, peak RSS ${mib(cli.peakRssBytes)}`,
    );
    expect(row('the same, one thread')).toContain(`${seconds(cli.oneThread.seconds)}: ${perSecond(cli.oneThread.eventsPerSecond)}`);
    // Measured since the scaling goal's ceiling was; a run from before has no CPU times.
    if (cli.cpuSeconds !== undefined) expect(row('`validate`, 1,000,000 NDJSON lines')).toContain(cpu(cli.cpuSeconds, cli.seconds));
    if (cli.oneThread.cpuSeconds !== undefined) expect(row('the same, one thread')).toContain(cpu(cli.oneThread.cpuSeconds, cli.oneThread.seconds));
    // Measured since the scaling goal was set beside them; a run from before has no such row.
    if (cli.twoProcesses)
      expect(row('two `--workers 1` processes at once')).toContain(`${seconds(cli.twoProcesses.seconds)}: ${perSecond(cli.twoProcesses.eventsPerSecond)}`);
    expect(row('one thread running only `JSON.parse`')).toContain(
      `${seconds(cli.jsonParseOneThread.seconds)}: ${perSecond(cli.jsonParseOneThread.eventsPerSecond)}`,
    );
    // Measured since the command's workers were held to it; a run from before has no such row.
    if (cli.jsonParseTwoThreads)
      expect(row('two threads running only `JSON.parse`')).toContain(
        `${seconds(cli.jsonParseTwoThreads.seconds)}: ${perSecond(cli.jsonParseTwoThreads.eventsPerSecond)}`,
      );
    expect(row('generate the catalogue')).toContain(`| ${seconds(generate.catalogue.seconds)} |`);
    expect(row('generate 1000 synthetic types')).toContain(`${seconds(generate.synthetic.seconds)}, peak RSS ${mib(generate.synthetic.peakRssBytes)}`);
    const one = bundle.oneEventType;
    // Runs from before zod left the readers' entry points measured the sources' bundle with zod left out.
    expect(row("bundle for one event type's consumer")).toContain(
      one.gzipFromSources === undefined
        ? `${kb(one.gzip)} min+gz (${kb(one.minified)} min; ${kb(one.gzipWithoutZod ?? Number.NaN)} min+gz built from the sources, zod left out)`
        : `${kb(one.gzip)} min+gz (${kb(one.minified)} min; ${kb(one.gzipFromSources)} min+gz built from the sources)`,
    );
    const parts = one.parts;
    expect(row('its minified bytes by origin')).toContain(
      `zod ${kb(parts.zodCompiler + parts.zodOther)}, formats ${kb(parts.formats)}, generated code ${kb(parts.generated)}, the rest of the runtime ${kb(parts.runtime)}`,
    );
    const floor = one.floor;
    if (!floor) throw new Error('the committed run has no bundle floor');
    expect(row('floor: its JSON Schemas and the wire formats alone')).toContain(
      `${kb(floor.togetherGzip)} min+gz (the schemas ${kb(floor.schemasGzip)}, the formats ${kb(floor.formatsGzip)})`,
    );
    // Measured since the encoders left the readers; a run from before has no such row.
    if (floor.withoutChecksGzip !== undefined)
      expect(row('floor: the same reader with its generated checks emptied')).toContain(`${kb(floor.withoutChecksGzip)} min+gz`);
    expect(row('bundle for the whole catalogue')).toContain(`${kb(bundle.wholeCatalogue.gzip)} min+gz`);
    expect(row('cold import + first parse, one event type')).toContain(
      `${ms(coldStart.oneEventTypeMilliseconds)} (root entry ${ms(coldStart.rootMilliseconds)}; \`import('zod/mini')\` alone ${ms(coldStart.zodMiniAloneMilliseconds)})`,
    );
  });

  it('says of each goal what the run found, in the order the benchmark checks them', () => {
    const goalRows = lines.filter((line) => /^\| [^|]*[≥≤] [^|]* \| [^|]+ \| (yes|no)\b/u.test(line));
    expect(goalRows).toHaveLength(written.goals.length);
    written.goals.forEach((goal, i) => {
      const cells = (goalRows[i] as string).split(' | ');
      expect(cells[1], goal.measure).toContain(goal.result);
      expect(cells[2]?.startsWith(goal.met ? 'yes' : 'no'), goal.measure).toBe(true);
    });
  });

  it('quotes the same cold start where it points consumers to per-event entry points', () => {
    const before = readme.slice(0, start).replace(/\s+/gu, ' ');
    expect(before).toContain(`about ${ms(coldStart.oneEventTypeMilliseconds)} to import it`);
    expect(before).toContain(`against ${ms(coldStart.rootMilliseconds)} for the root entry`);
  });
});
