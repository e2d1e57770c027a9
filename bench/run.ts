/**
 * `npm run bench`: measures decode and encode against their baselines, CLI
 * validate throughput, generation, bundle size and cold start; prints a table
 * with each goal; writes the numbers to bench/results.json.
 *
 *   tsx bench/run.ts [--quick] [--only decode,cli,generate,bundle,cold-start] [--out file]
 *
 * --quick takes fewer rounds and smaller inputs (a check that the benchmark
 * runs, not a measurement) and writes bench/results.local.json by default.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../test/support/repo.js';
import { benchBundle } from './bundle.js';
import { benchCli } from './cli-throughput.js';
import { benchColdStart } from './cold-start.js';
import { benchDecode } from './decode.js';
import { benchGenerate } from './generate.js';
import { type Goal, goals, renderTable } from './report.js';

const PARTS = ['decode', 'cli', 'generate', 'bundle', 'cold-start'] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    readFileSync(new URL(import.meta.url), 'utf8')
      .split('*/')[0]
      ?.replace(/^\/\*\*|^ \* ?/gmu, ''),
  );
  process.exit(0);
}
const only = values.only ? values.only.split(',').map((p) => p.trim()) : [...PARTS];
const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
if (unknown.length > 0) {
  console.error(`unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const wanted = (part: Part) => only.includes(part);
const quick = values.quick;
const size = quick
  ? { rounds: 3, lines: 50_000, cliRounds: 3, syntheticTypes: 50, processes: 3 }
  : { rounds: 7, lines: 1_000_000, cliRounds: 3, syntheticTypes: 1000, processes: 11 };
const out = values.out ?? join(ROOT, quick ? 'bench/results.local.json' : 'bench/results.json');

const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  freeMemoryGiBAtStart: Math.round(freemem() / 2 ** 30),
  loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  commit: execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim(),
  versions: Object.fromEntries(['zod', 'ajv', 'ajv-formats', 'mitata', 'esbuild', 'json-schema-to-typescript'].map((n) => [n, version(n)])),
  quick,
};

const log = (message: string) => process.stderr.write(`${message}\n`);
const results: Record<string, unknown> = {};
if (wanted('decode')) {
  log(`decode and encode: ${size.rounds} interleaved rounds…`);
  results.decode = await benchDecode(size.rounds);
}
if (wanted('cli')) {
  log(`validate ${size.lines.toLocaleString('en-GB')} lines, ${size.cliRounds} rounds…`);
  results.cli = await benchCli(size.lines, size.cliRounds);
}
if (wanted('generate')) {
  log(`generate the catalogue, and ${size.syntheticTypes} synthetic event types × 3 detail versions…`);
  results.generate = await benchGenerate(size.syntheticTypes);
}
if (wanted('bundle')) {
  log('bundle…');
  results.bundle = await benchBundle();
}
if (wanted('cold-start')) {
  log(`cold start, ${size.processes} processes each…`);
  results.coldStart = await benchColdStart(size.processes);
}

const checked: Goal[] = goals(results);
console.log(renderTable(environment, results, checked));
writeFileSync(out, `${JSON.stringify({ environment, results, goals: checked }, null, 2)}\n`);
log(`wrote ${out}`);
