/**
 * `writePlan`, all or nothing: when what runs after the writes (regenerating)
 * fails, even half way through writing generated/, the tree is put back as
 * it was, and the error says nothing was written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { writePlan } from '../../src/scaffold/files.js';

function tree(): { root: string; read(file: string): string | undefined; write(file: string, text: string): void } {
  const root = mkdtempSync(join(tmpdir(), 'domain-events-files-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('generated/index.ts', 'index, as it was\n');
  write('generated/events/a.ts', 'a, as it was\n');
  write('schemas/a/event.json', '{}\n');
  return { root, read: (file) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined), write };
}

const PLAN = new Map([
  ['schemas/a/notification/v2.schema.json', '{}\n'],
  ['schemas/a/examples/notification.v2.x.valid.json', '{}\n'],
  ['.changeset/a-v2.md', '---\n---\n'],
]);

describe('writePlan', () => {
  it('writes every planned file, then runs what follows', async () => {
    const t = tree();
    const { written, result } = await writePlan(t.root, PLAN, async () => 'regenerated');
    expect(written).toEqual([...PLAN.keys()]);
    expect(result).toBe('regenerated');
    for (const [file, text] of PLAN) expect(t.read(file)).toBe(text);
  });

  it('undoes everything when what follows fails half way through regenerating', async () => {
    const t = tree();
    const failure = writePlan(t.root, PLAN, async () => {
      t.write('generated/index.ts', 'index, half rewritten\n');
      t.write('generated/events/b.ts', 'a new module\n');
      rmSync(join(t.root, 'generated/events/a.ts'));
      throw new ConfigError('generated/type-pairs.ts', '', 'cannot be written');
    });
    await expect(failure).rejects.toThrow(new ConfigError('generated/type-pairs.ts', '', 'cannot be written; nothing was written'));
    for (const file of PLAN.keys()) expect(t.read(file), file).toBeUndefined();
    // The folders made for the planned files go too; those that were there stay.
    expect(existsSync(join(t.root, 'schemas/a/notification'))).toBe(false);
    expect(existsSync(join(t.root, 'schemas/a/examples'))).toBe(false);
    expect(existsSync(join(t.root, '.changeset'))).toBe(false);
    expect(t.read('schemas/a/event.json')).toBe('{}\n');
    expect(t.read('generated/index.ts')).toBe('index, as it was\n');
    expect(t.read('generated/events/a.ts')).toBe('a, as it was\n');
    expect(t.read('generated/events/b.ts')).toBeUndefined();
  });

  it('writes nothing when a planned file exists', async () => {
    const t = tree();
    t.write('.changeset/a-v2.md', 'mine\n');
    await expect(writePlan(t.root, PLAN, async () => undefined)).rejects.toThrow('already exists; nothing was written');
    expect(t.read('schemas/a/notification/v2.schema.json')).toBeUndefined();
    expect(t.read('.changeset/a-v2.md')).toBe('mine\n');
  });
});
