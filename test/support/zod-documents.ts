/**
 * Whole documents as zod validators: the envelope of an event version and a
 * detail document, composed from the exported zod validators as the readers
 * once composed them. The readers now run the generated check functions; the
 * differential tests hold those to these, and the benchmark measures zod on
 * the same documents.
 */
import * as z from 'zod/mini';
import { isRecord } from '../../src/runtime/own-properties.js';
import { dateTime, uuid } from '../../src/runtime/schema-checks.js';

/**
 * `data`, for objects only: whatever `data` allows, a value that is not an
 * object (a string, an array, null) is refused as `invalid_type`.
 */
export function objectOnly(data: z.ZodMiniType): z.ZodMiniType {
  // A zod object refuses non-objects itself.
  if (data.def.type === 'object') return data;
  const check = z.check<unknown>((payload) => {
    if (!isRecord(payload.value)) payload.issues.push({ code: 'invalid_type', expected: 'object', input: payload.value } as z.core.$ZodRawIssue);
  });
  return z.pipe(z.unknown().check(check), data);
}

/**
 * A whole envelope of `type` at `version`: the envelope's fields, the type and
 * version fixed (a version 1 message may omit its version), and the version's
 * data, an object (which a version that describes no data may leave out).
 */
export function envelopeSchema(envelope: z.core.$ZodLooseShape, type: string, version: number, data: z.ZodMiniType, dataOptional = false): z.ZodMiniType {
  const versionField = version === 1 ? z.exactOptional(z.literal(1)) : z.literal(version);
  const information = objectOnly(data);
  return z.looseObject({
    ...envelope,
    eventType: z.literal(type),
    version: versionField,
    additionalInformation: dataOptional ? z.exactOptional(information) : information,
  });
}

/** A whole detail document of `type` whose `eventDetails` are `details` (and an object). */
export function detailDocumentSchema(type: string, details: z.ZodMiniType): z.ZodMiniType {
  return z.looseObject({ id: uuid, timestamp: dateTime, eventType: z.literal(type), eventDetails: objectOnly(details) });
}
