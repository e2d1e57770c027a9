/**
 * Runs after the package's tests (vitest.config.ts puts it in a later group): they leave nothing in the work tree that
 * git sees. What a test writes belongs in the OS temp dir, or in an ignored folder meant for it (.test-results/).
 * Entries that were there before the run (a change not yet committed) are not the tests' doing and are left out.
 */
import { describe, expect, inject, it } from 'vitest';
import { gitStatus } from '../support/git-status.js';
import { ROOT } from '../support/repo.js';

const before = inject('gitStatusBefore');

describe('the work tree after the tests', () => {
  it.skipIf(before === null)('has no file added, changed or deleted that git sees', () => {
    const after = gitStatus(ROOT) ?? [];
    const left = after.filter((entry) => !before?.includes(entry));
    expect(left, 'what the tests left in the work tree; write it under the OS temp dir or .test-results/ instead').toEqual([]);
  });
});
