/**
 * The envelope's `personReference` as CloudEvents attributes. The usual list,
 * at most one CRN, NOMS number and PNC id in that order, travels as `subject`
 * (the CRN, which routers can filter on), `noms` and `pnc`. Any other list
 * (empty, repeated types, another order) travels whole as JSON in the
 * `personreference` extension, so nothing about it is lost; `subject` is
 * then still its first CRN, and must agree with it when read back.
 */
import { describeValue } from '../messages.js';
import { isRecord } from '../own-properties.js';
import { type DecodeContext, type FormatFailure, failWith } from './format.js';

/** Identifier types with an attribute of their own, in the order the usual list has them. */
const IDENTIFIERS = [
  ['CRN', 'subject'],
  ['NOMS', 'noms'],
  ['PNC', 'pnc'],
] as const;

interface PersonAttributes {
  subject?: string;
  noms?: string;
  pnc?: string;
  personreference?: string;
}

/** The attributes that carry `personReference`. */
export function personAttributes(reference: unknown): PersonAttributes {
  if (reference === undefined) return {};
  const identifiers = isRecord(reference) && Object.keys(reference).length === 1 ? reference.identifiers : undefined;
  const out: PersonAttributes = {};
  if (Array.isArray(identifiers) && identifiers.length > 0) {
    let next = 0;
    for (const identifier of identifiers) {
      const rank = isRecord(identifier) && Object.keys(identifier).length === 2 && typeof identifier.value === 'string' ? rankOf(identifier.type) : -1;
      if (rank < next) return whole(reference, identifiers);
      out[(IDENTIFIERS[rank] as (typeof IDENTIFIERS)[number])[1]] = identifier.value as string;
      next = rank + 1;
    }
    return out;
  }
  return whole(reference, identifiers);
}

function whole(reference: unknown, identifiers: unknown): PersonAttributes {
  const crn = firstCrn(identifiers);
  return crn === undefined ? { personreference: JSON.stringify(reference) } : { subject: crn, personreference: JSON.stringify(reference) };
}

const rankOf = (type: unknown): number => IDENTIFIERS.findIndex(([t]) => t === type);

function firstCrn(identifiers: unknown): string | undefined {
  if (!Array.isArray(identifiers)) return undefined;
  const crn = identifiers.find((i) => isRecord(i) && i.type === 'CRN');
  return isRecord(crn) && typeof crn.value === 'string' ? crn.value : undefined;
}

/** Maps a pointer inside `personReference` to where it came from in the input. */
export type PersonOrigin = (rest: string) => string;

type Found = { readonly value: unknown; readonly path: string };
type Read = { ok: true; value: unknown; origin: PersonOrigin | undefined } | FormatFailure;

/** Reads `personReference` back from the attributes. */
export function readPersonReference(get: (name: string) => Found | undefined, context: DecodeContext): Read {
  const json = get('personreference');
  const subject = get('subject');
  if (json) {
    const extra = get('noms') ?? get('pnc');
    if (extra)
      return failWith({ code: 'invalid_input', path: extra.path, detail: 'noms and pnc are not used beside personreference, which holds every identifier' });
    let value = json.value;
    if (typeof value === 'string') {
      const decoded = context.json(value, json.path);
      if (!decoded.ok) return failWith(decoded.issue);
      value = decoded.value;
    }
    const crn = firstCrn(isRecord(value) ? value.identifiers : undefined);
    if (subject?.value !== crn) {
      return failWith({
        code: 'invalid_input',
        path: subject?.path ?? json.path,
        expected: crn === undefined ? 'no subject, as personreference has no CRN' : `${JSON.stringify(crn)}, the first CRN in personreference`,
        received: describeValue(subject?.value),
      });
    }
    return { ok: true, value, origin: (rest) => json.path + rest };
  }
  const identifiers: Array<{ type: string; value: unknown }> = [];
  const paths: string[] = [];
  for (const [type, attribute] of IDENTIFIERS) {
    const found = get(attribute);
    if (!found) continue;
    identifiers.push({ type, value: found.value });
    paths.push(found.path);
  }
  if (identifiers.length === 0) return { ok: true, value: undefined, origin: undefined };
  const origin: PersonOrigin = (rest) => {
    // `/identifiers/<i>/…` came from the i-th attribute read; anything above it, from the first.
    const match = /^\/identifiers\/(\d+)(?:\/|$)/u.exec(rest);
    return paths[match ? Number(match[1]) : 0] ?? (paths[0] as string);
  };
  return { ok: true, value: { identifiers }, origin };
}
