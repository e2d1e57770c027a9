/**
 * Writing the generator's output all or nothing: whichever write, rename or
 * removal fails, `generated/` is as it was, with no
 * temporary file left behind. Failures are made by failing the nth call of
 * one `node:fs` function; every other call goes through.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/codegen/generate.js';
import { type TempRepo, tempRepo, writeEventType } from '../support/temp-repo.js';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync), renameSync: vi.fn(real.renameSync), rmSync: vi.fn(real.rmSync) };
});

const schema = (title: string) => ({ title, type: 'object', additionalProperties: false, properties: { id: { type: 'string' } } });

describe('generate writes all or nothing', () => {
  let repo: TempRepo;
  let before: Record<string, string>;
  beforeAll(async () => {
    repo = tempRepo();
    writeEventType(repo, 'test.first.happened', [schema('FirstHappenedNotificationV1')]);
    writeEventType(repo, 'test.gone.happened', [schema('GoneHappenedNotificationV1')]);
    await generate({ root: repo.root });
    // The next run adds one module, changes the index and the type pairs, and removes one module.
    fs.rmSync(join(repo.root, 'schemas/test.gone.happened'), { recursive: true });
    writeEventType(repo, 'test.second.happened', [schema('SecondHappenedNotificationV1')]);
    before = repo.output();
  });
  afterAll(() => repo.remove());

  /** Makes the nth call (from 1) of `fn` fail as a full disk would. */
  function failAt(fn: typeof fs.writeFileSync | typeof fs.renameSync | typeof fs.rmSync, n: number) {
    const mock = vi.mocked(fn as typeof fs.renameSync);
    const real = mock.getMockImplementation() as typeof fs.renameSync;
    let calls = 0;
    mock.mockImplementation((...args: Parameters<typeof fs.renameSync>) => {
      if (++calls === n) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return real(...args);
    });
    return () => mock.mockImplementation(real);
  }

  const cases: Array<[string, { fn: typeof fs.writeFileSync | typeof fs.renameSync | typeof fs.rmSync; n: number }]> = [
    ['the first file written', { fn: fs.writeFileSync, n: 1 }],
    ['a later file written', { fn: fs.writeFileSync, n: 3 }],
    ['the first file moved into place', { fn: fs.renameSync, n: 1 }],
    ['the last file moved into place', { fn: fs.renameSync, n: 3 }],
    ['the stale module removed', { fn: fs.rmSync, n: 1 }],
  ];
  it.each(cases)('fails at %s: the tree is as it was, and the error is the one that stopped it', async (_, { fn, n }) => {
    const restore = failAt(fn, n);
    try {
      await expect(generate({ root: repo.root })).rejects.toThrow('ENOSPC');
    } finally {
      restore();
    }
    expect(repo.output()).toEqual(before);
  });

  it('with nothing failing, writes every change, and leaves no temporary file', async () => {
    const result = await generate({ root: repo.root });
    expect(result.changed).toEqual([
      'generated/events/test.gone.happened.ts',
      'generated/events/test.second.happened.ts',
      'generated/index.ts',
      'generated/type-pairs.ts',
      'generated/zod/events/test.gone.happened.ts',
      'generated/zod/events/test.second.happened.ts',
    ]);
    const after = Object.keys(repo.output());
    expect(after).toContain('generated/events/test.second.happened.ts');
    expect(after).not.toContain('generated/events/test.gone.happened.ts');
    expect(after.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.readdirSync(repo.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
