import { describe, expect, it } from 'vitest';
import { contentProblems, elicitationFormOf } from '@/lib/contract/elicitation-form';
import { argumentsFrom, type ParameterField } from '@/lib/contract/schema-form';
import { elicitationArrival } from '@/lib/requests/elicitation/elicitation-arrival';

/** Every property type the 2025-11-25 spec allows in `requestedSchema`. */
const everyType = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Your name', minLength: 2, maxLength: 5, default: 'Ada' },
    email: { type: 'string', format: 'email' },
    site: { type: 'string', format: 'uri' },
    born: { type: 'string', format: 'date' },
    meet: { type: 'string', format: 'date-time' },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    seats: { type: 'integer', title: 'Seats', minimum: 1, maximum: 4, default: 2 },
    agree: { type: 'boolean', default: true },
    size: { type: 'string', enum: ['s', 'm', 'l'], default: 'm' },
    colour: { type: 'string', oneOf: [{ const: '#f00', title: 'Red' }, { const: '#00f', title: 'Blue' }] },
    legacy: { type: 'string', enum: ['a', 'b'], enumNames: ['Alpha', 'Beta'] },
    tags: { type: 'array', items: { type: 'string', enum: ['x', 'y', 'z'] }, minItems: 1, maxItems: 2, default: ['x'] },
    pets: { type: 'array', items: { anyOf: [{ const: 'cat', title: 'Cat' }, { const: 'dog', title: 'Dog' }] } },
  },
  required: ['name', 'seats', 'tags'],
};

const formOf = (schema: unknown): ParameterField[] => {
  const form = elicitationFormOf(schema);
  if (!form.ok) throw new Error(form.problems.join(' '));
  return form.fields;
};
const field = (fields: ParameterField[], name: string) => fields.find((f) => f.name === name)!;

describe('the form an elicitation schema makes', () => {
  const fields = formOf(everyType);

  it('maps every allowed type to a field, required ones first, labelled by title', () => {
    expect(fields.slice(0, 3).map((f) => f.name)).toEqual(['name', 'seats', 'tags']);
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['name', 'string'], ['seats', 'integer'], ['tags', 'multi-enum'], ['email', 'string'], ['site', 'string'], ['born', 'string'], ['meet', 'string'],
      ['ratio', 'number'], ['agree', 'boolean'], ['size', 'enum'], ['colour', 'enum'], ['legacy', 'enum'], ['pets', 'multi-enum'],
    ]);
    expect(field(fields, 'name')).toMatchObject({ title: 'Your name', required: true, minLength: 2, maxLength: 5, initial: 'Ada' });
    expect(field(fields, 'email').format).toBe('email');
    expect(field(fields, 'meet').format).toBe('date-time');
    expect(field(fields, 'seats')).toMatchObject({ minimum: 1, maximum: 4, initial: '2' });
    expect(field(fields, 'agree').initial).toBe('true');
    expect(field(fields, 'size')).toMatchObject({ options: ['s', 'm', 'l'], initial: 'm' });
    expect(field(fields, 'colour')).toMatchObject({ options: ['#f00', '#00f'], optionTitles: ['Red', 'Blue'] });
    expect(field(fields, 'legacy').optionTitles).toEqual(['Alpha', 'Beta']);
    expect(field(fields, 'tags')).toMatchObject({ options: ['x', 'y', 'z'], minItems: 1, maxItems: 2, initial: '["x"]' });
    expect(field(fields, 'pets')).toMatchObject({ options: ['cat', 'dog'], optionTitles: ['Cat', 'Dog'], initial: '[]' });
  });

  it('turns a filled form into content of the right types', () => {
    const values = { name: 'Ada', seats: '3', tags: '["x","z"]', email: 'ada@example.com', site: 'https://example.com', born: '1815-12-10', meet: '2026-12-01T10:00:00Z', ratio: '0.5', agree: 'false', size: 's', colour: '#00f', pets: '["dog"]' };
    const { args, errors } = argumentsFrom(fields, values);
    expect(errors).toEqual({});
    expect(args).toEqual({ name: 'Ada', seats: 3, tags: ['x', 'z'], email: 'ada@example.com', site: 'https://example.com', born: '1815-12-10', meet: '2026-12-01T10:00:00Z', ratio: 0.5, agree: false, size: 's', colour: '#00f', pets: ['dog'] });
    expect(contentProblems(fields, args as never)).toEqual({});
  });

  it('reads the browser’s local date and time as RFC 3339', () => {
    const { args } = argumentsFrom(fields, { name: 'Ada', seats: '1', tags: '["x"]', meet: '2026-12-01T10:30' });
    expect(args.meet).toBe(new Date('2026-12-01T10:30').toISOString());
  });

  it('names each value that breaks its limits or format, by its title', () => {
    const { errors } = argumentsFrom(fields, { name: 'A', seats: '9', tags: '["x","y","z"]', email: 'nope', site: 'example.com', born: '2026-02-30', meet: 'tomorrow', ratio: '2', size: 'xl', pets: '["fish"]' });
    expect(errors).toEqual({
      name: 'Your name needs at least 2 characters.',
      seats: 'Seats must be at most 4.',
      tags: 'tags takes at most 2 choices.',
      email: 'email must be an email address.',
      site: 'site must be a full URI (with its scheme, like https://).',
      born: 'born must be a date (YYYY-MM-DD).',
      meet: 'meet must be a date and time.',
      ratio: 'ratio must be at most 1.',
      size: 'size must be one of the offered choices.',
      pets: 'pets must be a list of the offered choices.',
    });
    expect(argumentsFrom(fields, { name: 'Adalovelace', seats: '1.5', tags: '[]' }).errors).toEqual({ name: 'Your name takes at most 5 characters.', seats: 'Seats must be a whole number.', tags: 'tags is required.' });
  });

  it('checks accepted content again as the background does: unknown, missing, wrong kind', () => {
    expect(contentProblems(fields, { name: 'Ada', seats: 2.5, tags: ['x'], extra: 'x' })).toEqual({ seats: 'Seats has a value of the wrong kind.', extra: 'The form has no field “extra”.' });
    expect(contentProblems(fields, { name: 'Ada' })).toEqual({ seats: 'Seats is required.', tags: 'tags is required.' });
    expect(contentProblems(fields, { name: 'Ada', seats: 2, tags: ['x', 'x'] })).toEqual({ tags: 'tags lists a choice twice.' });
  });
});

describe('schemas the spec does not allow', () => {
  const refused = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const form = elicitationFormOf({ type: 'object', properties, ...extra });
    expect(form.ok).toBe(false);
    return (form as { problems: string[] }).problems.join(' ');
  };

  it('refuses a nested object, a list of objects, a missing or unknown type, and bad choices', () => {
    expect(refused({ address: { type: 'object', properties: { street: { type: 'string' } } } })).toContain('“address” is a nested object.');
    expect(refused({ rows: { type: 'array', items: { type: 'object' } } })).toContain('“rows” is a list of something other than fixed text choices.');
    expect(refused({ free: { type: 'array', items: { type: 'string' } } })).toContain('“free”');
    expect(refused({ any: {} })).toContain('“any” has a type the spec does not allow (none given).');
    expect(refused({ ref: { $ref: '#/x' } })).toContain('“ref”');
    expect(refused({ n: { type: 'null' } })).toContain('(null)');
    expect(refused({ pick: { type: 'string', enum: [1, 2] } })).toContain('“pick” lists choices that are not all text.');
    expect(refused({ pick: { type: 'string', oneOf: [{ const: 'a' }] } })).toContain('“pick” has choices without a value and a title each.');
    expect(refused({ a: { type: 'string' } }, { required: ['b'] })).toContain('requires fields it does not define');
  });

  it('refuses a schema that is not an object of fields, and one too long to fill in', () => {
    expect(elicitationFormOf({ type: 'array' }).ok).toBe(false);
    expect(elicitationFormOf(null).ok).toBe(false);
    expect(elicitationFormOf({ type: 'object', properties: [] }).ok).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, { type: 'string' }]));
    expect(refused(many)).toContain('at most 50');
  });

  it('stores such a request refused, with the reasons, answered decline', () => {
    const arrival = elicitationArrival({ message: 'Where?', requestedSchema: { type: 'object', properties: { address: { type: 'object' } } } });
    expect(arrival.kind).toBe('elicitation-form');
    expect(arrival.refuse).toMatchObject({ outcome: 'refused', reply: { type: 'result', result: { action: 'decline' } } });
    expect(arrival.refuse?.reason).toContain('“address” is a nested object.');
  });

  it('declines a URL that is not http or https, and rejects a request that is not an elicitation', () => {
    const link = elicitationArrival({ mode: 'url', message: 'Go', elicitationId: 'e', url: 'javascript:alert(1)' });
    expect(link.refuse?.reason).toContain('javascript:');
    expect(elicitationArrival({ mode: 'url', message: 'Go', elicitationId: 'e', url: 'https://a.example/x' }).refuse).toBeUndefined();
    expect(() => elicitationArrival({ requestedSchema: {} })).toThrow(/message/);
    expect(() => elicitationArrival({ mode: 'telepathy', message: 'hi' })).toThrow(/mode/);
    expect(() => elicitationArrival({ mode: 'url', message: 'Go' })).toThrow(/URL elicitation/);
  });
});
