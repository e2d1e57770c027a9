/**
 * A folder of message specs shaped like HMPPS's real ones (one bare AsyncAPI
 * message object per event, the defects in about their real proportions, a
 * service document that `$ref`s some of them), imported into a copy of this
 * repository as a team would: `import` on the folder, then `generate`,
 * `check` and `validate` on what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/codegen/generate.js';
import { runCheck } from '../../src/compat/check/run-check.js';
import { type ImportResult, importContracts } from '../../src/import/import-contract.js';

const repo = process.cwd();
// Inside the repository (and ignored by git), so the copy resolves its packages from node_modules.
const copy = join(repo, '.tmp', `message-corpus-${process.pid}`);
const messages = join(repo, 'test/fixtures/import/messages');
const defects = join(repo, 'test/fixtures/import/defects');

let corpus: ImportResult;
let refused: ImportResult;
/** OpenAPI detail envelopes, imported beside the message specs: detail contracts with thin notifications. */
let transfers: ImportResult;
let generated: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of ['schemas', 'src', 'package.json', '.changeset']) cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  corpus = importContracts({ root: copy, files: [messages] });
  refused = importContracts({ root: copy, files: [defects] });
  transfers = importContracts({
    root: copy,
    files: [join(repo, 'test/fixtures/import/openapi-transfers.yaml')],
    eventTypeMap: {
      TransferRequestedEnvelope: 'transfers.transfer.requested',
      TransferApprovedEnvelope: 'transfers.transfer.approved',
      TransferRefusedEnvelope: 'transfers.transfer.refused',
    },
  });
  generated = await generate({ root: copy });
}, 180_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('importing a folder of message specs', () => {
  it('reads every file in it, the service document too, with one summary', () => {
    const files = readdirSync(messages).filter((f) => /\.(?:ya?ml|json)$/u.test(f));
    expect(corpus.sources.map((s) => s.file).sort()).toStrictEqual(files.map((f) => join(messages, f)).sort());
    expect(corpus.sources.find((s) => s.file.endsWith('asyncapi.yml'))).toMatchObject({ kind: 'asyncapi', unreachable: 1 });
    expect(corpus.summary.notConverted).toBe(
      corpus.summary.unreadable + corpus.summary.unreachable + corpus.events.filter((e) => !e.converted && !e.duplicateOf).length,
    );
  });

  it('converts at least 95% of them', () => {
    expect(corpus.summary.share).toBeGreaterThanOrEqual(0.95);
    expect(corpus.summary.converted).toBeGreaterThanOrEqual(40);
  });

  it('reports every file or message it does not convert, with the reason and a pointer', () => {
    const errors = corpus.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.code, f.file.slice(messages.length + 1), f.pointer])).toStrictEqual([
      ['external-ref', 'asyncapi.yml', '/components/messages/shift-split/$ref'],
      ['unsupported-source', 'kit-store-item-issued-override.yaml', ''],
    ]);
    expect(errors.length).toBe(corpus.summary.notConverted);
  });

  it('imports a message that the service document and the folder both name once', () => {
    const types = corpus.events.filter((e) => e.converted).map((e) => e.eventType);
    expect(new Set(types).size).toBe(types.length);
    expect(corpus.events.filter((e) => e.duplicateOf !== undefined)).toStrictEqual([]);
  });

  it('refuses what cannot be told, at the pointer, and converts nothing of it', () => {
    expect(refused.events.map((e) => [e.eventType, e.converted, e.reason?.code, e.reason?.pointer])).toStrictEqual([
      ['library-loans.loanExtension.granted', false, 'event-type', ''],
      ['sample-service.contact.approved', false, 'contradiction', '/payload/properties/additionalInformation/properties/approved/const'],
    ]);
  });
});

describe('what it wrote', () => {
  const converted = () => [...corpus.events, ...transfers.events].filter((e) => e.converted).map((e) => e.eventType as string);

  it('wrote the OpenAPI envelopes as detail contracts, each with a thin notification, and their shared definitions once', () => {
    expect(transfers.summary).toMatchObject({ converted: 3, notConverted: 0 });
    expect(transfers.shared.map((f) => f.path).sort()).toStrictEqual([
      'schemas/_shared/person-reference.schema.json',
      'schemas/_shared/staff-member.schema.json',
    ]);
    for (const type of ['transfers.transfer.requested', 'transfers.transfer.approved', 'transfers.transfer.refused']) {
      expect(readdirSync(join(copy, 'schemas', type)).sort()).toStrictEqual(['detail', 'event.json', 'examples', 'notification']);
    }
  });

  it('generates', () => {
    for (const type of converted()) expect(generated.files).toContain(`generated/events/${type}.ts`);
  });

  it('passes check: drafts with a valid and an invalid example each, and a changeset', () => {
    const { findings } = runCheck({ root: copy, baselineRoot: repo });
    expect(findings.filter((f) => f.severity === 'error')).toStrictEqual([]);
    for (const type of converted()) {
      const examples = readdirSync(join(copy, 'schemas', type, 'examples'));
      expect(examples.some((f) => f.endsWith('.valid.json'))).toBe(true);
      expect(examples.some((f) => f.endsWith('.invalid.json'))).toBe(true);
    }
  });

  it('validates: every valid example is read strictly, every invalid one is refused', () => {
    const run = (pattern: string, ...options: string[]) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'src/cli/main.ts'), 'validate', '--format', 'json', ...options, pattern], {
        cwd: copy,
        encoding: 'utf8',
      });
      return { code: result.status, report: JSON.parse(result.stdout) as { findings: unknown[]; summary: Record<string, unknown> }, stdout: result.stdout };
    };
    const types = converted();
    const examples = (kind: string) =>
      types.flatMap((t) => readdirSync(join(copy, 'schemas', t, 'examples')).filter((f) => f.endsWith(`.${kind}.json`))).length;
    const valid = run(`schemas/{${types.join(',')}}/examples/*.valid.json`, '--strict');
    expect(valid.report.findings).toStrictEqual([]);
    expect(valid.report.summary).toMatchObject({ records: examples('valid'), valid: examples('valid'), invalid: 0 });
    expect(valid.code).toBe(0);
    const invalid = run(`schemas/{${types.join(',')}}/examples/*.invalid.json`);
    expect(invalid.report.summary).toMatchObject({ records: examples('invalid'), valid: 0, invalid: examples('invalid') });
    expect(invalid.code).toBe(1);
  }, 60_000);
});

describe('an event with no data', () => {
  it('check takes its example without additionalInformation, and refuses one of an event whose data has required fields', () => {
    const without = (type: string) => {
      const dir = join(copy, 'schemas', type, 'examples');
      const file = readdirSync(dir).find((f) => f.endsWith('.valid.json')) as string;
      const { additionalInformation: _data, ...rest } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const path = join(dir, 'notification.v1.without-data.valid.json');
      writeFileSync(path, JSON.stringify(rest));
      return path;
    };
    const written = [without('garden-plots.plot.surrendered'), without('widget-registry.widget.registered')];
    try {
      const { findings } = runCheck({ root: copy, baselineRoot: repo });
      expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.pointer])).toStrictEqual([
        ['example-invalid', 'schemas/widget-registry.widget.registered/examples/notification.v1.without-data.valid.json', '/additionalInformation'],
      ]);
    } finally {
      for (const path of written) rmSync(path);
    }
  });

  interface Reader {
    type: string;
    safeParse(input: unknown): { success: boolean; error?: { issues: unknown[] } };
  }
  const readerOf = async (type: string): Promise<Reader> => {
    const module = (await import(join(copy, 'generated/events', `${type}.ts`))) as Record<string, unknown>;
    return Object.values(module).find((v): v is Reader => typeof v === 'object' && v !== null && (v as Reader).type === type) as Reader;
  };
  const validExample = (type: string) => {
    const file = readdirSync(join(copy, 'schemas', type, 'examples')).find((f) => f.endsWith('.valid.json')) as string;
    return JSON.parse(readFileSync(join(copy, 'schemas', type, 'examples', file), 'utf8')) as Record<string, unknown>;
  };

  it('may leave additionalInformation out, as the HMPPS envelope allows', async () => {
    const { additionalInformation, ...without } = validExample('garden-plots.plot.surrendered');
    expect(additionalInformation).toStrictEqual({});
    expect((await readerOf('garden-plots.plot.surrendered')).safeParse(without).success).toBe(true);
  });

  it('while an event whose data has required fields still needs it', async () => {
    const { additionalInformation: _data, ...without } = validExample('widget-registry.widget.registered');
    const parsed = (await readerOf('widget-registry.widget.registered')).safeParse(without);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toMatchObject([{ path: '/additionalInformation' }]);
  });
});
