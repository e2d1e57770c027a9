/**
 * What `new` and `bump` print: the files they wrote and what regenerating
 * changed, then the steps that remain, which `check` will hold them to.
 */
import type { GenerateResult } from '../../codegen/generate.js';
import type { Output } from '../output.js';

export function reportScaffold(output: Output, format: 'text' | 'json', written: readonly string[], generated: GenerateResult, next: readonly string[]): void {
  if (format === 'json') {
    output.json({ written, generated: generated.changed, next });
    return;
  }
  output.line(`wrote ${written.length} file(s):`);
  for (const file of written) output.line(`  ${file}`);
  output.line(`regenerated ${generated.changed.length} file(s) (${generated.eventTypes} event types, ${generated.schemas} schemas)`);
  output.line('next:');
  for (const step of next) output.line(`  - ${step}`);
}
