/** Test helper: the context a rule gets, for a writer and a reader written inline. */
import type { JsonSchemaObject, SchemaFile } from '../../../src/catalogue/model.js';
import { breaks } from '../../../src/compat/engine.js';
import type { Reason, Rule, RuleContext } from '../../../src/compat/rule.js';
import { normal } from '../schema-files.js';

export type SchemaJson = JsonSchemaObject | boolean;

/** The rule's context for `writer` and `reader` at the root, named `w` and `r` in messages; to the letter unless `tolerant`. */
export function contextFor(writer: SchemaJson, reader: SchemaJson, shared: readonly SchemaFile[] = [], tolerant = false): RuleContext {
  const names = { writer: 'w', reader: 'r' };
  return {
    writer: normal(writer, ...shared),
    reader: normal(reader, ...shared),
    pointer: '',
    names,
    compare: (w, r, p) => breaks(w, r, names, p, { tolerant }),
    tolerant,
  };
}

/** Reasons as `code` (decided) or `code?` (undecided), with the pointer when it is not the root. */
export const summary = (reasons: readonly Reason[]): string[] => reasons.map((r) => `${r.code}${r.decided ? '' : '?'}${r.pointer ? ` ${r.pointer}` : ''}`);

/** Runs `rule` on a writer and a reader. */
export const run = (rule: Rule, writer: SchemaJson, reader: SchemaJson, ...shared: SchemaFile[]) => summary(rule(contextFor(writer, reader, shared)));

/** Runs `rule` as this package's readers read: a property a closed object does not name is kept, not rejected. */
export const runTolerant = (rule: Rule, writer: SchemaJson, reader: SchemaJson, ...shared: SchemaFile[]) =>
  summary(rule(contextFor(writer, reader, shared, true)));

export interface RuleCase {
  readonly given: { readonly writer: SchemaJson; readonly reader: SchemaJson };
  readonly want: readonly string[];
}
