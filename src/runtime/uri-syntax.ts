/**
 * `format: uri`: RFC 3986's `URI` rule (section 3), an absolute URI with an
 * optional fragment:
 *
 *     URI       = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
 *     hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty
 *     authority = [ userinfo "@" ] host [ ":" port ]
 *
 * Read left to right in one pass, since every event read checks a
 * `detailUrl`, with no backtracking: after the scheme, `//` always starts an
 * authority (no other `hier-part` may begin with it), and `@`, `[` and `:`
 * say where the parts of an authority end. Runs of one character class are
 * read by sticky regular expressions that are that class repeated, which can
 * only go forward and are faster than a loop over `charCodeAt`; a
 * `pct-encoded` triplet continues a run. The usual URI (a host name, maybe a
 * port, a path, a query) is read by one such expression whose every part is
 * optional, so it never goes back either. Only ASCII is allowed (an IRI is
 * another format); a `%` must start a `pct-encoded` triplet.
 */
import { isHexDigit, isIpv6, isIpvFuture, URI_IP } from './ip-address.js';

/** `unreserved` and `sub-delims`: a `reg-name`. */
const NAME = /[A-Za-z0-9\-._~!$&'()*+,;=]*/y;
/** A `userinfo`: {@link NAME} and `:`. */
const USER = /[A-Za-z0-9\-._~!$&'()*+,;=:]*/y;
/** A path: `pchar` (a {@link USER} character or `@`) and `/`. */
const PATH = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]*/y;
/** A `query` or `fragment`: {@link PATH} and `?`. */
const QUERY = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*/y;
/**
 * After `//`, the usual rest: a `reg-name` and a `port`, `path-abempty`, a
 * `query` and a `fragment`, without `pct-encoded` triplets. Each part is
 * optional, so the expression matches at once as far as it can; where that
 * is the end, the rest is valid, and otherwise {@link authorityEnd} decides.
 */
const USUAL_REST =
  /[A-Za-z0-9\-._~!$&'()*+,;=]*(?::[0-9]*)?(?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*)?/y;

/** The index of the first character from `i` on that is neither in `run`'s class nor part of a `pct-encoded` triplet. */
function skip(run: RegExp, text: string, i: number): number {
  for (;;) {
    run.lastIndex = i;
    run.test(text);
    i = run.lastIndex;
    if (text.charCodeAt(i) !== 0x25 /* % */ || !isHexDigit(text.charCodeAt(i + 1)) || !isHexDigit(text.charCodeAt(i + 2))) return i;
    i += 3;
  }
}

/** Where the `authority` that starts at `start` ends, or -1 if there is none. It ends at `/`, `?`, `#` or the end. */
function authorityEnd(text: string, start: number): number {
  // A `userinfo` is there if an `@` ends it; no other part of an authority holds an `@`.
  let i = skip(USER, text, start);
  i = text.charCodeAt(i) === 0x40 /* @ */ ? i + 1 : start;
  if (text.charCodeAt(i) === 0x5b /* [ */) {
    const close = text.indexOf(']', i + 1);
    if (close < 0) return -1;
    const literal = (text.charCodeAt(i + 1) | 0x20) === 0x76 /* v V */ ? isIpvFuture(text, i + 1, close) : isIpv6(text, i + 1, close, URI_IP);
    if (!literal) return -1;
    i = close + 1;
  } else {
    // An `IPv4address` is a `reg-name` too, so reading a name decides both.
    i = skip(NAME, text, i);
  }
  if (text.charCodeAt(i) === 0x3a /* : */) {
    i++;
    while (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  }
  const c = text.charCodeAt(i);
  return i === text.length || c === 0x2f /* / */ || c === 0x3f /* ? */ || c === 0x23 /* # */ ? i : -1;
}

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSchemeCharacter = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;

/** The index after `http:` or `https:` (in lower case, as nearly every URI writes it) at the start, or 0. */
function httpSchemeEnd(text: string): number {
  if (text.charCodeAt(0) !== 0x68 || text.charCodeAt(1) !== 0x74 || text.charCodeAt(2) !== 0x74 || text.charCodeAt(3) !== 0x70) return 0;
  const c = text.charCodeAt(4);
  return c === 0x3a ? 5 : c === 0x73 && text.charCodeAt(5) === 0x3a ? 6 : 0;
}

/** `format: uri`: an absolute URI as RFC 3986 section 3 defines it (a scheme is required; a fragment is allowed). */
export function isUri(text: string): boolean {
  let i = httpSchemeEnd(text);
  if (i === 0) {
    // A scheme: a letter, then letters, digits, `+`, `-` and `.`, and a colon.
    if (!isLetter(text.charCodeAt(0))) return false;
    i = 1;
    while (isSchemeCharacter(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i++) !== 0x3a /* : */) return false;
  }
  if (text.charCodeAt(i) === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
    USUAL_REST.lastIndex = i + 2;
    if (USUAL_REST.test(text) && USUAL_REST.lastIndex === text.length) return true;
    i = authorityEnd(text, i + 2);
    if (i < 0) return false;
  }
  // `path-abempty` after an authority, else `path-absolute`, `path-rootless` or `path-empty`: each is path characters.
  i = skip(PATH, text, i);
  if (text.charCodeAt(i) === 0x3f /* ? */) i = skip(QUERY, text, i + 1);
  if (text.charCodeAt(i) === 0x23 /* # */) i = skip(QUERY, text, i + 1);
  return i === text.length;
}
