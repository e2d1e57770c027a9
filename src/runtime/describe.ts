/**
 * Timeline sentences: the human-readable line a case timeline shows for an
 * event, made from the `timeline` templates in the event type's `event.json`.
 *
 * A template is plain text with placeholders: `{{premises.name}}` inserts a
 * value of the data by dotted path (a detail document's `eventDetails` where
 * the event type has a detail contract, else the notification's
 * `additionalInformation`), and `{{envelope.occurredAt}}` a field of the
 * document around it. Templates are keyed by
 * the first version they apply to, so the wording follows the version: an
 * event at version 3 uses the template keyed `3`, or else the highest key
 * below 3.
 *
 * Describing never throws. The event may come straight off a queue,
 * unvalidated, so a value that is missing, `null`, blank, an object or not
 * finite is shown as the `missing` text (default `unknown`), never as
 * `undefined`. A list of scalars is shown joined with commas.
 */
import { isRecord, ownValue } from './own-properties.js';

/** Anything with timeline templates, such as a generated event type object. */
export interface TimelineSource {
  /** Templates keyed by the first version they apply to (`"1"`, `"2"`…). */
  readonly timeline: Readonly<Record<string, string>>;
}

/** Finds an event type's templates by name, as the registry does. */
export interface TimelineLookup {
  get(eventType: string): TimelineSource | undefined;
}

export interface DescribeOptions {
  /** What to show for a value the event does not have. Default `unknown`. */
  readonly missing?: string;
  /** The stored schema version of a detail document, which carries none. `null` and absent mean 1. */
  readonly version?: number | null;
}

/** The prefix of a placeholder that reads the envelope instead of the data. */
export const ENVELOPE_PREFIX = 'envelope.';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/gu;

/** The paths a template's placeholders name, in order: `"at {{premises.name}}"` gives `["premises.name"]`. */
export function templatePaths(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string);
}

/**
 * The template that applies to `version`: the one keyed by the highest
 * version not above it. Undefined when none does (no template for version 1,
 * or `version` is not a positive integer).
 */
export function templateFor(timeline: Readonly<Record<string, string>>, version: number): string | undefined {
  if (!Number.isInteger(version) || version < 1) return undefined;
  let best = 0;
  for (const key of Object.keys(timeline)) {
    const from = Number(key);
    if (Number.isInteger(from) && from <= version && from > best) best = from;
  }
  return best === 0 ? undefined : timeline[String(best)];
}

/** Whether a document is a detail document (it has `eventDetails`) rather than a notification. */
const isDetail = (document: unknown): boolean => isRecord(document) && Object.hasOwn(document, 'eventDetails');

/**
 * Fills `template` from a notification or a detail document: `{{a.b}}` from
 * its data (`additionalInformation.a.b`, or `eventDetails.a.b`),
 * `{{envelope.a}}` from the document's own `a`.
 */
export function fillTemplate(template: string, envelope: unknown, options?: DescribeOptions): string {
  const missing = options?.missing ?? 'unknown';
  const data = ownValue(envelope, isDetail(envelope) ? 'eventDetails' : 'additionalInformation');
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const value = path.startsWith(ENVELOPE_PREFIX) ? valueAt(envelope, path.slice(ENVELOPE_PREFIX.length)) : valueAt(data, path);
    return show(value) ?? missing;
  });
}

/**
 * The timeline sentence for an event, from the templates `source` gives for
 * its event type: for a detail document (as the CAS timeline reads them), at
 * the stored version `options.version` (absent or null: 1); for a
 * notification, at its `version` (absent: 1).
 *
 * When no template applies (the input is not an event, its event type is
 * unknown, its version is not a positive integer), the result is the
 * notification's own `description` when it has one, else the empty string.
 */
export function describeWith(event: unknown, source: TimelineSource | TimelineLookup, options?: DescribeOptions): string {
  const type = ownValue(event, 'eventType');
  const rawVersion = isDetail(event) ? options?.version : ownValue(event, 'version');
  const version = rawVersion === undefined || rawVersion === null ? 1 : rawVersion;
  const timeline = 'timeline' in source ? source.timeline : typeof type === 'string' ? source.get(type)?.timeline : undefined;
  const template = timeline && typeof version === 'number' ? templateFor(timeline, version) : undefined;
  if (template !== undefined) return fillTemplate(template, event, options);
  const description = ownValue(event, 'description');
  return typeof description === 'string' ? description : '';
}

function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) value = ownValue(value, key);
  return value;
}

/** Text for a scalar, or a list of scalars joined with commas; undefined for anything else. */
function show(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value) && value.length > 0) {
    const items = value.map((item) => (Array.isArray(item) ? undefined : show(item)));
    return items.every((item) => item !== undefined) ? items.join(', ') : undefined;
  }
  return undefined;
}
