import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { JSON_SCHEMA_META } from './json-schema-meta';

/** How many problems one finding names: the first few say enough to start fixing. */
const MAX_PROBLEMS = 3;
/** Deeper than this a schema is not checked (a hostile one would exhaust the validator's stack). */
export const MAX_SCHEMA_DEPTH = 64;
const meta = new Validator(JSON_SCHEMA_META, '2020-12', false);

/**
 * The problems that keep `schema` from being valid JSON Schema, as `at <pointer>: <what>` lines;
 * empty when it is valid. Checked against the meta-schema with `@cfworker/json-schema` (eval-free,
 * so it runs in the worker under the MV3 CSP), then every local `$ref` is resolved.
 */
export function schemaProblems(schema: unknown): string[] {
  if (depthOf(schema) > MAX_SCHEMA_DEPTH) return [`it nests deeper than ${MAX_SCHEMA_DEPTH} levels, more than any model API takes.`];
  let result: ReturnType<Validator['validate']>;
  try {
    result = meta.validate(schema);
  } catch (error) {
    return [`it could not be checked (${error instanceof Error ? error.message : String(error)}).`];
  }
  const problems = result.valid ? [] : leaves(result.errors).map((unit) => `at ${pointerOf(unit.instanceLocation)}: ${unit.error.replace(/^Instance/, 'the value')}`);
  return [...problems, ...danglingRefs(schema)].slice(0, MAX_PROBLEMS);
}

/** Keywords whose errors only say that something inside them failed. */
const WRAPPERS = new Set(['$ref', 'anyOf', 'oneOf', 'allOf', 'properties', 'additionalProperties', 'items', 'type']);

/**
 * One error per place nothing deeper explains ("a subschema had errors" says less than the error
 * inside it), preferring the one that names what is allowed over one per alternative tried.
 */
function leaves(units: readonly OutputUnit[]): OutputUnit[] {
  const deepest = units.filter((unit) => !units.some((other) => other !== unit && other.instanceLocation.startsWith(`${unit.instanceLocation}/`)));
  const byPlace = new Map<string, OutputUnit>();
  for (const unit of deepest) {
    const kept = byPlace.get(unit.instanceLocation);
    if (!kept || (WRAPPERS.has(kept.keyword) && !WRAPPERS.has(unit.keyword))) byPlace.set(unit.instanceLocation, unit);
  }
  return [...byPlace.values()];
}

/** How deep objects and arrays nest, counted without recursion (so a deep one cannot overflow it). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_SCHEMA_DEPTH) return deepest;
    for (const value of Object.values(node)) stack.push([value, depth + 1]);
  }
  return deepest;
}

function pointerOf(location: string): string {
  const pointer = location.replace(/^#/, '');
  return pointer === '' ? '(root)' : pointer;
}

/** Local `$ref`s (`#`, `#/json/pointer`, `#anchor`) that point at nothing in the schema. */
function danglingRefs(root: unknown): string[] {
  const refs: string[] = [];
  const anchors = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else if ((key === '$anchor' || key === '$dynamicAnchor') && typeof value === 'string') anchors.add(value);
      else walk(value, depth + 1);
    }
  };
  walk(root, 0);
  return refs.filter((ref) => ref.startsWith('#') && !resolves(root, ref, anchors)).map((ref) => `$ref "${ref}" points at nothing in this schema.`);
}

function resolves(root: unknown, ref: string, anchors: ReadonlySet<string>): boolean {
  if (ref === '#') return true;
  if (!ref.startsWith('#/')) return anchors.has(ref.slice(1));
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const token = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
