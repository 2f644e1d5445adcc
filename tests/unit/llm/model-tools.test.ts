import { describe, expect, it } from 'vitest';
import { adaptInputSchema, buildModelTools } from '@/lib/llm/model-tools';
import { MODEL_TOOL_NAME } from '@/lib/llm/tool-names';

const connectors = [
  {
    id: 'c1',
    label: 'My Files',
    enabledTools: ['read', 'write'],
    tools: [
      { name: 'read', description: 'Reads a file.', inputSchema: { type: 'object' as const, properties: { path: { type: 'string' } } }, annotations: { readOnlyHint: true } },
      { name: 'write', description: 'Writes a file.', inputSchema: { type: 'object' as const } },
      { name: 'off', description: 'Disabled.', inputSchema: { type: 'object' as const } },
    ],
  },
  { id: 'c2', label: 'My Files', enabledTools: ['read'], tools: [{ name: 'read', inputSchema: { type: 'object' as const } }] },
];

describe('buildModelTools', () => {
  it('offers only enabled tools, with safe unique names and their connector in the description', () => {
    const set = buildModelTools(connectors);
    expect(set.tools.map((t) => `${t.connectorId}/${t.tool.name}`)).toEqual(['c1/read', 'c1/write', 'c2/read']);
    const names = set.tools.map((t) => t.modelName);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(MODEL_TOOL_NAME);
    expect(set.tools[1]!.modelName).toBe('My_Files__write');
    expect(set.tools[0]!.definition.description).toContain('My Files');
    expect(set.tools[0]!.definition.description).toContain('Reads a file.');
    expect(set.find(set.tools[2]!.modelName)).toMatchObject({ connectorId: 'c2', readOnly: false });
    expect(set.tools[0]!.readOnly).toBe(true);
    expect(set.tools[1]!.definition.parameters).toEqual({ type: 'object', properties: {} });
  });

  it('keeps the schema and adds what providers insist on', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { a: { type: 'number' } }, required: ['a'] };
    expect(adaptInputSchema(schema as never)).toEqual({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'] });
    expect(adaptInputSchema(undefined)).toEqual({ type: 'object', properties: {} });
  });
});
