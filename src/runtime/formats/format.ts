/**
 * A format (wire layout) is a pair of pure functions between the envelope and
 * a transport. `decode` turns what arrived into an envelope candidate, which
 * is then validated; its encoder (in `encoders.ts`) lays out a valid envelope
 * for the transport. The two are kept apart so that a reader's bundle carries
 * no writer.
 */
import type { IssueInput } from '../errors.js';
import type { Decoded, DuplicateKeys, Limits } from '../json-text.js';

/** What a decoder may use besides its input. */
export interface DecodeContext {
  readonly limits: Limits;
  readonly duplicateKeys: DuplicateKeys;
  /** Parses JSON nested inside the input (such as an SQS `Message`), within the same limits. */
  json(text: string, path: string): Decoded;
}

export type FormatDecoded =
  | {
      readonly ok: true;
      readonly envelope: unknown;
      /** Maps a JSON Pointer in the envelope to one in the input, when they differ. */
      readonly pathOf?: (pointer: string) => string;
    }
  | FormatFailure;

/** A decoding that failed, with its issues. */
export type FormatFailure = { readonly ok: false; readonly issues: readonly IssueInput[] };

/** How a format reads what arrived. `N` is its name, as `options.format` takes it. */
export interface Format<N extends string = string> {
  readonly name: N;
  /**
   * Whether a decoded JSON value is laid out in this format. Only formats that
   * describe themselves implement it; `auto` tries them in order and falls
   * back to `hmpps`.
   */
  detect?(value: unknown): boolean;
  decode(value: unknown, context: DecodeContext): FormatDecoded;
}

/** A decoding that failed with one issue. */
export const failWith = (issue: IssueInput): FormatFailure => ({ ok: false, issues: [issue] });

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text that `bytes` encode in UTF-8, or undefined when they are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
