// Preloaded with `node --import`: on exit, writes what the process used, as
// JSON, to the file named by BENCH_USAGE_FILE: its peak resident set size in
// bytes and the CPU time it took, user and system, in seconds (both over the
// whole process: worker threads and V8's background threads share it).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ peakRssBytes: usage.maxRSS * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
