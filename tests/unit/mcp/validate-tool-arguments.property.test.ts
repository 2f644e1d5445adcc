import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { validateToolArguments } from '@/lib/mcp/catalog/validate-tool-arguments';

const RUNS = { numRuns: 200 };

function minusZeroAsZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(minusZeroAsZero);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, minusZeroAsZero(item)]));
  return value;
}

/** JSON Schema keywords a server may put in a property, with values right or wrong for them. */
const keyword = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'nonsense') }),
  fc.record({ pattern: fc.oneof(fc.string(), fc.constantFrom('[', '(?<', '\\', '*', 'a{2,1}')) }),
  fc.record({ $ref: fc.oneof(fc.string(), fc.constantFrom('#/nope', '#/$defs/x', 'https://elsewhere.example/s.json', '#')) }),
  fc.record({ enum: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()) }),
  fc.record({ minimum: fc.oneof(fc.double(), fc.string()) }),
  fc.record({ format: fc.constantFrom('email', 'uri', 'date-time', 'regex', 'unknown-format') }),
  fc.record({ items: fc.jsonValue() }),
  fc.record({ required: fc.jsonValue() }),
  fc.record({ properties: fc.jsonValue() }),
  fc.record({ allOf: fc.jsonValue() }),
  fc.record({ if: fc.jsonValue(), then: fc.jsonValue() }),
  fc.jsonValue(),
);

/** A tool's input schema as a hostile or careless server might send it: an object schema with anything inside. */
const inputSchema = fc.record(
  {
    type: fc.constant('object' as const),
    properties: fc.dictionary(fc.string({ maxLength: 8 }), keyword, { maxKeys: 4 }),
    required: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    additionalProperties: fc.oneof(fc.boolean(), keyword),
    $defs: fc.dictionary(fc.string({ maxLength: 4 }), keyword, { maxKeys: 2 }),
  },
  { requiredKeys: ['type'] },
);

/** Arguments as a model would produce them: whatever JSON.parse of its text gives, plus values JSON text cannot give. */
const args = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue()), fc.anything());

describe('validateToolArguments, for any schema a server sends and any arguments', () => {
  it('returns a verdict (never throws), and every refusal names at least one non-empty problem', () => {
    fc.assert(
      fc.property(inputSchema, args, (schema, value) => {
        const check = validateToolArguments({ inputSchema: schema as Tool['inputSchema'] }, value);
        if (!check.ok) {
          expect(check.problems.length).toBeGreaterThan(0);
          for (const problem of check.problems) expect(problem.trim()).not.toBe('');
        }
      }),
      RUNS,
    );
  });

  it('accepts only arguments that reach the server as they were checked (JSON carries every number)', () => {
    const number = fc.oneof(fc.double(), fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN));
    const nested = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, number, fc.jsonValue(), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), nested), (value) => {
        const check = validateToolArguments({ inputSchema: { type: 'object' } }, value);
        // -0 is sent as 0, the same number to every schema; NaN and ±Infinity would be sent as null.
        if (check.ok) expect(JSON.parse(JSON.stringify(value))).toEqual(minusZeroAsZero(value));
      }),
      RUNS,
    );
  });
});

describe('validateToolArguments, what the properties found', () => {
  it('refuses, as a value, a schema whose $ref points nowhere (it threw out of admission)', () => {
    const check = validateToolArguments({ inputSchema: { type: 'object', additionalProperties: { $ref: '#/nope' } } }, { a: {} });
    expect(check).toEqual({ ok: false, problems: [expect.stringMatching(/input schema cannot be used.*#\/nope/)] });
  });

  it('refuses a number JSON cannot carry: 1e999 parses to Infinity, and the server would get null', () => {
    const check = validateToolArguments({ inputSchema: { type: 'object', properties: { n: { type: 'number' } } } }, JSON.parse('{"n": 1e999, "list": [1, -1e999]}'));
    expect(check).toEqual({ ok: false, problems: ['n: Infinity is not a number JSON can carry.', 'list/1: -Infinity is not a number JSON can carry.'] });
  });
});
