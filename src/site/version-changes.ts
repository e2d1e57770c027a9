/**
 * What changed between an event type's versions, in words a reader can act
 * on: the compatibility engine's verdict on each step (`compareVersions`),
 * said plainly both ways round, the fields added, removed or changed, and
 * the upcast declaration that carries old data forward.
 */
import type { ContractSource, UpcastDeclaration } from '../catalogue/model.js';
import { compareEventVersions, type VersionStep } from '../compat/compare-versions.js';
import type { Compatibility } from '../compat/engine.js';
import type { Reason } from '../compat/rule.js';
import type { SchemaDocuments } from '../schema/ref.js';
import type { FieldRow } from './fields.js';

/** A field whose definition differs between two versions, with what differs, in words. */
export interface ChangedField {
  readonly path: string;
  readonly changes: readonly string[];
}

export interface VersionChange {
  readonly from: number;
  readonly to: number;
  readonly compatibility: Compatibility;
  /** One line: "Backward compatible only". */
  readonly headline: string;
  /** Whether old data is valid under the new version, in a sentence. */
  readonly backward: string;
  /** Whether new data is valid under the old version, in a sentence. */
  readonly forward: string;
  /** The engine's reasons old data may be invalid under the new version; empty when backward compatible. */
  readonly backwardReasons: readonly Reason[];
  /** The engine's reasons new data may be invalid under the old version; empty when forward compatible. */
  readonly forwardReasons: readonly Reason[];
  readonly added: readonly FieldRow[];
  readonly removed: readonly FieldRow[];
  readonly changed: readonly ChangedField[];
  /** How `from` data becomes `to` data, from `v<to>.upcast.json`. */
  readonly upcast?: UpcastDeclaration;
}

/** A version that a later one is not forward compatible with: consumers must upgrade first. */
export interface ForwardBreak {
  readonly from: number;
  readonly to: number;
}

const HEADLINES: Readonly<Record<Compatibility, string>> = {
  full: 'Fully compatible',
  backward: 'Backward compatible only',
  forward: 'Forward compatible only',
  none: 'Not compatible either way',
};

/**
 * Each consecutive step of a contract, v1 → v2, v2 → v3…, and every pair of
 * versions that is not forward compatible (transitively, so v1 → v3 counts).
 *
 * @param fields the field rows of each version, by version number.
 */
export function versionChanges(
  event: ContractSource,
  documents: SchemaDocuments,
  fields: ReadonlyMap<number, readonly FieldRow[]>,
): { steps: VersionChange[]; forwardBreaks: ForwardBreak[] } {
  const compared = compareEventVersions(event, documents);
  const steps = compared.steps.map((step) => {
    const upcast = event.versions.find((v) => v.version === step.to)?.upcast?.declaration;
    return {
      ...wording(step, upcast !== undefined && upcast.kind !== 'meaning-only'),
      ...fieldChanges(fields.get(step.from) ?? [], fields.get(step.to) ?? []),
      ...(upcast ? { upcast } : {}),
    };
  });
  const forwardBreaks = compared.pairs.filter((p) => p.forward.length > 0).map((p) => ({ from: p.from, to: p.to }));
  return { steps, forwardBreaks };
}

/** The verdict on one step, both ways round, in plain sentences. */
export function wording(step: VersionStep, hasUpcaster: boolean): Omit<VersionChange, 'added' | 'removed' | 'changed' | 'upcast'> {
  const [older, newer] = [`v${step.from}`, `v${step.to}`];
  const backward =
    step.backward.length === 0
      ? `Backward compatible — old data is valid under the new version: every ${older} event is also valid ${newer} data.`
      : `Not backward compatible — some ${older} data is not valid under ${newer}, so ${older} events are upcast to ${newer} when read` +
        (hasUpcaster ? '.' : '; no upcaster is declared.');
  const forward =
    step.forward.length === 0
      ? `Forward compatible — new data is valid under the old version: consumers still on ${older} can read ${newer} events.`
      : `Not forward compatible — consumers must upgrade before producers send ${newer}: ${older} rejects some ${newer} data.`;
  return {
    from: step.from,
    to: step.to,
    compatibility: step.compatibility,
    headline: HEADLINES[step.compatibility],
    backward,
    forward,
    backwardReasons: step.backward,
    forwardReasons: step.forward,
  };
}

/** Fields added, removed and changed from `older` to `newer`, matched by path (and `anyOf` branch). */
export function fieldChanges(older: readonly FieldRow[], newer: readonly FieldRow[]): Pick<VersionChange, 'added' | 'removed' | 'changed'> {
  const key = (row: FieldRow) => `${row.path}\u0000${row.variant ?? ''}`;
  const before = new Map(older.map((r) => [key(r), r]));
  const after = new Map(newer.map((r) => [key(r), r]));
  const changed: ChangedField[] = [];
  for (const [k, now] of after) {
    const then = before.get(k);
    if (!then) continue;
    const changes = describeChange(then, now);
    if (changes.length > 0) changed.push({ path: now.path, changes });
  }
  return {
    added: newer.filter((r) => !before.has(key(r))),
    removed: older.filter((r) => !after.has(key(r))),
    changed,
  };
}

function describeChange(then: FieldRow, now: FieldRow): string[] {
  const out: string[] = [];
  if (then.required !== now.required) out.push(now.required ? 'now required' : 'now optional');
  if (then.type !== now.type) out.push(`type ${then.type} → ${now.type}`);
  if (then.shared !== now.shared) out.push(`shape ${then.shared ?? 'inline'} → ${now.shared ?? 'inline'}`);
  if (then.format !== now.format) out.push(`format ${then.format ?? 'none'} → ${now.format ?? 'none'}`);
  if (then.pattern !== now.pattern) out.push(`pattern ${then.pattern ?? 'none'} → ${now.pattern ?? 'none'}`);
  const values = (row: FieldRow) => (row.values ? JSON.stringify(row.values) : 'any');
  if (values(then) !== values(now)) {
    const was = new Set((then.values ?? []).map((v) => JSON.stringify(v)));
    const is = new Set((now.values ?? []).map((v) => JSON.stringify(v)));
    const plus = [...is].filter((v) => !was.has(v));
    const minus = [...was].filter((v) => !is.has(v));
    if (!then.values || !now.values) out.push(now.values ? 'now limited to listed values' : 'no longer limited to listed values');
    else
      out.push([plus.length > 0 && `values added: ${plus.join(', ')}`, minus.length > 0 && `values removed: ${minus.join(', ')}`].filter(Boolean).join('; '));
  }
  if (then.deprecated !== now.deprecated) out.push(now.deprecated ? 'deprecated' : 'no longer deprecated');
  return out.filter((c) => c !== '');
}
