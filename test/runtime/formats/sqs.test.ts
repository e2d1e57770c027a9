import { describe, expect, it } from 'vitest';
import { type EnvelopeLike, type Issue, safeParse, serialize, toSqsNotification } from '../../../src/index.js';
import { example } from './examples.js';

/** A real notification, with the transport fields the SQS body is written from. */
const event: EnvelopeLike = {
  ...example('approved-premises.booking.cancelled/examples/notification.v1.booking-cancelled.valid.json'),
  id: '9b1d1a4e-2c5f-4f3a-8e7d-6c5b4a392817',
  producer: 'hmpps-approved-premises-api',
  publishedAt: '2026-08-11T09:26:04.120Z',
};
const body = () => JSON.parse(serialize(event, 'sqs')) as Record<string, unknown> & { MessageAttributes: { eventType: Record<string, unknown> } };
const withMessage = (change: (message: Record<string, unknown>) => void) => {
  const notification = body();
  const message = JSON.parse(notification.Message as string) as Record<string, unknown>;
  change(message);
  notification.Message = JSON.stringify(message);
  return notification;
};

type Want = { code: string; issues: Array<Partial<Issue>> };

describe('reading an SQS body that SNS delivered', () => {
  const cases: Array<[string, { given: unknown; options?: { eventType: string }; want: Want }]> = [
    [
      'the eventType attribute names another type than the message: rejected, never resolved in favour of either',
      {
        given: (() => {
          const n = body();
          n.MessageAttributes.eventType.Value = 'approved-premises.booking.made';
          return n;
        })(),
        want: {
          code: 'event_type_mismatch',
          issues: [
            {
              code: 'event_type_mismatch',
              path: '/MessageAttributes/eventType/Value',
              expected: '"approved-premises.booking.cancelled" (the eventType in Message)',
              received: '"approved-premises.booking.made"',
            },
          ],
        },
      },
    ],
    [
      'the attribute is not a String attribute',
      {
        given: (() => {
          const n = body();
          n.MessageAttributes.eventType.Type = 'String.Array';
          return n;
        })(),
        want: { code: 'invalid_input', issues: [{ code: 'invalid_input', path: '/MessageAttributes/eventType/Type', received: '"String.Array"' }] },
      },
    ],
    [
      'an issue inside Message is reported as /Message and the pointer into its JSON',
      {
        given: withMessage((m) => {
          (m.additionalInformation as Record<string, unknown>).applicationId = 'not-a-uuid';
        }),
        want: { code: 'invalid_event', issues: [{ code: 'invalid_format', path: '/Message/additionalInformation/applicationId', expected: 'uuid' }] },
      },
    ],
    [
      'a missing eventType inside Message',
      { given: withMessage((m) => delete m.eventType), want: { code: 'invalid_event', issues: [{ code: 'required', path: '/Message/eventType' }] } },
    ],
    [
      'Message is not JSON',
      { given: { ...body(), Message: '{"eventType":' }, want: { code: 'invalid_json', issues: [{ code: 'invalid_json', path: '/Message' }] } },
    ],
    [
      'a duplicate key inside Message',
      {
        given: { ...body(), Message: serialize(event).replace('{', '{"occurredAt":"2024-01-01T00:00:00Z",') },
        want: { code: 'invalid_json', issues: [{ code: 'invalid_json', path: '/Message/occurredAt' }] },
      },
    ],
    [
      'Message is an object rather than a string',
      { given: { ...body(), Message: event }, want: { code: 'invalid_input', issues: [{ code: 'invalid_input', path: '/Message', received: 'object' }] } },
    ],
    [
      'a subscription confirmation, not a notification',
      { given: { ...body(), Type: 'SubscriptionConfirmation' }, want: { code: 'invalid_input', issues: [{ code: 'invalid_input', path: '/Type' }] } },
    ],
    [
      'options.eventType names another type',
      {
        given: body(),
        options: { eventType: 'approved-premises.booking.made' },
        want: { code: 'event_type_mismatch', issues: [{ code: 'event_type_mismatch', path: '/Message/eventType' }] },
      },
    ],
  ];

  it.each(cases)('%s', (_name, { given, options, want }) => {
    const result = safeParse(JSON.stringify(given), options);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe(want.code);
    expect(result.error.issues).toMatchObject(want.issues);
  });

  it.each([
    ['no MessageAttributes at all', { ...body(), MessageAttributes: undefined }],
    ['other attributes but no eventType', { ...body(), MessageAttributes: { traceparent: { Type: 'String', Value: 'x' } } }],
    ['SNS signature fields', { ...body(), SignatureVersion: '1', Signature: 'x', SigningCertURL: 'https://x', UnsubscribeURL: 'https://y' }],
  ])('reads a notification with %s', (_name, given) => {
    const result = safeParse(JSON.stringify(given));
    expect(result.success ? result.event.additionalInformation : result.error.issues).toStrictEqual(event.additionalInformation);
  });

  it('reads raw message delivery (the hmpps JSON itself) under auto', () => {
    const result = safeParse(serialize(event));
    expect(result.success && result.event.id).toBe(event.id);
  });
});

describe('writing the SQS body', () => {
  it.each([
    [
      'defaults: MessageId is the event id, Timestamp its publishedAt',
      {},
      { Type: 'Notification', MessageId: event.id, Message: JSON.stringify(event), Timestamp: event.publishedAt },
    ],
    [
      'what SNS adds, given',
      { topicArn: 'arn:aws:sns:eu-west-2:000000000000:t', messageId: 'm-1', timestamp: '2024-07-01T08:15:02.200Z' },
      {
        Type: 'Notification',
        MessageId: 'm-1',
        TopicArn: 'arn:aws:sns:eu-west-2:000000000000:t',
        Message: JSON.stringify(event),
        Timestamp: '2024-07-01T08:15:02.200Z',
      },
    ],
  ])('%s', (_name, options, want) => {
    expect(toSqsNotification(event, options)).toStrictEqual({ ...want, MessageAttributes: { eventType: { Type: 'String', Value: event.eventType } } });
  });

  it('falls back to occurredAt when there is no publishedAt', () => {
    const { publishedAt: _, ...older } = event;
    expect(toSqsNotification(older).Timestamp).toBe(event.occurredAt);
  });
});
