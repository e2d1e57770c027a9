/**
 * Bounds: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
 * `minLength`, `maxLength`, `minItems`, `maxItems`. The reader's range must
 * hold the writer's: raising a lower bound or lowering an upper one rejects
 * documents the writer accepted. For an integer-only writer, bounds are
 * compared on integers, so `minimum: 1` fits inside `exclusiveMinimum: 0`.
 *
 * A string length is undecided when the writer also has a pattern or format,
 * which may already keep its strings within the reader's limits.
 */
import type { NumberConstraints, TypedSchema } from '../normal-schema.js';
import { type Reason, type Rule, type RuleContext, reason, typedPair } from '../rule.js';

/** A bound: a limit, and whether the limit itself is excluded. Undefined is no bound. */
type Bound = { readonly value: number; readonly exclusive: boolean } | undefined;

export const boundsRule: Rule = (context) => [...numberBounds(context), ...countBounds(context, 'string'), ...countBounds(context, 'array')];

function numberBounds(context: RuleContext): Reason[] {
  const pair = typedPair(context, 'number');
  if (!pair) return [];
  const [writer, reader] = pair;
  const integers = !writer.types.includes('number');
  const out: Reason[] = [];
  const low = (n: NumberConstraints) => tighter(bound(n.minimum, false), bound(n.exclusiveMinimum, true), 1);
  const high = (n: NumberConstraints) => tighter(bound(n.maximum, false), bound(n.exclusiveMaximum, true), -1);
  const [wLow, rLow] = [onIntegers(low(writer.number), integers, 1), low(reader.number)];
  const [wHigh, rHigh] = [onIntegers(high(writer.number), integers, -1), high(reader.number)];
  if (!within(wLow, rLow, 1)) out.push(reason(context, 'bound-tightened', describe(context, 'lower bound', low(writer.number), rLow, 'minimum')));
  if (!within(wHigh, rHigh, -1)) out.push(reason(context, 'bound-tightened', describe(context, 'upper bound', high(writer.number), rHigh, 'maximum')));
  return out;
}

function countBounds(context: RuleContext, kind: 'string' | 'array'): Reason[] {
  const pair = typedPair(context, kind);
  if (!pair) return [];
  const [writer, reader] = pair;
  const [minKey, maxKey] = kind === 'string' ? ['minLength', 'maxLength'] : ['minItems', 'maxItems'];
  const limits = (node: TypedSchema) =>
    kind === 'string' ? { min: node.string.minLength, max: node.string.maxLength } : { min: node.array.minItems, max: node.array.maxItems };
  const [w, r] = [limits(writer), limits(reader)];
  const decided = kind === 'array' || (writer.string.pattern === undefined && writer.string.format === undefined);
  const { names } = context;
  const out: Reason[] = [];
  if ((w.min ?? 0) < (r.min ?? 0))
    out.push(reason(context, 'bound-tightened', `${minKey}: ${names.writer} has ${w.min ?? 0}, ${names.reader} has ${r.min}`, decided));
  if (r.max !== undefined && (w.max === undefined || w.max > r.max)) {
    out.push(reason(context, 'bound-tightened', `${maxKey}: ${names.writer} has ${w.max ?? 'none'}, ${names.reader} has ${r.max}`, decided));
  }
  return out;
}

const bound = (value: number | undefined, exclusive: boolean): Bound => (value === undefined ? undefined : { value, exclusive });

/** The tighter of two bounds; `direction` is 1 for lower bounds, -1 for upper ones. */
function tighter(a: Bound, b: Bound, direction: 1 | -1): Bound {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return (a.value - b.value) * direction > 0 ? a : b;
  return a.exclusive ? a : b;
}

/** An integer-only writer's bound as an inclusive integer: `exclusiveMinimum: 0` is `minimum: 1`. */
function onIntegers(b: Bound, integers: boolean, direction: 1 | -1): Bound {
  if (!b || !integers) return b;
  if (direction === 1) return { value: b.exclusive ? Math.floor(b.value) + 1 : Math.ceil(b.value), exclusive: false };
  return { value: b.exclusive ? Math.ceil(b.value) - 1 : Math.floor(b.value), exclusive: false };
}

/** Is the writer's bound at least as tight as the reader's? */
function within(writer: Bound, reader: Bound, direction: 1 | -1): boolean {
  if (!reader) return true;
  if (!writer) return false;
  if (writer.value !== reader.value) return (writer.value - reader.value) * direction > 0;
  return writer.exclusive || !reader.exclusive;
}

function describe(context: RuleContext, what: string, writer: Bound, reader: Bound, keyword: string): string {
  const text = (b: Bound) => (b ? `${b.exclusive ? `exclusive${keyword[0]?.toUpperCase()}${keyword.slice(1)}` : keyword} ${b.value}` : 'none');
  return `${what}: ${context.names.writer} has ${text(writer)}, ${context.names.reader} has ${text(reader)}`;
}
