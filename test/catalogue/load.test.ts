/**
 * The loader reads what it can and lists every problem with its code, file
 * and JSON Pointer; the generator and check act on those problems.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { repoCatalogue } from '../support/repo.js';
import { tempRepo, writeEventType } from '../support/temp-repo.js';

const minimal = { title: 'ThingHappenedNotificationV1', type: 'object', additionalProperties: false, properties: {} };

describe('loadCatalogue', () => {
  it('reads this repository with no problems', () => {
    const catalogue = repoCatalogue();
    expect({
      events: catalogue.events.length,
      notifications: catalogue.events.filter((e) => e.notification).length,
      details: catalogue.events.filter((e) => e.detail).length,
      versions: catalogue.events.reduce((n, e) => n + e.contracts.reduce((m, c) => m + c.versions.length, 0), 0),
      shared: catalogue.shared.length,
    }).toEqual({ events: 53, notifications: 41, details: 37, versions: 86, shared: 25 });
  });

  const cases: Array<[string, (write: (path: string, content: unknown) => void) => void, Array<{ code: string; file: string; pointer: string }>]> = [
    [
      'a folder that is not an event type name',
      (w) => w('schemas/BookingCancelled/notification/v1.schema.json', {}),
      [{ code: 'naming', file: 'schemas/BookingCancelled', pointer: '' }],
    ],
    [
      'a file that is not JSON',
      (w) => w('schemas/test.thing.happened/notification/v2.schema.json', '{ nope'),
      [{ code: 'invalid-json', file: 'schemas/test.thing.happened/notification/v2.schema.json', pointer: '' }],
    ],
    [
      'an $id that does not match the path',
      (w) =>
        w('schemas/test.thing.happened/notification/v2.schema.json', {
          $id: 'https://example.org/notification/v2.schema.json',
          title: 'ThingHappenedNotificationV2',
        }),
      [{ code: 'schema-id', file: 'schemas/test.thing.happened/notification/v2.schema.json', pointer: '/$id' }],
    ],
    [
      'a gap in the versions',
      (w) =>
        w('schemas/test.thing.happened/notification/v3.schema.json', {
          $id: 'https://schemas.probation.justice.gov.uk/domain-events/test.thing.happened/notification/v3.schema.json',
        }),
      [{ code: 'version-gap', file: 'schemas/test.thing.happened/notification/v3.schema.json', pointer: '' }],
    ],
    [
      'an example with a bad name',
      (w) => w('schemas/test.thing.happened/examples/first.json', {}),
      [{ code: 'naming', file: 'schemas/test.thing.happened/examples/first.json', pointer: '' }],
    ],
    [
      'an example for a version that does not exist',
      (w) => w('schemas/test.thing.happened/examples/notification.v4.x.valid.json', {}),
      [{ code: 'naming', file: 'schemas/test.thing.happened/examples/notification.v4.x.valid.json', pointer: '' }],
    ],
    [
      'a stray file',
      (w) => w('schemas/test.thing.happened/notes.txt', 'hello'),
      [{ code: 'naming', file: 'schemas/test.thing.happened/notes.txt', pointer: '' }],
    ],
    [
      'metadata with a missing owner',
      (w) =>
        w('schemas/test.thing.happened/event.json', {
          $schema: '../_meta/event.schema.json',
          eventType: 'test.thing.happened',
          title: 'T',
          description: 'D',
          producers: ['p'],
          consumers: [],
          status: 'active',
          timeline: { '1': 'x' },
        }),
      [{ code: 'metadata-missing', file: 'schemas/test.thing.happened/event.json', pointer: '/owner' }],
    ],
    [
      'metadata for another event type',
      (w) =>
        w('schemas/test.thing.happened/event.json', {
          $schema: '../_meta/event.schema.json',
          eventType: 'test.thing.vanished',
          title: 'T',
          description: 'D',
          owner: 'o',
          producers: ['p'],
          consumers: [],
          status: 'active',
          timeline: { '1': 'x' },
        }),
      [{ code: 'naming', file: 'schemas/test.thing.happened/event.json', pointer: '/eventType' }],
    ],
    [
      'an upcast for version 1',
      (w) =>
        w('schemas/test.thing.happened/notification/v1.upcast.json', { $schema: '../../_meta/upcast.schema.json', kind: 'meaning-only', description: 'x' }),
      [{ code: 'naming', file: 'schemas/test.thing.happened/notification/v1.upcast.json', pointer: '' }],
    ],
    [
      'an upcast of an unknown kind',
      (w) => {
        w('schemas/test.thing.happened/notification/v2.schema.json', {
          $id: 'https://schemas.probation.justice.gov.uk/domain-events/test.thing.happened/notification/v2.schema.json',
        });
        w('schemas/test.thing.happened/notification/v2.upcast.json', { $schema: '../../_meta/upcast.schema.json', kind: 'magic', description: 'x' });
      },
      [{ code: 'upcast-invalid', file: 'schemas/test.thing.happened/notification/v2.upcast.json', pointer: '/kind' }],
    ],
    [
      'an upcast with no version to go to',
      (w) =>
        w('schemas/test.thing.happened/notification/v2.upcast.json', { $schema: '../../_meta/upcast.schema.json', kind: 'meaning-only', description: 'x' }),
      [{ code: 'naming', file: 'schemas/test.thing.happened/notification/v2.upcast.json', pointer: '' }],
    ],
  ];

  it.each(cases)('reports %s', (_, setUp, problems) => {
    const repo = tempRepo();
    try {
      writeEventType(repo, 'test.thing.happened', [minimal]);
      setUp((path, content) => repo.write(path, content));
      expect(loadCatalogue(repo.root).problems.map(({ code, file, pointer }) => ({ code, file, pointer }))).toEqual(problems);
    } finally {
      repo.remove();
    }
  });
});
