/** Every `*.valid.json` example envelope in schemas/, for tests that must cover every event type. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvelopeLike } from '../../../src/index.js';

export interface Example {
  /** `<event type>/examples/<file>` */
  readonly name: string;
  readonly event: EnvelopeLike;
}

const root = join(import.meta.dirname, '../../../schemas');

export const validExamples: readonly Example[] = readdirSync(root)
  .filter((dir) => !dir.startsWith('_') && !dir.endsWith('.json'))
  .flatMap((dir) =>
    readdirSync(join(root, dir, 'examples'))
      .filter((file) => file.endsWith('.valid.json'))
      .map((file) => ({ name: `${dir}/examples/${file}`, event: JSON.parse(readFileSync(join(root, dir, 'examples', file), 'utf8')) as EnvelopeLike })),
  );

/** An example by its path under schemas/. */
export function example(name: string): EnvelopeLike {
  const found = validExamples.find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return structuredClone(found.event);
}
