/** `domain-events check --against <git-ref | directory>` */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { nextVersion } from '../../compat/check/bump.js';
import type { CheckResult } from '../../compat/check/run-check.js';
import { ConfigError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { EXIT } from '../exit-codes.js';
import { formatOption, githubAnnotation, type Output, type OutputFormat } from '../output.js';

const HELP = `
Compares schemas/ (and .changeset/) with a baseline and lints the catalogue.

Evolution findings (against the baseline):
  released-version-changed   a released version changed in more than its annotations
                             (title, description, examples, $comment, deprecated,
                             default, readOnly, writeOnly); names the JSON Pointer
  version-removed            a released version was removed
  event-type-removed         a released event type was removed
  upcaster-required          a new version is not backward compatible with the one
                             before it and has no transform or typed vN.upcast.json
  upcaster-invalid           an upcast step (any version, any contract) turns valid
                             data of one version into data the next rejects: run on
                             many generated values, it names the step, the JSON
                             Pointer and a counterexample (typed upcasters, which
                             are TypeScript, are not run)
  not-forward-compatible     (warning) a new version's data is rejected by an earlier one
  changeset-missing          the change needs a release but no new changeset names the package
  changeset-bump-too-small   the new changesets declare a smaller bump than the change needs
  changeset-invalid          a changeset that changesets cannot read
Lint findings (the catalogue as it is):
  naming, metadata-missing, version-gap, schema-id, upcast-invalid, invalid-json,
  required-without-property, missing-examples, example-invalid (an example that is not
  what its name says, judged whole, envelope or detail document included, as the
  readers judge it), unsupported-keyword, invalid-schema, timeline-field (a timeline
  placeholder naming a field its version lacks; a warning when the field is only optional)

The bump a change needs: patch for annotations, examples and metadata; minor for a
new event type or version (or an envelope change compatible both ways); major for a
removal, a changed released version or an incompatible envelope change.

Exit codes: 0 no errors (warnings allowed), 1 error findings, 2 usage error (an
unknown ref, a directory without schemas/).

Examples:
  domain-events check --against origin/main
  domain-events check --against v1.4.0 --format github
  domain-events check --against ./node_modules/@probation/domain-events`;

export function checkCommand(context: CommandContext): Command {
  return new Command('check')
    .description('Refuse unsafe schema changes: compare schemas/ with a baseline (a git ref or a directory) and lint the catalogue')
    .requiredOption('--against <ref-or-dir>', 'the baseline: a git ref (origin/main, a tag) or a directory with schemas/ at its top')
    .addOption(formatOption(['text', 'json', 'github']))
    .addHelpText('after', HELP)
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
