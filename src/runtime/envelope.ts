/**
 * The envelope at run time. Its fields are described by
 * `schemas/envelope.schema.json`; the precise TypeScript type per event and
 * version is generated (`EventEnvelope` in `generated/envelope.ts`).
 */
import { setOwn } from './own-properties.js';

/** What every envelope has, whatever its event type. Unknown fields are kept. */
export interface EnvelopeLike {
  readonly id?: string;
  readonly publishedAt?: string;
  readonly producer?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly traceparent?: string;
  readonly eventType: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly description?: string;
  readonly detailUrl?: string;
  readonly personReference?: { readonly identifiers: ReadonlyArray<{ readonly type: string; readonly value: string }> };
  readonly additionalInformation: unknown;
}

/** The envelope fields every producer and consumer knows, in the order they are written. */
export const ENVELOPE_FIELDS = [
  'id',
  'publishedAt',
  'producer',
  'requestId',
  'correlationId',
  'traceparent',
  'eventType',
  'version',
  'occurredAt',
  'description',
  'detailUrl',
  'personReference',
  'additionalInformation',
] as const;

const KNOWN: ReadonlySet<string> = new Set(ENVELOPE_FIELDS);

/** Is this a field the envelope schema describes? */
export const isEnvelopeField = (key: string): boolean => KNOWN.has(key);

/**
 * A copy of `envelope` with a new version and data. Built field by field
 * rather than by spreading, which is far slower on Node 20; fields the schema
 * does not know are carried over too, so nothing is lost.
 */
export function withData<E = Record<string, unknown>>(envelope: Readonly<Record<string, unknown>>, version: number, data: unknown): E {
  const out: Record<string, unknown> = {};
  if (envelope.id !== undefined) out.id = envelope.id;
  if (envelope.publishedAt !== undefined) out.publishedAt = envelope.publishedAt;
  if (envelope.producer !== undefined) out.producer = envelope.producer;
  if (envelope.requestId !== undefined) out.requestId = envelope.requestId;
  if (envelope.correlationId !== undefined) out.correlationId = envelope.correlationId;
  if (envelope.traceparent !== undefined) out.traceparent = envelope.traceparent;
  out.eventType = envelope.eventType;
  out.version = version;
  out.occurredAt = envelope.occurredAt;
  if (envelope.description !== undefined) out.description = envelope.description;
  if (envelope.detailUrl !== undefined) out.detailUrl = envelope.detailUrl;
  if (envelope.personReference !== undefined) out.personReference = envelope.personReference;
  out.additionalInformation = data;
  for (const key of Object.keys(envelope)) {
    // A key named "__proto__" stays data instead of setting the prototype.
    if (!KNOWN.has(key)) setOwn(out, key, envelope[key]);
  }
  return out as unknown as E;
}
