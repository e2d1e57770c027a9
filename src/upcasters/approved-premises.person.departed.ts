/**
 * approved-premises.person.departed, detail version 1 → 2, written by hand.
 *
 * Version 2 requires `recordedBy`, which version 1 never carried. The producer's
 * Cas1DomainEventMigrationService back-fills it from the user who triggered the
 * event, or with "unknown" in every field. The caller may pass the staff member in
 * upcast context (`context.values.recordedBy`); otherwise every field is "unknown",
 * as the declarative upcast of approved-premises.person.arrived does.
 * Every other property is carried over, including the optional keyWorker.
 */
import type { Cas1PersonDepartedDetailV1, Cas1PersonDepartedDetailV2 } from '../../generated/events/approved-premises.person.departed.js';
import type { Cas1StaffMember } from '../../generated/shared.js';
import type { UpcastContext } from '../runtime/upcast.js';
import { contextValue } from '../runtime/upcast-helpers.js';

/** The staff member recorded when nobody can say who recorded the departure. */
export const UNKNOWN_STAFF_MEMBER: Cas1StaffMember = { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' };

export function upcastDetailV1ToV2(data: Cas1PersonDepartedDetailV1, context: UpcastContext): Cas1PersonDepartedDetailV2 {
  // Validated with the rest of the v2 data straight after this step, so a wrong value is reported, not passed on.
  // The caller's own value: contextValue reads no member every object inherits.
  const recordedBy = (contextValue(context, 'recordedBy', undefined) as Cas1StaffMember | undefined) ?? UNKNOWN_STAFF_MEMBER;
  const out: Cas1PersonDepartedDetailV2 = {
    personReference: data.personReference,
    deliusEventNumber: data.deliusEventNumber,
    applicationId: data.applicationId,
    applicationUrl: data.applicationUrl,
    bookingId: data.bookingId,
    recordedBy,
    premises: data.premises,
    departedAt: data.departedAt,
    reason: data.reason,
    legacyReasonCode: data.legacyReasonCode,
    destination: data.destination,
  };
  if (data.keyWorker !== undefined) out.keyWorker = data.keyWorker;
  return out;
}
