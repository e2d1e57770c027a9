/**
 * `format: email`: RFC 5321's `Mailbox` rule (section 4.1.2), read in one
 * pass:
 *
 *     Mailbox    = Local-part "@" ( Domain / address-literal )
 *     Local-part = Dot-string / Quoted-string
 *
 * A `Dot-string` is atoms of RFC 5322 `atext` joined by single dots; a
 * `Quoted-string` holds printable ASCII and spaces, with `\` quoting the next
 * character. A `Domain` is labels of letters, digits and inner hyphens joined
 * by dots. An address literal is an IPv4 address, or `IPv6:` and an IPv6
 * address, in brackets; RFC 5321's general form (`tag:content`) needs a tag
 * registered with IANA, and none is besides `IPv6`, so it is refused. The
 * lengths RFC 5321 section 4.5.3.1 sets for servers (64 octets for the local
 * part) are not checked. Only ASCII is allowed: `idn-email` is another format.
 */
import { isIpv4, isIpv6, MAILBOX_IP } from './ip-address.js';

const ATEXT = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~") ATEXT[c.charCodeAt(0)] = 1;

const isAtext = (c: number): boolean => c < 0x80 && ATEXT[c] === 1;
const isLetterOrDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isPrintable = (c: number): boolean => c >= 0x20 && c <= 0x7e;

/** Where the local part ends (at its `@`, if the rest is right), or -1. */
function localPartEnd(text: string): number {
  let i = 0;
  if (text.charCodeAt(0) === 0x22 /* " */) {
    for (i = 1; ; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return i + 1;
      if (c === 0x5c /* \ */) i++;
      if (!isPrintable(text.charCodeAt(i))) return -1;
    }
  }
  for (;;) {
    const start = i;
    while (isAtext(text.charCodeAt(i))) i++;
    if (i === start) return -1;
    if (text.charCodeAt(i) !== 0x2e /* . */) return i;
    i++;
  }
}

/** `[IPv4]` or `[IPv6:IPv6]` from `from` to the end. */
function isAddressLiteral(text: string, from: number): boolean {
  const to = text.length - 1;
  if (text.charCodeAt(to) !== 0x5d /* ] */ || to <= from) return false;
  if (text.slice(from, from + 5).toLowerCase() === 'ipv6:') return isIpv6(text, from + 5, to, MAILBOX_IP);
  return isIpv4(text, from, to, MAILBOX_IP);
}

/** `format: email`: an RFC 5321 `Mailbox`. */
export function isEmail(text: string): boolean {
  let i = localPartEnd(text);
  if (i < 0 || text.charCodeAt(i) !== 0x40 /* @ */) return false;
  i++;
  if (text.charCodeAt(i) === 0x5b /* [ */) return isAddressLiteral(text, i + 1);
  for (;;) {
    // A label starts and ends with a letter or digit.
    if (!isLetterOrDigit(text.charCodeAt(i))) return false;
    let c = text.charCodeAt(++i);
    while (isLetterOrDigit(c) || c === 0x2d /* - */) c = text.charCodeAt(++i);
    if (text.charCodeAt(i - 1) === 0x2d) return false;
    if (i === text.length) return true;
    if (c !== 0x2e /* . */) return false;
    i++;
  }
}
