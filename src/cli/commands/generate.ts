/** `domain-events generate [--check]` */
import { Command } from 'commander';
import type { generate } from '../../codegen/generate.js';
import { requireAuthoringToolchain } from '../authoring.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, type Output } from '../output.js';

export function generateCommand(context: CommandContext): Command {
  return new Command('generate')
    .description('Write generated/ (types, zod validators, upcasters, registry) from schemas/')
    .option('--check', 'regenerate in memory and fail (exit 1) if any generated file is stale; writes nothing')
    .addOption(formatOption())
    .action(async (options: { check?: boolean; format: 'text' | 'json' }) => {
      requireAuthoringToolchain('generate');
      // Loaded here, not above: the generator pulls in TypeScript, which would slow every other command's start.
      const { generate } = await import('../../codegen/generate.js');
      const result = await generate({ root: context.root, check: options.check === true });
      report(context.output, result, options);
      context.exit(options.check && result.changed.length > 0 ? EXIT.findings : EXIT.ok);
    });
}

function report(output: Output, result: Awaited<ReturnType<typeof generate>>, options: { check?: boolean; format: string }) {
  if (options.format === 'json') {
    output.json({
      check: options.check === true,
      stale: options.check ? result.changed : [],
      written: options.check ? [] : result.changed,
      eventTypes: result.eventTypes,
      schemas: result.schemas,
    });
    return;
  }
  const summary = `${result.eventTypes} event types, ${result.schemas} schemas`;
  if (options.check) {
    if (result.changed.length === 0) output.line(`generated/ is up to date (${summary})`);
    else {
      output.line(`${result.changed.length} generated file(s) are stale; run \`domain-events generate\`:`);
      for (const file of result.changed) output.line(`  ${file}`);
    }
  } else {
    output.line(result.changed.length === 0 ? `generated/ was already up to date (${summary})` : `wrote ${result.changed.length} file(s) (${summary})`);
    for (const file of result.changed) output.line(`  ${file}`);
  }
}
