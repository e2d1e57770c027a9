/**
 * `domain-events bump <eventType> [--contract notification|detail]`: the
 * checklist teams follow by hand to add version N+1 of one of the event
 * type's contracts (by default its detail contract where it has one, where
 * stored documents change shape), as files:
 * - `vN+1.schema.json`, a copy of the latest schema with its own `$id` and
 *   title (`…VN+1`), formatting kept;
 * - `vN+1.upcast.json`, a `transform` stub with no operations (enough while
 *   the schema is an unchanged copy; `check` says when it no longer is);
 * - example stubs: the latest valid example with the new version, and an
 *   invalid twin of it;
 * - a changeset declaring a minor release.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../catalogue/json-file.js';
import type { Catalogue, ContractKind, JsonSchemaObject } from '../catalogue/model.js';
import { PLACEHOLDER } from '../catalogue/placeholder.js';
import { schemaIdOf } from '../catalogue/schema-id.js';
import { contractTitle, requireBaseName } from '../codegen/names.js';
import { isObject } from '../compat/schema-walk.js';
import { UsageError } from '../errors.js';
import { jsonEqual } from '../runtime/schema-checks.js';
import { invalidTwin } from './examples.js';
import { type FilePlan, kebabOf, planChangeset } from './files.js';

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
  plan.set(`${contract.dir}/v${next}.schema.json`, retitled(readFileSync(join(root, latest.schema.file), 'utf8'), latest.schema.json, id, title));
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
 * The schema's text with a new root `$id` and `title`. The two values are
 * replaced where they are written, keeping the file's layout; the result is
 * checked by parsing it, and rewritten from scratch if the check fails.
 */
function retitled(text: string, json: JsonSchemaObject, id: string, title: string): string {
  const want = { ...json, $id: id, title };
  const replace = (source: string, key: string, from: unknown, to: string) =>
    source.replace(
      new RegExp(`("${key.replace('$', '\\$')}"\\s*:\\s*)${escapeRegExp(JSON.stringify(from))}`, 'u'),
      (_, head: string) => `${head}${JSON.stringify(to)}`,
    );
  const edited = replace(replace(text, '$id', json.$id, id), 'title', json.title, title);
  return jsonEqual(JSON.parse(edited), want) ? edited : jsonText(want);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
