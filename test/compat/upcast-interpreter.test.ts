/**
 * The interpreter `check` runs declarative upcasts with, against the compiled
 * functions the runtime runs, on every step of the catalogue: the same plan,
 * so the same data, property for property and in the same order.
 */
import { describe, expect, it } from 'vitest';
import { derefIn, planUpcast } from '../../src/codegen/upcast-plan.js';
import { normalise } from '../../src/compat/normalise.js';
import { sampleValues } from '../../src/compat/sample-values.js';
import { runUpcastPlan } from '../../src/compat/upcast-interpreter.js';
import { registry } from '../../src/index.js';
import { runtimesOf } from '../../src/runtime/runtimes.js';
import type { UpcastContext } from '../../src/runtime/upcast.js';
import { indexCatalogue } from '../../src/schema/catalogue-index.js';
import { catalogue, catalogueDocuments } from './schema-files.js';

const index = indexCatalogue(catalogue);
const steps = catalogue.events.flatMap((event) =>
  event.contracts.flatMap((contract) =>
    contract.versions.flatMap((to, i) => {
      const from = contract.versions[i - 1];
      const declaration = to.upcast?.declaration;
      return from && declaration?.kind === 'transform'
        ? [[`${event.type}/${contract.kind} v${from.version} → v${to.version}`, { event, contract, from, to, operations: declaration.operations }] as const]
        : [];
    }),
  ),
);

const recordedBy = { staffCode: 'N54A999', forenames: 'John', surname: 'Smith', username: 'JSMITH' };
const contexts: UpcastContext[] = [
  { envelope: { eventType: 'x', occurredAt: '2024-06-13T17:52:26.556470Z', id: '4bd3e398-ec2c-468a-b180-0f9360be7763' }, values: {} },
  { envelope: { eventType: 'x', occurredAt: '2024-10-27T01:30:00+01:00', publishedAt: '2024-10-27T01:31:00+01:00' }, values: { recordedBy } },
];

describe('runUpcastPlan makes what the compiled upcaster makes', () => {
  it('there are declarative steps to compare', () => expect(steps.length).toBeGreaterThanOrEqual(6));

  it.each(steps)('%s', (_, { event, contract, from, to, operations }) => {
    const plan = planUpcast({
      file: 'upcast.json',
      from: { schema: from.schema.json, deref: derefIn(from, index) },
      to: { schema: to.schema.json, deref: derefIn(to, index) },
      operations,
    });
    const compiled = runtimesOf(registry.get(event.type) ?? {})[contract.kind]?.chain[to.version - 1]?.upcast?.run as
      | ((data: unknown, context: UpcastContext) => unknown)
      | undefined;
    if (!compiled) throw new Error(`no compiled upcaster for ${event.type}`);
    const samples = sampleValues(normalise(from.schema, catalogueDocuments).schema, { count: 64, seed: 3 });
    expect(samples).toHaveLength(64);
    for (const [i, data] of samples.entries()) {
      const context = contexts[i % contexts.length] as UpcastContext;
      expect(JSON.stringify(runUpcastPlan(plan, data, context))).toBe(JSON.stringify(compiled(data, context)));
    }
  });
});

describe('runUpcastPlan reads and writes own properties only', () => {
  const str = { type: 'string' };
  const schema = (extra: Record<string, unknown> = {}) => ({
    type: 'object',
    required: ['a'],
    properties: JSON.parse('{"a":{"type":"string"},"toString":{"type":"string"},"__proto__":{"type":"string"}}'),
    ...extra,
  });
  const plan = planUpcast({
    file: 'upcast.json',
    from: { schema: schema(), deref: (s) => s as never },
    to: { schema: schema(), deref: (s) => s as never },
    operations: [],
  });
  const context = contexts[0] as UpcastContext;

  it('an optional toString or __proto__ the data does not have is not written', () => {
    const out = runUpcastPlan(plan, { a: 'x' }, context) as object;
    expect(Object.keys(out)).toEqual(['a']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('one the data has is written as data, and never sets the prototype', () => {
    const out = runUpcastPlan(plan, JSON.parse('{"a":"x","toString":"t","__proto__":"p"}'), context) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['a', 'toString', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('p');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('a property named as an inherited member that neither version has is not part of the plan', () => {
    expect(() =>
      planUpcast({
        file: 'upcast.json',
        from: { schema: { type: 'object', required: ['a'], properties: { a: str } }, deref: (s) => s as never },
        to: { schema: { type: 'object', required: ['a'], properties: { a: str } }, deref: (s) => s as never },
        operations: [{ op: 'remove', path: '/constructor' }],
      }),
    ).toThrow(/no \/constructor to remove/);
  });
});
