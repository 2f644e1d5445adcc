import { describe, expect, it } from 'vitest';
import { argumentsFrom, fieldsOf } from '@/lib/contract/schema-form';
import { validateToolArguments } from '@/lib/mcp/catalog/validate-tool-arguments';

const schema = {
  type: 'object',
  properties: {
    note: { type: 'string', description: 'What to write' },
    count: { type: 'integer', default: 3 },
    ratio: { type: ['number', 'null'] },
    dryRun: { type: 'boolean' },
    mode: { enum: ['fast', 'safe'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['note', 'mode'],
};

describe('fieldsOf', () => {
  it('makes one field per parameter, required first, with defaults as starting text', () => {
    const fields = fieldsOf(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required, f.initial])).toEqual([
      ['note', 'string', true, ''],
      ['mode', 'enum', true, ''],
      ['count', 'integer', false, '3'],
      ['ratio', 'number', false, ''],
      ['dryRun', 'boolean', false, ''],
      ['tags', 'json', false, ''],
    ]);
    expect(fields.find((f) => f.name === 'mode')?.options).toEqual(['fast', 'safe']);
  });

  it('copes with a schema without properties', () => {
    expect(fieldsOf({})).toEqual([]);
  });
});

describe('argumentsFrom', () => {
  const fields = fieldsOf(schema);

  it('turns texts into typed arguments and leaves empty optional ones out', () => {
    const { args, errors } = argumentsFrom(fields, { note: 'hi', mode: 'safe', count: '7', ratio: '', dryRun: 'false', tags: '["a","b"]' });
    expect(errors).toEqual({});
    expect(args).toEqual({ note: 'hi', mode: 'safe', count: 7, dryRun: false, tags: ['a', 'b'] });
  });

  it('names each field that is missing or malformed', () => {
    const { errors } = argumentsFrom(fields, { note: '', mode: 'fast', count: '1.5', tags: '[oops' });
    expect(errors).toEqual({ note: 'note is required.', count: 'count must be a whole number.', tags: 'tags must be valid JSON.' });
  });
});

describe('validateToolArguments', () => {
  it('accepts arguments that fit the schema', () => {
    expect(validateToolArguments({ inputSchema: schema as never }, { note: 'x', mode: 'fast' })).toEqual({ ok: true });
  });

  it('says where arguments break the schema', () => {
    const check = validateToolArguments({ inputSchema: schema as never }, { note: 5, mode: 'slow' });
    expect(check.ok).toBe(false);
    const problems = (check as { problems: string[] }).problems.join('\n');
    expect(problems).toContain('note');
    expect(problems).toContain('mode');
  });
});
