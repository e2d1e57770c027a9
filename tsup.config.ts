import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { AUTHORING_TOOLCHAIN } from './src/cli/authoring.js';

// One entry per event type, so a consumer can import just one, and one for
// each event type's zod validators, which only a service composing them with
// its own zod schemas imports: reading events loads no zod. Shared code goes
// into chunks, in CommonJS too, so there is one ContractError class whichever
// entry points an application loads.
const entriesOf = (dir: string, prefix: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [`${prefix}/${f.slice(0, -3)}`, `${dir}/${f}`]),
  );
const events = { ...entriesOf('generated/events', 'events'), ...entriesOf('generated/zod/events', 'zod') };

export default defineConfig([
  {
    entry: { index: 'src/index.ts', ...events },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    // zod goes into the zod entries' chunks too: loading its hundred-odd ES
    // modules takes longer than a consumer's whole cold start should (README, "zod").
    // Only the type declarations import it: zod is an optional peer
    // dependency, for the types of the validators a service embeds in its own.
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
    // @changesets/parse, and zod as the runtime does), so that a consumer installs none of them. The
    // authoring toolchain stays an import: the commands that load it check it is there first.
    noExternal: ['zod'],
    external: [...AUTHORING_TOOLCHAIN],
    // The bundled CommonJS libraries require Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  },
]);
