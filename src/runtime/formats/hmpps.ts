/**
 * `hmpps`: the HMPPS domain-event message, the envelope itself as JSON. The
 * default format.
 */
import type { EnvelopeLike } from '../envelope.js';
import type { Format } from './format.js';

export const hmpps: Format<EnvelopeLike> = {
  name: 'hmpps',
  decode: (value) => ({ ok: true, envelope: value }),
  encode: (event) => event,
};
