/**
 * AsyncAPI 3 message specs, the one-file-per-event kind HMPPS teams keep.
 * Each message's payload describes the whole notification, an HMPPS
 * envelope; its `additionalInformation` is the data. The event type is the
 * payload's `eventType` (a const, a one-value enum or an example), else the
 * message's name.
 */
import { kebab } from '../codegen/names.js';
import { type FoundEvent, fixedValue, isEventType, propertiesOf } from './contract.js';
import type { Findings } from './findings.js';
import { at, child, isObject } from './source.js';

const SCHEMA_FORMATS = /^application\/(?:vnd\.aai\.asyncapi(?:\+json|\+yaml)?|schema\+json|schema\+yaml)(?:;|$)/u;

export function asyncApiEvents(document: Record<string, unknown>, findings: Findings): FoundEvent[] {
  const messages = new Map<string, Record<string, unknown>>();
  const add = (node: unknown, pointer: string) => {
    let message = node;
    let where = pointer;
    if (isObject(message) && typeof message.$ref === 'string' && message.$ref.startsWith('#')) {
      where = message.$ref.slice(1);
      message = at(document, where);
    }
    if (isObject(message) && !messages.has(where)) messages.set(where, message);
  };
  const components = at(document, '/components/messages');
  if (isObject(components)) for (const key of Object.keys(components)) add(components[key], child('/components/messages', key));
  const channels = document.channels;
  if (isObject(channels)) {
    for (const [name, channel] of Object.entries(channels)) {
      const inChannel = isObject(channel) && isObject(channel.messages) ? channel.messages : {};
      for (const key of Object.keys(inChannel)) add(inChannel[key], child(child(child('/channels', name), 'messages'), key));
    }
  }
  if (messages.size === 0) findings.error('no-data', '', 'the document describes no messages (channels.*.messages or components.messages)');
  return [...messages].map(([pointer, message]) => messageEvent(document, message, pointer, findings));
}

function messageEvent(document: unknown, message: Record<string, unknown>, pointer: string, findings: Findings): FoundEvent {
  let payload: unknown = message.payload;
  let payloadPointer = child(pointer, 'payload');
  if (isObject(payload) && payload.schema !== undefined) {
    const format = String(payload.schemaFormat ?? '');
    if (!SCHEMA_FORMATS.test(format)) {
      findings.error(
        'unsupported-source',
        child(payloadPointer, 'schemaFormat'),
        `schema format ${JSON.stringify(format)} is not JSON Schema or AsyncAPI Schema`,
      );
    }
    payload = payload.schema;
    payloadPointer = child(payloadPointer, 'schema');
  }
  mixedDrafts(payload, payloadPointer, findings);
  const properties = propertiesOf(document, payload, payloadPointer, findings);
  const fromPayload = (name: string) => {
    const property = properties.get(name);
    return property ? fixedValue(document, property.node) : undefined;
  };
  const typeValue = fromPayload('eventType')?.value;
  const eventType = isEventType(typeValue) ? typeValue : isEventType(message.name) ? message.name : undefined;
  const version = properties.get('version');
  const data = properties.get('additionalInformation');
  if (!data) findings.error('no-data', payloadPointer, 'the payload has no additionalInformation, so it does not describe an HMPPS domain event');
  const examples = Array.isArray(message.examples) ? message.examples : [];
  const title = typeof message.title === 'string' ? message.title : undefined;
  const description = [message.summary, message.description].find((d) => typeof d === 'string') as string | undefined;
  return {
    pointer,
    ...(eventType === undefined ? {} : { eventType }),
    ...(version ? { version: { value: fixedValue(document, version.node)?.value, pointer: version.pointer } } : {}),
    ...(data ? { data, schemaRoot: payloadPointer } : {}),
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    examples: examples.flatMap((example, i) =>
      isObject(example) && example.payload !== undefined
        ? [
            {
              name: kebab(String(example.name ?? example.summary ?? `example-${i + 1}`)) || `example-${i + 1}`,
              envelope: example.payload,
              pointer: child(child(child(pointer, 'examples'), i), 'payload'),
            },
          ]
        : [],
    ),
    envelopeExamples: { id: fromPayload('id')?.value, occurredAt: fromPayload('occurredAt')?.value },
  };
}

/** Warns where one payload schema uses both draft-07 `definitions` and 2020-12 `$defs`. */
function mixedDrafts(payload: unknown, pointer: string, findings: Findings): void {
  const found: Record<string, string> = {};
  const visit = (node: unknown, where: string, depth: number) => {
    if (!isObject(node) || depth > 32) return;
    for (const key of ['definitions', '$defs']) if (Object.hasOwn(node, key) && found[key] === undefined) found[key] = child(where, key);
    for (const [key, value] of Object.entries(node)) if (key !== 'examples' && key !== 'example') visit(value, child(where, key), depth + 1);
  };
  visit(payload, pointer, 0);
  if (found.definitions !== undefined && found.$defs !== undefined) {
    findings.warning(
      'mixed-drafts',
      found.definitions,
      `draft-07 definitions beside 2020-12 $defs (${found.$defs}): the schema mixes drafts; references to either are followed`,
    );
  }
}
