/**
 * `issuesOf`, the one way the runtime asks a check about a value: a valid
 * value gives nothing, and a refused one its issues, with paths from the root
 * the caller gives. And `anyOf`, which reports the branch zod reports.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../src/runtime/checks.js';
import { emittedCheck } from '../support/emit.js';

const staff = emittedCheck({
  type: 'object',
  required: ['staffCode', 'surname'],
  properties: { staffCode: { type: 'string' }, surname: { type: 'string' } },
});

describe('issuesOf', () => {
  it.each<[string, { given: unknown; prefix?: string; want: Array<[string, string]> | undefined }]>([
    ['a valid value: nothing', { given: { staffCode: 'N54B123', surname: 'Jones' }, want: undefined }],
    ['a missing field', { given: { staffCode: 'N54B123' }, want: [['required', '/surname']] }],
    [
      'a field of the wrong type, under a prefix',
      { given: { staffCode: 1, surname: 'Jones' }, prefix: '/eventDetails/recordedBy', want: [['invalid_type', '/eventDetails/recordedBy/staffCode']] },
    ],
  ])('%s', (_, { given, prefix, want }) => {
    expect(issuesOf(staff, given, false, prefix)?.map((i) => [i.code, i.path])).toEqual(want);
  });
});

describe('anyOf', () => {
  const nullable = emittedCheck({
    type: 'object',
    required: ['at'],
    properties: { at: { type: ['string', 'null'], format: 'date' } },
  });

  it.each<[string, unknown, unknown]>([
    ['null', { at: null }, undefined],
    ['a day', { at: '2024-02-29' }, undefined],
    [
      'a malformed day: the only branch of its type says why',
      { at: '2023-02-29' },
      [{ code: 'invalid_format', path: '/at', expected: 'date', received: '"2023-02-29"' }],
    ],
    ['a number: every branch failed on its type', { at: 3 }, [{ code: 'invalid_type', path: '/at', expected: 'string | null', received: 'number 3' }]],
    ['missing', {}, [{ code: 'required', path: '/at', expected: 'string | null' }]],
  ])('%s', (_, given, want) => {
    expect(issuesOf(nullable, given)).toEqual(want);
  });
});
