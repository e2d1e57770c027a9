/**
 * How commands write results: human text, JSON for machines, or GitHub
 * Actions annotations. Results go to stdout; progress and errors to stderr.
 */
import { Option } from 'commander';
import { jsonText } from '../catalogue/json-file.js';

export type OutputFormat = 'text' | 'json' | 'github';

/** The `--format` option, with the choices a command supports. */
export function formatOption(choices: readonly OutputFormat[] = ['text', 'json']): Option {
  return new Option('--format <format>', 'how to write the results').choices([...choices]).default('text');
}

export interface Output {
  /** A line of results, on stdout. */
  line(text?: string): void;
  /** A line of diagnostics, on stderr. */
  note(text: string): void;
  /** A JSON document, on stdout. */
  json(value: unknown): void;
}

export const processOutput: Output = {
  line: (text = '') => process.stdout.write(`${text}\n`),
  note: (text) => process.stderr.write(`${text}\n`),
  json: (value) => process.stdout.write(jsonText(value)),
};

/** Escapes text for a GitHub Actions workflow command (`::error file=…::message`). */
export function githubEscape(text: string, property = false): string {
  const escaped = text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  return property ? escaped.replaceAll(':', '%3A').replaceAll(',', '%2C') : escaped;
}

/** A GitHub Actions annotation line. */
export function githubAnnotation(level: 'error' | 'warning' | 'notice', message: string, where: { file?: string; line?: number; title?: string } = {}): string {
  const props = [
    where.file === undefined ? undefined : `file=${githubEscape(where.file, true)}`,
    where.line === undefined ? undefined : `line=${where.line}`,
    where.title === undefined ? undefined : `title=${githubEscape(where.title, true)}`,
  ].filter(Boolean);
  return `::${level}${props.length > 0 ? ` ${props.join(',')}` : ''}::${githubEscape(message)}`;
}
