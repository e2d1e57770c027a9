/**
 * The progress bar of a long run, on stderr. It shows only when stderr is a
 * terminal and the run is not `--quiet`; otherwise nothing is written, so
 * logs and pipes stay clean.
 */
import cliProgress from 'cli-progress';

/** Progress of a run, by bytes read and records seen. */
export interface Progress {
  /** Counts a batch that was processed. */
  advance(bytes: number, records: number): void;
  /** Removes the bar. */
  stop(): void;
}

const SILENT: Progress = { advance: () => {}, stop: () => {} };

const MB = 1024 * 1024;

/**
 * A progress bar for `verb`ing `totalBytes` (undefined when unknown, as for
 * standard input), or a silent one when `show` is false.
 */
export function createProgress(show: boolean, verb: string, totalBytes: number | undefined): Progress {
  if (!show) return SILENT;
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: known
      ? `${verb} [{bar}] {percentage}% | {done} of {total_mb} MB | {records} records | {rate} records/s | ETA {eta_formatted}`
      : `${verb} {done} MB | {records} records | {rate} records/s`,
    barCompleteChar: '=',
    barIncompleteChar: ' ',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  const started = performance.now();
  let bytes = 0;
  let records = 0;
  const payload = () => ({
    done: (bytes / MB).toFixed(0),
    total_mb: ((totalBytes ?? 0) / MB).toFixed(0),
    records: records.toLocaleString('en-GB'),
    rate: Math.round(records / Math.max((performance.now() - started) / 1000, 0.001)).toLocaleString('en-GB'),
  });
  bar.start(known ? totalBytes : 1, 0, payload());
  return {
    advance(batchBytes, batchRecords) {
      bytes += batchBytes;
      records += batchRecords;
      bar.update(known ? Math.min(bytes, totalBytes) : 0, payload());
    },
    stop() {
      bar.stop();
    },
  };
}
