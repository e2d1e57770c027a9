/**
 * `timeline-field`: a timeline template in `event.json` whose placeholder
 * names a field that some version it applies to does not have (an error:
 * most likely a typo, and every timeline would read "unknown"), or does not
 * require (a warning: events without it read "unknown" there). A template
 * keyed `N` applies to version N and the versions after it, up to the next
 * key. Templates read the detail contract where the event type has one.
 * `{{envelope.field}}` is checked against the envelope schema, or for a
 * detail contract against the detail document's own fields.
 */
import { type EventTypeSource, timelineContract } from '../catalogue/model.js';
import { type CheckContext, checkRule, type RuleProblem } from '../compat/check/context.js';
import type { NormalSchema } from '../compat/normal-schema.js';
import { ENVELOPE_PREFIX, templatePaths } from '../runtime/describe.js';
import { toPointer } from '../runtime/json-pointer.js';

/** The fields of a detail document around its `eventDetails`, which `{{envelope.field}}` reads for an event type with a detail contract. */
const DETAIL_DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['id', 'timestamp', 'eventType']);

/** Whether a dotted path is present in every valid document, in some, or in none. */
export type Presence = 'required' | 'optional' | 'absent' | 'undecided';

export const timelineFields = checkRule({
  code: 'timeline-field',
  severity: 'error',
  summary: 'a timeline placeholder in `event.json` that names a field its version lacks; a warning where the field is only optional',
  run: (context) => timelineProblems(context),
});

function timelineProblems({ current }: CheckContext): RuleProblem[] {
  const out: RuleProblem[] = [];
  const envelope = current.normal(current.catalogue.envelope);
  for (const event of current.catalogue.events) {
    for (const [key, template] of Object.entries(event.metadata.timeline)) {
      const pointer = toPointer(['timeline', key]);
      for (const path of new Set(templatePaths(template))) {
        const onEnvelope = path.startsWith(ENVELOPE_PREFIX);
        const field = onEnvelope ? path.slice(ENVELOPE_PREFIX.length) : path;
        for (const version of versionsOf(event, key)) {
          // A detail document's own fields are fixed and always there; a notification's are the envelope schema's.
          const presence =
            onEnvelope && event.detail
              ? DETAIL_DOCUMENT_FIELDS.has(field)
                ? 'required'
                : 'absent'
              : presenceOf(onEnvelope ? envelope : current.normal(version.schema), field.split('.'));
          const where = onEnvelope ? (event.detail ? 'the detail document (id, timestamp, eventType)' : 'the envelope') : `v${version.version}`;
          if (presence === 'absent') {
            out.push({ file: event.metadataFile, pointer, message: `{{${path}}} names no field of ${where}; the sentence would read "unknown" there` });
          } else if (presence === 'optional') {
            const message = `{{${path}}} is not required in ${where}, so an event without it reads "unknown" there; use a required field or word the template without it`;
            out.push({ severity: 'warning', file: event.metadataFile, pointer, message });
          }
          if (onEnvelope || presence === 'absent') break;
        }
      }
    }
  }
  return out;
}

/** The versions the template keyed `key` is used for: from `key` up to the next key. */
function versionsOf(event: EventTypeSource, key: string) {
  const from = Number(key);
  const next = Math.min(
    ...Object.keys(event.metadata.timeline)
      .map(Number)
      .filter((k) => k > from),
  );
  return timelineContract(event).versions.filter((v) => v.version >= from && v.version < next);
}

/**
 * Is a usable value at `path` in every document `schema` accepts? A value
 * that may be `null` counts as optional, since it reads "unknown" too. A
 * field under `anyOf` is required only when every branch requires it; parts
 * the engine cannot read are undecided, and not reported.
 */
export function presenceOf(schema: NormalSchema, path: readonly string[]): Presence {
  if (schema.kind === 'unknown') return 'undecided';
  if (schema.kind === 'anyOf') {
    const answers = new Set(schema.branches.map((b) => presenceOf(b, path)));
    if (answers.has('undecided')) return 'undecided';
    if (answers.size === 1) return [...answers][0] as Presence;
    return answers.has('required') || answers.has('optional') ? 'optional' : 'absent';
  }
  const [name, ...rest] = path;
  if (name === undefined) return (schema.kind === 'values' ? schema.values.includes(null) : schema.types.includes('null')) ? 'optional' : 'required';
  if (schema.kind !== 'typed' || !schema.types.includes('object') || !Object.hasOwn(schema.object.properties, name)) return 'absent';
  const below = presenceOf(schema.object.properties[name] as NormalSchema, rest);
  if (below !== 'required') return below;
  // Where other types are allowed too (`["object", "null"]`), the field may be missing with its object.
  return schema.object.required.includes(name) && schema.types.length === 1 ? 'required' : 'optional';
}
