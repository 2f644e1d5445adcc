import type { ParameterField } from './schema-form';

/**
 * Field texts that hold `args` (a call being replayed, a saved call): the inverse of
 * `argumentsFrom`. A parameter the form does not show is left out, so it cannot be sent unseen;
 * `droppedOf` names them so the dialog can say so.
 */
export function valuesFrom(fields: ParameterField[], args: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.name in args ? textOf(field, args[field.name]) : field.initial]));
}

/** The argument names of `args` that the tool's current input schema no longer has. */
export function droppedOf(fields: ParameterField[], args: Record<string, unknown>): string[] {
  const known = new Set(fields.map((field) => field.name));
  return Object.keys(args).filter((name) => !known.has(name));
}

function textOf(field: ParameterField, value: unknown): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'string':
    case 'enum':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number':
    case 'integer':
    case 'boolean':
      return typeof value === 'string' ? value : String(value);
    case 'multi-enum':
    case 'json':
      return JSON.stringify(value, null, 2);
  }
}
