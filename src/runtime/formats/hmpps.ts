/**
 * `hmpps`: the HMPPS domain-event message, the envelope itself as JSON. The
 * default format.
 */
import type { Format } from './format.js';

export const hmpps: Format<'hmpps'> = {
  name: 'hmpps',
  decode: (value) => ({ ok: true, envelope: value }),
};
