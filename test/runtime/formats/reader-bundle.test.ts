/**
 * A module that only reads events carries the formats' decoders and none of
 * their encoders: bundled (tree-shaken, names kept), one event type's reader
 * has `decodeTransport` and no function that lays an event out for a
 * transport. `serialize` still reaches every encoder.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/repo.js';

const ENCODERS = ['toSqsNotification', 'toStructuredCloudEvent', 'attributesOf', 'toHttpBinary', 'toKafkaBinary'];

async function bundled(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    treeShaking: true,
    minify: false,
    keepNames: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  return (result.outputFiles[0] as { text: string }).text;
}

const declared = (text: string, name: string) => new RegExp(`function ${name}\\(`, 'u').test(text);

describe("a reader's bundle", () => {
  it("has the formats' decoders and none of their encoders", async () => {
    const text = await bundled(
      `import { cas1BookingCancelled } from ${JSON.stringify(join(ROOT, 'generated/events/approved-premises.booking.cancelled.ts'))};
       export const read = (t) => cas1BookingCancelled.safeParse(t);`,
    );
    expect(declared(text, 'decodeTransport')).toBe(true);
    expect(ENCODERS.filter((name) => declared(text, name))).toEqual([]);
  });

  it('of serialize and the binary modes has every encoder', async () => {
    const text = await bundled(
      `import { serialize, toHttpBinary, toKafkaBinary } from ${JSON.stringify(join(ROOT, 'src/index.ts'))};
       export { serialize, toHttpBinary, toKafkaBinary };`,
    );
    expect(ENCODERS.filter((name) => !declared(text, name))).toEqual([]);
  });
});
