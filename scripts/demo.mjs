// The package's main job, end to end, against the built package (imported
// by its own name, as a service would): build an event, serialize it, parse
// it back, and upgrade a stored version 1 booking.cancelled row.
import { build, ContractError, parse, safeParse, serialize } from '@probation/domain-events';
import { cas1BookingCancelled } from '@probation/domain-events/events/approved-premises.booking.cancelled';

const show = (title, value) => console.log(`\n── ${title}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);

// 1. A producer builds an event at the latest version. id, times and version are filled in.
const event = build('approved-premises.booking.cancelled', {
  producer: 'hmpps-approved-premises-api',
  detailUrl: 'https://approved-premises-api.hmpps.service.justice.gov.uk/events/cas1/booking-cancelled/b0d3d0a2-3f5e-4d8e-9a51-61c8f3f0e0a1',
  additionalInformation: {
    personReference: { crn: 'X320741', noms: 'A1234AB' },
    applicationId: '0418ea5b-8c2f-4b0e-9a55-8d3a1f0f3e11',
    applicationUrl: 'https://approved-premises.hmpps.service.justice.gov.uk/applications/0418ea5b-8c2f-4b0e-9a55-8d3a1f0f3e11',
    deliusEventNumber: '7',
    bookingId: '14c80733-4b6d-4f35-b724-66955aac320c',
    premises: { id: 'e8887df9-b31b-4e9f-9e0b-7f2b1c5d8a01', name: 'Hope House', apCode: 'NEHOPE1', legacyApCode: 'Q057', localAuthorityAreaName: 'Leeds' },
    cancelledAt: '2024-10-27T00:00:00Z',
    cancelledAtDate: '2024-10-27',
    cancellationRecordedAt: '2024-10-25T16:02:11+01:00',
    cancelledBy: { staffCode: 'N54A999', forenames: 'John', surname: 'Smith' },
    cancellationReason: 'The person was recalled to prison',
  },
});
show(`built ${event.eventType} v${event.version}`, event);

// 2. It is serialized for the wire and parsed back by a consumer.
const wire = serialize(event);
const back = parse(wire);
show('serialized, then parsed back: identical?', String(JSON.stringify(back) === JSON.stringify(event)));

// 3. A stored version 1 row, as the producing service persists it: the detail document, with its schema
//    version in a column of its own. Version 1 has no cancelledAtDate or cancellationRecordedAt.
const { cancelledAtDate, cancellationRecordedAt, ...v2Only } = event.additionalInformation;
const row = {
  schema_version: 1,
  data: {
    id: '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11',
    timestamp: '2024-03-30T14:53:44.812Z',
    eventType: 'approved-premises.booking.cancelled',
    eventDetails: { ...v2Only, cancelledAt: '2024-03-31T00:00:00Z' },
  },
};
const upgraded = cas1BookingCancelled.safeParse(row.data, { format: 'detail', version: row.schema_version });
if (!upgraded.success) throw upgraded.error;
show(`stored v${row.schema_version} row read as v${upgraded.event.version} (upgradedFrom ${upgraded.upgradedFrom})`, {
  cancelledAt: upgraded.event.additionalInformation.cancelledAt,
  cancelledAtDate: upgraded.event.additionalInformation.cancelledAtDate,
  cancellationRecordedAt: upgraded.event.additionalInformation.cancellationRecordedAt,
});

// 4. Bad input is reported, never thrown by safeParse: every issue has a code and a JSON Pointer.
const bad = safeParse(
  JSON.stringify({ ...event, additionalInformation: { ...event.additionalInformation, bookingId: 'not-a-uuid', cancellationReason: null } }),
);
show('a bad message', bad.success ? 'unexpectedly valid' : bad.error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`).join('\n'));
console.log(`\nContractError is exported for instanceof checks: ${bad.success ? '' : bad.error instanceof ContractError}`);
