/**
 * The examples a spec gives on its properties, as the converted schema takes
 * them. Specs written by converters often give an example of another type
 * than the schema's (an identifier's digits unquoted under `type: string`):
 * where the meaning is plain the example is fixed, otherwise dropped, and
 * either way reported, saying which.
 */

import { STRING_FORMATS } from '../runtime/string-formats.js';
import { patternProblem } from '../schema/keywords.js';
import type { Findings } from './findings.js';

/** The JSON type of a value, as JSON Schema names them (`integer` for a whole number). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export const article = (word: string): string => `${/^[aeiou]/u.test(word) ? 'an' : 'a'} ${word}`;

/**
 * The example as the schema takes it, or nothing. Examples whose type
 * contradicts the schema's are fixed where the meaning is plain (a number
 * written for a string, digits written for a number, "true" for a boolean,
 * a date-time without its offset) and dropped otherwise; each is reported,
 * saying which.
 */
export function fittedExample(schema: Record<string, unknown>, example: unknown, pointer: string, findings: Findings): unknown[] {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : undefined;
  const type = jsonType(example);
  let value = example;
  if (types !== undefined && !types.includes(type) && !(type === 'integer' && types.includes('number'))) {
    const fixed = coerce(example, types);
    if (fixed === undefined) {
      findings.warning(
        'example',
        pointer,
        `the example ${JSON.stringify(example)} is ${article(type)}, but the schema's type is ${types.join(' or ')}; dropped`,
      );
      return [];
    }
    findings.warning(
      'example',
      pointer,
      `the example ${JSON.stringify(example)} is ${article(type)}, but the schema's type is ${types.join(' or ')}; written as ${JSON.stringify(fixed)}`,
    );
    value = fixed;
  }
  const timed = schema.format === 'date-time' && typeof value === 'string' ? withUtcOffset(value) : undefined;
  if (timed !== undefined) {
    findings.warning(
      'example',
      pointer,
      `the example ${JSON.stringify(value)} has no UTC offset, which RFC 3339 requires; written as ${JSON.stringify(timed)} (UTC)`,
    );
    value = timed;
  }
  const problem = valueProblem(schema, value);
  if (problem !== undefined) {
    findings.warning('example', pointer, `the example ${JSON.stringify(value)} ${problem}; dropped`);
    return [];
  }
  return [value];
}

/** A date-time written without its UTC offset (`2025-01-02T10:00`, `…T10:00:00.123`), as UTC; undefined for anything else. */
export function withUtcOffset(value: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/u.test(value)) return undefined;
  const base = value.replace(/[t ]/u, 'T');
  const fixed = `${/T\d\d:\d\d$/u.test(base) ? `${base}:00` : base}Z`;
  return STRING_FORMATS['date-time'](fixed) ? fixed : undefined;
}

function coerce(value: unknown, types: readonly string[]): unknown {
  // Digits under a string type are an identifier written unquoted; a boolean under one says the type itself may be wrong, so it is not fixed.
  if (types.includes('string') && typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    if (types.includes('integer') && Number.isInteger(number)) return number;
    if (types.includes('number') && Number.isFinite(number)) return number;
    if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  }
  return undefined;
}

/** Why a scalar schema's own assertions (format, enum, const, pattern, bounds) reject `value`, if they do. */
function valueProblem(schema: Record<string, unknown>, value: unknown): string | undefined {
  if (Object.hasOwn(schema, 'const') && JSON.stringify(schema.const) !== JSON.stringify(value)) return `is not the const ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) return 'is not one of the enum values';
  if (typeof value === 'string') {
    const format = schema.format as keyof typeof STRING_FORMATS | undefined;
    if (format !== undefined && Object.hasOwn(STRING_FORMATS, format) && !STRING_FORMATS[format](value)) return `is not a valid ${format}`;
    if (typeof schema.pattern === 'string' && patternProblem(schema.pattern) === undefined && !new RegExp(schema.pattern, 'u').test(value))
      return `does not match the pattern ${schema.pattern}`;
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) return `is shorter than minLength ${schema.minLength}`;
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) return `is longer than maxLength ${schema.maxLength}`;
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return `is below the minimum ${schema.minimum}`;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return `is above the maximum ${schema.maximum}`;
  }
  return undefined;
}
