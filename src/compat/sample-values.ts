/**
 * Values valid under a normal schema, for `check` to run upcasters on. The
 * same schema and seed give the same values. They are varied where an
 * upcaster may go wrong: the first leaves out every optional property and
 * takes the first of every list and the lower bounds, the second has every
 * optional property and takes the last of every list and the upper bounds,
 * and the rest are drawn at random, each list (`enum`, `anyOf` branches,
 * types, numeric bounds, format samples) taken in turn so that every entry
 * comes up. Format samples include the edges of daylight saving time in
 * Europe/London and of the UTC day, since upcasts derive dates from them.
 *
 * A value is kept only if {@link rejection} accepts it, so a pattern or a
 * combination of bounds the generator cannot satisfy yields fewer values,
 * never an invalid one. A part the normal form could not read (`unknown`)
 * yields none: an optional property there is left out, and a required one
 * leaves no values at all.
 */
import { rejection } from './accepts.js';
import type { NormalSchema, TypedSchema } from './normal-schema.js';
import { patternSampler, type Random } from './pattern-sample.js';

export interface SampleOptions {
  /** How many values to return (fewer where the schema allows fewer). */
  readonly count: number;
  /** Any integer; the same seed gives the same values. */
  readonly seed: number;
}

/** Format samples, edges first. */
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  'date-time': [
    '2024-06-30T23:30:00Z',
    '2024-03-31T00:59:59.999Z',
    '2024-03-31T01:00:00+00:00',
    '2024-10-27T00:30:00Z',
    '2024-10-27T01:30:00+01:00',
    '2023-12-31T23:59:59.123456789-05:00',
    '2024-02-29T00:00:00+14:00',
    '2000-01-01T00:00:00z',
  ],
  date: ['2024-02-29', '2024-03-31', '2024-10-27', '1970-01-01', '2099-12-31'],
  time: ['00:00:00Z', '23:59:59.5+01:00', '12:30:00-05:00'],
  uuid: ['00000000-0000-0000-0000-000000000000', '4bd3e398-ec2c-468a-b180-0f9360be7763', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF'],
  uri: ['https://example.test/', 'http://example.test:8080/a/b?c=d', 'urn:example:thing'],
  email: ['a@example.test', 'first.last+tag@example.test'],
};
/** Characters of free text, counted in code points as JSON Schema counts length. */
const TEXT = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.é😀'];
/** How many candidates a leaf tries before it gives up on a value. */
const TRIES = 8;

type Mode = 'minimal' | 'full' | 'random';

/** Up to `count` values valid under `schema`. */
export function sampleValues(schema: NormalSchema, { count, seed }: SampleOptions): unknown[] {
  const random = mulberry32(seed);
  const turns = new Map<object, Record<string, number>>();
  /** The next entry of one of `node`'s lists (`which`), in turn across values. */
  const turn = <T>(node: object, which: string, list: readonly T[]): T => {
    const counts = turns.get(node) ?? {};
    turns.set(node, counts);
    const n = counts[which] ?? 0;
    counts[which] = n + 1;
    return list[n % list.length] as T;
  };
  const patterns = new Map<string, ReturnType<typeof patternSampler>>();

  const value = (node: NormalSchema, mode: Mode): unknown => {
    switch (node.kind) {
      case 'unknown':
        // What the normal form could not read has no known valid values: a guess could make a false counterexample.
        throw new Unsatisfiable();
      case 'values':
        if (node.values.length === 0) throw new Unsatisfiable();
        return copy(mode === 'minimal' ? node.values[0] : mode === 'full' ? node.values.at(-1) : turn(node, 'values', node.values));
      case 'anyOf': {
        const branch = mode === 'minimal' ? node.branches[0] : mode === 'full' ? node.branches.at(-1) : turn(node, 'branches', node.branches);
        return value(branch as NormalSchema, mode);
      }
      case 'typed': {
        const type = mode === 'minimal' ? node.types[0] : mode === 'full' ? node.types.at(-1) : turn(node, 'types', node.types);
        return typed(node, type as string, mode);
      }
    }
  };

  const typed = (node: TypedSchema, type: string, mode: Mode): unknown => {
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return mode === 'minimal' ? false : mode === 'full' ? true : random() < 0.5;
      case 'number':
      case 'integer':
        return leaf(node, numbers(node, type === 'integer'), mode);
      case 'string':
        return leaf(node, strings(node), mode);
      case 'array': {
        const { items, minItems = 0, maxItems } = node.array;
        const most = Math.min(maxItems ?? minItems + 3, minItems + 3);
        const length = mode === 'minimal' ? minItems : mode === 'full' ? most : minItems + Math.floor(random() * (most - minItems + 1));
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) out.push(items ? value(items, mode) : i);
        return out;
      }
      default: {
        const { properties, required } = node.object;
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(properties)) {
          const present = required.includes(name) || (mode === 'full' ? true : mode === 'random' && random() < 0.6);
          if (!present || (!required.includes(name) && property.kind === 'values' && property.values.length === 0)) continue;
          const made = value(property, mode);
          // defineProperty keeps a property named "__proto__" as data.
          if (name === '__proto__') Object.defineProperty(out, name, { value: made, enumerable: true, writable: true, configurable: true });
          else out[name] = made;
        }
        return out;
      }
    }
  };

  /** The first candidate the node accepts: the first for `minimal`, the last for `full`, in turn otherwise. */
  const leaf = (node: TypedSchema, candidates: readonly (() => unknown)[], mode: Mode): unknown => {
    if (candidates.length === 0) throw new Unsatisfiable();
    const order = mode === 'minimal' ? candidates : mode === 'full' ? [...candidates].reverse() : [turn(node, 'candidates', candidates), ...candidates];
    for (const candidate of order.slice(0, TRIES)) {
      const made = candidate();
      if (rejection(node, made) === undefined) return made;
    }
    throw new Unsatisfiable();
  };

  const numbers = (node: TypedSchema, integer: boolean): (() => number)[] => {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = node.number;
    const step = integer ? 1 : 0.5;
    const low = minimum ?? (exclusiveMinimum === undefined ? undefined : integer ? Math.floor(exclusiveMinimum) + 1 : exclusiveMinimum + step);
    const high = maximum ?? (exclusiveMaximum === undefined ? undefined : integer ? Math.ceil(exclusiveMaximum) - 1 : exclusiveMaximum - step);
    const from = low ?? (high === undefined ? -1_000_000 : high - 1_000_000);
    const to = high ?? from + 2_000_000;
    const drawn = () => {
      const x = from + random() * (to - from);
      return integer ? Math.round(x) : x;
    };
    const edge = (x: number) => () => x;
    return [edge(low ?? -1_000_000), edge(0), edge(1), edge(-1), edge(integer ? 2 ** 31 : 0.5), drawn, edge(high ?? 1_000_000)];
  };

  const strings = (node: TypedSchema): (() => string)[] => {
    const { minLength = 0, maxLength, pattern, format } = node.string;
    if (format !== undefined && Object.hasOwn(FORMATS, format)) {
      const samples = FORMATS[format] as readonly string[];
      return [...samples.map((s) => () => s), ...(format === 'date-time' ? [() => randomDateTime(random)] : [])];
    }
    if (pattern !== undefined) {
      if (!patterns.has(pattern)) patterns.set(pattern, patternSampler(pattern));
      const sampler = patterns.get(pattern);
      return sampler ? Array.from({ length: TRIES }, () => () => sampler(random)) : [];
    }
    const most = Math.min(maxLength ?? minLength + 12, minLength + 40);
    const text = (length: number) => () => Array.from({ length }, () => TEXT[Math.floor(random() * TEXT.length)]).join('');
    return [text(Math.max(minLength, 1)), text(minLength), text(minLength + Math.floor(random() * (most - minLength + 1))), text(most)];
  };

  const out: unknown[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 2; attempt++) {
    const mode: Mode = attempt === 0 ? 'minimal' : attempt === 1 ? 'full' : 'random';
    try {
      const made = value(schema, mode);
      if (rejection(schema, made) === undefined) out.push(made);
    } catch (error) {
      if (!(error instanceof Unsatisfiable)) throw error;
    }
  }
  return out;
}

/** A copy of a listed value, so that values never share an object. */
const copy = (value: unknown): unknown => (typeof value === 'object' && value !== null ? JSON.parse(JSON.stringify(value)) : value);

/** Thrown inside the generator where a part of the schema yields no value. */
class Unsatisfiable extends Error {}

/** A random RFC 3339 date-time with an offset, from 1970 to 2069. */
function randomDateTime(random: Random): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const instant = new Date(Math.floor(random() * 3_155_760_000) * 1000);
  const minutes = [0, 60, -300, 330, 840][Math.floor(random() * 5)] as number;
  const local = new Date(instant.getTime() + minutes * 60_000);
  const offset = minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/** A small, fast seeded generator of numbers in [0, 1). */
function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
