/**
 * Validators run on zod's interpreter at first and are compiled once they
 * have been used COMPILE_AFTER times. Verdicts must not change at the switch,
 * for envelopes and for the data validators of the upcast chain.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { cas1BookingCancelled, cas1PersonArrived } from '../../src/index.js';
import { COMPILE_AFTER } from '../../src/runtime/contract.js';
import { example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const inputs = {
  latest: example(CANCELLED, 'notification.v2.cancelled.valid.json'),
  stored: example(CANCELLED, 'notification.v1.cancelled.valid.json'),
  invalid: example(CANCELLED, 'notification.v2.missing-cancelled-at-date.invalid.json'),
};

/** Whether zod has a compiled fast path for this schema. */
const isCompiled = (schema: z.ZodMiniType): boolean => typeof (schema._zod.bag as { validator?: unknown }).validator === 'function';

/** What a caller sees of a parse: success, the version reached, or the error's code and paths. */
function verdict(input: unknown) {
  const result = cas1BookingCancelled.safeParse(input);
  return result.success
    ? { success: true, version: result.event.version, upgradedFrom: result.upgradedFrom }
    : { success: false, code: result.error.code, paths: result.error.issues.map((i) => i.path) };
}

describe('validators are compiled after COMPILE_AFTER uses', () => {
  const runtime = cas1BookingCancelled.runtime.notification as NonNullable<typeof cas1BookingCancelled.runtime.notification>;
  // The version 2 data validator, which checks what the upcast from version 1 returns.
  const upcastResult = runtime.chain[1];
  if (!upcastResult) throw new Error('the chain has no version 2');

  it('start interpreted, and give the same verdicts before and after the switch', () => {
    expect(isCompiled(runtime.envelopeValidator(2))).toBe(false);
    const before = Object.values(inputs).map(verdict);
    expect(before.map((v) => v.success)).toEqual([true, true, false]);
    expect(before[1]).toMatchObject({ version: 2, upgradedFrom: 1 });

    for (let i = 0; i < COMPILE_AFTER; i++) verdict(inputs.latest);
    const compiled = runtime.envelopeValidator(2);
    expect(isCompiled(compiled)).toBe(true);
    expect(runtime.envelopeValidator(2)).toBe(compiled);

    expect(Object.values(inputs).map(verdict)).toEqual(before);
  });

  it('the upcast chain compiles its data validator the same way', () => {
    expect(isCompiled(upcastResult.validator())).toBe(false);
    for (let i = 0; i < COMPILE_AFTER; i++) verdict(inputs.stored);
    expect(isCompiled(upcastResult.validator())).toBe(true);
    expect(verdict(inputs.stored)).toMatchObject({ success: true, version: 2, upgradedFrom: 1 });
  });

  it('the switch comes on the COMPILE_AFTER-th use, and not before', () => {
    // An event type no other test here reads, so its count starts at zero.
    const fresh = cas1PersonArrived.runtime.notification as NonNullable<typeof cas1PersonArrived.runtime.notification>;
    for (let use = 1; use < COMPILE_AFTER; use++) expect(isCompiled(fresh.envelopeValidator(1))).toBe(false);
    expect(isCompiled(fresh.envelopeValidator(1))).toBe(true);
    expect(isCompiled(fresh.envelopeValidator(2))).toBe(false);
  });
});
