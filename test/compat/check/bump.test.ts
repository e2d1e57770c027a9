import { describe, expect, it } from 'vitest';
import { type BumpLevel, bumpCovers, largestBump, nextVersion } from '../../../src/compat/check/bump.js';

const covers: [string, { given: { declared: BumpLevel; required: BumpLevel; version: string }; want: boolean }][] = [
  ['patch covers patch', { given: { declared: 'patch', required: 'patch', version: '1.2.3' }, want: true }],
  ['patch does not cover minor', { given: { declared: 'patch', required: 'minor', version: '1.2.3' }, want: false }],
  ['major covers minor', { given: { declared: 'major', required: 'minor', version: '1.2.3' }, want: true }],
  ['minor does not cover major', { given: { declared: 'minor', required: 'major', version: '1.2.3' }, want: false }],
  ['before 1.0, minor still does not cover major', { given: { declared: 'minor', required: 'major', version: '0.1.0' }, want: false }],
  ['anything covers none', { given: { declared: 'none', required: 'none', version: '0.1.0' }, want: true }],
  ['none does not cover patch', { given: { declared: 'none', required: 'patch', version: '0.1.0' }, want: false }],
];

describe('bump', () => {
  it.each(covers)('%s', (_name, { given, want }) => expect(bumpCovers(given.declared, given.required, given.version)).toBe(want));

  it('finds the largest level', () => {
    expect(largestBump([])).toBe('none');
    expect(largestBump(['patch', 'major', 'minor'])).toBe('major');
  });

  it('gives the next version as changesets would', () => {
    expect(['none', 'patch', 'minor', 'major'].map((l) => nextVersion('0.1.0', l as BumpLevel))).toEqual(['0.1.0', '0.1.1', '0.2.0', '1.0.0']);
  });
});
