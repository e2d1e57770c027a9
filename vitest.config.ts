import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/worktree/**'],
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // After the package's tests have run (group 0), the check that they left nothing in the work tree.
        extends: true,
        test: {
          name: 'worktree',
          include: ['test/worktree/*.test.ts'],
          globalSetup: ['test/worktree/record-status.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
