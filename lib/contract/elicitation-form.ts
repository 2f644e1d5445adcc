import { z } from 'zod';
import { checkFieldValue } from './field-checks';
import { fieldOf, type ParameterField, type PropertySchema } from './schema-form';

/** At most this many fields: a form longer than that is not one a person fills in. */
export const MAX_ELICITATION_FIELDS = 50;

/** The form a server's `requestedSchema` makes, or why Patchbay will not show it (then it declines). */
export type ElicitationForm = { ok: true; fields: ParameterField[] } | { ok: false; problems: string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTitledList = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((o) => isRecord(o) && typeof o.const === 'string' && typeof o.title === 'string');
const isStringList = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((v) => typeof v === 'string');

/** What is wrong with one property against the spec's flat, primitive fields, or null when it is allowed. */
function propertyProblem(name: string, property: unknown): string | null {
  if (!isRecord(property)) return `“${name}” is not a field definition.`;
  switch (property.type) {
    case 'string':
      if (property.enum !== undefined && !isStringList(property.enum)) return `“${name}” lists choices that are not all text.`;
      if (property.oneOf !== undefined && !isTitledList(property.oneOf)) return `“${name}” has choices without a value and a title each.`;
      return null;
    case 'number':
    case 'integer':
    case 'boolean':
      return null;
    case 'array': {
      const items = property.items;
      if (isRecord(items) && ((items.type === 'string' && isStringList(items.enum)) || isTitledList(items.anyOf))) return null;
      return `“${name}” is a list of something other than fixed text choices.`;
    }
    case 'object':
      return `“${name}” is a nested object.`;
    default:
      return `“${name}” has a type the spec does not allow (${typeof property.type === 'string' ? property.type : 'none given'}).`;
  }
}

/**
 * The fields of an elicitation form, in the server's order, required ones first, if its schema
 * is one the 2025-11-25 spec allows: a flat object of text (with format email, uri, date or
 * date-time, and length limits), numbers and whole numbers (with limits), true/false, and single-
 * or multiple-choice lists, plain or titled. Anything else (a nested object, a list of objects, a
 * reference) is refused with the reasons, so the person sees why and the server gets `decline`.
 */
export function elicitationFormOf(requestedSchema: unknown): ElicitationForm {
  if (!isRecord(requestedSchema) || requestedSchema.type !== 'object') return { ok: false, problems: ['The form is not described as an object of fields.'] };
  const properties = requestedSchema.properties ?? {};
  if (!isRecord(properties)) return { ok: false, problems: ['The form has no list of fields.'] };
  const names = Object.keys(properties);
  if (names.length > MAX_ELICITATION_FIELDS) return { ok: false, problems: [`The form has ${names.length} fields; Patchbay shows at most ${MAX_ELICITATION_FIELDS}.`] };
  const required = requestedSchema.required ?? [];
  const problems = names.flatMap((name) => propertyProblem(name, properties[name]) ?? []);
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string' && names.includes(r))) problems.push('The form requires fields it does not define.');
  if (problems.length > 0) return { ok: false, problems };
  const requiredSet = new Set(required as string[]);
  const fields = names.map((name) => fieldOf(name, properties[name] as PropertySchema, requiredSet.has(name)));
  return { ok: true, fields: fields.sort((a, b) => Number(b.required) - Number(a.required)) };
}

/** The values an accepted form may send (the spec's content: text, numbers, true/false, lists of text). */
export const ElicitationContentSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));
export type ElicitationContent = z.infer<typeof ElicitationContentSchema>;

/** What the person answered: accept (with the form's content; none for a URL, which **Open** accepts), decline or cancel. */
export const ElicitationAnswerSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), content: ElicitationContentSchema.optional() }),
  z.object({ action: z.literal('decline') }),
  z.object({ action: z.literal('cancel') }),
]);
export type ElicitationAnswer = z.infer<typeof ElicitationAnswerSchema>;

const KIND_OF_VALUE: Record<ParameterField['kind'], (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  enum: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  'multi-enum': Array.isArray,
  json: () => false,
};

/**
 * Every problem of accepted content against the form, by field name: an unknown field, a missing
 * required one, a value of the wrong type or outside its limits. Checked again in the background,
 * on the stored request, before anything is sent.
 */
export function contentProblems(fields: ParameterField[], content: ElicitationContent): Record<string, string> {
  const problems: Record<string, string> = {};
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const name of Object.keys(content)) if (!byName.has(name)) problems[name] = `The form has no field “${name}”.`;
  for (const field of fields) {
    const value = content[field.name];
    if (value === undefined) {
      if (field.required) problems[field.name] = `${field.title ?? field.name} is required.`;
      continue;
    }
    if (!KIND_OF_VALUE[field.kind](value)) problems[field.name] = `${field.title ?? field.name} has a value of the wrong kind.`;
    else {
      const problem = checkFieldValue(field, value);
      if (problem) problems[field.name] = problem;
    }
  }
  return problems;
}
