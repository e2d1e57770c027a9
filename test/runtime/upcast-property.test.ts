/**
 * For every event type and every old version of the contract that carries
 * its history (the detail contract where it has one: every real version
 * history is of detail documents): 1000 values generated from that version's
 * JSON Schema (fixed seed), upcast to the latest version, must all be valid
 * there. Deliberately broken chains show the property can fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/index.js';
import { runtimesOf } from '../../src/runtime/runtimes.js';
import type { ChainVersion, UpcastContext } from '../../src/runtime/upcast.js';
import { runChain } from '../../src/runtime/upcast.js';
import { resolverFor, valid } from '../support/arbitrary.js';
import { historyOf, repoCatalogue } from '../support/repo.js';

const SEED = 20_261_123;
const SAMPLES = 1000;
const catalogue = repoCatalogue();
const resolve = resolverFor(catalogue);
const staffMember = catalogue.shared.find((s) => s.typeName === 'Cas1StaffMember');
if (!staffMember) throw new Error('no Cas1StaffMember');

/** An upcast context: the envelope's (or the detail document's) occurredAt and friends, and sometimes a staff member from the caller. */
const contexts = (eventType: string) =>
  fc.record({
    envelope: fc.record(
      {
        eventType: fc.constant(eventType),
        occurredAt: valid({ type: 'string', format: 'date-time' }, catalogue.envelope.id, resolve) as fc.Arbitrary<string>,
        id: fc.uuid(),
        publishedAt: valid({ type: 'string', format: 'date-time' }, catalogue.envelope.id, resolve) as fc.Arbitrary<string>,
      },
      { requiredKeys: ['eventType', 'occurredAt'] },
    ),
    values: fc.oneof(fc.constant({}), fc.record({ recordedBy: valid(staffMember.json, staffMember.id, resolve) })),
  }) as fc.Arbitrary<UpcastContext>;

/** Where a contract's data sits in its document: paths in upcast failures start there. */
const DATA_PATH = { notification: '/additionalInformation', detail: '/eventDetails' } as const;

/** The failures when `samples` values of version `from` go through `chain` to `to`. */
function upcastFailures(eventType: string, chain: readonly ChainVersion[], from: number, to: number) {
  const event = catalogue.events.find((e) => e.type === eventType);
  const history = event && historyOf(event);
  const source = history?.versions[from - 1];
  if (!history || !source) throw new Error(`${eventType} v${from}`);
  const samples = fc.sample(fc.tuple(valid(source.schema.json, source.schema.id, resolve), contexts(eventType)), { seed: SEED, numRuns: SAMPLES });
  const failures: Array<{ data: unknown; error: unknown }> = [];
  for (const [data, context] of samples) {
    const result = runChain(eventType, chain, data, from, to, context, DATA_PATH[history.kind]);
    if (!result.ok) failures.push({ data, error: result.error.toJSON() });
  }
  return { tried: samples.length, failures };
}

const steps = catalogue.events.flatMap((event) => {
  const { kind, versions } = historyOf(event);
  return versions.slice(0, -1).map((v) => [`${event.type} ${kind} v${v.version} → v${versions.length}`, event.type, v.version, versions.length] as const);
});

/** The runtime of the contract that carries `eventType`'s history. */
const chainOf = (eventType: string): readonly ChainVersion[] => {
  const runtime = runtimesOf(registry.get(eventType) ?? {});
  const contract = runtime?.detail ?? runtime?.notification;
  if (!contract) throw new Error(eventType);
  return contract.chain;
};

describe('every old version upcasts to valid latest data', () => {
  it('there are old versions to test, in the detail contracts that carry the CAS1 history', () => {
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps.filter(([name]) => name.includes(' detail ')).length).toBeGreaterThanOrEqual(8);
  });
  it.each(steps)('%s', (_, eventType, from, to) => {
    const { tried, failures } = upcastFailures(eventType, chainOf(eventType), from, to);
    expect(tried).toBe(SAMPLES);
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

describe('the property fails for a broken chain', () => {
  const broken = (eventType: string, run: (data: never, context: UpcastContext) => unknown) => {
    return chainOf(eventType).map((v) => (v.version === 2 ? { ...v, upcast: { kind: 'typed' as const, run } } : v));
  };

  it('an upcaster that forgets a required field', () => {
    const chain = broken('approved-premises.person.arrived', (data) => data);
    const { failures } = upcastFailures('approved-premises.person.arrived', chain, 1, 2);
    expect(failures.length).toBe(SAMPLES);
    expect(failures[0]?.error).toMatchObject({
      code: 'upcast_failed',
      step: { eventType: 'approved-premises.person.arrived', from: 1, to: 2 },
      issues: [{ code: 'required', path: '/eventDetails/recordedBy' }],
    });
  });

  it('an upcaster that writes a date-time where a date belongs', () => {
    const chain = broken('approved-premises.booking.cancelled', (data: Record<string, unknown>, context) => ({
      ...data,
      cancelledAtDate: data.cancelledAt,
      cancellationRecordedAt: context.envelope.occurredAt,
    }));
    const { failures } = upcastFailures('approved-premises.booking.cancelled', chain, 1, 2);
    expect(failures.length).toBe(SAMPLES);
    expect(failures[0]?.error).toMatchObject({ issues: [{ code: 'invalid_format', path: '/eventDetails/cancelledAtDate' }] });
  });

  it('an upcaster that throws', () => {
    const chain = broken('approved-premises.booking.made', (data: { characteristics?: unknown[] }) => {
      if (data.characteristics === undefined) throw new Error('no characteristics');
      return data;
    });
    const { failures } = upcastFailures('approved-premises.booking.made', chain, 1, 2);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0]?.error).toMatchObject({ code: 'upcast_failed', issues: [{ code: 'upcast_failed', message: 'the upcast failed: no characteristics' }] });
  });
});
