/** Global setup: records what git sees in the work tree before any test runs, for leftovers.test.ts to compare with. */
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { gitStatus } from '../support/git-status.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The work tree's `git status` entries before the tests ran; `null` outside a git work tree. */
    gitStatusBefore: string[] | null;
  }
}

export default function setup(project: TestProject): void {
  project.provide('gitStatusBefore', gitStatus(fileURLToPath(new URL('../../', import.meta.url))));
}
