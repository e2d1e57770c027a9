/**
 * What the two contracts of an event type share: versions with their
 * validators and JSON Schemas, and the upcast chain between them. A
 * notification contract describes `additionalInformation`; a detail contract
 * describes a detail document's `eventDetails`.
 */
import type { JsonSchemaObject } from '../catalogue/model.js';
import { type Check, issuesOf } from './checks.js';
import { type ContractError, contractError } from './errors.js';
import { type ChainVersion, runChain, type UpcastContext, type UpcastStepDefinition } from './upcast.js';

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
  /** The check of the data (see `checks.ts`); readers run it open, so properties the schema does not name are accepted and reported as warnings. */
  readonly check: Check;
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

/** The runtime and the public functions of one contract. */
export function defineContract<M extends VersionMap, L extends number>(
  type: string,
  definition: ContractDefinition,
): { readonly runtime: ContractRuntime; readonly functions: ContractFunctions<M, L> } {
  const { versions } = definition;
  const latest = versions.length as L;
  const runtime: ContractRuntime = {
    type,
    latest,
    chain: versions.map((v) => {
      let properties: ReadonlySet<string> | undefined;
      return {
        version: v.version,
        ...(v.upcast ? { upcast: v.upcast } : {}),
        check: v.check,
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
      const issues = issuesOf((versions[options.from - 1] as VersionDefinition).check, data);
      if (issues) return { success: false, error: contractError('invalid_event', issues) };
      const result = runChain(type, runtime.chain, data, options.from, to, { envelope: options.envelope, values: options.context ?? {} }, '');
      return result.ok ? { success: true, data: result.data } : { success: false, error: result.error };
    },
  };
  return { runtime, functions: functions as unknown as ContractFunctions<M, L> };
}
