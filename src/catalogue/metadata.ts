/**
 * Validators for the catalogue's own files, `event.json` and `vN.upcast.json`.
 * They mirror `schemas/_meta/*.schema.json` (which editors and tools in other
 * languages use); a test holds the two to the same answers.
 */
import * as z from 'zod/mini';
import type { EventMetadata, UpcastDeclaration } from './model.js';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
/**
 * An event type as the catalogue keeps it: two or more lower-case dotted
 * parts, hyphens inside a part. Queues filter on the event type exactly as
 * producers send it, and some HMPPS producers send two parts
 * (`<domain>.<verb>`), so the catalogue takes them as they are.
 */
export const EVENT_TYPE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/u;
/** `<domain>.<entity>.<past-tense verb>`: the name a new event type designed here is given (`new` requires it). */
export const NEW_EVENT_TYPE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*){2,}$/u;
const pointer = z.string().check(z.regex(/^(\/[^/]+)+$/u));
const nonEmpty = z.string().check(z.minLength(1));
/** A producer file a contract was modelled from: `owner/repo@commit:path`. */
const sourceFile = z.string().check(z.regex(/^[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}:\S+$/u));

const eventMetadata = z.strictObject({
  $schema: z.literal('../_meta/event.schema.json'),
  eventType: z.string().check(z.regex(EVENT_TYPE_PATTERN)),
  title: nonEmpty,
  description: nonEmpty,
  owner: nonEmpty,
  producers: z.array(z.string().check(z.regex(kebab))).check(z.minLength(1), unique()),
  consumers: z
    .array(z.strictObject({ service: z.string().check(z.regex(kebab)), component: z.exactOptional(z.string().check(z.regex(kebab))) }))
    .check(unique()),
  status: z.enum(['draft', 'active', 'not-emitted', 'deprecated', 'retired']),
  detailUrl: z.exactOptional(z.string()),
  source: z.exactOptional(
    z.strictObject({
      notification: z.exactOptional(z.array(sourceFile).check(z.minLength(1))),
      detail: z.exactOptional(z.array(sourceFile).check(z.minLength(1))),
    }),
  ),
  $comment: z.exactOptional(nonEmpty),
  timeline: z
    .record(z.string().check(z.regex(/^[1-9][0-9]*$/u)), nonEmpty)
    .check(z.refine((t) => '1' in t, { message: 'needs a template for version 1', path: ['1'] })),
});

const add = { op: z.literal('add'), path: pointer };
const operation = z.union([
  z.strictObject({ ...add, value: z.unknown() }).check(z.refine((o) => 'value' in o, { message: 'needs a value' })),
  z.strictObject({
    ...add,
    fromEnvelope: z.enum(['id', 'occurredAt', 'publishedAt', 'eventType', 'producer', 'detailUrl', 'description']),
  }),
  z.strictObject({ ...add, fromContext: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]*$/u)), default: z.exactOptional(z.unknown()) }),
  z.strictObject({ op: z.literal('rename'), from: pointer, path: pointer }),
  z.strictObject({ op: z.literal('remove'), path: pointer }),
  z.strictObject({ op: z.literal('date-in-zone'), from: pointer, path: pointer, timeZone: nonEmpty }),
  z.strictObject({ op: z.literal('map-enum'), path: pointer, map: z.record(z.string(), z.string()) }),
]);

const upcastDeclaration = z.strictObject({
  $schema: z.literal('../../_meta/upcast.schema.json'),
  kind: z.enum(['transform', 'meaning-only', 'typed']),
  description: nonEmpty,
  operations: z.exactOptional(z.array(operation)),
});

function unique<T>() {
  return z.refine<T[]>((items) => new Set(items.map((i) => JSON.stringify(i))).size === items.length, {
    message: 'items must be unique',
  });
}

/** A problem found in a metadata file, with a JSON Pointer into it. */
export interface MetadataProblem {
  readonly pointer: string;
  readonly message: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: MetadataProblem[] };

function check<T>(schema: z.ZodMiniType, json: unknown): Checked<T> {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data as T };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      pointer: issue.path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join(''),
      message: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_format' && issue.format === 'regex') return `does not match ${issue.pattern}`;
  if (issue.code === 'invalid_union') return 'is not one of the allowed operations (see schemas/_meta/upcast.schema.json)';
  return issue.message;
}

/** Checks the contents of an `event.json`. */
export function checkEventMetadata(json: unknown): Checked<EventMetadata> {
  return check<EventMetadata>(eventMetadata, json);
}

/** Checks the contents of a `vN.upcast.json`. */
export function checkUpcastDeclaration(json: unknown): Checked<UpcastDeclaration> {
  const checked = check<UpcastDeclaration & { operations?: unknown[] }>(upcastDeclaration, json);
  if (!checked.ok) return checked;
  const decl = checked.value;
  if (decl.kind === 'transform' && decl.operations === undefined) {
    return { ok: false, problems: [{ pointer: '/operations', message: 'a transform needs operations (use [] when none are needed)' }] };
  }
  if (decl.kind !== 'transform' && decl.operations !== undefined && decl.operations.length > 0) {
    return { ok: false, problems: [{ pointer: '/operations', message: `a ${decl.kind} upcast has no operations` }] };
  }
  return checked;
}
