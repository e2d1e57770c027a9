/**
 * The SNS publish input goes through the AWS SDK v3's own request
 * serialisation, with no network: the innermost middleware (after signing,
 * where the request would be sent) keeps the HTTP request and answers in
 * SNS's place, and the SDK parses that answer as it would SNS's. What SNS then delivers to a queue is built from that request,
 * as SNS builds it, and read back with `safeParse`.
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { type EnvelopeLike, parse, safeParse, toPublishInput } from '../../../src/index.js';
import { validExamples } from './examples.js';

const TOPIC = 'arn:aws:sns:eu-west-2:000000000000:hmpps-domain-events';
const MESSAGE_ID = '95df01b4-ee98-5cb9-9903-4c221d41eb5e';

interface Captured {
  readonly method: string;
  readonly hostname: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An SNS client whose requests are kept and answered here instead of being sent. */
function offlineClient(): { client: SNSClient; requests: Captured[] } {
  const requests: Captured[] = [];
  const client = new SNSClient({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' }, maxAttempts: 1 });
  client.middlewareStack.add(
    () => async (args) => {
      requests.push(args.request as Captured);
      const xml = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${MESSAGE_ID}</MessageId></PublishResult><ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>`;
      return { response: { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: new TextEncoder().encode(xml) }, output: {} as never };
    },
    // Innermost: the request is signed, and SNS's answer still goes through the SDK's deserialiser.
    { step: 'deserialize', priority: 'low', name: 'answerOffline' },
  );
  return { client, requests };
}

/** The SQS message body SNS delivers for a Publish request (its form-encoded parameters). */
function delivery(form: URLSearchParams): string {
  const attributes: Record<string, { Type: string; Value: string }> = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const entry = `MessageAttributes.entry.${n}`;
    attributes[form.get(`${entry}.Name`) as string] = {
      Type: form.get(`${entry}.Value.DataType`) as string,
      Value: form.get(`${entry}.Value.StringValue`) as string,
    };
  }
  return JSON.stringify({
    Type: 'Notification',
    MessageId: MESSAGE_ID,
    TopicArn: form.get('TopicArn'),
    Message: form.get('Message'),
    Timestamp: '2024-07-01T08:15:02.200Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-EXAMPLE.pem',
    UnsubscribeURL: 'https://sns.eu-west-2.amazonaws.com/?Action=Unsubscribe',
    MessageAttributes: attributes,
  });
}

const events = validExamples.map(({ name, event }) => [name, parse(event, { format: 'hmpps', to: event.version ?? 1 }) as EnvelopeLike] as const);

describe('toPublishInput through the AWS SDK', () => {
  it.each(events)('%s', async (_name, event) => {
    const { client, requests } = offlineClient();
    const output = await client.send(new PublishCommand(toPublishInput(event, { topicArn: TOPIC })));
    expect(output.MessageId).toBe(MESSAGE_ID);

    expect(requests).toHaveLength(1);
    const request = requests[0] as Captured;
    expect(request.method).toBe('POST');
    expect(request.hostname).toBe('sns.eu-west-2.amazonaws.com');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//u);
    const form = new URLSearchParams(request.body);
    expect(Object.fromEntries(form)).toStrictEqual({
      Action: 'Publish',
      Version: '2010-03-31',
      TopicArn: TOPIC,
      Message: JSON.stringify(event),
      'MessageAttributes.entry.1.Name': 'eventType',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': event.eventType,
    });

    // SNS → SQS: the queue's message body is read back as the same event, traceparent and all.
    const result = safeParse(delivery(form), { to: event.version });
    expect(result.success ? result.event : result.error.issues).toStrictEqual(event);
    expect(result.success && result.event.traceparent).toBe(event.traceparent);
  });
});
