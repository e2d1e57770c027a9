/**
 * CloudEvents attribute values in HTTP headers (HTTP protocol binding 1.0.2,
 * section 3.1.3.2): space, double-quote, percent and every character outside
 * printable ASCII are percent-encoded as UTF-8 bytes; a reader first unquotes
 * a double-quoted value, then percent-decodes it once.
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#3132-http-header-values
 */

const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();

/** Percent-encodes what the binding requires, and nothing more, so URLs and ids stay readable. */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code >= 0x21 && code <= 0x7e && code !== 0x22 && code !== 0x25) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * Reads a header value: unquotes it when it is a quoted string, then decodes
 * percent escapes. A `%` not followed by two hex digits is kept as it is,
 * because some writers (such as the npm `cloudevents` SDK) do not encode.
 * Returns undefined when the escapes decode to bytes that are not UTF-8.
 */
export function headerValue(raw: string): string | undefined {
  const text = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replace(/\\(.)/gsu, '$1') : raw;
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.charCodeAt(i) === 0x25 ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/u.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i++;
    bytes.push(...utf8.encode(String.fromCodePoint(code)));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}
