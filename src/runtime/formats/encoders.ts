/**
 * How each format lays out a valid envelope for its transport: the writing
 * side of the formats in `index.ts`, apart from them so that a module that
 * only reads events does not carry it.
 */
import type { EnvelopeLike } from '../envelope.js';
import { toStructuredCloudEvent } from './cloudevents.js';
import type { FormatName } from './index.js';
import { toSqsNotification } from './sqs.js';

export const ENCODERS: { readonly [N in FormatName]: (event: EnvelopeLike) => unknown } = {
  hmpps: (event) => event,
  sqs: (event) => toSqsNotification(event),
  cloudevents: toStructuredCloudEvent,
};
