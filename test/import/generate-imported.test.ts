/**
 * What `import` writes passes the real generator: every convertible fixture
 * is imported into a copy of this repository, `generate` runs there, and the
 * generated module of each imported event type accepts the imported examples
 * and rejects data the source does not allow.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/codegen/generate.js';
import { type ImportOptions, importContracts } from '../../src/import/import-contract.js';

const repo = process.cwd();
// Inside the repository (and ignored by git), so the copy resolves zod from its node_modules.
const copy = join(repo, '.tmp', `generate-imported-${process.pid}`);

const TRANSFERS = {
  TransferRequestedEnvelope: 'transfers.transfer.requested',
  TransferApprovedEnvelope: 'transfers.transfer.approved',
  TransferRefusedEnvelope: 'transfers.transfer.refused',
};
const IMPORTS: ReadonlyArray<readonly [string, string[], Partial<ImportOptions>]> = [
  ['asyncapi-referral-withdrawn.yaml', ['intervention.referral.withdrawn'], {}],
  ['asyncapi-prisoner-released.json', ['probation-case.prisoner.released'], {}],
  ['asyncapi-appointment-rescheduled.yaml', ['supervision.appointment.rescheduled'], { eventType: 'supervision.appointment.rescheduled' }],
  ['openapi-cas1-events.yaml', ['approved-premises.key-worker.assigned', 'approved-premises.placement.appealed'], {}],
  ['openapi-cas3-events.json', ['accommodation.cas3.bedspace.archived'], {}],
  ['openapi-transfers.yaml', Object.values(TRANSFERS), { eventTypeMap: TRANSFERS }],
];
const imported = IMPORTS.flatMap(([, types]) => types);
const REPLACED = 'accommodation.cas3.bedspace.archived';
/** The catalogue's 53 event types, less the one an import replaces. */
const KEPT = 52;

interface Generated {
  type: string;
  safeParse(input: unknown, options?: object): Parsed;
  safeParseDetail?(input: unknown, options?: object): Parsed;
}

interface Parsed {
  success: boolean;
  error?: { issues: unknown[] };
  warnings?: unknown[];
}

let result: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of ['schemas', 'src', 'package.json']) cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  // The CAS3 fixture describes an event type the catalogue now has; import makes new event types, so the copy goes without it.
  rmSync(join(copy, 'schemas', REPLACED), { recursive: true });
  for (const [file, , options] of IMPORTS) {
    const { findings } = importContracts({ root: copy, files: [join(repo, 'test/fixtures/import', file)], ...options });
    expect(findings.filter((f) => f.severity === 'error')).toStrictEqual([]);
  }
  result = await generate({ root: copy });
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

async function moduleOf(eventType: string): Promise<Generated> {
  const module = (await import(join(copy, 'generated/events', `${eventType}.ts`))) as Record<string, unknown>;
  const object = Object.values(module).find((v): v is Generated => typeof v === 'object' && v !== null && (v as Generated).type === eventType);
  if (!object) throw new Error(`no event type object in the module for ${eventType}`);
  return object;
}

describe('imported event types pass generate', () => {
  it('generates a module for every imported event type', () => {
    expect(result.eventTypes).toBe(KEPT + imported.length);
    for (const type of imported) expect(result.files).toContain(`generated/events/${type}.ts`);
  });

  it.each(imported.map((type) => [type] as const))('%s: the generated module accepts every valid example and refuses every invalid one', async (type) => {
    const examples = readdirSync(join(copy, 'schemas', type, 'examples'));
    expect(examples.filter((f) => f.endsWith('.valid.json')).length).toBeGreaterThan(0);
    expect(examples.filter((f) => f.endsWith('.invalid.json')).length).toBeGreaterThan(0);
    const event = await moduleOf(type);
    for (const file of examples) {
      const example = JSON.parse(readFileSync(join(copy, 'schemas', type, 'examples', file), 'utf8'));
      // Each example is read by the reader of its contract: notifications by safeParse, detail documents by safeParseDetail.
      const parsed = file.startsWith('detail.') ? (event.safeParseDetail?.(example) ?? { success: false }) : event.safeParse(example);
      expect([file, parsed.success]).toStrictEqual([file, file.endsWith('.valid.json')]);
    }
  });

  it.each(imported.map((type) => [type] as const))('%s: and rejects a field the source does not list (the objects are closed)', async (type) => {
    // The contract the source describes: the detail document where there is one, else the notification.
    const files = readdirSync(join(copy, 'schemas', type, 'examples')).filter((f) => f.endsWith('.valid.json'));
    const file = files.find((f) => f.startsWith('detail.')) ?? (files[0] as string);
    const detail = file.startsWith('detail.');
    const field = detail ? 'eventDetails' : 'additionalInformation';
    const example = JSON.parse(readFileSync(join(copy, 'schemas', type, 'examples', file), 'utf8'));
    example[field].notInTheSource = true;
    const event = await moduleOf(type);
    const read = (options?: object) => (detail ? (event.safeParseDetail?.(example, options) ?? { success: false }) : event.safeParse(example, options));
    const unknown = [{ code: 'unknown_property', path: `/${field}/notInTheSource` }];
    // Closed: a reader that rejects unknown properties (as CI does) rejects it.
    const strict = read({ unknownProperties: 'reject' });
    expect(strict.success).toBe(false);
    expect(strict.error?.issues).toMatchObject(unknown);
    // A tolerant reader (the default) keeps it, and says so.
    const tolerant = read();
    expect(tolerant.success).toBe(true);
    expect(tolerant.warnings).toMatchObject(unknown);
  });
});

describe('an imported event type can be bumped', () => {
  it('bump writes version 2 of a schema with $defs and its generated module, and says so in JSON', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'src/cli/main.ts'), 'bump', 'transfers.transfer.requested', '--format', 'json'], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { written: string[]; generated: string[] };
    // By default bump takes the detail contract, where stored documents change shape.
    expect(report.written).toContain('schemas/transfers.transfer.requested/detail/v2.schema.json');
    expect(report.generated).toContain('generated/events/transfers.transfer.requested.ts');
    const v2 = JSON.parse(readFileSync(join(copy, 'schemas/transfers.transfer.requested/detail/v2.schema.json'), 'utf8'));
    expect(v2.$defs.Hostel.title).toBe('HostelV2');
  }, 60_000);
});
