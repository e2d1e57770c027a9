/**
 * `domain-events generate`: writes `generated/` from `schemas/`. With
 * `check`, it regenerates in memory and reports every file that differs,
 * without writing.
 *
 * Output is deterministic: the same schemas give byte-identical files. It is
 * written all or nothing: every file is rendered before any is written, and
 * if writing fails, `generated/` is put back as it was.
 *
 * package.json is not generated: its `exports` reach every event type's
 * module through one pattern, `./events/*`, and its zod module through
 * `./zod/*`, so a new event type needs no change there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadValidCatalogue } from '../catalogue/load.js';
import type { Catalogue } from '../catalogue/model.js';
import { ConfigError } from '../errors.js';
import { indexCatalogue } from '../schema/catalogue-index.js';
import { nameCollisions } from '../schema/names.js';
import { applyFileChanges } from './file-changes.js';
import { envelopeModule } from './modules/envelope-module.js';
import { type EventModuleNames, eventModule, namesOf } from './modules/event-module.js';
import { indexModule, typePairsModule } from './modules/index-module.js';
import { sharedModule } from './modules/shared-module.js';
import { eventZodModule, zodModulePath } from './modules/zod-module.js';

export interface GenerateOptions {
  /** The repository root. */
  readonly root: string;
  /** Compare instead of write. */
  readonly check?: boolean;
}

export interface GenerateResult {
  /** Repository-relative paths of the files generated. */
  readonly files: readonly string[];
  /** With `check`: files that are missing, differ, or should not exist. Otherwise: files written or removed. */
  readonly changed: readonly string[];
  readonly eventTypes: number;
  readonly schemas: number;
}

export const OUT_DIR = 'generated';

/** Every generated file's content, by repository-relative path. */
export async function render(root: string, catalogue: Catalogue): Promise<Map<string, string>> {
  const index = indexCatalogue(catalogue);
  const names = catalogue.events.map(namesOf);
  checkUniqueNames(catalogue, names);
  const [shared, envelope, ...events] = await Promise.all([
    sharedModule(catalogue, index),
    envelopeModule(catalogue, index),
    ...catalogue.events.map((event) => eventModule(event, index, root)),
  ]);
  const files = new Map<string, string>();
  files.set(`${OUT_DIR}/shared.ts`, shared.source);
  files.set(`${OUT_DIR}/envelope.ts`, envelope.source);
  for (const [i, event] of catalogue.events.entries()) files.set(`${OUT_DIR}/events/${event.type}.ts`, events[i] as string);
  files.set(`${OUT_DIR}/zod/shared.ts`, shared.zodSource);
  files.set(`${OUT_DIR}/zod/envelope.ts`, envelope.zodSource);
  for (const event of catalogue.events) files.set(`${OUT_DIR}/${zodModulePath(event.type)}`, eventZodModule(event, index));
  files.set(`${OUT_DIR}/index.ts`, indexModule(names, shared.types, envelope.types));
  files.set(`${OUT_DIR}/type-pairs.ts`, typePairsModule(names));
  return files;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { root } = options;
  const catalogue = loadValidCatalogue(root);
  const files = await render(root, catalogue);
  const write = new Map<string, string>();
  for (const [file, content] of files) {
    const path = join(root, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) write.set(file, content);
  }
  const remove = listGenerated(root).filter((file) => !files.has(file));
  if (!options.check) applyFileChanges(root, { write, remove });
  const changed = [...write.keys(), ...remove];
  const schemas = catalogue.shared.length + 1 + catalogue.events.reduce((n, e) => n + e.contracts.reduce((m, c) => m + c.versions.length, 0), 0);
  return { files: [...files.keys()], changed: changed.sort(), eventTypes: catalogue.events.length, schemas };
}

function listGenerated(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const path = join(root, dir);
    if (!existsSync(path)) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else out.push(relative(root, join(root, child)).split('\\').join('/'));
    }
  };
  walk(OUT_DIR);
  return out;
}

function checkUniqueNames(catalogue: Catalogue, names: readonly EventModuleNames[]): void {
  const [collision] = nameCollisions(
    catalogue,
    names.map((n) => n.base),
  );
  if (collision) throw new ConfigError(collision.file, collision.pointer, collision.message);
}
