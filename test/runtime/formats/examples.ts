/**
 * Every valid example in schemas/, for tests that must cover every event
 * type: the notifications (`notification.vN.<name>.valid.json`), which are
 * what the formats carry, and the detail documents
 * (`detail.vN.<name>.valid.json`), whose version is only in the file name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvelopeLike } from '../../../src/index.js';

export interface Example {
  /** `<event type>/examples/<file>` */
  readonly name: string;
  readonly event: EnvelopeLike;
}

export interface DetailExample {
  /** `<event type>/examples/<file>` */
  readonly name: string;
  /** The detail contract's version, from the file name. */
  readonly version: number;
  readonly document: { readonly id: string; readonly timestamp: string; readonly eventType: string; readonly eventDetails: unknown };
}

const root = join(import.meta.dirname, '../../../schemas');
const VALID = /^(notification|detail)\.v(\d+)\..+\.valid\.json$/u;

const files = readdirSync(root)
  .filter((dir) => !dir.startsWith('_') && !dir.endsWith('.json'))
  .flatMap((dir) =>
    readdirSync(join(root, dir, 'examples')).flatMap((file) => {
      const match = VALID.exec(file);
      if (!match) return [];
      const json = JSON.parse(readFileSync(join(root, dir, 'examples', file), 'utf8')) as unknown;
      return [{ name: `${dir}/examples/${file}`, kind: match[1] as 'notification' | 'detail', version: Number(match[2]), json }];
    }),
  );

/** Every valid example notification. */
export const validExamples: readonly Example[] = files.filter((f) => f.kind === 'notification').map((f) => ({ name: f.name, event: f.json as EnvelopeLike }));

/** Every valid example detail document, with its version. */
export const validDetailExamples: readonly DetailExample[] = files
  .filter((f) => f.kind === 'detail')
  .map((f) => ({ name: f.name, version: f.version, document: f.json as DetailExample['document'] }));

/** An example notification by its path under schemas/. */
export function example(name: string): EnvelopeLike {
  const found = validExamples.find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return structuredClone(found.event);
}
