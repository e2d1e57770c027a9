/**
 * `domain-events bump <eventType> [--contract notification|detail]`: the
 * checklist teams follow by hand to add version N+1 of one of the event
 * type's contracts (by default its detail contract where it has one, where
 * stored documents change shape), as files:
 * - `vN+1.schema.json`, a copy of the latest schema with its own `$id` and
 *   title (`…VN+1`), and each of its `$defs` titled for the new version
 *   (`StaffMember` becomes `StaffMemberV2`), since all versions' definitions
 *   share one generated module, where each name may be used once; formatting
 *   kept;
 * - `vN+1.upcast.json`, a `transform` stub with no operations (enough while
 *   the schema is an unchanged copy; `check` says when it no longer is);
 * - example stubs: the latest valid example with the new version, and an
 *   invalid twin of it;
 * - a changeset declaring a minor release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../catalogue/json-file.js';
import type { Catalogue, ContractKind, EventTypeSource, JsonSchemaObject } from '../catalogue/model.js';
import { PLACEHOLDER } from '../catalogue/placeholder.js';
import { UsageError } from '../errors.js';
import { jsonEqual } from '../runtime/checks.js';
import { escapePointer } from '../runtime/json-pointer.js';
import { schemaIdOf } from '../runtime/schema-id.js';
import { camel, contractTitle, contractWord, pascal, requireBaseName } from '../schema/names.js';
import { isObject } from '../schema/walk.js';
import { invalidTwin } from './examples.js';
import { type FilePlan, kebabOf, planChangeset } from './files.js';
import { editJsonText, type JsonTextEdit } from './json-text-edit.js';

/**
 * Plans version N+1 of one of `eventType`'s contracts: `kind`, or by default
 * the detail contract where there is one. Throws {@link UsageError} for an
 * unknown event type or a contract it does not have.
 */
export function planBump(
  root: string,
  catalogue: Catalogue,
  packageName: string,
  eventType: string,
  kind?: ContractKind,
): { plan: FilePlan; version: number; contract: ContractKind } {
  const event = catalogue.events.find((e) => e.type === eventType);
  if (!event) throw new UsageError(`there is no event type ${JSON.stringify(eventType)} in ${catalogue.dir}/; to add one, use domain-events new ${eventType}`);
  const contract = kind === undefined ? (event.detail ?? event.notification) : event.contracts.find((c) => c.kind === kind);
  if (!contract) throw new UsageError(`${eventType} has no ${kind} contract; it has ${event.contracts.map((c) => c.kind).join(' and ')}`);
  const latest = contract.versions[contract.versions.length - 1];
  if (!latest) throw new UsageError(`${eventType} has no versions`);
  const next = latest.version + 1;
  const base = requireBaseName(event);
  const plan: FilePlan = new Map();

  const id = schemaIdOf(eventType, contract.kind, next);
  const title = contractTitle(base, contract.kind, next);
  const defs = definitionTitles(catalogue, event, base, latest.schema.json, next);
  plan.set(`${contract.dir}/v${next}.schema.json`, retitled(readFileSync(join(root, latest.schema.file), 'utf8'), latest.schema.json, id, title, defs));
  plan.set(
    `${contract.dir}/v${next}.upcast.json`,
    jsonText({
      $schema: '../../_meta/upcast.schema.json',
      kind: 'transform',
      description: `${PLACEHOLDER}: how version ${latest.version} data becomes version ${next} data`,
      operations: [],
    }),
  );

  const source = latest.examples.filter((e) => e.expect === 'valid' && isObject(e.json)).at(-1);
  if (source) {
    // A notification says its version; a detail document does not (its version is stored beside it).
    const valid = contract.kind === 'notification' ? { ...(source.json as Record<string, unknown>), version: next } : (source.json as Record<string, unknown>);
    const prefix = `${event.dir}/examples/${contract.kind}.v${next}`;
    plan.set(`${prefix}.${source.name}.valid.json`, jsonText(valid));
    const invalid = invalidTwin(valid, latest.schema.json, contract.kind === 'notification' ? 'additionalInformation' : 'eventDetails');
    if (invalid) plan.set(`${prefix}.${invalid.name}.invalid.json`, jsonText(invalid.example));
  }
  planChangeset(
    root,
    plan,
    `${kebabOf(eventType)}-${contract.kind}-v${next}`,
    packageName,
    'minor',
    `Add version ${next} of the ${contract.kind} contract of \`${eventType}\`.`,
  );
  return { plan, version: next, contract: contract.kind };
}

/**
 * The title each of the copied schema's `$defs` takes in version `next`: its
 * title (or, untitled, its key in PascalCase, the name the generator gives
 * it) with the version suffix, `StaffMember` → `StaffMemberV2` and
 * `StaffMemberV2` → `StaffMemberV3`. The generator names each definition's
 * type and validator by its title, and every version of both contracts
 * shares one module, where a name may be used once; so a name the module or
 * the catalogue's shared definitions already use is prefixed with the event
 * type's name, and then numbered. By `$defs` key.
 */
function definitionTitles(catalogue: Catalogue, event: EventTypeSource, base: string, schema: JsonSchemaObject, next: number): Map<string, string> {
  const titles = new Map<string, string>();
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  if (Object.keys(defs).length === 0) return titles;
  const taken = new Set<string>(['Envelope', base, ...catalogue.shared.map((s) => s.typeName)].map(camel));
  for (const contract of event.contracts) {
    const word = contractWord(contract.kind);
    for (let v = 1; v <= contract.versions.length + 1; v++) taken.add(camel(`${base}${word}V${v}`));
    for (const version of contract.versions) for (const name of definitionNames(version.schema.json)) taken.add(camel(name));
  }
  for (const [key, def] of Object.entries(defs)) {
    const current = isObject(def) && typeof def.title === 'string' ? def.title : pascal(key);
    const stem = current.replace(/(?<=.)V[0-9]+$/u, '');
    let title = `${stem}V${next}`;
    if (taken.has(camel(title))) title = `${base}${stem}V${next}`;
    for (let n = 2; taken.has(camel(title)); n++) title = `${base}${stem}${n}V${next}`;
    taken.add(camel(title));
    titles.set(key, title);
  }
  return titles;
}

/** The names the generator gives a schema's `$defs`: each one's title, or its key in PascalCase. */
function definitionNames(schema: JsonSchemaObject): string[] {
  const defs = isObject(schema.$defs) ? schema.$defs : {};
  return Object.entries(defs).map(([key, def]) => (isObject(def) && typeof def.title === 'string' ? def.title : pascal(key)));
}

/**
 * The schema's text with a new root `$id` and `title`, and its `$defs`
 * titled as `defs` says (a title added where a definition has none). The
 * values are replaced where they are written, keeping the file's layout; the
 * result is checked by parsing it, and rewritten from scratch if the check
 * fails.
 */
function retitled(text: string, json: JsonSchemaObject, id: string, title: string, defs: ReadonlyMap<string, string>): string {
  const edits: JsonTextEdit[] = [
    { pointer: '/$id', value: id },
    { pointer: '/title', value: title },
  ];
  const source = isObject(json.$defs) ? json.$defs : {};
  const retitledDefs: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(source)) {
    const defTitle = defs.get(key);
    if (defTitle === undefined || !isObject(def)) {
      retitledDefs[key] = def;
      continue;
    }
    const titled = typeof def.title === 'string';
    retitledDefs[key] = titled ? { ...def, title: defTitle } : { title: defTitle, ...def };
    const pointer = `/$defs/${escapePointer(key)}`;
    edits.push(titled ? { pointer: `${pointer}/title`, value: defTitle } : { pointer, insert: 'title', value: defTitle });
  }
  const want: JsonSchemaObject = { ...json, $id: id, title, ...(defs.size > 0 ? { $defs: retitledDefs } : {}) };
  const edited = editJsonText(text, edits);
  return edited !== undefined && jsonEqual(JSON.parse(edited), want) ? edited : jsonText(want);
}
