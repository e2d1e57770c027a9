/** Reading the catalogue's examples in tests: notifications (`notification.vN.<name>…`) and detail documents (`detail.vN.<name>…`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './repo.js';

/** An example (a whole notification or detail document), parsed; `name` is its file name in the event type's examples folder. */
export function example(eventType: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', eventType, 'examples', name), 'utf8')) as Record<string, unknown>;
}

/** The same, as the JSON text a consumer would receive. */
export const exampleText = (eventType: string, name: string): string => readFileSync(join(ROOT, 'schemas', eventType, 'examples', name), 'utf8');

/** A copy of `value` with the fields in `changes` set (or removed, where the value is undefined). */
export function changed<T extends Record<string, unknown>>(value: T, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(value);
  for (const [key, v] of Object.entries(changes)) {
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}
