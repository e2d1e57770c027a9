/**
 * How the readers judge an example, as a whole document: what `safeParse`
 * makes of a notification and `safeParseDetail` of a detail document, with
 * the version the example's file name gives. Used by `check`, which runs
 * without the generated modules, so the parts the runtime builds from
 * generated code are taken from the schemas they are generated from:
 *
 * - a notification: the envelope (`schemas/envelope.schema.json`, from which
 *   the runtime's envelope validator is generated: `occurredAt` with an
 *   offset, person identifiers as producers send them), with the event type
 *   and version fixed as the runtime's `envelopeCheck` fixes them (`version`
 *   absent or `null` is read as 1, as `safeParse` reads it), and the
 *   version's schema for `additionalInformation`, which is an object
 *   whatever that schema allows;
 * - a detail document: the runtime's own `detailDocumentCheck` (`id` a
 *   UUID, `timestamp` a date-time with an offset, the event type, and
 *   `eventDetails` an object), and the version's schema for `eventDetails`.
 *
 * Properties the contracts do not name are judged as `validate --strict`
 * judges them: examples are test vectors, held to what the contract says.
 */
import type { ContractKind } from '../catalogue/model.js';
import { type Rejection, rejection } from '../compat/accepts.js';
import { anything, type NormalSchema, type Source, type TypedSchema } from '../compat/normal-schema.js';
import { type Check, issuesOf, typeIssue } from '../runtime/checks.js';
import { detailDocumentCheck } from '../runtime/detail.js';
import { type IssueInput, withMessages } from '../runtime/errors.js';
import { describeValue } from '../runtime/messages.js';
import { isRecord } from '../runtime/own-properties.js';
import { checkEventType } from '../runtime/parse.js';

/** The contract and version an example is for, with the normal schemas that judge it. */
export interface ExampleTarget {
  readonly eventType: string;
  readonly kind: ContractKind;
  readonly version: number;
  /** The version's data schema. */
  readonly data: NormalSchema;
  /** A notification version that describes no data, which may leave `additionalInformation` out. */
  readonly dataOptional?: boolean;
  /** The envelope's normal schema (used for notifications). */
  readonly envelope: NormalSchema;
  /** Where the version's schema is written, for the parts made here. */
  readonly source: Source;
}

/** The name of the reader that judges a document of `kind`. */
export const readerOf = (kind: ContractKind): string => (kind === 'notification' ? 'safeParse' : 'safeParseDetail');

const detailShapes = new Map<string, Check>();
/** Details of any shape: only the detail document around them is judged here. */
const anyDetails: Check = () => 0;

/**
 * Why the readers refuse `document` as a `target.kind` document of
 * `target.eventType` at `target.version`: a JSON Pointer into the whole
 * document and what is wrong there. Undefined when they accept it.
 */
export function wholeDocumentRejection(target: ExampleTarget, document: unknown): Rejection | undefined {
  const { eventType, kind, version } = target;
  const whole = kind === 'notification' ? 'a notification' : 'a detail document';
  if (!isRecord(document)) return { path: '', message: `must be ${whole} (a JSON object), not ${describeValue(document)}` };
  const named = checkEventType(document.eventType, eventType, '/eventType');
  if (!named.ok) return first([named.issue]);
  if (kind === 'notification') {
    const said = document.version;
    // As safeParse reads it: no version, or null, is version 1.
    if ((said ?? 1) !== version) return { path: '/version', message: `must be ${version}, the version this example is for` };
    // As envelopeCheck reads it: additionalInformation is an object, whatever the version's schema allows.
    if (Object.hasOwn(document, 'additionalInformation') && !isRecord(document.additionalInformation)) {
      const issues: IssueInput[] = [];
      typeIssue(issues, document.additionalInformation, '/additionalInformation', 'object');
      return first(issues);
    }
    return rejection(notificationSchema(target), document);
  }
  let shape = detailShapes.get(eventType);
  if (!shape) {
    shape = detailDocumentCheck(eventType, anyDetails);
    detailShapes.set(eventType, shape);
  }
  const issues = issuesOf(shape, document);
  if (issues) return first(issues);
  return rejection(target.data, document.eventDetails, '/eventDetails');
}

/**
 * Whether `schema` has a part the normaliser could not read (an unsupported
 * keyword, a `$ref` that resolves to nothing). Such a part accepts
 * everything here, so a document it accepts may not be valid after all.
 */
export function hasUndecidedPart(schema: NormalSchema, seen = new Set<NormalSchema>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  switch (schema.kind) {
    case 'unknown':
      return true;
    case 'values':
      return false;
    case 'anyOf':
      return schema.branches.some((b) => hasUndecidedPart(b, seen));
    case 'typed': {
      const { items } = schema.array;
      return Object.values(schema.object.properties).some((p) => hasUndecidedPart(p, seen)) || (items !== undefined && hasUndecidedPart(items, seen));
    }
  }
}

/** The first issue, with the message the runtime gives it. */
function first(issues: readonly IssueInput[]): Rejection {
  const [issue] = withMessages(issues);
  return issue ? { path: issue.path, message: issue.message } : { path: '', message: 'is not valid' };
}

/**
 * The schema of a whole notification at `target.version`, as the runtime's
 * `envelopeCheck` makes it: the envelope's fields, the event type and
 * version fixed (version 1 may be left out, or null, which readers read as 1),
 * and the version's data (which a version that describes none may leave out).
 */
function notificationSchema(target: ExampleTarget): TypedSchema {
  const { envelope, source, eventType, version, data } = target;
  const base: TypedSchema = envelope.kind === 'typed' ? envelope : anything(source);
  const values = (list: readonly unknown[]): NormalSchema => ({ kind: 'values', source, values: list });
  const required = new Set([...base.object.required, 'eventType', 'additionalInformation']);
  if (target.dataOptional === true) required.delete('additionalInformation');
  if (version === 1) required.delete('version');
  else required.add('version');
  return {
    ...base,
    types: ['object'],
    object: {
      ...base.object,
      properties: {
        ...base.object.properties,
        eventType: values([eventType]),
        version: values(version === 1 ? [1, null] : [version]),
        additionalInformation: data,
      },
      required: [...required],
    },
  };
}
