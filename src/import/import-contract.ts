/**
 * `domain-events import`: turns an existing contract (an AsyncAPI 3 message
 * spec or an OpenAPI 3.0 document of detail envelopes) into catalogue
 * entries under `schemas/`: `event.json`, `v1.schema.json` and examples.
 * Each event is written only when it converted without errors; everything
 * found on the way is returned as findings with JSON Pointers into the
 * source.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { jsonText } from '../catalogue/json-file.js';
import type { JsonSchemaObject } from '../catalogue/model.js';
import { schemaIdOf } from '../catalogue/schema-id.js';
import { contractTitle, kebab } from '../codegen/names.js';
import { UsageError } from '../errors.js';
import { asyncApiEvents } from './asyncapi.js';
import { type FoundEvent, isEventType } from './contract.js';
import { convertData, pascal } from './convert-schema.js';
import { assembleExample } from './example.js';
import { type Finding, Findings } from './findings.js';
import { openApiEvents } from './openapi.js';
import { readSharedSchemas, type SharedSchemaFile } from './shared-match.js';
import { isObject, readSource, type Source, type SourceKind } from './source.js';

export interface ImportOptions {
  /** The directory paths are relative to (the current directory, for the CLI). */
  readonly root: string;
  /** The contract to import. */
  readonly file: string;
  /** The catalogue to write into. Default `schemas`. */
  readonly out?: string;
  /** The event type, for a file that describes one event. Default: read from the source. */
  readonly eventType?: string;
  /** Report what would be written, and write nothing. Default false. */
  readonly dryRun?: boolean;
  /** The producing service for `event.json`. Default: the source's `info.title`, in kebab case. */
  readonly producer?: string;
  /** The owning team for `event.json`. Default: the source's `info.contact.name`, else the producer. */
  readonly owner?: string;
}

export interface ImportedFile {
  /** Relative to `root`. */
  readonly path: string;
  readonly content: string;
}

export interface ImportedEvent {
  readonly eventType: string;
  readonly files: readonly ImportedFile[];
  /** False for a dry run, and for an event with errors (which is never written). */
  readonly written: boolean;
}

export interface ImportResult {
  readonly source: string;
  readonly kind: SourceKind;
  readonly events: readonly ImportedEvent[];
  readonly findings: readonly Finding[];
}

export function importContract(options: ImportOptions): ImportResult {
  const source = readSource(resolve(options.root, options.file), options.file);
  const findings = new Findings();
  const found = source.kind === 'asyncapi' ? asyncApiEvents(source.document, findings) : openApiEvents(source.document, findings);
  if (options.eventType !== undefined && found.length !== 1) {
    throw new UsageError(`--event-type names the event of a file that describes one; ${options.file} describes ${found.length}`);
  }
  const catalogue = resolve(options.root, options.out ?? 'schemas');
  // Paths in the result are relative to the root, with forward slashes, whatever the machine.
  const outDir = relative(options.root, catalogue).split(sep).join('/') || '.';
  const shared = readSharedSchemas(catalogue);
  const taken = takenNames(catalogue, shared);
  const events: ImportedEvent[] = [];
  for (const event of found) {
    const mark = findings.list.length;
    const entry = convertEvent(source, event, options, findings, shared, taken, outDir);
    if (!entry) continue;
    const ok = findings.errorsSince(mark) === 0;
    const write = ok && options.dryRun !== true;
    if (write) {
      for (const file of entry.files) {
        const path = resolve(options.root, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
      }
    }
    events.push({ ...entry, written: write });
  }
  findings.eventType = undefined;
  return { source: options.file, kind: source.kind, events, findings: findings.list };
}

function convertEvent(
  source: Source,
  event: FoundEvent,
  options: ImportOptions,
  findings: Findings,
  shared: readonly SharedSchemaFile[],
  taken: ReadonlySet<string>,
  outDir: string,
): Omit<ImportedEvent, 'written'> | undefined {
  const eventType = options.eventType ?? event.eventType;
  findings.eventType = eventType;
  if (!isEventType(eventType)) {
    findings.error(
      'event-type',
      event.pointer,
      eventType === undefined
        ? 'cannot tell the event type (no eventType const, enum or example, and no name of that form); pass --event-type'
        : `${JSON.stringify(eventType)} is not an event type name (<domain>.<entity>.<past-tense verb>, lower case)`,
    );
    return undefined;
  }
  if (event.version && event.version.value !== undefined && event.version.value !== 1) {
    findings.warning(
      'version',
      event.version.pointer,
      `the source says version ${JSON.stringify(event.version.value)}; a new event type starts at version 1 here`,
    );
  }
  if (existsSync(resolve(options.root, outDir, eventType))) {
    findings.error('exists', event.pointer, `${outDir}/${eventType} already exists; import makes new event types (use bump for a new version)`);
    return undefined;
  }
  const base = pascal(eventType);
  if (taken.has(base)) {
    findings.error('exists', event.pointer, `the type name ${base} is already used in the catalogue`);
    return undefined;
  }
  if (!event.data) return undefined;
  const title = contractTitle(base, 'notification', 1);
  const reserved = new Set([...taken, title, base]);
  const converted = convertData(event.data.node, event.data.pointer, {
    document: source.document,
    kind: source.kind,
    findings,
    shared,
    reserved,
    base,
    ...(event.schemaRoot === undefined ? {} : { schemaRoot: event.schemaRoot }),
  });
  if (!converted) return undefined;

  const schema: JsonSchemaObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaIdOf(eventType, 'notification', 1),
    title,
    ...converted.schema,
    ...(Object.keys(converted.defs).length > 0 ? { $defs: converted.defs } : {}),
  };
  const dir = `${outDir}/${eventType}`;
  const files: ImportedFile[] = [
    { path: `${dir}/event.json`, content: jsonText(metadata(source, event, eventType, options, findings)) },
    { path: `${dir}/notification/v1.schema.json`, content: jsonText(schema) },
  ];
  for (const example of examplesOf(event, eventType, schema, converted.resolve, findings)) {
    files.push({ path: `${dir}/examples/notification.v1.${example.name}.valid.json`, content: jsonText(example.envelope) });
  }
  return { eventType, files };
}

function metadata(source: Source, event: FoundEvent, eventType: string, options: ImportOptions, findings: Findings): Record<string, unknown> {
  const info = isObject(source.document.info) ? source.document.info : {};
  const producer = options.producer ?? (kebab(String(info.title ?? '')) || 'unknown-producer');
  const contact = isObject(info.contact) && typeof info.contact.name === 'string' ? info.contact.name : undefined;
  const title = event.title ?? sentence(eventType);
  let description = event.description;
  if (description === undefined) {
    findings.warning('metadata', event.pointer, 'the source has no description of the event; event.json says only its title: write one');
    description = `${title}.`;
  }
  return {
    $schema: '../_meta/event.schema.json',
    eventType,
    title,
    description: description.trim(),
    owner: options.owner ?? contact ?? producer,
    producers: [producer],
    consumers: [],
    status: 'draft',
    ...(event.detailUrl === undefined ? {} : { detailUrl: event.detailUrl }),
    timeline: { '1': title },
  };
}

function examplesOf(
  event: FoundEvent,
  eventType: string,
  schema: JsonSchemaObject,
  resolve: (ref: string) => JsonSchemaObject | undefined,
  findings: Findings,
) {
  const out: Array<{ name: string; envelope: unknown }> = [];
  const names = new Set<string>();
  for (const example of event.examples) {
    const version = isObject(example.envelope) ? example.envelope.version : undefined;
    if (version !== undefined && version !== 1) {
      findings.warning('example', example.pointer, `the example is at version ${JSON.stringify(version)}; only version 1 examples are imported`);
      continue;
    }
    let name = example.name || 'example';
    for (let n = 2; names.has(name); n++) name = `${example.name}-${n}`;
    names.add(name);
    out.push({ name, envelope: example.envelope });
  }
  if (out.length > 0) return out;
  const data = assembleExample(schema, resolve);
  const { id, occurredAt } = event.envelopeExamples;
  if (data === undefined || typeof occurredAt !== 'string') {
    findings.notice(
      'example',
      event.pointer,
      'no complete example in the source (a whole message, or an example for every required field and the time); add one by hand',
    );
    return out;
  }
  const envelope: Record<string, unknown> = {};
  if (typeof id === 'string') envelope.id = id;
  envelope.eventType = eventType;
  envelope.version = 1;
  envelope.occurredAt = occurredAt;
  envelope.additionalInformation = data;
  findings.notice('example', event.pointer, 'the example was assembled from the examples of each field');
  return [{ name: 'assembled', envelope }];
}

/** Type names the catalogue already uses: shared titles and each event type's base name. */
function takenNames(catalogue: string, shared: readonly SharedSchemaFile[]): Set<string> {
  const names = new Set(shared.map((s) => s.title));
  names.add('Envelope');
  if (!existsSync(catalogue)) return names;
  for (const dir of readdirSync(catalogue)) {
    for (const contract of ['notification', 'detail']) {
      const file = join(catalogue, dir, contract, 'v1.schema.json');
      if (!existsSync(file)) continue;
      try {
        const title = (JSON.parse(readFileSync(file, 'utf8')) as { title?: unknown }).title;
        if (typeof title === 'string') names.add(title.replace(/(?:Notification|Detail)V1$/u, ''));
      } catch {
        // generate and check report an unreadable schema; here it only cannot claim a name.
      }
    }
  }
  return names;
}

const sentence = (eventType: string): string => {
  const words = eventType.replaceAll('.', ' ').replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
