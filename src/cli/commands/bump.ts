/** `domain-events bump <eventType>` */
import { Command, Option } from 'commander';
import { readPackageInfo } from '../../catalogue/package-json.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption } from '../output.js';
import { reportScaffold } from './scaffold-report.js';

export function bumpCommand(context: CommandContext): Command {
  return new Command('bump')
    .description(
      "Add version N+1 of one of an event type's contracts: copy the latest schema, write the upcast and example stubs and a changeset (minor), then regenerate",
    )
    .argument('<eventType>', 'an event type in schemas/, such as approved-premises.booking.cancelled')
    .addOption(
      new Option('--contract <kind>', 'the contract to bump (default: detail where the event type has one, else notification)').choices([
        'notification',
        'detail',
      ]),
    )
    .addOption(formatOption())
    .addHelpText(
      'after',
      "\nAfter editing the new schema, run `domain-events check --against origin/main`: it says what is still missing (the upcast's operations, examples that no longer fit, the description).\nExits 2, writing nothing, for an unknown event type or a catalogue that does not load.",
    )
    .action(async (eventType: string, options: { format: 'text' | 'json'; contract?: 'notification' | 'detail' }) => {
      // Loaded here: the generator pulls in TypeScript, which would slow every other command's start.
      const [{ loadValidCatalogue }, { generate }, { planBump }, { writePlan }] = await Promise.all([
        import('../../catalogue/load.js'),
        import('../../codegen/generate.js'),
        import('../../scaffold/bump-version.js'),
        import('../../scaffold/files.js'),
      ]);
      const catalogue = loadValidCatalogue(context.root);
      const { name } = readPackageInfo(context.root);
      const { plan, version, contract } = planBump(context.root, catalogue, name, eventType, options.contract);
      const written = writePlan(context.root, plan);
      const generated = await generate({ root: context.root });
      reportScaffold(context.output, options.format, written, generated, [
        `edit ${contract}/v${version}.schema.json: the change this version makes`,
        `write the operations in ${contract}/v${version}.upcast.json that turn v${version - 1} data into v${version} data (or make it "typed", or delete it when old data stays valid), and its description`,
        'update the example stubs to show the change',
        'run domain-events check --against origin/main',
      ]);
      context.exit(EXIT.ok);
    });
}
