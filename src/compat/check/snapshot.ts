/**
 * One side of a comparison: the catalogue under a root (the working tree, or
 * a baseline unpacked from git or a published package), its load problems,
 * every file under `schemas/` with its content, and its normalised schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { type LoadCode, loadCatalogue } from '../../catalogue/load.js';
import type { Catalogue, ContractKind, SchemaFile } from '../../catalogue/model.js';
import type { Diagnostic, Problem } from '../../diagnostic.js';
import { indexCatalogue } from '../../schema/catalogue-index.js';
import type { SchemaDocuments } from '../../schema/ref.js';
import type { NormalSchema } from '../normal-schema.js';
import { type Normalised, normalise } from '../normalise.js';

export interface Snapshot {
  readonly root: string;
  readonly catalogue: Catalogue;
  readonly problems: readonly Diagnostic<LoadCode>[];
  /** Every schema a `$ref` may reach, by `$id`. */
  readonly documents: SchemaDocuments;
  /** Every file under `schemas/`, by repository-relative path, with its content. */
  readonly files: ReadonlyMap<string, string>;
  /** The version numbers that have a `vN.schema.json` file, by contract folder (`<event.type>/<notification|detail>`), whether or not they load. */
  readonly versionFiles: ReadonlyMap<string, readonly number[]>;
  /** The event type folders that hold a contract's version file. */
  readonly eventTypes: ReadonlySet<string>;
  /** Every schema file that loaded: the envelope, the shared definitions and every version. */
  readonly schemas: readonly SchemaFile[];
  /** The normal form of a schema file of this snapshot (cached). */
  normal(schema: SchemaFile): NormalSchema;
  /** The parts of a schema file the normal form could not read (from the same cached normalisation), which the `invalid-schema` lint reports. */
  normaliseProblems(schema: SchemaFile): readonly Problem[];
}

const VERSION_FILE = /^schemas\/(([^/_][^/]*)\/(?:notification|detail))\/v([1-9][0-9]*)\.schema\.json$/u;

/** The key of a contract in {@link Snapshot.versionFiles}: its folder under `schemas/`. */
export const contractKey = (eventType: string, kind: ContractKind): string => `${eventType}/${kind}`;

/** Reads the snapshot under `root`, whose `schemas/` folder holds the catalogue. */
export function readSnapshot(root: string): Snapshot {
  const { catalogue, problems } = loadCatalogue(root);
  const documents = indexCatalogue(catalogue).all;
  const files = new Map<string, string>();
  const versionFiles = new Map<string, number[]>();
  const eventTypes = new Set<string>();
  for (const file of globSync('schemas/**', { cwd: root, dot: true }).sort()) {
    files.set(file, readFileSync(join(root, file), 'utf8'));
    const match = VERSION_FILE.exec(file);
    if (!match) continue;
    const list = versionFiles.get(match[1] as string) ?? [];
    list.push(Number(match[3]));
    versionFiles.set(match[1] as string, list);
    eventTypes.add(match[2] as string);
  }
  for (const list of versionFiles.values()) list.sort((a, b) => a - b);
  const cache = new Map<string, Normalised>();
  const normalised = (schema: SchemaFile): Normalised => {
    let result = cache.get(schema.file);
    if (!result) {
      result = normalise(schema, documents);
      cache.set(schema.file, result);
    }
    return result;
  };
  return {
    root,
    catalogue,
    problems,
    documents,
    files,
    versionFiles,
    eventTypes,
    schemas: [catalogue.envelope, ...catalogue.shared, ...catalogue.events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => v.schema)))],
    normal: (schema) => normalised(schema).schema,
    normaliseProblems: (schema) => normalised(schema).problems,
  };
}
