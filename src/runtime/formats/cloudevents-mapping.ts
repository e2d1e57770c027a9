/**
 * The mapping between the envelope and CloudEvents 1.0 attributes, shared by
 * structured and binary mode. Every envelope field survives a round trip:
 *
 * | envelope | CloudEvents |
 * |---|---|
 * | `id` | `id` |
 * | `producer` | `source` |
 * | `eventType` | `type` |
 * | `occurredAt` | `time`, written as it is |
 * | `version` | `dataschema`: the notification version's schema `$id`, `…/<event type>/notification/v<version>.schema.json` |
 * | `personReference` | `subject` = the CRN, and extensions `noms` and `pnc`; any other list of identifiers travels whole as JSON in `personreference` (with `subject` still the first CRN) |
 * | `traceparent` | `traceparent` (the Distributed Tracing extension) |
 * | `publishedAt`, `requestId`, `correlationId`, `description`, `detailUrl` | extensions `publishedat`, `requestid`, `correlationid`, `description`, `detailurl` |
 * | `additionalInformation` | `data`, with `datacontenttype: application/json` |
 * | any other field | an extension of the same name when the name is lower-case letters and digits and the value a string; otherwise inside the JSON object in `otherfields` |
 *
 * CloudEvents requires `id` and `source`, which the envelope may lack (older
 * producers send neither). Then `id` is derived from the event's content (the
 * same event always gets the same id, so duplicates stay recognisable),
 * `source` is the catalogue's base URI, and the extension `filledin` names
 * the fields filled in (`id`, `producer`), so reading the event back leaves
 * them out again.
 *
 * The data stays exactly the version's data, so `dataschema` describes it.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 */

import type { EnvelopeLike } from '../envelope.js';
import { isEnvelopeField } from '../envelope.js';
import { contractError, type IssueInput } from '../errors.js';
import { escapePointer, unescapePointer } from '../json-pointer.js';
import { describeValue, typeName } from '../messages.js';
import { isRecord } from '../own-properties.js';
import { SCHEMA_ID_BASE, schemaIdOf } from '../schema-id.js';
import { type PersonOrigin, personAttributes, readPersonReference } from './cloudevents-person.js';
import { type DecodeContext, type FormatDecoded, failWith } from './format.js';

/** Envelope fields carried by a string extension attribute, as [attribute, field]. */
const EXTENSIONS = [
  ['traceparent', 'traceparent'],
  ['publishedat', 'publishedAt'],
  ['requestid', 'requestId'],
  ['correlationid', 'correlationId'],
  ['description', 'description'],
  ['detailurl', 'detailUrl'],
] as const;

/** Attributes this mapping gives a meaning; no other envelope field may take their names. */
const MAPPED: ReadonlySet<string> = new Set([
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'subject',
  'dataschema',
  'datacontenttype',
  'data',
  'data_base64',
  'noms',
  'pnc',
  'personreference',
  'otherfields',
  'filledin',
  ...EXTENSIONS.map(([attribute]) => attribute),
]);

/** Where a field that is absent from the input would have come from. */
const ATTRIBUTE_OF: Readonly<Record<string, string>> = {
  id: 'id',
  producer: 'source',
  eventType: 'type',
  occurredAt: 'time',
  version: 'dataschema',
  personReference: 'subject',
  additionalInformation: 'data',
  ...Object.fromEntries(EXTENSIONS.map(([attribute, field]) => [field, attribute])),
};

const EXTENSION_NAME = /^[a-z0-9]+$/u;
const JSON_MEDIA_TYPE = /^(?:application|text)\/(?:[a-z0-9.+-]+\+)?json$/u;

/** Is this `datacontenttype` (or `Content-Type`) JSON, in any of its spellings? */
export function isJsonMediaType(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const [type = '', ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  return JSON_MEDIA_TYPE.test(type) && parameters.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/**
 * The context attributes of `event` (everything but `data`), in the order
 * they are written. Throws a `ContractError` when a field that becomes a
 * string attribute holds something else (the event was not validated).
 */
export function attributesOf(event: EnvelopeLike): Record<string, string> {
  const issues: IssueInput[] = [];
  for (const field of ['id', 'producer', 'eventType', 'occurredAt', ...EXTENSIONS.map(([, f]) => f)] as const) {
    const value = event[field];
    if (value !== undefined && typeof value !== 'string')
      issues.push({ code: 'invalid_type', path: `/${field}`, expected: 'string', received: typeName(value) });
  }
  if (issues.length > 0) throw contractError('invalid_event', issues);

  const filled: string[] = [];
  if (event.id === undefined) filled.push('id');
  if (event.producer === undefined) filled.push('producer');
  const out: Record<string, string> = {
    specversion: '1.0',
    id: event.id ?? contentId(event),
    source: event.producer ?? SCHEMA_ID_BASE,
    type: event.eventType,
    time: event.occurredAt,
  };
  const person = personAttributes(event.personReference);
  if (person.subject !== undefined) out.subject = person.subject;
  out.dataschema = schemaIdOf(event.eventType, 'notification', event.version);
  out.datacontenttype = 'application/json';
  for (const [attribute, field] of EXTENSIONS) {
    const value = event[field];
    if (value !== undefined) out[attribute] = value;
  }
  if (person.noms !== undefined) out.noms = person.noms;
  if (person.pnc !== undefined) out.pnc = person.pnc;
  if (person.personreference !== undefined) out.personreference = person.personreference;
  // A comma, not a space, so the value needs no percent-encoding in an HTTP header.
  if (filled.length > 0) out.filledin = filled.join(',');
  const others: Array<[string, unknown]> = [];
  for (const key of Object.keys(event)) {
    if (isEnvelopeField(key)) continue;
    const value = (event as unknown as Record<string, unknown>)[key];
    if (EXTENSION_NAME.test(key) && !MAPPED.has(key) && typeof value === 'string') out[key] = value;
    else if (value !== undefined) others.push([key, value]);
  }
  // fromEntries defines own properties, so even a key named "__proto__" is kept as data.
  if (others.length > 0) out.otherfields = JSON.stringify(Object.fromEntries(others));
  return out;
}

/** One attribute as found in the input, with the JSON Pointer to where it was. */
export interface Found {
  readonly value: unknown;
  readonly path: string;
}

/** A CloudEvent as one of its modes lays it out, before it is mapped to an envelope. */
export interface CloudEventInput {
  /** Context attributes by name; values are as found (strings in binary mode). */
  readonly attributes: ReadonlyMap<string, Found>;
  /** The data, decoded from its text where it came as text; undefined when the event has none. */
  readonly data: Found | undefined;
  /** Where an attribute that is absent would have been, for issue paths. */
  pathFor(attribute: string): string;
  /** Where the event as a whole is. */
  readonly root: string;
}

/** Maps a CloudEvent onto an envelope candidate, which the parser then validates. */
export function envelopeOf(input: CloudEventInput, context: DecodeContext): FormatDecoded {
  const get = (name: string): Found | undefined => {
    const found = input.attributes.get(name);
    return found === undefined || found.value === undefined ? undefined : found;
  };
  const spec = get('specversion');
  if (spec?.value !== '1.0') {
    return failWith({
      code: 'invalid_input',
      path: spec?.path ?? input.pathFor('specversion'),
      expected: 'specversion "1.0"',
      received: describeValue(spec?.value),
    });
  }
  const contentType = get('datacontenttype');
  if (contentType && !isJsonMediaType(contentType.value)) {
    return failWith({
      code: 'invalid_input',
      path: contentType.path,
      expected: 'a JSON datacontenttype, such as application/json',
      received: describeValue(contentType.value),
    });
  }

  // CloudEvents requires these; a producer that left them out did not write a CloudEvent.
  for (const name of ['id', 'source'] as const) {
    const found = get(name);
    if (typeof found?.value !== 'string' || found.value === '') {
      return failWith({
        code: 'invalid_input',
        path: found?.path ?? input.pathFor(name),
        expected: `a ${name} attribute, which CloudEvents requires`,
        received: describeValue(found?.value),
      });
    }
  }
  const filled = filledIn(get('filledin'));
  if (!Array.isArray(filled)) return failWith(filled);
  const envelope: Record<string, unknown> = {};
  const origins = new Map<string, string>();
  const put = (field: string, found: Found | undefined) => {
    if (found === undefined || filled.includes(field)) return;
    Object.defineProperty(envelope, field, { value: found.value, enumerable: true, writable: true, configurable: true });
    origins.set(field, found.path);
  };
  const extension = (field: string) => get(ATTRIBUTE_OF[field] as string);
  // Written in the envelope's own field order, so a parsed event reads like an hmpps one.
  put('id', get('id'));
  put('publishedAt', extension('publishedAt'));
  put('producer', get('source'));
  put('requestId', extension('requestId'));
  put('correlationId', extension('correlationId'));
  put('traceparent', extension('traceparent'));
  put('eventType', get('type'));
  const schema = get('dataschema');
  if (schema) {
    const version = versionIn(schema.value, envelope.eventType);
    if (typeof version !== 'number') return failWith({ ...version, path: schema.path });
    put('version', { value: version, path: schema.path });
  }
  put('occurredAt', get('time'));
  put('description', extension('description'));
  put('detailUrl', extension('detailUrl'));
  const person = readPersonReference(get, context);
  if (!person.ok) return person;
  if (person.value !== undefined) envelope.personReference = person.value;
  put('additionalInformation', input.data);

  for (const [name, found] of input.attributes) {
    if (MAPPED.has(name) || found.value === undefined) continue;
    if (isEnvelopeField(name)) {
      return failWith({
        code: 'invalid_input',
        path: found.path,
        detail: `the extension attribute ${JSON.stringify(name)} has the name of an envelope field that travels elsewhere`,
      });
    }
    put(name, found);
  }
  const others = get('otherfields');
  if (others) {
    const problem = putOthers(others, envelope, context, put);
    if (problem) return failWith(problem);
  }
  return { ok: true, envelope, pathOf: (pointer) => inputPath(pointer, input, origins, person.origin) };
}

/** The fields `filledin` names, or the issue with it. */
function filledIn(found: Found | undefined): string[] | IssueInput {
  if (found === undefined) return [];
  const fields = typeof found.value === 'string' ? found.value.split(',') : [];
  if (fields.length === 0 || !fields.every((f) => f === 'id' || f === 'producer')) {
    return {
      code: 'invalid_input',
      path: found.path,
      expected: 'the fields filled in: "id", "producer" or "id,producer"',
      received: describeValue(found.value),
    };
  }
  return fields;
}

/**
 * An id for an event that has none: the 128-bit FNV-1a hash of its JSON,
 * written as a UUID (version 8, "custom", RFC 9562), so the same event
 * always gets the same id.
 */
function contentId(event: EnvelopeLike): string {
  const text = JSON.stringify(event);
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x1000000000000000000013bn) & 0xffffffffffffffffffffffffffffffffn;
  const hex = hash.toString(16).padStart(32, '0');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function putOthers(
  found: Found,
  envelope: Record<string, unknown>,
  context: DecodeContext,
  put: (field: string, found: Found) => void,
): IssueInput | undefined {
  let value = found.value;
  if (typeof value === 'string') {
    const decoded = context.json(value, found.path);
    if (!decoded.ok) return decoded.issue;
    value = decoded.value;
  }
  if (!isRecord(value)) return { code: 'invalid_input', path: found.path, expected: 'a JSON object of envelope fields', received: typeName(value) };
  for (const key of Object.keys(value)) {
    const path = `${found.path}/${escapePointer(key)}`;
    if (isEnvelopeField(key) || Object.hasOwn(envelope, key)) {
      return { code: 'invalid_input', path, detail: `${JSON.stringify(key)} is already given by another attribute` };
    }
    put(key, { value: value[key], path });
  }
  return undefined;
}

/** The version named by a `dataschema`, or the issue with it. */
function versionIn(dataschema: unknown, eventType: unknown): number | Omit<IssueInput, 'path'> {
  const match = typeof dataschema === 'string' ? /^(.+)\/notification\/v([1-9][0-9]{0,2})\.schema\.json$/u.exec(dataschema) : null;
  const base = match?.[1];
  if (!match || base === undefined || !base.startsWith(SCHEMA_ID_BASE)) {
    return {
      code: 'invalid_input',
      expected: `the $id of a notification version's schema, ${SCHEMA_ID_BASE}<event type>/notification/v<version>.schema.json`,
      received: describeValue(dataschema),
    };
  }
  const schemaType = base.slice(SCHEMA_ID_BASE.length);
  if (typeof eventType === 'string' && schemaType !== eventType) {
    return {
      code: 'event_type_mismatch',
      expected: `${JSON.stringify(eventType)} (the type attribute)`,
      received: `${JSON.stringify(schemaType)} (in dataschema)`,
    };
  }
  return Number(match[2]);
}

/** Maps a pointer into the envelope to the place in the input it came from. */
function inputPath(pointer: string, input: CloudEventInput, origins: ReadonlyMap<string, string>, person: PersonOrigin | undefined): string {
  if (pointer === '') return input.root;
  const end = pointer.indexOf('/', 1);
  const head = unescapePointer(end < 0 ? pointer.slice(1) : pointer.slice(1, end));
  const rest = end < 0 ? '' : pointer.slice(end);
  if (head === 'personReference' && person) return person(rest);
  const origin = origins.get(head);
  if (origin !== undefined) return origin + rest;
  const attribute = ATTRIBUTE_OF[head];
  return attribute === undefined ? input.root + pointer : input.pathFor(attribute);
}
