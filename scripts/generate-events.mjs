#!/usr/bin/env node
// Writes a large NDJSON file of realistic events, for measuring `domain-events
// validate` and `upcast` at scale: the catalogue's valid examples (every
// notification, and every version 1 detail document, about 1 KB each on one
// line), each with a fresh id, and
// now and then a bad line: an invalid example, a truncated line, binary
// bytes, a blank line, or an unknown event type. It reads the built package
// (run `npm run build` first).
//
//   node scripts/generate-events.mjs <lines> [file] [--bad-every N] [--seed N]
//
// <lines> is the number of lines; [file] defaults to standard output.
// --bad-every N puts one bad line in every N (default 1000; 0 for none).
// The counts a validator should find are printed to stderr as JSON.
import { once } from 'node:events';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'bad-every': { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
});
const lines = Number(positionals[0]);
if (!Number.isSafeInteger(lines) || lines < 0) {
  console.error('usage: node scripts/generate-events.mjs <lines> [file] [--bad-every N] [--seed N]');
  process.exit(2);
}
const badEvery = Number(values['bad-every']);

// The built package, to tell which invalid examples a default (tolerant) reader still refuses.
const { safeParse, safeParseDetail } = await import('@probation/domain-events');
const toleratedByDefault = (document) => ('eventDetails' in document ? safeParseDetail(document) : safeParse(document)).success;

const schemas = new URL('../schemas/', import.meta.url);
const valid = [];
const invalid = [];
for (const type of readdirSync(schemas, { withFileTypes: true })) {
  if (!type.isDirectory() || type.name.startsWith('_')) continue;
  const examples = join(schemas.pathname, type.name, 'examples');
  for (const file of readdirSync(examples).sort()) {
    // Notifications say their version; a detail document does not, and is read at version 1 unless told otherwise.
    if (!file.startsWith('notification.') && !file.startsWith('detail.v1.')) continue;
    const event = JSON.parse(readFileSync(join(examples, file), 'utf8'));
    if (file.endsWith('.valid.json')) valid.push(event);
    // An invalid example whose only fault is a property its contract does not name is read (with a warning) unless --strict; it is left out.
    else if (file.endsWith('.invalid.json') && !toleratedByDefault(event)) invalid.push(JSON.stringify(event));
  }
}

// A small seeded generator (mulberry32), so the same arguments give the same file.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const hex = (n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 16).toString(16);
  return s;
};
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;

const counts = { lines, records: 0, valid: 0, invalid: 0, unknownEventType: 0, blankLines: 0, byEventType: {} };
const count = (type, outcome) => {
  counts.byEventType[type] ??= { valid: 0, invalid: 0 };
  counts.byEventType[type][outcome]++;
};

// The bad lines, in turn: [text, what a validator counts it as, its event type].
const bad = (n) => {
  switch (n % 5) {
    case 0: {
      const text = invalid[Math.floor(n / 5) % invalid.length];
      return [text, 'invalid', JSON.parse(text).eventType.trim().toLowerCase()];
    }
    case 1: {
      // Cut off half way, so even a short document is incomplete.
      const text = JSON.stringify(valid[n % valid.length]);
      return [text.slice(0, Math.floor(text.length / 2)), 'unreadable'];
    }
    case 2:
      // Not UTF-8: bytes as a corrupted disk or a wrong encoding leaves them.
      return [Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0x80, 0x09, 0xc3]), 'unreadable'];
    case 3:
      return ['', 'blank'];
    default:
      return [JSON.stringify({ ...valid[n % valid.length], eventType: 'probation.case.transferred' }), 'unknown'];
  }
};

const out = positionals[1] ? createWriteStream(positionals[1]) : process.stdout;
let chunk = '';
let badLines = 0;
for (let line = 1; line <= lines; line++) {
  if (badEvery > 0 && line % badEvery === 0) {
    const [text, kind, type] = bad(badLines++);
    if (typeof text === 'string') chunk += `${text}\n`;
    else {
      if (!out.write(chunk)) await once(out, 'drain');
      out.write(text);
      chunk = '\n';
    }
    if (kind === 'blank') counts.blankLines++;
    else if (kind === 'unknown') {
      counts.records++;
      counts.unknownEventType++;
    } else {
      counts.records++;
      counts.invalid++;
      if (type) count(type, 'invalid');
    }
  } else {
    const event = valid[Math.floor(random() * valid.length)];
    chunk += `${JSON.stringify(Object.assign({}, event, { id: uuid() }))}\n`;
    counts.records++;
    counts.valid++;
    count(event.eventType, 'valid');
  }
  if (chunk.length > 1 << 20 || line === lines) {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
}
if (out !== process.stdout) {
  out.end();
  await once(out, 'finish');
}
console.error(JSON.stringify(counts));
