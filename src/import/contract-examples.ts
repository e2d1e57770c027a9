/**
 * The contracts an import writes and their examples: the contract the source
 * describes (a notification, or a detail document with a thin notification
 * beside it), a valid example of each, taken from the source where it gives
 * one that fits and assembled from its fields' examples where it does not,
 * and an invalid twin of it.
 */
import { jsonText } from '../catalogue/json-file.js';
import type { ContractKind, JsonSchemaObject, SchemaFile } from '../catalogue/model.js';
import { rejection } from '../compat/accepts.js';
import { normalise } from '../compat/normalise.js';
import { isRecord } from '../runtime/own-properties.js';
import { schemaIdOf } from '../runtime/schema-id.js';
import { STRING_FORMATS } from '../runtime/string-formats.js';
import { contractTitle } from '../schema/names.js';
import type { FoundEvent } from './contract.js';
import { assembleExample, FORMAT_SAMPLES } from './example.js';
import { withUtcOffset } from './example-values.js';
import type { Findings } from './findings.js';
import type { SharedFile } from './shared-definitions.js';
import type { SharedSchemaFile } from './shared-match.js';

/**
 * The document each contract's examples are: a notification, whose data is
 * `additionalInformation` (AsyncAPI message specs describe these), or a
 * detail document, whose data is `eventDetails` (OpenAPI envelopes describe
 * these; the notification that points at one is thin).
 */
/** A file the import writes: a schema, an example or a changeset. */
export interface ImportedFile {
  /** Relative to the catalogue's root. */
  readonly path: string;
  readonly content: string;
}

export interface ContractShape {
  readonly kind: ContractKind;
  readonly dataField: 'additionalInformation' | 'eventDetails';
  readonly timeField: 'occurredAt' | 'timestamp';
  document(eventType: string, id: unknown, time: string, data: unknown): Record<string, unknown>;
}

export const NOTIFICATION: ContractShape = {
  kind: 'notification',
  dataField: 'additionalInformation',
  timeField: 'occurredAt',
  document: (eventType, id, time, data) => ({
    ...(typeof id === 'string' ? { id } : {}),
    eventType,
    version: 1,
    occurredAt: time,
    additionalInformation: data,
  }),
};

export const DETAIL: ContractShape = {
  kind: 'detail',
  dataField: 'eventDetails',
  timeField: 'timestamp',
  document: (eventType, id, time, data) => ({
    id: typeof id === 'string' ? id : FORMAT_SAMPLES.uuid,
    timestamp: time,
    eventType,
    eventDetails: data,
  }),
};

/**
 * The thin notification of an event whose source describes only its detail
 * document: data with no properties (readers keep and report what a real one
 * carries), and examples that point at the detail document.
 */
export function thinNotification(
  event: FoundEvent,
  eventType: string,
  base: string,
  dir: string,
  detail: Record<string, unknown> | undefined,
  findings: Findings,
): ImportedFile[] {
  findings.notice(
    'no-data',
    event.pointer,
    'the source describes the detail document only: the notification is written with additionalInformation of no properties; describe what the producer puts in it',
  );
  const schema: JsonSchemaObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaIdOf(eventType, 'notification', 1),
    title: contractTitle(base, 'notification', 1),
    description: `The additionalInformation of the ${eventType} notification, which the source does not describe: the event's data is the detail document served at detailUrl.`,
    type: 'object',
    additionalProperties: false,
    properties: {},
  };
  const files = [{ path: `${dir}/notification/v1.schema.json`, content: jsonText(schema) }];
  if (detail === undefined) return files;
  const url = event.detailUrl?.replace('{id}', String(detail.id));
  const notification = {
    eventType,
    version: 1,
    occurredAt: detail.timestamp,
    ...(url === undefined ? {} : { detailUrl: url }),
    additionalInformation: {},
  };
  files.push({ path: `${dir}/examples/notification.v1.points-at-detail.valid.json`, content: jsonText(notification) });
  files.push({
    path: `${dir}/examples/notification.v1.data-not-an-object.invalid.json`,
    content: jsonText({ ...notification, additionalInformation: 'not an object' }),
  });
  return files;
}

/** The example's time as readers take it: RFC 3339 with an offset (one written without is taken as UTC, saying so). */
function occurredAtOf(value: unknown, pointer: string, findings: Findings): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (STRING_FORMATS['date-time'](value)) return value;
  const fixed = withUtcOffset(value);
  if (fixed !== undefined) {
    findings.warning(
      'example',
      pointer,
      `the example time ${JSON.stringify(value)} has no UTC offset, which readers refuse; written as ${JSON.stringify(fixed)} (UTC)`,
    );
    return fixed;
  }
  findings.warning('example', pointer, `the example time ${JSON.stringify(value)} is not an RFC 3339 date-time; not used`);
  return undefined;
}

/** Why the converted schema rejects a data value (a JSON Pointer from the envelope's root, and a message), or undefined when it accepts it. */
export type DataJudge = (data: unknown) => { path: string; message: string } | undefined;

export function dataJudge(
  schema: JsonSchemaObject,
  file: string,
  at: string,
  existing: readonly SharedSchemaFile[],
  written: readonly SharedFile[],
): DataJudge {
  const documents = new Map<string, SchemaFile>();
  for (const shared of existing) documents.set(shared.id, { file: shared.name, id: shared.id, json: shared.json });
  for (const shared of written) documents.set(String(shared.schema.$id), { file: shared.name, id: String(shared.schema.$id), json: shared.schema });
  const normal = normalise({ file, id: String(schema.$id), json: schema }, documents).schema;
  return (data) => rejection(normal, data, at);
}

export function validExamples(
  event: FoundEvent,
  eventType: string,
  shape: ContractShape,
  schema: JsonSchemaObject,
  resolveRef: (ref: string) => JsonSchemaObject | undefined,
  judge: DataJudge,
  findings: Findings,
): Array<{ name: string; document: Record<string, unknown> }> {
  const out: Array<{ name: string; document: Record<string, unknown> }> = [];
  const names = new Set<string>();
  for (const example of event.examples) {
    const document = isRecord(example.envelope) ? { ...example.envelope } : undefined;
    if (document === undefined) {
      findings.warning('example', example.pointer, 'the example is not an object; not used');
      continue;
    }
    if (shape === NOTIFICATION && document.version !== undefined && document.version !== 1) {
      findings.warning('example', example.pointer, `the example is at version ${JSON.stringify(document.version)}; only version 1 examples are imported`);
      continue;
    }
    const time = occurredAtOf(document[shape.timeField], `${example.pointer}/${shape.timeField}`, findings);
    if (time === undefined) continue;
    document[shape.timeField] = time;
    const rejected = judge(document[shape.dataField]);
    if (rejected) {
      findings.warning('example', example.pointer, `the example contradicts the schema at ${rejected.path} (${rejected.message}); not used`);
      continue;
    }
    let name = example.name || 'example';
    for (let n = 2; names.has(name); n++) name = `${example.name}-${n}`;
    names.add(name);
    out.push({ name, document });
  }
  if (out.length > 0) return out;
  const data = assembleExample(schema, resolveRef);
  const time =
    occurredAtOf(event.envelopeExamples.occurredAt, `${event.schemaRoot ?? event.pointer}/properties/${shape.timeField}`, findings) ?? '2025-01-01T00:00:00Z';
  const rejected = data === undefined ? undefined : judge(data.value);
  if (rejected) {
    findings.warning(
      'example',
      event.pointer,
      `the example assembled from each field's examples is rejected at ${rejected.path} (${rejected.message}); add one by hand`,
    );
    return out;
  }
  if (data === undefined) {
    findings.notice(
      'example',
      event.pointer,
      'no complete example could be made (a required field has a pattern and no example); add a valid and an invalid one by hand',
    );
    return out;
  }
  findings.notice(
    'example',
    event.pointer,
    data.derived
      ? 'the example was assembled from the examples of each field, with values derived from the schema where a field has none: check them'
      : 'the example was assembled from the examples of each field',
  );
  return [{ name: data.derived ? 'derived' : 'assembled', document: shape.document(eventType, event.envelopeExamples.id, time, data.value) }];
}
