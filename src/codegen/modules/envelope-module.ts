/**
 * `generated/envelope.ts`: the envelope's types, and its zod shape for
 * composing each event version's validator.
 */
import type { Catalogue } from '../../catalogue/model.js';
import { ModuleScope, openName } from '../module-scope.js';
import type { SchemaIndex } from '../schema-index.js';
import { exportConst, id, printModule, z } from '../ts.js';
import { emitTypes } from '../typescript-types.js';
import { emitObjectShape } from '../zod-emitter.js';
import { importsFor } from './imports.js';

export async function envelopeModule(catalogue: Catalogue, index: SchemaIndex): Promise<{ source: string; types: string[] }> {
  const { envelope } = catalogue;
  const reserved = new Set(['envelopeShape', 'envelope', openName('envelopeShape')]);
  const scope = new ModuleScope(envelope.file, envelope.id, envelope.json, index, { kind: 'import' }, reserved);
  const shape = emitObjectShape(envelope.json, '', scope);
  // Readers' variant: the envelope's own closed parts (person identifiers) accept properties they do not name, which are reported.
  const openScope = new ModuleScope(envelope.file, envelope.id, envelope.json, index, { kind: 'import' }, reserved, true);
  const openShape = emitObjectShape(envelope.json, '', openScope);
  // The type lists the known fields only: unknown fields are kept at run time, but an index signature would swallow the known ones under Omit<>.
  const types = await emitTypes(envelope.json, envelope.file, index, true);
  const source = printModule([
    ...importsFor(
      { runtime: '../src/runtime', shared: './shared.js' },
      {
        zod: true,
        checks: new Set([...scope.helpers, ...openScope.helpers]),
        sharedValidators: new Set([...scope.sharedValidators, ...openScope.sharedValidators]),
        sharedTypes: types.sharedTypes,
      },
    ),
    ...types.declarations.values(),
    ...scope.definitions,
    ...openScope.definitions,
    exportConst('envelopeShape', shape, 'The zod shape of the envelope, which each event version extends with its own data.'),
    exportConst(
      openName('envelopeShape'),
      openShape,
      'The zod shape of the envelope as readers use it: its closed parts accept properties they do not name, which are reported as warnings.',
    ),
    exportConst('envelope', z('looseObject', id('envelopeShape')), 'Validator for {@link Envelope}, with any data. Unknown fields are allowed and kept.'),
  ]);
  return { source, types: [...types.declarations.keys()] };
}
