/**
 * Counts of records, by event type. A run keeps only these counts, never the
 * records, so its memory does not grow with its input. Each batch counts its
 * own records; the main thread adds the batches up.
 */

/** Plain counts, as they cross from a worker thread. */
export interface TallyCounts {
  /** By event type: `[ok, failed]`, meaning valid and invalid (validate), or written and rejected (upcast). */
  readonly byType: Map<string, [number, number]>;
  /** Records of event types that the catalogue does not know, by type (at most {@link MAX_UNKNOWN_TYPES} names). */
  readonly unknownTypes: Map<string, number>;
  /** Records of unknown event types, all told. */
  unknown: number;
  /** Records with no readable event type (not JSON, not an object, no `eventType`), and faults in a document's structure. They count as failed. */
  unreadable: number;
  /** Blank lines (empty, or white space only). They are not records. */
  blank: number;
  /** Records that were brought up to a newer version (upcast). */
  upgraded: number;
}

/** How many unknown event type names are kept; beyond that they are only counted. */
export const MAX_UNKNOWN_TYPES = 20;

/** A running count. */
export class Tally {
  readonly counts: TallyCounts = { byType: new Map(), unknownTypes: new Map(), unknown: 0, unreadable: 0, blank: 0, upgraded: 0 };

  /** A record of `eventType` that passed (valid, or written). */
  ok(eventType: string): void {
    const counts = this.counts.byType.get(eventType);
    if (counts) counts[0]++;
    else this.counts.byType.set(eventType, [1, 0]);
  }

  /** A record that failed; `eventType` is undefined when it could not be read. */
  failed(eventType: string | undefined): void {
    if (eventType === undefined) {
      this.counts.unreadable++;
      return;
    }
    const counts = this.counts.byType.get(eventType);
    if (counts) counts[1]++;
    else this.counts.byType.set(eventType, [0, 1]);
  }

  /** A record of an event type that the catalogue does not know. */
  unknown(eventType: string, count = 1): void {
    this.counts.unknown += count;
    const seen = this.counts.unknownTypes.get(eventType);
    if (seen !== undefined) this.counts.unknownTypes.set(eventType, seen + count);
    else if (this.counts.unknownTypes.size < MAX_UNKNOWN_TYPES) this.counts.unknownTypes.set(eventType, count);
  }

  blank(): void {
    this.counts.blank++;
  }

  upgraded(): void {
    this.counts.upgraded++;
  }

  /** Adds another tally's counts (a batch's) to this one. */
  add(other: TallyCounts): void {
    for (const [type, [ok, failed]] of other.byType) {
      const counts = this.counts.byType.get(type);
      if (counts) {
        counts[0] += ok;
        counts[1] += failed;
      } else this.counts.byType.set(type, [ok, failed]);
    }
    const unknownBefore = this.counts.unknown;
    for (const [type, count] of other.unknownTypes) this.unknown(type, count);
    // Names past the limit were counted but not kept; keep the total right.
    this.counts.unknown = unknownBefore + other.unknown;
    this.counts.unreadable += other.unreadable;
    this.counts.blank += other.blank;
    this.counts.upgraded += other.upgraded;
  }
}

/** Totals over a tally's counts. */
export function totals(counts: TallyCounts): { records: number; ok: number; failed: number; unknown: number } {
  let ok = 0;
  let failed = counts.unreadable;
  for (const [passed, notPassed] of counts.byType.values()) {
    ok += passed;
    failed += notPassed;
  }
  return { records: ok + failed + counts.unknown, ok, failed, unknown: counts.unknown };
}
