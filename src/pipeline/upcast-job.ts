/**
 * Upcasting stored records: each row is decoded once, its event document and
 * version are taken from it (from fields, or from the options), the document
 * is read by the runtime's parse path and brought to the version asked for,
 * and the row is written back in the same layout with the new document and
 * version. A row that fails becomes a reject, with its text and the reasons;
 * none is dropped.
 */
import { registry } from '../index.js';
import { ContractError, contractError, type IssueInput } from '../runtime/errors.js';
import { isRecord } from '../runtime/formats/format.js';
import { parsePointer, toPointer, valueAt } from '../runtime/json-pointer.js';
import { DEFAULT_LIMITS, decodeJson } from '../runtime/json-text.js';
import { type ParseOptions, safeParseWith } from '../runtime/parse.js';
import type { Reject } from './finding.js';
import type { Job, JobOutput, UpcastSpec } from './job.js';
import { catalogueType, formatOf, identify } from './record-identity.js';
import { Tally } from './tally.js';
import { parseOptionsOf } from './validate-job.js';

/** The upcast job of a spec. */
export function createUpcastJob(spec: UpcastSpec): Job {
  const base: ParseOptions = parseOptionsOf(spec.record, spec.context === undefined ? { to: spec.to } : { to: spec.to, context: spec.context });
  const dataPrefix = spec.dataField ?? '';
  let tally = new Tally();
  let rejects: Reject[] = [];
  let output = '';

  const reject = (error: ContractError, line: number, index: number | undefined, text: string | undefined, bytes?: Uint8Array) => {
    const entry: { -readonly [K in keyof Reject]?: Reject[K] } = { line };
    if (index !== undefined) entry.index = index;
    if (text !== undefined) entry.input = text;
    else if (bytes !== undefined) entry.inputBase64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
    entry.error = error.toJSON();
    rejects.push(entry as Reject);
  };

  return {
    record(text, line, index) {
      const row = decodeJson(text, DEFAULT_LIMITS, 'reject');
      if (!row.ok) {
        tally.failed(undefined);
        reject(contractError(row.issue.code as 'invalid_json', [row.issue]), line, index, text);
        return;
      }
      const document = spec.dataField === undefined ? row.value : valueAt(row.value, spec.dataField);
      const version = versionOf(row.value, spec);
      const problem: IssueInput | undefined =
        document === undefined
          ? { code: 'invalid_input', path: dataPrefix, detail: `the row has no event document at ${dataPrefix}` }
          : typeof version === 'object'
            ? version
            : undefined;
      if (problem) {
        tally.failed(catalogueType(identify(document, spec.record).eventType));
        reject(contractError('invalid_input', [problem]), line, index, text);
        return;
      }
      const options = version === undefined ? base : Object.assign({}, base, { version });
      const result = safeParseWith(registry.lookup, document, options);
      if (!result.success) {
        const identity = identify(document, version === undefined ? spec.record : Object.assign({}, spec.record, { version }));
        const known = catalogueType(identity.eventType);
        if (result.error.code === 'unknown_event_type' && known === undefined) tally.unknown(identity.eventType ?? '');
        else tally.failed(known);
        const moved = dataPrefix === '' && spec.versionField === undefined ? result.error : relocate(result.error, dataPrefix, spec.versionField);
        reject(moved, line, index, text);
        return;
      }
      const event = result.event;
      const encoded = formatOf(spec.record, document).encode(event);
      let out: unknown = encoded;
      if (spec.dataField !== undefined) {
        // The row was decoded just for this record, so it is changed in place.
        setAt(row.value, spec.dataField, encoded);
        if (spec.versionField !== undefined) setAt(row.value, spec.versionField, event.version);
        out = row.value;
      }
      output += `${JSON.stringify(out)}\n`;
      tally.ok(event.eventType);
      if (result.upgradedFrom !== undefined) tally.upgraded();
    },
    unreadable(issue, line, index, bytes) {
      tally.failed(undefined);
      reject(contractError(issue.code === 'input_too_large' ? 'input_too_large' : 'invalid_json', [issue]), line, index, undefined, bytes);
    },
    blank() {
      tally.blank();
    },
    drain(): JobOutput {
      const drained: JobOutput = { tally: tally.counts, findings: [], rejects, output };
      tally = new Tally();
      rejects = [];
      output = '';
      return drained;
    },
  };
}

/** The row's version: from its version field, else from the options (undefined: the document's own). */
function versionOf(row: unknown, spec: UpcastSpec): number | undefined | IssueInput {
  if (spec.versionField === undefined) return spec.record.version;
  const value = valueAt(row, spec.versionField);
  if (value === undefined) {
    if (spec.record.version !== undefined) return spec.record.version;
    return { code: 'invalid_input', path: spec.versionField, detail: `the row has no version at ${spec.versionField}` };
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  return {
    code: 'invalid_input',
    path: spec.versionField,
    detail: `the version at ${spec.versionField} must be a whole number from 1; received ${JSON.stringify(value)}`,
  };
}

/** Sets the value at a pointer whose parent exists; the data field was just read there, and a version field may be new. */
function setAt(root: unknown, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const key = tokens.pop();
  const parent = valueAt(root, toPointer(tokens));
  if (key === undefined || parent === null || typeof parent !== 'object') return;
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (isRecord(parent)) Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The error with its paths in the row: under the data field, except that the
 * version, when the row's version field gave it, is that field.
 */
function relocate(error: ContractError, dataPrefix: string, versionField: string | undefined): ContractError {
  const issues = error.issues.map((issue) =>
    Object.assign({}, issue, { path: versionField !== undefined && issue.path === '/version' ? versionField : dataPrefix + issue.path }),
  );
  return new ContractError(error.code, issues, error.step);
}
