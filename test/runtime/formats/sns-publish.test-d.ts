import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { expectTypeOf, test } from 'vitest';
import { type EnvelopeLike, type PublishInput, toPublishInput } from '../../../src/index.js';

declare const event: EnvelopeLike;

test('the publish input is a PublishCommandInput', () => {
  expectTypeOf<PublishInput>().toExtend<PublishCommandInput>();
  const input: PublishCommandInput = toPublishInput(event, { topicArn: 'arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events' });
  expectTypeOf(input.MessageAttributes).not.toBeUndefined();
});

test('the topic is required', () => {
  // @ts-expect-error: topicArn is required
  toPublishInput(event, {});
  expectTypeOf(toPublishInput).parameter(1).toEqualTypeOf<{ readonly topicArn: string }>();
});
