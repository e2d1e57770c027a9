/** Exit codes of every command. */
export const EXIT = {
  /** All good. */
  ok: 0,
  /** Findings: invalid payloads, breaking changes, stale files. */
  findings: 1,
  /** A usage or configuration error. */
  usage: 2,
} as const;
