/**
 * The command line reads as consumers read: a property the contract does not
 * name is accepted and kept, unless `validate --strict`; `upcast` writes
 * stored rows back with every such property where it was.
 */
import { describe, expect, it } from 'vitest';
import { example } from '../support/examples.js';
import { runCli } from './cli-process.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const notification = example(CANCELLED, 'notification.v1.booking-cancelled.valid.json');
const detailV1 = example(CANCELLED, 'detail.v1.cancelled.valid.json');
const details = detailV1.eventDetails as Record<string, unknown>;

const added = { ...notification, additionalInformation: { ...(notification.additionalInformation as object), premisesId: 'x' } };

describe('validate', () => {
  it('accepts a property the contract does not name, as a consumer does', async () => {
    const run = await runCli(['validate', '-', '--format', 'json'], process.cwd(), `${JSON.stringify(added)}\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ records: 1, valid: 1, invalid: 0 });
  });

  it('refuses it with --strict, naming it', async () => {
    const run = await runCli(['validate', '-', '--strict', '--format', 'json'], process.cwd(), `${JSON.stringify(added)}\n`);
    expect(run.code).toBe(1);
    const [finding] = JSON.parse(run.stdout).findings as Array<{ issues: Array<{ code: string; path: string }> }>;
    expect(finding?.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_property /additionalInformation/premisesId']);
  });
});

describe('upcast', () => {
  it('keeps every property of a stored row the contract does not name, at every depth, through the upcast', async () => {
    const document = {
      ...detailV1,
      storedBy: 'migration',
      eventDetails: { ...details, cancelledVia: 'api', premises: { ...(details.premises as object), region: 'North East' } },
    };
    const row = { id: 7, data: document, schema_version: null, note: 'kept too' };
    const run = await runCli(['upcast', '-'], process.cwd(), `${JSON.stringify(row)}\n`);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { id: number; note: string; schema_version: number; data: Record<string, unknown> };
    expect(out).toMatchObject({ id: 7, note: 'kept too', schema_version: 2, data: { storedBy: 'migration' } });
    expect(out.data.eventDetails).toMatchObject({ cancelledVia: 'api', premises: { region: 'North East' }, cancelledAtDate: '2024-03-04' });
  });
});
