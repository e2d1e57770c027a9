import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { AUTHORING_TOOLCHAIN } from './src/cli/authoring.js';

// One entry per event type, so a consumer can import just one. Shared code
// goes into chunks, in CommonJS too, so there is one ContractError class
// whichever entry points an application loads.
const events = Object.fromEntries(
  readdirSync('generated/events')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`events/${f.slice(0, -3)}`, `generated/events/${f}`]),
);

export default defineConfig([
  {
    entry: { index: 'src/index.ts', ...events },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    // zod goes into the chunks too: loading its hundred-odd ES modules takes
    // longer than a consumer's whole cold start should (about 90 ms against
    // 25 ms bundled). Type declarations still import the zod dependency.
    noExternal: ['zod'],
    clean: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
  },
  {
    // The pipeline's worker threads load their own entry, beside the CLI.
    entry: { cli: 'src/cli/main.ts', 'pipeline-worker': 'src/pipeline/worker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    // The command line carries the libraries it uses (commander, semver, cli-progress, tinyglobby,
    // @changesets/parse), so that they are not dependencies a consumer installs. The authoring
    // toolchain stays an import: the commands that load it check it is there first.
    external: [...AUTHORING_TOOLCHAIN],
    // The bundled CommonJS libraries require Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
]);
