/**
 * Reading a contract to import: YAML or JSON (YAML 1.2 reads JSON too),
 * holding an AsyncAPI 3 document, a bare AsyncAPI 3 message object (the
 * one-file-per-event specs HMPPS keeps) or an OpenAPI 3.0 document; and the
 * JSON Pointers into it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ConfigError } from '../errors.js';
import { escapePointer, parsePointer } from '../runtime/json-pointer.js';
import { isRecord } from '../runtime/own-properties.js';

/** `message`: a bare AsyncAPI message object, with no `asyncapi` key, no `info` and no channels. */
export type SourceKind = 'asyncapi' | 'message' | 'openapi';

export interface Source {
  /** The path as given, for messages. */
  readonly file: string;
  /** The absolute path, to resolve references to other files from. */
  readonly path: string;
  readonly kind: SourceKind;
  readonly document: Record<string, unknown>;
}

/** Reads `path`; a file that is not an AsyncAPI 3 document or message, or an OpenAPI 3.0 document, is a `ConfigError`. */
export function readSource(path: string, file = path): Source {
  let document: unknown;
  try {
    document = parse(readFileSync(path, 'utf8'), { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(file, '', `cannot be read as YAML or JSON: ${(error as Error).message}`);
  }
  if (!isRecord(document)) throw new ConfigError(file, '', 'must hold an AsyncAPI or OpenAPI document (an object)');
  const asyncapi = document.asyncapi;
  const openapi = document.openapi;
  if (typeof asyncapi === 'string' && asyncapi.startsWith('3.')) return { file, path, kind: 'asyncapi', document };
  if (typeof openapi === 'string' && openapi.startsWith('3.0')) return { file, path, kind: 'openapi', document };
  if (asyncapi !== undefined) throw new ConfigError(file, '/asyncapi', `AsyncAPI ${String(asyncapi)} is not supported; convert it to AsyncAPI 3 first`);
  if (openapi !== undefined) throw new ConfigError(file, '/openapi', `OpenAPI ${String(openapi)} is not supported; only OpenAPI 3.0 documents are`);
  if (isMessageObject(document)) return { file, path, kind: 'message', document };
  throw new ConfigError(
    file,
    '',
    'is neither an AsyncAPI 3 document (asyncapi: 3.x), an AsyncAPI message object (a payload with a name, title or contentType) nor an OpenAPI 3.0 document (openapi: 3.0.x)',
  );
}

/** A bare AsyncAPI 3 message object: a `payload`, and something that says it is a message. */
function isMessageObject(document: Record<string, unknown>): boolean {
  if (document.payload === undefined) return false;
  return ['name', 'title', 'contentType', 'messageId', 'summary'].some((key) => typeof document[key] === 'string');
}

/** The value at a pointer in the document, or undefined. */
export function at(document: unknown, pointer: string): unknown {
  let current = document;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}

/** `pointer` extended by one token. */
export const child = (pointer: string, token: string | number): string => `${pointer}/${escapePointer(token)}`;
