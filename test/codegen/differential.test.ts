/**
 * The generated zod validators must accept and reject exactly what the JSON
 * Schemas do. Ajv (draft 2020-12) is the reference, with this package's own
 * format functions, which test/runtime tests on their own. Checked on
 * every example in the catalogue, on values generated from every schema, and
 * on mutations of those values, for the plain validators and for the
 * compiled fast path the parser uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { envelope, envelopeShape } from '../../generated/envelope.js';
import * as shared from '../../generated/shared.js';
import type { ContractKind } from '../../src/catalogue/model.js';
import { namesOf } from '../../src/codegen/modules/event-module.js';
import { camel, contractTitle } from '../../src/codegen/names.js';
import { envelopeSchema } from '../../src/runtime/event-type.js';
import { referenceEnvelopeVerdict, referenceValidator } from '../support/ajv.js';
import { mutated, resolverFor, valid } from '../support/arbitrary.js';
import { repoCatalogue } from '../support/repo.js';

const SEED = 20_261_123;
const RUNS = 150;
const catalogue = repoCatalogue();
const ajv = referenceValidator(catalogue);
const resolve = resolverFor(catalogue);

const versions = catalogue.events.flatMap((event) => event.contracts.flatMap((contract) => contract.versions.map((version) => ({ event, contract, version }))));

const modules = import.meta.glob<Record<string, z.ZodMiniType>>('../../generated/events/*.ts', { eager: true });

async function validatorOf(type: string, version: number, kind: ContractKind): Promise<z.ZodMiniType> {
  const event = catalogue.events.find((e) => e.type === type);
  const module = modules[`../../generated/events/${type}.ts`];
  if (!event || !module) throw new Error(type);
  const validator = module[camel(contractTitle(namesOf(event).base, kind, version))];
  if (!validator) throw new Error(`no validator for ${type} ${kind} v${version}`);
  return validator;
}

/** The three verdicts on one value: Ajv, the zod validator, and its compiled form. */
function verdicts(schemaId: string, plain: z.ZodMiniType, compiled: z.ZodMiniType, value: unknown) {
  const reference = ajv.getSchema(schemaId);
  if (!reference) throw new Error(schemaId);
  return { ajv: Boolean(reference(value)), zod: plain.safeParse(value).success, compiled: z.validate(compiled, value) };
}

describe('generated validators agree with Ajv', () => {
  describe.each(versions.map(({ event, contract, version }) => [`${event.type} ${contract.kind} v${version.version}`, { event, contract, version }] as const))(
    '%s',
    (_, { event, contract, version }) => {
      it('on values generated from the schema (all valid under Ajv)', async () => {
        const plain = await validatorOf(event.type, version.version, contract.kind);
        const compiled = z.compile(plain);
        const values = valid(version.schema.json, version.schema.id, resolve);
        fc.assert(
          fc.property(values, (value) => {
            expect(verdicts(version.schema.id, plain, compiled, value)).toEqual({ ajv: true, zod: true, compiled: true });
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });

      it('on mutations of those values, valid or not', async () => {
        const plain = await validatorOf(event.type, version.version, contract.kind);
        const compiled = z.compile(plain);
        const values = mutated(valid(version.schema.json, version.schema.id, resolve));
        let rejected = 0;
        fc.assert(
          fc.property(values, (value) => {
            const v = verdicts(version.schema.id, plain, compiled, value);
            expect({ zod: v.zod, compiled: v.compiled }).toEqual({ zod: v.ajv, compiled: v.ajv });
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
      const plain = (shared as unknown as Record<string, z.ZodMiniType>)[camel(sharedSchema.typeName)] as z.ZodMiniType;
      const compiled = z.compile(plain);
      const values = fc.oneof(valid(sharedSchema.json, sharedSchema.id, resolve), mutated(valid(sharedSchema.json, sharedSchema.id, resolve)));
      fc.assert(
        fc.property(values, (value) => {
          const v = verdicts(sharedSchema.id, plain, compiled, value);
          expect({ zod: v.zod, compiled: v.compiled }).toEqual({ zod: v.ajv, compiled: v.ajv });
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
        expect({ zod: v.zod, compiled: v.compiled }).toEqual({ zod: v.ajv, compiled: v.ajv });
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('every example is judged as Ajv judges it, and as its name says', () => {
  const examples = catalogue.events.flatMap((event) =>
    event.contracts.flatMap((contract) => contract.versions.flatMap((version) => version.examples.map((example) => ({ event, contract, version, example })))),
  );
  it.each(examples.filter((e) => e.contract.kind === 'notification').map((e) => [e.example.file, e] as const))('%s', async (_, { event, version, example }) => {
    const reference = referenceEnvelopeVerdict(ajv, catalogue, example.json, event.type, version.version);
    // The parser's envelope validator, as it runs before and after it is compiled.
    const interpreted = envelopeSchema(envelopeShape, event.type, version.version, await validatorOf(event.type, version.version, 'notification'));
    const compiled = z.compile(interpreted);
    const sameVersion = ((example.json as { version?: unknown }).version ?? 1) === version.version;
    const ours = { interpreted: sameVersion && z.validate(interpreted, example.json), compiled: sameVersion && z.validate(compiled, example.json) };
    const expected = example.expect === 'valid';
    expect({ reference, ...ours }).toEqual({ reference: expected, interpreted: expected, compiled: expected });
  });
});
