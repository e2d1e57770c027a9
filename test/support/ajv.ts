/**
 * The reference validator: Ajv for JSON Schema draft 2020-12, loaded with
 * every schema of a catalogue. Its formats are this package's own functions
 * by default, given to Ajv with `addFormat`: they are tested on their own
 * (test/runtime), so a differential test compares what the generator makes
 * of the keywords, not two implementations of the format RFCs. ajv-formats'
 * modes are there for the benchmark's baselines.
 */
import type { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Catalogue } from '../../src/catalogue/model.js';
import { STRING_FORMATS } from '../../src/runtime/string-formats.js';

export type Reference = Ajv2020;

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Reference, options: { mode: 'full' | 'fast' }) => void;

/** How the reference validator is set up. */
export interface ReferenceOptions {
  /** Collect every error rather than stop at the first. Default true: the differential tests compare whole verdicts. */
  readonly allErrors?: boolean;
  /** Whose format functions: `package` (the default), this package's; ajv-formats' `full` mode, or its looser `fast` mode. */
  readonly formats?: 'package' | 'full' | 'fast';
}

/** Gives Ajv this package's string formats, for strings only, as JSON Schema applies formats. */
export function addPackageFormats(ajv: Ajv): void {
  for (const [name, validate] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
}

export function referenceValidator(catalogue: Catalogue, options: ReferenceOptions = {}): Reference {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors ?? true });
  const mode = options.formats ?? 'package';
  if (mode === 'package') addPackageFormats(ajv);
  else addFormats(ajv, { mode });
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
