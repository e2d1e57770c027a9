/**
 * The one place where issue messages are written. Each message is made from
 * the issue's code and parameters, so the same problem always reads the same
 * way, in the API, the CLI and the catalogue.
 */
import type { IssueCode } from './issue-codes.js';

interface Params {
  readonly path: string;
  readonly expected?: string;
  readonly received?: string;
}

const templates: Record<IssueCode, (p: Params, detail?: string) => string> = {
  invalid_json: (_p, d) => `is not valid JSON${d ? ` (${d})` : ''}`,
  input_too_large: (p) => `is ${p.received} long, over the limit of ${p.expected}`,
  input_too_deep: (p) => `nests deeper than the limit of ${p.expected} levels`,
  invalid_input: (p, d) => d ?? `expected ${p.expected}, received ${p.received}`,
  unknown_event_type: (p, d) => `unknown event type ${p.received}${d ? `; ${d}` : ''}`,
  event_type_mismatch: (p) => `expected event type ${p.expected}, received ${p.received}`,
  unknown_version: (p, d) => `unknown version ${p.received}; this package knows ${p.expected}${d ? `. ${d}` : ''}`,
  missing_version: (_p, d) => d ?? 'the document carries no version; pass one in the options',
  version_too_new: (p) => `version ${p.received} is newer than the requested version ${p.expected}, and versions are never downgraded`,
  version_mismatch: (p) =>
    `the data is not valid at version ${p.received} but is valid at version ${p.expected}; the producer may be sending the wrong version`,
  invalid_type: (p) => `expected ${p.expected}, received ${p.received}`,
  required: (p) => `is required${p.expected ? ` (${p.expected})` : ''}`,
  unknown_property: (p, d) => d ?? `is not a property the contract names${p.received ? ` (${p.received})` : ''}`,
  invalid_value: (p) => `expected ${p.expected}, received ${p.received}`,
  invalid_format: (p) => `expected a ${p.expected} string, received ${p.received}`,
  pattern: (p) => `does not match the pattern ${p.expected}; received ${p.received}`,
  too_small: (p) => `is too small: expected ${p.expected}, received ${p.received}`,
  too_big: (p) => `is too big: expected ${p.expected}, received ${p.received}`,
  not_unique: () => 'has duplicate items',
  no_match: (p) => `matches none of the allowed shapes${p.expected ? ` (${p.expected})` : ''}`,
  upcast_failed: (_p, d) => `the upcast failed${d ? `: ${d}` : ''}`,
  upcast_input_missing: (_p, d) => d ?? 'the upcast needs an input that was not given',
  invalid_option: (p, d) => d ?? `expected ${p.expected}, received ${p.received}`,
  detail_url_missing: () => 'the notification has no detailUrl to fetch its detail document from',
  fetch_failed: (p, d) => `could not fetch ${p.received}${d ? `: ${d}` : ''}`,
  fetch_timeout: (p) => `no answer from ${p.received} within ${p.expected}`,
  body_timeout: (p) => `the body from ${p.received} did not arrive within ${p.expected}`,
  not_found: (p) => `${p.received} answered 404 Not Found`,
  http_error: (p, d) => `${p.received} answered HTTP ${p.expected}${d ? ` (${d})` : ''}`,
};

/** The message for an issue with this code and these parameters. */
export function messageFor(code: IssueCode, params: Params, detail?: string): string {
  return templates[code](params, detail);
}

/** A short, safe description of a received value for `received`: its JSON, cut to 80 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The JSON type name of a value: string, number, boolean, null, array or object. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value === undefined) return 'nothing';
  return typeof value;
}
