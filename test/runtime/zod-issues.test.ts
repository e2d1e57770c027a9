/**
 * `findIssues`, the one way the runtime asks a validator about a value: a
 * valid value gives nothing, and only one it refuses is parsed again for its
 * issues, with paths from the root the caller gives.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { findIssues } from '../../src/runtime/zod-issues.js';

const staff = z.object({ staffCode: z.string(), surname: z.string() });

describe('findIssues', () => {
  it.each<[string, { given: unknown; prefix?: string[]; want: Array<[string, string]> | undefined }]>([
    ['a valid value: nothing', { given: { staffCode: 'N54B123', surname: 'Jones' }, want: undefined }],
    ['a missing field', { given: { staffCode: 'N54B123' }, want: [['required', '/surname']] }],
    [
      'a field of the wrong type, under a prefix',
      { given: { staffCode: 1, surname: 'Jones' }, prefix: ['eventDetails', 'recordedBy'], want: [['invalid_type', '/eventDetails/recordedBy/staffCode']] },
    ],
  ])('%s', (_, { given, prefix, want }) => {
    expect(findIssues(staff, given, undefined, prefix)?.map((i) => [i.code, i.path])).toEqual(want);
  });
});
