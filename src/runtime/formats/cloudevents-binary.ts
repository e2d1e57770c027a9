/**
 * CloudEvents on a transport message: binary mode, with the attributes in
 * HTTP `ce-` headers or Kafka `ce_` headers and the data as the body, and
 * structured mode sent over HTTP or Kafka (`Content-Type:
 * application/cloudevents+json`, the event as the body).
 *
 * `safeParse` takes such a message as `{ headers, body }` (HTTP) or
 * `{ headers, value }` (Kafka). Header names are matched without regard to
 * case; a value may be a string, bytes (UTF-8) or a one-item array, as Node's
 * `http` and Kafka clients give them. The body may be text, bytes, or JSON
 * already parsed. Issues point into the message: `/headers/ce-time`,
 * `/body/bookingId` (a pointer into the body's JSON, after `/body`).
 */
import type { EnvelopeLike } from '../envelope.js';
import type { IssueInput } from '../errors.js';
import { escapePointer } from '../json-pointer.js';
import type { Decoded } from '../json-text.js';
import { typeName } from '../messages.js';
import { isRecord } from '../own-properties.js';
import { attributesOf, type CloudEventInput, envelopeOf, type Found, isJsonMediaType } from './cloudevents-mapping.js';
import { readStructured } from './cloudevents-structured.js';
import { type DecodeContext, type FormatDecoded, failWith, utf8 } from './format.js';
import { headerValue, percentEncode } from './header-values.js';

/** A CloudEvent in HTTP binary mode: what to send as headers and body. */
export interface HttpBinaryMessage {
  readonly headers: Readonly<Record<string, string>>;
  /** The data, as JSON text. */
  readonly body: string;
}

/** A CloudEvent in Kafka binary mode: what to send as headers and value. Choose the record key yourself (the CRN keeps one person's events in order). */
export interface KafkaBinaryMessage {
  readonly headers: Readonly<Record<string, string>>;
  /** The data, as JSON text. */
  readonly value: string;
}

/**
 * `event` in CloudEvents HTTP binary mode: `ce-` headers (percent-encoded as
 * the HTTP binding requires), `content-type: application/json`, and the data
 * as the body. The event is not validated again.
 */
export function toHttpBinary(event: EnvelopeLike): HttpBinaryMessage {
  return { headers: headersOf(event, 'ce-', percentEncode), body: JSON.stringify(event.additionalInformation) };
}

/**
 * `event` in CloudEvents Kafka binary mode: `ce_` headers, `content-type:
 * application/json`, and the data as the value. The event is not validated
 * again.
 */
export function toKafkaBinary(event: EnvelopeLike): KafkaBinaryMessage {
  return { headers: headersOf(event, 'ce_', (text) => text), value: JSON.stringify(event.additionalInformation) };
}

function headersOf(event: EnvelopeLike, prefix: string, encode: (text: string) => string): Record<string, string> {
  const attributes = attributesOf(event);
  const headers: Record<string, string> = {};
  for (const name of Object.keys(attributes)) {
    // Both bindings map datacontenttype to the content-type header.
    if (name === 'datacontenttype') headers['content-type'] = attributes[name] as string;
    else headers[prefix + name] = encode(attributes[name] as string);
  }
  return headers;
}

/** Is this `{ headers, body }` or `{ headers, value }`, a message on a transport? */
export function isTransportMessage(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.headers === 'object' && value.headers !== null && (Object.hasOwn(value, 'body') || Object.hasOwn(value, 'value'));
}

/** Reads a CloudEvent from a transport message, in either mode. */
export function decodeTransport(message: Record<string, unknown>, context: DecodeContext): FormatDecoded {
  // Kafka records carry a value (the cloudevents SDK also copies it to body); HTTP messages only a body.
  const kafka = Object.hasOwn(message, 'value');
  const bodyPath = kafka ? '/value' : '/body';
  const headers = readHeaders(message.headers, kafka);
  if (!headers.ok) return failWith(headers.issue);
  const contentType = headers.map.get('content-type');
  const mediaType = typeof contentType?.value === 'string' ? contentType.value.toLowerCase() : '';
  const payload = kafka ? message.value : message.body;

  if (mediaType.startsWith('application/cloudevents-batch')) {
    return failWith({ code: 'invalid_input', path: contentType?.path ?? '/headers', detail: 'batched mode is not supported; read each event of the batch' });
  }
  if (mediaType.startsWith('application/cloudevents')) {
    const body = bodyValue(payload, bodyPath, context);
    if (!body.ok) return failWith(body.issue);
    if (!isRecord(body.value))
      return failWith({ code: 'invalid_input', path: bodyPath, expected: 'a structured CloudEvent (a JSON object)', received: typeName(body.value) });
    return readStructured(body.value, bodyPath, context);
  }

  const prefix = kafka ? 'ce_' : 'ce-';
  const attributes = new Map<string, Found>();
  for (const [name, found] of headers.map) if (name.startsWith(prefix)) attributes.set(name.slice(prefix.length), found);
  if (!attributes.has('specversion')) {
    return failWith({
      code: 'invalid_input',
      path: '/headers',
      detail: `not a CloudEvent: expected a ${prefix}specversion header (binary mode) or content-type application/cloudevents+json (structured mode)`,
    });
  }
  if (contentType) {
    const declared = attributes.get('datacontenttype');
    if (declared && declared.value !== contentType.value) {
      return failWith({
        code: 'invalid_input',
        path: declared.path,
        expected: `${JSON.stringify(contentType.value)}, as content-type says`,
        received: JSON.stringify(declared.value),
      });
    }
    attributes.set('datacontenttype', contentType);
  }
  let data: Found | undefined;
  if (payload !== undefined && payload !== null && (typeof payload !== 'string' || payload !== '')) {
    // The data is only read as JSON once datacontenttype is known to be JSON; envelopeOf checks that first.
    const declared = attributes.get('datacontenttype');
    if (declared === undefined || isJsonMediaType(declared.value)) {
      const body = bodyValue(payload, bodyPath, context);
      if (!body.ok) return failWith(body.issue);
      data = { value: body.value, path: bodyPath };
    }
  }
  const input: CloudEventInput = {
    attributes,
    data,
    root: '',
    pathFor: (name) => (name === 'data' ? bodyPath : name === 'datacontenttype' ? '/headers/content-type' : `/headers/${prefix}${name}`),
  };
  return envelopeOf(input, context);
}

type Headers = { ok: true; map: Map<string, Found> } | { ok: false; issue: IssueInput };

/** Header values by lower-case name, decoded to text; HTTP values are unquoted and percent-decoded. */
function readHeaders(headers: unknown, kafka: boolean): Headers {
  const entries: Array<[string, unknown]> = [];
  const like = headers as { forEach?: unknown; get?: unknown };
  if (typeof like.forEach === 'function' && typeof like.get === 'function') {
    // A WHATWG Headers object (fetch, undici): names are already lower case.
    (headers as { forEach(fn: (value: string, key: string) => void): void }).forEach((value, key) => {
      entries.push([key, value]);
    });
  } else if (isRecord(headers)) {
    for (const key of Object.keys(headers)) entries.push([key, headers[key]]);
  } else {
    return { ok: false, issue: { code: 'invalid_input', path: '/headers', expected: 'an object of header values', received: typeName(headers) } };
  }
  const map = new Map<string, Found>();
  for (const [key, raw] of entries) {
    const path = `/headers/${escapePointer(key)}`;
    const name = key.toLowerCase();
    let value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
    if (value === undefined || value === null) continue;
    if (value instanceof Uint8Array) {
      value = utf8(value);
      if (value === undefined) return { ok: false, issue: { code: 'invalid_input', path, detail: 'the header value is not UTF-8' } };
    }
    if (typeof value !== 'string') return { ok: false, issue: { code: 'invalid_input', path, expected: 'one header value (text)', received: typeName(raw) } };
    if (map.has(name)) return { ok: false, issue: { code: 'invalid_input', path, detail: `the header ${name} appears more than once` } };
    const text = kafka || !name.startsWith('ce-') ? value : headerValue(value);
    if (text === undefined) return { ok: false, issue: { code: 'invalid_input', path, detail: 'the percent-encoded header value is not UTF-8' } };
    map.set(name, { value: text, path });
  }
  return { ok: true, map };
}

/** The body as JSON: text and bytes are parsed within the limits; anything else was parsed already. */
function bodyValue(payload: unknown, path: string, context: DecodeContext): Decoded {
  let text = payload;
  if (payload instanceof Uint8Array) {
    text = utf8(payload);
    if (text === undefined) return { ok: false, issue: { code: 'invalid_input', path, detail: 'the body is not UTF-8' } };
  }
  if (typeof text !== 'string') return { ok: true, value: payload };
  return context.json(text, path);
}
