// Preloaded with `node --import`: on exit, writes the process's peak resident
// set size in bytes (worker threads included; they share the process) to the
// file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
