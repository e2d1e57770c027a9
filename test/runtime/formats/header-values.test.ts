import { describe, expect, it } from 'vitest';
import { headerValue, percentEncode } from '../../../src/runtime/formats/header-values.js';

describe('percent-encoding header values (CloudEvents HTTP binding 3.1.3.2)', () => {
  it.each([
    ['the specification example', 'Euro € 😀', 'Euro%20%E2%82%AC%20%F0%9F%98%80'],
    ['space, double-quote and percent', 'a "b" 50%', 'a%20%22b%22%2050%25'],
    ['printable ASCII is kept, so URLs stay readable', 'https://x.gov.uk/a?b=c&d=e#f', 'https://x.gov.uk/a?b=c&d=e#f'],
    ['control characters', 'a\tb\nc', 'a%09b%0Ac'],
    ['the empty string', '', ''],
  ])('%s', (_name, given, want) => {
    expect(percentEncode(given)).toBe(want);
    expect(headerValue(want)).toBe(given);
  });
});

describe('reading header values', () => {
  it.each([
    ['lower-case hex', 'Euro%20%e2%82%ac', 'Euro €'],
    ['escapes that were not needed', '%41%42', 'AB'],
    ['a quoted string, from older writers', '"a \\"quoted\\" value"', 'a "quoted" value'],
    ['a percent sign that starts no escape, as the npm SDK sends it', '50% done', '50% done'],
    ['raw non-ASCII text, as the npm SDK sends it, beside an escape', 'Zoë%20x', 'Zoë x'],
    ['an overlong encoding of a space, which must be rejected', '%C0%A0', undefined],
    ['a lone continuation byte', '%80', undefined],
  ])('%s', (_name, given, want) => {
    expect(headerValue(given)).toBe(want);
  });
});
