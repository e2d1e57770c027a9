/** `domain-events new <eventType>` */
import { Command } from 'commander';
import { readPackageInfo } from '../../catalogue/package-json.js';
import { requireAuthoringToolchain } from '../authoring.js';
import type { CommandContext } from '../command-context.js';
import { formatOption } from '../output.js';
import { jsonUsageErrors, runScaffold } from './scaffold-report.js';

interface NewOptions {
  owner?: string;
  producer?: string[];
  title?: string;
  description?: string;
  typeName?: string;
  detail?: boolean;
  format: 'text' | 'json';
}

export function newCommand(context: CommandContext): Command {
  const command = new Command('new')
    .description(
      'Scaffold a new event type: event.json, a closed notification v1 schema (and with --detail a detail v1 schema), a valid and an invalid example of each, a changeset (minor); then regenerate',
    )
    .argument('<eventType>', 'the new event type, <domain>.<entity>.<past-tense verb>, such as approved-premises.booking.made')
    .option('--owner <team>', 'the team that owns the contract (default: a placeholder that check reports)')
    .option('--producer <service...>', 'the kebab-case service(s) that publish it (default: a placeholder that check reports)')
    .option('--title <text>', 'a short name, such as "Booking made" (default: from the entity and verb)')
    .option('--description <text>', 'what happened, in plain words (default: a placeholder that check reports)')
    .option(
      '--type-name <PascalName>',
      'the name of the generated types, without NotificationV1 (default: from the entity and verb, or the whole event type when taken)',
    )
    .option('--detail', 'also scaffold a detail contract, for a producer that serves detail documents at detailUrl')
    .addOption(formatOption())
    .addHelpText(
      'after',
      '\nAll or nothing: exits 2, writing nothing, for a name that is not an event type name, one that exists, a catalogue that does not load, or files that do not generate (the files written are removed and generated/ put back). With --format json, every outcome is one JSON object on stdout.',
    )
    .action(async (eventType: string, options: NewOptions) => {
      await runScaffold(context, options.format, async () => {
        requireAuthoringToolchain('new');
        // Loaded here: the generator pulls in TypeScript, which would slow every other command's start.
        const [{ loadValidCatalogue }, { generate }, { planNewEventType }, { writePlan }] = await Promise.all([
          import('../../catalogue/load.js'),
          import('../../codegen/generate.js'),
          import('../../scaffold/new-event-type.js'),
          import('../../scaffold/files.js'),
        ]);
        const catalogue = loadValidCatalogue(context.root);
        const { name } = readPackageInfo(context.root);
        const plan = planNewEventType(context.root, catalogue, name, {
          eventType,
          ...(options.owner === undefined ? {} : { owner: options.owner }),
          ...(options.producer === undefined ? {} : { producers: options.producer }),
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.description === undefined ? {} : { description: options.description }),
          ...(options.typeName === undefined ? {} : { typeName: options.typeName }),
          ...(options.detail ? { detail: true } : {}),
        });
        const { written, result: generated } = await writePlan(context.root, plan, () => generate({ root: context.root }));
        const next = [
          `add the data's properties to notification/v1.schema.json${options.detail ? ' and detail/v1.schema.json' : ''}, and fill in the examples to match`,
          'replace every TODO placeholder in event.json and the schemas',
          'run domain-events check --against origin/main',
        ];
        return { written, generated, next };
      });
    });
  return jsonUsageErrors(command, context);
}
