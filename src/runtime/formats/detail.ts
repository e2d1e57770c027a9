import { type Format, failWith, isRecord } from './format.js';

/** The detail document. */
export interface DetailDocument {
  readonly id?: string;
  readonly timestamp: string;
  readonly eventType: string;
  readonly eventDetails: unknown;
}

const PATHS: ReadonlyArray<readonly [string, string]> = [
  ['/additionalInformation', '/eventDetails'],
  ['/occurredAt', '/timestamp'],
];

const pathOf = (pointer: string): string => {
  for (const [from, to] of PATHS) {
    if (pointer === from || pointer.startsWith(`${from}/`)) return to + pointer.slice(from.length);
  }
  return pointer;
};

export const detail: Format<DetailDocument> = {
  name: 'detail',
  decode(value, context) {
    if (!isRecord(value)) return failWith({ code: 'invalid_input', path: '', expected: 'a detail document (an object)', received: typeof value });
    if (context.version === undefined) {
      return failWith({
        code: 'missing_version',
        path: '',
        detail: 'a detail document carries no schema version; pass options.version (for a stored row, its schema_version column)',
      });
    }
    const envelope: Record<string, unknown> = {
      eventType: value.eventType ?? context.eventType,
      version: context.version,
      occurredAt: value.timestamp,
      additionalInformation: value.eventDetails,
    };
    if (value.id !== undefined) envelope.id = value.id;
    return { ok: true, envelope, pathOf };
  },
  encode(event) {
    return {
      ...(event.id === undefined ? {} : { id: event.id }),
      timestamp: event.occurredAt,
      eventType: event.eventType,
      eventDetails: event.additionalInformation,
    };
  },
};
