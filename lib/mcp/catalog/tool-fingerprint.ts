import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** JSON with object keys sorted, so the same definition always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The parts of a tool that change what calling it means; approvals are bound to their hash. */
export function fingerprintedParts(tool: Tool) {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: tool.outputSchema,
    annotations: tool.annotations,
  };
}

/**
 * Fingerprints already computed, by the definition's plain `JSON.stringify` text (a native call,
 * many times cheaper than the canonical form): a refresh mostly lists the tools it listed before,
 * in the same key order. The same text is the same JSON value, so the same canonical form; a tool
 * listed with its keys in another order misses here and is hashed from its canonical form.
 */
const known = new Map<string, string>();
/** About 20 connectors of 250 tools; the oldest go first. */
const MAX_KNOWN = 5_000;

/** SHA-256 (hex) of the tool's canonical definition (computed once per distinct definition). */
export async function fingerprintTool(tool: Tool): Promise<string> {
  const parts = fingerprintedParts(tool);
  const plain = JSON.stringify(parts);
  const hit = known.get(plain);
  if (hit !== undefined) return hit;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(parts)));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  known.set(plain, hex);
  if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
  return hex;
}
