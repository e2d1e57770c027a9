/** `domain-events check --against <git-ref | directory>` */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { nextVersion } from '../../compat/check/bump.js';
import type { CheckRule } from '../../compat/check/context.js';
import type { CheckResult } from '../../compat/check/run-check.js';
import { ConfigError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, githubAnnotation, type Output, type OutputFormat } from '../output.js';

/** The rules `check` runs, as the registry groups them: for the help, which lists them. */
export interface RuleGroups {
  readonly evolution: readonly CheckRule[];
  readonly lint: readonly CheckRule[];
}

const INTRO = `
Compares schemas/ (and .changeset/) with a baseline and lints the catalogue.
`;

const MORE = `
The bump a change needs: patch for annotations, examples and metadata; minor for a
new event type or version (or an envelope change compatible both ways); major for a
removal, a changed released version or an incompatible envelope change.

Exit codes: 0 no errors (warnings allowed), 1 error findings, 2 usage error (an
unknown ref, a directory without schemas/).

Examples:
  domain-events check --against origin/main
  domain-events check --against v1.4.0 --format github
  domain-events check --against ./node_modules/@probation/domain-events`;

/** The help's list of findings: each rule's code, then its summary, wrapped to 80 columns. */
function rulesHelp({ evolution, lint }: RuleGroups): string {
  const width = Math.max(...[...evolution, ...lint].map((r) => r.code.length)) + 3;
  const list = (rules: readonly CheckRule[]) =>
    rules.map((r) => {
      const lines = wrap(`${r.severity === 'warning' ? '(warning) ' : ''}${r.summary}`, 80 - 2 - width);
      return `  ${r.code.padEnd(width)}${lines.join(`\n${' '.repeat(2 + width)}`)}`;
    });
  return ['Evolution findings (against the baseline):', ...list(evolution), 'Lint findings (the catalogue as it is):', ...list(lint)].join('\n');
}

/** Words in lines of at most `width` characters (a longer word has a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** @param rules the rules, for the help to list; the help leaves the list out without them. */
export function checkCommand(context: CommandContext, rules?: RuleGroups): Command {
  return new Command('check')
    .description('Refuse unsafe schema changes: compare schemas/ with a baseline (a git ref or a directory) and lint the catalogue')
    .requiredOption('--against <ref-or-dir>', 'the baseline: a git ref (origin/main, a tag) or a directory with schemas/ at its top')
    .addOption(formatOption(['text', 'json', 'github']))
    .addHelpText('after', rules ? `${INTRO}\n${rulesHelp(rules)}\n${MORE}` : `${INTRO}${MORE}`)
    .action(async (options: { against: string; format: OutputFormat }) => {
      // Loaded here, so that other commands start without the compatibility engine.
      const [{ openBaseline }, { runCheck }] = await Promise.all([import('../../compat/check/baseline.js'), import('../../compat/check/run-check.js')]);
      if (!existsSync(join(context.root, 'schemas'))) throw new ConfigError('schemas', '', `there is no schemas/ folder in ${context.root}`);
      const baseline = openBaseline(options.against, context.root);
      let result: CheckResult;
      try {
        result = runCheck({ root: context.root, baselineRoot: baseline.root });
      } finally {
        baseline.dispose();
      }
      report(context.output, result, options);
      context.exit(result.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok);
    });
}

function report(output: Output, result: CheckResult, options: { against: string; format: OutputFormat }): void {
  const { findings, bump } = result;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (options.format === 'json') {
    output.json({
      against: options.against,
      errors,
      warnings,
      findings,
      bump: {
        package: bump.packageName,
        required: bump.required,
        declared: bump.declared ?? null,
        version: bump.version,
        next: nextVersion(bump.version, bump.required),
      },
      changes: result.changes,
    });
    return;
  }
  for (const f of findings) {
    const where = `${f.file}${f.pointer ? `#${f.pointer}` : ''}`;
    if (options.format === 'github')
      output.line(githubAnnotation(f.severity, `${f.code}: ${f.pointer ? `${f.pointer}: ` : ''}${f.message}`, { file: f.file, title: f.code }));
    else output.line(`${f.severity.padEnd(7)} ${f.code}  ${where}\n        ${f.message}`);
  }
  const declared = bump.declared === undefined ? 'no new changeset names the package' : `the new changesets declare ${bump.declared}`;
  const needs =
    bump.required === 'none'
      ? 'nothing under schemas/ changed'
      : `the change needs a ${bump.required} release (${bump.version} → ${nextVersion(bump.version, bump.required)}); ${declared}`;
  output.line(`checked against ${options.against}: ${needs}`);
  output.line(`${errors} error(s), ${warnings} warning(s)`);
}
