/**
 * Validators run on zod's interpreter at first and are compiled once they
 * have been used COMPILE_AFTER times. Verdicts must not change at the switch,
 * for notification envelopes, for detail documents and for the data
 * validators of the upcast chain (which real data climbs in detail
 * documents: every notification contract is at version 1).
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { cas1BookingCancelled, cas1PersonArrived } from '../../src/index.js';
import { COMPILE_AFTER } from '../../src/runtime/contract.js';
import type { DetailRuntime } from '../../src/runtime/detail.js';
import type { EventRuntime } from '../../src/runtime/parse.js';
import { runtimesOf } from '../../src/runtime/runtimes.js';
import { example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notifications = {
  valid: example(CANCELLED, 'notification.v1.booking-cancelled.valid.json'),
  alsoValid: example(CANCELLED, 'notification.v1.without-booking-id.valid.json'),
  invalid: example(CANCELLED, 'notification.v1.missing-application-id.invalid.json'),
};
const documents = {
  latest: { document: example(CANCELLED, 'detail.v2.cancelled.valid.json'), version: 2 },
  stored: { document: example(CANCELLED, 'detail.v1.cancelled.valid.json'), version: 1 },
  invalid: { document: example(CANCELLED, 'detail.v2.missing-cancelled-at-date.invalid.json'), version: 2 },
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

/** The same for a detail document at its stored version. */
function detailVerdict({ document, version }: { document: unknown; version: number }, unknownProperties: 'keep' | 'reject' = 'keep') {
  const result = cas1BookingCancelled.safeParseDetail(document, { version, unknownProperties });
  return result.success
    ? { success: true, version: result.version, upgradedFrom: result.upgradedFrom }
    : { success: false, code: result.error.code, paths: result.error.issues.map((i) => i.path) };
}

describe('validators are compiled after COMPILE_AFTER uses', () => {
  const notification = runtimesOf(cas1BookingCancelled).notification as EventRuntime;
  const detail = runtimesOf(cas1BookingCancelled).detail as DetailRuntime;
  // The detail version 2 data validator, which checks what the upcast from version 1 returns.
  const upcastResult = detail.chain[1];
  if (!upcastResult) throw new Error('the detail chain has no version 2');

  it('notification envelopes start interpreted, and give the same verdicts before and after the switch', () => {
    expect(isCompiled(notification.envelopeValidator(1))).toBe(false);
    const before = Object.values(notifications).map(verdict);
    expect(before.map((v) => v.success)).toEqual([true, true, false]);
    expect(before[2]).toMatchObject({ code: 'invalid_event', paths: ['/additionalInformation/applicationId'] });

    for (let i = 0; i < COMPILE_AFTER; i++) verdict(notifications.valid);
    const compiled = notification.envelopeValidator(1);
    expect(isCompiled(compiled)).toBe(true);
    expect(notification.envelopeValidator(1)).toBe(compiled);

    expect(Object.values(notifications).map(verdict)).toEqual(before);
  });

  it('detail documents start interpreted, and give the same verdicts before and after the switch', () => {
    expect(isCompiled(detail.documentValidator(2))).toBe(false);
    const before = Object.values(documents).map((d) => detailVerdict(d));
    expect(before.map((v) => v.success)).toEqual([true, true, false]);
    expect(before[1]).toMatchObject({ version: 2, upgradedFrom: 1 });

    for (let i = 0; i < COMPILE_AFTER; i++) detailVerdict(documents.latest);
    const compiled = detail.documentValidator(2);
    expect(isCompiled(compiled)).toBe(true);
    expect(detail.documentValidator(2)).toBe(compiled);

    expect(Object.values(documents).map((d) => detailVerdict(d))).toEqual(before);
  });

  it('the upcast chain compiles its data validators the same way: the open one tolerant reads use, and the closed one strict reads use', () => {
    expect([isCompiled(upcastResult.openValidator()), isCompiled(upcastResult.validator())]).toEqual([false, false]);
    for (let i = 0; i < COMPILE_AFTER; i++) detailVerdict(documents.stored);
    expect(isCompiled(upcastResult.openValidator())).toBe(true);
    expect(detailVerdict(documents.stored)).toMatchObject({ success: true, version: 2, upgradedFrom: 1 });

    for (let i = 0; i < COMPILE_AFTER; i++) detailVerdict(documents.stored, 'reject');
    expect(isCompiled(upcastResult.validator())).toBe(true);
    expect(detailVerdict(documents.stored, 'reject')).toMatchObject({ success: true, version: 2, upgradedFrom: 1 });
  });

  it('the switch comes on the COMPILE_AFTER-th use, and not before', () => {
    // An event type no other test here reads, so its counts start at zero.
    const fresh = runtimesOf(cas1PersonArrived).notification as EventRuntime;
    for (let use = 1; use < COMPILE_AFTER; use++) expect(isCompiled(fresh.envelopeValidator(1))).toBe(false);
    expect(isCompiled(fresh.envelopeValidator(1))).toBe(true);
    // Each version, and each contract, counts its own uses.
    const freshDetail = runtimesOf(cas1PersonArrived).detail as DetailRuntime;
    for (let use = 1; use < COMPILE_AFTER; use++) expect(isCompiled(freshDetail.documentValidator(1))).toBe(false);
    expect(isCompiled(freshDetail.documentValidator(1))).toBe(true);
    expect(isCompiled(freshDetail.documentValidator(2))).toBe(false);
  });
});
