/**
 * `generated/envelope.ts`: the envelope's types and its check function,
 * which each event version completes with the checks of its own fields; and
 * `generated/zod/envelope.ts`, its zod shape, for composing a zod validator of
 * a whole notification.
 */
import type { Catalogue } from '../../catalogue/model.js';
import { type SchemaIndex, sharedReachedFrom } from '../../schema/catalogue-index.js';
import { openName } from '../../schema/names.js';
import { emitCheck } from '../check-emitter.js';
import { claimInnerTypes, ModuleNames, nameDefinitions, reserveImports, typeAndValidators } from '../module-names.js';
import { ModuleScope } from '../module-scope.js';
import { exportConst, id, printModule, reprint, z } from '../ts.js';
import { emitTypes } from '../typescript-types.js';
import { emitObjectShape } from '../zod-emitter.js';
import { importsFor } from './imports.js';

/** The envelope's fields whose checks each event version supplies: the event type and version it fixes, and its data. */
export const ENVELOPE_HOOKS: ReadonlySet<string> = new Set(['eventType', 'version', 'additionalInformation']);

export async function envelopeModule(catalogue: Catalogue, index: SchemaIndex): Promise<{ source: string; zodSource: string; types: string[] }> {
  const { envelope } = catalogue;
  const names = reserveImports(
    new ModuleNames('generated/envelope.ts').reserve(
      ['envelopeShape', openName('envelopeShape'), 'envelope', 'checkEnvelope'],
      "the envelope's zod shapes, validator and check",
    ),
  );
  for (const shared of sharedReachedFrom([envelope], index))
    names.reserve(typeAndValidators(shared.typeName), `the shared definition ${shared.typeName} (${shared.file})`);
  const definitionNames = nameDefinitions(names, [envelope]).get(envelope.file) ?? new Map<string, string>();
  const scope = new ModuleScope(envelope.file, envelope.id, envelope.json, index, { kind: 'import' }, definitionNames);
  const shape = emitObjectShape(envelope.json, '', scope);
  // Readers' variant: the envelope's own closed parts (person identifiers) accept properties they do not name, which are reported.
  const openScope = new ModuleScope(envelope.file, envelope.id, envelope.json, index, { kind: 'import' }, definitionNames, true);
  const openShape = emitObjectShape(envelope.json, '', openScope);
  // The check the readers use: each event version supplies the checks of the fields it fixes.
  const checkScope = new ModuleScope(envelope.file, envelope.id, envelope.json, index, { kind: 'import' }, definitionNames);
  const check = emitCheck('checkEnvelope', envelope.json, '', checkScope, {
    doc: 'Checks a value against {@link Envelope}, as `runtime/checks.ts` describes; `fields` checks `eventType`, `version` and `additionalInformation`, which each event version fixes.',
    hooks: { parameter: 'fields', names: ENVELOPE_HOOKS },
  });
  // The type lists the known fields only: unknown fields are kept at run time, but an index signature would swallow the known ones under Omit<>.
  const types = await emitTypes(envelope.json, envelope.file, index, { definitionNames, closeObjects: true });
  claimInnerTypes(names, envelope, types.declarations.keys(), new Set([String(envelope.json.title), ...definitionNames.values()]));
  const source = printModule([
    ...importsFor(
      { runtime: '../src/runtime', shared: './shared.js' },
      { zod: false, sharedTypes: types.sharedTypes, checkHelpers: checkScope.checkHelpers, sharedChecks: checkScope.sharedChecks },
    ),
    ...types.declarations.values(),
    ...checkScope.checkDefinitions.map(reprint),
    reprint(check),
  ]);
  const zodSource = printModule([
    ...importsFor(
      { runtime: '../../src/runtime', shared: './shared.js' },
      {
        zod: true,
        checks: new Set([...scope.helpers, ...openScope.helpers]),
        sharedValues: new Set([...scope.sharedValidators, ...openScope.sharedValidators]),
      },
    ),
    ...scope.definitions,
    ...openScope.definitions,
    exportConst('envelopeShape', shape, 'The zod shape of the envelope, which each event version extends with its own data.'),
    exportConst(
      openName('envelopeShape'),
      openShape,
      'The zod shape of the envelope as readers use it: its closed parts accept properties they do not name, which are reported as warnings.',
    ),
    exportConst('envelope', z('looseObject', id('envelopeShape')), 'zod validator for `Envelope`, with any data. Unknown fields are allowed and kept.'),
  ]);
  return { source, zodSource, types: [...types.declarations.keys()] };
}
