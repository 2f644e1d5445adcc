import { describe, expect, it } from 'vitest';
import { argumentsFrom, fieldsOf } from '@/lib/contract/schema-form';
import { droppedOf, valuesFrom } from '@/lib/contract/schema-form-values';

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    urgent: { type: 'boolean' },
    colour: { enum: ['red', 'blue'] },
    tags: { type: 'array', items: { enum: ['a', 'b'] } },
    meta: { type: 'object' },
    note: { type: 'string', default: 'none' },
  },
  required: ['title'],
};

describe('a replayed input in the Run dialog', () => {
  it('fills every kind of field so that the form sends the same input back', () => {
    const fields = fieldsOf(schema);
    const args = { title: 'Hello', count: 3, ratio: 0.5, urgent: false, colour: 'blue', tags: ['b'], meta: { nested: [1, 2] } };
    const values = valuesFrom(fields, args);
    expect(values).toMatchObject({ title: 'Hello', count: '3', ratio: '0.5', urgent: 'false', colour: 'blue', note: 'none' });
    expect(argumentsFrom(fields, values)).toEqual({ args: { ...args, note: 'none' }, errors: {} });
  });

  it('names the arguments the tool no longer takes, and never puts them in the form', () => {
    const fields = fieldsOf(schema);
    expect(droppedOf(fields, { title: 'x', removed: 1, other: 'y' })).toEqual(['removed', 'other']);
    expect(Object.keys(valuesFrom(fields, { title: 'x', removed: 1 }))).not.toContain('removed');
  });
});
