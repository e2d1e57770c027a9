/** `domain-events bump <eventType>` */
import { Command, Option } from 'commander';
import type { ContractKind } from '../../catalogue/model.js';
import { readPackageInfo } from '../../catalogue/package-json.js';
import { UsageError } from '../../errors.js';
import { requireAuthoringToolchain } from '../authoring.js';
import type { CommandContext } from '../command-context.js';
import { formatOption } from '../output.js';
import { jsonUsageErrors, runScaffold } from './scaffold-report.js';

const CONTRACTS = ['notification', 'detail'] as const;

export function bumpCommand(context: CommandContext): Command {
  const command = new Command('bump')
    .description(
      "Add version N+1 of one of an event type's contracts: copy the latest schema, write the upcast and example stubs and a changeset (minor), then regenerate",
    )
    .argument('<eventType>', 'an event type in schemas/, such as approved-premises.booking.cancelled')
    .addOption(
      new Option('--contract <kind>', 'the contract to bump (default: detail where the event type has one, else notification)')
        .choices(CONTRACTS)
        // Checked when the command runs, so that a wrong value is reported as every other failure is (as JSON under --format json).
        .argParser((value: string) => value),
    )
    .addOption(formatOption())
    .addHelpText(
      'after',
      "\nAfter editing the new schema, run `domain-events check --against origin/main`: it says what is still missing (the upcast's operations, examples that no longer fit, the description).\nAll or nothing: exits 2, writing nothing, for an unknown event type, a catalogue that does not load, or a new version that does not generate (the files written are removed and generated/ put back). With --format json, every outcome is one JSON object on stdout.",
    )
    .action(async (eventType: string, options: { format: 'text' | 'json'; contract?: string }) => {
      await runScaffold(context, options.format, async () => {
        const { contract: kind } = options;
        if (kind !== undefined && !(CONTRACTS as readonly string[]).includes(kind))
          throw new UsageError(`option '--contract <kind>' argument ${JSON.stringify(kind)} is invalid. Allowed choices are ${CONTRACTS.join(', ')}.`);
        requireAuthoringToolchain('bump');
        // Loaded here: the generator pulls in TypeScript, which would slow every other command's start.
        const [{ loadValidCatalogue }, { generate }, { planBump }, { writePlan }] = await Promise.all([
          import('../../catalogue/load.js'),
          import('../../codegen/generate.js'),
          import('../../scaffold/bump-version.js'),
          import('../../scaffold/files.js'),
        ]);
        const catalogue = loadValidCatalogue(context.root);
        const { name } = readPackageInfo(context.root);
        const { plan, version, contract } = planBump(context.root, catalogue, name, eventType, kind as ContractKind | undefined);
        const { written, result: generated } = await writePlan(context.root, plan, () => generate({ root: context.root }));
        const next = [
          `edit ${contract}/v${version}.schema.json: the change this version makes`,
          `write the operations in ${contract}/v${version}.upcast.json that turn v${version - 1} data into v${version} data (or make it "typed", or delete it when old data stays valid), and its description`,
          'update the example stubs to show the change',
          'run domain-events check --against origin/main',
        ];
        return { written, generated, next };
      });
    });
  return jsonUsageErrors(command, context);
}
