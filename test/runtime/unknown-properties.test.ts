/**
 * Tolerant reading: a property the contract does not name is accepted, kept
 * as it is, and reported in `warnings`, so a producer that adds an optional
 * field breaks no consumer. Everything the contract does name is still
 * checked in full. `unknownProperties: 'reject'` makes such properties
 * errors, for CI.
 */
import { describe, expect, it } from 'vitest';
import { safeParse, safeParseDetail } from '../../src/index.js';
import { example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notification = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const detailV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const detailV2 = example(CANCELLED, 'detail.v2.cancelled.valid.json');

const withData = (document: Record<string, unknown>, field: string, extra: Record<string, unknown>) => ({
  ...document,
  [field]: { ...(document[field] as object), ...extra },
});

describe('a notification with a property its contract does not name', () => {
  const added = withData(notification, 'additionalInformation', { premisesId: 'e8887df9-b31b-4e9f-9e0b-7f2b1c5d8a01' });

  it('is read, keeps the property, and says so', () => {
    const result = safeParse(JSON.stringify(added));
    expect(result.success && result.event.additionalInformation).toEqual(added.additionalInformation);
    expect(result.success && result.warnings?.map((w) => [w.code, w.path])).toEqual([['unknown_property', '/additionalInformation/premisesId']]);
  });

  it('is an error with unknownProperties: reject', () => {
    const result = safeParse(added, { unknownProperties: 'reject' });
    expect(result.success || result.error.issues.map((i) => [i.code, i.path])).toEqual([['unknown_property', '/additionalInformation/premisesId']]);
  });

  it('has no warnings when it has no such property', () => {
    const result = safeParse(notification);
    expect(result.success && 'warnings' in result).toBe(false);
  });

  it('is still checked in full where the contract speaks', () => {
    const broken = withData(added, 'additionalInformation', { applicationId: 'not-a-uuid' });
    const result = safeParse(broken);
    // Only the real problem is reported, not the property the contract does not name.
    expect(result.success || result.error.issues.map((i) => [i.code, i.path])).toEqual([['invalid_format', '/additionalInformation/applicationId']]);
  });

  it('in a part of the envelope that is closed (a person identifier)', () => {
    const identifiers = [{ type: 'CRN', value: 'X320741', source: 'nDelius' }];
    const result = safeParse({ ...notification, personReference: { identifiers } });
    expect(result.success && result.warnings?.map((w) => w.path)).toEqual(['/personReference/identifiers/0/source']);
    expect(result.success && result.event.personReference?.identifiers[0]).toEqual(identifiers[0]);
  });
});

describe('a detail document with properties its contract does not name', () => {
  it('keeps them at every depth, and says where', () => {
    const details = detailV2.eventDetails as Record<string, unknown>;
    const document = {
      ...detailV2,
      eventDetails: { ...details, cancelledVia: 'api', premises: { ...(details.premises as object), region: 'North East' } },
    };
    const result = safeParseDetail(document, { version: 2 });
    expect(result.success && result.detail).toEqual(document);
    expect(result.success && result.warnings?.map((w) => w.path).sort()).toEqual(['/eventDetails/cancelledVia', '/eventDetails/premises/region']);
    expect(safeParseDetail(document, { version: 2, unknownProperties: 'reject' }).success).toBe(false);
  });

  it('keeps them through an upcast, which writes only what it knows', () => {
    const document = withData(detailV1, 'eventDetails', { cancelledVia: 'api' });
    const result = safeParseDetail(document, { version: null });
    expect(
      result.success && { upgradedFrom: result.upgradedFrom, via: (result.detail.eventDetails as unknown as Record<string, unknown>).cancelledVia },
    ).toEqual({
      upgradedFrom: 1,
      via: 'api',
    });
    expect(result.success && (result.detail.eventDetails as unknown as Record<string, unknown>).cancelledAtDate).toBe('2024-03-04');
  });
});
