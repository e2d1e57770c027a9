/**
 * The generated zod validators must accept and reject exactly what the JSON
 * Schemas do. Two references, written apart: Ajv (draft 2020-12), with this
 * package's own format functions, which test/runtime tests on their own, and
 * @cfworker/json-schema. Checked on every example in the catalogue, on values
 * generated from every schema, on mutations of those values, and on
 * arbitrary schemas whose properties may be named as the members every
 * object inherits (`toString`, `constructor`, `__proto__`…), for the plain
 * validators and for the compiled fast path the parser uses.
 *
 * Where a reference is known to be wrong it is overruled, and the test says
 * where and why: Ajv on properties named as inherited members (see `ajvOwnPropertyVerdict` in
 * `support/ajv.ts`). The catalogue names no such property, so there Ajv's
 * verdict stands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { checkEnvelope } from '../../generated/envelope.js';
import * as sharedChecks from '../../generated/shared.js';
import { envelope, envelopeShape, envelopeShapeOpen } from '../../generated/zod/envelope.js';
import * as sharedValidators from '../../generated/zod/shared.js';
import type { ContractKind } from '../../src/catalogue/model.js';
import { namesOf } from '../../src/codegen/modules/event-module.js';
import type { Check } from '../../src/runtime/checks.js';
import { detailDocumentCheck } from '../../src/runtime/detail.js';
import { envelopeCheck } from '../../src/runtime/event-type.js';
import { camel, contractTitle, openName } from '../../src/schema/names.js';
import { ajvOwnPropertyVerdict, bareReference, namesInheritedMember, referenceEnvelopeVerdict, referenceValidator } from '../support/ajv.js';
import { mutated, opened, resolverFor, schemas, valid } from '../support/arbitrary.js';
import { cfworkerCatalogue, cfworkerEnvelopeVerdict, cfworkerVerdict } from '../support/cfworker.js';
import { emittedCheck, emittedValidator } from '../support/emit.js';
import { repoCatalogue } from '../support/repo.js';
import { detailDocumentSchema, envelopeSchema } from '../support/zod-documents.js';
import { fromZodIssues } from '../support/zod-issues.js';

const SEED = 20_261_123;
const RUNS = 150;
const catalogue = repoCatalogue();
const ajv = referenceValidator(catalogue);
const cfworker = cfworkerCatalogue(catalogue);
const resolve = resolverFor(catalogue);

const versions = catalogue.events.flatMap((event) => event.contracts.flatMap((contract) => contract.versions.map((version) => ({ event, contract, version }))));

const modules = import.meta.glob<Record<string, unknown>>('../../generated/events/*.ts', { eager: true });
const zodModules = import.meta.glob<Record<string, unknown>>('../../generated/zod/events/*.ts', { eager: true });

/** The generated modules' exports for a version: its zod validator and the open variant readers compose (zod module), and its check function (event module). */
async function generatedFor(type: string, version: number, kind: ContractKind): Promise<{ plain: z.ZodMiniType; open: z.ZodMiniType; check: Check }> {
  const event = catalogue.events.find((e) => e.type === type);
  const module = modules[`../../generated/events/${type}.ts`];
  const zodModule = zodModules[`../../generated/zod/events/${type}.ts`];
  if (!event || !module || !zodModule) throw new Error(type);
  const title = contractTitle(namesOf(event).base, kind, version);
  const plain = zodModule[camel(title)] as z.ZodMiniType | undefined;
  const check = module[`check${title}`] as Check | undefined;
  if (!plain || !check) throw new Error(`no validator or check for ${type} ${kind} v${version}`);
  return { plain, open: (zodModule[openName(camel(title))] as z.ZodMiniType | undefined) ?? plain, check };
}

/** What the zod validator reports of a value, in this package's terms; undefined when it accepts it. */
function zodIssues(validator: z.ZodMiniType, value: unknown) {
  const result = validator.safeParse(value);
  return result.success ? undefined : fromZodIssues(result.error.issues, value);
}

/** What the check reports of a value, closed or open; undefined when it accepts it. */
function checkIssues(check: Check, value: unknown, open = false) {
  const out: ReturnType<typeof fromZodIssues> = [];
  return check(value, '', out, open) === 0 ? undefined : out;
}

/** The check function and the zod validators report the same issues, in the same order, closed and open. */
function expectSameIssues(check: Check, plain: z.ZodMiniType, open: z.ZodMiniType, value: unknown): void {
  expect({ value, closed: checkIssues(check, value), open: checkIssues(check, value, true) }).toEqual({
    value,
    closed: zodIssues(plain, value),
    open: zodIssues(open, value),
  });
}

/** The four verdicts on one value: Ajv, cfworker, the zod validator, and its compiled form. */
function verdicts(schemaId: string, plain: z.ZodMiniType, compiled: z.ZodMiniType, value: unknown) {
  const reference = ajv.getSchema(schemaId);
  if (!reference) throw new Error(schemaId);
  return { ajv: Boolean(reference(value)), cfworker: cfworker(schemaId)(value), zod: plain.safeParse(value).success, compiled: z.validate(compiled, value) };
}

describe('generated validators agree with Ajv and cfworker', () => {
  describe.each(versions.map(({ event, contract, version }) => [`${event.type} ${contract.kind} v${version.version}`, { event, contract, version }] as const))(
    '%s',
    (_, { event, contract, version }) => {
      it('on values generated from the schema (all valid under both)', async () => {
        const { plain, check } = await generatedFor(event.type, version.version, contract.kind);
        const compiled = z.compile(plain);
        const values = valid(version.schema.json, version.schema.id, resolve);
        fc.assert(
          fc.property(values, (value) => {
            expect({ ...verdicts(version.schema.id, plain, compiled, value), check: checkIssues(check, value) }).toEqual({
              ajv: true,
              cfworker: true,
              zod: true,
              compiled: true,
              check: undefined,
            });
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });

      it('on mutations of those values, valid or not, and the check reports what zod reports', async () => {
        const { plain, open, check } = await generatedFor(event.type, version.version, contract.kind);
        const compiled = z.compile(plain);
        const values = mutated(valid(version.schema.json, version.schema.id, resolve));
        let rejected = 0;
        fc.assert(
          fc.property(values, (value) => {
            const v = verdicts(version.schema.id, plain, compiled, value);
            expect({ cfworker: v.cfworker, zod: v.zod, compiled: v.compiled }).toEqual({ cfworker: v.ajv, zod: v.ajv, compiled: v.ajv });
            expectSameIssues(check, plain, open, value);
            if (!v.ajv) rejected++;
          }),
          { seed: SEED, numRuns: RUNS },
        );
        // Many mutations must produce invalid values, or this test would prove little.
        expect(rejected).toBeGreaterThan(RUNS / 3);
      });
    },
  );

  describe.each(catalogue.shared.map((s) => [s.typeName, s] as const))('shared %s', (_, sharedSchema) => {
    it('on generated values and their mutations', () => {
      const validators = sharedValidators as unknown as Record<string, unknown>;
      const plain = validators[camel(sharedSchema.typeName)] as z.ZodMiniType;
      const open = validators[openName(camel(sharedSchema.typeName))] as z.ZodMiniType;
      const check = (sharedChecks as unknown as Record<string, unknown>)[`check${sharedSchema.typeName}`] as Check;
      const compiled = z.compile(plain);
      const values = fc.oneof(valid(sharedSchema.json, sharedSchema.id, resolve), mutated(valid(sharedSchema.json, sharedSchema.id, resolve)));
      fc.assert(
        fc.property(values, (value) => {
          const v = verdicts(sharedSchema.id, plain, compiled, value);
          expect({ cfworker: v.cfworker, zod: v.zod, compiled: v.compiled }).toEqual({ cfworker: v.ajv, zod: v.ajv, compiled: v.ajv });
          expectSameIssues(check, plain, open, value);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  });

  it('the envelope, on generated envelopes and their mutations', () => {
    const compiled = z.compile(envelope);
    const values = fc.oneof(
      valid(catalogue.envelope.json, catalogue.envelope.id, resolve),
      mutated(valid(catalogue.envelope.json, catalogue.envelope.id, resolve)),
    );
    fc.assert(
      fc.property(values, (value) => {
        const v = verdicts(catalogue.envelope.id, envelope, compiled, value);
        expect({ cfworker: v.cfworker, zod: v.zod, compiled: v.compiled }).toEqual({ cfworker: v.ajv, zod: v.ajv, compiled: v.ajv });
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('the envelope of an event version, checked whole, reports what the zod envelope reports', async () => {
    const event = catalogue.events.find((e) => e.notification !== undefined);
    if (!event) throw new Error('no notification contract');
    const { plain, open, check } = await generatedFor(event.type, 1, 'notification');
    const whole = envelopeCheck(checkEnvelope, event.type, 1, check);
    const zodClosed = envelopeSchema(envelopeShape, event.type, 1, plain);
    const zodOpen = envelopeSchema(envelopeShapeOpen, event.type, 1, open);
    const values = fc.oneof(
      valid(catalogue.envelope.json, catalogue.envelope.id, resolve),
      mutated(valid(catalogue.envelope.json, catalogue.envelope.id, resolve)),
    );
    fc.assert(
      fc.property(values, (value) => expectSameIssues(whole, zodClosed, zodOpen, value)),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('every example is judged as Ajv and cfworker judge it, and as its name says', () => {
  const examples = catalogue.events.flatMap((event) =>
    event.contracts.flatMap((contract) => contract.versions.flatMap((version) => version.examples.map((example) => ({ event, contract, version, example })))),
  );
  it.each(examples.filter((e) => e.contract.kind === 'notification').map((e) => [e.example.file, e] as const))('%s', async (_, { event, version, example }) => {
    const reference = referenceEnvelopeVerdict(ajv, catalogue, example.json, event.type, version.version);
    const second = cfworkerEnvelopeVerdict(cfworker, catalogue, event.type, version.version)(example.json);
    // The parser's envelope validator, as it runs before and after it is compiled.
    const { plain, open, check } = await generatedFor(event.type, version.version, 'notification');
    const interpreted = envelopeSchema(envelopeShape, event.type, version.version, plain);
    const compiled = z.compile(interpreted);
    const sameVersion = ((example.json as { version?: unknown }).version ?? 1) === version.version;
    const whole = envelopeCheck(checkEnvelope, event.type, version.version, check);
    const ours = {
      interpreted: sameVersion && z.validate(interpreted, example.json),
      compiled: sameVersion && z.validate(compiled, example.json),
      check: sameVersion && checkIssues(whole, example.json) === undefined,
    };
    const expected = example.expect === 'valid';
    expect({ reference, second, ...ours }).toEqual({ reference: expected, second: expected, interpreted: expected, compiled: expected, check: expected });
    expectSameIssues(whole, interpreted, envelopeSchema(envelopeShapeOpen, event.type, version.version, open), example.json);
  });

  it.each(examples.filter((e) => e.contract.kind === 'detail').map((e) => [e.example.file, e] as const))('%s', async (_, { event, version, example }) => {
    const { plain, open, check } = await generatedFor(event.type, version.version, 'detail');
    const whole = detailDocumentCheck(event.type, check);
    expectSameIssues(whole, detailDocumentSchema(event.type, plain), detailDocumentSchema(event.type, open), example.json);
    const eventDetails = (example.json as { eventDetails?: unknown }).eventDetails;
    // The example's name says what the reader makes of its details (a detail example judged whole is the reader's business: see test/runtime).
    if (example.expect === 'valid') expect(checkIssues(whole, example.json)).toBeUndefined();
    else expect(checkIssues(check, eventDetails) !== undefined || checkIssues(whole, example.json) !== undefined).toBe(true);
  });
});

describe('generated validators agree with JSON Schema on arbitrary schemas, whatever their properties are named', () => {
  // Ajv without strict mode (the schemas are drawn, not written, and it refuses some it can judge), and with allErrors, as
  // referenceValidator has it: without allErrors, Ajv 8 never reports a missing required property named "" (its generated
  // code tests `(missing = "")`, which is falsy).
  const reference = bareReference({ strict: false, allErrors: true });

  it('on values drawn from each schema and their mutations, in the closed and the open variant', async ({ annotate }) => {
    // Each time Ajv's verdict was overruled: on a schema naming a property as an inherited member, where it reads the prototype.
    const ajvOverruled: string[] = [];
    const cases = schemas.chain((schema) =>
      fc.tuple(
        fc.constant(schema),
        fc.array(fc.oneof(valid(schema, 'urn:drawn', resolve), mutated(valid(schema, 'urn:drawn', resolve))), { minLength: 4, maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(cases, ([schema, values]) => {
        for (const variant of ['closed', 'open'] as const) {
          const judged = variant === 'closed' ? schema : (opened(schema) as typeof schema);
          const json = ajvOwnPropertyVerdict(reference, judged);
          const ajvAsIs = reference.compile(judged);
          const second = cfworkerVerdict(judged);
          const plain = emittedValidator(schema, variant === 'open');
          const compiled = z.compile(plain);
          const check = emittedCheck(schema);
          for (const value of values) {
            const want = json(value);
            // Every validator is held to the verdict JSON semantics give: generated, compiled, and the second reference.
            expect({ variant, value, cfworker: second(value), zod: plain.safeParse(value).success, compiled: z.validate(compiled, value) }).toEqual({
              variant,
              value,
              cfworker: want,
              zod: want,
              compiled: want,
            });
            // The check function reports what the zod validator reports, issue for issue.
            expect({ variant, value, check: checkIssues(check, value, variant === 'open') }).toEqual({ variant, value, check: zodIssues(plain, value) });
            // Ajv as it is: right wherever no property is named as an inherited member; overruled, and counted, only where one is.
            const ajvSays = Boolean(ajvAsIs(value));
            if (ajvSays !== want) {
              expect({ ajvOverruledOn: judged, value, namesInheritedMember: namesInheritedMember(judged) }).toEqual({
                ajvOverruledOn: judged,
                value,
                namesInheritedMember: true,
              });
              ajvOverruled.push(JSON.stringify({ schema: judged, value, ajv: ajvSays, json: want }));
            }
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    await annotate(`Ajv overruled ${ajvOverruled.length} times, each on a schema naming a property as a member every object inherits`);
    // That Ajv was overruled at all shows that the draws reach the names it gets wrong.
    expect(ajvOverruled.length).toBeGreaterThan(0);
  });
});
