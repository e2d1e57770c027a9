/**
 * Decoding and encoding one event, each beside its baselines in one run.
 *
 * Decoding is a string in, a validated envelope at the latest version out,
 * for approved-premises.booking.cancelled: (a) a version 2 event, already
 * latest, and (b) a stored version 1 event, upcast to version 2. The
 * baselines are `JSON.parse` alone; `JSON.parse` then Ajv (draft 2020-12,
 * compiled, default options, its validators looked up once) on the same
 * schemas, with ajv-formats in its full mode, whose meaning this package
 * follows; the same with ajv-formats' fast mode, which is looser (it takes
 * 2023-02-30 for a date, for one) and shows what the strict formats cost; and
 * `JSON.parse` then zod's ordinary `safeParse` on the same generated schema,
 * not compiled. No baseline upcasts: for (b) they only validate the version 1
 * document. One more row is not a baseline but a floor: `JSON.parse` then
 * the compiled validator that `safeParse` itself runs, with nothing else
 * (no duplicate-key check, no format detection, no result).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { envelopeShape } from '../generated/envelope.js';
import { cas1BookingCancelledNotificationV1, cas1BookingCancelledNotificationV2 } from '../generated/events/approved-premises.booking.cancelled.js';
import type * as Package from '../src/index.js';
import { envelopeSchema } from '../src/runtime/event-type.js';
import { envelopeVerdict, referenceValidator } from '../test/support/ajv.js';
import { ROOT, repoCatalogue } from '../test/support/repo.js';
import { compare, type Measured } from './stats.js';

const TYPE = 'approved-premises.booking.cancelled';

// The built package, as a service imports it (by name, through its exports map), typed from its source so
// that type-checking does not need a build.
const { build, safeParse, serialize } = (await import('@probation/domain-events' as string)) as typeof Package;

function example(name: string): string {
  // One line, as on the wire.
  return JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'schemas', TYPE, 'examples', name), 'utf8')));
}

export interface DecodeResults {
  readonly bytes: { readonly latest: number; readonly upcast: number };
  readonly latest: Measured[];
  readonly upcast: Measured[];
  readonly encode: Measured[];
}

export async function benchDecode(rounds: number): Promise<DecodeResults> {
  const latest = example('notification.v2.cancelled.valid.json');
  const stored = example('notification.v1.cancelled.valid.json');
  const catalogue = repoCatalogue();
  // Ajv as a service runs it (stopping at the first error), in each ajv-formats mode, with its verdict per version.
  const ajvVerdicts = (formats: 'full' | 'fast') => {
    const ajv = referenceValidator(catalogue, { allErrors: false, formats });
    return { 1: envelopeVerdict(ajv, catalogue, TYPE, 1), 2: envelopeVerdict(ajv, catalogue, TYPE, 2) };
  };
  const ajvVerdict = ajvVerdicts('full');
  const ajvFastVerdict = ajvVerdicts('fast');
  const zodV1 = envelopeSchema(envelopeShape, TYPE, 1, cas1BookingCancelledNotificationV1);
  const zodV2 = envelopeSchema(envelopeShape, TYPE, 2, cas1BookingCancelledNotificationV2);
  const compiled = { 1: z.compile(zodV1), 2: z.compile(zodV2) };

  // Every candidate must accept its input, or the comparison means nothing.
  const sanity = [
    safeParse(latest).success,
    safeParse(stored).success,
    ajvVerdict[2](JSON.parse(latest)),
    ajvVerdict[1](JSON.parse(stored)),
    ajvFastVerdict[2](JSON.parse(latest)),
    ajvFastVerdict[1](JSON.parse(stored)),
    zodV2.safeParse(JSON.parse(latest)).success,
    zodV1.safeParse(JSON.parse(stored)).success,
    z.validate(compiled[2], JSON.parse(latest)),
    z.validate(compiled[1], JSON.parse(stored)),
  ];
  if (sanity.includes(false)) throw new Error(`a decode candidate rejects its input: ${JSON.stringify(sanity)}`);
  const upgraded = safeParse(stored);
  if (!upgraded.success || upgraded.event.version !== 2) throw new Error('the stored version 1 event was not upcast to version 2');

  const decodeCandidates = (text: string, version: 1 | 2) => [
    { name: 'JSON.parse', run: () => JSON.parse(text) },
    { name: 'JSON.parse + Ajv', run: () => ajvVerdict[version](JSON.parse(text)) },
    { name: 'JSON.parse + Ajv, fast formats', run: () => ajvFastVerdict[version](JSON.parse(text)) },
    { name: 'JSON.parse + zod safeParse', run: () => (version === 1 ? zodV1 : zodV2).safeParse(JSON.parse(text)) },
    { name: 'JSON.parse + compiled validator alone', run: () => z.validate(compiled[version], JSON.parse(text)) },
    { name: 'safeParse', run: () => safeParse(text) },
    { name: "safeParse, duplicateKeys: 'last-wins'", run: () => safeParse(text, { duplicateKeys: 'last-wins' }) },
  ];

  const event = JSON.parse(latest);
  const input = {
    producer: 'hmpps-approved-premises-api',
    detailUrl: event.detailUrl,
    personReference: event.personReference,
    additionalInformation: event.additionalInformation,
  };
  const encode = [
    { name: 'JSON.stringify', run: () => JSON.stringify(event) },
    { name: 'build + serialize', run: () => serialize(build(TYPE, input)) },
  ];

  return {
    bytes: { latest: Buffer.byteLength(latest), upcast: Buffer.byteLength(stored) },
    latest: await compare(decodeCandidates(latest, 2), rounds),
    upcast: await compare(decodeCandidates(stored, 1), rounds),
    encode: await compare(encode, rounds),
  };
}
