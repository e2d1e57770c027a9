/**
 * Upcasting stored records: each row is decoded once, its document and
 * version are taken from it (from fields, from a stored detail row's `data`
 * and `schema_version`, or from the options), the document (a notification
 * or a detail document) is read as a consumer reads it and brought to the
 * version asked for, and the row is written back in the same layout with the
 * new document and version. Properties the contract does not name are kept. A row that fails becomes a reject, with its text and the reasons;
 * none is dropped.
 */
import { ContractError, contractError, type IssueInput } from '../runtime/errors.js';
import { parsePointer, toPointer, valueAt } from '../runtime/json-pointer.js';
import { DEFAULT_LIMITS, decodeJson } from '../runtime/json-text.js';
import { isRecord } from '../runtime/own-properties.js';
import type { Reject } from './finding.js';
import type { Job, JobOutput, UpcastSpec } from './job.js';
import { countFailure, readRecord } from './read-record.js';
import { Tally } from './tally.js';

/** A row of a producer's `domain_events` table, as exported: `{"data": {detail document}, "schema_version": 1 | null}`. */
const STORED_ROW = { dataField: '/data', versionField: '/schema_version' } as const;

/** The upcast job of a spec. */
export function createUpcastJob(spec: UpcastSpec): Job {
  const extra = { to: spec.to, encode: true, ...(spec.context === undefined ? {} : { context: spec.context }) };
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
      const fields = fieldsOf(row.value, spec);
      const dataPrefix = fields.dataField ?? '';
      const document = fields.dataField === undefined ? row.value : valueAt(row.value, fields.dataField);
      const version = versionOf(row.value, spec, fields.versionField);
      const problem: IssueInput | undefined =
        document === undefined
          ? { code: 'invalid_input', path: dataPrefix, detail: `the row has no event document at ${dataPrefix}` }
          : typeof version === 'object' && version !== null
            ? version
            : undefined;
      if (problem) {
        // The row's version cannot be used, so the document is read without it, only to learn the event type it names.
        countFailure(tally, 'invalid_input', readRecord(document, spec.record).eventType);
        reject(contractError('invalid_input', [problem]), line, index, text);
        return;
      }
      const stored = version as number | null | undefined;
      const result = readRecord(document, spec.record, stored === undefined ? extra : { ...extra, version: stored });
      if (!result.success) {
        countFailure(tally, result.error.code, result.eventType);
        const moved = dataPrefix === '' && fields.versionField === undefined ? result.error : relocate(result.error, dataPrefix, fields.versionField);
        reject(moved, line, index, text);
        return;
      }
      let out: unknown = result.document;
      if (fields.dataField !== undefined) {
        // The row was decoded just for this record, so it is changed in place.
        setAt(row.value, fields.dataField, result.document);
        if (fields.versionField !== undefined) setAt(row.value, fields.versionField, result.version);
        out = row.value;
      }
      output += `${JSON.stringify(out)}\n`;
      tally.ok(result.eventType);
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

/**
 * Where a row keeps its document and version: the fields the spec names, or,
 * when it names none, `data` and `schema_version` for a row that has both (a
 * stored detail row), else the row itself.
 */
function fieldsOf(row: unknown, spec: UpcastSpec): { dataField?: string; versionField?: string } {
  if (spec.dataField !== undefined || spec.versionField !== undefined) {
    return {
      ...(spec.dataField === undefined ? {} : { dataField: spec.dataField }),
      ...(spec.versionField === undefined ? {} : { versionField: spec.versionField }),
    };
  }
  return isRecord(row) && Object.hasOwn(row, 'data') && Object.hasOwn(row, 'schema_version') ? STORED_ROW : {};
}

/** The row's version: from its version field (where `null` means 1, as a NULL column does), else from the options (undefined: the document's own). */
function versionOf(row: unknown, spec: UpcastSpec, versionField: string | undefined): number | null | undefined | IssueInput {
  if (versionField === undefined) return spec.record.version;
  const value = valueAt(row, versionField);
  if (value === undefined) {
    if (spec.record.version !== undefined) return spec.record.version;
    return { code: 'invalid_input', path: versionField, detail: `the row has no version at ${versionField}` };
  }
  if (value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  return {
    code: 'invalid_input',
    path: versionField,
    detail: `the version at ${versionField} must be a whole number from 1, or null for 1; received ${JSON.stringify(value)}`,
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
const isAboutVersion = (issue: { readonly code: string; readonly path: string }): boolean =>
  issue.path === '/version' || (issue.path === '' && (issue.code === 'unknown_version' || issue.code === 'version_too_new'));

function relocate(error: ContractError, dataPrefix: string, versionField: string | undefined): ContractError {
  const issues = error.issues.map((issue) =>
    Object.assign({}, issue, { path: versionField !== undefined && isAboutVersion(issue) ? versionField : dataPrefix + issue.path }),
  );
  return new ContractError(error.code, issues, error.step);
}
