/**
 * `metadata-missing`: what a reader of the catalogue needs to know about an
 * event type and is not written. The loader's problems (an `event.json`
 * missing, or not valid against `schemas/_meta/event.schema.json`), text
 * still a placeholder (`placeholders.ts`), and a contract past `draft` that
 * names no producer file (`sources.ts`).
 */
import { checkRule } from '../compat/check/context.js';
import { loadProblems } from './load-problems.js';
import { placeholders } from './placeholders.js';
import { sources } from './sources.js';

export const metadataMissing = checkRule({
  code: 'metadata-missing',
  severity: 'error',
  summary:
    'an `event.json` missing or not valid against `schemas/_meta/event.schema.json`, text still a placeholder left by `new` or `bump`, or a contract past `draft` whose `event.json` names no producer file in `source`',
  run: (context) => [...loadProblems(context, 'metadata-missing'), ...placeholders(context), ...sources(context)],
});
