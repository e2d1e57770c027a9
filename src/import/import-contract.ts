/**
 * `domain-events import`: turns existing contracts into catalogue entries
 * under `schemas/`: `event.json`, the v1 schema of the contract the source
 * describes (a notification, or a detail document with a thin notification
 * beside it), a valid and an invalid example of each, and shared definitions
 * under `_shared/`.
 * It reads AsyncAPI 3 message objects (one file per event, as HMPPS keeps
 * them), AsyncAPI 3 documents (whose messages may `$ref` message files
 * beside them) and OpenAPI 3.0 documents of detail envelopes; files,
 * folders and globs alike, with one result for the whole run.
 *
 * Each event is written only when it converted without errors; everything
 * found on the way is returned as findings naming the file and the JSON
 * Pointer into it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { jsonText } from '../catalogue/json-file.js';
import { EVENT_TYPE_PATTERN } from '../catalogue/metadata.js';
import type { JsonSchemaObject } from '../catalogue/model.js';
import { readPackageInfo } from '../catalogue/package-json.js';
import type { Diagnostic } from '../diagnostic.js';
import { ConfigError, UsageError } from '../errors.js';
import { isRecord } from '../runtime/own-properties.js';
import { schemaIdOf } from '../runtime/schema-id.js';
import { type FilePlan, kebabOf, planChangeset } from '../scaffold/files.js';
import { contractTitle, kebab } from '../schema/names.js';
import { asyncApiEvents } from './asyncapi.js';
import { type FoundEvent, isEventType } from './contract.js';
import { DETAIL, dataJudge, type ImportedFile, NOTIFICATION, thinNotification, validExamples } from './contract-examples.js';
import { convertData, pascal } from './convert-schema.js';
import { invalidData } from './example.js';
import { Findings, type ImportCode } from './findings.js';
import { importInputs } from './inputs.js';
import { openApiEvents } from './openapi.js';
import { definitionsUsedBySeveral, SharedDefinitions } from './shared-definitions.js';
import { readSharedSchemas, type SharedSchemaFile } from './shared-match.js';
import { readSource, type Source, type SourceKind } from './source.js';

export interface ImportOptions {
  /** The directory paths are relative to (the current directory, for the CLI). */
  readonly root: string;
  /** The contracts to import: files, folders (every `.yaml`, `.yml` and `.json` file under them) and globs. */
  readonly files: readonly string[];
  /** The catalogue to write into. Default `schemas`. */
  readonly out?: string;
  /** The event type, for a run that finds one event. Default: read from the source. */
  readonly eventType?: string;
  /**
   * Event types to give events, by the event type the source says or the
   * name it gives the event (an OpenAPI component, an AsyncAPI message's
   * `name`): `{ 'widgets.created': 'widget-registry.widget.created' }`.
   */
  readonly eventTypeMap?: Readonly<Record<string, string>>;
  /** Report what would be written, and write nothing. Default false. */
  readonly dryRun?: boolean;
  /** The producing service for `event.json`. Default: the source's `info.title`, else the event type's first part, in kebab case. */
  readonly producer?: string;
  /** The owning team for `event.json`. Default: the source's `info.contact.name`, else the producer. */
  readonly owner?: string;
}

export interface ImportedEvent {
  /** Undefined when the event type could not be told. */
  readonly eventType: string | undefined;
  /** The file and JSON Pointer the event was read from. */
  readonly file: string;
  readonly pointer: string;
  /** True when it converted without errors (so it is written, unless this is a dry run). */
  readonly converted: boolean;
  /** Why it was not converted: its first error. */
  readonly reason?: Diagnostic<ImportCode>;
  /** The file this run imported the same event type from; this one is not imported. */
  readonly duplicateOf?: string;
  readonly files: readonly ImportedFile[];
  /** False for a dry run, and for an event with errors (which is never written). */
  readonly written: boolean;
}

export interface ImportedSource {
  readonly file: string;
  /** Undefined for a file that is not a contract this command reads. */
  readonly kind: SourceKind | undefined;
  /** The events found in it. */
  readonly events: number;
  /** Messages it names that cannot be read (a remote `$ref`, which is never fetched, or a broken one). */
  readonly unreachable: number;
}

export interface ImportSummary {
  readonly files: number;
  /** Files that are not a contract this command reads. */
  readonly unreadable: number;
  /** Messages named by a document that cannot be read. */
  readonly unreachable: number;
  /** Events found, duplicates included. */
  readonly events: number;
  /** Events of a type another file of the run describes too (the first one is imported). */
  readonly duplicates: number;
  readonly converted: number;
  /** Events not converted (duplicates aside), unreadable files and unreachable messages: each is reported with a reason and a pointer. */
  readonly notConverted: number;
  /** What share of the run converted: converted events over events (duplicates aside), unreadable files and unreachable messages, from 0 to 1. */
  readonly share: number;
}

export interface ImportResult {
  readonly sources: readonly ImportedSource[];
  readonly events: readonly ImportedEvent[];
  /** Shared definitions written to `_shared/` (or that would be, on a dry run). */
  readonly shared: readonly ImportedFile[];
  /** The changeset declaring the new event types (a minor release), when the root is a package and an event was converted. */
  readonly changeset?: ImportedFile;
  readonly findings: readonly Diagnostic<ImportCode>[];
  readonly summary: ImportSummary;
}

export function importContracts(options: ImportOptions): ImportResult {
  const inputs = importInputs(options.files, options.root);
  const catalogue = resolve(options.root, options.out ?? 'schemas');
  // Paths in the result are relative to the root, with forward slashes, whatever the machine.
  const outDir = relative(options.root, catalogue).split(sep).join('/') || '.';
  const existing = readSharedSchemas(catalogue);
  const taken = takenNames(catalogue, existing);
  const findings = new Findings();
  const sources: ImportedSource[] = [];
  const found: Array<{ event: FoundEvent; shared?: SharedDefinitions }> = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    findings.file = input.file;
    let source: Source;
    try {
      source = readSource(input.path, input.file);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      findings.error('unsupported-source', error.pointer, error.detail);
      sources.push({ file: input.file, kind: undefined, events: 0, unreachable: 0 });
      continue;
    }
    const mark = findings.list.length;
    const events = source.kind === 'openapi' ? openApiEvents(source, findings) : asyncApiEvents(source, findings);
    // A message the document names but that cannot be read (a remote or broken $ref) is one not converted.
    const unreachable = findings.list.slice(mark).filter((f) => f.severity === 'error' && (f.code === 'external-ref' || f.code === 'unresolved-ref')).length;
    const fresh = events.filter((e) => {
      const key = `${e.source.path}#${e.pointer}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    sources.push({ file: input.file, kind: source.kind, events: fresh.length, unreachable });
    const shared = sharedDefinitionsOf(source, fresh, findings, existing, taken, options);
    for (const event of fresh) found.push(shared === undefined ? { event } : { event, shared });
  }
  if (options.eventType !== undefined && found.length !== 1) {
    throw new UsageError(`--event-type names the event of a run that finds one; this one finds ${found.length} (use --event-type-map for several)`);
  }
  const map = eventTypeMap(options.eventTypeMap ?? {});
  const used = new Set<string>();
  const events: ImportedEvent[] = [];
  const names = new Set(taken);
  /** The file each event type was first found in: a later file describing it again is a duplicate. */
  const typesSeen = new Map<string, string>();
  for (const { event, shared } of found) {
    findings.file = event.source.file;
    const mark = findings.list.length;
    const mapped = [event.eventType, event.name].find((key): key is string => key !== undefined && Object.hasOwn(map, key));
    if (mapped !== undefined) used.add(mapped);
    const eventType = options.eventType ?? (mapped === undefined ? event.eventType : map[mapped]);
    const first = eventType === undefined ? undefined : typesSeen.get(eventType);
    if (first !== undefined) {
      findings.eventType = eventType;
      findings.notice('duplicate', event.pointer, `${eventType} is described by ${first} too, which this run imports; this file is not imported`);
      events.push({ eventType, file: event.source.file, pointer: event.pointer, converted: false, duplicateOf: first, files: [], written: false });
      continue;
    }
    if (eventType !== undefined) typesSeen.set(eventType, event.source.file);
    const entry = convertEvent(event, eventType, { options, findings, existing, names, outDir, ...(shared ? { shared } : {}) });
    const converted = entry !== undefined && findings.errorsSince(mark) === 0;
    const write = converted && options.dryRun !== true;
    if (write) writeFiles(options.root, entry.files);
    const reason = findings.list.slice(mark).find((f) => f.severity === 'error');
    events.push({
      eventType,
      file: event.source.file,
      pointer: event.pointer,
      converted,
      ...(reason === undefined ? {} : { reason }),
      files: entry?.files ?? [],
      written: write,
    });
  }
  findings.eventType = undefined;
  findings.file = '';
  for (const key of Object.keys(map)) {
    if (!used.has(key)) findings.warning('event-type', '', `--event-type-map ${key}=${map[key]}: no event in the files is typed or named ${key}`);
  }
  const sharedFiles = found
    .map((f) => f.shared)
    .filter((s, i, all): s is SharedDefinitions => s !== undefined && all.indexOf(s) === i)
    .flatMap((s) => s.files)
    .map((f) => ({ path: `${outDir}/_shared/${f.name}`, content: jsonText(f.schema) }));
  const changeset = changesetFor(options.root, events);
  // Shared schemas and the changeset are written when an event is; a run that writes no event writes nothing.
  if (options.dryRun !== true && events.some((e) => e.written)) writeFiles(options.root, [...sharedFiles, ...(changeset ? [changeset] : [])]);
  const unreadable = sources.filter((s) => s.kind === undefined).length;
  const unreachable = sources.reduce((n, s) => n + s.unreachable, 0);
  const convertedCount = events.filter((e) => e.converted).length;
  const duplicates = events.filter((e) => e.duplicateOf !== undefined).length;
  return {
    sources,
    events,
    shared: sharedFiles,
    ...(changeset === undefined ? {} : { changeset }),
    findings: findings.list,
    summary: {
      files: sources.length,
      unreadable,
      unreachable,
      events: events.length,
      duplicates,
      converted: convertedCount,
      notConverted: events.length - duplicates - convertedCount + unreadable + unreachable,
      share: convertedCount / Math.max(1, events.length - duplicates + unreadable + unreachable),
    },
  };
}

/** New event types are a minor release, as `new` declares one. */
function changesetFor(root: string, events: readonly ImportedEvent[]): ImportedFile | undefined {
  const types = events.filter((e) => e.converted).map((e) => e.eventType as string);
  if (types.length === 0 || !existsSync(join(root, 'package.json'))) return undefined;
  const plan: FilePlan = new Map();
  const list = types.map((t) => `\`${t}\``).join(', ');
  planChangeset(
    root,
    plan,
    `import-${kebabOf(types[0] as string)}`,
    readPackageInfo(root).name,
    'minor',
    `Import the ${list} event type${types.length > 1 ? 's' : ''} (drafts).`,
  );
  const [path, content] = [...plan][0] as [string, string];
  return { path, content };
}

function writeFiles(root: string, files: readonly ImportedFile[]): void {
  for (const file of files) {
    const path = resolve(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

/** `--event-type-map`: every value must be an event type name. */
function eventTypeMap(map: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  for (const [from, to] of Object.entries(map)) {
    if (!EVENT_TYPE_PATTERN.test(to))
      throw new UsageError(`--event-type-map ${from}=${to}: ${JSON.stringify(to)} is not an event type name (lower-case dotted parts)`);
  }
  return map;
}

/** For an OpenAPI document with several events: the definitions two or more of them use, which go to `_shared/`. */
function sharedDefinitionsOf(
  source: Source,
  events: readonly FoundEvent[],
  findings: Findings,
  existing: readonly SharedSchemaFile[],
  taken: ReadonlySet<string>,
  options: ImportOptions,
): SharedDefinitions | undefined {
  if (source.kind !== 'openapi' || events.length < 2) return undefined;
  const targets = definitionsUsedBySeveral(
    source.document,
    events.map((e) => e.data?.node),
  );
  if (targets.size === 0) return undefined;
  return new SharedDefinitions(
    targets,
    { document: source.document, kind: source.kind, findings, shared: existing },
    existing,
    taken,
    pascal(producerOf(source, events[0], options)),
  );
}

interface EventContext {
  readonly options: ImportOptions;
  readonly findings: Findings;
  readonly existing: readonly SharedSchemaFile[];
  /** Type names taken so far: the catalogue's, and the ones this run has given. */
  readonly names: Set<string>;
  readonly outDir: string;
  readonly shared?: SharedDefinitions;
}

function convertEvent(event: FoundEvent, eventType: string | undefined, context: EventContext): { files: ImportedFile[] } | undefined {
  const { options, findings, outDir } = context;
  findings.eventType = eventType;
  if (!isEventType(eventType)) {
    findings.error(
      'event-type',
      event.pointer,
      eventType === undefined
        ? 'cannot tell the event type (no eventType const, enum or example, and no name of that form); pass --event-type, or --event-type-map <name>=<type>'
        : `${JSON.stringify(eventType)} is not an event type name (two or more lower-case dotted parts); map it with --event-type-map ${JSON.stringify(eventType)}=<type>`,
    );
    return undefined;
  }
  if (eventType.split('.').length === 2) {
    findings.notice(
      'event-type',
      event.pointer,
      `${eventType} has two parts, as its producer sends it; kept as it is, since queues filter on it (rename with --event-type-map ${eventType}=<type> only if the producer changes too)`,
    );
  }
  if (event.version && event.version.value !== undefined && event.version.value !== 1) {
    findings.warning(
      'version',
      event.version.pointer,
      `the source says version ${JSON.stringify(event.version.value)}; the envelope's version is an integer, and a new event type starts at version 1 here`,
    );
  }
  if (existsSync(resolve(options.root, outDir, eventType))) {
    findings.error('exists', event.pointer, `${outDir}/${eventType} already exists; import makes new event types (use bump for a new version)`);
    return undefined;
  }
  const base = pascal(eventType);
  if (context.names.has(base)) {
    findings.error('exists', event.pointer, `the type name ${base} is already used in the catalogue`);
    return undefined;
  }
  const shape = event.source.kind === 'openapi' ? DETAIL : NOTIFICATION;
  const title = contractTitle(base, shape.kind, 1);
  const reserved = new Set([...context.names, title, base, contractTitle(base, 'notification', 1)]);
  const { document, kind } = event.source;
  const converted = event.data
    ? convertData(event.data.node, event.data.pointer, {
        document,
        kind,
        findings,
        shared: context.existing,
        reserved,
        base,
        ...(event.schemaRoot === undefined ? {} : { schemaRoot: event.schemaRoot }),
        ...(context.shared ? { sharedDefinitions: context.shared.forEvents } : {}),
      })
    : noData(event, findings);
  if (!converted) return undefined;
  context.names.add(base);
  for (const def of Object.values(converted.defs)) if (typeof def.title === 'string') context.names.add(def.title);

  const schema: JsonSchemaObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaIdOf(eventType, shape.kind, 1),
    title,
    ...converted.schema,
    ...(Object.keys(converted.defs).length > 0 ? { $defs: converted.defs } : {}),
  };
  const dir = `${outDir}/${eventType}`;
  const schemaFile = `${dir}/${shape.kind}/v1.schema.json`;
  const files: ImportedFile[] = [
    { path: `${dir}/event.json`, content: jsonText(metadata(event, eventType, options, findings)) },
    { path: schemaFile, content: jsonText(schema) },
  ];
  const judge = dataJudge(schema, schemaFile, `/${shape.dataField}`, context.existing, context.shared?.files ?? []);
  const valid = validExamples(event, eventType, shape, schema, converted.resolve, judge, findings);
  for (const example of valid) files.push({ path: `${dir}/examples/${shape.kind}.v1.${example.name}.valid.json`, content: jsonText(example.document) });
  const first = valid[0]?.document;
  if (first !== undefined) {
    const broken = invalidData(schema, first[shape.dataField], converted.resolve);
    files.push({ path: `${dir}/examples/${shape.kind}.v1.${broken.what}.invalid.json`, content: jsonText({ ...first, [shape.dataField]: broken.value }) });
  }
  if (shape === DETAIL) files.push(...thinNotification(event, eventType, base, dir, first, findings));
  return { files };
}

/** A message with no `additionalInformation`: its data is an empty object, and readers accept a notification without one. */
function noData(event: FoundEvent, findings: Findings): { schema: JsonSchemaObject; defs: Record<string, never>; resolve: () => undefined } {
  findings.warning(
    'no-data',
    event.schemaRoot ?? event.pointer,
    'the payload has no additionalInformation (the HMPPS envelope does not require one): the contract describes none, so a notification may leave it out',
  );
  return {
    schema: {
      description: 'The message carries no data of its own: its envelope (personReference, detailUrl) says what happened.',
      type: 'object',
      additionalProperties: false,
      properties: {},
    },
    defs: {},
    resolve: () => undefined,
  };
}

/** The producing service: `--producer`, else the source's `info.title` (the document's, for a message file it names), else the event type's first part. */
function producerOf(source: Source, event: FoundEvent | undefined, options: ImportOptions, eventType = event?.eventType): string {
  if (options.producer !== undefined) return options.producer;
  const info = isRecord(source.document.info) ? source.document.info : {};
  const title = typeof info.title === 'string' ? info.title : (event?.producer ?? eventType?.split('.')[0]);
  return kebab(String(title ?? '')) || 'unknown-producer';
}

function metadata(event: FoundEvent, eventType: string, options: ImportOptions, findings: Findings): Record<string, unknown> {
  const info = isRecord(event.source.document.info) ? event.source.document.info : {};
  const producer = producerOf(event.source, event, options, eventType);
  const contact = isRecord(info.contact) && typeof info.contact.name === 'string' ? info.contact.name : undefined;
  const title = event.title !== undefined && event.title !== eventType ? event.title : sentence(eventType);
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
