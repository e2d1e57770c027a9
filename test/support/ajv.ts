/**
 * The reference validator: Ajv for JSON Schema draft 2020-12 with
 * ajv-formats, loaded with every schema of a catalogue.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Catalogue } from '../../src/catalogue/model.js';

export type Reference = Ajv2020;

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Reference) => void;

export function referenceValidator(catalogue: Catalogue): Reference {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const shared of catalogue.shared) ajv.addSchema(shared.json);
  ajv.addSchema(catalogue.envelope.json);
  for (const event of catalogue.events) for (const version of event.versions) ajv.addSchema(version.schema.json);
  return ajv;
}

/** Ajv's verdict on a whole envelope of `eventType` at `version`, as this package defines validity. */
export function referenceEnvelopeVerdict(ajv: Reference, catalogue: Catalogue, document: unknown, eventType: string, version: number): boolean {
  const envelope = ajv.getSchema(catalogue.envelope.id);
  const data = ajv.getSchema(catalogue.events.find((e) => e.type === eventType)?.versions[version - 1]?.schema.id ?? '');
  if (!envelope || !data) throw new Error(`no schema for ${eventType} v${version}`);
  if (!envelope(document)) return false;
  const d = document as { eventType: unknown; version?: unknown; additionalInformation: unknown };
  return d.eventType === eventType && (d.version ?? 1) === version && Boolean(data(d.additionalInformation));
}
