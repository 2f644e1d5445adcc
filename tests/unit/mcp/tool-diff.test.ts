import { describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { diffToolLists } from '@/lib/mcp/catalog/tool-diff';
import { isEmptyDiff } from '@/lib/contract/tool-diff';
import { canonicalJson, fingerprintTool } from '@/lib/mcp/catalog/tool-fingerprint';

const tool = (overrides: Partial<Tool> = {}): Tool => ({
  name: 'search',
  description: 'Searches the docs.',
  inputSchema: { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'number' } }, required: ['query'] },
  annotations: { readOnlyHint: true },
  ...overrides,
});

describe('tool fingerprint', () => {
  it('is a SHA-256 hex digest that ignores key order and undefined fields', async () => {
    const reordered: Tool = {
      annotations: { readOnlyHint: true },
      inputSchema: { required: ['query'], properties: { limit: { type: 'number' }, query: { type: 'string' } }, type: 'object' },
      description: 'Searches the docs.',
      name: 'search',
      title: undefined,
    };
    const hash = await fingerprintTool(tool());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprintTool(reordered)).toBe(hash);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });

  it('changes with the description, the schemas and the annotations', async () => {
    const base = await fingerprintTool(tool());
    const variants = [
      tool({ description: 'Searches the docs, and writes them.' }),
      tool({ title: 'Search' }),
      tool({ inputSchema: { type: 'object', properties: { query: { type: 'string' } } } }),
      tool({ outputSchema: { type: 'object', properties: { hits: { type: 'number' } } } }),
      tool({ annotations: { readOnlyHint: false } }),
      tool({ annotations: { readOnlyHint: true, destructiveHint: true } }),
    ];
    const hashes = await Promise.all(variants.map(fingerprintTool));
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('ignores what does not change what a call means (_meta, icons)', async () => {
    const decorated = { ...tool(), _meta: { ui: 'x' }, icons: [{ src: 'https://example.test/i.png' }] } as Tool;
    expect(await fingerprintTool(decorated)).toBe(await fingerprintTool(tool()));
  });
});

describe('tool list diff', () => {
  it('names added, removed and changed tools, with each changed field before and after', () => {
    const before = [tool(), tool({ name: 'delete_doc', description: 'Deletes.' })];
    const after = [
      tool({ description: 'Searches everything.', annotations: { readOnlyHint: true, openWorldHint: true } }),
      tool({ name: 'create_doc' }),
    ];
    expect(diffToolLists(before, after)).toEqual({
      added: ['create_doc'],
      removed: ['delete_doc'],
      changed: [{
        name: 'search',
        fields: [
          { field: 'description', before: 'Searches the docs.', after: 'Searches everything.' },
          { field: 'annotations', before: { readOnlyHint: true }, after: { readOnlyHint: true, openWorldHint: true } },
        ],
      }],
    });
  });

  it('sees no change in a reordered list or reordered schema keys', () => {
    const reordered = tool({ inputSchema: { type: 'object', required: ['query'], properties: { limit: { type: 'number' }, query: { type: 'string' } } } });
    const diff = diffToolLists([tool(), tool({ name: 'b' })], [tool({ name: 'b' }), reordered]);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(isEmptyDiff(diffToolLists([], [tool()]))).toBe(false);
  });
});
