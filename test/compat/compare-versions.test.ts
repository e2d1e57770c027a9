import { describe, expect, it } from 'vitest';
import type { ContractSource } from '../../src/catalogue/model.js';
import { compareVersions } from '../../src/compat/compare-versions.js';
import { withVersions } from '../support/repo.js';
import { catalogue } from './schema-files.js';

const cases: [string, { given: string; want: { steps: string[]; pairs: string[] } }][] = [
  ['one version: nothing to compare', { given: 'intervention.referral.sent', want: { steps: [], pairs: [] } }],
  ['booking.cancelled', { given: 'approved-premises.booking.cancelled', want: { steps: ['1→2 forward'], pairs: ['1→2 forward'] } }],
  ['booking.made', { given: 'approved-premises.booking.made', want: { steps: ['1→2 none'], pairs: ['1→2 none'] } }],
  ['request-for-placement.created', { given: 'approved-premises.request-for-placement.created', want: { steps: ['1→2 full'], pairs: ['1→2 full'] } }],
];

describe('compareVersions', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const result = compareVersions(catalogue, given);
    expect(result?.problems).toEqual([]);
    expect(result?.steps.map((s) => `${s.from}→${s.to} ${s.compatibility}`)).toEqual(want.steps);
    expect(result?.pairs.map((s) => `${s.from}→${s.to} ${s.compatibility}`)).toEqual(want.pairs);
  });

  it('is undefined for an event type the catalogue does not have', () => {
    expect(compareVersions(catalogue, 'no.such.thing')).toBeUndefined();
  });

  it('compares each later version with every earlier one', () => {
    const event = catalogue.events.find((e) => e.type === 'approved-premises.booking.made');
    if (!event) throw new Error('booking.made is missing');
    const contract = event.detail ?? (event.notification as ContractSource);
    const v2 = contract.versions[1];
    if (!v2) throw new Error('booking.made v2 is missing');
    // A third version identical to v2 (but for $id and title): full against v2, and as breaking as v2 against v1.
    const v3 = { ...v2, version: 3, schema: { ...v2.schema, file: `${contract.dir}/v3.schema.json`, id: v2.schema.id.replace('v2', 'v3') } };
    const extended = { ...catalogue, events: catalogue.events.map((e) => (e === event ? withVersions(e, contract.kind, (versions) => [...versions, v3]) : e)) };
    const result = compareVersions(extended, event.type);
    expect(result?.steps.map((s) => `${s.from}→${s.to} ${s.compatibility}`)).toEqual(['1→2 none', '2→3 full']);
    expect(result?.pairs.map((s) => `${s.from}→${s.to} ${s.compatibility}`)).toEqual(['1→2 none', '1→3 none', '2→3 full']);
  });
});
