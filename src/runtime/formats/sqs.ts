/**
 * `sqs`: the body of an SQS message that SNS delivered. It is an SNS
 * notification whose `Message` is the `hmpps` JSON as a string, with the
 * `eventType` message attribute that queue subscriptions filter on.
 *
 * Issues inside `Message` are reported as `/Message` followed by the pointer
 * into the JSON that `Message` holds, such as
 * `/Message/additionalInformation/bookingId`. (`Message` itself is a string, so
 * a JSON Pointer evaluator stops at `/Message`; the rest addresses its JSON.)
 *
 * With raw message delivery the SQS body is the `hmpps` JSON itself, which
 * `auto` reads as `hmpps`.
 */
import type { EnvelopeLike } from '../envelope.js';
import type { IssueInput } from '../errors.js';
import { describeValue, typeName } from '../messages.js';
import { isRecord } from '../own-properties.js';
import { type Format, type FormatDecoded, failWith } from './format.js';

/** The SNS notification in an SQS message body, as far as this package writes it. */
export interface SqsNotification {
  readonly Type: 'Notification';
  readonly MessageId?: string;
  readonly TopicArn?: string;
  /** The `hmpps` JSON of the event. */
  readonly Message: string;
  readonly Timestamp: string;
  readonly MessageAttributes: { readonly eventType: { readonly Type: 'String'; readonly Value: string } };
}

/** What SNS adds to a notification, for {@link toSqsNotification}. */
export interface NotificationOptions {
  /** The topic the event was published to. Default: none (the field is left out). */
  readonly topicArn?: string;
  /** SNS's id for the message. Default: the event's `id`. */
  readonly messageId?: string;
  /** When SNS published it. Default: the event's `publishedAt`, else its `occurredAt`. */
  readonly timestamp?: string;
}

/**
 * The SQS message body that SNS delivers for `event`: what a queue subscribed
 * to the topic receives, without SNS's signature fields. Useful for tests and
 * for writing to a queue directly.
 */
export function toSqsNotification(event: EnvelopeLike, options: NotificationOptions = {}): SqsNotification {
  // Written field by field, in the order SNS writes them.
  const out: Record<string, unknown> = { Type: 'Notification' };
  const messageId = options.messageId ?? event.id;
  if (messageId !== undefined) out.MessageId = messageId;
  if (options.topicArn !== undefined) out.TopicArn = options.topicArn;
  out.Message = JSON.stringify(event);
  out.Timestamp = options.timestamp ?? event.publishedAt ?? event.occurredAt;
  out.MessageAttributes = { eventType: { Type: 'String', Value: event.eventType } };
  return out as unknown as SqsNotification;
}

const inMessage = (pointer: string): string => `/Message${pointer}`;

export const sqs: Format<'sqs'> = {
  name: 'sqs',
  // An SNS notification names its own type and carries a Message; the envelope has neither field.
  detect: (value) => isRecord(value) && Object.hasOwn(value, 'Type') && Object.hasOwn(value, 'Message'),
  decode(value, context): FormatDecoded {
    if (!isRecord(value)) return failWith({ code: 'invalid_input', path: '', expected: 'an SNS notification (an object)', received: typeName(value) });
    if (value.Type !== 'Notification') {
      return failWith({ code: 'invalid_input', path: '/Type', expected: '"Notification"', received: describeValue(value.Type) });
    }
    if (typeof value.Message !== 'string') {
      return failWith({ code: 'invalid_input', path: '/Message', expected: 'the event as a JSON string', received: typeName(value.Message) });
    }
    const inner = context.json(value.Message, '/Message');
    if (!inner.ok) return failWith(inner.issue);
    const problem = attributeProblem(value.MessageAttributes, inner.value);
    if (problem) return failWith(problem);
    return { ok: true, envelope: inner.value, pathOf: inMessage };
  },
};

/**
 * Checks the `eventType` message attribute against the event inside. Queues
 * filter on the attribute, so a message whose attribute names another type
 * than its body was routed wrongly: it is an `event_type_mismatch`, never
 * resolved silently in favour of either.
 */
function attributeProblem(attributes: unknown, envelope: unknown): IssueInput | undefined {
  if (attributes === undefined) return undefined;
  if (!isRecord(attributes)) return { code: 'invalid_input', path: '/MessageAttributes', expected: 'an object', received: typeName(attributes) };
  const attribute = attributes.eventType;
  if (attribute === undefined) return undefined;
  if (!isRecord(attribute)) return { code: 'invalid_input', path: '/MessageAttributes/eventType', expected: 'an object', received: typeName(attribute) };
  if (attribute.Type !== 'String') {
    return { code: 'invalid_input', path: '/MessageAttributes/eventType/Type', expected: '"String"', received: describeValue(attribute.Type) };
  }
  if (typeof attribute.Value !== 'string') {
    return { code: 'invalid_input', path: '/MessageAttributes/eventType/Value', expected: 'a string', received: typeName(attribute.Value) };
  }
  const inner = isRecord(envelope) ? envelope.eventType : undefined;
  if (typeof inner === 'string' && inner !== attribute.Value) {
    return {
      code: 'event_type_mismatch',
      path: '/MessageAttributes/eventType/Value',
      expected: `${JSON.stringify(inner)} (the eventType in Message)`,
      received: JSON.stringify(attribute.Value),
    };
  }
  return undefined;
}
