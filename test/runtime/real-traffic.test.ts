/**
 * Real traffic: every example in the catalogue is written as its producer
 * serialises (nulls included). A consumer reads every valid one, also with a
 * property a newer producer might add; it refuses every invalid one (one
 * whose only fault is a property the contract does not name is refused with
 * `unknownProperties: 'reject'`, and read with a warning otherwise); and
 * `build` refuses what a producer can never write.
 */
import { describe, expect, it } from 'vitest';
import { build, safeParse, safeParseDetail } from '../../src/index.js';
import { repoCatalogue } from '../support/repo.js';

const catalogue = repoCatalogue();
const examples = catalogue.events.flatMap((event) =>
  event.contracts.flatMap((contract) =>
    contract.versions.flatMap((v) => v.examples.map((example) => ({ event, kind: contract.kind, version: v.version, example }))),
  ),
);
const notifications = examples.filter((e) => e.kind === 'notification');
const details = examples.filter((e) => e.kind === 'detail');
const record = (value: unknown) => value as Record<string, unknown>;
/** The document with one more property in its data, as a newer producer might send. */
const withAddition = (document: unknown, field: string) => ({
  ...record(document),
  [field]: { ...record(record(document)[field]), addedByANewerProducer: 'x' },
});

describe('notifications', () => {
  it('every event type the catalogue publishes has valid and invalid notification examples', () => {
    const published = catalogue.events.filter((e) => e.notification).map((e) => e.type);
    const covered = new Set(notifications.filter((e) => e.example.expect === 'valid').map((e) => e.event.type));
    expect(published.filter((t) => !covered.has(t))).toEqual([]);
    expect(published.length).toBeGreaterThanOrEqual(40);
  });

  it.each(notifications.filter((e) => e.example.expect === 'valid').map((e) => [e.example.file, e] as const))(
    'reads %s, and with an addition',
    (_, { example }) => {
      expect(safeParse(JSON.stringify(example.json)).success).toBe(true);
      const added = safeParse(withAddition(example.json, 'additionalInformation'));
      expect(added.success && added.warnings?.map((w) => w.path)).toEqual(['/additionalInformation/addedByANewerProducer']);
    },
  );

  it.each(notifications.filter((e) => e.example.expect === 'invalid').map((e) => [e.example.file, e] as const))(
    'refuses %s, and build refuses its data',
    (_, { event, example }) => {
      expect(safeParse(example.json, { unknownProperties: 'reject' }).success).toBe(false);
      // Read tolerantly, it is refused too, unless all that is wrong is a property the contract does not name.
      const tolerant = safeParse(example.json);
      expect(tolerant.success ? (tolerant.warnings?.length ?? 0) > 0 : true).toBe(true);
      const json = record(example.json);
      const input = { additionalInformation: json.additionalInformation, detailUrl: json.detailUrl, personReference: json.personReference };
      expect(() => build(event.type as never, input as never)).toThrow();
    },
  );
});

describe('detail documents', () => {
  it.each(details.filter((e) => e.example.expect === 'valid').map((e) => [e.example.file, e] as const))(
    'reads %s at its version, upcast to the latest, and with an addition',
    (_, { event, version, example }) => {
      const read = safeParseDetail(JSON.stringify(example.json), { version });
      expect(read.success && read.version).toBe(event.detail?.versions.length);
      const added = safeParseDetail(withAddition(example.json, 'eventDetails'), { version });
      expect(added.success && added.warnings?.map((w) => w.path)).toEqual(['/eventDetails/addedByANewerProducer']);
      expect(added.success && record(added.detail.eventDetails).addedByANewerProducer).toBe('x');
    },
  );

  it.each(details.filter((e) => e.example.expect === 'invalid').map((e) => [e.example.file, e] as const))('refuses %s', (_, { version, example }) => {
    expect(safeParseDetail(example.json, { version, to: version, unknownProperties: 'reject' }).success).toBe(false);
    const tolerant = safeParseDetail(example.json, { version, to: version });
    expect(tolerant.success ? (tolerant.warnings?.length ?? 0) > 0 : true).toBe(true);
  });
});
