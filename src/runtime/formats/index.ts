/**
 * The formats this package reads, by name. `auto` tries the self-describing
 * formats in this order and falls back to `hmpps`. Their encoders are in
 * `encoders.ts`.
 */
import { cloudevents } from './cloudevents.js';
import type { Format } from './format.js';
import { hmpps } from './hmpps.js';
import { sqs } from './sqs.js';

export const FORMATS = { hmpps, sqs, cloudevents } as const satisfies Record<string, Format>;

/** The name of a format, as `options.format` takes it. */
export type FormatName = keyof typeof FORMATS;

/** Formats `auto` recognises by their own shape, in the order it tries them. */
export const SELF_DESCRIBING: readonly Format<FormatName>[] = Object.values(FORMATS).filter((f: Format) => f.detect !== undefined);

export const isFormatName = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

/** The format to read `value` in: the one named, or for `auto` (and no name) the first self-describing format that recognises it, else `hmpps`. */
export function chooseFormat(name: FormatName | 'auto' | undefined, value: unknown): Format<FormatName> {
  if (name !== undefined && name !== 'auto') return FORMATS[name];
  for (const format of SELF_DESCRIBING) if (format.detect?.(value)) return format;
  return FORMATS.hmpps;
}

export type { DecodeContext, Format, FormatDecoded } from './format.js';
