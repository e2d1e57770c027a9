/**
 * The object each event type exports: its versions, schemas, builder, parser
 * and upcaster. Generated modules call {@link defineEventType}; everything
 * else in this file is shared by all event types.
 */
import * as z from 'zod/mini';
import type { Envelope } from '../../generated/envelope.js';
import type { JsonSchemaObject } from '../catalogue/model.js';
import type { EnvelopeLike } from './envelope.js';
import { type ContractError, contractError, type IssueInput } from './errors.js';
import { type EventRuntime, type Lookup, type ParseOptions, type ParseResult, safeParseWith, unwrap } from './parse.js';
import { runChain, type UpcastContext, type UpcastStepDefinition } from './upcast.js';
import { fromZodIssues } from './zod-issues.js';

/** Data types by version number, such as `{ 1: BookingCancelledV1; 2: BookingCancelledV2 }`. */
export type VersionMap = { readonly [version: number]: unknown };

/** An envelope whose data is version `V` of event type `T`. */
export type EventEnvelope<T extends string, V extends number, D> = Omit<Envelope, 'eventType' | 'version' | 'additionalInformation'> & {
  readonly eventType: T;
  readonly version: V;
  readonly additionalInformation: D;
};

/** What `build` takes: the envelope less what it can fill in. */
export interface BuildInput<D> {
  readonly additionalInformation: D;
  /** Default: the CRN and NOMS number from the data's `personReference`, where it has one. */
  readonly personReference?: Envelope['personReference'];
  readonly detailUrl?: string;
  /** Default: the event type's description from its `event.json`. */
  readonly description?: string;
  readonly producer?: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly traceparent?: string;
  /** Default: now. */
  readonly occurredAt?: string;
  /** Default: a new random (v4) UUID. */
  readonly id?: string;
  /** Default: now. */
  readonly publishedAt?: string;
}

/** Options for `build`, mostly for deterministic tests. */
export interface BuildOptions {
  /** The clock. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** The id source. Default `crypto.randomUUID`. */
  readonly randomUUID?: () => string;
}

/** Options for `upcast`. */
export interface UpcastOptions<To extends number> {
  /** The version `data` is at. */
  readonly from: number;
  /** The version to reach. Default: the latest. */
  readonly to?: To;
  /** The envelope the data came in; upcasters may read `occurredAt`, `id` and the like from it. */
  readonly envelope: UpcastContext['envelope'];
  /** Values for upcasters, as in `ParseOptions.context`. */
  readonly context?: Readonly<Record<string, unknown>>;
}

export type UpcastResult<D> = { readonly success: true; readonly data: D } | { readonly success: false; readonly error: ContractError };

/** One version, as the generated module describes it. */
export interface VersionDefinition {
  readonly version: number;
  /** The `$id` of the version's JSON Schema. */
  readonly schemaId: string;
  /** The zod validator of the data. */
  readonly data: z.ZodMiniType;
  /** The version's JSON Schema, with the shared definitions it uses embedded. */
  readonly schema: () => JsonSchemaObject;
  /** How the previous version becomes this one. Absent for version 1. */
  readonly upcast?: UpcastStepDefinition;
}

/** What a generated module passes to {@link defineEventType}. */
export interface EventTypeDefinition<T extends string> {
  readonly type: T;
  readonly title: string;
  readonly description: string;
  /** Timeline templates keyed by the first version they apply to. */
  readonly timeline: Readonly<Record<string, string>>;
  /** The envelope's zod shape, from `generated/envelope.ts`. */
  readonly envelope: z.core.$ZodLooseShape;
  /** Every version, in order from 1. */
  readonly versions: readonly VersionDefinition[];
}

type VersionOf<M extends VersionMap> = keyof M & number;

/** An event type: its contract, and the functions to build, read and upcast it. */
export interface EventType<T extends string = string, M extends VersionMap = VersionMap, L extends VersionOf<M> = VersionOf<M>> {
  /** The event type, such as `approved-premises.booking.cancelled`. */
  readonly type: T;
  readonly title: string;
  readonly description: string;
  /** The latest version. */
  readonly latest: L;
  /** Every version, ascending. */
  readonly versions: readonly VersionOf<M>[];
  /** Timeline templates keyed by the first version they apply to. */
  readonly timeline: Readonly<Record<string, string>>;
  /** The JSON Schema of a version's data (default: the latest), with its shared definitions embedded. */
  schema(version?: VersionOf<M>): JsonSchemaObject;
  /** Builds a valid envelope at the latest version, filling in id, times and version. Throws `ContractError` when the result is invalid. */
  build(input: BuildInput<M[L]>, options?: BuildOptions): EventEnvelope<T, L, M[L]>;
  /** Reads an event of this type, upcast to the latest version. Never throws. */
  safeParse(input: unknown, options?: ParseOptions<'latest'>): ParseResult<EventEnvelope<T, L, M[L]>>;
  /** Reads an event of this type, upcast to version `to`. Never throws. */
  safeParse<V extends VersionOf<M>>(input: unknown, options: ParseOptions<V>): ParseResult<EventEnvelope<T, V, M[V]>>;
  /** As `safeParse`, but throws `ContractError`. */
  parse(input: unknown, options?: ParseOptions<'latest'>): EventEnvelope<T, L, M[L]>;
  parse<V extends VersionOf<M>>(input: unknown, options: ParseOptions<V>): EventEnvelope<T, V, M[V]>;
  /** Upcasts data (not a whole envelope) from one version to another. Never throws. */
  upcast<To extends VersionOf<M> = L>(data: unknown, options: UpcastOptions<To>): UpcastResult<M[To]>;
  /** @internal What the parser and registry use. */
  readonly runtime: EventRuntime;
}

/**
 * The schema of a whole envelope of `type` at `version`, not compiled: the
 * envelope's fields, the type and version fixed (a version 1 message may omit
 * its version), and the version's data.
 */
export function envelopeSchema(envelope: z.core.$ZodLooseShape, type: string, version: number, data: z.ZodMiniType): z.ZodMiniType {
  const versionField = version === 1 ? z.exactOptional(z.literal(1)) : z.literal(version);
  return z.looseObject({ ...envelope, eventType: z.literal(type), version: versionField, additionalInformation: data });
}

/**
 * How many times a validator runs on zod's interpreter before it is compiled.
 * Compiling an envelope validator takes about 6 ms, what some 450 interpreted
 * runs lose against compiled ones (about 17 µs against 4 µs each). So a
 * process that reads one message (a cold Lambda, a CLI) never pays for it,
 * and one that reads many pays it once, early.
 */
export const COMPILE_AFTER = 100;

/** A validator that starts interpreted and is compiled on its {@link COMPILE_AFTER}th use. Both agree with JSON Schema; the differential tests check each. */
function tiered(build: () => z.ZodMiniType): () => z.ZodMiniType {
  let schema: z.ZodMiniType | undefined;
  let uses = 0;
  return () => {
    if (uses >= COMPILE_AFTER) return schema as z.ZodMiniType;
    schema ??= build();
    if (++uses === COMPILE_AFTER) schema = z.compile(schema);
    return schema;
  };
}

/** Creates the object for one event type. Called by generated modules. */
export function defineEventType<T extends string, M extends VersionMap, L extends VersionOf<M>>(definition: EventTypeDefinition<T>): EventType<T, M, L> {
  const { type, versions } = definition;
  const latest = versions.length as L;
  const dataValidators = versions.map((v) => tiered(() => v.data));
  const envelopeValidators = versions.map((v) => tiered(() => envelopeSchema(definition.envelope, type, v.version, v.data)));
  const dataValidator = (version: number): z.ZodMiniType => (dataValidators[version - 1] as () => z.ZodMiniType)();
  const runtime: EventRuntime = {
    type,
    latest,
    chain: versions.map((v) => ({ version: v.version, ...(v.upcast ? { upcast: v.upcast } : {}), validator: () => dataValidator(v.version) })),
    envelopeValidator: (version) => (envelopeValidators[version - 1] as () => z.ZodMiniType)(),
  };
  const lookup: Lookup = { find: (t) => (t === type ? runtime : undefined), known: () => [type] };

  const eventType = {
    type,
    title: definition.title,
    description: definition.description,
    latest,
    versions: versions.map((v) => v.version),
    timeline: definition.timeline,
    runtime,
    schema(version: number = latest) {
      const v = versions[version - 1];
      if (!v) throw new RangeError(`${type} has no version ${version}; it has 1 to ${latest}`);
      return v.schema();
    },
    build(input: BuildInput<unknown>, options?: BuildOptions) {
      const envelope = assemble(definition, latest, input, options);
      const validator = runtime.envelopeValidator(latest);
      if (!z.validate(validator, envelope)) {
        const result = validator.safeParse(envelope);
        throw contractError('invalid_event', result.success ? [{ code: 'invalid_value', path: '' }] : fromZodIssues(result.error.issues, envelope));
      }
      return envelope;
    },
    safeParse: (input: unknown, options?: ParseOptions) => safeParseWith(lookup, input, options, type),
    parse: (input: unknown, options?: ParseOptions) => unwrap(safeParseWith(lookup, input, options, type)),
    upcast(data: unknown, options: UpcastOptions<number>) {
      const to = options.to ?? latest;
      if (!Number.isInteger(options.from) || options.from < 1 || options.from > latest || !Number.isInteger(to) || to < options.from || to > latest) {
        return {
          success: false,
          error: contractError('invalid_option', [
            { code: 'invalid_option', path: '', detail: `cannot upcast ${type} from ${options.from} to ${to}; it has versions 1 to ${latest}` },
          ]),
        };
      }
      const from = dataValidator(options.from);
      if (!z.validate(from, data)) {
        const result = from.safeParse(data);
        const issues: IssueInput[] = result.success ? [{ code: 'invalid_value', path: '' }] : fromZodIssues(result.error.issues, data);
        return { success: false, error: contractError('invalid_event', issues) };
      }
      const result = runChain(type, runtime.chain, data, options.from, to, { envelope: options.envelope, values: options.context ?? {} }, []);
      return result.ok ? { success: true, data: result.data } : { success: false, error: result.error };
    },
  };
  return eventType as unknown as EventType<T, M, L>;
}

const BUILD_FIELDS: ReadonlySet<string> = new Set([
  'additionalInformation',
  'personReference',
  'detailUrl',
  'description',
  'producer',
  'requestId',
  'correlationId',
  'traceparent',
  'occurredAt',
  'id',
  'publishedAt',
]);

/** The envelope `build` returns, written field by field in the usual order. */
function assemble(definition: EventTypeDefinition<string>, version: number, input: BuildInput<unknown>, options: BuildOptions | undefined): EnvelopeLike {
  if (typeof input !== 'object' || input === null) {
    throw contractError('invalid_option', [{ code: 'invalid_option', path: '', detail: 'build takes an object with additionalInformation' }]);
  }
  for (const key of Object.keys(input)) {
    if (!BUILD_FIELDS.has(key)) {
      throw contractError('invalid_option', [
        { code: 'invalid_option', path: `/${key}`, detail: `build does not take ${JSON.stringify(key)}; it takes ${[...BUILD_FIELDS].join(', ')}` },
      ]);
    }
  }
  const now = (options?.now ?? (() => new Date()))().toISOString();
  const out: Record<string, unknown> = { id: input.id ?? (options?.randomUUID ?? (() => crypto.randomUUID()))(), publishedAt: input.publishedAt ?? now };
  if (input.producer !== undefined) out.producer = input.producer;
  if (input.requestId !== undefined) out.requestId = input.requestId;
  if (input.correlationId !== undefined) out.correlationId = input.correlationId;
  if (input.traceparent !== undefined) out.traceparent = input.traceparent;
  out.eventType = definition.type;
  out.version = version;
  out.occurredAt = input.occurredAt ?? now;
  out.description = input.description ?? definition.description;
  if (input.detailUrl !== undefined) out.detailUrl = input.detailUrl;
  const personReference = input.personReference ?? personReferenceOf(input.additionalInformation);
  if (personReference !== undefined) out.personReference = personReference;
  out.additionalInformation = input.additionalInformation;
  return out as unknown as EnvelopeLike;
}

/** The envelope's identifiers from data that carries `personReference: { crn, noms }`. */
function personReferenceOf(data: unknown): Envelope['personReference'] | undefined {
  const ref = (data as { personReference?: { crn?: unknown; noms?: unknown } } | null)?.personReference;
  if (typeof ref !== 'object' || ref === null || typeof ref.crn !== 'string') return undefined;
  const identifiers: Array<{ type: 'CRN'; value: string } | { type: 'NOMS'; value: string }> = [{ type: 'CRN', value: ref.crn }];
  if (typeof ref.noms === 'string') identifiers.push({ type: 'NOMS', value: ref.noms });
  return { identifiers };
}
