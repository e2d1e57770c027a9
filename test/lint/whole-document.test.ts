/**
 * `check` judges an example as the readers do: a notification's
 * `additionalInformation`, and a detail document's `eventDetails`, must be
 * objects, whatever the version's schema allows of its data.
 */
import { describe, expect, it } from 'vitest';
import { anything } from '../../src/compat/normal-schema.js';
import { wholeDocumentRejection } from '../../src/lint/whole-document.js';

const source = { file: 'schemas/test.anything.happened/notification/v1.schema.json', pointer: '' };
// A data schema that takes anything: a string as well as an object.
const target = (kind: 'notification' | 'detail') => ({
  eventType: 'test.anything.happened',
  kind,
  version: 1,
  data: anything(source),
  envelope: anything(source),
  source,
});
const notification = (data: unknown) => ({ eventType: 'test.anything.happened', occurredAt: '2024-06-13T17:52:26Z', additionalInformation: data });
const detail = (data: unknown) => ({
  id: '4bd3e398-ec2c-468a-b180-0f9360be7763',
  timestamp: '2024-06-13T17:52:26Z',
  eventType: 'test.anything.happened',
  eventDetails: data,
});

describe('the data of an example is an object, whatever its schema allows', () => {
  it.each<[string, { given: { kind: 'notification' | 'detail'; document: unknown }; want: string | undefined }]>([
    ['a notification with a string', { given: { kind: 'notification', document: notification('text') }, want: '/additionalInformation' }],
    ['a notification with an array', { given: { kind: 'notification', document: notification([]) }, want: '/additionalInformation' }],
    ['a notification with an object', { given: { kind: 'notification', document: notification({ any: 'thing' }) }, want: undefined }],
    ['a detail document with a string', { given: { kind: 'detail', document: detail('text') }, want: '/eventDetails' }],
    ['a detail document with null', { given: { kind: 'detail', document: detail(null) }, want: '/eventDetails' }],
    ['a detail document with an object', { given: { kind: 'detail', document: detail({ any: 'thing' }) }, want: undefined }],
  ])('%s', (_, { given, want }) => {
    expect(wholeDocumentRejection(target(given.kind), given.document)?.path).toBe(want);
  });

  it('says what the readers say', () => {
    expect(wholeDocumentRejection(target('notification'), notification('text'))?.message).toMatch(/object/);
  });
});
