/**
 * The upcast chain: data of version N becomes version N+1, step by step, up
 * to the version asked for. Each step is validated against its target
 * version at once, so a wrong upcaster is caught at the step that is wrong.
 */
import { type Check, issuesOf } from './checks.js';
import { type ContractError, contractError, type IssueInput } from './errors.js';
import { isRecord, setOwn } from './own-properties.js';

/** What an upcaster may read besides the data: the envelope, and values the caller passes in. */
export interface UpcastContext {
  readonly envelope: {
    readonly id?: string;
    readonly eventType: string;
    readonly occurredAt: string;
    readonly publishedAt?: string;
    readonly producer?: string;
    readonly detailUrl?: string;
    readonly description?: string;
  };
  /** Values from the caller (`options.context`), such as a fallback staff member. */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Turns version N data into version N+1 data. Upcasters are pure, do no I/O,
 * and build their result as an explicit object literal.
 */
export type Upcaster<From, To> = (data: From, context: UpcastContext) => To;

/** How a version is reached from the one before it. */
export interface UpcastStepDefinition {
  /** transform: declarative operations; typed: a TypeScript upcaster; meaning-only and identity: the data is carried over. */
  readonly kind: 'transform' | 'typed' | 'meaning-only' | 'identity';
  readonly run: Upcaster<never, unknown>;
}

/** What the chain needs to know about each version. */
export interface ChainVersion {
  readonly version: number;
  readonly upcast?: UpcastStepDefinition;
  /** The check of the data; open, as readers run it, properties the schema does not name are accepted. */
  readonly check: Check;
  /** The top-level properties the version's schema names. */
  readonly properties: () => ReadonlySet<string>;
}

export type ChainResult = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: ContractError };

const IDENTITY = (data: unknown) => data;

/**
 * Runs the steps from version `from` to `to` on `data`. Never throws: an
 * upcaster that throws, or that returns invalid data, fails with an error
 * naming the step. Paths start at the JSON Pointer `dataPath` (normally `/additionalInformation`).
 *
 * With `unknown: 'keep'`, the data may hold properties its version does not
 * name: each step carries the top-level ones over (an upcaster writes only
 * what it knows), and the result is checked with the next version's check,
 * open. With `'reject'` there are none, and each result must be exactly
 * the next version.
 */
export function runChain(
  eventType: string,
  versions: readonly ChainVersion[],
  data: unknown,
  from: number,
  to: number,
  context: UpcastContext,
  dataPath = '/additionalInformation',
  unknown: 'keep' | 'reject' = 'reject',
): ChainResult {
  let current = data;
  for (let target = from + 1; target <= to; target++) {
    const version = versions[target - 1] as ChainVersion;
    const step = { eventType, from: target - 1, to: target };
    const run = (version.upcast?.run ?? IDENTITY) as (data: unknown, context: UpcastContext) => unknown;
    const input = current;
    try {
      current = run(input, context);
    } catch (error) {
      const issue: IssueInput =
        error instanceof UpcastInputMissing
          ? { code: 'upcast_input_missing', path: '', detail: error.message }
          : { code: 'upcast_failed', path: '', detail: error instanceof Error ? error.message : String(error) };
      return { ok: false, error: contractError('upcast_failed', [issue], step) };
    }
    if (unknown === 'keep' && current !== input) current = withUnknown(input, current, (versions[target - 2] as ChainVersion).properties());
    const issues = issuesOf(version.check, current, unknown === 'keep', dataPath);
    if (issues) return { ok: false, error: contractError('upcast_failed', issues, step) };
  }
  return { ok: true, data: current };
}

/**
 * `output` with the top-level properties of `input` that its version does not
 * name, as they were, so reading loses nothing. Where the step wrote one of
 * them too (a v2 field sent early, under version 1), the sender's value wins:
 * the step only fills in what old data lacks.
 */
function withUnknown(input: unknown, output: unknown, known: ReadonlySet<string>): unknown {
  if (!isRecord(input) || !isRecord(output)) return output;
  for (const key of Object.keys(input)) {
    if (known.has(key)) continue;
    // A key named "__proto__" stays data instead of setting the prototype.
    setOwn(output, key, input[key]);
  }
  return output;
}

/** Thrown inside an upcaster when an input it needs is missing; the engine reports it as an issue. */
export class UpcastInputMissing extends Error {
  override readonly name = 'UpcastInputMissing';
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
  }
}
