/**
 * The loader's own problems (`naming`, `metadata-missing`, `version-gap`,
 * `schema-id`, `upcast-invalid`, `invalid-json`), reported with the codes the
 * loader gives them.
 */
import type { CheckRule } from '../compat/check/context.js';
import { error } from '../compat/check/finding.js';

export const loadProblems: CheckRule = ({ current }) => current.problems.map((p) => error(p.code, p.file, p.pointer, p.message));
