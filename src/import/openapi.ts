/**
 * OpenAPI 3.0 documents whose components describe detail envelopes,
 * `{ id, timestamp, eventType, eventDetails }`, as the services that serve
 * `detailUrl` publish them: each is an event's detail contract, and
 * `eventDetails` its data. The event type is the
 * envelope's `eventType` when it fixes one; when it refers to an enum of
 * every event type, the one whose last two parts match the component's name
 * (`ApplicationSubmittedEnvelope` → `….application.submitted`).
 */

import { isRecord } from '../runtime/own-properties.js';
import { kebab } from '../schema/names.js';
import { type FoundEvent, fixedValue, isEventType, propertiesOf } from './contract.js';
import { Findings } from './findings.js';
import { at, child, type Source } from './source.js';

export function openApiEvents(source: Source, findings: Findings): FoundEvent[] {
  const { document } = source;
  const schemas = at(document, '/components/schemas');
  const events: FoundEvent[] = [];
  if (isRecord(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      const pointer = child('/components/schemas', name);
      // Looking is not converting: only an envelope's problems are reported, once it is known to be one.
      const looking = new Findings();
      const looked = propertiesOf(document, schema, pointer, looking);
      if (looked.has('eventType') && looked.has('eventDetails')) {
        for (const f of looking.list) findings.add(f.severity, f.code, f.pointer, f.message);
        events.push({ source, name, ...envelopeEvent(document, name, pointer, looked, findings) });
      }
    }
  }
  if (events.length === 0)
    findings.error('no-data', '/components/schemas', 'no component describes a detail envelope ({ id, timestamp, eventType, eventDetails })');
  return events;
}

function envelopeEvent(
  document: Record<string, unknown>,
  name: string,
  pointer: string,
  properties: Map<string, { node: unknown; pointer: string }>,
  findings: Findings,
): Omit<FoundEvent, 'source'> {
  const typed = fixedValue(document, properties.get('eventType')?.node);
  let eventType = isEventType(typed?.value) ? typed.value : undefined;
  if (eventType === undefined && typed?.all) {
    const wanted = kebab(name.replace(/(?:Envelope|Event|DomainEvent)$/u, ''));
    const matches = typed.all.filter((v): v is string => isEventType(v) && v.split('.').slice(-2).join('-') === wanted);
    if (matches.length === 1) {
      eventType = matches[0];
      findings.notice(
        'event-type',
        properties.get('eventType')?.pointer ?? pointer,
        `eventType allows several values; ${eventType} matches the component's name`,
      );
    }
  }
  const schema = at(document, pointer) as Record<string, unknown>;
  const example = isRecord(schema) ? schema.example : undefined;
  const examples = isRecord(example)
    ? [{ name: 'example', envelope: { ...example, eventType: example.eventType ?? eventType }, pointer: child(pointer, 'example') }]
    : [];
  const data = properties.get('eventDetails');
  const detailsDescription = data ? at(document, String((data.node as { $ref?: string }).$ref ?? '').replace(/^#/u, '') || data.pointer) : undefined;
  const description = [schema?.description, isRecord(detailsDescription) ? detailsDescription.description : undefined].find((d) => typeof d === 'string');
  const detailUrl = detailUrlOf(document, pointer);
  return {
    pointer,
    ...(eventType === undefined ? {} : { eventType }),
    ...(data ? { data } : {}),
    ...(typeof schema?.title === 'string' ? { title: schema.title } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    ...(detailUrl === undefined ? {} : { detailUrl }),
    examples,
    envelopeExamples: {
      id: fixedValue(document, properties.get('id')?.node)?.value,
      occurredAt: fixedValue(document, properties.get('timestamp')?.node)?.value,
    },
  };
}

/** The URL that serves this envelope: the first server's URL and the path whose GET answers with it, its parameter written `{id}`. */
function detailUrlOf(document: Record<string, unknown>, pointer: string): string | undefined {
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const schema = at(item, '/get/responses/200/content/application~1json/schema');
    if (isRecord(schema) && schema.$ref === `#${pointer}`) {
      const server = at(document, '/servers/0/url');
      return `${typeof server === 'string' ? server.replace(/\/$/u, '') : ''}${path.replace(/\{[^}]+\}/u, '{id}')}`;
    }
  }
  return undefined;
}
