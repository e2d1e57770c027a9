/**
 * Every rule `check` runs, declared: the evolution rules (the change set
 * against the baseline) and the lint rules (`src/lint/`: the catalogue as it
 * is). `check --help` and the README's table of codes are made from these
 * lists, so a rule cannot exist undocumented.
 */
import { exampleInvalid } from '../../lint/example-invalid.js';
import { invalidSchema } from '../../lint/invalid-schema.js';
import { invalidJson, schemaId, upcastInvalid, versionGap } from '../../lint/load-problems.js';
import { metadataMissing } from '../../lint/metadata-missing.js';
import { missingExamples } from '../../lint/missing-examples.js';
import { naming } from '../../lint/naming.js';
import { requiredWithoutProperty } from '../../lint/required-without-property.js';
import { timelineFields } from '../../lint/timeline-fields.js';
import { unsupportedKeyword } from '../../lint/unsupported-keyword.js';
import type { CheckRule } from './context.js';
import { changesetBumpTooSmall, changesetInvalid, changesetMissing } from './evolution/changeset.js';
import { notForwardCompatible } from './evolution/not-forward-compatible.js';
import { releasedVersionChanged } from './evolution/released-version-changed.js';
import { eventTypeRemoved, versionRemoved } from './evolution/removed.js';
import { upcasterInvalid } from './evolution/upcaster-invalid.js';
import { upcasterRequired } from './evolution/upcaster-required.js';

/** The rules about the change set: what changed against the baseline, and the release it needs. */
export const EVOLUTION_RULES = [
  releasedVersionChanged,
  versionRemoved,
  eventTypeRemoved,
  upcasterRequired,
  upcasterInvalid,
  notForwardCompatible,
  changesetMissing,
  changesetBumpTooSmall,
  changesetInvalid,
] as const;

/** The rules about the catalogue as it is. */
export const LINT_RULES = [
  naming,
  metadataMissing,
  versionGap,
  schemaId,
  upcastInvalid,
  invalidJson,
  requiredWithoutProperty,
  missingExamples,
  exampleInvalid,
  unsupportedKeyword,
  invalidSchema,
  timelineFields,
] as const;

/** The code of every rule: what `check` reports under. */
export type CheckCode = (typeof EVOLUTION_RULES)[number]['code'] | (typeof LINT_RULES)[number]['code'];

/** Every rule, evolution rules first. */
export const CHECK_RULES: readonly CheckRule<CheckCode>[] = [...EVOLUTION_RULES, ...LINT_RULES];
