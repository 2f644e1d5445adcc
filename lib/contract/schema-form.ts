import { checkFieldValue, parseDateTime } from './field-checks';

/** The string formats a field understands (the ones MCP elicitation allows). */
export type StringFormat = 'email' | 'uri' | 'date' | 'date-time';

/**
 * How one top-level parameter is edited by hand (a tool's input in the Run dialog, a server's
 * elicitation form); anything not simple is edited as JSON. Constraints the schema states are
 * kept so the form can check a value before anything is sent.
 */
export interface ParameterField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'multi-enum' | 'json';
  required: boolean;
  /** The schema's `title`: an elicitation form labels the field with it (else the name). */
  title?: string;
  description?: string;
  options?: string[];
  /** Display names of `options`, in the same order (titled enums: `oneOf`/`anyOf` with `const` and `title`). */
  optionTitles?: string[];
  format?: StringFormat;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /**
   * The text the field starts with: the schema's default, or empty. A `multi-enum` holds the
   * chosen options as JSON array text, as a `json` field holds JSON text.
   */
  initial: string;
}

interface Titled {
  const?: unknown;
  title?: unknown;
}

/** The parts of a property's JSON Schema a field reads. */
export interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  enumNames?: unknown[];
  oneOf?: Titled[];
  items?: { type?: string; enum?: unknown[]; anyOf?: Titled[] };
  title?: string;
  description?: string;
  default?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** One field per top-level property of an object input schema, required ones first. */
export function fieldsOf(inputSchema: { properties?: Record<string, unknown>; required?: string[] }): ParameterField[] {
  const required = new Set(inputSchema.required ?? []);
  const fields = Object.entries(inputSchema.properties ?? {}).map(([name, raw]) => fieldOf(name, (raw ?? {}) as PropertySchema, required.has(name)));
  return fields.sort((a, b) => Number(b.required) - Number(a.required));
}

const FORMATS: readonly string[] = ['email', 'uri', 'date', 'date-time'] satisfies StringFormat[];
const numberOr = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const stringsOf = (list: unknown[] | undefined) => (list?.every((v) => typeof v === 'string') ? (list as string[]) : undefined);

/** `const`/`title` pairs as options with their display names, if every entry is one. */
function titledOptions(list: Titled[] | undefined): { options: string[]; optionTitles: string[] } | undefined {
  if (!list?.length || !list.every((o) => typeof o?.const === 'string' && typeof o.title === 'string')) return undefined;
  return { options: list.map((o) => o.const as string), optionTitles: list.map((o) => o.title as string) };
}

/** The field of one property (see `fieldsOf`); the schema's words are kept only as plain strings. */
export function fieldOf(name: string, schema: PropertySchema, required: boolean): ParameterField {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const base = withoutUndefined({
    name,
    required,
    title: typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title : undefined,
    description: typeof schema.description === 'string' ? schema.description : undefined,
  });
  const text = typeof schema.default === 'string' ? schema.default : '';
  const single = stringsOf(schema.enum);
  if (single) {
    const names = stringsOf(schema.enumNames);
    return { ...base, kind: 'enum', options: single, ...(names?.length === single.length ? { optionTitles: names } : {}), initial: text };
  }
  const titled = titledOptions(schema.oneOf);
  if (titled) return { ...base, kind: 'enum', ...titled, initial: text };
  const multi = type === 'array' ? (stringsOf(schema.items?.enum)?.length ? { options: stringsOf(schema.items?.enum)! } : titledOptions(schema.items?.anyOf)) : undefined;
  if (multi) {
    const chosen = Array.isArray(schema.default) ? schema.default.filter((v): v is string => typeof v === 'string' && multi.options.includes(v)) : [];
    return { ...base, kind: 'multi-enum', ...multi, ...withoutUndefined({ minItems: numberOr(schema.minItems), maxItems: numberOr(schema.maxItems) }), initial: JSON.stringify(chosen) };
  }
  if (type === 'string') {
    const format = FORMATS.includes(schema.format ?? '') ? (schema.format as StringFormat) : undefined;
    return { ...base, kind: 'string', ...withoutUndefined({ format, minLength: numberOr(schema.minLength), maxLength: numberOr(schema.maxLength) }), initial: text };
  }
  if (type === 'number' || type === 'integer') {
    return { ...base, kind: type, ...withoutUndefined({ minimum: numberOr(schema.minimum), maximum: numberOr(schema.maximum) }), initial: schema.default === undefined ? '' : String(schema.default) };
  }
  if (type === 'boolean') return { ...base, kind: 'boolean', initial: schema.default === undefined ? '' : String(schema.default) };
  return { ...base, kind: 'json', initial: schema.default === undefined ? '' : JSON.stringify(schema.default, null, 2) };
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Field texts turned into arguments; empty optional fields are left out; each bad value is named. */
export function argumentsFrom(fields: ParameterField[], values: Record<string, string>): { args: Record<string, unknown>; errors: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = values[field.name] ?? '';
    const label = labelOf(field);
    if ((text.trim() === '' || (field.kind === 'multi-enum' && text.trim() === '[]' && field.required)) && field.kind !== 'boolean') {
      if (field.required) errors[field.name] = `${label} is required.`;
      continue;
    }
    const value = valueOf(field, text);
    if (value.error) errors[field.name] = value.error;
    else if (value.set) args[field.name] = value.value;
  }
  return { args, errors };
}

/** How a field is named to a person: the schema's `title`, else the property's name. */
export function labelOf(field: Pick<ParameterField, 'name' | 'title'>): string {
  return field.title ?? field.name;
}

function valueOf(field: ParameterField, text: string): { set: boolean; value?: unknown; error?: string } {
  const label = labelOf(field);
  const checked = (value: unknown) => {
    const problem = checkFieldValue(field, value);
    return problem ? { set: false, error: problem } : { set: true, value };
  };
  switch (field.kind) {
    case 'string':
      return checked(field.format === 'date-time' ? (parseDateTime(text) ?? text) : text);
    case 'enum':
      return checked(text);
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) return { set: false, error: `${label} must be ${field.kind === 'integer' ? 'a whole number' : 'a number'}.` };
      return checked(n);
    }
    case 'boolean':
      return text !== '' || field.required ? { set: true, value: text === 'true' } : { set: false };
    case 'multi-enum':
    case 'json':
      try {
        return field.kind === 'json' ? { set: true, value: JSON.parse(text) } : checked(JSON.parse(text));
      } catch {
        return { set: false, error: `${label} must be valid JSON.` };
      }
  }
}
