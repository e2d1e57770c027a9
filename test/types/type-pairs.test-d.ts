/**
 * For every version of every event type, the json-schema-to-typescript type
 * and `z.infer` of the generated zod validator are assignable both ways.
 */
import { expectTypeOf, test } from 'vitest';
import type { TypePairs } from '../../generated/type-pairs.js';

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Identical types, not merely assignable: an optional property one side lacks counts. */
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The keys of TypePairs whose two types are not assignable both ways; must be none. */
type Mismatched = { [K in keyof TypePairs]: Mutual<TypePairs[K]['json'], TypePairs[K]['zod']> extends true ? never : K }[keyof TypePairs];

/** Stricter: the keys whose two types are not the same type, property for property. */
type NotIdentical = { [K in keyof TypePairs]: Identical<Flat<TypePairs[K]['json']>, Flat<TypePairs[K]['zod']>> extends true ? never : K }[keyof TypePairs];

/** Resolves intersections and aliases into one object type, recursively, so identity compares shapes. */
type Flat<T> = T extends readonly (infer I)[] ? Flat<I>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;

test('json-schema-to-typescript and zod agree on every version', () => {
  expectTypeOf<Mismatched>().toEqualTypeOf<never>();
  expectTypeOf<NotIdentical>().toEqualTypeOf<never>();
  // The checks themselves can fail: different shapes are reported.
  expectTypeOf<Mutual<{ a: string }, { a: number }>>().toEqualTypeOf<false>();
  expectTypeOf<Mutual<{ a?: string }, { a?: string | undefined }>>().toEqualTypeOf<false>();
  expectTypeOf<Identical<Flat<{ a: string }>, Flat<{ a: string; b?: number }>>>().toEqualTypeOf<false>();
});

test('there is a pair for every version', () => {
  expectTypeOf<'approved-premises.booking.cancelled notification v1'>().toMatchTypeOf<keyof TypePairs>();
  expectTypeOf<'approved-premises.booking.cancelled detail v1'>().toMatchTypeOf<keyof TypePairs>();
  expectTypeOf<'approved-premises.booking.cancelled detail v2'>().toMatchTypeOf<keyof TypePairs>();
  expectTypeOf<'approved-premises.application.expired detail v2'>().toMatchTypeOf<keyof TypePairs>();
  expectTypeOf<'intervention.referral.sent notification v1'>().toMatchTypeOf<keyof TypePairs>();
});
