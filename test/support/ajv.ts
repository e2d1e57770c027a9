/**
 * The reference validator: Ajv for JSON Schema draft 2020-12 with
 * ajv-formats, loaded with every schema of a catalogue.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Catalogue } from '../../src/catalogue/model.js';

export type Reference = Ajv2020;

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Reference, options: { mode: 'full' | 'fast' }) => void;

/** How the reference validator is set up. */
export interface ReferenceOptions {
  /** Collect every error rather than stop at the first. Default true: the differential tests compare whole verdicts. */
  readonly allErrors?: boolean;
  /** ajv-formats' mode. Default `full`, the semantics this package follows; `fast` is looser. */
  readonly formats?: 'full' | 'fast';
}

export function referenceValidator(catalogue: Catalogue, options: ReferenceOptions = {}): Reference {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors ?? true });
  addFormats(ajv, { mode: options.formats ?? 'full' });
  for (const shared of catalogue.shared) ajv.addSchema(shared.json);
  ajv.addSchema(catalogue.envelope.json);
  for (const event of catalogue.events) for (const contract of event.contracts) for (const version of contract.versions) ajv.addSchema(version.schema.json);
  return ajv;
}

/** Ajv's verdict on whole envelopes of `eventType` at `version`, as this package defines validity, with the schemas looked up once. */
export function envelopeVerdict(ajv: Reference, catalogue: Catalogue, eventType: string, version: number): (document: unknown) => boolean {
  const envelope = ajv.getSchema(catalogue.envelope.id);
  const data = ajv.getSchema(catalogue.events.find((e) => e.type === eventType)?.notification?.versions[version - 1]?.schema.id ?? '');
  if (!envelope || !data) throw new Error(`no schema for ${eventType} v${version}`);
  return (document) => {
    if (!envelope(document)) return false;
    const d = document as { eventType: unknown; version?: unknown; additionalInformation: unknown };
    return d.eventType === eventType && (d.version ?? 1) === version && Boolean(data(d.additionalInformation));
  };
}

/** Ajv's verdict on a whole envelope of `eventType` at `version`, as this package defines validity. */
export function referenceEnvelopeVerdict(ajv: Reference, catalogue: Catalogue, document: unknown, eventType: string, version: number): boolean {
  return envelopeVerdict(ajv, catalogue, eventType, version)(document);
}
