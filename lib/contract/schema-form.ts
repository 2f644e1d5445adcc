/** How one top-level parameter is edited by hand; anything not simple is edited as JSON. */
export interface ParameterField {
  name: string;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';
  required: boolean;
  description?: string;
  options?: string[];
  /** The text the field starts with: the schema's default, or empty. */
  initial: string;
}

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  default?: unknown;
}

/** One field per top-level property of an object input schema, required ones first. */
export function fieldsOf(inputSchema: { properties?: Record<string, unknown>; required?: string[] }): ParameterField[] {
  const required = new Set(inputSchema.required ?? []);
  const fields = Object.entries(inputSchema.properties ?? {}).map(([name, raw]) => fieldOf(name, (raw ?? {}) as PropertySchema, required.has(name)));
  return fields.sort((a, b) => Number(b.required) - Number(a.required));
}

function fieldOf(name: string, schema: PropertySchema, required: boolean): ParameterField {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const base = { name, required, description: schema.description };
  if (schema.enum?.every((v) => typeof v === 'string')) {
    return { ...base, kind: 'enum', options: schema.enum as string[], initial: typeof schema.default === 'string' ? schema.default : '' };
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
    return { ...base, kind: type, initial: schema.default === undefined ? '' : String(schema.default) };
  }
  return { ...base, kind: 'json', initial: schema.default === undefined ? '' : JSON.stringify(schema.default, null, 2) };
}

/** Field texts turned into arguments; empty optional fields are left out. */
export function argumentsFrom(fields: ParameterField[], values: Record<string, string>): { args: Record<string, unknown>; errors: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = values[field.name] ?? '';
    if (text.trim() === '' && field.kind !== 'boolean') {
      if (field.required) errors[field.name] = `${field.name} is required.`;
      continue;
    }
    switch (field.kind) {
      case 'string':
      case 'enum':
        args[field.name] = text;
        break;
      case 'number':
      case 'integer': {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) errors[field.name] = `${field.name} must be ${field.kind === 'integer' ? 'a whole number' : 'a number'}.`;
        else args[field.name] = n;
        break;
      }
      case 'boolean':
        if (text !== '' || field.required) args[field.name] = text === 'true';
        break;
      case 'json':
        try {
          args[field.name] = JSON.parse(text);
        } catch {
          errors[field.name] = `${field.name} must be valid JSON.`;
        }
        break;
    }
  }
  return { args, errors };
}
