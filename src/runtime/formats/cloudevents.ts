/**
 * `cloudevents`: CloudEvents 1.0. `serialize` writes structured mode, one
 * JSON object (`application/cloudevents+json`); `toHttpBinary` and
 * `toKafkaBinary` write binary mode. `safeParse` reads a structured event,
 * or a transport message in either mode: `{ headers, body }` (HTTP) or
 * `{ headers, value }` (Kafka). See `cloudevents-mapping.ts` for how each
 * envelope field travels.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
 */
import type { EnvelopeLike } from '../envelope.js';
import { typeName } from '../messages.js';
import { isRecord } from '../own-properties.js';
import { decodeTransport, isTransportMessage } from './cloudevents-binary.js';
import { attributesOf } from './cloudevents-mapping.js';
import { readStructured } from './cloudevents-structured.js';
import { type Format, failWith } from './format.js';

/** A CloudEvent in structured mode: its context attributes, all strings, and its data. */
export type StructuredCloudEvent = Readonly<Record<string, unknown>> & {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly data: unknown;
};

export const cloudevents: Format<'cloudevents'> = {
  name: 'cloudevents',
  // A structured event names its specversion; a transport message has headers and a body. The envelope has neither.
  detect: (value) => (isRecord(value) && typeof value.specversion === 'string') || isTransportMessage(value),
  decode(value, context) {
    if (isTransportMessage(value) && !Object.hasOwn(value, 'specversion')) return decodeTransport(value, context);
    if (!isRecord(value)) {
      return failWith({
        code: 'invalid_input',
        path: '',
        expected: 'a CloudEvent: a structured event (an object), { headers, body } from HTTP or { headers, value } from Kafka',
        received: typeName(value),
      });
    }
    return readStructured(value, '', context);
  },
};

/** `event` as a structured CloudEvent: its context attributes, then its data. */
export function toStructuredCloudEvent(event: EnvelopeLike): StructuredCloudEvent {
  const out: Record<string, unknown> = attributesOf(event);
  out.data = event.additionalInformation;
  return out as StructuredCloudEvent;
}
