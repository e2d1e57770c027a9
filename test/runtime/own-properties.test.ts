/**
 * Properties named as the members every object inherits (`toString`,
 * `constructor`, `__proto__`…) are data like any other, as JSON has them.
 */
import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES } from '../../src/runtime/own-properties.js';

describe('the helpers', () => {
  it('name every member of Object.prototype', () => {
    expect([...INHERITED_NAMES].sort()).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });
});
