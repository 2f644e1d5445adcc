import { labelOf, type ParameterField } from './schema-form';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A date and time as RFC 3339 (what `format: date-time` means): a full one is kept as typed, the
 * browser's `datetime-local` text (no zone) is read as local time. Null when it is neither.
 */
export function parseDateTime(text: string): string | null {
  if (RFC3339.test(text)) return Number.isNaN(Date.parse(text)) ? null : text;
  if (!LOCAL.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

function validUri(text: string): boolean {
  return URL.canParse(text) && /^[a-z][a-z0-9+.-]*:/i.test(text);
}

const FORMAT_CHECKS = {
  email: [(t: string) => EMAIL.test(t), 'an email address'],
  uri: [validUri, 'a full URI (with its scheme, like https://)'],
  date: [validDate, 'a date (YYYY-MM-DD)'],
  'date-time': [(t: string) => RFC3339.test(t) && !Number.isNaN(Date.parse(t)), 'a date and time'],
} as const;

/** What is wrong with a value against its field's constraints (length, range, format, options), or null. */
export function checkFieldValue(field: ParameterField, value: unknown): string | null {
  const label = labelOf(field);
  if (typeof value === 'string') {
    if (field.kind === 'enum' && field.options && !field.options.includes(value)) return `${label} must be one of the offered choices.`;
    if (field.minLength !== undefined && [...value].length < field.minLength) return `${label} needs at least ${field.minLength} characters.`;
    if (field.maxLength !== undefined && [...value].length > field.maxLength) return `${label} takes at most ${field.maxLength} characters.`;
    if (field.format) {
      const [valid, what] = FORMAT_CHECKS[field.format];
      if (!valid(value)) return `${label} must be ${what}.`;
    }
    return null;
  }
  if (typeof value === 'number') {
    if (field.minimum !== undefined && value < field.minimum) return `${label} must be at least ${field.minimum}.`;
    if (field.maximum !== undefined && value > field.maximum) return `${label} must be at most ${field.maximum}.`;
    return null;
  }
  if (field.kind === 'multi-enum') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && (field.options ?? []).includes(v))) return `${label} must be a list of the offered choices.`;
    if (new Set(value).size !== value.length) return `${label} lists a choice twice.`;
    if (field.minItems !== undefined && value.length < field.minItems) return `${label} needs at least ${field.minItems} choices.`;
    if (field.maxItems !== undefined && value.length > field.maxItems) return `${label} takes at most ${field.maxItems} choices.`;
  }
  return null;
}
