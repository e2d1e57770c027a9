/**
 * Reads `schemas/` into a {@link Catalogue}. Reading is lenient: whatever can
 * be read is returned, and every problem found on the way is listed as a
 * diagnostic with its code, file and JSON Pointer. The generator refuses to
 * run while there are problems; `check` reports them as they are.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { ConfigError } from '../errors.js';
import { SCHEMA_ID_BASE, schemaIdOf } from '../runtime/schema-id.js';
import { checkEventMetadata, checkUpcastDeclaration, EVENT_TYPE_PATTERN } from './metadata.js';
import {
  type Catalogue,
  CONTRACT_KINDS,
  type ContractKind,
  type ContractSource,
  type EventTypeSource,
  type ExampleSource,
  type JsonSchemaObject,
  type SchemaFile,
  type SharedSchema,
  type UpcastSource,
  type VersionSource,
} from './model.js';

/** The codes of the loader's diagnostics, every one an error; `check` reports them with these codes. */
export type LoadCode = 'invalid-json' | 'naming' | 'metadata-missing' | 'schema-id' | 'upcast-invalid' | 'version-gap';

export interface LoadResult {
  readonly catalogue: Catalogue;
  readonly problems: readonly Diagnostic<LoadCode>[];
}

const VERSION_FILE = /^v([1-9][0-9]*)\.schema\.json$/u;
const UPCAST_FILE = /^v([1-9][0-9]*)\.upcast\.json$/u;
const EXAMPLE_FILE = /^(notification|detail)\.v([1-9][0-9]*)\.([a-z0-9]+(?:-[a-z0-9]+)*)\.(valid|invalid)\.json$/u;

/**
 * Loads the catalogue under `<root>/<dir>`.
 *
 * @param root the repository root; paths in the result are relative to it.
 * @param dir the schemas folder inside `root`. Default `schemas`.
 */
export function loadCatalogue(root: string, dir = 'schemas'): LoadResult {
  const problems: Diagnostic<LoadCode>[] = [];
  const problem = (code: LoadCode, file: string, pointer: string, message: string) => problems.push({ code, severity: 'error', file, pointer, message });

  const readJson = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown;
    } catch (error) {
      problem('invalid-json', file, '', `cannot be read as JSON: ${(error as Error).message}`);
      return undefined;
    }
  };
  const readSchema = (file: string, expectedId: string): SchemaFile | undefined => {
    const json = readJson(file);
    if (json === undefined) return undefined;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      problem('invalid-json', file, '', 'a schema file must hold a JSON object');
      return undefined;
    }
    const id = (json as JsonSchemaObject).$id;
    if (id !== expectedId) problem('schema-id', file, '/$id', `must be ${JSON.stringify(expectedId)}`);
    return { file, id: expectedId, json: json as JsonSchemaObject };
  };

  const envelope = readSchema(`${dir}/envelope.schema.json`, `${SCHEMA_ID_BASE}envelope.schema.json`) ?? {
    file: `${dir}/envelope.schema.json`,
    id: `${SCHEMA_ID_BASE}envelope.schema.json`,
    json: {},
  };

  const shared: SharedSchema[] = [];
  for (const name of list(root, `${dir}/_shared`)) {
    const file = `${dir}/_shared/${name}`;
    if (!name.endsWith('.schema.json')) {
      problem('naming', file, '', 'files in _shared must be named <name>.schema.json');
      continue;
    }
    const schema = readSchema(file, `${SCHEMA_ID_BASE}_shared/${name}`);
    if (!schema) continue;
    const title = schema.json.title;
    if (typeof title !== 'string' || !/^[A-Z][A-Za-z0-9]*$/u.test(title)) {
      problem('naming', file, '/title', 'a shared schema needs a PascalCase title; it names the TypeScript type');
      continue;
    }
    shared.push({ ...schema, typeName: title });
  }

  const events: EventTypeSource[] = [];
  for (const type of list(root, dir)) {
    const eventDir = `${dir}/${type}`;
    if (type.startsWith('_') || !statSync(join(root, eventDir)).isDirectory()) continue;
    if (!EVENT_TYPE_PATTERN.test(type)) {
      problem(
        'naming',
        eventDir,
        '',
        `${JSON.stringify(type)} is not an event type name (two or more lower-case dotted parts, such as <domain>.<entity>.<past-tense verb>)`,
      );
      continue;
    }
    const event = loadEventType(root, eventDir, type, readJson, readSchema, problem);
    if (event) events.push(event);
  }
  return { catalogue: { dir, envelope, shared, events }, problems };
}

/**
 * Loads the catalogue under `<root>/schemas`, refusing to go on while it has
 * problems: for commands that build from it (generate, catalog, new, bump).
 *
 * @throws ConfigError naming the first problem's file and pointer, and listing the rest.
 */
export function loadValidCatalogue(root: string): Catalogue {
  const { catalogue, problems } = loadCatalogue(root);
  if (problems.length > 0) {
    const [first, ...rest] = problems as [Diagnostic<LoadCode>, ...Diagnostic<LoadCode>[]];
    const more = rest.map((p) => `\n  ${p.file}${p.pointer ? `#${p.pointer}` : ''}: ${p.message}`).join('');
    throw new ConfigError(first.file, first.pointer, `${first.message}${more}`);
  }
  return catalogue;
}

function loadEventType(
  root: string,
  eventDir: string,
  type: string,
  readJson: (file: string) => unknown,
  readSchema: (file: string, id: string) => SchemaFile | undefined,
  problem: (code: LoadCode, file: string, pointer: string, message: string) => void,
): EventTypeSource | undefined {
  const metadataFile = `${eventDir}/event.json`;
  let metadata: EventTypeSource['metadata'] | undefined;
  if (!existsSync(join(root, metadataFile))) {
    problem('metadata-missing', metadataFile, '', 'every event type needs an event.json');
  } else {
    const checked = checkEventMetadata(readJson(metadataFile));
    if (checked.ok) {
      metadata = checked.value;
      if (metadata.eventType !== type) problem('naming', metadataFile, '/eventType', `must be ${JSON.stringify(type)}, the folder's name`);
    } else {
      for (const p of checked.problems) problem('metadata-missing', metadataFile, p.pointer, p.message);
    }
  }

  for (const name of list(root, eventDir)) {
    if (name !== 'event.json' && name !== 'examples' && !(CONTRACT_KINDS as readonly string[]).includes(name)) {
      problem('naming', `${eventDir}/${name}`, '', 'unexpected file: an event folder holds event.json, notification/, detail/ and examples/');
    }
  }
  const examples = loadExamples(root, eventDir, readJson, problem);
  const contracts: ContractSource[] = [];
  for (const kind of CONTRACT_KINDS) {
    const contract = loadContract(root, `${eventDir}/${kind}`, type, kind, examples, readJson, readSchema, problem);
    if (contract) contracts.push(contract);
  }
  for (const example of examples) {
    const contract = contracts.find((c) => c.kind === example.contract);
    if (!contract?.versions.some((v) => v.version === example.version)) {
      problem('naming', example.file, '', `there is no ${example.contract}/v${example.version}.schema.json for this example`);
    }
  }
  if (contracts.length === 0) {
    problem('naming', eventDir, '', 'an event type needs notification/v1.schema.json, detail/v1.schema.json or both');
    return undefined;
  }
  const notification = contracts.find((c) => c.kind === 'notification');
  const detail = contracts.find((c) => c.kind === 'detail');
  if (metadata) {
    if (!notification && metadata.status !== 'not-emitted') {
      problem('naming', eventDir, '', 'an event type that is published needs notification/v1.schema.json; one that never is has status "not-emitted"');
    }
    if (notification && metadata.status === 'not-emitted') {
      problem('naming', notification.dir, '', 'a "not-emitted" event type is never published, so it has no notification contract');
    }
  }
  if (!metadata) return undefined;
  return { type, dir: eventDir, metadataFile, metadata, ...(notification ? { notification } : {}), ...(detail ? { detail } : {}), contracts };
}

function loadContract(
  root: string,
  dir: string,
  type: string,
  kind: ContractKind,
  examples: readonly ExampleSource[],
  readJson: (file: string) => unknown,
  readSchema: (file: string, id: string) => SchemaFile | undefined,
  problem: (code: LoadCode, file: string, pointer: string, message: string) => void,
): ContractSource | undefined {
  if (!existsSync(join(root, dir))) return undefined;
  const files = list(root, dir);
  const versions: VersionSource[] = [];
  for (const name of files) {
    const match = VERSION_FILE.exec(name);
    if (!match) {
      if (!UPCAST_FILE.test(name)) problem('naming', `${dir}/${name}`, '', `unexpected file: a ${kind} folder holds vN.schema.json and vN.upcast.json`);
      continue;
    }
    const version = Number(match[1]);
    const schema = readSchema(`${dir}/${name}`, schemaIdOf(type, kind, version));
    if (!schema) continue;
    let upcast: UpcastSource | undefined;
    const upcastFile = `${dir}/v${version}.upcast.json`;
    if (existsSync(join(root, upcastFile))) {
      if (version === 1) problem('naming', upcastFile, '', 'version 1 has nothing to upcast from');
      const checked = checkUpcastDeclaration(readJson(upcastFile));
      if (checked.ok) upcast = { file: upcastFile, declaration: checked.value };
      else for (const p of checked.problems) problem('upcast-invalid', upcastFile, p.pointer, p.message);
    }
    versions.push({
      version,
      schema,
      ...(upcast ? { upcast } : {}),
      examples: examples.filter((e) => e.contract === kind && e.version === version),
    });
  }
  versions.sort((a, b) => a.version - b.version);
  versions.forEach((v, i) => {
    if (v.version !== i + 1) problem('version-gap', v.schema.file, '', `versions must run 1, 2, 3… without gaps; expected v${i + 1}`);
  });
  for (const name of files) {
    const match = UPCAST_FILE.exec(name);
    if (match && !versions.some((v) => v.version === Number(match[1]))) {
      problem('naming', `${dir}/${name}`, '', `there is no v${match[1]}.schema.json for this upcast`);
    }
  }
  if (versions.length === 0) {
    problem('naming', dir, '', `a ${kind} contract needs at least v1.schema.json`);
    return undefined;
  }
  return { type, kind, dir, versions };
}

function loadExamples(
  root: string,
  eventDir: string,
  readJson: (file: string) => unknown,
  problem: (code: LoadCode, file: string, pointer: string, message: string) => void,
): ExampleSource[] {
  const out: ExampleSource[] = [];
  for (const name of list(root, `${eventDir}/examples`)) {
    const file = `${eventDir}/examples/${name}`;
    const match = EXAMPLE_FILE.exec(name);
    if (!match) {
      problem('naming', file, '', 'examples are named <notification|detail>.vN.<kebab-name>.<valid|invalid>.json');
      continue;
    }
    const json = readJson(file);
    if (json === undefined) continue;
    out.push({
      file,
      contract: match[1] as ContractKind,
      version: Number(match[2]),
      name: match[3] as string,
      expect: match[4] as 'valid' | 'invalid',
      json,
    });
  }
  return out;
}

/** Directory entries, sorted by code unit so output never depends on the machine's locale. */
function list(root: string, dir: string): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
