/**
 * The catalogue as an AsyncAPI 3.0 document (`asyncapi.json`), for tools
 * that read AsyncAPI: one channel, the shared domain-events SNS topic; a
 * message for every version of every event type, whose payload is the
 * envelope carrying that version's data; a `send` operation for each
 * producer and a `receive` operation for each consumer. A consumer's
 * operation carries the SNS subscription that feeds its SQS queue, with the
 * filter policy on the `eventType` message attribute that lets through
 * exactly the event types it consumes.
 *
 * @see https://www.asyncapi.com/docs/reference/specification/v3.0.0
 * @see https://github.com/asyncapi/bindings/tree/master/sns
 */
import type { Catalogue, Consumer, ContractSource, EventTypeSource, JsonSchemaObject, VersionSource } from '../catalogue/model.js';
import { componentSchemas, dataSchemaKey, schemaRef } from './component-schemas.js';

export interface AsyncApiOptions {
  /** The SNS topic's name, the channel's address. */
  readonly topic: string;
  /** `info.version`: the version of the contracts, such as the package's. */
  readonly version: string;
}

/** The channel's key in `channels`. */
export const CHANNEL = 'domainEvents';
const SNS_BINDING = '0.1.0';
const SQS_BINDING = '0.2.0';

/** The key of a message, one version of a notification: `intervention.referral.sent.v1`. */
export const messageKey = (eventType: string, version: number): string => `${eventType}.v${version}`;

/** The SQS queue a consumer reads from, named after it: `service` or `service-component`. */
export const queueName = (c: Consumer): string => (c.component ? `${c.service}-${c.component}` : c.service);

type Json = Record<string, unknown>;

export function asyncApiDocument(catalogue: Catalogue, options: AsyncApiOptions): Json {
  const { schemas, envelope } = componentSchemas(catalogue);
  const messages: Record<string, Json> = {};
  // Only notifications travel on the topic; detail contracts are component schemas, for those who fetch detailUrl.
  const published = catalogue.events.filter((e) => e.notification);
  for (const event of published) {
    for (const v of (event.notification as ContractSource).versions) messages[messageKey(event.type, v.version)] = message(event, v, envelope);
  }
  const channelRef = { $ref: `#/channels/${CHANNEL}` };
  const refsTo = (events: readonly EventTypeSource[]) =>
    events.flatMap((e) => (e.notification?.versions ?? []).map((v) => ({ $ref: `#/channels/${CHANNEL}/messages/${messageKey(e.type, v.version)}` })));

  const operations: Record<string, Json> = {};
  for (const producer of unique(published.flatMap((e) => e.metadata.producers))) {
    const sent = published.filter((e) => e.metadata.producers.includes(producer));
    operations[`${producer}.send`] = {
      action: 'send',
      channel: channelRef,
      title: `${producer} publishes`,
      summary: `The events ${producer} publishes to the topic.`,
      messages: refsTo(sent),
    };
  }
  for (const consumer of consumers(catalogue)) {
    const received = published.filter((e) => e.metadata.consumers.some((c) => sameConsumer(c, consumer)));
    const queue = queueName(consumer);
    operations[`${queue}.receive`] = {
      action: 'receive',
      channel: channelRef,
      title: `${queue} receives`,
      summary: `The events ${queue} receives from its SQS queue, subscribed to the topic with a filter on the eventType attribute.`,
      messages: refsTo(received),
      bindings: {
        sns: {
          topic: { name: options.topic },
          consumers: [
            {
              protocol: 'sqs',
              endpoint: { name: queue },
              filterPolicy: { eventType: received.map((e) => e.type) },
              filterPolicyScope: 'MessageAttributes',
              // The queue receives the SNS notification, with the event as a string in its Message (the `sqs` format).
              rawMessageDelivery: false,
            },
          ],
          bindingVersion: SNS_BINDING,
        },
        sqs: { queues: [{ name: queue }], bindingVersion: SQS_BINDING },
      },
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Probation domain events',
      version: options.version,
      description:
        'The domain events probation services publish to one shared SNS topic. Each consumer reads from its own SQS queue, subscribed to the topic with a filter policy on the eventType message attribute. Each message is the HMPPS domain-event envelope, whose additionalInformation holds the data of one version of one event type.',
    },
    defaultContentType: 'application/json',
    channels: {
      [CHANNEL]: {
        address: options.topic,
        title: 'Domain events topic',
        description: 'The shared SNS topic every event is published to.',
        messages: Object.fromEntries(Object.keys(messages).map((key) => [key, { $ref: `#/components/messages/${key}` }])),
        bindings: { sns: { name: options.topic, bindingVersion: SNS_BINDING } },
      },
    },
    operations,
    components: { schemas, messages },
  };
}

/** One version of one event type: the envelope, with `eventType`, `version` and the data pinned to it. */
function message(event: EventTypeSource, source: VersionSource, envelope: string): Json {
  const { metadata } = event;
  const { version } = source;
  const latest = event.notification?.versions.at(-1) === source;
  const pinned: JsonSchemaObject = {
    type: 'object',
    // An envelope without a version is read as version 1, so only later versions must carry theirs.
    ...(version > 1 ? { required: ['version'] } : {}),
    properties: {
      eventType: { const: event.type },
      version: { const: version },
      additionalInformation: schemaRef(dataSchemaKey(event.type, 'notification', version)),
    },
  };
  const examples = source.examples.filter((e) => e.expect === 'valid').map((e) => ({ name: e.name, payload: e.json }));
  return {
    name: event.type,
    title: `${metadata.title} (version ${version}${latest ? ', latest' : ''})`,
    summary: metadata.description,
    contentType: 'application/json',
    correlationId: { location: '$message.payload#/correlationId' },
    tags: [{ name: event.type.split('.')[0] as string }, { name: metadata.status }],
    payload: { allOf: [schemaRef(envelope), pinned] },
    ...(examples.length > 0 ? { examples } : {}),
  };
}

const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();
const sameConsumer = (a: Consumer, b: Consumer): boolean => a.service === b.service && a.component === b.component;

/** Every distinct consumer (service and component), sorted by queue name. */
function consumers(catalogue: Catalogue): Consumer[] {
  const byQueue = new Map<string, Consumer>();
  for (const c of catalogue.events.flatMap((e) => e.metadata.consumers)) byQueue.set(queueName(c), c);
  return [...byQueue.keys()].sort().map((k) => byQueue.get(k) as Consumer);
}
