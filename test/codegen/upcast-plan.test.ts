/**
 * The plan of a declarative upcast, where it has gaps: the compiler refuses
 * them (see upcast-compiler.test.ts), while `check` collects them and runs the
 * plan as the operations stand, to show what the gap does to data.
 */
import { describe, expect, it } from 'vitest';
import type { JsonSchemaObject, UpcastOperation } from '../../src/catalogue/model.js';
import { planUpcast } from '../../src/codegen/upcast-plan.js';
import { runUpcastPlan } from '../../src/compat/upcast-interpreter.js';
import { ConfigError } from '../../src/errors.js';

const object = (required: string[], properties: Record<string, JsonSchemaObject>): JsonSchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const str = { type: 'string' };
const context = { envelope: { eventType: 'test.widget.moved', occurredAt: '2024-10-26T23:45:00Z' }, values: {} };
const plan = (from: JsonSchemaObject, to: JsonSchemaObject, operations: UpcastOperation[]) =>
  planUpcast(
    {
      file: 'v2.upcast.json',
      from: { schema: from, deref: (s) => s as JsonSchemaObject },
      to: { schema: to, deref: (s) => s as JsonSchemaObject },
      operations,
    },
    'collect',
  );

interface Gap {
  from: JsonSchemaObject;
  to: JsonSchemaObject;
  ops: UpcastOperation[];
  want: { gaps: { operation?: number; path: string; message: RegExp }[]; runs: [unknown, unknown][] };
}

const gaps: [string, Gap][] = [
  [
    'a field dropped without remove: carried over',
    {
      from: object(['a', 'b'], { a: str, b: str }),
      to: object(['a'], { a: str }),
      ops: [],
      want: {
        gaps: [{ path: '/b', message: /\/b exists in the earlier version.*remove/ }],
        runs: [
          [
            { a: 'A', b: 'B' },
            { a: 'A', b: 'B' },
          ],
        ],
      },
    },
  ],
  [
    'a new required field nobody fills: left out',
    {
      from: object(['a'], { a: str }),
      to: object(['a', 'b', 'c'], { a: str, b: str, c: str }),
      ops: [{ op: 'add', path: '/b', value: 'x' }],
      want: { gaps: [{ path: '/c', message: /\/c is required in the new version, but no operation fills it/ }], runs: [[{ a: 'A' }, { a: 'A', b: 'x' }]] },
    },
  ],
  [
    'an optional field made required: written where it is present',
    {
      from: object([], { a: str }),
      to: object(['a'], { a: str }),
      ops: [],
      want: {
        gaps: [{ path: '/a', message: /\/a is required in the new version but optional/ }],
        runs: [
          [{ a: 'A' }, { a: 'A' }],
          [{}, {}],
        ],
      },
    },
  ],
  [
    'a rename from an optional field to a required one, in a nested object: written where the source is present',
    {
      from: object(['o'], { o: object([], { a: str }) }),
      to: object(['o'], { o: object(['b'], { b: str }) }),
      ops: [{ op: 'rename', from: '/o/a', path: '/o/b' }],
      want: {
        gaps: [{ operation: 0, path: '/o/b', message: /may be absent/ }],
        runs: [
          [{ o: { a: 'A' } }, { o: { b: 'A' } }],
          [{ o: {} }, { o: {} }],
        ],
      },
    },
  ],
];

describe('planUpcast collects gaps, and plans what the operations say', () => {
  it.each(gaps)('%s', (_, { from, to, ops, want }) => {
    const planned = plan(from, to, ops);
    expect(planned.gaps).toEqual(want.gaps.map((g) => ({ ...g, message: expect.stringMatching(g.message) })));
    for (const [input, output] of want.runs) expect(runUpcastPlan(planned, input, context)).toEqual(output);
  });

  it('still refuses a declaration that cannot mean anything', () => {
    const attempt = () =>
      plan(object(['c'], { c: { enum: ['A', 'B'] } }), object(['c'], { c: { enum: ['a'] } }), [{ op: 'map-enum', path: '/c', map: { A: 'a' } }]);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/"B" maps to "B"/);
  });
});
