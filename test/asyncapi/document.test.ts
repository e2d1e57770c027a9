/**
 * asyncapi.json: valid under the AsyncAPI parser, one channel for the
 * topic, a message per notification version whose payload accepts exactly
 * that version's valid examples, every contract version's schema (detail
 * contracts too) among its components, and a subscription per consumer that
 * filters on exactly the event types it consumes.
 */
import { type AsyncAPIDocumentInterface, type Diagnostic, DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { Ajv, type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataSchemaKey } from '../../src/asyncapi/component-schemas.js';
import { asyncApiDocument, CHANNEL, messageKey } from '../../src/asyncapi/document.js';
import { consumerKey } from '../../src/site/event-view.js';
import { addPackageFormats } from '../support/ajv.js';
import { repoCatalogue } from '../support/repo.js';

const TOPIC = 'hmpps-domain-events';
const catalogue = repoCatalogue();
const doc = asyncApiDocument(catalogue, { topic: TOPIC, version: '1.2.3' });
const parser = new Parser();

let parsed: AsyncAPIDocumentInterface;
let diagnostics: Diagnostic[];
const bySeverity = (list: Diagnostic[], severity: DiagnosticSeverity) => list.filter((d) => d.severity === severity);
const show = (list: Diagnostic[]) => list.map((d) => `${d.path.join('/')}: ${d.message}`);

beforeAll(async () => {
  const result = await parser.parse(JSON.stringify(doc));
  diagnostics = result.diagnostics;
  if (!result.document) throw new Error(`the parser gave no document:\n${show(diagnostics).join('\n')}`);
  parsed = result.document;
});

describe('asyncApiDocument', () => {
  it('is valid AsyncAPI 3.0 under @asyncapi/parser', () => {
    const warnings = bySeverity(diagnostics, DiagnosticSeverity.Warning);
    console.info(
      `asyncapi.json: ${bySeverity(diagnostics, DiagnosticSeverity.Error).length} errors, ${warnings.length} warnings, ${diagnostics.length} diagnostics in all`,
    );
    expect(show(bySeverity(diagnostics, DiagnosticSeverity.Error))).toEqual([]);
    expect(parsed.version()).toBe('3.0.0');
  });

  it('is checked: a subscription without rawMessageDelivery is an error', async () => {
    const broken = structuredClone(doc) as { operations: Record<string, { bindings?: { sns: { consumers: Record<string, unknown>[] } } }> };
    const receive = Object.values(broken.operations).find((op) => op.bindings);
    delete receive?.bindings?.sns.consumers[0]?.rawMessageDelivery;
    const { diagnostics: found } = await parser.parse(JSON.stringify(broken));
    expect(show(bySeverity(found, DiagnosticSeverity.Error)).join('\n')).toMatch(/rawMessageDelivery/u);
  });

  it('has one channel, the topic, with a message per version of each event type', () => {
    const channels = parsed.channels().all();
    expect(channels.map((c) => [c.id(), c.address()])).toEqual([[CHANNEL, TOPIC]]);
    expect(channels[0]?.bindings().get('sns')?.value()).toMatchObject({ name: TOPIC });
    const want = catalogue.events.flatMap((e) => (e.notification?.versions ?? []).map((v) => messageKey(e.type, v.version)));
    expect(
      channels[0]
        ?.messages()
        .all()
        .map((m) => m.id())
        .sort(),
    ).toEqual(want.sort());
  });

  it('holds every version of every contract, detail contracts too, among its component schemas', () => {
    const schemas = (doc as { components: { schemas: Record<string, unknown> } }).components.schemas;
    const want = catalogue.events.flatMap((e) => e.contracts.flatMap((c) => c.versions.map((v) => dataSchemaKey(e.type, c.kind, v.version))));
    expect(want).toContain('approved-premises.booking.cancelled.detail.v2');
    expect(want).toContain('approved-premises.booking.cancelled.notification.v1');
    // The envelope, the shared definitions, and one schema per contract version.
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(want));
    expect(Object.keys(schemas)).toHaveLength(1 + catalogue.shared.length + want.length);

    // Each stands alone in the document and accepts the data of its version's valid examples.
    const ajv = new Ajv({ strict: false, allErrors: false });
    addPackageFormats(ajv);
    ajv.addSchema(doc as object, 'asyncapi.json');
    let checked = 0;
    for (const event of catalogue.events) {
      for (const contract of event.contracts) {
        for (const version of contract.versions) {
          const validate = ajv.getSchema(`asyncapi.json#/components/schemas/${dataSchemaKey(event.type, contract.kind, version.version)}`);
          for (const example of version.examples.filter((e) => e.expect === 'valid')) {
            const json = example.json as { additionalInformation?: unknown; eventDetails?: unknown };
            expect(validate?.(contract.kind === 'detail' ? json.eventDetails : json.additionalInformation), example.file).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('sends from each producer and receives into each consumer, filtered on eventType', () => {
    const operations = parsed.operations().all();
    const producers = new Set(catalogue.events.flatMap((e) => e.metadata.producers));
    expect(new Set(operations.filter((o) => o.action() === 'send').map((o) => o.id()))).toEqual(new Set([...producers].map((p) => `${p}.send`)));

    const consumers = new Map(catalogue.events.flatMap((e) => e.metadata.consumers.map((c) => [consumerKey(c), c] as const)));
    const receives = operations.filter((o) => o.action() === 'receive');
    expect(receives).toHaveLength(consumers.size);
    for (const consumer of consumers.values()) {
      const types = catalogue.events.filter((e) => e.metadata.consumers.some((c) => consumerKey(c) === consumerKey(consumer))).map((e) => e.type);
      const queue = consumer.component ? `${consumer.service}-${consumer.component}` : consumer.service;
      const operation = receives.find((o) => o.id() === `${queue}.receive`);
      const sns = operation?.bindings().get('sns')?.value() as { topic: unknown; consumers: Record<string, unknown>[] };
      expect(sns.topic).toEqual({ name: TOPIC });
      expect(sns.consumers).toEqual([
        { protocol: 'sqs', endpoint: { name: queue }, filterPolicy: { eventType: types }, filterPolicyScope: 'MessageAttributes', rawMessageDelivery: false },
      ]);
      expect(operation?.bindings().get('sqs')?.value()).toMatchObject({ queues: [{ name: queue }] });
      const received = new Set(
        operation
          ?.messages()
          .all()
          .map((m) => m.name()),
      );
      expect([...received].sort()).toEqual([...types].sort());
    }
  });

  it("accepts each valid example under its own version's message only, and rejects each invalid one", () => {
    const ajv = new Ajv({ strict: false, allErrors: false });
    addPackageFormats(ajv);
    const validators = new Map<string, ValidateFunction>(
      parsed
        .messages()
        .all()
        .map((m) => [m.id(), ajv.compile(m.payload()?.json() ?? false)]),
    );
    let checked = 0;
    for (const event of catalogue.events) {
      for (const version of event.notification?.versions ?? []) {
        const own = messageKey(event.type, version.version);
        for (const example of version.examples) {
          const accepting = [...validators].filter(([, validate]) => validate(example.json)).map(([id]) => id);
          expect(accepting, example.file).toEqual(example.expect === 'valid' ? [own] : []);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});
