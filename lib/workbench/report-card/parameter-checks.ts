import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { finding, quoted } from './finding';

/** Nested objects are checked this deep; deeper ones are rare and a hostile schema may be endless. */
const MAX_DEPTH = 4;

/** "one of a, b, c", "either a or b", "allowed values: …", "a | b | c": a closed list in prose. */
const CLOSED_VALUES = /\b(one\s+of|either|(allowed|possible|valid|accepted|supported)\s+values?)\b\s*:?\s*(.+)$|((?:["'`]?\w+["'`]?\s*\|\s*){2,}["'`]?\w+["'`]?)/i;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The seed's "add parameter descriptions (and enums)": every parameter described (Warning when
 * not: the model guesses what to put), a string whose description lists its values made an
 * `enum` (Info), and `required` naming only declared properties (Warning: the model cannot know it).
 */
export function checkParameters(tool: Tool): Finding[] {
  const found: Finding[] = [];
  walk(tool.inputSchema, '', 0, (path, property) => {
    const description = typeof property.description === 'string' ? property.description.trim() : '';
    if (description === '' && typeof property.$ref !== 'string') {
      found.push(finding('warning', tool.name, 'parameter-undescribed', `The parameter ${quoted(path)} has no description.`, `Add "description" to ${quoted(path)}: what it means, its format and an example value.`));
    }
    const values = closedValues(description);
    if (values && isStringLike(property) && !('enum' in property) && !('const' in property) && !('oneOf' in property) && !('anyOf' in property)) {
      found.push(finding('info', tool.name, 'parameter-enum-missing', `The parameter ${quoted(path)} is a free string, but its description lists its values.`, `Declare them: "enum": ${JSON.stringify(values)}.`));
    }
  });
  const declared = isObject(tool.inputSchema.properties) ? tool.inputSchema.properties : {};
  for (const name of tool.inputSchema.required ?? []) {
    if (!Object.hasOwn(declared, name)) {
      found.push(finding('warning', tool.name, 'required-not-declared', `\`required\` names ${quoted(name)}, which \`properties\` does not declare: the model cannot know what to put there.`, `Declare ${quoted(name)} under "properties" with its type and description, or drop it from "required".`));
    }
  }
  return found;
}

function walk(schema: unknown, prefix: string, depth: number, visit: (path: string, property: Json) => void): void {
  if (!isObject(schema) || depth > MAX_DEPTH) return;
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const path = prefix === '' ? name : `${prefix}.${name}`;
    visit(path, property);
    walk(property, path, depth + 1, visit);
    if (isObject(property.items)) walk(property.items, `${path}[]`, depth + 1, visit);
  }
}

function isStringLike(property: Json): boolean {
  return property.type === undefined || property.type === 'string' || (Array.isArray(property.type) && property.type.includes('string'));
}

/** The values a description lists, when it reads as a closed list of at least two. */
export function closedValues(description: string): string[] | null {
  const match = CLOSED_VALUES.exec(description);
  if (!match) return null;
  const list = (match[3] ?? match[4] ?? '').split(/[.;(]\s/)[0]!;
  const values = list
    .split(/\s*(?:,|\||\bor\b|\band\b)\s*/i)
    .map((value) => value.trim().replace(/^["'`]|["'`.]$/g, '').replace(/["'`]$/, ''))
    .filter((value) => /^[\w.-]{1,40}$/.test(value));
  return values.length >= 2 ? [...new Set(values)] : null;
}
