/**
 * The registry of `check`'s rules: one rule per code, each declared with a
 * one-line summary, and the README's table of codes made from it, so that a
 * rule cannot exist undocumented. A test holds the table equal to the
 * registry: when it fails, the table it wants is in its diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckRule, diagnosticOf } from '../../../src/compat/check/context.js';
import { CHECK_RULES, EVOLUTION_RULES, LINT_RULES } from '../../../src/compat/check/registry.js';
import { ROOT } from '../../support/repo.js';

const START = '<!-- check-codes:start -->';
const END = '<!-- check-codes:end -->';

/** The README's table of codes, as the registry gives it. */
function codeTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = (kind: string, rules: readonly CheckRule[]) => rules.map((r) => `| \`${r.code}\` | ${kind} | ${r.severity} | ${cell(r.summary)} |`);
  return ['| code | rule | severity | what it finds |', '|---|---|---|---|', ...rows('evolution', EVOLUTION_RULES), ...rows('lint', LINT_RULES)].join('\n');
}

describe('the registry of check rules', () => {
  it('has one rule per code', () => {
    const codes = CHECK_RULES.map((r) => r.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(CHECK_RULES.map((r) => [r.code, r] as const))('%s has a one-line summary in lower case, without a full stop', (_code, rule) => {
    expect(rule.summary).toMatch(/^[a-z][^\n]*[^.\s]$/u);
  });
});

describe('what a rule finds, as check reports it', () => {
  const rule: CheckRule<'example-code'> = { code: 'example-code', severity: 'error', summary: 'an example', run: () => [] };
  const at = { file: 'schemas/x/event.json', pointer: '/timeline/1', message: 'is wrong' };

  it("has the rule's code and severity, in the fields' order", () => {
    const diagnostic = diagnosticOf(rule, at);
    expect(diagnostic).toStrictEqual({ code: 'example-code', severity: 'error', ...at });
    expect(Object.keys(diagnostic)).toEqual(['code', 'severity', 'file', 'pointer', 'message']);
  });

  it('keeps a milder severity and a counterexample where the rule gives them', () => {
    const counterexample = { step: { eventType: 'x.y.happened', contract: 'detail', from: 1, to: 2 }, input: {} } as const;
    expect(diagnosticOf(rule, { ...at, severity: 'warning' }).severity).toBe('warning');
    expect(diagnosticOf(rule, { ...at, counterexample })).toStrictEqual({ code: 'example-code', severity: 'error', ...at, counterexample });
  });
});

describe('the README', () => {
  it('lists every code of the registry, with its severity and summary, between the check-codes markers', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README.md has the check-codes markers').toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + START.length, end).trim()).toBe(codeTable());
  });
});
