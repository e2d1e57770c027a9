/**
 * The input of the SNS `Publish` call, as the AWS SDK v3's `PublishCommand`
 * takes it. The message is the `hmpps` JSON; the `eventType` message attribute
 * is what queue subscriptions filter on. No SDK is imported here: the shape is
 * plain data, and a type-level test holds it to `PublishCommandInput`.
 */
import type { EnvelopeLike } from '../envelope.js';

/** A string message attribute, as the SNS API takes it. */
export type StringAttribute = { readonly DataType: 'String'; readonly StringValue: string };

/** The input of `new PublishCommand(…)` for one event. */
export type PublishInput = {
  readonly TopicArn: string;
  /** The event's `hmpps` JSON. */
  readonly Message: string;
  readonly MessageAttributes: { readonly eventType: StringAttribute };
};

/** Options for {@link toPublishInput}. */
export interface PublishOptions {
  /** The ARN of the topic to publish to. Required. */
  readonly topicArn: string;
}

/**
 * The `PublishCommand` input for `event`:
 * `snsClient.send(new PublishCommand(toPublishInput(event, { topicArn })))`.
 * The event is not validated again: build it with `build` or read it with
 * `parse`.
 */
export function toPublishInput(event: EnvelopeLike, options: PublishOptions): PublishInput {
  return {
    TopicArn: options.topicArn,
    Message: JSON.stringify(event),
    MessageAttributes: { eventType: { DataType: 'String', StringValue: event.eventType } },
  };
}
