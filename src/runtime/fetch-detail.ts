/**
 * `fetchDetail`: what a consumer of a thin notification does next. It GETs
 * the notification's `detailUrl` with the platform `fetch` (or one it is
 * given), and reads the answer as a detail document of the notification's
 * event type, upcast to the latest version. Every failure, on the network or
 * in the document, comes back as an issue with its own code; it never throws.
 */
import { accepts } from './checks.js';
import type { DetailParseOptions, DetailParseResult, DetailRuntime } from './detail.js';
import { safeParseDetailWith } from './detail.js';
import { type ContractError, contractError, type ErrorCode, type IssueInput } from './errors.js';
import { DEFAULT_LIMITS, decodeJson } from './json-text.js';
import { isRecord } from './own-properties.js';
import type { Lookup } from './parse.js';

/** Options for `fetchDetail`. */
export interface FetchDetailOptions extends Omit<DetailParseOptions, 'eventType' | 'version'> {
  /** The `fetch` to use. Default: the platform's `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Request headers, such as `{ authorization: 'Bearer …' }`. `accept: application/json` is sent unless given. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the request; an abort comes back as `fetch_failed`. */
  readonly signal?: AbortSignal;
  /** How long to wait for the answer, and then again for its body, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /**
   * The schema version of the served document. Default `'detect'`: the newest
   * version under which the document is valid, since a producer may serve a
   * stored row as it was written. Give a number (or `null` for 1) to pin it.
   */
  readonly version?: number | null | 'detect';
}

/** What `fetchDetail` reads from a notification. */
export interface DetailSource {
  readonly eventType: string;
  readonly detailUrl?: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;

type Failure = { readonly success: false; readonly error: ContractError };
const fail = (code: ErrorCode, issue: IssueInput): Failure => ({ success: false, error: contractError(code, [issue]) });

/** Fetches and reads the detail document of `event` against the detail contracts `lookup` knows. Never throws. */
export async function fetchDetailWith(
  lookup: Lookup<DetailRuntime>,
  event: DetailSource,
  options: FetchDetailOptions = {},
): Promise<DetailParseResult<Record<string, unknown>>> {
  try {
    return await fetchUnchecked(lookup, event, options);
  } catch (error) {
    // Reaching here is a bug in this package; it is still reported, not thrown.
    return fail('invalid_input', { code: 'invalid_input', path: '', detail: `internal error while fetching: ${(error as Error)?.message ?? String(error)}` });
  }
}

async function fetchUnchecked(
  lookup: Lookup<DetailRuntime>,
  event: DetailSource,
  options: FetchDetailOptions,
): Promise<DetailParseResult<Record<string, unknown>>> {
  const url = isRecord(event) ? event.detailUrl : undefined;
  if (typeof url !== 'string' || url === '') return fail('detail_url_missing', { code: 'detail_url_missing', path: '/detailUrl' });
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const limit = `${timeoutMs} ms`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers = { accept: 'application/json', ...options.headers };

  const answer = await withTimeout(
    (signal) => doFetch(url, { method: 'GET', headers, signal: options.signal ? AbortSignal.any([signal, options.signal]) : signal }),
    timeoutMs,
  );
  if (answer.kind === 'timeout') return fail('fetch_timeout', { code: 'fetch_timeout', path: '/detailUrl', expected: limit, received: url });
  if (answer.kind === 'error') return fail('fetch_failed', { code: 'fetch_failed', path: '/detailUrl', received: url, detail: reason(answer.error) });
  const response = answer.value;
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return fail('not_found', { code: 'not_found', path: '/detailUrl', received: url });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return fail('http_error', {
      code: 'http_error',
      path: '/detailUrl',
      expected: String(response.status),
      received: url,
      ...(response.statusText ? { detail: response.statusText } : {}),
    });
  }
  const body = await withTimeout(() => response.text(), timeoutMs);
  if (body.kind === 'timeout') {
    await response.body?.cancel().catch(() => undefined);
    return fail('body_timeout', { code: 'body_timeout', path: '/detailUrl', expected: limit, received: url });
  }
  if (body.kind === 'error') return fail('fetch_failed', { code: 'fetch_failed', path: '/detailUrl', received: url, detail: reason(body.error) });

  // The reading options are the caller's, less those of the request and the version, which is decided here.
  const { fetch: _fetch, headers: _headers, signal: _signal, timeoutMs: _timeoutMs, version, ...reading } = options;
  const parseOptions: DetailParseOptions = { ...reading, eventType: event.eventType };
  // The text is decoded once, within the limits, and every reading below reads the value.
  const limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
  const decoded = decodeJson(body.value, limits, options.duplicateKeys ?? 'reject');
  if (!decoded.ok) return { success: false, error: contractError(decoded.issue.code as ErrorCode, [decoded.issue]) };
  const document = decoded.value;
  if (version !== 'detect' && version !== undefined) return safeParseDetailWith(lookup, document, { ...parseOptions, version });
  // Read as the latest version first; only when the document is not valid there, look for an older version it is valid at.
  const runtime = lookup.find(event.eventType);
  const latest = safeParseDetailWith(lookup, document, { ...parseOptions, version: runtime?.latest ?? 1 });
  if (latest.success || latest.error.code !== 'invalid_event' || !runtime) return latest;
  for (let v = runtime.latest - 1; v >= 1; v--) {
    if (accepts(runtime.documentCheck(v), document)) return safeParseDetailWith(lookup, document, { ...parseOptions, version: v });
  }
  return latest;
}

type Timed<T> = { kind: 'value'; value: T } | { kind: 'timeout' } | { kind: 'error'; error: unknown };

/** Runs `work`, giving up after `ms` milliseconds and aborting the signal it was handed. */
async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<Timed<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${ms} ms`));
      resolve({ kind: 'timeout' });
    }, ms);
  });
  try {
    return await Promise.race([
      work(controller.signal).then(
        (value): Timed<T> => ({ kind: 'value', value }),
        (error): Timed<T> => ({ kind: 'error', error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
