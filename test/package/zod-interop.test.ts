/**
 * The built package carries its own copy of zod (bundled, for start-up time).
 * A service's own zod must still be able to use the validators it exports:
 * embed them in its schemas, parse with them, and turn them into JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as z from 'zod/mini';
import { example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
// The built entry point of the event type's zod validators, as a service imports it.
const built = (await import(
  `@probation/domain-events/zod/${CANCELLED}` as string
)) as typeof import('../../generated/zod/events/approved-premises.booking.cancelled.js');
// The detail contract's latest version: a detail document's eventDetails, which has the CAS1 data.
const data = example(CANCELLED, 'detail.v2.cancelled.valid.json').eventDetails as Record<string, unknown>;
const { cancelledAtDate: _, ...withoutDate } = data;

describe("the built package's validators in a service's own zod", () => {
  const validator = built.cas1BookingCancelledDetailV2;

  it('are recognised as zod schemas by zod/mini and by classic zod', () => {
    // A copy of zod's classes, not the service's own.
    expect(validator.constructor).not.toBe(z.ZodMiniObject);
    expect(z.strictObject({}).constructor).toBe(z.ZodMiniObject);
    expect(validator instanceof z.ZodMiniType).toBe(true);
    expect(validator instanceof zod.core.$ZodType).toBe(true);
  });

  it('work inside a zod/mini object', () => {
    const message = z.object({ receivedAt: z.string(), data: validator });
    expect(message.safeParse({ receivedAt: 'now', data }).success).toBe(true);
    const result = message.safeParse({ receivedAt: 'now', data: withoutDate });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('/'))).toEqual(['data/cancelledAtDate']);
  });

  it('work inside a classic zod object', () => {
    const message = zod.object({ count: zod.number(), data: validator });
    expect(message.safeParse({ count: 1, data }).success).toBe(true);
    expect(message.safeParse({ count: 1, data: withoutDate }).success).toBe(false);
  });

  it("word their issues with the service zod's own error customisation", () => {
    z.config({ customError: (issue) => `service: ${issue.code}` });
    try {
      const result = z.object({ data: validator }).safeParse({ data: withoutDate });
      expect(result.error?.issues.map((i) => i.message)).toEqual(['service: invalid_type']);
    } finally {
      z.config({ customError: undefined });
    }
  });

  it('convert to JSON Schema with the service zod', () => {
    const schema = z.toJSONSchema(z.object({ data: validator })) as unknown as { properties: { data: { required: string[] } } };
    expect(schema.properties.data.required).toContain('cancelledAtDate');
  });
});
