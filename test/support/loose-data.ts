/**
 * An event type written by hand, not generated, whose data schema takes a
 * string as well as an object (`"type": ["string", "object"]`), in its
 * notification and its detail contract: for the envelope's own rule that
 * `additionalInformation` and `eventDetails` are objects, whatever a data
 * schema allows.
 */
import { checkEnvelope } from '../../generated/envelope.js';
import type { VersionDefinition } from '../../src/runtime/contract.js';
import { defineEventType, type EventType } from '../../src/runtime/event-type.js';
import { emittedCheck } from './emit.js';

export const LOOSE = 'test.anything.happened';

const BASE = 'https://schemas.probation.justice.gov.uk/domain-events/';
const check = emittedCheck({ type: ['string', 'object'] });
const version = (kind: 'notification' | 'detail'): VersionDefinition => ({
  version: 1,
  schemaId: `${BASE}${LOOSE}/${kind}/v1.schema.json`,
  check,
  schema: () => ({ type: ['string', 'object'] }),
});

type Contract = { versions: { 1: string | Record<string, unknown> }; latest: 1 };

/** The event type, with both contracts. */
export const looseData = defineEventType<typeof LOOSE, { notification: Contract; detail: Contract }>({
  type: LOOSE,
  title: 'Test event',
  description: 'An event for tests.',
  timeline: {},
  envelope: checkEnvelope,
  notification: { versions: [version('notification')] },
  detail: { versions: [version('detail')] },
}) as EventType<typeof LOOSE, { notification: Contract; detail: Contract }>;

/** A notification of it, carrying `data`. */
export const looseNotification = (data: unknown): Record<string, unknown> => ({
  eventType: LOOSE,
  version: 1,
  occurredAt: '2024-06-13T17:52:26Z',
  additionalInformation: data,
});

/** A detail document of it, carrying `data`. */
export const looseDetail = (data: unknown): Record<string, unknown> => ({
  id: '4bd3e398-ec2c-468a-b180-0f9360be7763',
  timestamp: '2024-06-13T17:52:26Z',
  eventType: LOOSE,
  eventDetails: data,
});
