/**
 * `upcaster-invalid`: an upcast step that does not turn valid data of its
 * earlier version into valid data of the next. Every step of every contract
 * that has a `vN.upcast.json` is run on many values generated from version
 * N-1's schema (see `compat/sample-values.ts`), and each result is judged
 * against version N's; the first one that fails is the counterexample, with
 * the JSON Pointer of what is wrong in the result.
 *
 * A `transform` is run as `compat/upcast-interpreter.ts` runs its plan, the
 * one the generator compiles; where the plan has a gap (a required property no
 * operation fills, a property dropped without `remove`), the finding says so,
 * and a declaration the generator cannot plan at all is reported with the
 * generator's reason. A `meaning-only` step carries the data over. A `typed`
 * step is TypeScript in `src/upcasters/`, which `check` does not compile, so
 * it is not run here: the runtime validates its result after every step, and
 * the upcast property test runs it. Steps that `upcaster-required` already
 * refuses are left to it.
 *
 * The context a step reads is filled in as readers fill it: a notification's
 * whole envelope, or a detail document's `id` and `timestamp`; a context value
 * a step requires is a valid value of the property it fills. Where no valid
 * value of the earlier version can be made (a required part of its schema the
 * normal form cannot read, which the lints report), the step is not run.
 */
import type { ContractSource, EnvelopeSource, EventTypeSource, UpcastSource, VersionSource } from '../../../catalogue/model.js';
import { derefIn, type PlanEntry, planUpcast, type UpcastPlan } from '../../../codegen/upcast-plan.js';
import type { Counterexample } from '../../../diagnostic.js';
import { ConfigError } from '../../../errors.js';
import { type UpcastContext, UpcastInputMissing } from '../../../runtime/upcast.js';
import { indexCatalogue } from '../../../schema/catalogue-index.js';
import { rejection } from '../../accepts.js';
import type { NormalSchema } from '../../normal-schema.js';
import { sampleValues } from '../../sample-values.js';
import { runUpcastPlan } from '../../upcast-interpreter.js';
import { type CheckContext, checkRule, type RuleProblem } from '../context.js';
import { newVersions } from './new-versions.js';
import { missingUpcaster } from './upcaster-required.js';

/** How many values of the earlier version each step is run on. */
export const UPCAST_SAMPLES = 64;

export const upcasterInvalid = checkRule({
  code: 'upcaster-invalid',
  severity: 'error',
  summary:
    'an upcast step (any version, any contract) does not turn valid data of one version into valid data of the next: run on generated values, it names the step, the JSON Pointer and a counterexample (typed upcasters, which are TypeScript, are not run)',
  run: (context) => invalidSteps(context),
});

/** Every declared step that fails on some valid data of its earlier version, or whose declaration has a gap. */
function invalidSteps(context: CheckContext): RuleProblem[] {
  const { current } = context;
  const refused = new Set(newVersions(context).flatMap((v) => (missingUpcaster(v) ? [v.version] : [])));
  const index = indexCatalogue(current.catalogue);
  let envelopes: UpcastContext['envelope'][] | undefined;
  const out: RuleProblem[] = [];
  for (const { event, contract, from, to } of stepsOf(current.catalogue.events)) {
    const upcast = to.upcast as UpcastSource;
    if (refused.has(to) || upcast.declaration.kind === 'typed') continue;
    const label = `${event.type}/${contract.kind} v${from.version} → v${to.version}`;
    let plan: UpcastPlan | undefined;
    if (upcast.declaration.kind === 'transform') {
      try {
        plan = planUpcast(
          {
            file: upcast.file,
            from: { schema: from.schema.json, deref: derefIn(from, index) },
            to: { schema: to.schema.json, deref: derefIn(to, index) },
            operations: upcast.declaration.operations,
          },
          'collect',
        );
      } catch (problem) {
        if (!(problem instanceof ConfigError)) throw problem;
        out.push({ file: upcast.file, pointer: problem.pointer, message: `${label}: ${problem.detail}` });
        continue;
      }
    }
    if (plan && readsEnvelope(plan.entries)) envelopes ??= envelopeSamples(context);
    const step = { eventType: event.type, contract: contract.kind, from: from.version, to: to.version };
    out.push(...judge({ event, contract, from, to, file: upcast.file, step, label, plan, envelopes: envelopes ?? [], current }));
  }
  return out;
}

/** Every step from one version to the next that a `vN.upcast.json` declares. */
function* stepsOf(events: readonly EventTypeSource[]) {
  for (const event of events) {
    for (const contract of event.contracts) {
      for (const [i, to] of contract.versions.entries()) {
        const from = contract.versions[i - 1];
        if (from && to.upcast) yield { event, contract, from, to };
      }
    }
  }
}

interface Step {
  readonly event: EventTypeSource;
  readonly contract: ContractSource;
  readonly from: VersionSource;
  readonly to: VersionSource;
  readonly file: string;
  readonly step: Counterexample['step'];
  readonly label: string;
  /** Undefined for a step that carries the data over. */
  readonly plan: UpcastPlan | undefined;
  /** Envelopes for the context; empty where the step does not read the envelope. */
  readonly envelopes: readonly UpcastContext['envelope'][];
  readonly current: CheckContext['current'];
}

/** Runs one step on the samples; a problem for the first that fails, and one for each gap no sample showed. */
function judge({ event, contract, from, to, file, step, label, plan, envelopes, current }: Step): RuleProblem[] {
  const target = current.normal(to.schema);
  const seed = hash(label);
  const samples = sampleValues(current.normal(from.schema), { count: UPCAST_SAMPLES, seed });
  const values = plan ? contextValues(plan, target, seed) : [];
  const gaps = plan?.gaps ?? [];
  const shown = new Set<number>();
  const found: RuleProblem[] = [];
  for (const [i, input] of samples.entries()) {
    const envelope = envelopes[i % envelopes.length] ?? { eventType: event.type, occurredAt: '' };
    const upcastContext: UpcastContext = {
      envelope:
        contract.kind === 'detail'
          ? { id: envelope.id as string, eventType: event.type, occurredAt: envelope.occurredAt }
          : { ...envelope, eventType: event.type },
      values: Object.fromEntries(values.map(([name, samples]) => [name, samples[i % samples.length]])),
    };
    let output: unknown;
    try {
      output = plan ? runUpcastPlan(plan, input, upcastContext) : input;
    } catch (thrown) {
      const detailHasNone = thrown instanceof UpcastInputMissing && thrown.input.startsWith('/') && contract.kind === 'detail';
      const reason = `${thrown instanceof Error ? thrown.message : String(thrown)}${detailHasNone ? ' (a detail document gives an upcast its id and timestamp only)' : ''}`;
      const counterexample: Counterexample = { step, input };
      found.push({ file, pointer: '', message: `${label} fails on valid v${from.version} data: ${reason}; for example, on ${json(input)}`, counterexample });
      break;
    }
    const wrong = rejection(target, output);
    if (!wrong) continue;
    // Where a gap in the declaration explains the result, the gap is the reason to give.
    const gap = gaps.findIndex((g) => wrong.path === g.path || wrong.path.startsWith(`${g.path}/`));
    if (gap !== -1) shown.add(gap);
    const reason = gap === -1 ? `${wrong.path || '/'} ${wrong.message}` : (gaps[gap] as { message: string }).message;
    const counterexample: Counterexample = { step, input, output, path: wrong.path };
    found.push({
      file,
      pointer: gap === -1 ? '' : operationPointer(gaps[gap]?.operation),
      message: `${label} does not make valid v${to.version} data: ${reason}; for example, from the valid v${from.version} data ${json(input)}`,
      counterexample,
    });
    break;
  }
  gaps.forEach((gap, i) => {
    if (!shown.has(i)) found.push({ file, pointer: operationPointer(gap.operation), message: `${label}: ${gap.message}` });
  });
  return found;
}

/**
 * Values for the context values the plan requires (those without a default):
 * valid values of the property each fills, so that the rest of the step runs.
 */
function contextValues(plan: UpcastPlan, target: NormalSchema, seed: number): [string, unknown[]][] {
  const out: [string, unknown[]][] = [];
  const visit = (entries: readonly PlanEntry[], schema: NormalSchema | undefined) => {
    for (const { name, source } of entries) {
      const property = schema?.kind === 'typed' && Object.hasOwn(schema.object.properties, name) ? schema.object.properties[name] : undefined;
      if (source.kind === 'object') visit(source.entries, property);
      else if (source.kind === 'context' && !('default' in source) && property)
        out.push([source.name, sampleValues(property, { count: UPCAST_SAMPLES, seed })]);
    }
  };
  visit(plan.entries, target);
  return out.filter(([, values]) => values.length > 0);
}

/** The envelope fields an upcast can read (see `UpcastContext`). */
const ENVELOPE_FIELDS: readonly EnvelopeSource[] = ['id', 'eventType', 'occurredAt', 'publishedAt', 'producer', 'detailUrl', 'description'];

/**
 * Envelopes with every field an upcast can read, each a valid value of that
 * field of the envelope schema, varied across samples: a step that reads an
 * optional field must be run, not stopped for want of it.
 */
function envelopeSamples({ current }: CheckContext): UpcastContext['envelope'][] {
  const envelope = current.normal(current.catalogue.envelope);
  const properties = envelope.kind === 'typed' ? envelope.object.properties : {};
  const columns = ENVELOPE_FIELDS.flatMap((name) => {
    const schema = properties[name];
    const values = schema ? sampleValues(schema, { count: UPCAST_SAMPLES, seed: hash(name) }) : [];
    return values.length > 0 ? [[name, values] as const] : [];
  });
  return Array.from(
    { length: UPCAST_SAMPLES },
    (_, i) => Object.fromEntries(columns.map(([name, values]) => [name, values[i % values.length]])) as unknown as UpcastContext['envelope'],
  );
}

/** Whether a plan reads the envelope, so that the step needs envelopes to run. */
function readsEnvelope(entries: readonly PlanEntry[]): boolean {
  return entries.some(({ source }) => source.kind === 'envelope' || (source.kind === 'object' && readsEnvelope(source.entries)));
}

const operationPointer = (operation: number | undefined) => (operation === undefined ? '/operations' : `/operations/${operation}`);

const json = (value: unknown) => JSON.stringify(value);

/** FNV-1a: a seed from a step's name, so each step has its own values and runs give the same ones. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
