/**
 * The Chromium that the browser tests drive. `CHROMIUM_PATH`, where it is set, names one; otherwise it is the headless
 * Chromium for Linux x64 that the `@sparticuz/chromium` dev dependency ships, brotli-packed, with the libraries it
 * links (nss, nspr, expat), SwiftShader and a font. That one is unpacked once per version into the OS temp dir, never
 * into the tree, so a machine with only Node and npm runs the browser tests too.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { LaunchOptions } from 'playwright-core';
import { untar } from './untar.js';

/** As root (so without the sandbox), on a machine whose network reaches nothing: without the background-networking flags Chromium keeps trying to reach Google's hosts. Playwright adds `--headless`. */
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The packaged Chromium draws with ANGLE on the SwiftShader it ships, as its package advises: with `--disable-gpu` its
 * software compositor now and then fails to capture the phone-size test's full-page screenshot of the index, some
 * 30,000 device pixels tall ("Unable to capture screenshot": a third of the tries).
 */
const PACKAGED_ARGS = [...ARGS, '--use-gl=angle', '--use-angle=swiftshader'];

/** Launch options for playwright-core's `chromium.launch`: `CHROMIUM_PATH` if it is set (it must exist), else the packaged Chromium, unpacked on first use. */
export function chromiumLaunchOptions(): LaunchOptions {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is ${override}, and there is no Chromium there.`);
    return { executablePath: override, args: [...ARGS, '--disable-gpu'] };
  }
  const dir = unpackedChromium();
  return {
    executablePath: join(dir, 'chromium'),
    args: PACKAGED_ARGS,
    env: {
      ...definedEnv(),
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

/** The folder holding the packaged Chromium, unpacked: `chromium`, SwiftShader's libraries beside it (where Chromium looks for them), `lib/`, `fonts/` and `fonts.conf`. */
function unpackedChromium(): string {
  const require = createRequire(import.meta.url);
  // The package's exports name only its entry point, build/cjs/index.cjs; its root is two folders up.
  const root = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `@sparticuz/chromium ships Chromium for Linux x64 only; on ${process.platform} ${process.arch}, set CHROMIUM_PATH to a Chromium or Chrome.`,
    );
  }
  const dir = join(tmpdir(), `probation-domain-events-chromium-${version}`);
  if (existsSync(join(dir, 'chromium'))) return dir;

  // Unpack into a folder of its own and rename it into place, so that a run never sees half a Chromium, and two runs
  // at once (or one stopped half-way) leave either nothing or a whole one.
  const bin = join(root, 'bin');
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    writeFileSync(join(staging, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
    for (const archive of ['swiftshader.tar.br', 'al2023.tar.br', 'fonts.tar.br']) untar(brotliDecompressSync(readFileSync(join(bin, archive))), staging);
    // The package's own fonts.conf names the folders of AWS Lambda; this one names the unpacked fonts only, so pages
    // render the same whatever fonts the machine has.
    writeFileSync(join(staging, 'fonts.conf'), fontsConf(dir));
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
  return dir;
}

const xml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

const fontsConf = (dir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${xml(join(dir, 'fonts'))}</dir>
  <cachedir>${xml(join(dir, 'fonts-cache'))}</cachedir>
</fontconfig>
`;

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
