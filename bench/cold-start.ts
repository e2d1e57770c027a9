/**
 * Cold start: in a fresh Node process, the time from before the package's
 * import to the end of the first `safeParse` of a booking.cancelled notification,
 * measured inside the process (so Node's own start-up is not counted), for the
 * root entry point and for one event type's subpath. The median of several
 * processes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/support/repo.js';
import { runNode } from './processes.js';
import { median } from './stats.js';

export interface ColdStartResults {
  readonly processes: number;
  readonly rootMilliseconds: number;
  readonly oneEventTypeMilliseconds: number;
  /** The same measure for `import('zod/mini')` alone: what any consumer of zod pays before this package's own code runs. */
  readonly zodMiniAloneMilliseconds: number;
}

const script = (specifier: string, call: string) => `
const text = process.env.BENCH_EVENT;
const started = performance.now();
const m = await import(${JSON.stringify(specifier)});
const result = ${call};
const elapsed = performance.now() - started;
if (!result.success) throw new Error('the first parse failed');
process.stdout.write(String(elapsed));
`;

async function once(code: string, event: string): Promise<number> {
  const run = await runNode(['--input-type=module', '-e', code], { keepStdout: true, env: { BENCH_EVENT: event } });
  if (run.status !== 0) throw new Error(`cold start failed: ${run.stderr}`);
  return Number(run.stdout);
}

export async function benchColdStart(processes: number): Promise<ColdStartResults> {
  const event = JSON.stringify(
    JSON.parse(readFileSync(join(ROOT, 'schemas/approved-premises.booking.cancelled/examples/notification.v1.booking-cancelled.valid.json'), 'utf8')),
  );
  const root = script('@probation/domain-events', 'm.safeParse(text)');
  const one = script('@probation/domain-events/events/approved-premises.booking.cancelled', 'm.cas1BookingCancelled.safeParse(text)');
  const zodAlone = script('zod/mini', '({ success: typeof m.object === "function" })');
  // Alternate the three, so load on the machine falls on each alike.
  const times: [number[], number[], number[]] = [[], [], []];
  for (let i = 0; i < processes; i++) {
    times[0].push(await once(root, event));
    times[1].push(await once(one, event));
    times[2].push(await once(zodAlone, event));
  }
  return { processes, rootMilliseconds: median(times[0]), oneEventTypeMilliseconds: median(times[1]), zodMiniAloneMilliseconds: median(times[2]) };
}
