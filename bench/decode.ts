/**
 * Decoding and encoding one event, each beside its baselines in one run.
 *
 * Decoding is a string in, a validated document at the latest version out,
 * for approved-premises.booking.cancelled: (a) its notification, as it comes
 * off the queue, already at the latest (and only) notification version, read
 * with `safeParse`; and (b) a version 1 detail document, as the producer
 * stored it years ago (its `schema_version` beside it), read with
 * `safeParseDetail` and upcast to version 2. The baselines are `JSON.parse`
 * alone; `JSON.parse` then Ajv (draft 2020-12, compiled, default options,
 * its validators looked up once) on the same schemas, with ajv-formats in its
 * full mode, which checks as much as this package's formats do (it reads a
 * few edge cases of the RFCs otherwise, none in these inputs); the same with
 * ajv-formats' fast mode, which is looser (it takes 2023-02-30 for a date, for
 * one) and shows what the strict formats cost; and `JSON.parse` then zod's ordinary
 * `safeParse` on the same generated schema, not compiled. No baseline
 * upcasts: for (b) they only validate the version 1 document. zod also
 * compiled (`z.compile`). Two more rows are floors: `JSON.parse` then the
 * generated check function that `safeParse` (or `safeParseDetail`) itself
 * runs, with nothing else (no duplicate-key check, no format detection, no
 * result); and for (a), `JSON.parse` then a check of the same notification
 * written by hand (`hand-written.ts`), the practical limit; for (b),
 * `JSON.parse` then the version 1 check and the version 2 check of the
 * upcast's result, the two checks an upcast must run (it checks its step's
 * result, so a wrong step is caught there). And what reading
 * the text costs the readers before any check: `JSON.parse` with the
 * duplicate-key check (`duplicateKeys: 'reject'`, the default).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { checkEnvelope } from '../generated/envelope.js';
import {
  checkCas1BookingCancelledDetailV1,
  checkCas1BookingCancelledDetailV2,
  checkCas1BookingCancelledNotificationV1,
} from '../generated/events/approved-premises.booking.cancelled.js';
import { envelopeShape } from '../generated/zod/envelope.js';
import { cas1BookingCancelledDetailV1, cas1BookingCancelledNotificationV1 } from '../generated/zod/events/approved-premises.booking.cancelled.js';
import type { Catalogue } from '../src/catalogue/model.js';
import type * as Package from '../src/index.js';
import type { IssueInput } from '../src/runtime/checks.js';
import { detailDocumentCheck } from '../src/runtime/detail.js';
import { envelopeCheck } from '../src/runtime/event-type.js';
import { DEFAULT_LIMITS, decodeJson } from '../src/runtime/json-text.js';
import { envelopeVerdict, type Reference, referenceValidator } from '../test/support/ajv.js';
import { ROOT, repoCatalogue } from '../test/support/repo.js';
import { detailDocumentSchema, envelopeSchema } from '../test/support/zod-documents.js';
import { isBookingCancelledNotification } from './hand-written.js';
import { compare, type Measured } from './stats.js';

const TYPE = 'approved-premises.booking.cancelled';

// The built package, as a service imports it (by name, through its exports map), typed from its source so
// that type-checking does not need a build.
const { build, safeParse, safeParseDetail, serialize } = (await import('@probation/domain-events' as string)) as typeof Package;

function example(name: string): string {
  // One line, as on the wire.
  return JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'schemas', TYPE, 'examples', name), 'utf8')));
}

/**
 * Ajv's verdict on whole detail documents of `eventType` whose `eventDetails` are at `version`, as this
 * package defines validity (`detailDocumentSchema`): an id, a timestamp, the type, and the version's data.
 */
function detailVerdict(ajv: Reference, catalogue: Catalogue, eventType: string, version: number): (document: unknown) => boolean {
  const id = catalogue.events.find((e) => e.type === eventType)?.detail?.versions[version - 1]?.schema.id;
  if (!id) throw new Error(`no detail schema for ${eventType} v${version}`);
  return ajv.compile({
    type: 'object',
    required: ['id', 'timestamp', 'eventType', 'eventDetails'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      timestamp: { type: 'string', format: 'date-time' },
      eventType: { const: eventType },
      eventDetails: { $ref: id },
    },
  });
}

export interface DecodeResults {
  /** The sizes of the two inputs: the latest notification, and the stored version 1 detail document. */
  readonly bytes: { readonly latest: number; readonly upcast: number };
  /** (a) The notification, at the latest version. */
  readonly latest: Measured[];
  /** (b) The version 1 detail document, upcast to version 2. */
  readonly upcast: Measured[];
  readonly encode: Measured[];
}

export async function benchDecode(rounds: number): Promise<DecodeResults> {
  const latest = example('notification.v1.booking-cancelled.valid.json');
  const stored = example('detail.v1.cancelled.valid.json');
  const catalogue = repoCatalogue();
  // Ajv as a service runs it (stopping at the first error), in each ajv-formats mode, with its verdict on each input.
  const ajvVerdicts = (formats: 'full' | 'fast') => {
    const ajv = referenceValidator(catalogue, { allErrors: false, formats });
    return { notification: envelopeVerdict(ajv, catalogue, TYPE, 1), detail: detailVerdict(ajv, catalogue, TYPE, 1) };
  };
  const ajvVerdict = ajvVerdicts('full');
  const ajvFastVerdict = ajvVerdicts('fast');
  const zodNotification = envelopeSchema(envelopeShape, TYPE, 1, cas1BookingCancelledNotificationV1);
  const zodDetail = detailDocumentSchema(TYPE, cas1BookingCancelledDetailV1);
  const compiled = { notification: z.compile(zodNotification), detail: z.compile(zodDetail) };
  // The checks the readers run, as the readers compose them; a valid value pushes no issue, so one array serves every run.
  const checks = {
    notification: envelopeCheck(checkEnvelope, TYPE, 1, checkCas1BookingCancelledNotificationV1),
    detail: detailDocumentCheck(TYPE, checkCas1BookingCancelledDetailV1),
  };
  const none: IssueInput[] = [];
  const checked = (contract: 'notification' | 'detail', value: unknown) => checks[contract](value, '', none, false) === 0;

  // Every candidate must accept its input, or the comparison means nothing.
  const sanity = [
    safeParse(latest).success,
    safeParseDetail(stored, { version: 1 }).success,
    ajvVerdict.notification(JSON.parse(latest)),
    ajvVerdict.detail(JSON.parse(stored)),
    ajvFastVerdict.notification(JSON.parse(latest)),
    ajvFastVerdict.detail(JSON.parse(stored)),
    zodNotification.safeParse(JSON.parse(latest)).success,
    zodDetail.safeParse(JSON.parse(stored)).success,
    z.validate(compiled.notification, JSON.parse(latest)),
    z.validate(compiled.detail, JSON.parse(stored)),
    checked('notification', JSON.parse(latest)),
    checked('detail', JSON.parse(stored)),
    isBookingCancelledNotification(JSON.parse(latest)),
  ];
  if (sanity.includes(false)) throw new Error(`a decode candidate rejects its input: ${JSON.stringify(sanity)}`);
  const read = safeParse(latest);
  if (!read.success || read.event.version !== 1 || read.upgradedFrom !== undefined) throw new Error('the notification was not read at its own, latest version');
  const upgraded = safeParseDetail(stored, { version: 1 });
  if (!upgraded.success || upgraded.version !== 2 || upgraded.upgradedFrom !== 1)
    throw new Error('the stored version 1 detail document was not upcast to version 2');

  const baselines = (text: string, contract: 'notification' | 'detail') => [
    { name: 'JSON.parse', run: () => JSON.parse(text) },
    { name: 'JSON.parse + Ajv', run: () => ajvVerdict[contract](JSON.parse(text)) },
    { name: 'JSON.parse + Ajv, fast formats', run: () => ajvFastVerdict[contract](JSON.parse(text)) },
    { name: 'JSON.parse + zod safeParse', run: () => (contract === 'notification' ? zodNotification : zodDetail).safeParse(JSON.parse(text)) },
    { name: 'JSON.parse + zod, compiled', run: () => z.validate(compiled[contract], JSON.parse(text)) },
    { name: 'JSON.parse + generated check alone', run: () => checked(contract, JSON.parse(text)) },
    { name: 'JSON.parse + duplicate-key check alone', run: () => decodeJson(text, DEFAULT_LIMITS, 'reject') },
  ];
  const notificationCandidates = [
    ...baselines(latest, 'notification'),
    { name: 'JSON.parse + hand-written check', run: () => isBookingCancelledNotification(JSON.parse(latest)) },
    { name: 'safeParse', run: () => safeParse(latest) },
    { name: "safeParse, duplicateKeys: 'last-wins'", run: () => safeParse(latest, { duplicateKeys: 'last-wins' }) },
  ];
  // What the upcast must check besides the version 1 document: its step's version 2 result, as the chain checks it.
  const upcastData = upgraded.detail.eventDetails;
  if (checkCas1BookingCancelledDetailV2(upcastData, '', none, false) !== 0) throw new Error('the version 2 check rejects the upcast version 2 data');
  const detailCandidates = [
    ...baselines(stored, 'detail'),
    {
      name: 'JSON.parse + generated v1 and v2 checks alone',
      run: () => checked('detail', JSON.parse(stored)) && checkCas1BookingCancelledDetailV2(upcastData, '', none, false) === 0,
    },
    { name: 'safeParseDetail', run: () => safeParseDetail(stored, { version: 1 }) },
    { name: "safeParseDetail, duplicateKeys: 'last-wins'", run: () => safeParseDetail(stored, { version: 1, duplicateKeys: 'last-wins' }) },
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
    latest: await compare(notificationCandidates, rounds),
    upcast: await compare(detailCandidates, rounds),
    encode: await compare(encode, rounds),
  };
}
