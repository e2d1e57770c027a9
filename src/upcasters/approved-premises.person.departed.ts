/**
 * approved-premises.person.departed, version 1 → 2, written by hand.
 *
 * Version 2 requires `recordedBy`, which version 1 never carried. The caller
 * may pass the staff member in upcast context (`context.recordedBy`), for
 * example from its own audit records; otherwise every field is "unknown", as
 * the declarative upcast of approved-premises.person.arrived does.
 */
import type { Cas1PersonDepartedNotificationV1, Cas1PersonDepartedNotificationV2 } from '../../generated/events/approved-premises.person.departed.js';
import type { StaffMember } from '../../generated/shared.js';
import type { UpcastContext } from '../runtime/upcast.js';

/** The staff member recorded when nobody can say who recorded the departure. */
export const UNKNOWN_STAFF_MEMBER: StaffMember = { staffCode: 'unknown', forenames: 'unknown', surname: 'unknown', username: 'unknown' };

export function upcastNotificationV1ToV2(data: Cas1PersonDepartedNotificationV1, context: UpcastContext): Cas1PersonDepartedNotificationV2 {
  // Validated with the rest of the v2 data straight after this step, so a wrong value is reported, not passed on.
  const recordedBy = (context.values.recordedBy as StaffMember | undefined) ?? UNKNOWN_STAFF_MEMBER;
  return {
    personReference: data.personReference,
    applicationId: data.applicationId,
    applicationUrl: data.applicationUrl,
    deliusEventNumber: data.deliusEventNumber,
    bookingId: data.bookingId,
    premises: data.premises,
    departedAt: data.departedAt,
    reason: data.reason,
    legacyReasonCode: data.legacyReasonCode,
    destination: data.destination,
    recordedBy,
  };
}
