/**
 * A check of one event written by hand: the notification of
 * approved-premises.booking.cancelled at version 1, as a person would write
 * it for speed, with a verdict and nothing else (no issues, no paths). It
 * checks what the contract says: the envelope's fields, formats and patterns,
 * the person identifiers, the event type and version, and the data, closed.
 * It is the practical limit of any generated check, which the benchmark
 * measures beside it.
 */
import { isDateTime, isUuid } from '../src/runtime/string-formats.js';
import { isUri } from '../src/runtime/uri-syntax.js';

const TYPE = 'approved-premises.booking.cancelled';
const PRODUCER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/u;
const CRN = /^\s*[A-Za-z][0-9]{6}\s*$/u;
const NOMS = /^[A-Z][0-9]{4}[A-Z]{2}$/u;
const PNC = /^[0-9]{2,4}\/[0-9]+[A-Z]$/u;

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read as a person would read it
const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown, test: (s: string) => boolean): boolean => v === undefined || (typeof v === 'string' && test(v));
const idString = (s: string): boolean => s.length >= 1 && s.length <= 200;

function identifier(v: unknown): boolean {
  if (!isObject(v)) return false;
  let keys = 0;
  for (const _ in v) keys++;
  if (keys !== 2) return false;
  const value = v.value;
  switch (v.type) {
    case 'CRN':
      return typeof value === 'string' && CRN.test(value);
    case 'NOMS':
      return typeof value === 'string' && (NOMS.test(value) || value === 'Unknown NOMS Number' || value === 'Unknown NOMS Id');
    case 'PNC':
      return typeof value === 'string' && PNC.test(value);
    default:
      return false;
  }
}

/** Whether `v` is a valid approved-premises.booking.cancelled notification at version 1. */
export function isBookingCancelledNotification(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (!optionalString(v.id, isUuid) || !optionalString(v.publishedAt, isDateTime)) return false;
  if (!optionalString(v.producer, (s) => PRODUCER.test(s)) || !optionalString(v.traceparent, (s) => TRACEPARENT.test(s))) return false;
  if (!optionalString(v.requestId, idString) || !optionalString(v.correlationId, idString)) return false;
  if (v.eventType !== TYPE || (v.version !== undefined && v.version !== 1)) return false;
  if (typeof v.occurredAt !== 'string' || !isDateTime(v.occurredAt)) return false;
  if (!optionalString(v.description, () => true) || !optionalString(v.detailUrl, isUri)) return false;
  const person = v.personReference;
  if (person !== undefined) {
    if (!isObject(person) || !Array.isArray(person.identifiers)) return false;
    for (const key in person) if (key !== 'identifiers') return false;
    for (const item of person.identifiers) if (!identifier(item)) return false;
  }
  const data = v.additionalInformation;
  if (!isObject(data) || typeof data.applicationId !== 'string' || !isUuid(data.applicationId)) return false;
  let keys = 1;
  if (data.bookingId !== undefined) {
    if (data.bookingId !== null) return false;
    keys++;
  }
  for (const _ in data) keys--;
  return keys === 0;
}
