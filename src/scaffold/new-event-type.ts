/**
 * `domain-events new <eventType>`: the files of a new event type, each valid
 * so the generator runs at once, with placeholders where a person must still
 * say something (`check` reports those that remain):
 * - `event.json`, valid against `schemas/_meta/event.schema.json`;
 * - `notification/v1.schema.json` (what the notification carries in
 *   `additionalInformation`) and, with `detail`, `detail/v1.schema.json`
 *   (what the detail document served at `detailUrl` carries in
 *   `eventDetails`): closed objects with their `$id`s and titles, ready for
 *   properties;
 * - a valid and an invalid example of each;
 * - a changeset declaring a minor release.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText } from '../catalogue/json-file.js';
import { NEW_EVENT_TYPE_PATTERN } from '../catalogue/metadata.js';
import type { Catalogue, ContractKind } from '../catalogue/model.js';
import { PLACEHOLDER, PLACEHOLDER_NAME } from '../catalogue/placeholder.js';
import { UsageError } from '../errors.js';
import { schemaIdOf } from '../runtime/schema-id.js';
import { baseNameOf, contractTitle, PASCAL_NAME, pascal } from '../schema/names.js';
import { exampleDetailDocument, exampleEnvelope, invalidTwin } from './examples.js';
import { type FilePlan, kebabOf, planChangeset } from './files.js';

export interface NewEventTypeOptions {
  readonly eventType: string;
  /** The owning team. Default: a placeholder. */
  readonly owner?: string;
  /** The services that publish it (kebab-case). Default: a placeholder. */
  readonly producers?: readonly string[];
  /** A short name such as "Booking cancelled". Default: from the entity and verb. */
  readonly title?: string;
  /** What happened, in plain words. Default: a placeholder. */
  readonly description?: string;
  /** The PascalCase name of the generated types. Default: from the entity and verb, or the whole type when that is taken. */
  readonly typeName?: string;
  /** Also scaffold a detail contract, for a producer that serves detail documents at `detailUrl`. Default false. */
  readonly detail?: boolean;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Plans the new event type's files; throws {@link UsageError} for a bad name or one already taken. */
export function planNewEventType(root: string, catalogue: Catalogue, packageName: string, options: NewEventTypeOptions): FilePlan {
  const type = options.eventType;
  if (!NEW_EVENT_TYPE_PATTERN.test(type))
    throw new UsageError(`${JSON.stringify(type)} is not an event type name: <domain>.<entity>.<past-tense verb>, lower case, hyphens inside a part`);
  const dir = `${catalogue.dir}/${type}`;
  if (existsSync(join(root, dir))) throw new UsageError(`${type} already exists (${dir}); to change it, use domain-events bump ${type}`);
  const producers = options.producers && options.producers.length > 0 ? options.producers : [PLACEHOLDER_NAME];
  const bad = producers.find((p) => !KEBAB.test(p));
  if (bad !== undefined) throw new UsageError(`producer ${JSON.stringify(bad)} must be a kebab-case service name`);
  const base = typeName(catalogue, type, options.typeName);

  const [entity, verb] = type.split('.').slice(-2) as [string, string];
  const title = options.title ?? `${entity} ${verb}`.replaceAll('-', ' ').replace(/^./u, (c) => c.toUpperCase());
  const description = options.description ?? `${PLACEHOLDER}: what happened, in plain words, and when it is published`;
  const plan: FilePlan = new Map();
  plan.set(
    `${dir}/event.json`,
    jsonText({
      $schema: '../_meta/event.schema.json',
      eventType: type,
      title,
      description,
      owner: options.owner ?? `${PLACEHOLDER}: the team that owns the contract`,
      producers,
      consumers: [],
      status: 'draft',
      timeline: { '1': `${PLACEHOLDER}: one sentence for a person's timeline, such as "${title}"` },
    }),
  );
  const contractSchema = (kind: ContractKind) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaIdOf(type, kind, 1),
    title: contractTitle(base, kind, 1),
    description: kind === 'notification' ? description : `${PLACEHOLDER}: what the detail document served at detailUrl says`,
    type: 'object',
    additionalProperties: false,
    required: [],
    properties: {},
  });
  const notification = contractSchema('notification');
  plan.set(`${dir}/notification/v1.schema.json`, jsonText(notification));
  const valid = exampleEnvelope(type, 1, producers[0] as string, title, {});
  plan.set(`${dir}/examples/notification.v1.${kebabOf(type)}.valid.json`, jsonText(valid));
  const invalid = invalidTwin(valid, notification) as NonNullable<ReturnType<typeof invalidTwin>>;
  plan.set(`${dir}/examples/notification.v1.${invalid.name}.invalid.json`, jsonText(invalid.example));
  if (options.detail) {
    const detail = contractSchema('detail');
    plan.set(`${dir}/detail/v1.schema.json`, jsonText(detail));
    const document = exampleDetailDocument(type, {});
    plan.set(`${dir}/examples/detail.v1.${kebabOf(type)}.valid.json`, jsonText(document));
    const broken = invalidTwin(document, detail, 'eventDetails') as NonNullable<ReturnType<typeof invalidTwin>>;
    plan.set(`${dir}/examples/detail.v1.${broken.name}.invalid.json`, jsonText(broken.example));
  }
  planChangeset(root, plan, `add-${kebabOf(type)}`, packageName, 'minor', `Add the \`${type}\` event type.`);
  return plan;
}

/** The type name asked for, or one made from the event type, checked to be PascalCase and unused. */
function typeName(catalogue: Catalogue, type: string, asked: string | undefined): string {
  const taken = new Set(['Envelope', ...catalogue.shared.map((s) => s.typeName), ...catalogue.events.map((e) => baseNameOf(e).base)]);
  if (asked !== undefined) {
    if (!PASCAL_NAME.test(asked)) throw new UsageError(`--type-name ${JSON.stringify(asked)} must be PascalCase, such as BookingCancelled`);
    if (taken.has(asked)) throw new UsageError(`--type-name ${asked} is already used in the catalogue`);
    return asked;
  }
  const short = pascal(type.split('.').slice(-2).join(' '));
  if (!taken.has(short)) return short;
  const long = pascal(type);
  if (!taken.has(long)) return long;
  throw new UsageError(`the names ${short} and ${long} are both taken; choose one with --type-name`);
}
