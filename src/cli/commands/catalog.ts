/** `domain-events catalog --out <dir>` */
import { Command } from 'commander';
import type { CatalogResult } from '../../site/write-catalog.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, type Output } from '../output.js';

interface Options {
  out: string;
  topic: string;
  format: 'text' | 'json';
}

export function catalogCommand(context: CommandContext): Command {
  return new Command('catalog')
    .description('Write the event catalogue as a static website (index, search and a page per event type) and an AsyncAPI 3.0 document, asyncapi.json')
    .requiredOption('--out <dir>', 'the folder to write the site into (created if missing; files in it are overwritten)')
    .option('--topic <name>', 'the SNS topic name, the AsyncAPI channel address', 'hmpps-domain-events')
    .addOption(formatOption())
    .addHelpText(
      'after',
      '\nThe site needs no server: open <dir>/index.html from disk. Links are relative and the one script is a classic <script src>, so it works from file:// and on any static host.\nExit codes: 0 written, 2 usage error or a catalogue with problems (run `domain-events check` for details).',
    )
    .action(async (options: Options) => {
      // Loaded here, not above: the site and AsyncAPI builders load the compatibility engine, which other commands do not need.
      const { writeCatalog } = await import('../../site/write-catalog.js');
      const result = writeCatalog({ root: context.root, out: options.out, topic: options.topic });
      report(context.output, result, options.format);
      context.exit(EXIT.ok);
    });
}

function report(output: Output, result: CatalogResult, format: Options['format']): void {
  if (format === 'json') {
    output.json({ out: result.out, eventTypes: result.eventTypes, messages: result.messages, files: result.files, removed: result.removed });
    return;
  }
  output.line(`wrote the catalogue of ${result.eventTypes} event types (${result.files.length} files) to ${result.out}`);
  output.line(`  open ${result.out}/index.html`);
  output.line(`  asyncapi.json: ${result.messages} messages on one channel`);
  for (const file of result.removed) output.line(`  removed stale ${file}`);
}
