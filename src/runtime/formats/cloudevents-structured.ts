/**
 * A CloudEvent in structured mode, one JSON object: on its own, or as the body
 * of a transport message sent with `Content-Type: application/cloudevents+json`.
 * Its data is in `data`, or in `data_base64` as base64 of UTF-8 JSON text.
 */
import { escapePointer } from '../json-pointer.js';
import { typeName } from '../messages.js';
import { type CloudEventInput, envelopeOf, type Found } from './cloudevents-mapping.js';
import { type DecodeContext, type FormatDecoded, failWith, utf8 } from './format.js';

/** Reads a structured CloudEvent found at `root` (`''`, or `/body` inside a transport message). */
export function readStructured(event: Record<string, unknown>, root: string, context: DecodeContext): FormatDecoded {
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
