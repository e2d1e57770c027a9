// The package's main job, end to end, against the built package (imported
// by its own name, as a service would):
// 1. a producer stores a detail document and publishes a thin notification;
// 2. a consumer reads the notification, fetches its detail from the
//    producer's server (here a real HTTP server on 127.0.0.1) and gets it
//    upcast from a stored version 1 to the latest;
// 3. bad input is reported with codes and JSON Pointers, never thrown.
import { createServer } from 'node:http';
import { buildDetail, ContractError, fetchDetail, safeParse, serialize } from '@probation/domain-events';
import { cas1BookingCancelled } from '@probation/domain-events/events/approved-premises.booking.cancelled';

const show = (title, value) => console.log(`\n── ${title}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);

const details = {
  personReference: { crn: 'X320741', noms: 'A1234AB' },
  deliusEventNumber: '7',
  applicationId: '0418ea5b-8c2f-4b0e-9a55-8d3a1f0f3e11',
  applicationUrl: 'https://approved-premises.hmpps.service.justice.gov.uk/applications/0418ea5b-8c2f-4b0e-9a55-8d3a1f0f3e11',
  bookingId: '14c80733-4b6d-4f35-b724-66955aac320c',
  premises: { id: 'e8887df9-b31b-4e9f-9e0b-7f2b1c5d8a01', name: 'Hope House', apCode: 'NEHOPE1', legacyApCode: 'Q057', localAuthorityAreaName: 'Leeds' },
  cancelledAt: '2024-03-31T00:00:00Z',
  cancelledBy: { staffCode: 'N54A999', forenames: 'John', surname: 'Smith', username: 'JohnSmithNPS' },
  cancellationReason: 'The person was recalled to prison',
};

// 1. The producer's store: a version 1 row written in 2024 (schema_version NULL), and today's row at the latest version,
//    built strictly by buildDetail.
const stored = new Map();
stored.set('2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11', {
  schema_version: null,
  data: { id: '2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11', timestamp: '2024-03-30T14:53:44.812Z', eventType: cas1BookingCancelled.type, eventDetails: details },
});
const today = buildDetail(cas1BookingCancelled.type, {
  ...details,
  cancelledAt: '2026-12-04T00:00:00Z',
  cancelledAtDate: '2026-12-04',
  cancellationRecordedAt: '2026-12-03T09:15:00Z',
  appealChangeRequestId: null,
});
stored.set(today.id, { schema_version: 2, data: today });
show(`the producer stores a detail document at v${cas1BookingCancelled.detail.latest}`, today);

// The producer serves its rows at detailUrl, as they were stored.
const server = createServer((request, response) => {
  const row = stored.get(request.url?.split('/').at(-1));
  response.writeHead(row ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(row?.data ?? { status: 404 }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/events/booking-cancelled`;

try {
  // ... and publishes a thin notification for the old row: the data is behind detailUrl.
  const notification = serialize(
    cas1BookingCancelled.build({
      detailUrl: `${base}/2c7b4b0e-6f52-4a1c-9a1f-0c7e6f0b5a11`,
      occurredAt: '2024-03-30T14:53:44.812Z',
      personReference: {
        identifiers: [
          { type: 'CRN', value: 'X320741' },
          { type: 'NOMS', value: 'A1234AB' },
        ],
      },
      additionalInformation: { applicationId: details.applicationId, bookingId: null },
    }),
  );
  show('the notification on the topic', notification);

  // 2. A consumer reads the notification, then fetches its detail: the stored version 1 row comes back upcast to version 2.
  const read = safeParse(notification);
  if (!read.success) throw read.error;
  const fetched = await fetchDetail(read.event);
  if (!fetched.success) throw fetched.error;
  const { cancelledAt, cancelledAtDate, cancellationRecordedAt } = fetched.detail.eventDetails;
  show(`fetched ${read.event.detailUrl}: v${fetched.upgradedFrom} upcast to v${fetched.version}`, { cancelledAt, cancelledAtDate, cancellationRecordedAt });

  // A detail URL that is not there is an issue with its own code, not a throw.
  const missing = await fetchDetail({ ...read.event, detailUrl: `${base}/no-such-event` });
  show('a detail URL that answers 404', missing.success ? 'unexpectedly found' : `${missing.error.code}: ${missing.error.message}`);

  // 3. Bad input is reported, never thrown by safeParse: every issue has a code and a JSON Pointer.
  const bad = safeParse({ ...read.event, occurredAt: '2024-03-30T14:53:44', additionalInformation: { applicationId: 'not-a-uuid', bookingId: null } });
  show('a bad notification', bad.success ? 'unexpectedly valid' : bad.error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`).join('\n'));
  console.log(`\nContractError is exported for instanceof checks: ${bad.success ? '' : bad.error instanceof ContractError}`);
} finally {
  server.close();
}
