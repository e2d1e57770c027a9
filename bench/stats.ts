/**
 * Interleaved measurement: every candidate of a comparison is measured once
 * per round (mitata's `measure`, with its warm-up), in an order that rotates
 * from round to round, so drift in a shared machine's load falls on all of
 * them alike. A candidate's result is the median over rounds of its median
 * time per call; a ratio is the median of the per-round ratios.
 */
import { do_not_optimize, measure } from 'mitata';

export interface Candidate {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Measured {
  readonly name: string;
  /** Median time per call, in nanoseconds. */
  readonly nanoseconds: number;
  /** Calls per second at that median. */
  readonly perSecond: number;
  /** Throughput relative to the comparison's baseline (its first candidate): above 1 is faster. */
  readonly ratio: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Measures `candidates` over `rounds` interleaved rounds; the first candidate is the baseline. */
export async function compare(candidates: readonly Candidate[], rounds: number): Promise<Measured[]> {
  const times = candidates.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < candidates.length; k++) {
      const index = (k + round) % candidates.length;
      const candidate = candidates[index] as Candidate;
      const stats = await measure(() => do_not_optimize(candidate.run()), { min_cpu_time: 300e6 });
      (times[index] as number[]).push(stats.p50);
    }
  }
  const baseline = times[0] as number[];
  return candidates.map((candidate, i) => {
    const own = times[i] as number[];
    const nanoseconds = median(own);
    return {
      name: candidate.name,
      nanoseconds,
      perSecond: 1e9 / nanoseconds,
      ratio: median(own.map((t, round) => (baseline[round] as number) / t)),
    };
  });
}
