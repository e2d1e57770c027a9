/**
 * IP addresses as URIs and mail addresses write them: the text forms of RFC
 * 3986 section 3.2.2 (`IPv4address`, `IPv6address`, `IPvFuture`) and of RFC
 * 5321 section 4.1.3 (address literals). The two RFCs differ in two places,
 * so each reader takes a {@link IpGrammar}.
 *
 * Each reader checks the characters from `from` up to (not including) `to`,
 * one pass, no backtracking.
 */

/** Where RFC 3986 and RFC 5321 read IP addresses differently. */
export interface IpGrammar {
  /** Whether an IPv4 part may have leading zeros (`01`): RFC 5321's `Snum` may; RFC 3986's `dec-octet` may not. */
  readonly leadingZeros: boolean;
  /** How many 16-bit pieces an IPv6 address with `::` may write: 7 in RFC 3986; 6 in RFC 5321, whose `::` stands for two groups or more. */
  readonly piecesAroundGap: number;
}

/** RFC 3986's `IPv4address` and `IPv6address`. */
export const URI_IP: IpGrammar = { leadingZeros: false, piecesAroundGap: 7 };
/** RFC 5321's `IPv4-address-literal` and `IPv6-addr`. */
export const MAILBOX_IP: IpGrammar = { leadingZeros: true, piecesAroundGap: 6 };

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Whether `c` is an ASCII hexadecimal digit, either case. */
export const isHexDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** Four decimal numbers from 0 to 255, separated by dots. */
export function isIpv4(text: string, from: number, to: number, grammar: IpGrammar): boolean {
  let i = from;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 0x2e /* . */) return false;
      i++;
    }
    const start = i;
    let value = 0;
    while (i < to && i - start < 3 && isDigit(text.charCodeAt(i))) value = value * 10 + text.charCodeAt(i++) - 0x30;
    if (i === start || value > 255) return false;
    if (!grammar.leadingZeros && i - start > 1 && text.charCodeAt(start) === 0x30) return false;
  }
  return i === to;
}

/**
 * Eight 16-bit pieces of one to four hexadecimal digits separated by colons;
 * the last two may be an IPv4 address, and one `::` may stand for pieces of
 * zeros, with at most `grammar.piecesAroundGap` pieces around it. These are
 * the nine alternatives of RFC 3986's `IPv6address`, and RFC 5321's `IPv6-addr`.
 */
export function isIpv6(text: string, from: number, to: number, grammar: IpGrammar): boolean {
  let pieces = 0;
  let gap = false;
  let i = from;
  if (text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) === 0x3a && i + 1 < to) {
    gap = true;
    i += 2;
    if (i === to) return true;
  }
  for (;;) {
    const start = i;
    while (i < to && isHexDigit(text.charCodeAt(i))) i++;
    if (i < to && text.charCodeAt(i) === 0x2e /* . */) {
      // An IPv4 address is the last two pieces.
      if (!isIpv4(text, start, to, grammar)) return false;
      pieces += 2;
      break;
    }
    if (i === start || i - start > 4) return false;
    pieces++;
    if (i === to) break;
    if (text.charCodeAt(i) !== 0x3a /* : */) return false;
    i++;
    if (i < to && text.charCodeAt(i) === 0x3a) {
      if (gap) return false;
      gap = true;
      i++;
      if (i === to) break;
    }
  }
  return gap ? pieces <= grammar.piecesAroundGap : pieces === 8;
}

/** 1 for RFC 3986's `unreserved`, `sub-delims` and `:`, the characters after the dot of an `IPvFuture`. */
const FUTURE = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:") FUTURE[c.charCodeAt(0)] = 1;

/** RFC 3986's `IPvFuture`: `v`, hexadecimal digits, a dot, then at least one of `unreserved`, `sub-delims` and `:`. */
export function isIpvFuture(text: string, from: number, to: number): boolean {
  if ((text.charCodeAt(from) | 0x20) !== 0x76 /* v V */) return false;
  let i = from + 1;
  while (i < to && isHexDigit(text.charCodeAt(i))) i++;
  if (i === from + 1 || text.charCodeAt(i) !== 0x2e || i + 1 >= to) return false;
  for (i++; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || FUTURE[c] === 0) return false;
  }
  return true;
}
