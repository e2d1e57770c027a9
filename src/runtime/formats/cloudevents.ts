/**
 * `cloudevents`: CloudEvents 1.0. `serialize` writes structured mode, one
 * JSON object (`application/cloudevents+json`); `toHttpBinary` and
 * `toKafkaBinary` write binary mode. `safeParse` reads a structured event,
 * or a transport message in either mode: `{ headers, body }` (HTTP) or
 * `{ headers, value }` (Kafka). See `cloudevents-mapping.ts` for how each
 * envelope field travels.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md
 */
import { escapePointer } from '../json-pointer.js';
import { typeName } from '../messages.js';
import { decodeTransport, isTransportMessage, utf8 } from './cloudevents-binary.js';
import { attributesOf, type CloudEventInput, envelopeOf, type Found } from './cloudevents-mapping.js';
import { type DecodeContext, type Format, type FormatDecoded, failWith, isRecord } from './format.js';

/** A CloudEvent in structured mode: its context attributes, all strings, and its data. */
export type StructuredCloudEvent = Readonly<Record<string, unknown>> & {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly data: unknown;
};

/** Reads a structured CloudEvent found at `root` (`''`, or `/body` inside a transport message). */
function readStructured(event: Record<string, unknown>, root: string, context: DecodeContext): FormatDecoded {
  const attributes = new Map<string, Found>();
  for (const key of Object.keys(event)) {
    if (key !== 'data' && key !== 'data_base64') attributes.set(key, { value: event[key], path: `${root}/${escapePointer(key)}` });
  }
  let data: Found | undefined;
  if (Object.hasOwn(event, 'data')) data = { value: event.data, path: `${root}/data` };
  else if (event.data_base64 !== undefined) {
    const path = `${root}/data_base64`;
    const text = typeof event.data_base64 === 'string' ? fromBase64(event.data_base64) : undefined;
    if (text === undefined) return failWith({ code: 'invalid_input', path, expected: 'base64 of UTF-8 JSON text', received: typeName(event.data_base64) });
    const decoded = context.json(text, path);
    if (!decoded.ok) return failWith(decoded.issue);
    data = { value: decoded.value, path };
  }
  const input: CloudEventInput = { attributes, data, root, pathFor: (name) => `${root}/${name}` };
  return envelopeOf(input, context);
}

function fromBase64(text: string): string | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return utf8(bytes);
}

export const cloudevents: Format<StructuredCloudEvent> = {
  name: 'cloudevents',
  // A structured event names its specversion; a transport message has headers and a body. The envelope has neither.
  detect: (value) => (isRecord(value) && typeof value.specversion === 'string') || isTransportMessage(value),
  decode(value, context) {
    if (isTransportMessage(value) && !Object.hasOwn(value, 'specversion')) return decodeTransport(value, context, readStructured);
    if (!isRecord(value)) {
      return {
        ok: false,
        issues: [
          {
            code: 'invalid_input',
            path: '',
            expected: 'a CloudEvent: a structured event (an object), { headers, body } from HTTP or { headers, value } from Kafka',
            received: typeName(value),
          },
        ],
      };
    }
    return readStructured(value, '', context);
  },
  encode(event) {
    const out: Record<string, unknown> = attributesOf(event);
    out.data = event.additionalInformation;
    return out as StructuredCloudEvent;
  },
};
