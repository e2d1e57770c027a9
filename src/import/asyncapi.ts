/**
 * AsyncAPI 3 message specs: the one-file-per-event message objects HMPPS
 * teams keep, and a service's document whose messages are written inline,
 * as local `$ref`s, or as `$ref`s to message files beside it. Each message's
 * payload describes the whole notification, an HMPPS envelope; its
 * `additionalInformation` is the data. The event type is the payload's
 * `eventType` (a const, a one-value enum or an example), else the message's
 * name.
 */
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parsePointer } from '../runtime/json-pointer.js';
import { isRecord } from '../runtime/own-properties.js';
import { kebab } from '../schema/names.js';
import { type FoundEvent, fixedValue, isEventType, propertiesOf } from './contract.js';
import type { Findings } from './findings.js';
import { at, child, readSource, type Source } from './source.js';

const SCHEMA_FORMATS = /^application\/(?:vnd\.aai\.asyncapi(?:\+json|\+yaml)?|schema\+json|schema\+yaml)(?:;|$)/u;

/** The events of an AsyncAPI document or message object. A message in another file is read from that file, and its findings point into it. */
export function asyncApiEvents(source: Source, findings: Findings): FoundEvent[] {
  const { document } = source;
  if (source.kind === 'message') return [messageEvent(source, document, '', findings)];
  const messages = new Map<string, { source: Source; message: Record<string, unknown>; pointer: string }>();
  const visited = new Set<string>();
  const add = (node: unknown, pointer: string) => {
    let message = node;
    let where = pointer;
    let from = source;
    // A channel's message refers to a component, which may refer to a file: followed to the message itself, each step once.
    for (let hops = 0; isRecord(message) && typeof message.$ref === 'string'; hops++) {
      const step = `${from.path}#${where}`;
      if (visited.has(step)) return;
      visited.add(step);
      const ref = message.$ref;
      const target = hops < 8 ? messageReference(from, ref, child(where, '$ref'), findings) : undefined;
      if (target === undefined) return;
      ({ source: from, pointer: where } = target);
      message = at(from.document, where);
      if (!isRecord(message)) {
        findings.error('unresolved-ref', child(pointer, '$ref'), `${JSON.stringify(ref)} names no message object`);
        return;
      }
    }
    const key = `${from.path}#${where}`;
    if (isRecord(message) && !messages.has(key)) messages.set(key, { source: from, message, pointer: where });
  };
  const components = at(document, '/components/messages');
  if (isRecord(components)) for (const key of Object.keys(components)) add(components[key], child('/components/messages', key));
  const channels = document.channels;
  if (isRecord(channels)) {
    for (const [name, channel] of Object.entries(channels)) {
      const inChannel = isRecord(channel) && isRecord(channel.messages) ? channel.messages : {};
      for (const key of Object.keys(inChannel)) add(inChannel[key], child(child(child('/channels', name), 'messages'), key));
    }
  }
  if (messages.size === 0 && findings.list.length === 0)
    findings.error('no-data', '', 'the document describes no messages (channels.*.messages or components.messages)');
  const producer = isRecord(document.info) && typeof document.info.title === 'string' ? document.info.title : undefined;
  return [...messages.values()].map(({ source: from, message, pointer }) => {
    const outer = findings.file;
    findings.file = from.file;
    const event = messageEvent(from, message, pointer, findings);
    findings.file = outer;
    return producer === undefined ? event : { ...event, producer };
  });
}

/**
 * Where a message `$ref` leads: a pointer in this document (`#/…`), or a
 * message file by path relative to this one (`./x.yaml`, `./x.yaml#/…`).
 * A remote reference is reported and not fetched.
 */
function messageReference(source: Source, ref: string, pointer: string, findings: Findings): { source: Source; pointer: string } | undefined {
  if (ref.startsWith('#')) return { source, pointer: decodeURIComponent(ref.slice(1)) };
  if (/^[a-z][a-z0-9+.-]*:/iu.test(ref)) {
    findings.error(
      'external-ref',
      pointer,
      `${JSON.stringify(ref)} is a remote reference, which import does not fetch; import a local copy of the message file`,
    );
    return undefined;
  }
  const [path = '', fragment = ''] = ref.split('#', 2);
  const file = join(dirname(source.file), decodeURIComponent(path));
  let target: Source;
  try {
    target = readSource(resolve(dirname(source.path), decodeURIComponent(path)), file);
  } catch (error) {
    const why = error instanceof ConfigError ? error.message : String(error);
    findings.error('unresolved-ref', pointer, `${JSON.stringify(ref)} cannot be read: ${why}`);
    return undefined;
  }
  try {
    parsePointer(decodeURIComponent(fragment));
  } catch {
    findings.error('unresolved-ref', pointer, `${JSON.stringify(ref)} has a fragment that is not a JSON Pointer`);
    return undefined;
  }
  return { source: target, pointer: decodeURIComponent(fragment) };
}

function messageEvent(source: Source, message: Record<string, unknown>, pointer: string, findings: Findings): FoundEvent {
  const { document } = source;
  let payload: unknown = message.payload;
  let payloadPointer = child(pointer, 'payload');
  if (isRecord(payload) && payload.schema !== undefined) {
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
  let properties = propertiesOf(document, payload, payloadPointer, findings);
  const nested = properties.get('properties');
  if (properties.size === 1 && nested !== undefined && isRecord(nested.node) && Object.values(nested.node).every(isRecord)) {
    // properties: { properties: { eventType: … } }: the envelope's fields, one level too deep.
    findings.warning('nested-properties', nested.pointer, '"properties" is nested twice; the inner one is read as the payload\'s properties');
    properties = propertiesOf(document, { properties: nested.node }, child(payloadPointer, 'properties'), findings);
  }
  const fromPayload = (name: string) => {
    const property = properties.get(name);
    return property ? fixedValue(document, property.node) : undefined;
  };
  const typeValue = fromPayload('eventType')?.value;
  // The payload's eventType, else the message's name; one that breaks the naming rule is kept, so the finding can name it.
  const candidates = [typeValue, message.name, message.title].filter((v): v is string => typeof v === 'string' && /^[^\s.]+(?:\.[^\s.]+)+$/u.test(v));
  const eventType = candidates.find(isEventType) ?? candidates[0];
  const version = properties.get('version');
  const data = properties.get('additionalInformation');
  const examples = Array.isArray(message.examples) ? message.examples : [];
  const title = typeof message.title === 'string' ? message.title : undefined;
  const description = [message.summary, message.description].find((d) => typeof d === 'string') as string | undefined;
  return {
    source,
    pointer,
    ...(typeof message.name === 'string' ? { name: message.name } : {}),
    ...(eventType === undefined ? {} : { eventType }),
    ...(version ? { version: { value: fixedValue(document, version.node)?.value, pointer: version.pointer } } : {}),
    ...(data ? { data } : {}),
    schemaRoot: payloadPointer,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    examples: examples.flatMap((example, i) =>
      isRecord(example) && example.payload !== undefined
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
    if (!isRecord(node) || depth > 32) return;
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
