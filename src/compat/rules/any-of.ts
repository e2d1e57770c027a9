/**
 * `anyOf`. A writer's branches must each be accepted by the reader. Against
 * a reader's branches, the writer's documents are split by type (a nullable
 * writer is its non-null part and its null part), and each part must fit one
 * branch that accepts that type. A part that fits no branch, but several
 * branches accept its type, might still be covered by the branches together;
 * that is undecided, and counted as breaking.
 */
import type { InstanceType } from '../../schema/keywords.js';
import { accepts } from '../accepts.js';
import { acceptsType, anything, type NormalSchema, type TypedSchema } from '../normal-schema.js';
import { type Reason, type Rule, reason } from '../rule.js';

export const anyOfRule: Rule = (context) => {
  const { writer, reader, names } = context;
  if (writer.kind === 'anyOf') return writer.branches.flatMap((branch, i) => context.compare(branch, reader, `${context.pointer}/anyOf/${i}`));
  if (reader.kind !== 'anyOf' || writer.kind !== 'typed') return [];
  const out: Reason[] = [];
  for (const type of writer.types) {
    const part: TypedSchema = { ...writer, types: [type] };
    const candidates = reader.branches.flatMap((branch, i) => (mayAccept(branch, type) ? [{ branch, i }] : []));
    if (candidates.length === 0) {
      out.push(reason(context, 'branch-not-accepted', `${names.writer} allows ${type} here, no branch of ${names.reader}'s anyOf does`));
      continue;
    }
    const results = candidates.map(({ branch, i }) => context.compare(part, branch, `${context.pointer}/anyOf/${i}`));
    if (results.some((r) => r.length === 0)) continue;
    if (results.length === 1) out.push(...(results[0] as Reason[]));
    else {
      const message = `${names.writer}'s ${type} values fit no single branch of ${names.reader}'s anyOf; whether the branches cover them together cannot be decided`;
      out.push(reason(context, 'branch-not-accepted', message, false));
    }
  }
  return out;
};

/** Could this branch accept some instance of `type`? */
function mayAccept(branch: NormalSchema, type: InstanceType): boolean {
  switch (branch.kind) {
    case 'unknown':
      return true;
    case 'anyOf':
      return branch.branches.some((b) => mayAccept(b, type));
    case 'values':
      return branch.values.some((v) => accepts({ ...anything(branch.source), types: [type] }, v));
    case 'typed':
      return acceptsType(branch, type) || (type === 'number' && acceptsType(branch, 'integer'));
  }
}
