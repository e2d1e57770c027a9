/**
 * Interop with the npm `cloudevents` SDK, the real one, no mocks: it reads
 * what this package writes (structured, HTTP binary, Kafka binary and Kafka
 * structured), and this package reads what it writes for a CloudEvent built
 * from one of our events. `traceparent` must survive every hop.
 *
 * Two things the SDK does that the assertions spell out: it rewrites `time`
 * as `Date#toISOString()` (UTC, milliseconds) whenever it reads or writes
 * one, except when it writes Kafka binary mode, so after those hops
 * `occurredAt` is the same instant written in UTC;
 * and it does not percent-decode HTTP header values (CloudEvents HTTP binding
 * 1.0.2, 3.1.3.2), so a string extension such as `description` reaches it
 * still percent-encoded when it holds a space or a non-ASCII character.
 */
import { CloudEvent, HTTP, Kafka, type KafkaMessage } from 'cloudevents';
import { describe, expect, it } from 'vitest';
import { type EnvelopeLike, parse, safeParse, serialize, toHttpBinary, toKafkaBinary } from '../../../src/index.js';
import { percentEncode } from '../../../src/runtime/formats/header-values.js';
import { validExamples } from './examples.js';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** Every example, with a traceparent and a description that needs percent-encoding in an HTTP header. */
const events = validExamples.map(({ name, event }) => {
  const withTrace = { ...event, traceparent: TRACEPARENT, description: `${event.description ?? 'An event'}: Zoë’s 50% "done"` } as EnvelopeLike;
  return [name, parse(withTrace, { format: 'hmpps', to: event.version ?? 1 }) as EnvelopeLike] as const;
});

const iso = (time: string) => new Date(time).toISOString();

/** What the SDK should see: our attributes, with time as it renders it. */
function expectAttributes(ce: CloudEvent<unknown>, event: EnvelopeLike, description: string | undefined = event.description) {
  expect(ce.specversion).toBe('1.0');
  expect(ce.type).toBe(event.eventType);
  expect(iso(ce.time as string)).toBe(iso(event.occurredAt));
  expect(ce.dataschema).toBe(`https://schemas.probation.justice.gov.uk/domain-events/${event.eventType}/notification/v${event.version}.schema.json`);
  expect(ce.subject).toBe(event.personReference?.identifiers.find((i) => i.type === 'CRN')?.value);
  expect(ce.datacontenttype).toBe('application/json');
  expect(ce.traceparent).toBe(TRACEPARENT);
  expect(ce.description).toBe(description);
  if (event.id !== undefined) expect(ce.id).toBe(event.id);
  if (event.producer !== undefined) expect(ce.source).toBe(event.producer);
  expect(ce.data).toStrictEqual(event.additionalInformation);
}

describe('the cloudevents SDK reads what we write', () => {
  it.each(events)('structured over HTTP: %s', (_name, event) => {
    const ce = HTTP.toEvent({
      headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      body: serialize(event, 'cloudevents'),
    }) as CloudEvent<unknown>;
    expectAttributes(ce, event);
  });

  it.each(events)('HTTP binary: %s', (_name, event) => {
    const ce = HTTP.toEvent(toHttpBinary(event)) as CloudEvent<unknown>;
    // The SDK does not percent-decode header values; decoding once gives the text back.
    expectAttributes(ce, event, percentEncode(event.description as string));
    expect(ce.description).toMatch(/%20/u);
    expect(decodeURIComponent(ce.description as string)).toBe(event.description);
  });

  it.each(events)('Kafka binary: %s', (_name, event) => {
    // The SDK's message type also wants a body; its own Kafka writer sets it to the value.
    const message: KafkaMessage<string> = { ...toKafkaBinary(event), body: toKafkaBinary(event).value, key: 'X320741' };
    const ce = Kafka.toEvent(message) as CloudEvent<unknown>;
    // Kafka headers are not percent-encoded, so description arrives as it was.
    expectAttributes(ce, event);
  });

  it.each(events)('Kafka structured: %s', (_name, event) => {
    const value = serialize(event, 'cloudevents');
    const message: KafkaMessage<string> = { headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' }, value, body: value, key: 'X320741' };
    expectAttributes(Kafka.toEvent(message) as CloudEvent<unknown>, event);
  });
});

describe('we read what the cloudevents SDK writes', () => {
  /** A CloudEvent made with the SDK's own constructor (strict: it validates) from one of our events. */
  const sdkEvent = (event: EnvelopeLike) => new CloudEvent<unknown>(JSON.parse(serialize(event, 'cloudevents')) as CloudEvent<unknown>);
  /** Our event as it is after the SDK rewrote `time` in UTC. */
  const inUtc = (event: EnvelopeLike) => ({ ...event, occurredAt: iso(event.occurredAt) });

  const cases = [
    ['HTTP.binary', (ce: CloudEvent<unknown>) => HTTP.binary(ce), inUtc],
    ['HTTP.structured', (ce: CloudEvent<unknown>) => HTTP.structured(ce), inUtc],
    ['Kafka.binary', (ce: CloudEvent<unknown>) => Kafka.binary(ce), (e: EnvelopeLike) => e],
    ['Kafka.structured', (ce: CloudEvent<unknown>) => Kafka.structured(ce), inUtc],
  ] as const;

  it.each(cases.flatMap(([mode, write, want]) => events.map(([name, event]) => [`${mode}: ${name}`, { write, want, event }] as const)))(
    '%s',
    (_name, { write, want, event }) => {
      const message = write(sdkEvent(event));
      // Read as a service would get it: through JSON, with `format` left to `auto`.
      const result = safeParse(JSON.parse(JSON.stringify(message)), { to: event.version });
      expect(result.success ? result.event : result.error.issues).toStrictEqual(want(event));
      expect(result.success && result.event.traceparent).toBe(TRACEPARENT);
    },
  );
});

describe('traceparent survives ours → SDK → ours', () => {
  it.each(events)('%s', (_name, event) => {
    // Our HTTP binary message, read by the SDK, written again by the SDK in Kafka binary mode, read by us.
    const ce = HTTP.toEvent(toHttpBinary(event)) as CloudEvent<unknown>;
    const again = Kafka.binary(ce);
    const result = safeParse(JSON.parse(JSON.stringify(again)), { to: event.version });
    expect(result.success ? result.event.traceparent : result.error.issues).toBe(TRACEPARENT);
  });
});
