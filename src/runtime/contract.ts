/**
 * What the two contracts of an event type share: versions with their
 * validators and JSON Schemas, and the upcast chain between them. A
 * notification contract describes `additionalInformation`; a detail contract
 * describes a detail document's `eventDetails`.
 */
import * as z from 'zod/mini';
import type { JsonSchemaObject } from '../catalogue/model.js';
import { type ContractError, contractError } from './errors.js';
import { type ChainVersion, runChain, type UpcastContext, type UpcastStepDefinition } from './upcast.js';
import { findIssues } from './zod-issues.js';

/** Data types by version number, such as `{ 1: BookingCancelledV1; 2: BookingCancelledV2 }`. */
export type VersionMap = { readonly [version: number]: unknown };

/** The types of one contract, as a generated module declares them. */
export interface ContractTypes {
  readonly versions: VersionMap;
  readonly latest: number;
}

/** One version, as the generated module describes it. */
export interface VersionDefinition {
  readonly version: number;
  /** The `$id` of the version's JSON Schema. */
  readonly schemaId: string;
  /** The zod validator of the data. */
  readonly data: z.ZodMiniType;
  /** The validator readers use: the same, but properties the schema does not name are accepted (they are reported as warnings). */
  readonly open: z.ZodMiniType;
  /** The version's JSON Schema, with the shared definitions it uses embedded. */
  readonly schema: () => JsonSchemaObject;
  /**
   * The version describes no data (an object with no properties), so a
   * notification may leave `additionalInformation` out, as the HMPPS
   * envelope allows. Only notification contracts use it.
   */
  readonly dataOptional?: true;
  /** How the previous version becomes this one. Absent for version 1. */
  readonly upcast?: UpcastStepDefinition;
}

/** What a generated module passes for one contract. */
export interface ContractDefinition {
  /** Every version, in order from 1. */
  readonly versions: readonly VersionDefinition[];
}

/** Options for `upcast`. */
export interface UpcastOptions<To extends number> {
  /** The version `data` is at. */
  readonly from: number;
  /** The version to reach. Default: the latest. */
  readonly to?: To;
  /** The notification or detail document the data came in; upcasters may read `occurredAt`, `id` and the like from it. */
  readonly envelope: UpcastContext['envelope'];
  /** Values for upcasters, as in `ParseOptions.context`. */
  readonly context?: Readonly<Record<string, unknown>>;
}

export type UpcastResult<D> = { readonly success: true; readonly data: D } | { readonly success: false; readonly error: ContractError };

/** The functions every contract has, whichever kind it is. */
export interface ContractFunctions<M extends VersionMap, L extends number> {
  /** The latest version. */
  readonly latest: L;
  /** Every version, ascending. */
  readonly versions: readonly (keyof M & number)[];
  /** The JSON Schema of a version's data (default: the latest), with its shared definitions embedded. */
  schema(version?: keyof M & number): JsonSchemaObject;
  /** Upcasts data (not a whole document) from one version to another. Never throws. */
  upcast<To extends keyof M & number = L>(data: unknown, options: UpcastOptions<To>): UpcastResult<M[To]>;
}

/** What the parsers need to know about one contract. */
export interface ContractRuntime {
  readonly type: string;
  readonly latest: number;
  readonly chain: readonly ChainVersion[];
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
export function tiered(build: () => z.ZodMiniType): () => z.ZodMiniType {
  let schema: z.ZodMiniType | undefined;
  let uses = 0;
  return () => {
    if (uses >= COMPILE_AFTER) return schema as z.ZodMiniType;
    schema ??= build();
    if (++uses === COMPILE_AFTER) schema = z.compile(schema);
    return schema;
  };
}

/** One {@link tiered} validator per version, made on first use: `build(v)` for version `v.version`. */
export function perVersion<V extends { readonly version: number }>(versions: readonly V[], build: (v: V) => z.ZodMiniType): (version: number) => z.ZodMiniType {
  const validators = versions.map((v) => tiered(() => build(v)));
  return (version) => (validators[version - 1] as () => z.ZodMiniType)();
}

/** The runtime and the public functions of one contract. */
export function defineContract<M extends VersionMap, L extends number>(
  type: string,
  definition: ContractDefinition,
): { readonly runtime: ContractRuntime; readonly functions: ContractFunctions<M, L> } {
  const { versions } = definition;
  const latest = versions.length as L;
  const dataValidator = perVersion(versions, (v) => v.data);
  const openOnly = perVersion(versions, (v) => v.open);
  // Where the open validator is the closed one, both share one use count, and one compilation.
  const openValidator = (version: number): z.ZodMiniType => (versions[version - 1]?.open === versions[version - 1]?.data ? dataValidator : openOnly)(version);
  const runtime: ContractRuntime = {
    type,
    latest,
    chain: versions.map((v) => {
      let properties: ReadonlySet<string> | undefined;
      return {
        version: v.version,
        ...(v.upcast ? { upcast: v.upcast } : {}),
        validator: () => dataValidator(v.version),
        openValidator: () => openValidator(v.version),
        properties: () => {
          properties ??= new Set(Object.keys((v.schema().properties ?? {}) as object));
          return properties;
        },
      };
    }),
  };
  const functions = {
    latest,
    versions: versions.map((v) => v.version),
    schema(version: number = latest) {
      const v = versions[version - 1];
      if (!v) throw new RangeError(`${type} has no version ${version}; it has 1 to ${latest}`);
      return v.schema();
    },
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
      const issues = findIssues(dataValidator(options.from), data);
      if (issues) return { success: false, error: contractError('invalid_event', issues) };
      const result = runChain(type, runtime.chain, data, options.from, to, { envelope: options.envelope, values: options.context ?? {} }, []);
      return result.ok ? { success: true, data: result.data } : { success: false, error: result.error };
    },
  };
  return { runtime, functions: functions as unknown as ContractFunctions<M, L> };
}
