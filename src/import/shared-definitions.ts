/**
 * Definitions that several imported events use (an OpenAPI document's
 * `StaffMember`, `PersonReference`…) go to `schemas/_shared/` once, instead
 * of being copied into every event's `$defs`, where one change to them would
 * be a finding per event. A definition identical to a shared schema the
 * catalogue already has is referred to, not written again.
 *
 * Which definitions are shared is decided before anything is converted, by
 * following each event's local `$ref`s through the source document: a
 * definition reached from two events or more is shared. Everything a shared
 * definition refers to is then reached from those events too, so it is
 * shared as well, and a shared schema never needs `$defs` of its own.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { isRecord } from '../runtime/own-properties.js';
import { SCHEMA_ID_BASE } from '../runtime/schema-id.js';
import { kebab } from '../schema/names.js';
import { type ConvertOptions, convertDefinition, pascal } from './convert-schema.js';
import { matchShared, normalise, type SharedSchemaFile } from './shared-match.js';
import { at } from './source.js';

/** A shared schema to write, relative to the catalogue. */
export interface SharedFile {
  readonly name: string;
  readonly title: string;
  readonly schema: JsonSchemaObject;
}

/** The local `$ref` targets reachable from `node`, following references transitively. */
export function reachableDefinitions(document: unknown, node: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
      const target = decodeURIComponent(value.$ref.slice(1));
      if (!found.has(target)) {
        found.add(target);
        visit(at(document, target), depth + 1);
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'example' && key !== 'examples') visit(child, depth + 1);
  };
  visit(node, 0);
  return found;
}

/** The definitions at least two of `roots` reach (each root counted once). */
export function definitionsUsedBySeveral(document: unknown, roots: readonly unknown[]): Set<string> {
  const counts = new Map<string, number>();
  for (const root of roots) for (const target of reachableDefinitions(document, root)) counts.set(target, (counts.get(target) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= 2).map(([target]) => target));
}

/**
 * The shared definitions of one source document, converted on first use.
 * `refTo` gives the `$ref` an event schema writes (`../../_shared/x.schema.json`);
 * within a shared schema the same name is written bare, as `_shared/` does.
 */
export class SharedDefinitions {
  private readonly names = new Map<string, string | undefined>();
  /** The converted schema of each shared file name, examples kept, for assembling examples. */
  private readonly schemas = new Map<string, JsonSchemaObject>();
  private readonly visiting = new Set<string>();
  private readonly written: SharedFile[] = [];
  private readonly fileNames: Set<string>;
  private readonly titles: Set<string>;

  constructor(
    private readonly targets: ReadonlySet<string>,
    /** The converter options every shared definition is converted with (minus the ones set here). */
    private readonly options: Omit<ConvertOptions, 'sharedDefinitions' | 'reserved' | 'base'>,
    private readonly existing: readonly SharedSchemaFile[],
    reserved: ReadonlySet<string>,
    /** The producer's PascalCase name, to tell a shared name apart from one the catalogue already uses. */
    private readonly prefix: string,
  ) {
    this.fileNames = new Set(existing.map((s) => s.name));
    this.titles = new Set(reserved);
  }

  /** The files to write: every shared definition some converted event referred to. */
  get files(): readonly SharedFile[] {
    return this.written;
  }

  /** For an event's schema. */
  readonly forEvents = {
    has: (target: string) => this.targets.has(target),
    refTo: (target: string) => {
      const name = this.nameOf(target);
      return name === undefined ? undefined : `../../_shared/${name}`;
    },
    schemaOf: (ref: string) => this.schemas.get(ref.replace(/^\.\.\/\.\.\/_shared\//u, '')),
  };

  /** For a shared schema, which lives beside the ones it refers to. */
  private readonly forShared = {
    has: (target: string) => this.targets.has(target),
    refTo: (target: string) => this.nameOf(target),
    schemaOf: (ref: string) => this.schemas.get(ref),
  };

  /** The file name of a shared definition, converting (and matching) it the first time. Undefined after an error is reported. */
  private nameOf(target: string): string | undefined {
    if (this.names.has(target)) return this.names.get(target);
    if (this.visiting.has(target)) {
      this.options.findings.error('recursive-ref', target, 'is recursive; recursive schemas are not supported');
      return undefined;
    }
    this.visiting.add(target);
    const token = target.split('/').pop()?.replaceAll('~1', '/').replaceAll('~0', '~') ?? 'definition';
    const converted = convertDefinition(target, { ...this.options, sharedDefinitions: this.forShared, reserved: this.titles, base: this.prefix });
    this.visiting.delete(target);
    if (converted === undefined) {
      this.names.set(target, undefined);
      return undefined;
    }
    const resolve = (ref: string) => this.existing.find((s) => s.name === ref.replace(/^(?:\.\.\/\.\.\/_shared\/|\.\/)/u, ''))?.normal;
    const match = matchShared(normalise(converted.schema, resolve), this.existing);
    if (match?.kind === 'same') {
      this.options.findings.notice('shared-schema', target, `is exactly the shared ${match.shared.title}; referred to as _shared/${match.shared.name}`);
      this.names.set(target, match.shared.name);
      this.schemas.set(match.shared.name, converted.schema);
      return match.shared.name;
    }
    let title = pascal(token);
    if (this.titles.has(title)) title = `${this.prefix}${title}`;
    for (let n = 2; this.titles.has(title); n++) title = `${this.prefix}${pascal(token)}${n}`;
    this.titles.add(title);
    const stem = kebab(title) || 'definition';
    let name = `${stem}.schema.json`;
    for (let n = 2; this.fileNames.has(name); n++) name = `${stem}-${n}.schema.json`;
    this.fileNames.add(name);
    this.names.set(target, name);
    this.schemas.set(name, converted.schema);
    const schema: JsonSchemaObject = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${SCHEMA_ID_BASE}_shared/${name}`,
      title,
      ...converted.schema,
      ...(Object.keys(converted.defs).length > 0 ? { $defs: converted.defs } : {}),
    };
    this.written.push({ name, title, schema });
    this.options.findings.notice('shared-schema', target, `is used by several events; written once as _shared/${name} (${title})`);
    return name;
  }
}
